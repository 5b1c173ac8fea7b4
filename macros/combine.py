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
    return _lines(
        f'<div class="combine" id="combine" data-format="{FORMAT}" data-version="{VERSION}" '
        f'data-unsure="{UNSURE}" data-unsure-label="{attr(_plain(content.scale.unsure_label))}" '
        f'data-levels="{_json(levels)}" data-groups="{_json(groups)}" '
        f'data-lead="{content.assessment.lead_group}" data-areas="{_json(areas)}" '
        f'data-sheet="{_json(sheet)}">',
        '<p class="assessment__noscript" data-without-script>This page reads your files with a '
        "script, and the script is not running in this browser, so nothing can be combined "
        "here. Each file still opens on its own in a spreadsheet program.</p>",
        '<div class="combine__drop" id="combine-drop" hidden>',
        '<label for="combine-input">Choose files, or drop them here</label>',
        '<input type="file" id="combine-input" multiple '
        'accept=".json,.csv,.xlsx,application/json,text/csv">',
        "</div>",
        '<p class="combine__status" id="combine-status" role="status" aria-live="polite"></p>',
        '<ul class="combine__files" id="combine-files" aria-label="Files read" hidden></ul>',
        '<section class="combine__results" id="combine-results" aria-labelledby="combine-results-title" hidden>',
        '<h2 id="combine-results-title">Your combined results</h2>',
        '<div id="combine-views"></div>',
        '<div class="assessment__actions combine__actions">',
        '<button type="button" class="deg-button" data-action="print">Print results</button>',
        '<button type="button" class="deg-button" data-action="export-csv">Export results as CSV</button>',
        "</div>",
        "</section>",
        f'<script src="{attr(script_href)}" defer></script>',
        "</div>")
