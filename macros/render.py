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

# Shared explanations live on one page each; area pages point to them (issue 13: say it once).
SCALE_PAGE = "getting-started/self-assessment-tool.md#the-rating-scale"
MOVES_PAGE = "conditions/index.md#choose-your-next-move-hop-skip-or-leap"


def _no_link(target: str) -> str:
    return ""

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


def rating_lead(content: Content, scale_href: str) -> str:
    """The one sentence, said on area pages and rating pages alike, on how to rate."""
    return (f'Rate each indicator on <a href="{attr(scale_href)}">the four-level scale</a>, or '
            f"choose “{inline(content.scale.unsure_label)}” when the team has no evidence yet.")


def indicators(content: Content, area_id: str, link: Link = _no_link) -> str:
    area = content.area(area_id)
    scale = link(SCALE_PAGE)
    lead = f'<p class="indicators-lead">{rating_lead(content, scale)}</p>' if scale else ""
    levels = content.scale.levels
    caption_id = f"indicators-{area.id}-caption"
    head = "".join(f'<th scope="col">{inline(level.label)}</th>' for level in levels)
    rows = []
    for ind in area.indicators:
        # data-label names the column again when the table stacks on a phone (guide.css).
        cells = "".join(f'<td data-label="{attr(level.label)}">{inline(ind.levels[level.id])}</td>'
                        for level in levels)
        rows.append(f'<tr id="indicator-{ind.id}"><th scope="row">{inline(ind.text)}</th>{cells}</tr>')
    return _lines(
        lead,
        # A wide table scrolls inside its own region, which keyboard users can focus.
        f'<div class="table-scroll" role="region" aria-labelledby="{caption_id}" tabindex="0">',
        '<table class="indicators">',
        f'<caption id="{caption_id}">{inline(area.title)}: self-assessment indicators, '
        f"with what each level looks like</caption>",
        f'<thead><tr><th scope="col">Indicator</th>{head}</tr></thead>',
        "<tbody>", *rows, "</tbody>",
        "</table>", "</div>")


def at_a_glance(content: Content, area_id: str) -> str:
    """The box that opens every area page: what it is about, three questions, one move."""
    area = content.area(area_id)
    glance = area.at_a_glance
    heading = f"glance-{area.id}"
    questions = [f"<li>{inline(q)}</li>" for q in glance.ask_first]
    return _lines(
        f'<section class="at-a-glance" aria-labelledby="{heading}">',
        f'<h2 class="at-a-glance__title" id="{heading}">At a glance</h2>',
        f"<p>{inline(glance.about)}</p>",
        '<p class="at-a-glance__label">Ask these first</p>',
        '<ol class="at-a-glance__questions">', *questions, "</ol>",
        f'<p><strong>Quickest move:</strong> {inline(glance.quickest_move)} '
        '<a class="at-a-glance__more" href="#next-moves">All next moves</a></p>',
        "</section>")


def small_districts(content: Content, area_id: str) -> str:
    """Who does the work when there is no specialist on staff, and one move for each."""
    area = content.area(area_id)
    part = area.small_districts
    items = [f"<li><strong>{inline(m.who)}:</strong> {inline(m.move)}</li>" for m in part.moves]
    return _lines(f"<p>{inline(part.intro)}</p>",
                  f'<ul class="small-districts" aria-label="{attr(area.title)}: who can help '
                  'in a small district">', *items, "</ul>")


def reflection_questions(content: Content, area_id: str) -> str:
    area = content.area(area_id)
    items = [f'<li id="question-{area.id}-{q.id}">{inline(q.text)}</li>'
             for q in area.reflection_questions]
    return _lines(f'<ol class="reflection-questions" aria-label="{attr(area.title)}: '
                  'reflection questions">', *items, "</ol>")


def next_moves(content: Content, area_id: str, link: Link = _no_link) -> str:
    area = content.area(area_id)
    moves_href = link(MOVES_PAGE)
    lead = (f'<p class="next-moves-lead">Pick the move that fits your capacity now '
            f'(<a href="{attr(moves_href)}">how hop, skip and leap work</a>).</p>'
            if moves_href else "")
    moves = area.next_moves
    parts = []
    for size in ("hop", "skip", "leap"):
        parts.append(f'<div class="next-moves__move next-moves__move--{size}">'
                     f"<dt>{size.capitalize()} <span class=\"next-moves__span\">"
                     f"({MOVE_SPANS[size]})</span></dt>"
                     f"<dd>{inline(getattr(moves, size))}</dd></div>")
    return _lines(lead, f'<dl class="next-moves" aria-label="{attr(area.title)}: next moves">',
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


def resource_list(content: Content, link: Link, kind: str = "framework") -> str:
    """The annotated list of one kind of resource: 'framework' (guidance) or 'research'."""
    items = [_resource_item(content, res, link)
             for res in content.resources.resources if res.type == kind]
    return _lines(f'<ul class="resource-list resource-list--{kind}">', *items, "</ul>")


def _resource_item(content: Content, res, link: Link) -> str:
    supports = (f'<p class="resource__areas">Supports: {_area_links(content, res.areas, link)}</p>'
                if res.areas else "")
    by = f"{inline(res.authors)}. " if res.authors else ""
    finding = (f'<p class="resource__finding"><strong>Finding:</strong> {inline(res.finding)}</p>'
               if res.finding else "")
    return (f'<li class="resource" id="{res.id}">'
            f'<p class="resource__title"><a href="{attr(res.url)}">{inline(res.title)}</a></p>'
            f'<p class="resource__source">{by}{inline(res.publisher)}, {res.year}</p>'
            f"{finding}<p>{inline(res.note)}</p>{supports}</li>")


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
    """Where the area is in each download that has a part per area, then the forms that
    the area's page asks for (downloads whose ``asked_on`` names the page)."""
    area = content.area(area_id)
    items, forms = [], []
    for name, download in downloads.items():
        link = f'<a href="{attr(hrefs[name])}" download>{inline(download.title)} ' \
               f"({download.filename.rsplit('.', 1)[-1]}, {file_size(sizes[name])})</a>"
        if download.locate is not None:
            items.append(f"<li>{link}: {inline(area.title)} is "
                         f"{inline(download.locate(content, area.id))}.</li>")
        elif area.page in download.asked_on:
            forms.append(f"<li>{link}</li>")
    more = ([f"<p>Forms for {inline(area.title)}, to print or fill in on screen:</p>",
             "<ul>", *forms, "</ul>"] if forms else [])
    return _lines('<div class="area-downloads">',
                  f"<p>Work on {inline(area.title)} offline with the companion tools:</p>",
                  "<ul>", *items, "</ul>", *more, "</div>")


# --- the register of dated facts ------------------------------------------------------

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def month_year(day) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def _source_date(text: str) -> str:
    """'2024-01-15' -> 'January 15, 2024'; '2024-01' -> 'January 2024'; '2024' -> '2024'."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return f"{MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def cite(content: Content, fact_id: str) -> str:
    """A short inline citation: (FCC, 2025; checked December 2026), linked to the source.

    Inline HTML (no blank lines), so it can sit inside a sentence or a list item.
    """
    fact = content.fact(fact_id)
    src = fact.source
    name = src.short or src.publisher
    year = src.date[:4]
    return (f'<span class="citation">(<a href="{attr(src.url)}">{inline(name)}, {year}</a>; '
            f"checked {month_year(fact.checked)})</span>")


def fact_register(content: Content, cited_on: dict[str, list[tuple[str, str]]]) -> str:
    """Every fact, grouped by topic, with its source, its dates and the pages that cite it.

    ``cited_on`` maps a fact id to (title, href) pairs of the pages that cite it.
    Topic headings are Markdown, so they join the page's table of contents.
    """
    out = []
    for topic in content.facts.topics:
        facts = [f for f in content.facts.facts if f.topic == topic.id]
        if not facts:
            continue
        items = [_fact_item(f, cited_on.get(f.id, [])) for f in facts]
        out.append(f"## {topic.title} {{#{topic.id}}}")
        out.append(_lines('<ul class="fact-register">', *items, "</ul>"))
    return "\n\n" + "\n\n".join(out) + "\n\n"


def _fact_item(fact, pages: list[tuple[str, str]]) -> str:
    src = fact.source
    copy = (f" This link is a stable copy of {inline(src.copy_of)}." if src.copy_of else "")
    where = ", ".join(f'<a href="{attr(href)}">{inline(title)}</a>' for title, href in pages)
    cited = f'<p class="fact__pages">Cited on: {where}</p>' if pages else ""
    return (f'<li class="fact" id="fact-{fact.id}"><p class="fact__claim">{inline(fact.claim)}</p>'
            f'<p class="fact__source">Source: <a href="{attr(src.url)}">{inline(src.title)}</a>, '
            f"{inline(src.publisher)}, {_source_date(src.date)}.{copy}</p>"
            f'<p class="fact__dates">Checked {_source_date(fact.checked.isoformat())}. '
            f"Next review by {month_year(fact.review_by)}.</p>{cited}</li>")


# --- the suggested meeting plan -------------------------------------------------------

PLAN_PAGE = "getting-started/index.md#plan-your-first-meetings"


def meeting_plan(content: Content, link: Link, title_of: Callable[[str], str]) -> str:
    """The plan as a table: what to read before each meeting and what to do in it.

    An area rated in a meeting adds its page to that meeting's reading, so the two never
    disagree. ``title_of`` gives a page's title from its path relative to docs/.
    """
    pages = {a.id: a.page for a in content.areas}
    rows = []
    for number, meeting in enumerate(content.meeting_plan.meetings, 1):
        reading = [*meeting.read, *(pages[a] for a in meeting.areas)]
        links = ", ".join(f'<a href="{attr(link(page))}">{inline(title_of(page))}</a>'
                          for page in reading)
        rows.append(f'<tr><th scope="row">{number}. {inline(meeting.title)}</th>'
                    f'<td data-label="Read">{links}</td>'
                    f'<td data-label="Do">{inline(meeting.do)}</td></tr>')
    plan = content.meeting_plan
    return _lines('<table class="meeting-plan">',
                  f"<caption>A suggested plan for your first meetings ({inline(plan.length)}, "
                  f"{inline(plan.spacing)})</caption>",
                  '<thead><tr><th scope="col">Meeting</th><th scope="col">Read before the meeting'
                  '</th><th scope="col">Do in the meeting</th></tr></thead>',
                  "<tbody>", *rows, "</tbody>", "</table>")


def meetings_for(content: Content, section_id: str, link: Link) -> str:
    """'meeting 3' or 'meetings 4 and 5': the plan's meetings that rate a section's areas,
    linked to the plan. Inline, so it can sit inside a sentence."""
    areas = {a.id for a in content.areas_in(section_id)}
    if not areas:
        raise KeyError(f"there is no section '{section_id}' with areas")
    numbers = [str(n) for n, m in enumerate(content.meeting_plan.meetings, 1)
               if areas & set(m.areas)]
    words = (f"meeting {numbers[0]}" if len(numbers) == 1
             else f"meetings {', '.join(numbers[:-1])} and {numbers[-1]}")
    return f'<a href="{attr(link(PLAN_PAGE))}">{words}</a>'
