#!/usr/bin/env bash
# Sets up a development environment on a fresh Debian machine and runs the app or the tests.
#   bash installers/dev.sh app [WORKSPACE]   set up, then start the desktop app (demo workspace by default)
#   bash installers/dev.sh test [PYTEST ARGS] set up, then run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3

# Debian libraries Qt needs at run time, fonts that render Chinese, Xvfb for machines
# without a display, and what the report tests render with: LibreOffice's headless Calc and
# Writer (the ledger and the Word report printed to PDF) and poppler (text positions, pages).
DEB_PACKAGES=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xfixes0 libxcb-xkb1 libxrender1
  libxi6 libnss3 fonts-noto-cjk xvfb xauth libreoffice-calc libreoffice-writer poppler-utils)

install_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for p in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_python_packages() {
  if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating virtual environment in .venv"
    "$PY" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    echo "==> installing Python packages"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[dev]"
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
}

cmd=${1:-}
shift || true
install_debian_packages
install_python_packages

case "$cmd" in
  setup)
    ;;
  app)
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "==> no display: starting the app on a virtual screen (Xvfb)"
      exec xvfb-run -a -s "-screen 0 1600x1000x24" "$VENV/bin/python" main.py "$@"
    fi
    exec "$VENV/bin/python" main.py "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    # property tests run their thorough profile here; the fast loop (-m "not slow") may set dev
    export HYPOTHESIS_PROFILE=${HYPOTHESIS_PROFILE:-ci}
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: bash installers/dev.sh app [WORKSPACE] | test [PYTEST ARGS] | setup" >&2
    exit 2
    ;;
esac
