"""The print edition, its PDF and the offline copy (macros/publish/: print_edition.py, pdf.py, offline.py).

One release build (`./run release`: GUIDE_OFFLINE_ZIP=1 GUIDE_PRINT_PDF=1) of a copy of
the project makes the ZIP and the PDF; the tests then open the unzipped copy from file://
in Chromium, read the PDF's bookmarks, and check the print edition page by page.
"""
from __future__ import annotations

import html as htmllib
import os
import re
import subprocess
import sys
import zipfile

import pytest
import yaml

from conftest import CHROMIUM, ROOT, copy_project, need_tool

ZIP = "digital-equity-guide-offline.zip"
PDF = "digital-equity-guide.pdf"
MARKER = "<div data-guide-editions></div>"
MAX_ZIP = 5 * 1024 * 1024


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_entries(nav, depth=0):
    """(title or None, page path, depth) in reading order; a section's index page stands for it."""
    for item in nav:
        title, value = (next(iter(item.items())) if isinstance(item, dict) else (None, item))
        if isinstance(value, list):
            yield (title, None, depth)
            yield from nav_entries(value, depth + 1)
        else:
            yield (title, value, depth)


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    """A release build of a copy of the project: the site, with the ZIP and the PDF."""
    need_tool(CHROMIUM, "Debian's Chromium")
    project = copy_project(tmp_path_factory.mktemp("release") / "project")
    downloads = project / "docs" / "downloads.md"
    if downloads.exists() and "data-guide-editions" not in downloads.read_text(encoding="utf-8"):
        downloads.write_text(downloads.read_text(encoding="utf-8") + f"\n\n{MARKER}\n",
                             encoding="utf-8")
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "GUIDE_OFFLINE_ZIP": "1", "GUIDE_PRINT_PDF": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def unzipped(release, tmp_path_factory):
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(release / "downloads" / ZIP) as archive:
        archive.extractall(folder)
    return folder / "digital-equity-guide"


# --- the offline copy ------------------------------------------------------------------------

@pytest.mark.browser  # the release build prints the PDF with Chromium
def test_the_offline_zip_is_complete_and_small(release):
    archive = release / "downloads" / ZIP
    assert archive.stat().st_size < MAX_ZIP, f"{archive.stat().st_size / 1e6:.1f} MB"
    names = zipfile.ZipFile(archive).namelist()
    inside = {n.split("/", 1)[1] for n in names}
    for needed in ("index.html", "print.html", "conditions/vision.html", "README.txt",
                   "search/search_index.js", "downloads/digital-equity-self-assessment.xlsx",
                   "downloads/digital-equity-reflection-planning-workbook.docx"):
        assert needed in inside, f"{needed} is not in the offline ZIP"
    assert not any(n.endswith(".map") for n in inside)
    # It never reaches for another host: no script or stylesheet from elsewhere.
    with zipfile.ZipFile(archive) as zipped:
        for name in names:
            if name.endswith(".html"):
                text = zipped.read(name).decode("utf-8")
                loads = re.findall(r'<script[^>]+src="([^"]+)"|<link rel="(?:stylesheet|icon|preload|'
                                   r'modulepreload)"[^>]+href="([^"]+)"', text)
                assert not [u for pair in loads for u in pair if re.match(r"(https?:)?//", u)], name


@pytest.mark.browser
def test_the_offline_copy_works_from_file_urls(browser, unzipped):
    context = browser.new_context()
    page = context.new_page()
    problems, elsewhere = [], []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda request: elsewhere.append(request.url)
            if not request.url.startswith(("file:", "data:", "blob:", "about:")) else None)
    page.goto((unzipped / "index.html").as_uri(), wait_until="load")
    page.wait_for_function("!!window.document$", timeout=10000)
    # Search, with Material's keyboard shortcut, without a server.
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially("policy", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file:") and ".html" in page.url
    # A checklist keeps its ticks (the module scripts run as classic scripts here).
    page.goto((unzipped / "conditions" / "vision.html").as_uri(), wait_until="load")
    page.wait_for_function("!!window.document$", timeout=10000)
    box = page.locator("fieldset.checklist input[type=checkbox]").first
    box.check()
    page.wait_for_timeout(300)
    page.reload(wait_until="load")
    page.wait_for_timeout(500)
    assert page.locator("fieldset.checklist input[type=checkbox]").first.is_checked()
    # The online self-assessment counts a rating on an area's page, and its main page sees it.
    page.goto((unzipped / "getting-started" / "online-self-assessment" / "vision.html").as_uri(),
              wait_until="load")
    page.locator(".assessment__bar").wait_for(state="visible", timeout=10000)
    page.locator(".assessment__indicator input[type=radio]").first.check()
    page.wait_for_function("/^1 /.test(document.querySelector('#sa-progress').textContent)",
                           timeout=5000)
    page.goto((unzipped / "getting-started" / "online-self-assessment.html").as_uri(), wait_until="load")
    page.locator(".assessment__bar").wait_for(state="visible", timeout=10000)
    page.wait_for_function("/^1 /.test(document.querySelector('#sa-progress').textContent)",
                           timeout=5000)
    # The Combine and compare results page runs from file:// too (a classic script).
    page.goto((unzipped / "taking-it-forward" / "combine-results.html").as_uri(), wait_until="load")
    page.locator("#combine-drop").wait_for(state="visible", timeout=10000)
    # The print edition and the companion tools are linked and present.
    page.goto((unzipped / "downloads.html").as_uri(), wait_until="load")
    for href in page.eval_on_selector_all("article a[href]", "els => els.map(a => a.getAttribute('href'))"):
        if href.startswith(("http", "#", "mailto:")):
            continue
        target = (unzipped / "downloads.html").parent / href.split("#")[0]
        assert target.exists(), f"the offline Downloads page links to a missing file: {href}"
    context.close()
    assert not elsewhere, elsewhere
    assert not problems, problems


# --- the print edition -------------------------------------------------------------------------

def article(page_html: str) -> str:
    return page_html[page_html.index("<article"):page_html.index("</article>")]


@pytest.fixture(scope="module")
def print_page(built_site) -> str:
    return (built_site / "print" / "index.html").read_text(encoding="utf-8")


def test_the_print_edition_holds_every_page_in_reading_order(print_page, built_site):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_Loader)
    body = article(print_page)
    positions = []
    for _title, path, _depth in nav_entries(config["nav"]):
        if path is None:
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"(^|/)index\.md$", "", path).removesuffix(".md")
                      ).strip("-") or "home"
        match = re.search(rf'<section class="print-page" id="{slug}"', body)
        assert match, f"{path} is missing from the print edition"
        positions.append(match.start())
        assert f'href="#{slug}"' in body, f"{path} is missing from the table of contents"
    assert positions == sorted(positions), "the print edition is not in the order of the navigation"
    # Nothing interactive and nothing hidden: empty boxes instead of checkboxes.
    assert "<input" not in body and "<button" not in body and "<script" not in body
    ids = re.findall(r'\sid="([^"]+)"', print_page)
    assert len(ids) == len(set(ids)), "ids are repeated in the print edition"
    for anchor in set(re.findall(r'href="#([^"]+)"', body)):
        assert anchor in ids, f"the print edition links to #{anchor}, which is not there"
    assert 'name="robots" content="noindex"' in print_page


def test_the_print_edition_shows_checklists_as_empty_boxes(print_page, built_site):
    ticks = sum(len(re.findall(r'<input type="checkbox" id="check-', path.read_text(encoding="utf-8")))
                for path in built_site.rglob("index.html")
                if "print" not in path.parts and path.relative_to(built_site).parts[0] != "es")
    assert ticks > 0
    assert article(print_page).count("print-box--checkbox") == ticks


def test_the_print_edition_writes_out_the_addresses_of_links(print_page):
    body = article(print_page)
    outside = re.findall(r'<a href="(https?://[^"]+)"[^>]*>(.*?)</a>(<span class="print-url">[^<]*</span>)?',
                         body, re.S)
    assert outside, "no links to other sites in the print edition?"
    for href, text, shown in outside:
        plain = htmllib.unescape(re.sub(r"<[^>]+>", "", text)).strip()
        if plain.rstrip("/") != href.rstrip("/"):
            assert htmllib.escape(href) in shown, f"the address of {href} is not written out"
    # The companion tools are linked by their full address.
    assert re.search(r'print-url"> \(https?://[^)]*downloads/digital-equity-self-assessment\.xlsx\)', body)


def test_the_print_edition_is_left_out_of_search(built_site):
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location": "print/' not in index and '"location":"print/' not in index


# --- the PDF --------------------------------------------------------------------------------------

@pytest.mark.browser  # the release build prints the PDF with Chromium
def test_the_pdf_is_tagged_with_headings_as_bookmarks(release):
    from pypdf import PdfReader

    pdf = PdfReader(release / "downloads" / PDF)
    assert len(pdf.pages) > 20
    root = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root, "the PDF is not tagged"
    assert root.get("/MarkInfo", {}).get("/Marked"), "the PDF is not marked as tagged"

    def titles(outline, depth=0):
        for item in outline:
            if isinstance(item, list):
                yield from titles(item, depth + 1)
            else:
                yield depth, item.title

    bookmarks = list(titles(pdf.outline))
    names = [t for _, t in bookmarks]
    assert "Contents" in names
    for expected in ("Vision", "Policy", "Getting Started"):
        assert any(expected.lower() in n.lower() for n in names), f"no bookmark for {expected}"
    assert max(d for d, _ in bookmarks) >= 2, "the bookmarks are not nested by heading level"


@pytest.mark.browser  # the release build prints the PDF with Chromium
def test_the_downloads_page_lists_the_editions_with_their_sizes(release):
    text = (release / "downloads" / "index.html").read_text(encoding="utf-8")
    assert 'href="../print/"' in text
    assert re.search(r'href="[^"]*digital-equity-guide\.pdf"[^>]*>[^<]*<span data-guide-size="pdf">PDF, [\d.]+ [KM]B</span>', text)
    assert re.search(r'href="[^"]*digital-equity-guide-offline\.zip"[^>]*>[^<]*<span data-guide-size="zip">ZIP, [\d.]+ [KM]B</span>', text)


def test_the_real_downloads_page_asks_for_the_editions():
    page = ROOT / "docs" / "downloads.md"
    assert page.exists() and "data-guide-editions" in page.read_text(encoding="utf-8"), (
        f"add {MARKER} to docs/downloads.md where the print edition, the PDF and the "
        "offline ZIP should be listed (macros/publish/editions.py fills it in)")


def test_the_offline_bundler_refuses_what_it_does_not_understand(tmp_path):
    sys.path.insert(0, str(ROOT))
    from macros.publish.js_bundle import bundle_module

    (tmp_path / "a.js").write_text('import { b as c } from "./b.js";\nexport function a() { return c(); }\n')
    (tmp_path / "b.js").write_text("export const b = () => 2;\n")
    code = bundle_module(tmp_path / "a.js")
    assert "import" not in code and "export" not in code
    assert code.index("const b =") < code.index("function a()")
    (tmp_path / "d.js").write_text("export default 1;\n")
    (tmp_path / "e.js").write_text('import { d } from "./d.js";\n')
    with pytest.raises(Exception, match="does not know"):
        bundle_module(tmp_path / "e.js")
