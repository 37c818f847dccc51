#!/usr/bin/env bash
# Runs every test: formatting, lints, and the native test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo test
