"""Measure the web app (run by scripts/measure.sh after a release build):

1. the size of dist/: wasm + js + css, each gzipped (-9), target <= 300 KB in all;
2. the time from pasting the largest seed into the text area to rendered results in headless
   Chromium (the input event of a paste, through the check and the render, to the next painted
   frame), target <= 150 ms; the median of several runs.
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
const rev = main.dataset.rev;
const t0 = performance.now();
const obs = new MutationObserver(() => {
  if (main.dataset.rev === rev) return;
  obs.disconnect();
  const checked = performance.now() - t0;
  // The results are in the DOM; wait for the frame that paints them.
  requestAnimationFrame(() => setTimeout(() => done([checked, performance.now() - t0]), 0));
});
obs.observe(main, {attributes: true, attributeFilter: ['data-rev']});
ta.value = text;
ta.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste', data: null}));
"""

CLEAR = """
const ta = document.getElementById('input');
ta.value = '';
ta.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'deleteByCut'}));
"""


def sizes():
    rows = []
    for p in sorted(DIST.iterdir()):
        if p.suffix in (".wasm", ".js", ".css") and p.name != "sw.js":
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

    seed = max(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)
    text = seed.read_text(encoding="utf-8")
    server = static_server.start(DIST)
    driver = make_driver()
    try:
        driver.get(f"{base_url(server)}/")
        wait_for(driver, "document.querySelector('main[data-origin=\"empty\"]')", "app started")
        checked, painted = [], []
        for _ in range(RUNS):
            driver.execute_script(CLEAR)
            wait_for(driver, "document.querySelector('main[data-origin=\"empty\"]')", "cleared")
            c, p = driver.execute_async_script(PASTE, text)
            checked.append(c)
            painted.append(p)
        med = statistics.median(painted)
        verdict = "ok" if med <= TIME_TARGET else "OVER TARGET"
        print(
            f"paste -> rendered results, largest seed {seed.name} ({len(text.encode()) / 1024:.0f} KB): "
            f"median {med:.0f} ms to the painted frame (min {min(painted):.0f}, max {max(painted):.0f}; "
            f"DOM updated after median {statistics.median(checked):.0f} ms; {RUNS} runs; target <= {TIME_TARGET:.0f} ms: {verdict})"
        )
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
