#!/bin/bash
# The third runner measurement of 2026-12-01 (docs/benchmarks.md), after a run takes its account's
# permits several at a time and with the noisy-tenant phase split into during/after the flood; from
# the repository root. Output: the phases' own logs, appended to .ponte/benchmark/results.log; this
# run's copy is runner-2026-12-01-third.txt.
set -u
cd "$(dirname "$0")/../.."
B() { ./mvnw -B -q -Pbenchmark -pl benchmark compile exec:java -Dexec.args="$1"; }

./ponte down >/dev/null 2>&1
PONTE_KOMMO_SIM_STATE=false PONTE_KOMMO_SIM_HEAP=512m ./ponte up --detach || exit 1
B "seed --workspaces 1000 --automations 1"
B "drain --events 150 --workspace 1 --pace 2"       # right after the start: it reads the simulator's request log
B "e2e --rates 60 --duration 120s --keep-going"     # warm-up: the JIT compiler's first minutes on this machine
B "e2e --rates 80,80 --duration 30s --keep-going"
# the backlog at a rate this machine's ingress takes (at 1,000/s most of it was not even accepted)
B "noisy --backlog 10000 --backlog-rate 300 --rate 50 --duration 90s --timeout 2m"
