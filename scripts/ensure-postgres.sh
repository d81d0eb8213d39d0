#!/usr/bin/env bash
# Makes sure the PostgreSQL server binaries are on this machine (Debian's `postgresql` package).
set -euo pipefail
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then exit 0; fi
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
echo "PostgreSQL binaries not found: installing Debian's postgresql package" >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
# The package starts a system cluster; PixOrga runs its own, so stop the system one.
$SUDO service postgresql stop >/dev/null 2>&1 || true
