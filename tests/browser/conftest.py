"""Fixtures for the browser tests: the built site served on 127.0.0.1, headless Chromium driven by
chromedriver (Debian's packages), and the CLI's JSON for each seed (the expected numbers).

Run through `bash scripts/test.sh` (which builds dist/ and the release CLI first), or directly:
    scripts/.venv/bin/python -m pytest tests/browser
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CLI = ROOT / "target" / "release" / "budgetlint"
SHOTS = ROOT / "target" / "screenshots"
TIMEOUT = 30  # seconds: a bound for every wait, never a sleep

sys.path.insert(0, str(ROOT / "scripts"))
import static_server  # noqa: E402

ROW = 2**64 - 1  # a location without "col" means the whole row (usize::MAX in Rust)


def seed_stems():
    return sorted(p.stem for p in SEEDS.glob("*.txt"))


def cli_json(path):
    """`budgetlint check --format json FILE`: exit 0 (no error) or 1 (errors) are both fine."""
    out = subprocess.run([str(CLI), "check", "--format", "json", str(path)], capture_output=True, text=True, timeout=120)
    assert out.returncode in (0, 1), f"CLI failed ({out.returncode}): {out.stderr}"
    return json.loads(out.stdout)


def marked_cells(report):
    """The marked-cell rule of src/ui_model/markers.rs, applied to the CLI's JSON: distinct
    (table, row, col) among primary and related locations, col != usize::MAX, inside the table."""
    tables = report["tables"]
    cells = set()
    for f in report["findings"]:
        for loc in [f["primary"]] + f["related"]:
            if "table" not in loc:
                continue
            t, r, c = loc["table"], loc["row"], loc.get("col", ROW)
            if c == ROW or t >= len(tables):
                continue
            if r < tables[t]["rows"] and c < tables[t]["columns"]:
                cells.add((t, r, c))
    return cells


@pytest.fixture(scope="session")
def expected():
    assert CLI.is_file(), f"{CLI} missing: run `cargo build --release` first"
    return {stem: cli_json(SEEDS / f"{stem}.txt") for stem in seed_stems()}


@pytest.fixture(scope="session")
def site():
    assert (DIST / "index.html").is_file(), "dist/ missing: run `bash scripts/build.sh` first"
    server = static_server.start(DIST)
    yield server
    server.shutdown()


def base_url(server):
    return f"http://127.0.0.1:{server.server_address[1]}"


def make_driver(width=1280, height=1000):
    opts = Options()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    profile = tempfile.mkdtemp(prefix="budgetlint-chromium-")
    for a in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
        "--lang=zh-CN",
    ]:
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_script_timeout(TIMEOUT)
    driver.set_page_load_timeout(TIMEOUT)
    return driver


@pytest.fixture(scope="session")
def driver():
    d = make_driver()
    yield d
    d.quit()


def wait_for(driver, js, message, timeout=TIMEOUT):
    """Wait until a JS expression is truthy (bounded; polls the DOM, never sleeps blindly)."""
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: d.execute_script(f"return ({js});"), message)


def load_example(driver, server, stem):
    driver.get(f"{base_url(server)}/#example={stem}")
    wait_for(driver, f"document.querySelector('main[data-origin=\"example:{stem}\"][data-complete=\"true\"]')", f"example {stem} rendered")


def screenshot(driver, name, max_height=2400):
    """A PNG of the page's top (up to max_height CSS px) under target/screenshots/."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], max_height), "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})
    import base64

    path = SHOTS / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path
