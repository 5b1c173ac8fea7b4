"""The print edition of a built site as a tagged PDF whose bookmarks are the headings,
printed by headless Chromium (`./run print-pdf`, and `./run release`)."""
from __future__ import annotations

import os
from pathlib import Path

PRINT_PDF = "digital-equity-guide.pdf"
CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
# Chromium here must not try to reach Google's hosts: the network is closed.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-gpu", "--no-first-run"]


def chromium_executable() -> str | None:
    for path in [os.environ.get("CHROME_PATH", ""), *CHROMIUM_PATHS]:
        if path and Path(path).exists():
            return path
    return None  # Playwright's own Chromium, if installed


def footer(ui) -> str:
    """Each PDF page's footer, "3 of 120", in the edition's words."""
    from ..wording import ui_html

    words = ui_html(ui, "publish.pdf.page_of", page='<span class="pageNumber"></span>',
                    pages='<span class="totalPages"></span>')
    return f'<div style="font-size:8pt;width:100%;text-align:center;color:#555">{words}</div>'


def build_pdf(site: Path, target: Path, ui=None) -> Path:
    """Print the print edition of a built site to a tagged PDF with bookmarks; ``ui`` is
    the edition's interface (the English one if not given)."""
    from playwright.sync_api import sync_playwright

    from ..interface import interface_for

    ui = ui or interface_for(Path(__file__).resolve().parents[2])

    page_file = site / "print" / "index.html"
    if not page_file.is_file():
        page_file = site / "print.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(),
                                             args=CHROMIUM_ARGS)
        try:
            # Without JavaScript: the page is complete without it, and nothing saved in a
            # browser (check marks, ratings) can find its way into the PDF.
            context = browser.new_context(java_script_enabled=False)
            page = context.new_page()
            page.goto(page_file.as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.pdf(path=str(target), format="Letter", outline=True, tagged=True,
                     print_background=True, display_header_footer=True,
                     header_template="<span></span>",
                     footer_template=footer(ui),
                     margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
        finally:
            browser.close()
    return target
