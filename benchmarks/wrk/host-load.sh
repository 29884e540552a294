#!/usr/bin/env bash
# The host under load on loopback, in one run:
#   POST /api/verify with a VC-JWT and with a Data Integrity JSON credential, GET /v/{handle} (the QR code's page),
#   then the in-process CredentialVerifier rate (no HTTP) of the benchmark project, so both come from the same run.
# It builds the host in Release, starts it on a fresh SQLite file with the demo keys, issues the sample learners with
# an issuer API key made by `microcred apikeys create` on that file, checks each request answers 200 "valid", warms up, then measures with wrk.
#
# Batches are durable jobs: the learners are issued through POST /api/batches (202 with the job's URL), the job is
# polled until done, and its links CSV gives the pages and download links.
#
# Usage (from anywhere):   benchmarks/wrk/host-load.sh [seconds per wrk run, default 15]
#                          benchmarks/wrk/host-load.sh --check   (set-up and the "valid" checks only: no wrk, no figures)
# Needs: the .NET 10 SDK, wrk, curl. wrk shares the machine's cores with the host.
set -euo pipefail
cd "$(dirname "$0")/../.."
check_only=false
if [ "${1:-}" = "--check" ]; then check_only=true; shift; fi
seconds=${1:-15}
port=5077
base="http://127.0.0.1:$port"
work=$(mktemp -d)
source benchmarks/host-start.sh
cleanup() { [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

bench_build src/MicroCredentials.Host benchmarks/MicroCredentials.Benchmarks src/MicroCredentials.Cli
key=$(bench_apikey "wrk load" issuer --db "$work/bench.db")
# The public rate limit is raised so wrk measures the work, not the limiter (which stays in the pipeline).
bench_start_host "$base" "Issuer__ConnectionString=Data Source=$work/bench.db" Issuer__PublicRequestsPerMinute=1000000

job=$(curl -fs -H "Authorization: Bearer $key" -H "Content-Type: text/csv" \
  --data-binary @samples/learners.csv "$base/api/batches" | grep -o '"url":"[^"]*"' | head -1 | cut -d'"' -f4) || job=""
[ -n "$job" ] || { echo "POST /api/batches gave no job URL" >&2; exit 1; }
state=""
for _ in $(seq 1 240); do
  state=$(curl -fs -H "Authorization: Bearer $key" "$base$job" | grep -o '"state":"[a-z]*"' | cut -d'"' -f4)
  [ "$state" = "done" ] && break
  sleep 0.5
done
[ "$state" = "done" ] || { echo "the batch job $job is still '$state' after 120 s" >&2; exit 1; }
curl -fs -H "Authorization: Bearer $key" "$base$job/links.csv" >"$work/links.csv"
page=$(sed -n 2p "$work/links.csv" | cut -d';' -f6)
download=$(sed -n 2p "$work/links.csv" | cut -d';' -f7)
curl -fs "$download/credential.jwt" -o "$work/credential.jwt"
curl -fs "$download/credential.json" -o "$work/credential.json"
for pair in "credential.jwt text/plain" "credential.json application/json"; do
  set -- $pair
  answer=$(curl -fs -H "Content-Type: $2" --data-binary @"$work/$1" "$base/api/verify") || answer=""
  grep -q '"verdict":"valid"' <<<"$answer" || { echo "$1 does not verify as valid" >&2; exit 1; }
done
# Read whole before grep: grep -q stops early, and under pipefail curl's broken pipe would fail the check.
html=$(curl -fs -H "Accept: text/html" "$page") || html=""
grep -q 'data-verdict="Valid"' <<<"$html" || { echo "the page $page does not say valid" >&2; exit 1; }
if $check_only; then echo "host-load.sh --check: batch issued, JWT, JSON and page answer valid ($page)"; exit 0; fi

ticks() { awk '{print $14 + $15}' "/proc/$host_pid/stat"; }
measure() { # name, then wrk arguments
  local name=$1; shift
  wrk -t2 -c32 -d10s "$@" >/dev/null # warm-up: tiered JIT, connection pools, caches
  local before after out
  before=$(ticks)
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$@")
  after=$(ticks)
  local rate p50 p99 errors
  rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  local cpu
  cpu=$(awk -v t=$((after - before)) -v r="$rate" -v s="$seconds" 'BEGIN { printf "%.3f", t * 10 / (r * s) }')
  printf '| %s | %.0f | %s | %s | %s | %s |\n' "$name" "$rate" "$p50" "$p99" "$cpu" "${errors:-none}"
}

echo "Host load, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t2 -c32 -d${seconds}s --latency, after a 10 s warm-up each; host CPU = host process user+system time per request"
echo
echo "| Endpoint | Requests/s | p50 | p99 | host CPU ms/request | errors |"
echo "|---|---:|---:|---:|---:|---|"
measure 'POST /api/verify, VC-JWT (text/plain)' -s benchmarks/wrk/post-file.lua "$base/api/verify" -- "$work/credential.jwt" text/plain
measure 'POST /api/verify, Data Integrity JSON' -s benchmarks/wrk/post-file.lua "$base/api/verify" -- "$work/credential.json" application/json
measure 'GET /v/{handle} (HTML page)' -s benchmarks/wrk/get-html.lua "$page"
kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""

echo
echo "In-process CredentialVerifier, same run (no HTTP; CPU time per verification, one thread):"
echo
dotnet run -c Release --no-build --project benchmarks/MicroCredentials.Benchmarks -- cpu 3 CredentialVerifier
