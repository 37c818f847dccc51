"""Measure the web app (run by scripts/measure.sh after a release build):

1. the size of dist/: wasm + js + css, each gzipped (-9), target <= 300 KB in all (the examples
   script, loaded only when an example is asked for, is listed apart);
2. the time from pasting the largest seed into the empty text area (a paste event carrying the
   text) to rendered results in headless Chromium, through the check and the render to the painted
   frame, target <= 150 ms; the median of several runs. The page renders a new text in two steps
   (first screen, then every table and the source view): both are timed, the first by the
   browser's paint time of the summary (Element Timing API).
"""
import gzip
import pathlib
import statistics
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from conftest import DIST, SEEDS, base_url, make_driver, static_server, wait_for  # noqa: E402

RUNS = 7
SIZE_TARGET = 300 * 1024
TIME_TARGET = 150.0

PASTE = """
const [text, done] = [arguments[0], arguments[arguments.length - 1]];
const ta = document.getElementById('input');
const main = document.getElementById('main');
const t0 = performance.now();
// After a new text the page renders twice: the summary, the findings and the first tables, then
// (after that frame is painted) every table and the source view. The first is timed by the paint
// of the summary (Element Timing: the browser's own paint time of an element), the second by the
// frame after the attribute that marks it.
let first = null, complete = null;
const finish = () => { if (first !== null && complete !== null) done([parseFloat(main.dataset.checkMs), first, complete]); };
const paints = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.identifier === 'sum-tables' && e.renderTime > t0 && first === null) {
      first = e.renderTime - t0;
      paints.disconnect();
      finish();
    }
  }
});
paints.observe({type: 'element', buffered: false});
const obs = new MutationObserver(() => {
  if (main.dataset.complete === 'true' && main.dataset.origin === 'typed') {
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => { complete = performance.now() - t0; finish(); }, 0));
  }
});
obs.observe(main, {attributes: true, attributeFilter: ['data-complete']});
const data = new DataTransfer();
data.setData('text/plain', text);
ta.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
"""

CLEAR = "document.getElementById('clear').click();"


def sizes():
    """The files every visit loads (the examples script is loaded only when an example is asked for)."""
    rows = []
    for p in sorted(DIST.iterdir()):
        if (
            p.suffix in (".wasm", ".js", ".css")
            and p.name != "sw.js"
            and not p.name.startswith("examples-")
            and not p.name.startswith("rules-")
            and not p.name.endswith(".worker.js")
        ):
            raw = p.read_bytes()
            rows.append((p.name, len(raw), len(gzip.compress(raw, 9))))
    return rows


def main():
    rows = sizes()
    total = sum(g for _, _, g in rows)
    print("dist/ (wasm is embedded in boot-*.js, see scripts/embed-wasm.sh):")
    for name, raw, gz in rows:
        print(f"  {name:40s} {raw / 1024:8.1f} KB raw {gz / 1024:8.1f} KB gzipped")
    verdict = "ok" if total <= SIZE_TARGET else "OVER TARGET"
    print(f"dist size (wasm+js+css, gzip -9): {total / 1024:.1f} KB (target <= {SIZE_TARGET // 1024} KB: {verdict})")
    for p in sorted(DIST.glob("examples-*.js")) + sorted(DIST.glob("rules-*.js")) + sorted(DIST.glob("*.worker.js")):
        raw = p.read_bytes()
        print(f"  loaded on demand: {p.name} {len(raw) / 1024:.1f} KB raw {len(gzip.compress(raw, 9)) / 1024:.1f} KB gzipped")

    seed = max(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)
    text = seed.read_text(encoding="utf-8")
    server = static_server.start(DIST)
    driver = make_driver()
    try:
        driver.get(f"{base_url(server)}/")
        # The app warms its checking code up once idle after start (see src/app/mod.rs).
        wait_for(driver, "document.querySelector('main[data-origin=\"empty\"][data-warm=\"true\"]')", "app started")
        checks, firsts, completes = [], [], []
        for _ in range(RUNS):
            driver.execute_script(CLEAR)
            wait_for(driver, "document.querySelector('main[data-origin=\"empty\"]')", "cleared")
            c, f, a = driver.execute_async_script(PASTE, text)
            checks.append(c)
            firsts.append(f)
            completes.append(a)
        med = statistics.median(firsts)
        verdict = "ok" if med <= TIME_TARGET else "OVER TARGET"
        print(
            f"paste -> rendered results, largest seed {seed.name} ({len(text.encode()) / 1024:.0f} KB), median of {RUNS} runs:\n"
            f"  results painted (summary, findings, first tables): {med:.0f} ms (min {min(firsts):.0f}, max {max(firsts):.0f}, "
            f"first paste after load {firsts[0]:.0f}; "
            f"target <= {TIME_TARGET:.0f} ms: {verdict})\n"
            f"  of which the check (parse + rules + marker index, wasm): {statistics.median(checks):.0f} ms\n"
            f"  every table and the source view painted: {statistics.median(completes):.0f} ms (min {min(completes):.0f}, max {max(completes):.0f})"
        )
        measure_pdfs(driver, server)
    finally:
        driver.quit()
        server.shutdown()


PICKED = """
const main = document.getElementById('main');
window.__t0 = performance.now();
window.__done = null;
const obs = new MutationObserver(() => {
  if (main.dataset.complete === 'true' && (main.dataset.origin || '').startsWith('file:')) {
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__done = performance.now() - window.__t0; }, 0));
  }
});
obs.observe(main, {attributes: true, attributeFilter: ['data-complete', 'data-origin']});
"""


def measure_pdfs(driver, server):
    """Pick each corpus PDF with a text layer: the time from the pick to every table rendered
    (reader worker started and its wasm compiled, the PDF read, the text checked and rendered)."""
    from selenium.webdriver.common.by import By

    files = pathlib.Path(__file__).resolve().parents[3] / "shared" / "corpus" / "files"
    pdfs = [p for p in sorted(files.glob("*.pdf")) if "changsha" not in p.name and "ningbo" not in p.name]
    if not pdfs:
        print("no corpus PDFs beside the checkout: PDF timing not measured")
        return
    print("pick a PDF -> every table rendered (a fresh reader worker each time):")
    for pdf in pdfs:
        driver.get(f"{base_url(server)}/")
        wait_for(driver, "document.querySelector('main[data-origin=\"empty\"]')", "empty page")
        driver.execute_script(PICKED)
        driver.find_element(By.ID, "file").send_keys(str(pdf))
        ms = wait_for(driver, "window.__done", f"{pdf.name} read", timeout=120)
        print(f"  {pdf.name:48s} {pdf.stat().st_size / 1024:7.0f} KB  {ms:6.0f} ms")


if __name__ == "__main__":
    main()
