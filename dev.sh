#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine with Python 3.11+:
#   ./dev.sh app [--demo | ARGS...]   set up .venv, then run Roadshow Desk
#   ./dev.sh test [PYTEST ARGS...]    set up .venv, then run the whole test suite
#   ./dev.sh cli ARGS...              set up .venv, then run the roadshow-desk command line
#   ./dev.sh bench                    set up .venv, then run the benchmarks (not part of CI)
set -euo pipefail
cd "$(dirname "$0")"

PY=${PYTHON:-python3}
APT_RUNTIME="libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3 libpulse0 fonts-dejavu-core"
APT_WINDOW="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
APT_TEST="poppler-utils"

need_apt() {
  local missing=()
  for p in "$@"; do
    # Debian 13 renamed some libraries (libglib2.0-0 -> libglib2.0-0t64): either will do
    dpkg-query -W -f='${Status}\n' "$p" "${p}t64" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v dpkg-query >/dev/null; then
    echo "note: not a Debian system; make sure these are installed: ${missing[*]}" >&2
    return 0
  fi
  if [ "$(id -u)" = 0 ]; then
    echo "Installing system packages: ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "warning: apt-get could not install all of: ${missing[*]}" >&2
  else
    echo "Missing system packages. Please run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

venv() {
  "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
    echo "Roadshow Desk needs Python 3.11 or newer (found $("$PY" --version 2>&1))." >&2; exit 1; }
  if [ ! -x .venv/bin/python ]; then
    "$PY" -c 'import ensurepip, venv' 2>/dev/null || need_apt python3-venv
    "$PY" -m venv .venv
  fi
  local stamp=.venv/.installed-$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -c constraints.txt -e ".[test,bench]"
    rm -f .venv/.installed-*
    touch "$stamp"
  fi
}

cmd=${1:-app}
shift || true
case "$cmd" in
  app)
    need_apt $APT_RUNTIME
    [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && need_apt $APT_WINDOW
    venv
    exec .venv/bin/roadshow-desk "$@"
    ;;
  cli)
    venv
    exec .venv/bin/roadshow-desk "$@"
    ;;
  test)
    need_apt $APT_RUNTIME $APT_TEST
    venv
    export QT_QPA_PLATFORM=offscreen
    .venv/bin/ruff check .
    .venv/bin/lint-imports --no-cache  # the layers and "no Qt below ui/" of pyproject.toml
    exec .venv/bin/python -m pytest "$@"
    ;;
  bench)
    need_apt $APT_RUNTIME
    venv
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python tests/bench/run_all.py "$@"
    ;;
  *)
    echo "usage: ./dev.sh app [--demo] | test | cli ARGS | bench" >&2
    exit 2
    ;;
esac
