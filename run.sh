#!/usr/bin/env bash
# Starts QunTuan locally: makes sure PostgreSQL is reachable (installing and starting a private cluster if
# needed), loads the seed data, and serves the API on http://127.0.0.1:${PORT:-5080}.
#
#   ./run.sh                     the seeded community, served in Development with demo accounts
#   ./run.sh --scenario lanhua   a fresh database (quntuan_lanhua) holding the generated Lanhua year 2025
set -euo pipefail
cd "$(dirname "$0")"
source eng/db.sh

scenario=""
if [ "${1:-}" = "--scenario" ]; then
  scenario="${2:?usage: ./run.sh --scenario lanhua}"
  [ "$scenario" = "lanhua" ] || { echo "unknown scenario: $scenario (known: lanhua)" >&2; exit 2; }
  shift 2
fi

if [ -n "$scenario" ]; then
  export ConnectionStrings__Marten="${ConnectionStrings__Marten:-Host=127.0.0.1;Port=5432;Database=quntuan_lanhua;Username=quntuan;Password=quntuan}"
  ensure_database "$ConnectionStrings__Marten"
  reset_schema "$ConnectionStrings__Marten" quntuan
  export Scenario__Name="$scenario"
else
  export ConnectionStrings__Marten="${ConnectionStrings__Marten:-Host=127.0.0.1;Port=5432;Database=quntuan;Username=quntuan;Password=quntuan}"
  ensure_database "$ConnectionStrings__Marten"
fi

export Seeding__Enabled="${Seeding__Enabled:-true}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
port="${PORT:-5080}"
echo "QunTuan: serving on http://127.0.0.1:$port (API reference at /docs, health at /health)"
exec dotnet run --project src/Api -c Release -- --urls "http://127.0.0.1:$port" "$@"
