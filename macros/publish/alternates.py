"""Each page names its other-language twin, and the language switcher goes straight to it.

Material draws the switcher from `extra.alternate` (the edition roots) and puts one
`<link rel="alternate" hreflang>` per edition root in every page's head. This step makes
both page-specific:

- the head links point to this page in each edition (absolute addresses under site_url,
  as search engines want), plus `x-default` for the English page. They are written
  `rel=" alternate"`: the same link type (rel is a list of tokens), but Material's script,
  which looks for `link[rel=alternate]`, then does not fetch `<page>/sitemap.xml` for each
  of them (a wasted request on every page, to another host on a local copy);
- each switcher link goes to this page in that edition, with `lang` set on the language's
  name. When this page has no translation yet, the link goes to that edition's home and
  says so, so no English page is ever labeled as another language;
- a translated page whose English source changed since it was translated gets a short
  note under its title, linking to the English page (macros/translations.py decides).
"""
from __future__ import annotations

import html as htmlmod
import re
from pathlib import Path

import yaml

from ..translations import LANGUAGES, behind
from .config import SiteConfig, relative_url
from ..translations import edition_pages

HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
SWITCH_LINK = re.compile(r'<a href="[^"]*" hreflang="([\w-]+)" class="md-select__link">\s*(.*?)\s*</a>', re.S)
TITLE_END = re.compile(r"</h1>")
NOTE_CLASS = "guide-translation-note"


def link_editions(site: Path, config: SiteConfig) -> int:
    """Rewrite the head alternates and the switcher of every page; returns pages changed."""
    lang = config.language
    ui = _interfaces(config.root)
    english_docs = config.root / "docs"
    stale = _stale_pages(config.root, lang) if lang != "en" else set()
    done = 0
    for source in edition_pages(Path(config.docs_dir)):
        src = source.relative_to(config.docs_dir).as_posix()
        if lang == "en" and src.split("/")[0] in LANGUAGES:
            continue
        url = config.url_of(src)
        path = config.html_file(site, url)
        if not path.is_file():
            continue
        twins = {"en": (english_docs / src).is_file()}
        twins.update({other: (english_docs / other / src).is_file() for other in LANGUAGES})
        page = path.read_text(encoding="utf-8")
        page = _head_links(page, config, lang, url, twins)
        page = _switcher(page, lang, url, twins, ui)
        if src in stale:
            page = _stale_note(page, lang, url, ui(lang))
        path.write_text(page, encoding="utf-8")
        done += 1
    return done


def _interfaces(root: Path):
    """Each edition's interface strings, loaded when first asked for."""
    from ..interface import load_interface

    cache: dict = {}

    def ui(code: str):
        if code not in cache:
            folder = root / "content_data" / ("" if code == "en" else code)
            cache[code] = load_interface(folder, root, [])
        return cache[code]
    return ui


def _root_url(config: SiteConfig, lang: str) -> str:
    """The English site's address, from this edition's site_url ('…/guide/es/' -> '…/guide/')."""
    url = config.site_url or ""
    return url[: -len(f"{lang}/")] if lang != "en" and url.endswith(f"/{lang}/") else url


def _prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def _head_links(page: str, config: SiteConfig, lang: str, url: str, twins: dict) -> str:
    root = _root_url(config, lang)
    if not root:
        return HEAD_ALTERNATE.sub("", page)
    links = [f'<link rel=" alternate" hreflang="{code}" href="{root}{_prefix(code)}{url}">'
             for code, present in twins.items() if present]
    links.append(f'<link rel=" alternate" hreflang="x-default" href="{root}{url}">')
    first = HEAD_ALTERNATE.search(page)
    if not first:
        return page
    page = HEAD_ALTERNATE.sub("", page)
    at = first.start()
    return page[:at] + "\n" + "\n".join(links) + page[at:]


def _switcher(page: str, lang: str, url: str, twins: dict, ui) -> str:
    """Each language's link goes to this page in that edition (hrefs relative, so the
    offline copy and a local server work too)."""
    here = _prefix(lang) + url

    def link(match: re.Match) -> str:
        code, name = match.group(1), match.group(2)
        target = _prefix(code) + (url if twins.get(code) else "")
        href = relative_url(target or "./", here)
        current = ' aria-current="true"' if code == lang else ""
        label = name
        if not twins.get(code):  # said in the language the reader is choosing
            label += f" ({htmlmod.escape(ui(code)('editions.not_translated'))})"
        return (f'<a href="{href}" hreflang="{code}" class="md-select__link"{current}>'
                f'<span lang="{code}">{label}</span></a>')

    return SWITCH_LINK.sub(link, page)


def _stale_note(page: str, lang: str, url: str, ui) -> str:
    if NOTE_CLASS in page:
        return page
    english = relative_url(url or "./", _prefix(lang) + url)
    note = (f'<p class="{NOTE_CLASS}">{htmlmod.escape(ui("editions.behind_note"))} '
            f'<a href="{english}" hreflang="en">{htmlmod.escape(ui("editions.behind_link"))}</a></p>')
    match = TITLE_END.search(page)
    if not match:
        return page
    return page[: match.end()] + note + page[match.end():]


def _stale_pages(root: Path, lang: str) -> set[str]:
    """Pages (relative to docs/<lang>/) that are behind, themselves or through their area's YAML."""
    pages = set()
    for item in behind(root, lang):
        if item.translation.startswith(f"docs/{lang}/"):
            pages.add(item.translation[len(f"docs/{lang}/"):])
        elif item.translation.startswith(f"content_data/{lang}/areas/"):
            data = yaml.safe_load((Path(root) / item.translation).read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("page"):
                pages.add(data["page"])
    return pages
