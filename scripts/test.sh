#!/usr/bin/env bash
# Every test: formatting, lints (native and wasm32), the native test suite, then the release web
# build and the browser tests in headless Chromium against dist/ served on 127.0.0.1.
# Installs whatever is missing first (scripts/setup.sh). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n==> %s\n' "$*"; }
mkdir -p target

step "install what is missing"
bash scripts/setup.sh all

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

step "cargo clippy (wasm32: the web app) -- -D warnings"
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "cargo test"
cargo test 2>&1 | tee target/cargo-test.log
cargo_status=${PIPESTATUS[0]}
[ "$cargo_status" -eq 0 ] || { echo "cargo test failed" >&2; exit "$cargo_status"; }

step "release CLI (the browser tests compare with its JSON)"
cargo build --release

step "release web build (dist/)"
bash scripts/build.sh

step "browser tests (headless Chromium, dist/ on 127.0.0.1)"
set +e
scripts/.venv/bin/python -m pytest tests/browser -q -p no:cacheprovider 2>&1 | tee target/browser-test.log
browser_status=${PIPESTATUS[0]}
set -e

step "summary"
grep -E "^test result:" target/cargo-test.log | sed 's/^/cargo /'
echo "screenshots: target/screenshots/"
tail -n 1 target/browser-test.log
exit "$browser_status"
