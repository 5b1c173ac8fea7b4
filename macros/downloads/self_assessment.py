"""The Self-Assessment Tool: an Excel workbook built from the content with XlsxWriter.

Sheets, in order:

* "How to use this tool": the purpose, the steps of a rating session, the scale.
* one rating sheet per section that has areas: an Excel table with one row per indicator
  (area, indicator, a descriptor per level, a rating dropdown, evidence, notes, id).
* "Summary": an Excel table of COUNTIFS formulas per area and a bar chart of averages.

``layout()`` decides where every area's rows go; ``build()`` and ``locate()`` both use it,
so the words on the pages always match the file. All YAML text is written with
``write_string`` so text starting with '=', '+', '-' or '@' stays text.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from ..loader import Content
from ..models import Area, Indicator, Section

GUIDE = "Digital Equity Guide"
AUTHOR = "Digital Equity Guide contributors"
TITLE = "Digital Equity Self-Assessment Tool"
CREATED = datetime(2024, 1, 1)  # fixed, so the same content gives the same bytes
HOW_TO_SHEET = "How to use this tool"
SUMMARY_SHEET = "Summary"
NO_AVERAGE = "-"  # shown instead of an average while an area has no ratings

# The Markdown forms YAML text may use (see macros/render.py); the downloads show them
# as plain text, with a link's address in brackets after its text.
_LINK = re.compile(r"\[([^\]\n]+)\]\((https://[^\s()]+)\)")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")


def markdown_segments(text: str) -> list[tuple[str, str]]:
    """Split YAML text into (text, kind) pieces; kind is '', 'strong', 'em' or 'link'.

    A link becomes one 'link' piece reading "text (https://...)".
    """
    text = " ".join(text.split())
    pieces: list[tuple[str, str]] = []
    parts = _LINK.split(text)  # with two groups: text, label, url, text, label, url, ...
    for i in range(0, len(parts), 3):
        pieces += _emphasis(parts[i])
        if i + 2 < len(parts):
            pieces.append((f"{parts[i + 1]} ({parts[i + 2]})", "link"))
    return [(t, k) for t, k in pieces if t]


def _emphasis(text: str) -> list[tuple[str, str]]:
    pieces: list[tuple[str, str]] = []
    for i, part in enumerate(_STRONG.split(text)):
        if i % 2:
            pieces.append((part, "strong"))
            continue
        for j, bit in enumerate(_EM.split(part)):
            pieces.append((bit, "em" if j % 2 else ""))
    return pieces


def plain(text: str) -> str:
    """YAML text as the downloads show it: Markdown marks removed, spaces collapsed."""
    return "".join(t for t, _ in markdown_segments(text))


# --- layout: shared by build() and locate() ----------------------------------------------

@dataclass(frozen=True)
class RatingSheet:
    section: Section
    name: str  # the worksheet's name
    table: str  # the Excel table's name
    rows: tuple[tuple[Area, Indicator], ...]  # data rows, in order, from row 2

    @property
    def last_row(self) -> int:  # 0-based index of the last data row
        return len(self.rows)

    def area_rows(self, area_id: str) -> tuple[int, int]:
        """1-based first and last row (as Excel shows them) of an area's indicators."""
        found = [i + 2 for i, (area, _) in enumerate(self.rows) if area.id == area_id]
        return found[0], found[-1]


_STOP_WORDS = {"a", "an", "and", "the", "of", "in", "into", "to", "for", "on", "with", "at",
               "by", "from", "our", "your", "its", "their", "as", "or"}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _short_name(title: str, shared: set[str]) -> str:
    """'Essential Conditions to Support Digital Equity' -> 'Essential Conditions'.

    Drops the words other section titles share (such as 'Digital Equity'), then keeps the
    longest run of words between small words such as 'to' or 'with' (the first if tied).
    """
    words = [w for w in plain(title).split() if w.lower() not in shared] or plain(title).split()
    runs: list[list[str]] = [[]]
    for word in words:
        if word.lower() in _STOP_WORDS:
            runs.append([])
        else:
            runs[-1].append(word)
    return " ".join(max(runs, key=len))


def _sheet_name(candidate: str, taken: set[str]) -> str:
    name = _BAD_SHEET_CHARS.sub(" ", candidate)
    name = " ".join(name.split()).strip("'")[:31].strip()
    base, n = name or "Ratings", 2
    while name.lower() in taken or name.lower() == "history":
        suffix = f" {n}"
        name, n = base[:31 - len(suffix)].rstrip() + suffix, n + 1
    taken.add(name.lower())
    return name


def layout(content: Content) -> list[RatingSheet]:
    """One rating sheet per section that has areas, with its rows in guide order."""
    sections = [s for s in content.sections.sections if content.areas_in(s.id)]
    word_sets = [{w.lower() for w in plain(s.title).split()} for s in sections]
    shared = {w for w in set().union(*word_sets)
              if w not in _STOP_WORDS and sum(w in ws for ws in word_sets) > 1}
    taken = {HOW_TO_SHEET.lower(), SUMMARY_SHEET.lower()}
    sheets = []
    for section in sections:
        short = _short_name(section.title, shared) or section.id.replace("-", " ").title()
        rows = tuple((area, ind) for area in content.areas_in(section.id) for ind in area.indicators)
        sheets.append(RatingSheet(section=section, name=_sheet_name(short, taken),
                                  table="Ratings_" + section.id.replace("-", "_"), rows=rows))
    return sheets


def locate(content: Content, area_id: str) -> str:
    area = content.area(area_id)
    sheet = next(s for s in layout(content) if s.section.id == area.section)
    first, last = sheet.area_rows(area.id)
    rows = f"row {first}" if first == last else f"rows {first} to {last}"
    return f"on the sheet '{sheet.name}', {rows}"


# --- building -----------------------------------------------------------------------------

def _unique(labels: list[str]) -> list[str]:
    """Excel table headers must differ (ignoring case): number any repeats."""
    seen: set[str] = set()
    out = []
    for label in labels:
        name, n = label, 2
        while name.lower() in seen:
            name, n = f"{label} ({n})", n + 1
        seen.add(name.lower())
        out.append(name)
    return out


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _criterion(text: str) -> str:
    """A COUNTIFS criterion, as a formula string literal, matching exactly ``text``."""
    escaped = text.replace("~", "~~").replace("*", "~*").replace("?", "~?")
    return '"=' + escaped.replace('"', '""') + '"'


LINE_HEIGHT = 15  # points per line of 11-point text
ROW_WIDTHS = {"area": 16, "indicator": 30, "level": 26, "rating": 14, "evidence": 26,
              "notes": 22, "id": 20}


def _line_count(text: str, width: float, bold: bool = False) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide.

    Rows get explicit heights because LibreOffice and Google Sheets do not grow rows to
    fit wrapped text when they open a file. The estimate is generous (an average letter
    taken as wide as a digit) so text is never cut off, whatever font replaces Calibri.
    """
    capacity = max(4, int(width * (1.0 if bold else 1.1)))
    lines, used = 1, 0
    for word in text.split():
        need = len(word) if used == 0 else used + 1 + len(word)
        if need <= capacity:
            used = need
        else:
            lines += 1 + (len(word) - 1) // capacity
            used = len(word) % capacity or capacity
    return lines


def _row_height(cells: list[tuple[str, float, bool]], min_lines: int = 1) -> float:
    lines = max([min_lines] + [_line_count(t, w, b) for t, w, b in cells])
    return min(409, lines * LINE_HEIGHT + 4)


class _Formats:
    def __init__(self, book):
        plain_text = {"font_name": "Calibri", "font_size": 11, "valign": "top",
                      "text_wrap": True}
        # Light grid lines so the cells read as a table on paper and in every app.
        base = {**plain_text, "border": 1, "border_color": "#BFBFBF"}
        self.title = book.add_format({"font_name": "Calibri", "bold": True, "font_size": 16})
        self.header = book.add_format({**plain_text, "bold": True, "bottom": 2})
        self.how_label = book.add_format({**plain_text, "bold": True})
        self.how_text = book.add_format(plain_text)
        self.label = book.add_format({**base, "bold": True})
        self.text = book.add_format(base)
        self.table_header = book.add_format({**base, "bold": True, "bottom": 2,
                                             "bottom_color": "#404040"})
        self.input = book.add_format({**base, "locked": False, "bg_color": "#FFF8D6",
                                      "border": 1, "border_color": "#7F7F7F"})
        self.number = book.add_format({**base, "num_format": "0", "align": "center"})
        self.number_header = book.add_format({**base, "bold": True, "align": "center",
                                              "bottom": 2, "bottom_color": "#404040"})
        self.average = book.add_format({**base, "num_format": "0.0", "bold": True,
                                        "align": "center"})


def _protect(sheet) -> None:
    # No password: the protection keeps the formulas and layout safe from slips, and a
    # team that needs to change more can lift it (Review > Unprotect Sheet).
    sheet.protect("", {"format_cells": False, "format_columns": True, "format_rows": True,
                       "sort": True, "autofilter": True, "select_locked_cells": True,
                       "select_unlocked_cells": True})


def _print_setup(sheet, landscape: bool) -> None:
    sheet.set_paper(1)  # US Letter
    if landscape:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.set_footer("&L&A&RPage &P of &N")


def build(content: Content) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False, "strings_to_urls": False})
    book.set_properties({
        "title": TITLE,
        "subject": "Rate every indicator of the " + GUIDE + " and see a summary per area",
        "author": AUTHOR,
        "company": GUIDE,
        "category": "Self-assessment",
        "keywords": "digital equity, self-assessment, K-12, school leadership, rating",
        "comments": "Works offline; nothing you type in it is sent anywhere. "
                    "Content CC BY 4.0, " + AUTHOR + ".",
        "created": CREATED,
    })
    fmt = _Formats(book)
    sheets = layout(content)
    levels = content.scale.levels
    choices = [plain(level.label) for level in levels] + [plain(content.scale.unsure_label)]

    how_to = book.add_worksheet(HOW_TO_SHEET)
    scale_rows = _write_how_to(how_to, content, sheets, choices, fmt)
    rating_column = 2 + len(levels)  # 0-based column of "Our rating" on rating sheets
    if all("," not in c and '"' not in c for c in choices) and len(",".join(choices)) < 250:
        source: list[str] | str = choices
    else:  # a label with a comma cannot go in a literal list: point at the scale rows
        source = (f"={_quote_sheet(HOW_TO_SHEET)}!$A${scale_rows[0] + 1}:"
                  f"$A${scale_rows[1] + 1}")
    for plan in sheets:
        _write_rating_sheet(book.add_worksheet(plan.name), plan, content, choices, source, fmt)
    _write_summary(book, book.add_worksheet(SUMMARY_SHEET), content, sheets, choices,
                   rating_column, fmt)
    how_to.activate()
    book.close()
    return buffer.getvalue()


def _write_how_to(sheet, content: Content, sheets: list[RatingSheet], choices, fmt):
    """Two columns of plain text rows. Returns the first and last (0-based) scale rows."""
    levels = content.scale.levels
    n = len(levels)
    lowest, highest = plain(levels[0].label), plain(levels[-1].label)
    unsure = plain(content.scale.unsure_label)
    sheet_names = ", ".join(f"'{s.name}'" for s in sheets)
    rows: list[tuple[str, str]] = [
        ("Topic", "What to know"),
        ("What this tool is for",
         f"A team uses this workbook to rate where its school or system stands on every "
         f"indicator of the {GUIDE}, to record the evidence behind each rating, and to see "
         "which areas are strongest and which need attention first."),
        ("Who takes part",
         "A small team that includes a school leader, teachers, technology staff, students "
         "and families. Rate together: the discussion matters more than the number."),
        ("Step 1", f"Save a copy of this file and give it a name with today's date. Open one "
                   f"rating sheet ({sheet_names}). Each row is one indicator."),
        ("Step 2", f"Read the indicator, then its descriptors from left to right, from "
                   f"'{lowest}' to '{highest}'."),
        ("Step 3", f"In the column 'Our rating', choose the level whose descriptor best "
                   f"matches what you see today. Choose '{unsure}' when the team has no "
                   "evidence yet, and leave it empty until you have discussed it."),
        ("Step 4", "In 'Evidence', write what you looked at (documents, data, what students "
                   "and families said). Use 'Notes' for disagreements and questions."),
        ("Step 5", f"Open the sheet '{SUMMARY_SHEET}': it counts the ratings for each area "
                   "and works out an average as you type. The chart shows the same averages."),
        ("Step 6", "Pick one or two areas to work on, and plan next steps with the "
                   "Reflection and Planning Companion Workbook. Rate again in six to twelve "
                   "months in a new copy and compare."),
        ("The rating scale",
         f"Every indicator uses the same {n} levels, lowest first. In the summary, "
         f"'{lowest}' counts as 1 and '{highest}' as {n}; '{unsure}' and empty ratings "
         "are left out of the average."),
    ]
    first_scale = len(rows) + 1  # +1 for the title row
    for i, level in enumerate(levels, start=1):
        rows.append((plain(level.label), f"Level {i} of {n}. {plain(level.description)}"))
    rows.append((unsure, "Use this when the team has no evidence yet; gathering it "
                         "becomes a next step. It is not counted in the average."))
    last_scale = len(rows)
    for plan in sheets:
        areas = [a for a in content.areas_in(plan.section.id)]
        rows.append((f"Sheet '{plan.name}'",
                     f"{plain(plan.section.title)}: {len(plan.rows)} indicators in "
                     f"{len(areas)} areas ({', '.join(plain(a.title) for a in areas)})."))
    rows += [
        (f"Sheet '{SUMMARY_SHEET}'",
         f"For each area: how many indicators are rated at each level, how many are "
         f"'{unsure}', how many are not rated yet, and the average from 1 to {n}. "
         f"It shows '{NO_AVERAGE}' until an area has a rating."),
        ("Which cells you can change",
         "Only 'Our rating', 'Evidence' and 'Notes' on the rating sheets; they have a pale "
         "yellow fill and a border. The sheets are protected without a password so the "
         "formulas stay intact; to change more, choose Review > Unprotect Sheet (Excel) or "
         "Tools > Protect Sheet (LibreOffice Calc). No password is needed."),
        ("Your privacy",
         "This file works offline. Nothing you type in it is sent anywhere; it stays "
         "where you save it."),
        ("Source", f"{GUIDE}, by {AUTHOR}. The content is shared under the Creative "
                   "Commons Attribution 4.0 license (CC BY 4.0)."),
    ]
    sheet.write_string(0, 0, TITLE, fmt.title)
    sheet.set_row(0, 24)
    for r, (label, text) in enumerate(rows, start=1):
        style = fmt.header if r == 1 else None
        sheet.write_string(r, 0, label, style or fmt.how_label)
        sheet.write_string(r, 1, text, style or fmt.how_text)
        sheet.set_row(r, _row_height([(label, 28, True), (text, 100, False)]))
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 100)
    sheet.freeze_panes(2, 0)
    sheet.repeat_rows(1)
    _print_setup(sheet, landscape=False)
    _protect(sheet)
    return first_scale, last_scale


def _write_rating_sheet(sheet, plan: RatingSheet, content: Content, choices, source, fmt):
    levels = content.scale.levels
    headers = _unique(["Area", "Indicator"] + [plain(lv.label) for lv in levels]
                      + ["Our rating", "Evidence", "Notes", "Indicator id"])
    rating = 2 + len(levels)
    last_col = len(headers) - 1
    sheet.add_table(0, 0, plan.last_row, last_col, {
        "name": plan.table,
        "style": "Table Style Medium 2",
        "banded_rows": True,
        "columns": [{"header": h, "header_format": fmt.table_header} for h in headers],
        "title": f"Ratings for {plain(plan.section.title)}",
        "description": "One row per indicator: its area, the indicator, a descriptor for "
                       "each level, and the team's rating, evidence and notes.",
    })
    w = ROW_WIDTHS
    widths = ([w["area"], w["indicator"]] + [w["level"]] * len(levels)
              + [w["rating"], w["evidence"], w["notes"], w["id"]])
    sheet.set_row(0, _row_height([(h, widths[c], True) for c, h in enumerate(headers)]))
    for r, (area, indicator) in enumerate(plan.rows, start=1):
        texts = ([plain(area.title), plain(indicator.text)]
                 + [plain(indicator.levels[level.id]) for level in levels])
        # at least three lines, so there is room to write evidence
        sheet.set_row(r, _row_height([(t, widths[c], c == 0) for c, t in enumerate(texts)], 3))
        sheet.write_string(r, 0, plain(area.title), fmt.label)
        sheet.write_string(r, 1, plain(indicator.text), fmt.text)
        for c, level in enumerate(levels, start=2):
            sheet.write_string(r, c, plain(indicator.levels[level.id]), fmt.text)
        for c in (rating, rating + 1, rating + 2):
            sheet.write_blank(r, c, None, fmt.input)
        sheet.write_string(r, last_col, indicator.id, fmt.text)
    sheet.data_validation(1, rating, plan.last_row, rating, {
        "validate": "list",
        "source": source,
        "input_title": "Choose a rating",
        "input_message": ("Pick the level whose descriptor best matches what you see, or '"
                          + choices[-1] + "'.")[:255],
        "error_title": "Not on the scale",
        "error_message": ("Choose one of: " + ", ".join(choices) + ".")[:255],
        "error_type": "stop",
    })
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width)
    sheet.freeze_panes(1, 2)
    sheet.repeat_rows(0)
    # The indicator id is for matching rows to saved answers, not for reading on paper.
    sheet.print_area(0, 0, plan.last_row, last_col - 1)
    _print_setup(sheet, landscape=True)
    _protect(sheet)


def _write_summary(book, sheet, content: Content, sheets, choices, rating_column, fmt):
    levels = content.scale.levels
    n = len(levels)
    headers = _unique(["Area", "Part of the guide", "Indicators"] + choices
                      + ["Not rated yet", f"Average (1 to {n})"])
    first_count = 3  # first level column
    unsure_col = first_count + n
    unrated_col = unsure_col + 1
    average_col = unrated_col + 1
    by_section = {s.section.id: s for s in sheets}
    rows = [(area, by_section[area.section]) for area in content.areas]
    sheet.add_table(0, 0, len(rows), average_col, {
        "name": "Summary_by_area",
        "style": "Table Style Medium 2",
        "banded_rows": True,
        "columns": [{"header": h, "header_format": fmt.table_header if c < 2
                     else fmt.number_header} for c, h in enumerate(headers)],
        "title": "Summary of ratings per area",
        "description": "Counts of ratings at each level, not sure, not rated, and the "
                       "average rating for each area. Calculated by formulas.",
    })
    for r, (area, plan) in enumerate(rows, start=1):
        ref = _quote_sheet(plan.name)
        last = plan.last_row + 1
        area_range = f"{ref}!$A$2:$A${last}"
        col = xl_col_to_name(rating_column)
        rating_range = f"{ref}!${col}$2:${col}${last}"
        crit = _criterion(plain(area.title))
        sheet.write_string(r, 0, plain(area.title), fmt.label)
        sheet.write_string(r, 1, plan.name, fmt.text)
        sheet.write_formula(r, 2, f"=COUNTIFS({area_range},{crit})", fmt.number,
                            len(area.indicators))
        for c, choice in enumerate(choices, start=first_count):
            sheet.write_formula(
                r, c, f"=COUNTIFS({area_range},{crit},{rating_range},{_criterion(choice)})",
                fmt.number, 0)
        counts = f"{xl_rowcol_to_cell(r, first_count)}:{xl_rowcol_to_cell(r, unsure_col)}"
        sheet.write_formula(r, unrated_col, f"={xl_rowcol_to_cell(r, 2)}-SUM({counts})",
                            fmt.number, len(area.indicators))
        level_cells = [xl_rowcol_to_cell(r, first_count + i) for i in range(n)]
        rated = f"SUM({level_cells[0]}:{level_cells[-1]})"
        weighted = "+".join(f"{cell}*{i}" for i, cell in enumerate(level_cells, start=1))
        sheet.write_formula(r, average_col,
                            f'=IF({rated}=0,"{NO_AVERAGE}",({weighted})/{rated})',
                            fmt.average, NO_AVERAGE)
    longest = max(len(plain(a.title)) for a in content.areas)
    widths = ([max(26, min(40, longest + 2)), 20]
              + [max(12, min(16, len(h) + 3)) for h in headers[2:]])
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width)
    sheet.set_row(0, _row_height([(h, widths[c], True) for c, h in enumerate(headers)]))
    for r, (area, plan) in enumerate(rows, start=1):
        sheet.set_row(r, _row_height([(plain(area.title), widths[0], True),
                                      (plan.name, widths[1], False)]))
    sheet.freeze_panes(1, 1)

    chart = book.add_chart({"type": "bar"})
    last = len(rows)
    summary = _quote_sheet(SUMMARY_SHEET)
    chart.add_series({
        "name": "Average rating",
        "categories": f"={summary}!$A$2:$A${last + 1}",
        "values": f"={summary}!${xl_col_to_name(average_col)}$2:"
                  f"${xl_col_to_name(average_col)}${last + 1}",
        "fill": {"color": "#2F5597"},
        "gap": 60,
        # '0.0;;;' shows averages and hides the zero or '-' of an area not yet rated
        "data_labels": {"value": True, "num_format": "0.0;;;"},
    })
    chart.set_title({"name": "Average rating per area", "name_font": {"size": 13}})
    chart.set_x_axis({"name": f"Average rating (1 = {choices[0]}, {n} = {choices[n - 1]})",
                      "min": 0, "max": n, "major_unit": 1,
                      "major_gridlines": {"visible": True, "line": {"color": "#BFBFBF"}}})
    # Areas top to bottom in table order; the value axis stays at the bottom.
    chart.set_y_axis({"name": "Area", "reverse": True, "crossing": "max"})
    chart.set_legend({"none": True})
    height = max(320, 90 + 34 * last)
    sheet.insert_chart(last + 2, 0, chart, {
        "x_scale": 1.55, "y_scale": height / 288,
        "description": (f"Bar chart of the average rating of each area, from 1 "
                        f"({choices[0]}) to {n} ({choices[n - 1]}), taken from the "
                        "Summary table above. It updates as the team rates indicators; an "
                        "area with no ratings yet has no bar."),
    })
    _print_setup(sheet, landscape=True)
    _protect(sheet)
