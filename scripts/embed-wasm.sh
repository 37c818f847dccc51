#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml). Runs in the staging directory's parent with
# TRUNK_STAGING_DIR set.
#  1. Embed the wasm (gzip + base64) in a module script `boot-<hash>.js`: the page's CSP has
#     connect-src 'none', which forbids fetch(), so the wasm cannot be fetched as a file.
#  2. Fill in the service worker's list of files to cache and its version.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cd "$dir"
# gzip-format packing of a wasm for embedding: zopfli (scripts/.venv, from setup.sh web) packs
# 4-5 % smaller than gzip -9 in the same format the browser's DecompressionStream reads; without it,
# gzip -9 (a larger page, nothing else changes).
py="${TRUNK_SOURCE_DIR:?run by trunk as a post_build hook}/scripts/.venv/bin/python"
if "$py" -c 'import zopfli' 2>/dev/null; then
  pack() { "$py" -c 'import sys, zopfli.gzip; sys.stdout.buffer.write(zopfli.gzip.compress(open(sys.argv[1], "rb").read(), numiterations=15))' "$1"; }
else
  echo "embed-wasm: zopfli missing (bash scripts/setup.sh web): packing with gzip -9" >&2
  pack() { gzip -9 -n -c "$1"; }
fi
wasm=$(ls -- budgetlint-*_bg.wasm | head -n1)
glue=$(ls -- budgetlint-*.js | head -n1)
[ -f "$wasm" ] && [ -f "$glue" ] || { echo "embed-wasm: wasm or glue missing in $dir" >&2; exit 1; }
# The bundled examples (the seed documents, a fifth of the page's weight) go to a script of their
# own that the app loads only when an example is asked for; boot.js tells the app its name.
seeds="${TRUNK_SOURCE_DIR:?run by trunk as a post_build hook}/tests/fixtures/seeds"
python3 - "$seeds" > examples.js.tmp <<'PY'
import json, pathlib, sys
texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))}
assert texts, "no seed documents"
print("// budgetlint's example documents, loaded when one is asked for.")
print("globalThis.budgetlintExamples = " + json.dumps(texts, ensure_ascii=False) + ";")
PY
examples="examples-$(sha256sum examples.js.tmp | cut -c1-16).js"
rm -f -- examples-*.js
mv examples.js.tmp "$examples"

# The rules' docs (检查内容 / 为什么重要 / 示例, 35 KB) likewise: in the web app a rule carries only its
# summary line; scripts/rule_docs.py writes the docs to a script loaded when a doc is first opened.
python3 "${TRUNK_SOURCE_DIR}/scripts/rule_docs.py" "${TRUNK_SOURCE_DIR}/src/rules" > rules.js.tmp
ruledocs="rules-$(sha256sum rules.js.tmp | cut -c1-16).js"
rm -f -- rules-*.js
mv rules.js.tmp "$ruledocs"

# The file readers (Trunk's worker assets reader-<which>.js + reader-<which>_bg.wasm, not hashed,
# wasm-bindgen's no-modules glue): one classic worker script each, the glue followed by its wasm, embedded like
# the app's. The app creates the worker from that script only when a file of its kind is dropped.
readers=""
for which in pdf office; do
  rglue=$(ls -- reader-$which.js reader-$which-*.js 2>/dev/null | grep -v '\.worker\.js$' | head -n1 || true)
  rwasm=$(ls -- reader-${which}_bg.wasm reader-$which-*_bg.wasm 2>/dev/null | head -n1 || true)
  [ -n "$rglue" ] && [ -n "$rwasm" ] || { echo "embed-wasm: reader $which missing in $dir" >&2; exit 1; }
  {
    cat -- "$rglue"
    printf '\n// The reader'"'"'s wasm, gzip + base64 (see boot.js for why it is embedded).\n'
    printf 'const packed = "'
    pack "$rwasm" | base64 -w0
    printf '";\n'
    cat <<'JS'
(function () {
  // A file posted while the module still compiles would find no handler: keep it, and hand it
  // to the reader's own handler (set by its main) once the module is ready.
  const early = [];
  self.onmessage = (e) => early.push(e);
  const bin = atob(packed);
  const raw = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) raw[i] = bin.charCodeAt(i);
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream("gzip"));
  wasm_bindgen({ module_or_path: new Response(stream, { headers: { "Content-Type": "application/wasm" } }) })
    .then(() => { for (const e of early) self.onmessage(e); });
})();
JS
  } > reader.js.tmp
  out="reader-$which-$(sha256sum reader.js.tmp | cut -c1-16).worker.js"
  rm -f -- "$rglue" "$rwasm" reader-$which-*.worker.js
  mv reader.js.tmp "$out"
  readers="$readers\"$which\": \"./$out\", "
done

tmp=boot.js.tmp
{
  printf "// budgetlint loader. The wasm is embedded (gzip, base64) because this page may open no\n"
  printf "// connection (Content-Security-Policy connect-src 'none'), so it cannot fetch() a .wasm file.\n"
  printf "import init from './%s';\n" "$glue"
  printf "globalThis.budgetlintExamplesUrl = './%s';\n" "$examples"
  printf "globalThis.budgetlintRuleDocsUrl = './%s';\n" "$ruledocs"
  printf "globalThis.budgetlintReaders = { %s};\n" "$readers"
  printf 'const packed = "'
  pack "$wasm" | base64 -w0
  printf '";\n'
  cat <<'JS'
function bytes(s) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(s);
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
const wasm = new Blob([bytes(packed)]).stream().pipeThrough(new DecompressionStream("gzip"));
await init({ module_or_path: new Response(wasm, { headers: { "Content-Type": "application/wasm" } }) });
JS
} > "$tmp"
hash=$(sha256sum "$tmp" | cut -c1-16)
boot="boot-$hash.js"
mv "$tmp" "$boot"
rm -f -- "$wasm"
sed -i "s#boot\.js#$boot#" index.html
grep -q "$boot" index.html || { echo "embed-wasm: index.html has no boot.js script" >&2; exit 1; }

# Service worker: cache every file of the site under a versioned name, except the worker itself and
# the file readers (cached when first used, see www/sw.js).
if [ -f sw.js ]; then
  list='"./"'
  for f in $(find . -type f ! -name sw.js ! -name '*.tmp' ! -name '*.worker.js' -printf '%P\n' | LC_ALL=C sort); do
    list="$list, \"./$f\""
  done
  version=$(find . -type f ! -name sw.js -print0 | LC_ALL=C sort -z | xargs -0 cat | sha256sum | cut -c1-16)
  sed -i "s#\"__PRECACHE__\"#[$list]#; s#__VERSION__#$version#" sw.js
fi
