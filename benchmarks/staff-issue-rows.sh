#!/usr/bin/env bash
# The staff app's spreadsheet journey with many rows (not a CI test): upload + dry run, fix two cells, issue as a job,
# links CSV — through real HTTP on SQLite and PostgreSQL; prints the upload + dry-run and issue times.
#   benchmarks/staff-issue-rows.sh 1000     (or 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
STAFF_ISSUE_ROWS="${1:-1000}" dotnet test tests/MicroCredentials.Host.Tests \
  --filter "FullyQualifiedName~Csv_WithErrors_FixCells_IssueAll_ProgressAndLinks" \
  --logger "console;verbosity=normal" | grep -E "staff issue|Passed|Failed"
