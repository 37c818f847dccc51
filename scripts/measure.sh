#!/usr/bin/env bash
# Measure the web app: the size of dist/ (wasm + js + css, gzipped) and the time from pasting the
# largest seed to rendered results in headless Chromium. Builds dist/ unless --no-build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-build" ]; then
  bash scripts/build.sh >/dev/null
fi
bash scripts/setup.sh browser
exec scripts/.venv/bin/python tests/browser/measure.py
