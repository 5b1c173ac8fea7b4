"""Render the guide's structured items as semantic, accessible HTML.

Plain functions of the content: no MkDocs here, so each can be unit-tested. ``link`` maps
a page path relative to docs/ (optionally with ``#anchor``) to an href from the current
page; the MkDocs adapter in ``macros/__init__.py`` supplies it.

Every piece of YAML text goes through ``inline()``: it is HTML-escaped first, and only
then are a few Markdown forms (emphasis, strong, https links) turned back into tags.
"""
from __future__ import annotations

import html
import re
from typing import Callable

from .loader import Content

Link = Callable[[str], str]

MOVE_SPANS = {"hop": "a few weeks", "skip": "about a term", "leap": "a year or more"}

_LINK = re.compile(r"\[([^\]\n]+)\]\((https://[^\s()]+)\)")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")


def inline(text: str) -> str:
    """Escape ``text`` for HTML, then render *em*, **strong** and [links](https://...)."""
    out = html.escape(" ".join(text.split()), quote=True)
    out = _LINK.sub(r'<a href="\2">\1</a>', out)
    out = _STRONG.sub(r"<strong>\1</strong>", out)
    return _EM.sub(r"<em>\1</em>", out)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def _lines(*parts: str) -> str:
    # Markdown treats a block of HTML as raw only if it has no blank lines inside it and
    # is set apart by blank lines; we return one compact block with blank lines around.
    return "\n\n" + "\n".join(p for p in parts if p) + "\n\n"


def checklist(content: Content, area_id: str) -> str:
    area = content.area(area_id)
    items = []
    for item in area.checklist:
        box = f"check-{area.id}-{item.id}"
        items.append(
            f'<li><input type="checkbox" id="{box}" data-item="{attr(item.id)}">'
            f' <label for="{box}">{inline(item.text)}</label></li>')
    return _lines(
        f'<fieldset class="checklist" id="checklist-{area.id}" data-area="{area.id}">',
        f"<legend>{inline(area.title)} checklist</legend>",
        '<ul class="checklist__items">', *items, "</ul>",
        # Shown until checklists.js removes it (as on the self-assessment): without the
        # script the boxes still tick, but nothing keeps them, and the reader should know.
        '<p class="checklist__note" data-without-script>Ticks here are not saved while this '
        "page's script is not running. Print the page to tick the list by hand.</p>",
        "</fieldset>")


def indicators(content: Content, area_id: str) -> str:
    area = content.area(area_id)
    levels = content.scale.levels
    caption_id = f"indicators-{area.id}-caption"
    head = "".join(f'<th scope="col">{inline(level.label)}</th>' for level in levels)
    rows = []
    for ind in area.indicators:
        cells = "".join(f"<td>{inline(ind.levels[level.id])}</td>" for level in levels)
        rows.append(f'<tr id="indicator-{ind.id}"><th scope="row">{inline(ind.text)}</th>{cells}</tr>')
    return _lines(
        # A wide table scrolls inside its own region, which keyboard users can focus.
        f'<div class="table-scroll" role="region" aria-labelledby="{caption_id}" tabindex="0">',
        '<table class="indicators">',
        f'<caption id="{caption_id}">{inline(area.title)}: self-assessment indicators, '
        f"with what each level looks like</caption>",
        f'<thead><tr><th scope="col">Indicator</th>{head}</tr></thead>',
        "<tbody>", *rows, "</tbody>",
        "</table>", "</div>")


def reflection_questions(content: Content, area_id: str) -> str:
    area = content.area(area_id)
    items = [f'<li id="question-{area.id}-{q.id}">{inline(q.text)}</li>'
             for q in area.reflection_questions]
    return _lines(f'<ol class="reflection-questions" aria-label="{attr(area.title)}: '
                  'reflection questions">', *items, "</ol>")


def next_moves(content: Content, area_id: str) -> str:
    area = content.area(area_id)
    moves = area.next_moves
    parts = []
    for size in ("hop", "skip", "leap"):
        parts.append(f'<div class="next-moves__move next-moves__move--{size}">'
                     f"<dt>{size.capitalize()} <span class=\"next-moves__span\">"
                     f"({MOVE_SPANS[size]})</span></dt>"
                     f"<dd>{inline(getattr(moves, size))}</dd></div>")
    return _lines(f'<dl class="next-moves" aria-label="{attr(area.title)}: next moves">',
                  *parts, "</dl>")


def area_cards(content: Content, section_id: str, link: Link) -> str:
    section_ids = [s.id for s in content.sections.sections]
    if section_id not in section_ids:
        raise KeyError(f"there is no section '{section_id}' (sections are: {', '.join(section_ids)})")
    cards = [f'<li><p class="area-card__title"><a href="{attr(link(area.page))}">'
             f"{inline(area.title)}</a></p><p>{inline(area.summary)}</p></li>"
             for area in content.areas_in(section_id)]
    return _lines('<div class="grid cards area-cards">', "<ul>", *cards, "</ul>", "</div>")


def scale_table(content: Content) -> str:
    rows = [f'<tr><th scope="row">{inline(level.label)}</th><td>{inline(level.description)}</td></tr>'
            for level in content.scale.levels]
    rows.append(f'<tr><th scope="row">{inline(content.scale.unsure_label)}</th><td>Use this '
                "when the team has no evidence yet; gathering it becomes a next step.</td></tr>")
    return _lines('<table class="scale">',
                  "<caption>The rating scale used for every indicator</caption>",
                  '<thead><tr><th scope="col">Level</th><th scope="col">What it means</th></tr></thead>',
                  "<tbody>", *rows, "</tbody>", "</table>")


def _area_links(content: Content, area_ids: list[str], link: Link) -> str:
    titles = {a.id: a for a in content.areas}
    return ", ".join(f'<a href="{attr(link(titles[i].page))}">{inline(titles[i].title)}</a>'
                     for i in area_ids)


def resource_list(content: Content, link: Link) -> str:
    items = []
    for res in content.resources.resources:
        supports = (f'<p class="resource__areas">Supports: {_area_links(content, res.areas, link)}</p>'
                    if res.areas else "")
        items.append(
            f'<li class="resource" id="{res.id}">'
            f'<p class="resource__title"><a href="{attr(res.url)}">{inline(res.title)}</a></p>'
            f'<p class="resource__source">{inline(res.publisher)}, {res.year}</p>'
            f"<p>{inline(res.note)}</p>{supports}</li>")
    return _lines('<ul class="resource-list">', *items, "</ul>")


def area_resources(content: Content, area_id: str, link: Link, resources_page: str) -> str:
    area = content.area(area_id)
    found = content.resources_for(area.id)
    if not found:
        return ""
    # Link to our annotated entry (which links on to the source) so the reader sees why
    # the resource matters before leaving the guide.
    items = [f'<li><a href="{attr(link(resources_page + "#" + res.id))}">{inline(res.title)}</a> '
             f"({inline(res.publisher)}, {res.year})</li>" for res in found]
    return _lines(f'<ul class="area-resources" aria-label="Resources for {attr(area.title)}">',
                  *items, "</ul>")



def file_size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


def download_card(download, size: int, href: str) -> str:
    label = f"Download the {download.title} ({download.format}, {file_size(size)})"
    return _lines(
        '<div class="download-card">',
        f'<p class="download-card__title"><a href="{attr(href)}" download>{inline(label)}</a></p>',
        f"<p>{inline(download.contents)}</p>",
        f'<p class="download-card__meta">Opens in {inline(download.opens_in)}. It works offline, '
        "and nothing you type in it is sent anywhere.</p>",
        "</div>")


def area_downloads(content: Content, area_id: str, downloads: dict, hrefs: dict, sizes: dict) -> str:
    area = content.area(area_id)
    items = []
    for name, download in downloads.items():
        link = f'<a href="{attr(hrefs[name])}" download>{inline(download.title)} ' \
               f"({download.filename.rsplit('.', 1)[-1]}, {file_size(sizes[name])})</a>"
        items.append(f"<li>{link}: {inline(area.title)} is "
                     f"{inline(download.locate(content, area.id))}.</li>")
    return _lines('<div class="area-downloads">',
                  f"<p>Work on {inline(area.title)} offline with the companion tools:</p>",
                  "<ul>", *items, "</ul>", "</div>")
