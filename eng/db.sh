#!/usr/bin/env bash
# Database bootstrap shared by run.sh and test.sh (source it, then call ensure_database).
#
# If PostgreSQL answers at the configured connection string, it is used as is. Otherwise, when the
# host is loopback, Debian's postgresql is installed if missing and a private cluster is started under
# .pgdata/ (ignored by git), listening on 127.0.0.1 only, owned by the `postgres` user when we are root.
# Everything here is idempotent: a second run finds the cluster, the role and the database in place.

QT_ROOT="${QT_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

log() { printf '[db] %s\n' "$*" >&2; }

# Reads one key out of an Npgsql connection string (case-insensitive key, first match wins).
cs_get() {
  local cs="$1" want="$2" part key val
  IFS=';' read -ra parts <<<"$cs"
  for part in "${parts[@]}"; do
    key="${part%%=*}"; val="${part#*=}"
    key="$(echo "$key" | tr -d ' ' | tr '[:upper:]' '[:lower:]')"
    if [ "$key" = "$want" ]; then printf '%s' "$val"; return 0; fi
  done
  return 1
}

pg_bin_dir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/initdb" ] && printf '%s' "$d"
}

as_pg() {
  # Runs a PostgreSQL server binary as the cluster owner: `postgres` when we are root, else ourselves.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_postgres() {
  if pg_bin_dir >/dev/null; then return 0; fi
  log "PostgreSQL server not found; installing Debian's postgresql"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
  pg_bin_dir >/dev/null || { log "could not install PostgreSQL"; return 1; }
}

cluster_dir() {
  # Keeps the cluster inside the repo when the cluster owner can reach it, else under /var/tmp.
  local dir="$QT_ROOT/.pgdata"
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$dir" 2>/dev/null || true
    if ! runuser -u postgres -- test -w "$dir" 2>/dev/null; then
      dir="/var/tmp/quntuan-pgdata-$(printf '%s' "$QT_ROOT" | md5sum | cut -c1-8)"
      mkdir -p "$dir"; chown postgres:postgres "$dir"
    fi
  fi
  printf '%s' "$dir"
}

start_private_cluster() {
  local port="$1" bin dir
  install_postgres || return 1
  bin="$(pg_bin_dir)"
  dir="$(cluster_dir)"
  if [ ! -s "$dir/data/PG_VERSION" ]; then
    log "initialising a private cluster in $dir/data"
    as_pg mkdir -p "$dir/data" "$dir/run"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_pg mkdir -p "$dir/run"
  if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$port"
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/run -c max_connections=200" start >/dev/null \
      || { log "PostgreSQL did not start; see $dir/postgres.log"; tail -n 20 "$dir/postgres.log" >&2; return 1; }
  fi
  PRIVATE_SOCKET_DIR="$dir/run"
}

sql_as_superuser() {
  # Runs SQL as the private cluster's superuser over its unix socket (trusted, local only).
  local port="$1"; shift
  as_pg "$(pg_bin_dir)/psql" -h "$PRIVATE_SOCKET_DIR" -p "$port" -U postgres -d postgres -qtAX -v ON_ERROR_STOP=1 "$@"
}

can_connect() {
  local host="$1" port="$2" user="$3" pass="$4" db="$5"
  PGPASSWORD="$pass" PGCONNECT_TIMEOUT=3 psql -h "$host" -p "$port" -U "$user" -d "$db" -qtAX -c 'select 1' >/dev/null 2>&1
}

# ensure_database <connection string> [extra databases...]
ensure_database() {
  local cs="$1"; shift
  local host port db user pass
  host="$(cs_get "$cs" host || echo 127.0.0.1)"
  port="$(cs_get "$cs" port || echo 5432)"
  db="$(cs_get "$cs" database || echo quntuan)"
  user="$(cs_get "$cs" username || cs_get "$cs" 'user id' || echo quntuan)"
  pass="$(cs_get "$cs" password || echo '')"

  command -v psql >/dev/null 2>&1 || install_postgres || return 1
  if can_connect "$host" "$port" "$user" "$pass" "$db"; then
    log "PostgreSQL reachable at $host:$port, database $db"
    return 0
  fi
  case "$host" in
    127.0.0.1|localhost|::1) ;;
    *) log "cannot reach PostgreSQL at $host:$port and it is not local; fix ConnectionStrings__Marten"; return 1 ;;
  esac
  start_private_cluster "$port" || return 1
  local name
  if [ -z "$(sql_as_superuser "$port" -c "select 1 from pg_roles where rolname = '$user'")" ]; then
    log "creating role $user"
    sql_as_superuser "$port" -c "create role \"$user\" login password '$pass'"
  fi
  for name in "$db" "$@"; do
    if [ -z "$(sql_as_superuser "$port" -c "select 1 from pg_database where datname = '$name'")" ]; then
      log "creating database $name"
      sql_as_superuser "$port" -c "create database \"$name\" owner \"$user\" encoding 'UTF8' template template0"
    fi
  done
  can_connect "$host" "$port" "$user" "$pass" "$db" || { log "still cannot connect to $db as $user"; return 1; }
  log "PostgreSQL ready at $host:$port, database $db"
}

# Drops schemas that earlier test runs left behind (each test host works in its own qt_* schema).
drop_test_schemas() {
  local cs="$1" host port db user pass
  host="$(cs_get "$cs" host || echo 127.0.0.1)"; port="$(cs_get "$cs" port || echo 5432)"
  db="$(cs_get "$cs" database || echo quntuan_test)"; user="$(cs_get "$cs" username || echo quntuan)"
  pass="$(cs_get "$cs" password || echo '')"
  PGPASSWORD="$pass" psql -h "$host" -p "$port" -U "$user" -d "$db" -qtAX -v ON_ERROR_STOP=1 -c "
    do \$\$ declare s text; begin
      for s in select nspname from pg_namespace where nspname like 'qt\_%' and pg_get_userbyid(nspowner) = current_user loop
        execute format('drop schema %I cascade', s);
      end loop;
    end \$\$;" >/dev/null 2>&1 || log "could not drop leftover test schemas (continuing)"
}

# Drops one schema so a scenario starts from an empty store.
reset_schema() {
  local cs="$1" schema="$2" host port db user pass
  host="$(cs_get "$cs" host || echo 127.0.0.1)"; port="$(cs_get "$cs" port || echo 5432)"
  db="$(cs_get "$cs" database)"; user="$(cs_get "$cs" username || echo quntuan)"; pass="$(cs_get "$cs" password || echo '')"
  log "starting from an empty schema $schema in $db"
  PGPASSWORD="$pass" psql -h "$host" -p "$port" -U "$user" -d "$db" -qtAX -c "drop schema if exists \"$schema\" cascade" >/dev/null 2>&1
}
