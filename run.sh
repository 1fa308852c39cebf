#!/usr/bin/env bash
# Starts QunTuan locally: makes sure PostgreSQL is reachable (installing and starting a private cluster if
# needed), loads the seed data, and serves the API on http://127.0.0.1:${PORT:-5080}.
set -euo pipefail
cd "$(dirname "$0")"
source eng/db.sh

export ConnectionStrings__Marten="${ConnectionStrings__Marten:-Host=127.0.0.1;Port=5432;Database=quntuan;Username=quntuan;Password=quntuan}"
ensure_database "$ConnectionStrings__Marten"

export Seeding__Enabled="${Seeding__Enabled:-true}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
port="${PORT:-5080}"
echo "QunTuan: serving on http://127.0.0.1:$port (API reference at /docs, health at /health)"
exec dotnet run --project src/Api -c Release -- --urls "http://127.0.0.1:$port" "$@"
