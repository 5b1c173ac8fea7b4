"""The print edition: `print/` is the whole guide as one page, in the order of the
navigation, with a table of contents, checklists as empty boxes and link addresses
written out.

It is made from the built site, so it is the same after either builder: docs/print.md
gives the page its frame (title, no navigation, left out of search), and this step
replaces that page's article with every other page's article, rewritten by
print_page_html.PagePrinter.
"""
from __future__ import annotations

import html as htmllib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..interface import Interface
from ..macro_calls import page_title
from ..wording import ui_html
from .config import SiteConfig
from .print_page_html import PagePrinter

PRINT_SOURCE = "print.md"  # docs/print.md: the frame the print edition is poured into
_ARTICLE = re.compile(r'(<article class="md-content__inner[^"]*">)(.*?)(</article>)', re.S)
# What the theme adds around a page's own content: Zensical's skip-link target, the edit
# button and the page history.
_SKIP_TARGET = re.compile(r'\A\s*<a id="__skip"[^>]*></a>')
_EDIT_BUTTON = re.compile(r'\A\s*<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.S)
_PAGE_HISTORY = re.compile(r'<aside class="md-source-file".*?</aside>\s*\Z', re.S)


@dataclass
class Entry:
    kind: str  # "page" or "section"
    title: str
    depth: int
    url: str = ""
    content: str | None = None


def page_content(page_html: str) -> str | None:
    """A built page's own content: its article without the theme's edit button and history."""
    match = _ARTICLE.search(page_html)
    if not match:
        return None
    inner = _EDIT_BUTTON.sub("", _SKIP_TARGET.sub("", match.group(2)))
    return _PAGE_HISTORY.sub("", inner)


def nav_entries(nav: list, config: SiteConfig, depth: int = 0):
    """(kind, nav title or None, docs path or section items, depth) in reading order; a
    section whose first index page stands for it, as MkDocs' and Material's navigation.indexes."""
    for item in nav:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(value, list):
            children = list(value)
            index = next((c for c in children if _is_index(c)), None)
            if index is not None:
                children.remove(index)
                _, src = next(iter(index.items())) if isinstance(index, dict) else (None, index)
                yield ("page", _nav_title(index), src, depth)
            else:
                yield ("section", title, None, depth)
            yield from nav_entries(children, config, depth + 1)
        elif isinstance(value, str) and value.endswith(".md"):
            yield ("page", title, value, depth)


def _is_index(item) -> bool:
    value = next(iter(item.values())) if isinstance(item, dict) else item
    return isinstance(value, str) and posixpath.basename(value) in ("index.md", "README.md")


def _nav_title(item) -> str | None:
    return next(iter(item)) if isinstance(item, dict) else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("index.html", "")).strip("-") or "home"


class PrintEdition:
    """The whole guide, as one page, in the order of the navigation."""

    def __init__(self, config: SiteConfig, site: Path, ui: Interface):
        self.config, self.site, self.ui = config, site, ui
        self.site_url = config.site_url
        self.print_url = config.url_of(PRINT_SOURCE)
        self.entries = list(self._entries())
        self.slugs = {e.url: _slug(e.url or "home") for e in self.entries if e.kind == "page"}

    def _entries(self):
        for kind, title, src, depth in nav_entries(self.config.nav, self.config):
            if kind == "section":
                yield Entry("section", title or "", depth)
                continue
            url = self.config.url_of(src)
            path = self.config.html_file(self.site, url)
            content = page_content(path.read_text(encoding="utf-8")) if path.is_file() else None
            source = self.config.docs_dir / src
            own = page_title(source) if source.is_file() else src
            yield Entry("page", title or own, depth, url, content)

    def render(self, first_id: str) -> str:
        """The print page's article: its heading (keeping `first_id`, which the skip link
        points to), an introduction, the contents and every page."""
        toc, body = [], []
        for entry in self.entries:
            if entry.kind == "section":
                anchor = "section-" + _slug(entry.title)
                level = min(6, 2 + entry.depth)
                body.append(f'<h{level} id="{anchor}" class="print-section-title">'
                            f"{htmllib.escape(entry.title)}</h{level}>")
                toc.append((entry.depth, anchor, entry.title))
                continue
            if entry.content is None:
                continue
            slug = self.slugs[entry.url]
            toc.append((entry.depth, slug, entry.title))
            content = PagePrinter(self, entry.url, slug, entry.depth).rewrite(entry.content)
            body.append(f'<section class="print-page" id="{slug}" aria-labelledby="{slug}--title">'
                        f"{content}</section>")
        address = self.site_url or self.ui("publish.print_edition.no_address")
        link = f'<a href="{htmllib.escape(address)}">{htmllib.escape(address)}</a>'
        intro = (f'<p class="print-intro">'
                 f'{ui_html(self.ui, "publish.print_edition.intro", address=link)}</p>')
        contents = ui_html(self.ui, "publish.print_edition.contents")
        return (f'<h1 id="{first_id}">{htmllib.escape(self.config.site_name)}</h1>'
                + intro + _toc_html(toc, contents) + "".join(body))

    def resolve(self, href: str, page_url: str, slug: str) -> tuple[str, str | None]:
        """Where a link of a page points in the print edition, and the address to write out
        after it (None for a place inside the print edition)."""
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            shown = href[len("mailto:"):] if parts.scheme == "mailto" else href
            return href, shown if parts.scheme in ("http", "https", "mailto") else None
        if href.startswith("#"):
            return f"#{slug}--{href[1:]}" if len(href) > 1 else f"#{slug}", None
        target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + page_url), parts.path))
        target = target.lstrip("/")
        if parts.path.endswith("/") and target:
            target += "/"
        if target == ".":
            target = ""
        for url, target_slug in self.slugs.items():
            if url == target or (url.endswith("index.html") and url[:-10] == target):
                fragment = f"--{parts.fragment}" if parts.fragment else ""
                return f"#{target_slug}{fragment}", None
        # A file of the site (a download, an image): from the print page, and by full address.
        relative = posixpath.relpath(target or ".", posixpath.dirname(self.print_url) or ".")
        relative += f"#{parts.fragment}" if parts.fragment else ""
        return relative, urljoin(self.site_url, target) if self.site_url else relative


def _toc_html(toc, contents: str) -> str:
    out, current = ['<nav class="print-contents" aria-labelledby="print-contents-title">',
                    f'<h2 id="print-contents-title">{contents}</h2>'], -1
    for depth, anchor, title in toc:
        if depth > current:
            out.append("<ol>" * (depth - current))
        elif depth < current:
            out.append("</li>" + "</ol></li>" * (current - depth))
        else:
            out.append("</li>")
        out.append(f'<li><a href="#{anchor}">{htmllib.escape(title)}</a>')
        current = depth
    out.append("</li>" + "</ol></li>" * current + "</ol></nav>")
    return "".join(out)


def write_print_edition(site: Path, config: SiteConfig, ui: Interface) -> Path | None:
    """Fill the built print page (from docs/print.md) with the whole guide."""
    path = config.html_file(site, config.url_of(PRINT_SOURCE))
    if not path.is_file():
        return None
    html = path.read_text(encoding="utf-8")
    match = _ARTICLE.search(html)
    if not match:
        return None
    heading = re.search(r'<h1 id="([^"]+)"', match.group(2))
    skip_target = _SKIP_TARGET.match(match.group(2))  # Zensical's skip link points to it
    article = (skip_target.group(0) if skip_target else "") + PrintEdition(config, site, ui).render(
        heading.group(1) if heading else "print-edition")
    path.write_text(html[:match.start(2)] + article + html[match.end(2):], encoding="utf-8")
    return path
