#!/usr/bin/env bash
# Installs and starts Debian's PostgreSQL when nothing answers on 127.0.0.1:5432, and lets the
# rig connect as postgres/postgres. Needs root (or sudo); does nothing when PostgreSQL answers.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then exit 0; fi
if ! command -v pg_ctlcluster >/dev/null; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
as_root su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\""
