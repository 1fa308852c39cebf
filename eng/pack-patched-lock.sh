#!/usr/bin/env bash
# Re-packs the dependency-only stand-in for Patched.DistributedLock.Postgres into the local feed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet pack "$here/PatchedDistributedLock/Patched.DistributedLock.Postgres.csproj" -c Release -o "$here/packages" --nologo
