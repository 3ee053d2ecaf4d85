#!/usr/bin/env bash
# The browser tests (test/web) drive Debian's Chromium with playwright-core. Installs it when it is
# missing: as root through apt (Debian's package; playwright's own browser downloads are not used).
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing: run as root 'apt-get update && apt-get install -y chromium', or set CHROMIUM_PATH." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
