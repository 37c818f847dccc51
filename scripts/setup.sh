#!/usr/bin/env bash
# Install what budgetlint needs, skipping everything that is already there (safe to re-run).
#
#   bash scripts/setup.sh web       wasm32 target, trunk, wasm-bindgen-cli (the Cargo.lock version), wasm-opt,
#                                   and zopfli in a Python venv (scripts/.venv) for packing the wasm
#   bash scripts/setup.sh browser   Chromium + ChromeDriver (Debian), a CJK font for screenshots,
#                                   and a Python venv (scripts/.venv) with selenium + pytest
#   bash scripts/setup.sh all       both
#
# Only package registries are used: crates.io (cargo install), npm (binaryen), Debian (apt-get),
# PyPI (pip).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
MIN_WASM_OPT=116
VENV=scripts/.venv
export PATH="$HOME/.cargo/bin:$PATH"

log() { echo "setup: $*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$APT_UPDATED" ]; then
    log "apt-get update"
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The wasm-bindgen version Cargo.lock pins: the CLI must match it exactly.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

web() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "cargo install trunk@$TRUNK_VERSION (takes a few minutes once)"
    cargo install "trunk@$TRUNK_VERSION" --locked
  fi
  local wbg
  wbg=$(lock_version wasm-bindgen)
  [ -n "$wbg" ] || { log "no wasm-bindgen in Cargo.lock"; exit 1; }
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
    log "cargo install wasm-bindgen-cli@$wbg"
    cargo install "wasm-bindgen-cli@$wbg" --force
  fi
  local v
  v=$(wasm-opt --version 2>/dev/null | awk '{print $3}' || true)
  if ! [ "${v:-0}" -ge "$MIN_WASM_OPT" ] 2>/dev/null; then
    have npm || apt_install nodejs npm
    log "npm install -g binaryen@$BINARYEN_VERSION (wasm-opt)"
    npm install -g --no-fund --no-audit "binaryen@$BINARYEN_VERSION" >/dev/null
  fi
  venv_install scripts/requirements-web.txt
}

# Install the pinned packages of a requirements file into scripts/.venv (skipped when they are there).
venv_install() {
  if ! "$VENV/bin/python" - "$1" <<'PY' 2>/dev/null; then
import re, sys, importlib.metadata as m
want = dict(re.findall(r"^([\w-]+)==([\w.]+)", open(sys.argv[1]).read(), re.M))
sys.exit(0 if all(m.version(k) == v for k, v in want.items()) else 1)
PY
    if ! [ -x "$VENV/bin/python" ] && ! python3 -m venv "$VENV" 2>/dev/null; then
      apt_install python3-venv
      python3 -m venv "$VENV"
    fi
    log "pip install -r $1"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$1"
  fi
}

browser() {
  apt_install chromium chromium-driver fonts-wqy-microhei
  venv_install tests/browser/requirements.txt
}

case "${1:-all}" in
  web) web ;;
  browser) browser ;;
  all) web; browser ;;
  *) echo "usage: bash scripts/setup.sh [web|browser|all]" >&2; exit 2 ;;
esac
