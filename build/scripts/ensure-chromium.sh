#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when it is missing (needs root or sudo), with
# a colour emoji font so that screenshots show emoji as people see them.
set -euo pipefail
[ -x /usr/bin/chromium ] && [ -d /usr/share/fonts/truetype/noto ] && exit 0
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
