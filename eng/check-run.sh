#!/usr/bin/env bash
# Checks the first quick-start command end to end: `./run.sh` is started twice in a row on a database of its own,
# and each time it must serve /health, the seeded activity catalog (20 subcategories in 2 categories) and the demo
# sign-in, with the same number of volunteers both times (seeds load idempotently). Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

export ConnectionStrings__Marten="Host=127.0.0.1;Port=5432;Database=quntuan_smoke;Username=quntuan;Password=quntuan"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 5089)"
base="http://127.0.0.1:$port"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

say() { echo "[run.sh] $*" >&2; }

# One start of ./run.sh: waits for /health, probes, prints the volunteer count, stops the whole process group.
serve_and_probe() {
  PORT="$port" setsid ./run.sh >"$log" 2>&1 &
  local pid=$! ok=1 volunteers=""
  for _ in $(seq 1 180); do
    curl -fsS "$base/health" >/dev/null 2>&1 && { ok=0; break; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if [ "$ok" -eq 0 ]; then
    local activities token
    activities="$(curl -fsS "$base/api/activities")" || ok=1
    python3 - "$activities" <<'PY' || ok=1
import json, sys
catalog = json.loads(sys.argv[1])
categories = [c for c in catalog["categories"] if c["activities"]]
codes = {a["code"] for c in categories for a in c["activities"]}
assert len(codes) == 20 and len(categories) == 2, (len(codes), len(categories))
assert all(a["currentRule"] for c in categories for a in c["activities"]), "a subcategory without a rule in force"
PY
    token="$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"admin","password":"lanhua-demo-2026"}' \
      "$base/api/auth/token" | python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])')" || ok=1
    volunteers="$(curl -fsS -H "Authorization: Bearer $token" "$base/api/communities/lanhua/volunteers?pageSize=1" \
      | python3 -c 'import json, sys; print(json.load(sys.stdin)["totalCount"])')" || ok=1
  fi
  kill -- -"$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  if [ "$ok" -ne 0 ] || [ -z "$volunteers" ]; then
    say "FAILED; its output:"; tail -n 40 "$log" >&2
    return 1
  fi
  echo "$volunteers"
}

first="$(serve_and_probe)" || exit 1
second="$(serve_and_probe)" || exit 1
if [ "$first" != "$second" ]; then
  say "FAILED: $first volunteers after the first start, $second after the second"
  exit 1
fi
say "serves /health, 20 activities in 2 categories and demo sign-in; $second volunteers after two starts"
