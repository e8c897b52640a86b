#!/bin/bash
# The fifth runner measurement (2026-12-02, 05:35–, docs/benchmarks.md), at f8cfb3d, on a faster
# machine than the fourth: the ingress alone, then the drain of one account, end to end, the noisy
# tenant, and 10,000 workspaces. From the repository root. Output (banner lines with local credentials
# removed): runner-2026-12-02-fifth-{ingest,runner,10k}.txt.
set -u
cd "$(dirname "$0")/../.."
B() { ./mvnw -B -q -Pbenchmark -pl benchmark compile exec:java -Dexec.args="$1"; }

# (a) the ingress alone: a two-minute warm-up at the first rate, then 30 s steps
./ponte down >/dev/null 2>&1
PONTE_SKIP_BUILD=1 PONTE_RUNNER_ENABLED=false PONTE_KOMMO_SIM_STATE=false PONTE_KOMMO_SIM_HEAP=512m ./ponte up --detach || exit 1
B "seed --workspaces 1000 --automations 1"
B "ingest --rates 1500,2000,2500,3000 --duration 30s --warmup 120s"
./ponte down >/dev/null 2>&1

# the drain of one account right after a start (it reads the simulator's request log), then a three-minute
# warm-up at 150/s, (b) end to end and (c) the noisy tenant
PONTE_SKIP_BUILD=1 PONTE_KOMMO_SIM_STATE=false PONTE_KOMMO_SIM_HEAP=512m ./ponte up --detach || exit 1
B "seed --workspaces 1000 --automations 1"
B "drain --events 150 --workspace 1 --pace 2"
B "e2e --rates 150 --duration 180s --keep-going"     # warm-up
B "e2e --rates 150,200,250,300 --duration 30s --keep-going"
B "noisy --backlog 10000 --backlog-rate 300 --rate 50 --duration 90s --timeout 2m"
./ponte down >/dev/null 2>&1

# 10,000 workspaces × 5 automations, the same warm-up and steps
PONTE_SKIP_BUILD=1 PONTE_KOMMO_SIM_STATE=false PONTE_KOMMO_SIM_HEAP=1g ./ponte up --detach || exit 1
B "seed --workspaces 10000 --automations 5"
B "e2e --rates 150 --duration 180s --keep-going"     # warm-up
B "e2e --rates 150,200,250,300 --duration 30s --keep-going"
./ponte down >/dev/null 2>&1
