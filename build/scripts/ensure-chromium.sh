#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when it is missing (needs root or sudo).
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
