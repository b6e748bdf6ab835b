#!/usr/bin/env bash
# Ships one file of JSON log lines through a real agent and daemon (journal fsync per batch, the demo's
# rules on) and prints how long it took from agent start until the daemon had ingested every line.
#
#   tests/bench/ship-file.sh [LINES] [BATCH_LINES] [BATCH_BYTES] [RUNS]
#
# Defaults: 300000 lines (about 70 MB, ~233 B each with trace ids), the agent's default batch (10000 lines,
# 4 MiB), 3 runs. Compare two batch settings side by side by running it twice, alternately if you can.
set -euo pipefail
lines=${1:-300000}
batch_lines=${2:-10000}
batch_bytes=${3:-4194304}
runs=${4:-3}
port=${SEISMO_BENCH_PORT:-7399}

root=$(cd "$(dirname "$0")/../.." && pwd)
seismo="$root/packaging/bin/seismo"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# Deterministic input: six services, one error in 97 lines, pseudo-random trace ids from a fixed seed.
awk -v n="$lines" 'BEGIN {
  srand(1); split("gateway auth catalog checkout payments payments-db", svc, " ");
  for (i = 1; i <= n; i++) {
    t = ""; for (k = 0; k < 4; k++) t = t sprintf("%08x", int(rand() * 4294967296));
    s = ""; for (k = 0; k < 2; k++) s = s sprintf("%08x", int(rand() * 4294967296));
    printf "{\"@timestamp\":\"2026-11-23T12:%02d:%02d.%03dZ\",\"level\":\"%s\",\"service.name\":\"%s\",\"trace_id\":\"%s\",\"span_id\":\"%s\",\"message\":\"handled request %d for customer %d in %d ms\",\"seq\":%d}\n",
      int(i / 300000) % 60, int(i / 5000) % 60, int((i % 5000) / 5), (i % 97 == 0 ? "ERROR" : "INFO"),
      svc[i % 6 + 1], t, s, i, int(rand() * 99999) + 1, int(rand() * 300) + 1, i
  } }' > "$work/input.log"
echo "input: $lines lines, $(($(stat -c %s "$work/input.log") / 1000000)) MB; batches of $batch_lines lines / $batch_bytes bytes"

metric() {
  curl -s "http://127.0.0.1:$port/metrics" | awk -v m="$1" '$1 == m { printf "%d", $2 }'
}

for run in $(seq 1 "$runs"); do
  dir="$work/run$run"
  mkdir -p "$dir/rules"
  cp "$root/packaging/src/main/resources/io/seismo/dist/demo/services.groovy" "$dir/rules/"
  printf 'listen: { host: 127.0.0.1, port: %s }\nauth: { tokens: [ bench ] }\ndataDir: data\nrulesDir: rules\nsinks: [ { type: file, path: %s } ]\n' \
    "$port" "$dir/alerts.jsonl" > "$dir/seismo.yaml"
  printf 'daemon: { url: "http://127.0.0.1:%s/v1/ingest", token: bench }\nstateDir: agent-state\nbatch: { maxLines: %s, maxBytes: %s, linger: 200ms }\ninputs: [ { paths: ["%s"], service: bench } ]\n' \
    "$port" "$batch_lines" "$batch_bytes" "$work/input.log" > "$dir/agent.yaml"

  "$seismo" daemon --config "$dir/seismo.yaml" > "$dir/daemon.out" 2>&1 &
  daemon=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/readyz" > /dev/null && break; sleep 0.2; done
  start=$(date +%s%N)
  "$seismo" agent --config "$dir/agent.yaml" > "$dir/agent.out" 2>&1 &
  agent=$!
  for _ in $(seq 1 3000); do
    [ "$(metric seismo_ingest_events_total)" -ge "$lines" ] 2>/dev/null && break
    sleep 0.05
  done
  end=$(date +%s%N)
  got=$(metric seismo_ingest_events_total)
  kill "$agent" "$daemon"; wait "$agent" "$daemon" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  echo "run $run: $got of $lines lines in $ms ms ($(( lines * 1000 / (ms > 0 ? ms : 1) )) lines/s)"
done
