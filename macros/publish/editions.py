"""The Downloads page's list of editions: the print edition always, the PDF and the offline
ZIP when the build makes them, with their sizes. It fills in whichever page holds
`<div data-guide-editions></div>`."""
from __future__ import annotations

import re
from pathlib import Path

from ..downloads import FOLDER as DOWNLOADS
from .config import SiteConfig, relative_url
from .offline import OFFLINE_ZIP
from .pdf import PRINT_PDF
from .print_edition import PRINT_SOURCE
from ..translations import edition_pages

EDITIONS_MARKER = re.compile(r"<div[^>]*\bdata-guide-editions\b[^>]*>\s*</div>")
_SIZE = re.compile(r'<span data-guide-size="(\w+)">[^<]*</span>')


def editions_html(page_url: str, print_url: str, *, offline: bool, pdf: bool, zipped: bool) -> str:
    href = relative_url(print_url, page_url)
    items = [f'<li><a href="{href}">The whole guide on one page</a> (print edition): every '
             "section in reading order with a table of contents, checklists as empty boxes and "
             "link addresses written out. Print it, or save it as a PDF from your browser.</li>"]
    if offline:
        items.append("<li>You are reading the offline copy: it works without an internet "
                     "connection, search included.</li>")
        return '<ul class="guide-editions">' + "".join(items) + "</ul>"
    if pdf:
        items.append(f'<li><a href="{relative_url(f"{DOWNLOADS}/{PRINT_PDF}", page_url)}" download>'
                     'The whole guide as a PDF (<span data-guide-size="pdf">PDF</span>)</a>, with '
                     "bookmarks for every section.</li>")
    if zipped:
        items.append(f'<li><a href="{relative_url(f"{DOWNLOADS}/{OFFLINE_ZIP}", page_url)}" download>'
                     'The offline copy of the whole guide (<span data-guide-size="zip">ZIP</span>)'
                     "</a>: unzip it and open index.html. It works without an internet connection, "
                     "search, checklists, the online self-assessment and both companion tools "
                     "included.</li>")
    return '<ul class="guide-editions">' + "".join(items) + "</ul>"


def fill_marker(html: str, page_url: str, config: SiteConfig, **options) -> str:
    """The page's HTML with the editions listed where it holds the marker."""
    if not EDITIONS_MARKER.search(html):
        return html
    listed = editions_html(page_url, config.url_of(PRINT_SOURCE), **options)
    return EDITIONS_MARKER.sub(lambda m: listed, html)


def list_editions(site: Path, config: SiteConfig, **options) -> None:
    """fill_marker over every built page of docs/ (offline=, pdf=, zipped=)."""
    for source in edition_pages(config.docs_dir):
        url = config.url_of(source.relative_to(config.docs_dir).as_posix())
        path = config.html_file(site, url)
        if path.is_file():
            html = path.read_text(encoding="utf-8")
            filled = fill_marker(html, url, config, **options)
            if filled != html:
                path.write_text(filled, encoding="utf-8")


def fill_in_sizes(site: Path, made: dict[str, Path]) -> None:
    """Write each made file's size into the links to it ({"pdf": path, "zip": path})."""
    labels = {"pdf": "PDF", "zip": "ZIP"}

    def size(match: re.Match) -> str:
        kind = match.group(1)
        if kind not in made:
            return match.group(0)
        return f'<span data-guide-size="{kind}">{labels[kind]}, {file_size(made[kind].stat().st_size)}</span>'

    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if "data-guide-size=" in text:
            path.write_text(_SIZE.sub(size, text), encoding="utf-8")


def file_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024:.0f} KB"
