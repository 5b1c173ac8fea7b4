"""Render the guide's structured items as semantic, accessible HTML.

Plain functions of the content: no MkDocs here, so each can be unit-tested. ``link`` maps
a page path relative to docs/ (optionally with ``#anchor``) to an href from the current
page; the MkDocs adapter in ``macros/__init__.py`` supplies it.

Every piece of YAML text goes through ``inline()``: it is HTML-escaped first, and only
then are a few Markdown forms (emphasis, strong, https links) turned back into tags.
"""
from __future__ import annotations

import html
from typing import Callable

from .loader import Content
from .wording import file_size as _file_size
from .wording import inline, month_year, source_date, ui_html

Link = Callable[[str], str]

# The English spans, for the downloads (macros/downloads/workbook.py); the pages say
# pages.next_moves.<size>_span from content_data/interface/pages.yml.
MOVE_SPANS = {"hop": "a few weeks", "skip": "about a term", "leap": "a year or more"}

# Shared explanations live on one page each; area pages point to them (issue 13: say it once).
SCALE_PAGE = "getting-started/self-assessment-tool.md#the-rating-scale"
MOVES_PAGE = "conditions/index.md#choose-your-next-move-hop-skip-or-leap"


def _no_link(target: str) -> str:
    return ""


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def _lines(*parts: str) -> str:
    # Markdown treats a block of HTML as raw only if it has no blank lines inside it and
    # is set apart by blank lines; we return one compact block with blank lines around.
    return "\n\n" + "\n".join(p for p in parts if p) + "\n\n"


def checklist(content: Content, area_id: str) -> str:
    from .scripts_ui import ui_data

    area = content.area(area_id)
    items = []
    for item in area.checklist:
        box = f"check-{area.id}-{item.id}"
        items.append(
            f'<li><input type="checkbox" id="{box}" data-item="{attr(item.id)}">'
            f' <label for="{box}">{inline(item.text)}</label></li>')
    return _lines(
        f'<fieldset class="checklist" id="checklist-{area.id}" data-area="{area.id}" '
        f'{ui_data(content, "checklist")}>',
        f"<legend>{ui_html(content.ui, 'pages.checklist.legend', area=inline(area.title))}</legend>",
        '<ul class="checklist__items">', *items, "</ul>",
        # Shown until checklists.js removes it (as on the self-assessment): without the
        # script the boxes still tick, but nothing keeps them, and the reader should know.
        f'<p class="checklist__note" data-without-script>{ui_html(content.ui, "pages.checklist.not_saved")}</p>',
        "</fieldset>")


def rating_lead(content: Content, scale_href: str) -> str:
    """The one sentence, said on area pages and rating pages alike, on how to rate."""
    scale = f'<a href="{attr(scale_href)}">{ui_html(content.ui, "pages.scale_link")}</a>'
    return ui_html(content.ui, "pages.rating_lead", scale=scale,
                   unsure=inline(content.scale.unsure_label))


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
        f'<caption id="{caption_id}">'
        f"{ui_html(content.ui, 'pages.indicators.caption', area=inline(area.title))}</caption>",
        f'<thead><tr><th scope="col">{ui_html(content.ui, "pages.indicators.indicator_column")}'
        f"</th>{head}</tr></thead>",
        "<tbody>", *rows, "</tbody>",
        "</table>", "</div>")


def at_a_glance(content: Content, area_id: str) -> str:
    """The box that opens every area page: what it is about, three questions, one move."""
    area = content.area(area_id)
    glance = area.at_a_glance
    heading = f"glance-{area.id}"
    questions = [f"<li>{inline(q)}</li>" for q in glance.ask_first]
    words = {key: ui_html(content.ui, f"pages.at_a_glance.{key}")
             for key in ("title", "ask_first", "quickest_move", "all_moves")}
    return _lines(
        f'<section class="at-a-glance" aria-labelledby="{heading}">',
        f'<h2 class="at-a-glance__title" id="{heading}">{words["title"]}</h2>',
        f"<p>{inline(glance.about)}</p>",
        f'<p class="at-a-glance__label">{words["ask_first"]}</p>',
        '<ol class="at-a-glance__questions">', *questions, "</ol>",
        f'<p><strong>{words["quickest_move"]}</strong> {inline(glance.quickest_move)} '
        f'<a class="at-a-glance__more" href="#next-moves">{words["all_moves"]}</a></p>',
        "</section>")


def small_districts(content: Content, area_id: str) -> str:
    """Who does the work when there is no specialist on staff, and one move for each."""
    area = content.area(area_id)
    part = area.small_districts
    items = [f"<li><strong>{inline(m.who)}:</strong> {inline(m.move)}</li>" for m in part.moves]
    return _lines(f"<p>{inline(part.intro)}</p>",
                  f'<ul class="small-districts" aria-label="'
                  f'{attr(content.ui("pages.small_districts_label", area=area.title))}">',
                  *items, "</ul>")


def reflection_questions(content: Content, area_id: str) -> str:
    area = content.area(area_id)
    items = [f'<li id="question-{area.id}-{q.id}">{inline(q.text)}</li>'
             for q in area.reflection_questions]
    label = content.ui("pages.reflection_questions_label", area=area.title)
    return _lines(f'<ol class="reflection-questions" aria-label="{attr(label)}">', *items, "</ol>")


def next_moves(content: Content, area_id: str, link: Link = _no_link) -> str:
    area = content.area(area_id)
    moves_href = link(MOVES_PAGE)
    ui = content.ui
    how = f'<a href="{attr(moves_href)}">{ui_html(ui, "pages.next_moves.how_link")}</a>'
    lead = (f'<p class="next-moves-lead">{ui_html(ui, "pages.next_moves.lead", how=how)}</p>'
            if moves_href else "")
    moves = area.next_moves
    parts = []
    for size in ("hop", "skip", "leap"):
        parts.append(f'<div class="next-moves__move next-moves__move--{size}">'
                     f"<dt>{ui_html(ui, f'pages.next_moves.{size}')} "
                     f'<span class="next-moves__span">'
                     f"({ui_html(ui, f'pages.next_moves.{size}_span')})</span></dt>"
                     f"<dd>{inline(getattr(moves, size))}</dd></div>")
    label = attr(ui("pages.next_moves.label", area=area.title))
    return _lines(lead, f'<dl class="next-moves" aria-label="{label}">', *parts, "</dl>")


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
    words = {key: ui_html(content.ui, f"pages.scale_table.{key}")
             for key in ("caption", "level_column", "meaning_column", "unsure_meaning")}
    rows.append(f'<tr><th scope="row">{inline(content.scale.unsure_label)}</th>'
                f'<td>{words["unsure_meaning"]}</td></tr>')
    return _lines('<table class="scale">',
                  f"<caption>{words['caption']}</caption>",
                  f'<thead><tr><th scope="col">{words["level_column"]}</th>'
                  f'<th scope="col">{words["meaning_column"]}</th></tr></thead>',
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
    areas = ui_html(content.ui, "pages.resources.supports",
                    areas=_area_links(content, res.areas, link)) if res.areas else ""
    supports = f'<p class="resource__areas">{areas}</p>' if res.areas else ""
    by = f"{inline(res.authors)}. " if res.authors else ""
    finding = (f'<p class="resource__finding"><strong>'
               f'{ui_html(content.ui, "pages.resources.finding")}</strong> {inline(res.finding)}</p>'
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
    label = attr(content.ui("pages.resources.area_label", area=area.title))
    return _lines(f'<ul class="area-resources" aria-label="{label}">', *items, "</ul>")



def file_size(size: int, content: Content) -> str:
    """'40 KB', in the edition's words."""
    return _file_size(content.ui, size)


def download_card(content: Content, download, size: int, href: str) -> str:
    ui = content.ui
    label = ui_html(ui, "pages.downloads.card_link", title=inline(download.title),
                    format=inline(download.format), size=file_size(size, content))
    return _lines(
        '<div class="download-card">',
        f'<p class="download-card__title"><a href="{attr(href)}" download>{label}</a></p>',
        f"<p>{inline(download.contents)}</p>",
        f'<p class="download-card__meta">'
        f'{ui_html(ui, "pages.downloads.card_note", program=inline(download.opens_in))}</p>',
        "</div>")


def area_downloads(content: Content, area_id: str, downloads: dict, hrefs: dict, sizes: dict) -> str:
    """Where the area is in each download that has a part per area, then the forms that
    the area's page asks for (downloads whose ``asked_on`` names the page)."""
    area = content.area(area_id)
    ui, title = content.ui, inline(area.title)
    items, forms = [], []
    for name, download in downloads.items():
        link = f'<a href="{attr(hrefs[name])}" download>{inline(download.title)} ' \
               f"({download.filename.rsplit('.', 1)[-1]}, {file_size(sizes[name], content)})</a>"
        if download.locate is not None:
            where = inline(download.locate(content, area.id))
            items.append(f"<li>{ui_html(ui, 'pages.downloads.area_is', download=link, area=title, where=where)}</li>")
        elif area.page in download.asked_on:
            forms.append(f"<li>{link}</li>")
    more = ([f"<p>{ui_html(ui, 'pages.downloads.forms_intro', area=title)}</p>",
             "<ul>", *forms, "</ul>"] if forms else [])
    return _lines('<div class="area-downloads">',
                  f"<p>{ui_html(ui, 'pages.downloads.intro', area=title)}</p>",
                  "<ul>", *items, "</ul>", *more, "</div>")


# --- the register of dated facts ------------------------------------------------------

def cite(content: Content, fact_id: str) -> str:
    """A short inline citation: (FCC, 2025; checked December 2026), linked to the source.

    Inline HTML (no blank lines), so it can sit inside a sentence or a list item.
    """
    fact = content.fact(fact_id)
    src = fact.source
    name = src.short or src.publisher
    year = src.date[:4]
    source = f'<a href="{attr(src.url)}">{inline(name)}, {year}</a>'
    said = ui_html(content.ui, "pages.cite", source=source,
                   date=inline(month_year(content.ui, fact.checked)))
    return f'<span class="citation">{said}</span>'



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
        items = [_fact_item(content, f, cited_on.get(f.id, [])) for f in facts]
        out.append(f"## {topic.title} {{#{topic.id}}}")
        out.append(_lines('<ul class="fact-register">', *items, "</ul>"))
    return "\n\n" + "\n\n".join(out) + "\n\n"


def _fact_item(content: Content, fact, pages: list[tuple[str, str]]) -> str:
    ui, src = content.ui, fact.source
    copy = (" " + ui_html(ui, "pages.facts.stable_copy", address=inline(src.copy_of))
            if src.copy_of else "")
    where = ", ".join(f'<a href="{attr(href)}">{inline(title)}</a>' for title, href in pages)
    cited = (f'<p class="fact__pages">{ui_html(ui, "pages.facts.cited_on", pages=where)}</p>'
             if pages else "")
    source = ui_html(ui, "pages.facts.source", title=f'<a href="{attr(src.url)}">{inline(src.title)}</a>',
                     publisher=inline(src.publisher), date=inline(source_date(ui, src.date)))
    dates = ui_html(ui, "pages.facts.dates",
                    checked=inline(source_date(ui, fact.checked.isoformat())),
                    review_by=inline(month_year(ui, fact.review_by)))
    return (f'<li class="fact" id="fact-{fact.id}"><p class="fact__claim">{inline(fact.claim)}</p>'
            f'<p class="fact__source">{source}{copy}</p>'
            f'<p class="fact__dates">{dates}</p>{cited}</li>')


# --- the suggested meeting plan -------------------------------------------------------

PLAN_PAGE = "getting-started/index.md#plan-your-first-meetings"


def meeting_plan(content: Content, link: Link, title_of: Callable[[str], str]) -> str:
    """The plan as a table: what to read before each meeting and what to do in it.

    An area rated in a meeting adds its page to that meeting's reading, so the two never
    disagree. ``title_of`` gives a page's title from its path relative to docs/.
    """
    pages = {a.id: a.page for a in content.areas}
    words = {key: ui_html(content.ui, f"pages.meeting_plan.{key}") for key in
             ("meeting_column", "read_column", "do_column", "read_short", "do_short")}
    rows = []
    for number, meeting in enumerate(content.meeting_plan.meetings, 1):
        reading = [*meeting.read, *(pages[a] for a in meeting.areas)]
        links = ", ".join(f'<a href="{attr(link(page))}">{inline(title_of(page))}</a>'
                          for page in reading)
        rows.append(f'<tr><th scope="row">{number}. {inline(meeting.title)}</th>'
                    f'<td data-label="{words["read_short"]}">{links}</td>'
                    f'<td data-label="{words["do_short"]}">{inline(meeting.do)}</td></tr>')
    plan = content.meeting_plan
    caption = ui_html(content.ui, "pages.meeting_plan.caption", length=inline(plan.length),
                      spacing=inline(plan.spacing))
    return _lines('<table class="meeting-plan">', f"<caption>{caption}</caption>",
                  f'<thead><tr><th scope="col">{words["meeting_column"]}</th>'
                  f'<th scope="col">{words["read_column"]}</th>'
                  f'<th scope="col">{words["do_column"]}</th></tr></thead>',
                  "<tbody>", *rows, "</tbody>", "</table>")


def meetings_for(content: Content, section_id: str, link: Link) -> str:
    """'meeting 3' or 'meetings 4 and 5': the plan's meetings that rate a section's areas,
    linked to the plan. Inline, so it can sit inside a sentence."""
    areas = {a.id for a in content.areas_in(section_id)}
    if not areas:
        raise KeyError(f"there is no section '{section_id}' with areas")
    numbers = [str(n) for n, m in enumerate(content.meeting_plan.meetings, 1)
               if areas & set(m.areas)]
    words = (content.ui("pages.meetings_for.one", number=numbers[0]) if len(numbers) == 1
             else content.ui("pages.meetings_for.other", numbers=", ".join(numbers[:-1]),
                             last=numbers[-1]))
    return f'<a href="{attr(link(PLAN_PAGE))}">{inline(words)}</a>'
