#!/usr/bin/env bash
# The staff app's spreadsheet journey with many rows (not a CI test): upload + dry run, fix two cells, issue as a job,
# links CSV — through real HTTP on PostgreSQL and SQLite (in that order, one test process); prints the upload + dry-run
# and issue times and the peak memory of the test process, which holds the host (a process-wide peak: the SQLite
# figure includes the PostgreSQL run before it).
#   benchmarks/staff-issue-rows.sh 1000     (or 10000, the most a spreadsheet may hold)
# The spreadsheet has the given number of rows in all: the test writes N - 2 good rows and 2 it first finds invalid.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000}"
STAFF_ISSUE_ROWS=$((rows - 2)) dotnet test tests/MicroCredentials.Host.Tests \
  --filter "FullyQualifiedName~Csv_WithErrors_FixCells_IssueAll_ProgressAndLinks" \
  --logger "console;verbosity=normal" | grep -E "staff issue|Passed|Failed"
