#!/usr/bin/env bash
# Installs the Debian packages Story Workbench needs when they are missing: npm (axe-core, at
# install), and for the tests redis-server (Huey on Redis), chromium (browser tests) and a font
# for rendered cards. `make install` asks for npm, `make test` for all of them (so CI too).
# With package names as arguments it looks at those only. It changes nothing on a machine
# that already has them.
set -euo pipefail

missing() {
  case "$1" in
    redis-server) ! command -v redis-server >/dev/null ;;
    chromium) [ ! -x /usr/bin/chromium ] ;;
    npm) ! command -v npm >/dev/null ;;
    fonts-dejavu-core) [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] ;;
    *) echo "system-packages.sh: unknown package $1" >&2; exit 2 ;;
  esac
}

[ $# -gt 0 ] || set -- redis-server chromium npm fonts-dejavu-core
need=()
for package in "$@"; do
  if missing "$package"; then need+=("$package"); fi
done
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "The tests need these Debian packages: ${need[*]}" >&2
  echo "Install them as root (apt-get install ${need[*]}) and run make test again." >&2
  exit 1
fi

echo "Installing Debian packages the tests need: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
  "${need[@]}" >/dev/null
