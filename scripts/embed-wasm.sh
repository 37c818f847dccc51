#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml). Runs in the staging directory's parent with
# TRUNK_STAGING_DIR set.
#  1. Embed the wasm (gzip + base64) in a module script `boot-<hash>.js`: the page's CSP has
#     connect-src 'none', which forbids fetch(), so the wasm cannot be fetched as a file.
#  2. Fill in the service worker's list of files to cache and its version.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cd "$dir"
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
    gzip -9 -n -c "$rwasm" | base64 -w0
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
  printf "globalThis.budgetlintReaders = { %s};\n" "$readers"
  printf 'const packed = "'
  gzip -9 -n -c "$wasm" | base64 -w0
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

# Service worker: cache every file of the site (not the worker itself) under a versioned name.
if [ -f sw.js ]; then
  list='"./"'
  for f in $(find . -type f ! -name sw.js ! -name '*.tmp' -printf '%P\n' | LC_ALL=C sort); do
    list="$list, \"./$f\""
  done
  version=$(find . -type f ! -name sw.js -print0 | LC_ALL=C sort -z | xargs -0 cat | sha256sum | cut -c1-16)
  sed -i "s#\"__PRECACHE__\"#[$list]#; s#__VERSION__#$version#" sw.js
fi
