"""The online self-assessment form (docs/getting-started/online-self-assessment.md).

The form is rendered here, on the server, so it is a complete, readable form even
without JavaScript: one ``<section>`` with an ``<h3>`` per area (the page's Markdown
supplies the ``##`` heading above it), one ``<fieldset>`` per indicator with a labeled
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
        # Shown until the script removes it: not a <noscript>, so it also shows when
        # JavaScript is on but the script cannot run (a blocked module, an old browser).
        '<p class="assessment__noscript" data-without-script>Your choices on this page are not '
        "being saved, because its script is not running in this browser. You can still read the "
        "form, or use the Self-Assessment Tool spreadsheet instead.</p>",
        # The progress line is a live region, so each new rating is announced politely.
        '<div class="assessment__bar" hidden>',
        f'<p class="assessment__progress" id="sa-progress" aria-live="polite">0 of {total} rated</p>',
        '<p class="assessment__saved" id="sa-saved"></p>',
        '<p><a href="#sa-summary">Go to your summary</a></p>',
        "</div>",
        # The page's table of contents lists only Markdown headings; this lets a team jump
        # straight to the area it is working on.
        '<nav class="assessment__areas" aria-label="Areas to rate">',
        '<p class="assessment__areas-title">Jump to an area:</p>',
        "<ul>", *[f'<li><a href="#sa-area-{a.id}">{inline(a.title)}</a></li>' for a in content.areas],
        "</ul>", "</nav>",
    ]
    first = 1
    for area in content.areas:
        parts += _area(area, levels, content.scale.unsure_label, first)
        first += len(area.indicators)
    parts += _results(levels, content.scale.unsure_label)
    parts.append("</div>")
    return _lines(*parts)


def _area(area, levels, unsure_label: str, first: int) -> list[str]:
    # This page is the heaviest a reader opens (every indicator with four descriptors), so
    # its markup is kept lean: each radio and note box sits inside its own <label> (no ids), the
    # area's id and title are written once on the <section>, and the radio groups are named
    # by their place on the page (the script keys answers by data-indicator, never by name).
    # autocomplete="off" on the note boxes: a browser must not offer its own memory of other
    # forms. Not on the radios, where HTML does not allow it (the Nu HTML Checker): a browser
    # that restores them on reload restores what the script had just saved, and the script
    # keeps what is checked when it starts (see self-assessment.js).
    # A plain <section> (no accessible name, so not a landmark): eight "region" landmarks
    # would only crowd a screen reader's landmark list; the <h3> gives the structure.
    out = [f'<section class="assessment__area" id="sa-area-{area.id}" data-area="{area.id}" '
           f'data-area-title="{attr(area.title)}">',
           f'<h3 id="sa-area-{area.id}-title">{inline(area.title)}</h3>']
    for number, ind in enumerate(area.indicators, start=first):
        name = f"sa{number}"
        choices = [
            f'<label class="assessment__choice"><input type="radio" name="{name}" value="{level.id}">'
            f' <strong>{inline(level.label)}:</strong> {inline(ind.levels[level.id])}</label>'
            for level in levels]
        choices.append(
            f'<label class="assessment__choice"><input type="radio" name="{name}" value="{UNSURE}">'
            f' <strong>{inline(unsure_label)}</strong></label>')
        out += [
            f'<fieldset class="assessment__indicator" data-indicator="{ind.id}">',
            f"<legend>{inline(ind.text)}</legend>",
            '<div class="assessment__choices">', *choices, "</div>",
            '<label class="assessment__note">Evidence note (optional) '
            '<textarea rows="2" autocomplete="off"></textarea></label>',
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
