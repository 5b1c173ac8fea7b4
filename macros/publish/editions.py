"""The Downloads page's list of editions: the print edition always, the PDF and the offline
ZIP when the build makes them, with their sizes. It fills in whichever page holds
`<div data-guide-editions></div>`."""
from __future__ import annotations

import re
from pathlib import Path

from ..downloads import FOLDER as DOWNLOADS
from ..interface import Interface
from ..wording import ui_html
from .config import SiteConfig, relative_url
from .offline import OFFLINE_ZIP
from .pdf import PRINT_PDF
from .print_edition import PRINT_SOURCE
from ..translations import edition_pages

EDITIONS_MARKER = re.compile(r"<div[^>]*\bdata-guide-editions\b[^>]*>\s*</div>")
_SIZE = re.compile(r'<span data-guide-size="(\w+)">[^<]*</span>')


def editions_html(page_url: str, print_url: str, ui: Interface, *, offline: bool, pdf: bool,
                  zipped: bool) -> str:
    def item(kind: str, href: str, size: str = "", download: bool = False) -> str:
        words = ui_html(ui, f"publish.editions.{kind}_link", size=size) if size else \
            ui_html(ui, f"publish.editions.{kind}_link")
        link = f'<a href="{href}"{" download" if download else ""}>{words}</a>'
        return f"<li>{ui_html(ui, f'publish.editions.{kind}', link=link)}</li>"

    def size(kind: str) -> str:
        return f'<span data-guide-size="{kind}">{ui_html(ui, f"publish.editions.{kind}_kind")}</span>'

    items = [item("print", relative_url(print_url, page_url))]
    if offline:
        items.append(f"<li>{ui_html(ui, 'publish.editions.offline_here')}</li>")
        return '<ul class="guide-editions">' + "".join(items) + "</ul>"
    if pdf:
        items.append(item("pdf", relative_url(f"{DOWNLOADS}/{PRINT_PDF}", page_url), size("pdf"), True))
    if zipped:
        items.append(item("zip", relative_url(f"{DOWNLOADS}/{OFFLINE_ZIP}", page_url), size("zip"), True))
    return '<ul class="guide-editions">' + "".join(items) + "</ul>"


def fill_marker(html: str, page_url: str, config: SiteConfig, ui: Interface, **options) -> str:
    """The page's HTML with the editions listed where it holds the marker."""
    if not EDITIONS_MARKER.search(html):
        return html
    listed = editions_html(page_url, config.url_of(PRINT_SOURCE), ui, **options)
    return EDITIONS_MARKER.sub(lambda m: listed, html)


def list_editions(site: Path, config: SiteConfig, ui: Interface, **options) -> None:
    """fill_marker over every built page of docs/ (offline=, pdf=, zipped=)."""
    for source in edition_pages(config.docs_dir):
        url = config.url_of(source.relative_to(config.docs_dir).as_posix())
        path = config.html_file(site, url)
        if path.is_file():
            html = path.read_text(encoding="utf-8")
            filled = fill_marker(html, url, config, ui, **options)
            if filled != html:
                path.write_text(filled, encoding="utf-8")


def fill_in_sizes(site: Path, made: dict[str, Path], ui: Interface) -> None:
    """Write each made file's size into the links to it ({"pdf": path, "zip": path})."""
    def size(match: re.Match) -> str:
        kind = match.group(1)
        if kind not in made:
            return match.group(0)
        words = ui_html(ui, "publish.editions.kind_and_size",
                        kind=ui_html(ui, f"publish.editions.{kind}_kind"),
                        size=file_size(made[kind].stat().st_size, ui))
        return f'<span data-guide-size="{kind}">{words}</span>'

    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if "data-guide-size=" in text:
            path.write_text(_SIZE.sub(size, text), encoding="utf-8")


def file_size(size: int, ui: Interface | None = None) -> str:
    """'2.1 MB' (in the edition's words with ``ui``: '2,1 MB' is for the YAML to say)."""
    if ui is None:  # the command line's own report
        return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"
    if size >= 1024 * 1024:
        return ui("publish.editions.megabytes", number=f"{size / 1024 / 1024:.1f}")
    return ui("publish.editions.kilobytes", number=f"{size / 1024:.0f}")
