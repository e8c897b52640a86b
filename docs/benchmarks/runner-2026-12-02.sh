#!/bin/bash
# The fourth runner measurement (2026-12-02, docs/benchmarks.md): the ingress before and after group
# commit (A/B, the same load generator), then the runner phases. From the repository root; BASE is a
# clone at the commit to compare with (1df054f), built with `./mvnw install -DskipTests` and given this
# checkout's benchmark module. Output: runner-2026-12-02-{ingest-before,ingest,e2e,10k}.txt.
set -u
cd "$(dirname "$0")/../.."
BASE=${BASE:?a clone at the commit to compare with}
B() { ./mvnw -B -q -Pbenchmark -pl benchmark compile exec:java -Dexec.args="$1"; }
ingest() {
  (cd "$1" && ./ponte down >/dev/null 2>&1
   PONTE_SKIP_BUILD=1 PONTE_RUNNER_ENABLED=false PONTE_KOMMO_SIM_STATE=false PONTE_KOMMO_SIM_HEAP=512m ./ponte up --detach || exit 1
   B "seed --workspaces 1000 --automations 1"
   B "ingest --rates 1000,1500,2000,2500 --duration 30s --warmup 90s"
   ./ponte down >/dev/null 2>&1)
}
ingest "$BASE"
ingest .

PONTE_SKIP_BUILD=1 PONTE_KOMMO_SIM_STATE=false PONTE_KOMMO_SIM_HEAP=512m ./ponte up --detach || exit 1
B "seed --workspaces 1000 --automations 1"
B "e2e --rates 60 --duration 120s --keep-going"     # warm-up
B "e2e --rates 100,200,300 --duration 30s --keep-going"
B "noisy --backlog 10000 --backlog-rate 300 --rate 50 --duration 90s --timeout 2m"
./ponte down >/dev/null 2>&1

# 10,000 workspaces × 5 automations (runner-2026-12-02-10k.txt)
PONTE_SKIP_BUILD=1 PONTE_KOMMO_SIM_STATE=false PONTE_KOMMO_SIM_HEAP=1g ./ponte up --detach || exit 1
B "seed --workspaces 10000 --automations 5"
B "e2e --rates 60 --duration 120s --keep-going"     # warm-up
B "e2e --rates 100,150 --duration 30s --keep-going"
./ponte down >/dev/null 2>&1
