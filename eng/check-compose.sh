#!/usr/bin/env bash
# Validates docker-compose.yml with Debian's docker-compose (installed if missing). No Docker engine is needed:
# `config` only parses and resolves the file. Exits non-zero only when the file is invalid.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v docker-compose >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq docker-compose; } >/dev/null 2>&1
fi
if ! command -v docker-compose >/dev/null 2>&1; then
  echo "[compose] docker-compose is not available here; docker-compose.yml not validated" >&2
  exit 0
fi
if docker-compose -f docker-compose.yml config -q; then
  echo "[compose] docker-compose.yml is valid" >&2
else
  echo "[compose] docker-compose.yml is INVALID" >&2
  exit 1
fi
