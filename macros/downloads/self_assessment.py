"""The Self-Assessment Tool: an Excel workbook built from the content with XlsxWriter.

Sheets, in order:

* the "How to use this tool" sheet: whose self-assessment it is (school or team, group,
  date of the cycle: three cells to fill in), the purpose, the steps of a rating session,
  the scale, and the file's format version, which the Combine and compare results page reads.
* one rating sheet per section that has areas: a block of rows per indicator (the
  indicator, a row per level, the team's rating, evidence and notes), laid out for paper
  (``xlsx_rating``, rows placed by ``xlsx_layout``).
* the checklist sheet: every area's checklist, with a status dropdown, owner and evidence.
* the summary sheet: an Excel table of COUNTIFS formulas per area, whose ratings they
  are, and a bar chart of averages (``xlsx_summary``).

Every word comes from the content: YAML text, and the interface strings of
content_data/interface/downloads.yml (``content.ui``), so each edition's file is in its
own language. The workbook's defined names (``NAMES``) point at the cells the Combine and
compare results page reads, so it finds them whatever the language of the labels. All
YAML text is written with ``write_string`` so text starting with '=', '+', '-' or '@'
stays text.
"""
from __future__ import annotations

import io
from datetime import datetime

import xlsxwriter

from ..assessment import FORMAT, VERSION
from ..loader import Content
from . import zipfix
from .xlsx_layout import layout, locate, sheet_names  # noqa: F401  (locate: the registry)
from .xlsx_rating import _footer, write_checklist_sheet, write_rating_sheet
from .xlsx_style import _Formats, _print_setup, _protect, _quote_sheet, _row_height
from .xlsx_summary import write_summary
from .xlsx_text import markdown_segments, plain  # noqa: F401  (docx_kit imports them here)

CREATED = datetime(2024, 1, 1)  # fixed, so the same content gives the same bytes
WHO_ROWS = (2, 3, 4)  # 0-based rows of the three cells to fill in, on the first sheet
WHO_KEYS = ("school", "group", "date")
FORMAT_TEXT = f"{FORMAT}, version {VERSION}"  # a marker for programs: the same in every language
TOPICS_ROW = 6  # 0-based row of the "Topic / What to know" header, after a blank row
HOW_WIDTHS = [22, 70]
# Defined names: language-neutral addresses of what the Combine and compare results page
# reads (combine-results.js). DEG_Ratings_<n>: a rating sheet's columns B to E (rating,
# indicator id, area id, indicator text) from its first to its last row.
NAMES = {"school": "DEG_School", "group": "DEG_Group", "date": "DEG_Date",
         "format": "DEG_Format", "scale": "DEG_Scale", "ratings": "DEG_Ratings_"}
WORDS = "downloads.self_assessment"


def build(content: Content) -> bytes:
    ui = content.ui
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False, "strings_to_urls": False})
    guide, author = ui("downloads.guide"), ui("downloads.author")
    book.set_properties({
        "title": ui(f"{WORDS}.title"),
        "subject": ui(f"{WORDS}.subject", guide=guide),
        "author": author,
        "company": guide,
        "category": ui(f"{WORDS}.category"),
        "keywords": ui(f"{WORDS}.keywords"),
        "comments": ui("downloads.comments", author=author),
        "created": CREATED,
    })
    fmt = _Formats(book)
    sheets = layout(content)
    names = sheet_names(content)
    choices = [plain(level.label) for level in content.scale.levels] + \
        [plain(content.scale.unsure_label)]

    how_to = book.add_worksheet(names["how_to"])
    scale_rows = _write_how_to(how_to, content, sheets, choices, fmt)
    if all("," not in c and '"' not in c for c in choices) and len(",".join(choices)) < 250:
        source: list[str] | str = choices
    else:  # a label with a comma cannot go in a literal list: point at the scale rows
        source = (f"={_quote_sheet(names['how_to'])}!$A${scale_rows[0] + 1}:"
                  f"$A${scale_rows[1] + 1}")
    first = _quote_sheet(names["how_to"])
    for key, row in zip(WHO_KEYS, WHO_ROWS):
        book.define_name(NAMES[key], f"={first}!$B${row + 1}")
    book.define_name(NAMES["format"], f"={first}!$B${scale_rows[2] + 1}")
    book.define_name(NAMES["scale"], f"={first}!$A${scale_rows[0] + 1}:$A${scale_rows[1] + 1}")
    for n, plan in enumerate(sheets, start=1):
        write_rating_sheet(book.add_worksheet(plan.name), plan, content, choices, source, fmt)
        book.define_name(f"{NAMES['ratings']}{n}",
                         f"={_quote_sheet(plan.name)}!$B$1:$E${plan.last_row + 1}")
    write_checklist_sheet(book.add_worksheet(names["checklists"]), names["checklists"],
                          content, fmt)
    write_summary(book, book.add_worksheet(names["summary"]), content, sheets, choices, fmt,
                  dict(zip(WHO_KEYS, WHO_ROWS)))
    how_to.activate()
    book.close()
    return zipfix.with_language(buffer.getvalue(), ui("downloads.language_tag"))


def _write_how_to(sheet, content: Content, sheets, choices, fmt):
    """Two columns of plain text rows. Returns the first and last (0-based) scale rows and
    the row of the file format."""
    ui = content.ui
    levels = content.scale.levels
    n = len(levels)
    names = sheet_names(content)
    join = ui("downloads.list_joiner").join
    words = {"lowest": plain(levels[0].label), "highest": plain(levels[-1].label),
             "unsure": plain(content.scale.unsure_label), "count": n,
             "guide": ui("downloads.guide"), "author": ui("downloads.author"),
             "sheets": join(f"'{s.name}'" for s in sheets), "summary": names["summary"],
             "checklists": names["checklists"],
             "workbook": ui("downloads.workbook.title")}
    for key in WHO_KEYS:
        words[key] = ui(f"{WORDS}.who.{key}")
    how = f"{WORDS}.how_to"
    rows: list[tuple[str, str]] = [(ui(f"{how}.topic"), ui(f"{how}.what_to_know"))]
    for key in ("purpose", "who_takes_part"):
        rows.append((ui(f"{how}.{key}_label"), ui(f"{how}.{key}", **words)))
    for step in range(1, 7):
        rows.append((ui(f"{how}.step", number=step), ui(f"{how}.step{step}", **words)))
    rows.append((ui(f"{how}.scale_label"), ui(f"{how}.scale", **words)))
    first_scale = len(rows) + TOPICS_ROW
    for i, level in enumerate(levels, start=1):
        rows.append((plain(level.label), ui(f"{how}.level", number=i, count=n,
                                            description=plain(level.description))))
    rows.append((words["unsure"], ui(f"{how}.unsure")))
    last_scale = len(rows) - 1 + TOPICS_ROW
    for plan in sheets:
        areas = content.areas_in(plan.section.id)
        rows.append((ui(f"{how}.sheet_label", sheet=plan.name),
                     ui(f"{how}.rating_sheet", section=plain(plan.section.title),
                        indicators=len(plan.blocks), count=len(areas),
                        areas=join(plain(a.title) for a in areas))))
    for key in ("checklists", "summary"):
        rows.append((ui(f"{how}.sheet_label", sheet=names[key]), ui(f"{how}.{key}_sheet", **words)))
    for key in ("cells", "privacy", "source"):
        rows.append((ui(f"{how}.{key}_label"), ui(f"{how}.{key}", **words)))
    # Read by the guide's Combine and compare results page, to know which files it can read.
    rows.append((ui(f"{how}.format_label"), ui(f"{how}.format", marker=FORMAT_TEXT)))
    sheet.write_string(0, 0, ui(f"{WORDS}.title"), fmt.title)
    sheet.set_row(0, 24)
    _write_who(sheet, content, fmt)
    for r, (label, text) in enumerate(rows, start=TOPICS_ROW):
        style = fmt.header if r == TOPICS_ROW else None
        sheet.write_string(r, 0, label, style or fmt.how_label)
        sheet.write_string(r, 1, text, style or fmt.how_text)
        sheet.set_row(r, _row_height([(label, HOW_WIDTHS[0], True), (text, HOW_WIDTHS[1], False)]))
    for c, width in enumerate(HOW_WIDTHS):
        sheet.set_column(c, c, width)
    sheet.repeat_rows(TOPICS_ROW)
    _print_setup(sheet, False, HOW_WIDTHS, _footer(content))
    _protect(sheet)
    return first_scale, last_scale, len(rows) - 1 + TOPICS_ROW


def _write_who(sheet, content: Content, fmt) -> None:
    """Rows 2 to 5: whose self-assessment this is, three cells for the team to fill in."""
    ui = content.ui
    who = f"{WORDS}.who"
    groups = [g.label for g in content.assessment.groups]
    listed = ui("downloads.list_joiner").join(groups)
    sheet.write_string(1, 0, ui(f"{who}.heading"), fmt.how_label)
    intro = ui(f"{who}.intro")
    sheet.write_string(1, 1, intro, fmt.how_text)
    sheet.set_row(1, _row_height([(intro, HOW_WIDTHS[1], False)]))
    school, group, day = WHO_ROWS
    labels = {key: ui(f"{who}.{key}") for key in WHO_KEYS}
    for row, key in zip(WHO_ROWS, WHO_KEYS):
        sheet.write_string(row, 0, labels[key], fmt.label)
        sheet.set_row(row, 20)
    sheet.write_blank(school, 1, None, fmt.input)
    sheet.write_blank(group, 1, None, fmt.input)
    sheet.write_blank(day, 1, None, fmt.input_date)
    sheet.data_validation(school, 1, school, 1, {
        "validate": "length", "criteria": "<=", "value": 120,
        "input_title": labels["school"][:32], "input_message": ui(f"{who}.school_help")[:255],
        "error_type": "warning"})
    fits = len(",".join(groups)) < 250  # the loader keeps commas and quotes out of labels
    sheet.data_validation(group, 1, group, 1, {
        "validate": "list" if fits else "any", **({"source": groups} if fits else {}),
        "input_title": labels["group"][:32],
        "input_message": ui(f"{who}.group_help", groups=listed)[:255],
        "error_title": ui(f"{who}.group_error_title")[:32],
        "error_message": ui(f"{who}.group_error", groups=listed)[:255],
        "error_type": "warning"})
    sheet.data_validation(day, 1, day, 1, {
        "validate": "date", "criteria": ">=", "value": datetime(2000, 1, 1),
        "input_title": labels["date"][:32],
        "input_message": ui(f"{who}.date_help")[:255],
        "error_title": ui(f"{who}.date_error_title")[:32],
        "error_message": ui(f"{who}.date_error")[:255],
        "error_type": "warning"})
