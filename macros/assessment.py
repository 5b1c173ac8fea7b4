"""The online self-assessment form (docs/getting-started/online-self-assessment.md).

The form is rendered here, on the server, so it is a complete, readable form even
without JavaScript: one ``<section>`` with an ``<h3>`` per area (the page's Markdown
supplies the ``##`` heading above it), one ``<fieldset>`` per indicator with a labelled
radio button per level of the scale plus one for "not sure yet", and an optional
evidence note.

``self-assessment.js`` adds saving, the summary and import/export. It reads everything
it needs from ``data-`` attributes written here, so the browser never needs its own copy
of the YAML. The controls that only work with JavaScript are rendered ``hidden`` and the
script reveals them.

Every piece of YAML text goes through ``render.inline()`` (or ``render.attr()`` for
attribute values), so it is always escaped.
"""
from __future__ import annotations

import json

from .loader import Content
from .render import _lines, attr, inline

# The radio value for "not sure yet". It must never clash with a level id on the scale.
UNSURE = "unsure"
# Marks files exported by the page, so Import can tell ours from any other JSON.
FORMAT = "digital-equity-guide/self-assessment"
VERSION = 1


def assessment_form(content: Content) -> str:
    levels = content.scale.levels
    if UNSURE in content.scale.level_ids:
        raise ValueError(f"the scale may not have a level with the id '{UNSURE}': the online "
                         "self-assessment uses it for 'not sure yet'")
    # The scale travels to the script as JSON in an attribute: json.dumps, then HTML-escaped.
    scale = json.dumps([{"id": lv.id, "label": lv.label, "score": i + 1}
                        for i, lv in enumerate(levels)], ensure_ascii=False)
    total = sum(len(a.indicators) for a in content.areas)

    parts = [
        f'<div class="assessment" id="self-assessment" data-levels="{attr(scale)}" '
        f'data-unsure="{UNSURE}" data-unsure-label="{attr(content.scale.unsure_label)}" '
        f'data-format="{FORMAT}" data-version="{VERSION}">',
        '<noscript><p class="assessment__noscript">Your browser is not running JavaScript, so '
        "this form cannot save your choices. You can still read it, or use the Self-Assessment "
        "Tool spreadsheet instead.</p></noscript>",
        # The progress line is a live region, so each new rating is announced politely.
        '<div class="assessment__bar" hidden>',
        f'<p class="assessment__progress" id="sa-progress" aria-live="polite">0 of {total} rated</p>',
        '<p class="assessment__saved" id="sa-saved"></p>',
        "</div>",
    ]
    for area in content.areas:
        parts += _area(area, levels, content.scale.unsure_label)
    parts += _results(levels, content.scale.unsure_label)
    parts.append("</div>")
    return _lines(*parts)


def _area(area, levels, unsure_label: str) -> list[str]:
    heading = f"sa-area-{area.id}"
    out = [f'<section class="assessment__area" id="sa-{area.id}" data-area="{area.id}" '
           f'aria-labelledby="{heading}">',
           f'<h3 id="{heading}">{inline(area.title)}</h3>']
    for ind in area.indicators:
        name = f"rating-{ind.id}"
        choices = []
        for level in levels:
            box = f"rate-{ind.id}-{level.id}"
            choices.append(
                f'<div class="assessment__choice"><input type="radio" name="{name}" id="{box}" '
                f'value="{level.id}"> <label for="{box}"><strong>{inline(level.label)}:</strong> '
                f"{inline(ind.levels[level.id])}</label></div>")
        box = f"rate-{ind.id}-{UNSURE}"
        choices.append(
            f'<div class="assessment__choice assessment__choice--unsure"><input type="radio" '
            f'name="{name}" id="{box}" value="{UNSURE}"> <label for="{box}">'
            f"<strong>{inline(unsure_label)}</strong></label></div>")
        note = f"note-{ind.id}"
        out += [
            f'<fieldset class="assessment__indicator" id="sa-{ind.id}" data-indicator="{ind.id}" '
            f'data-area="{area.id}" data-area-title="{attr(area.title)}">',
            f"<legend>{inline(ind.text)}</legend>",
            '<div class="assessment__choices">', *choices, "</div>",
            f'<div class="assessment__note"><label for="{note}">Evidence note (optional)</label>',
            f'<textarea id="{note}" name="{note}" rows="2"></textarea></div>',
            "</fieldset>",
        ]
    out.append("</section>")
    return out


def _results(levels, unsure_label: str) -> list[str]:
    """The summary and the tools. Hidden until the script runs: without it they do nothing."""
    low, high = levels[0], levels[-1]
    return [
        '<section class="assessment__summary" id="sa-summary" aria-labelledby="sa-summary-title" hidden>',
        '<h3 id="sa-summary-title">Your summary</h3>',
        f'<p class="assessment__summary-note">The average counts {inline(low.label)} as 1 up to '
        f"{inline(high.label)} as {len(levels)}. Answers marked {inline(unsure_label)}, and "
        "indicators not rated, are left out.</p>",
        # Filled in by the script from the ratings: a table, then a chart of the same numbers.
        '<div class="assessment__summary-body" id="sa-summary-body"></div>',
        '<p class="assessment__print-date" id="sa-print-date"></p>',
        '<div class="assessment__actions">',
        '<button type="button" class="deg-button" data-action="print">Print summary</button>',
        "</div>",
        "</section>",
        '<section class="assessment__tools" id="sa-tools" aria-labelledby="sa-tools-title" hidden>',
        '<h3 id="sa-tools-title">Save, share or start again</h3>',
        "<p>Your ratings are saved in this browser as you go. To keep a copy, move to another "
        "computer or share with your team, export a file.</p>",
        '<div class="assessment__actions">',
        '<button type="button" class="deg-button" data-action="export-csv">Export CSV</button>',
        '<button type="button" class="deg-button" data-action="export-json">Export JSON</button>',
        "</div>",
        '<div class="assessment__import">',
        '<label for="sa-import">Import a JSON file exported from this page</label>',
        '<input type="file" id="sa-import" accept=".json,application/json">',
        "</div>",
        '<div class="assessment__actions">',
        '<button type="button" class="deg-button deg-button--danger" data-action="clear">'
        "Clear all ratings</button>",
        "</div>",
        # Outcome of export, import and clear, announced politely.
        '<p class="assessment__status" id="sa-status" role="status" aria-live="polite"></p>',
        "</section>",
    ]
