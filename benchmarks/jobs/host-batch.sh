#!/usr/bin/env bash
# Issues a generated learners CSV through the host's API — "issued and stored" is the host's path: POST /api/batches
# (202 with the job's URL), polls GET on it until done, and prints rows/s, the host's CPU time per row over the job
# (user + system from /proc/<pid>/stat) and the host's peak RSS (VmHWM). Then revokes the whole job
# (POST /api/batches/{id}/revoke) and prints credentials revoked per second. Credentials only: the host renders PDFs at
# first download, not at issue. Figures go to docs/benchmarks.md, "Batch jobs"; run on a quiet machine.
#
# Usage:  benchmarks/jobs/host-batch.sh <rows>
#   MICROCRED_BENCH_PRELOAD=100000  first issue (and wait for) that many other learners, so the measured job goes into a
#                                   database already holding them (their figures are printed too, marked "preload")
#   MICROCRED_BENCH_POSTGRES='Host=127.0.0.1;Database=…;Username=…;Password=…'  PostgreSQL (an empty database) instead
#                                   of a fresh SQLite file
#   MICROCRED_BENCH_WORKERS=2       Jobs:Workers (default: every core)
# Needs: the .NET 10 SDK, curl.
set -euo pipefail
rows="${1:?rows (e.g. 1000, 10000, 100000)}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
work="$(mktemp -d "${TMPDIR:-/tmp}/microcred-hostbatch-XXXXXX")"
port=5078
base="http://127.0.0.1:$port"
source benchmarks/host-start.sh
cleanup() { [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

bench_build src/MicroCredentials.Host src/MicroCredentials.Cli benchmarks/MicroCredentials.Benchmarks
bench="benchmarks/MicroCredentials.Benchmarks/bin/Release/net10.0/MicroCredentials.Benchmarks.dll"

storage_cli=(--db "$work/bench.db")
storage_env=(Issuer__StorageProvider=Sqlite "Issuer__ConnectionString=Data Source=$work/bench.db")
if [ -n "${MICROCRED_BENCH_POSTGRES:-}" ]; then
  storage_cli=(--postgres "$MICROCRED_BENCH_POSTGRES")
  storage_env=(Issuer__StorageProvider=Postgres "Issuer__ConnectionString=$MICROCRED_BENCH_POSTGRES")
fi
issuer=$(bench_apikey "batch bench" issuer "${storage_cli[@]}")
admin=$(bench_apikey "batch bench admin" administrator "${storage_cli[@]}")
bench_start_host "$base" "${storage_env[@]}" ${MICROCRED_BENCH_WORKERS:+Jobs__Workers=$MICROCRED_BENCH_WORKERS}

ticks() { awk '{print $14 + $15}' "/proc/$host_pid/stat"; }
hwm() { awk '/^VmHWM/ {print $2}' "/proc/$host_pid/status"; }
field() { grep -o "\"$1\":[^,}]*" | head -1 | cut -d: -f2 | tr -d '"'; }

# Issues one CSV as a job and prints its figures line; $1 = label, $2 = rows, $3 = first learner number.
run_job() {
  local label=$1 count=$2 first=$3
  dotnet "$bench" learners "$count" "$work/learners-$first.csv" "$first"
  local t0 c0 t1 c1 job state="" answer
  t0=$(date +%s.%N); c0=$(ticks)
  job=$(curl -fs -H "Authorization: Bearer $issuer" -H "Content-Type: text/csv" --data-binary @"$work/learners-$first.csv" "$base/api/batches" | field url)
  [ -n "$job" ] || { echo "POST /api/batches gave no job URL" >&2; exit 1; }
  local failed=0
  while true; do
    # A failed poll is retried (one dropped request must not end a long run), ten in a row end it with the answer.
    if ! answer=$(curl -sS -f -H "Authorization: Bearer $issuer" "$base$job" 2>&1); then
      failed=$((failed + 1))
      [ "$failed" -lt 10 ] || { echo "polling $job failed 10 times in a row: $answer" >&2; exit 1; }
      sleep 1
      continue
    fi
    failed=0
    state=$(field state <<<"$answer")
    case "$state" in done) break ;; cancelled) echo "the job was cancelled" >&2; exit 1 ;; esac
    sleep 0.5
  done
  t1=$(date +%s.%N); c1=$(ticks)
  awk -v label="$label" -v rows="$count" -v issued="$(field issued <<<"$answer")" -v t0="$t0" -v t1="$t1" \
    -v cpu=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" -v rss="$(hwm)" 'BEGIN { wall = t1 - t0
    printf "host %s %d rows (issued %d): wall %.1f s, %.0f rows/s, host CPU %.1f s (%.2f ms/row), host peak RSS %.0f MiB\n",
      label, rows, issued, wall, rows / wall, cpu / hz, cpu / hz * 1000 / rows, rss / 1024 }'
  last_job=$job
}

if [ -n "${MICROCRED_BENCH_PRELOAD:-}" ]; then run_job preload "$MICROCRED_BENCH_PRELOAD" 1000000; fi
run_job issue "$rows" 0

t0=$(date +%s.%N)
answer=$(curl -fs -H "Authorization: Bearer $admin" -H "Content-Type: application/json" --data '{"reason":"benchmark"}' "$base$last_job/revoke")
t1=$(date +%s.%N)
awk -v revoked="$(field revoked <<<"$answer")" -v t0="$t0" -v t1="$t1" 'BEGIN { wall = t1 - t0
  printf "host revoke-job: %d revoked, wall %.1f s, %.0f credentials/s\n", revoked, wall, revoked / wall }'
