#!/usr/bin/env bash
# Build the web app for static hosting: installs what is missing, then a release build with
# wasm-opt into dist/ (copy dist/ to any static host; it uses relative URLs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh web
export PATH="$HOME/.cargo/bin:$PATH"
# --offline: use the wasm-bindgen and wasm-opt that setup.sh installed (Trunk would otherwise try to
# download them).
trunk build --release --offline "$@"
echo "build: dist/ is ready:"
for f in dist/*; do
  printf '  %-40s %8d bytes  (%d gzipped)\n' "$f" "$(wc -c < "$f")" "$(gzip -9 -c "$f" | wc -c)"
done
