#!/usr/bin/env bash
# Make sure Debian's PostgreSQL server binaries (initdb, pg_ctl) are on the machine for the DuckLake
# catalog test (tests/warehouse/test_ducklake_postgres.py), which starts a throwaway server of its
# own on a loopback port; nothing is started or enabled here. Quiet and idempotent: when PostgreSQL
# is already installed this prints one line and returns at once (no apt-get). Prints exactly one
# line saying what it did. Never fails the caller: without PostgreSQL that test skips and says why
# (under CI=true it fails instead: a skip there would hide that it never ran).
set -euo pipefail

have_postgres() {
    command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1 && return 0
    compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null
}

if have_postgres; then
    echo "postgres.sh: postgresql already installed"
    exit 0
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "postgres.sh: postgresql missing and cannot install it (needs root and apt-get); the PostgreSQL catalog test will skip"
    exit 0
fi

log=$(mktemp)
if apt-get update -qq >"$log" 2>&1 &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >>"$log" 2>&1; then
    echo "postgres.sh: installed postgresql with apt-get"
    rm -f "$log"
else
    echo "postgres.sh: apt-get could not install postgresql (log: $log); the PostgreSQL catalog test will skip"
fi
