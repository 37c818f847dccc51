#!/usr/bin/env bash
# Install what is missing, build the release web app (with wasm-opt) and serve it on 127.0.0.1.
#   bash scripts/serve.sh            # http://127.0.0.1:8080/
#   PORT=9000 bash scripts/serve.sh
# To only build dist/ for static hosting: bash scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cat <<'TXT'

The command line checker (native):
  cargo run --release -- check [--format text|json] [--only CODES] [FILE|-]
  cargo run --release -- parse [--format text|json] [FILE|-]
  cargo run --release -- rules

TXT
exec python3 scripts/static_server.py dist "${PORT:-8080}"
