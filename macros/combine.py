"""The Combine and compare results page (docs/taking-it-forward/combine-results.md).

Rendered here: the file picker, a place for each file's message, and the empty results
section; ``combine-results.js`` reads the files in the browser and builds the tables. The
page carries what the script needs to know about the guide in ``data-`` attributes: the
scale, the groups, and each area's indicator ids (not their text: every file carries the
text of what it rates, so the page stays light however many indicators the guide has).

The script is a classic script, not a module, so it also runs in the offline copy opened
from file://; it is loaded by this page alone, and it loads the spreadsheet reader
(``xlsx-reader.js``) only when a reader chooses an .xlsx file.
"""
from __future__ import annotations

import json

from .assessment import FORMAT, UNSURE, VERSION, _plain
from .downloads.self_assessment import NAMES
from .loader import Content
from .render import _lines, attr
from .scripts_ui import ui_data
from .wording import ui_html

SCRIPT = "assets/javascripts/combine-results.js"


def _json(value) -> str:
    return attr(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def combine_results(content: Content, script_href: str) -> str:
    levels = [{"id": lv.id, "label": _plain(lv.label)} for lv in content.scale.levels]
    groups = [{"id": g.id, "label": g.label} for g in content.assessment.groups]
    areas = [{"id": a.id, "title": _plain(a.title), "indicators": [i.id for i in a.indicators]}
             for a in content.areas]
    # The spreadsheet's defined names, which lead the script to its cells in any language;
    # and the words of this edition's spreadsheet, for files saved before it had names.
    words = "downloads.self_assessment"
    sheet = {"names": NAMES, "title": content.ui(f"{words}.title"),
             "format": content.ui(f"{words}.how_to.format_label")}
    sheet |= {key: content.ui(f"{words}.who.{key}") for key in ("school", "group", "date")}
    w = {key: ui_html(content.ui, f"pages.combine.{key}") for key in
         ("not_running", "choose_files", "files_label", "results_title", "print_results",
          "export_csv")}
    return _lines(
        f'<div class="combine" id="combine" data-format="{FORMAT}" data-version="{VERSION}" '
        f'data-unsure="{UNSURE}" data-unsure-label="{attr(_plain(content.scale.unsure_label))}" '
        f'data-levels="{_json(levels)}" data-groups="{_json(groups)}" '
        f'data-lead="{content.assessment.lead_group}" data-areas="{_json(areas)}" '
        f'data-sheet="{_json(sheet)}" {ui_data(content, "combine")}>',
        f'<p class="assessment__noscript" data-without-script>{w["not_running"]}</p>',
        '<div class="combine__drop" id="combine-drop" hidden>',
        f'<label for="combine-input">{w["choose_files"]}</label>',
        '<input type="file" id="combine-input" multiple '
        'accept=".json,.csv,.xlsx,application/json,text/csv">',
        "</div>",
        '<p class="combine__status" id="combine-status" role="status" aria-live="polite"></p>',
        f'<ul class="combine__files" id="combine-files" aria-label="{w["files_label"]}" hidden></ul>',
        '<section class="combine__results" id="combine-results" aria-labelledby="combine-results-title" hidden>',
        f'<h2 id="combine-results-title">{w["results_title"]}</h2>',
        '<div id="combine-views"></div>',
        '<div class="assessment__actions combine__actions">',
        f'<button type="button" class="deg-button" data-action="print">{w["print_results"]}</button>',
        f'<button type="button" class="deg-button" data-action="export-csv">{w["export_csv"]}</button>',
        "</div>",
        "</section>",
        f'<script src="{attr(script_href)}" defer></script>',
        "</div>")
