"""The Self-Assessment Tool: an Excel workbook built from the content with XlsxWriter.

Sheets, in order:

* "How to use this tool": whose self-assessment it is (school or team, group, date of the
  cycle: three cells to fill in), the purpose, the steps of a rating session, the scale, and
  the file's format version, which the Combine and compare results page reads.
* one rating sheet per section that has areas: an Excel table with one row per indicator
  (area, indicator, a descriptor per level, a rating dropdown, evidence, notes, id).
* "Summary": an Excel table of COUNTIFS formulas per area, whose ratings they are, and a
  bar chart of averages (``xlsx_summary``).

Where things go is ``xlsx_layout``; formats and row heights ``xlsx_style``; Markdown to
plain text ``xlsx_text``. All YAML text is written with ``write_string`` so text starting
with '=', '+', '-' or '@' stays text.
"""
from __future__ import annotations

import io
from datetime import datetime

import xlsxwriter

from ..assessment import FORMAT, VERSION
from ..loader import Content
from .xlsx_layout import HOW_TO_SHEET, SUMMARY_SHEET, RatingSheet, layout, locate  # noqa: F401
from .xlsx_style import ROW_WIDTHS, _Formats, _print_setup, _protect, _quote_sheet, _row_height, _unique
from .xlsx_summary import NO_AVERAGE, write_summary
from .xlsx_text import markdown_segments, plain  # noqa: F401  (workbook.py imports them here)

GUIDE = "Digital Equity Guide"
AUTHOR = "Digital Equity Guide contributors"
TITLE = "Digital Equity Self-Assessment Tool"
CREATED = datetime(2024, 1, 1)  # fixed, so the same content gives the same bytes
# Whose self-assessment this is: the labels in column A of the first sheet, read back by
# the Combine and compare results page (combine-results.js) and shown on the Summary.
WHO_SCHOOL = "School or team"
WHO_GROUP = "Group that rated"
WHO_DATE = "Date of this rating cycle"
WHO_ROWS = (2, 3, 4)  # 0-based rows of the three cells to fill in, on the first sheet
FORMAT_LABEL = "File format"
FORMAT_TEXT = f"{FORMAT}, version {VERSION}"
TOPICS_ROW = 6  # 0-based row of the "Topic / What to know" header, after a blank row


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
    write_summary(book, book.add_worksheet(SUMMARY_SHEET), content, sheets, choices,
                  rating_column, fmt, {label: row for label, row in
                                       zip((WHO_SCHOOL, WHO_GROUP, WHO_DATE), WHO_ROWS)})
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
    first_scale = len(rows) + TOPICS_ROW
    for i, level in enumerate(levels, start=1):
        rows.append((plain(level.label), f"Level {i} of {n}. {plain(level.description)}"))
    rows.append((unsure, "Use this when the team has no evidence yet; gathering it "
                         "becomes a next step. It is not counted in the average."))
    last_scale = len(rows) - 1 + TOPICS_ROW
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
         f"'{WHO_SCHOOL}', '{WHO_GROUP}' and '{WHO_DATE}' at the top of this sheet, and "
         "'Our rating', 'Evidence' and 'Notes' on the rating sheets; they have a pale "
         "yellow fill and a border. The sheets are protected without a password so the "
         "formulas stay intact; to change more, choose Review > Unprotect Sheet (Excel) or "
         "Tools > Protect Sheet (LibreOffice Calc). No password is needed."),
        ("Your privacy",
         "This file works offline. Nothing you type in it is sent anywhere; it stays "
         "where you save it."),
        ("Source", f"{GUIDE}, by {AUTHOR}. The content is shared under the Creative "
                   "Commons Attribution 4.0 license (CC BY 4.0)."),
        # Read by the guide's Combine and compare results page, to know which files it can read.
        (FORMAT_LABEL, f"{FORMAT_TEXT}. The guide's Combine and compare results page reads "
                       "this line, so please leave it as it is."),
    ]
    sheet.write_string(0, 0, TITLE, fmt.title)
    sheet.set_row(0, 24)
    _write_who(sheet, content, fmt)
    for r, (label, text) in enumerate(rows, start=TOPICS_ROW):
        style = fmt.header if r == TOPICS_ROW else None
        sheet.write_string(r, 0, label, style or fmt.how_label)
        sheet.write_string(r, 1, text, style or fmt.how_text)
        sheet.set_row(r, _row_height([(label, 28, True), (text, 100, False)]))
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 100)
    sheet.repeat_rows(TOPICS_ROW)
    _print_setup(sheet, landscape=False)
    _protect(sheet)
    return first_scale, last_scale


def _write_who(sheet, content: Content, fmt) -> None:
    """Rows 2 to 5: whose self-assessment this is, three cells for the team to fill in."""
    groups = [g.label for g in content.assessment.groups]
    sheet.write_string(1, 0, "Whose self-assessment this is", fmt.how_label)
    sheet.write_string(1, 1, "Fill in the three yellow cells below before you start. The "
                             "summary shows them, and they tell this file apart from other "
                             "schools' and groups' when results are combined.", fmt.how_text)
    sheet.set_row(1, 34)
    school, group, day = WHO_ROWS
    for row, label in ((school, WHO_SCHOOL), (group, WHO_GROUP), (day, WHO_DATE)):
        sheet.write_string(row, 0, label, fmt.label)
        sheet.set_row(row, 20)
    sheet.write_blank(school, 1, None, fmt.input)
    sheet.write_blank(group, 1, None, fmt.input)
    sheet.write_blank(day, 1, None, fmt.input_date)
    sheet.data_validation(school, 1, school, 1, {
        "validate": "length", "criteria": "<=", "value": 120,
        "input_title": WHO_SCHOOL, "input_message": "The name of the school or team that rated.",
        "error_type": "warning"})
    listed = len(",".join(groups)) < 250  # the loader keeps commas and quotes out of labels
    sheet.data_validation(group, 1, group, 1, {
        "validate": "list" if listed else "any", **({"source": groups} if listed else {}),
        "input_title": WHO_GROUP,
        "input_message": ("Choose who rated: " + ", ".join(groups) + ".")[:255],
        "error_title": "Not one of the groups",
        "error_message": ("Choose one of: " + ", ".join(groups) + ".")[:255],
        "error_type": "warning"})
    sheet.data_validation(day, 1, day, 1, {
        "validate": "date", "criteria": ">=", "value": datetime(2000, 1, 1),
        "input_title": WHO_DATE,
        "input_message": "The day the team began this round of ratings, e.g. 2025-09-15.",
        "error_title": "Not a date", "error_message": "Type a date, e.g. 2025-09-15.",
        "error_type": "warning"})


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
