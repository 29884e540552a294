#!/usr/bin/env bash
# Issues a generated learners CSV with `microcred issue` (a durable batch job worked in-process: streamed in, claim →
# sign → commit pipeline, then the graduates' files) into a fresh SQLite database, and prints rows/s, wall and CPU time
# and peak RSS (GNU time). Figures go to docs/benchmarks.md, "Batch jobs"; run on a quiet machine (uptime: load well
# under the core count).
#
# Usage:  benchmarks/jobs/issue-batch.sh <rows> [more `microcred issue` options, e.g. --no-pdf --workers 2]
# PostgreSQL instead of SQLite: MICROCRED_BENCH_POSTGRES='Host=127.0.0.1;Database=…;Username=…;Password=…' (an empty database).
# Into a database already holding credentials: MICROCRED_BENCH_PRELOAD=100000 issues that many other learners first
# (--no-pdf, not measured), then the measured run.
# Through the host's API instead of the CLI: benchmarks/jobs/host-batch.sh.
# Needs: the .NET 10 SDK, GNU time (/usr/bin/time).
set -euo pipefail
rows="${1:?rows (e.g. 1000, 10000, 100000)}"
shift
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/microcred-batch-XXXXXX")"
trap 'rm -rf "$work"' EXIT

dotnet build -c Release -nologo -v q "$root/src/MicroCredentials.Cli" >/dev/null
dotnet build -c Release -nologo -v q "$root/benchmarks/MicroCredentials.Benchmarks" >/dev/null
cli="$root/src/MicroCredentials.Cli/bin/Release/net10.0/microcred.dll"
dotnet "$root/benchmarks/MicroCredentials.Benchmarks/bin/Release/net10.0/MicroCredentials.Benchmarks.dll" learners "$rows" "$work/learners.csv"

storage=(--db "$work/db/microcredentials.db")
if [ -n "${MICROCRED_BENCH_POSTGRES:-}" ]; then storage=(--postgres "$MICROCRED_BENCH_POSTGRES"); fi

if [ -n "${MICROCRED_BENCH_PRELOAD:-}" ]; then
  dotnet "$root/benchmarks/MicroCredentials.Benchmarks/bin/Release/net10.0/MicroCredentials.Benchmarks.dll" learners "$MICROCRED_BENCH_PRELOAD" "$work/preload.csv" 1000000
  dotnet "$cli" issue --catalog "$root/samples/catalog.json" --learners "$work/preload.csv" --out "$work/preload-out" \
    "${storage[@]}" --keys "$root/keys.example" --actor benchmark --no-pdf >"$work/preload.txt" 2>&1 \
    || { echo "the preload run failed:" >&2; tail -n 20 "$work/preload.txt" >&2; exit 1; }
  rm -rf "$work/preload-out"
  echo "preloaded: $(grep -E '^issued ' "$work/preload.txt")"
fi

status=0
/usr/bin/time -o "$work/time.txt" -f '%e %U %S %M' \
  dotnet "$cli" issue --catalog "$root/samples/catalog.json" --learners "$work/learners.csv" --out "$work/out" \
    "${storage[@]}" --keys "$root/keys.example" --actor benchmark "$@" >"$work/run.txt" 2>&1 || status=$?
grep -E '^(job |issued )' "$work/run.txt" || true
if [ "$status" -ne 0 ]; then echo "microcred issue failed (exit $status):" >&2; tail -n 20 "$work/run.txt" >&2; exit "$status"; fi

read -r wall user sys rss_kib <"$work/time.txt"
files=$(find "$work/out" -type f | wc -l)
awk -v rows="$rows" -v wall="$wall" -v user="$user" -v sys="$sys" -v rss="$rss_kib" -v files="$files" -v opts="$*" 'BEGIN {
  printf "rows %d%s: wall %.1f s, %.0f rows/s, CPU %.1f s (%.1f ms/row), peak RSS %.0f MiB, %d files\n",
    rows, (opts == "" ? "" : " (" opts ")"), wall, rows / wall, user + sys, (user + sys) * 1000 / rows, rss / 1024, files }'
