"""Files in the browser (issue #11): a PDF, an .xlsx and a .docx picked through the file input, an
HTML table pasted through a clipboard event. Each is read by its reader (a worker for PDF and
Office files) and must give the findings, tables and marked cells the CLI gives for the same file;
a file that cannot be read leaves the current text as it was.

Expected numbers come from the CLI's JSON for the same file at test time, never from constants.
"""
import pathlib
import shutil
import tempfile

import pytest
from selenium.webdriver.common.by import By

from conftest import ROOT, SEEDS, base_url, cli_json, marked_cells, screenshot, wait_for
from test_web import page_facts, source_text

CORPUS_FILES = ROOT.parent / "shared" / "corpus" / "files"
OFFICE = ROOT / "tests" / "fixtures" / "office"


def fresh_page(driver, site):
    driver.get(f"{base_url(site)}/")
    wait_for(driver, "document.querySelector('main[data-origin=\"empty\"]')", "empty page")


def pick(driver, path):
    driver.find_element(By.ID, "file").send_keys(str(path))


def assert_same_as_cli(driver, want):
    got = page_facts(driver)
    assert got["findings"] == len(want["findings"]), "listed findings = CLI findings"
    assert got["sumTables"] == str(len(want["tables"]))
    assert got["sumChecks"] == str(want["checks_run"])
    assert {m["id"] for m in got["marked"]} == {f"c-{t}-{r}-{c}" for t, r, c in marked_cells(want)}
    count = lambda s: str(sum(1 for f in want["findings"] if f["severity"] == s))  # noqa: E731
    assert (got["errors"], got["warnings"], got["infos"]) == (count("error"), count("warning"), count("info"))
    return got


def places(driver):
    return driver.execute_script("return [...document.querySelectorAll('#findings .finding__where')].map(e => e.textContent)")


def file_cases():
    cases = []
    pdf = CORPUS_FILES / "xian_safety_budget_tables_2019.pdf"
    cases.append(pytest.param(pdf, ("页",), id="pdf"))
    # (a Word finding is in a table cell or, for prose, a paragraph)
    for ext, where in [("xlsx", ("!",)), ("docx", ("表格", "段"))]:
        found = sorted(OFFICE.glob(f"*.{ext}"))
        cases.append(pytest.param(found[0] if found else OFFICE / f"missing.{ext}", where, id=ext))
    return cases


@pytest.mark.parametrize("path,where", file_cases())
def test_a_picked_file_is_read_by_its_reader_like_the_cli(driver, site, path, where):
    assert path.is_file(), f"{path} missing"
    want = cli_json(path)
    assert want["tables"], f"the CLI reads tables from {path.name}"
    fresh_page(driver, site)
    pick(driver, path)
    wait_for(
        driver,
        f"document.querySelector('main[data-origin=\"file:{path.name}\"][data-complete=\"true\"]')",
        f"{path.name} read and checked",
        timeout=60,
    )
    assert path.name in driver.find_element(By.ID, "notice").text
    assert_same_as_cli(driver, want)
    # Every finding names its place in the file (page, sheet cell or Word table cell).
    shown = places(driver)
    assert shown and all(any(w in s for w in where) for s in shown), shown[:5]
    screenshot(driver, f"file-{path.suffix[1:]}")


def test_an_unreadable_pdf_keeps_the_text(driver, site, expected):
    stem = "003_9d927ef525b240df"
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="budgetlint-files-"))
    (tmp / "doc.txt").write_text(text, encoding="utf-8")
    fresh_page(driver, site)
    pick(driver, tmp / "doc.txt")
    wait_for(driver, "document.querySelector('main[data-origin=\"file:doc.txt\"]')", "text file read")
    rev = driver.execute_script("return document.getElementById('main').dataset.rev")
    # A scanned PDF: no text layer, a message that says so.
    scan = CORPUS_FILES / "changsha_traffic_police_2026.pdf"
    shutil.copy(scan, tmp / "scan.pdf")
    pick(driver, tmp / "scan.pdf")
    wait_for(driver, "document.querySelector('#notice.notice--error')", "scan refused with a message", timeout=60)
    assert "文字层" in driver.find_element(By.ID, "notice").text
    # A truncated PDF: damaged, said so.
    (tmp / "cut.pdf").write_bytes((CORPUS_FILES / "xian_safety_budget_tables_2019.pdf").read_bytes()[:5000])
    pick(driver, tmp / "cut.pdf")
    wait_for(driver, "document.querySelector('#notice.notice--error') && document.getElementById('notice').textContent.includes('cut.pdf')", "truncated PDF refused", timeout=60)
    assert source_text(driver) == text, "the current text is kept"
    assert driver.execute_script("return document.getElementById('main').dataset.rev") == rev
    assert driver.find_element(By.TAG_NAME, "main").get_attribute("data-origin") == "file:doc.txt"


def seed_as_html(text):
    """A seed with tab-separated tables as a web page: tab rows become <tr>, other lines <p>."""
    out, rows = ["<html><head><meta charset=\"utf-8\"><style>td{border:1px solid}</style></head><body>"], []

    def flush():
        if rows:
            out.append("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>")
            rows.clear()

    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # noqa: E731
    for line in text.splitlines():
        if "\t" in line:
            rows.append([esc(c.strip()) for c in line.split("\t")])
        else:
            flush()
            if line.strip():
                out.append(f"<p>{esc(line)}</p>")
    flush()
    out.append("</body></html>")
    return "".join(out)


def test_a_pasted_html_table_is_read_from_the_html(driver, site):
    stem = "002_ae63254e50cfffaf"
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    html = seed_as_html(text)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="budgetlint-paste-"))
    (tmp / "page.html").write_text(html, encoding="utf-8")
    want = cli_json(tmp / "page.html")
    assert want["tables"] and want["findings"]
    # What a browser puts in text/plain for such a page: one cell per line, the tables lost.
    flat = "\n".join(c for line in text.splitlines() for c in line.split("\t"))
    fresh_page(driver, site)
    driver.execute_script(
        """
        const data = new DataTransfer();
        data.setData('text/plain', arguments[0]);
        data.setData('text/html', arguments[1]);
        document.getElementById('input').dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        """,
        flat,
        html,
    )
    wait_for(driver, "document.querySelector('main[data-origin=\"typed\"][data-complete=\"true\"]')", "pasted HTML checked")
    assert_same_as_cli(driver, want)


def test_a_saved_web_page_is_read_from_its_tables(driver, site):
    """A saved .html in GBK, as many department sites still serve them, declared by its <meta>."""
    stem = "003_9d927ef525b240df"
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    html = seed_as_html(text).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gbk">')
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="budgetlint-page-"))
    page = tmp / "page.html"
    page.write_bytes(html.encode("gb18030"))
    want = cli_json(page)
    assert want["tables"]
    fresh_page(driver, site)
    pick(driver, page)
    wait_for(driver, "document.querySelector('main[data-origin=\"file:page.html\"][data-complete=\"true\"]')", "saved page read")
    assert_same_as_cli(driver, want)
    assert "网页" in driver.find_element(By.ID, "notice").text
