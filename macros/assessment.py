"""The online self-assessment: one main page and one small rating page per area.

The main page (docs/getting-started/online-self-assessment.md, ``assessment_form``) says
whose self-assessment this is (school or team, the group that rated, the date of the
cycle), lists the areas with a link to each area's rating page, and holds the summary and
the tools (export, import, clear). Each area is rated on its own page
(getting-started/online-self-assessment/<area-id>/, ``rate_area``; the pages are made by
macros/rating_pages.py from the area files, so a new area needs no page here), and no
page's weight grows with the number of areas: a guide with twice the areas has twice the
rating pages, each as light as today's.

Both are rendered here, on the server, so each is a complete, readable form even without
JavaScript. ``self-assessment.js`` adds saving, the summary and import/export; it reads
everything it needs from ``data-`` attributes written here, so the browser never needs its
own copy of the YAML. The controls that only work with JavaScript are rendered ``hidden``
and the script reveals them.

Every piece of YAML text goes through ``render.inline()`` (or ``render.attr()`` for
attribute values), so it is always escaped.
"""
from __future__ import annotations

import json
from typing import Callable

from .loader import Content
from .rating_pages import RATING_PAGES
from .render import SCALE_PAGE, _lines, attr, inline, rating_lead
from .scripts_ui import ui_data
from .wording import plural, ui_html

# The radio value for "not sure yet". It must never clash with a level id on the scale.
UNSURE = "unsure"
# Marks files exported by the page, so Import can tell ours from any other JSON.
FORMAT = "digital-equity-guide/self-assessment"
# 2: exports say whose self-assessment they are (school or team, group, date of the cycle).
# Files of version 1 are still read.
VERSION = 2
HUB_PAGE = "getting-started/online-self-assessment.md"

Link = Callable[[str], str]


def _no_link(target: str) -> str:
    return "#"


def rating_page(area_id: str) -> str:
    return f"{RATING_PAGES}/{area_id}.md"


def _plain(text: str) -> str:
    """YAML text without its Markdown marks, for data- attributes read by the script."""
    from .downloads.xlsx_text import plain

    return plain(text)


def _common(content: Content) -> str:
    """The data- attributes both kinds of page carry: the scale and the format."""
    levels = content.scale.levels
    if UNSURE in content.scale.level_ids:
        raise ValueError(f"the scale may not have a level with the id '{UNSURE}': the online "
                         "self-assessment uses it for 'not sure yet'")
    scale = json.dumps([{"id": lv.id, "label": _plain(lv.label), "score": i + 1}
                        for i, lv in enumerate(levels)], ensure_ascii=False)
    groups = json.dumps([{"id": g.id, "label": g.label} for g in content.assessment.groups],
                        ensure_ascii=False, separators=(",", ":"))
    return (f'data-levels="{attr(scale)}" data-unsure="{UNSURE}" '
            f'data-unsure-label="{attr(_plain(content.scale.unsure_label))}" '
            f'data-format="{FORMAT}" data-version="{VERSION}" data-groups="{attr(groups)}"')


def _noscript(content: Content) -> str:
    # Shown until the script removes it: not a <noscript>, so it also shows when
    # JavaScript is on but the script cannot run (a blocked module, an old browser).
    return (f'<p class="assessment__noscript" data-without-script>'
            f'{ui_html(content.ui, "pages.assessment.not_saved")}</p>')


def _words(content: Content, *keys: str) -> dict[str, str]:
    return {key: ui_html(content.ui, f"pages.assessment.{key}") for key in keys}


# --- the main page ------------------------------------------------------------------------

def assessment_form(content: Content, link: Link = _no_link) -> str:
    groups = content.assessment.groups
    w = _words(content, "who_legend", "school_field", "group_field", "choose_group",
               "date_field", "areas_label", "areas_title")
    areas = json.dumps([{"id": a.id, "title": _plain(a.title),
                         "indicators": [[i.id, _plain(i.text)] for i in a.indicators]}
                        for a in content.areas], ensure_ascii=False, separators=(",", ":"))
    total = sum(len(a.indicators) for a in content.areas)
    options = "".join(f'<option value="{g.id}">{inline(g.label)}</option>' for g in groups)
    items = [f'<li><a href="{attr(link(rating_page(a.id)))}">{inline(a.title)}</a> '
             f'<span class="assessment__count" data-area-progress="{a.id}">'
             f"{inline(plural(content.ui, 'pages.assessment.indicator_count', len(a.indicators)))}"
             "</span></li>" for a in content.areas]
    return _lines(
        f'<div class="assessment" id="self-assessment" data-mode="summary" {_common(content)} '
        f'data-areas="{attr(areas)}" {ui_data(content, "assessment", "summary", "files")}>',
        _noscript(content),
        # Whose ratings these are: every export, and the summary, carry all three.
        '<fieldset class="assessment__who">',
        f"<legend>{w['who_legend']}</legend>",
        f'<label class="assessment__field"><span>{w["school_field"]}</span> '
        '<input type="text" name="school" maxlength="120" autocomplete="organization"></label>',
        # Named by its label and, for the print edition (where labels become plain text), by
        # aria-labelledby too.
        f'<label class="assessment__field"><span id="sa-group-label">{w["group_field"]}</span> '
        '<select name="group" aria-labelledby="sa-group-label">'
        f'<option value="">{w["choose_group"]}</option>{options}</select></label>',
        f'<label class="assessment__field"><span>{w["date_field"]}</span> '
        '<input type="date" name="date"></label>',
        "</fieldset>",
        # The progress line is a live region, so each new count is announced politely.
        '<div class="assessment__bar" hidden>',
        f'<p class="assessment__progress" id="sa-progress" aria-live="polite">'
        f"{ui_html(content.ui, 'pages.assessment.progress', total=str(total))}</p>",
        '<p class="assessment__saved" id="sa-saved"></p>',
        "</div>",
        f'<nav class="assessment__areas" aria-label="{w["areas_label"]}">',
        f'<p class="assessment__areas-title">{w["areas_title"]}</p>',
        "<ul>", *items, "</ul>", "</nav>",
        *_results(content),
        "</div>")


def _results(content: Content) -> list[str]:
    """The summary and the tools. Hidden until the script runs: without it they do nothing."""
    levels = content.scale.levels
    low, high = levels[0], levels[-1]
    w = _words(content, "summary_title", "print_summary", "tools_title", "tools_intro",
               "export_csv", "export_json", "import_label", "clear")
    note = ui_html(content.ui, "pages.assessment.summary_note", lowest=inline(low.label),
                   highest=inline(high.label), count=str(len(levels)),
                   unsure=inline(content.scale.unsure_label))
    return [
        '<section class="assessment__summary" id="sa-summary" aria-labelledby="sa-summary-title" hidden>',
        f'<h3 id="sa-summary-title">{w["summary_title"]}</h3>',
        '<p class="assessment__summary-who" id="sa-summary-who"></p>',
        f'<p class="assessment__summary-note">{note}</p>',
        # Filled in by the script from the ratings: a table, then a chart of the same numbers.
        '<div class="assessment__summary-body" id="sa-summary-body"></div>',
        '<p class="assessment__print-date" id="sa-print-date"></p>',
        '<div class="assessment__actions">',
        f'<button type="button" class="deg-button" data-action="print">{w["print_summary"]}</button>',
        "</div>",
        "</section>",
        '<section class="assessment__tools" id="sa-tools" aria-labelledby="sa-tools-title" hidden>',
        f'<h3 id="sa-tools-title">{w["tools_title"]}</h3>',
        f"<p>{w['tools_intro']}</p>",
        '<div class="assessment__actions">',
        f'<button type="button" class="deg-button" data-action="export-csv">{w["export_csv"]}</button>',
        f'<button type="button" class="deg-button" data-action="export-json">{w["export_json"]}</button>',
        "</div>",
        '<div class="assessment__import">',
        f'<label for="sa-import">{w["import_label"]}</label>',
        '<input type="file" id="sa-import" accept=".json,application/json">',
        "</div>",
        '<div class="assessment__actions">',
        '<button type="button" class="deg-button deg-button--danger" data-action="clear">'
        f"{w['clear']}</button>",
        "</div>",
        # Outcome of export, import and clear, announced politely.
        '<p class="assessment__status" id="sa-status" role="status" aria-live="polite"></p>',
        "</section>",
    ]


# --- one area's rating page -----------------------------------------------------------------

def rate_area(content: Content, area_id: str, link: Link = _no_link) -> str:
    area = content.area(area_id)
    levels = content.scale.levels
    unsure = inline(content.scale.unsure_label)
    at = content.areas.index(area)
    hub = attr(link(HUB_PAGE))
    ui = content.ui
    main_page = f'<a href="{hub}">{ui_html(ui, "pages.assessment.main_page_link")}</a>'
    note_label = ui_html(ui, "pages.assessment.note_label")
    # Each radio and note box sits inside its own <label> (no ids), and the radio groups
    # are named by indicator id (the script keys answers by data-indicator).
    # No autocomplete on the radios, where HTML does not allow it; on the note boxes it
    # keeps a browser from offering its memory of other forms.
    out = [f'<div class="assessment assessment--area" data-mode="area" {_common(content)} '
           f'data-area="{area.id}" data-area-title="{attr(_plain(area.title))}" '
           f'{ui_data(content, "assessment")}>',
           _noscript(content),
           f'<p class="assessment__lead">{rating_lead(content, link(SCALE_PAGE))} '
           f'{ui_html(ui, "pages.assessment.area_lead", main_page=main_page)}</p>',
           '<div class="assessment__bar" hidden>',
           '<p class="assessment__who-line" id="sa-who"></p>',
           f'<p class="assessment__progress" id="sa-progress" aria-live="polite">'
           f"{ui_html(ui, 'pages.assessment.area_progress', total=str(len(area.indicators)))}</p>",
           '<p class="assessment__saved" id="sa-saved"></p>',
           "</div>"]
    for ind in area.indicators:
        name = f"sa-{ind.id}"
        choices = [f'<label class="assessment__choice"><input type="radio" name="{name}" '
                   f'value="{level.id}"> <strong>{inline(level.label)}:</strong> '
                   f"{inline(ind.levels[level.id])}</label>" for level in levels]
        choices.append(f'<label class="assessment__choice"><input type="radio" name="{name}" '
                       f'value="{UNSURE}"> <strong>{unsure}</strong></label>')
        out += [
            f'<fieldset class="assessment__indicator" data-indicator="{ind.id}">',
            f"<legend>{inline(ind.text)}</legend>",
            '<div class="assessment__choices">', *choices, "</div>",
            # The visible words start the name; the indicator makes each box's name its own.
            f'<label class="assessment__note">{note_label} <textarea rows="2" autocomplete="off" '
            f'aria-label="{attr(ui("pages.assessment.note_name", indicator=_plain(ind.text)))}">'
            "</textarea></label>",
            "</fieldset>",
        ]
    pager = []
    if at > 0:
        before = content.areas[at - 1]
        pager.append(f'<li><a href="{attr(link(rating_page(before.id)))}" rel="prev">'
                     f"{ui_html(ui, 'pages.assessment.previous_area', area=inline(before.title))}</a></li>")
    pager.append(f'<li><a href="{hub}">{ui_html(ui, "pages.assessment.all_areas")}</a></li>')
    if at + 1 < len(content.areas):
        after = content.areas[at + 1]
        pager.append(f'<li><a href="{attr(link(rating_page(after.id)))}" rel="next">'
                     f"{ui_html(ui, 'pages.assessment.next_area', area=inline(after.title))}</a></li>")
    pager_label = ui_html(ui, "pages.assessment.pager_label")
    out += [f'<nav class="assessment__pager" aria-label="{pager_label}">', "<ul>", *pager, "</ul>",
            "</nav>", "</div>"]
    return _lines(*out)
