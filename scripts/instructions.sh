#!/usr/bin/env bash
# Instruction counts (valgrind --tool=callgrind) of the release build on each seed: the parse alone
# (benches/tools/parse_once.rs, startup and file reading subtracted) and a whole `budgetlint check` run.
# Stable from run to run, unlike timings on a shared machine. Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "instructions.sh: needs valgrind (apt-get install -y valgrind)" >&2; exit 2; }
cargo build --release --quiet --bin budgetlint --example parse_once
# (`budgetlint check` exits 1 when it finds errors: the count is what matters here)
count() { { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } | awk '/refs:/ {gsub(",", "", $NF); print $NF}'; }
printf '%-34s %14s %16s\n' input "parse" "budgetlint check"
for f in tests/fixtures/seeds/*.txt; do
  base=$(count target/release/examples/parse_once "$f" 0)
  one=$(count target/release/examples/parse_once "$f" 1)
  check=$(count target/release/budgetlint check "$f")
  printf '%-34s %14s %16s\n' "$(basename "$f")" "$((one - base))" "$check"
done
