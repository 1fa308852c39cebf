#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL: makes sure one is reachable (installing and starting a
# private cluster if needed), then `dotnet test` on the solution, then checks that ./run.sh serves (eng/check-run.sh).
# Ends with one line: N passed, N failed, N skipped.
set -uo pipefail
cd "$(dirname "$0")"
source eng/db.sh

export ConnectionStrings__Marten="${ConnectionStrings__Marten:-Host=127.0.0.1;Port=5432;Database=quntuan_test;Username=quntuan;Password=quntuan}"
if ! ensure_database "$ConnectionStrings__Marten"; then
  echo "0 passed, 1 failed (PostgreSQL could not be started)"
  exit 1
fi
drop_test_schemas "$ConnectionStrings__Marten"
compose_ok=0
./eng/check-compose.sh || compose_ok=1

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
dotnet test QunTuan.sln -c Release --logger "trx" --results-directory "$results" "$@"
rc=$?
# The other quick-start command, started twice on a database of its own: it serves, and its seeds load once.
run_ok=0
./eng/check-run.sh || run_ok=1

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total="$(get total)"; executed="$(get executed)"
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + total - executed))
done
if [ "$files" -eq 0 ] && [ "$rc" -ne 0 ]; then failed=$((failed + 1)); fi
if [ "$compose_ok" -ne 0 ]; then failed=$((failed + 1)); rc=1; fi
if [ "$run_ok" -ne 0 ]; then failed=$((failed + 1)); rc=1; fi

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
