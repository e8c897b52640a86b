#!/bin/bash
# The sixth runner measurement of 2026-12-01 (docs/benchmarks.md, third measurement): end-to-end
# rates above 80/s, the noisy tenant, and the ingress alone with the runner paused; from the
# repository root. Output: the phases' own logs, appended to .ponte/benchmark/results.log; this
# run's copy is runner-2026-12-01-sixth.txt.
set -u
cd "$(dirname "$0")/../.."
B() { ./mvnw -B -q -Pbenchmark -pl benchmark compile exec:java -Dexec.args="$1"; }

./ponte down >/dev/null 2>&1
PONTE_KOMMO_SIM_STATE=false PONTE_KOMMO_SIM_HEAP=512m ./ponte up --detach || exit 1
B "seed --workspaces 1000 --automations 1"
B "drain --events 150 --workspace 1 --pace 2"       # right after the start: it reads the simulator's request log
B "e2e --rates 60 --duration 120s --keep-going"     # warm-up: the JIT compiler's first minutes on this machine
B "e2e --rates 100,200,300 --duration 30s --keep-going"
B "noisy --backlog 10000 --backlog-rate 300 --rate 50 --duration 90s --timeout 2m"
./ponte down >/dev/null 2>&1

# the ingress alone: the runner paused, so the platform's CPU goes to answering webhooks
PONTE_RUNNER_ENABLED=false PONTE_KOMMO_SIM_STATE=false PONTE_KOMMO_SIM_HEAP=512m ./ponte up --detach || exit 1
B "seed --workspaces 1000 --automations 1"
B "ingest --rates 1000,1500,2000 --duration 20s --warmup 30s"
./ponte down >/dev/null 2>&1
