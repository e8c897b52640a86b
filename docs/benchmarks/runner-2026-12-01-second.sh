#!/bin/bash
# The second runner measurement of 2026-12-01 (docs/benchmarks.md), phase by phase, from the repository
# root on a machine where nothing else runs. Output: the phases' own logs, appended to
# .ponte/benchmark/results.log; this run's copies are in runner-2026-12-01-second.log.
set -u
cd "$(dirname "$0")/../.."
B() { ./mvnw -B -q -Pbenchmark -pl benchmark compile exec:java -Dexec.args="$1"; }
./mvnw -B -q install -DskipTests -DskipITs || exit 1

# (a) ingest, runner paused
PONTE_SKIP_BUILD=1 PONTE_RUNNER_ENABLED=false PONTE_KOMMO_SIM_STATE=false PONTE_KOMMO_SIM_HEAP=512m ./ponte up --detach || exit 1
B "seed --workspaces 1000 --automations 1"
B "ingest --rates 1000,1500,2000,2500 --duration 20s --warmup 30s"
./ponte down

# drain (right after a start), then (b) and (c) on 1,000 workspaces
PONTE_SKIP_BUILD=1 PONTE_KOMMO_SIM_STATE=false PONTE_KOMMO_SIM_HEAP=512m ./ponte up --detach || exit 1
B "seed --workspaces 1000 --automations 1"
B "drain --events 150 --workspace 1 --pace 2"
B "e2e --rates 100 --duration 60s --keep-going"     # warm-up: the JIT compiler's first minute
B "e2e --rates 200,300 --duration 30s --keep-going"
B "noisy --backlog 10000 --backlog-rate 1000 --rate 50 --duration 60s --timeout 2m"
./ponte down

# (b) on 10,000 workspaces × 5 automations
PONTE_SKIP_BUILD=1 PONTE_KOMMO_SIM_STATE=false PONTE_KOMMO_SIM_HEAP=1g ./ponte up --detach || exit 1
B "seed --workspaces 10000 --automations 5"
B "e2e --rates 100 --duration 60s --keep-going"
B "e2e --rates 200,300 --duration 30s --keep-going"
./ponte down
