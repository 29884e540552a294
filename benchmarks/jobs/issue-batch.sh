#!/usr/bin/env bash
# Issues a generated learners CSV with `microcred issue` into a fresh SQLite database and reports wall time, CPU time
# and peak RSS (GNU time). Usage: benchmarks/jobs/issue-batch.sh <rows> [--no-pdf]
# Run on a quiet machine (uptime: load well under the core count); figures go to docs/benchmarks.md, "Batch jobs".
set -euo pipefail
rows="${1:?rows (e.g. 1000, 10000, 100000)}"
shift
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/microcred-batch-XXXXXX")"
trap 'rm -rf "$work"' EXIT
dotnet build -c Release "$root/src/MicroCredentials.Cli" -o "$work/cli" >/dev/null
dotnet run -c Release --project "$root/benchmarks/MicroCredentials.Benchmarks" -- learners "$rows" "$work/learners.csv"
/usr/bin/time -f 'wall %e s, user %U s, sys %S s, peak RSS %M KiB' \
  dotnet "$work/cli/microcred.dll" issue --catalog "$root/samples/catalog.json" --learners "$work/learners.csv" \
    --out "$work/out" --db "$work/db/microcredentials.db" --keys "$root/keys.example" "$@" | tail -n 3
