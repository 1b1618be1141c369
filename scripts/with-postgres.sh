#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server: `scripts/with-postgres.sh CMD...`.
# Installs Debian's postgresql when it is missing (needs root, as in CI), starts a private
# cluster on 127.0.0.1 in a temporary directory, runs CMD with DATABASE_URL set, stops it.
# Outside CI, a machine that cannot have PostgreSQL skips with a message instead of failing.
set -euo pipefail

skip_or_fail() {
  if [ "${CI:-}" = "true" ]; then echo "with-postgres: $1" >&2; exit 1; fi
  echo "with-postgres: $1 -- PostgreSQL tests skipped" >&2; exit 0
}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "with-postgres: installing Debian's postgresql" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null \
      || skip_or_fail "could not install postgresql"
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  else
    skip_or_fail "postgresql is not installed and this user cannot install it"
  fi
fi

dir=$(mktemp -d /tmp/chidao-pg.XXXXXX)
port=$(( 20000 + RANDOM % 20000 ))
run_as=()
if [ "$(id -u)" = "0" ]; then
  chown postgres "$dir"
  run_as=(runuser -u postgres --)
fi
cleanup() {
  "${run_as[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
"${run_as[@]}" "$pg_bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
"${run_as[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -w -l "$dir/log" \
  -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $port" >&2
"$@"
