"""The Self-Assessment Tool's rating sheets and its checklist sheet, laid out for paper.

Both print on US Letter at full size (11-point text) in Excel, and at 9 points or more
where a program draws a wider fallback face (see ``xlsx_style._print_setup``), with
their header rows repeated on every page, the allowed answers written in those header rows (so a sheet printed blank
still says what to write), and page breaks that never split an indicator's block or an
area's heading from its first rows. Every word comes from the content: YAML text, the
scale's labels and the interface strings in content_data/interface/downloads.yml.
"""
from __future__ import annotations

from ..loader import Content
from .xlsx_layout import (AREA_COL, EVIDENCE_LINES, HEADER_ROWS, ID_COL, NOTES_LINES, RATING_COL,
                          TEXT_COL, RatingSheet)
from .xlsx_style import LINE_HEIGHT, _print_setup, _protect, _quote_sheet, _row_height, printable_height
from .xlsx_text import plain

RATING_WIDTHS = [20, 72]  # printed columns A and B of a rating sheet, in characters
CHECKLIST_WIDTHS = [52, 14, 18, 36]  # item, status, owner, evidence
GAP = 8  # points: the thin row between blocks
SAFETY = 12  # points of a page left free, for programs that draw rows a little taller


def list_source(choices: list[str], cells: str) -> list[str] | str:
    """A dropdown's choices as a literal list, or as a range (``cells``, a formula such as
    "='Sheet'!$A$1:$A$4") when a label has a comma or a quote, or the list would pass
    Excel's limit of 255 characters."""
    if all("," not in c and '"' not in c for c in choices) and len(",".join(choices)) <= 250:
        return choices
    return cells


def page_breaks(heights: dict[int, float], groups: list[tuple[int, int]], start: int,
                landscape: bool, repeated: float) -> list[int]:
    """0-based rows to start a new page at, so that no group of rows (first, last) is split."""
    room = printable_height(landscape) - repeated - SAFETY
    breaks, used = [], 0.0
    for first, last in groups:
        size = sum(heights.get(r, LINE_HEIGHT) for r in range(first, last + 1))
        gap = sum(heights.get(r, LINE_HEIGHT) for r in range(start, first))
        if used and used + gap + size > room:
            breaks.append(first)
            used = size
        else:
            used += gap + size
        start = last + 1
    return breaks


def _footer(content: Content) -> str:
    """Sheet name on the left, 'Page 2 of 9' on the right (Excel's header and footer codes)."""
    text = content.ui.lookup("downloads.page_of").replace("&", "&&")
    return "&L&A&R" + text.format(page="&P", pages="&N")


def _choices_text(content: Content, key: str, choices: list[str]) -> str:
    return content.ui(key, choices=content.ui("downloads.list_joiner").join(choices))


def write_rating_sheet(sheet, plan: RatingSheet, content: Content, choices, source, fmt) -> None:
    ui = content.ui
    levels = content.scale.levels
    heights: dict[int, float] = {}

    def row(r: int, label: str, text: str | None, label_fmt, text_fmt, lines: int = 1):
        sheet.write_string(r, 0, label, label_fmt)
        if text is None:
            sheet.write_blank(r, RATING_COL, None, text_fmt)
        else:
            sheet.write_string(r, RATING_COL, text, text_fmt)
        heights[r] = _row_height([(label, RATING_WIDTHS[0], True),
                                  (text or "", RATING_WIDTHS[1], False)], lines)
        sheet.set_row(r, heights[r])

    sheet.write_string(0, 0, plain(plan.section.title), fmt.sheet_title)
    heights[0] = 24
    sheet.set_row(0, 24)
    row(1, ui("downloads.self_assessment.rating.how_label"),
        _choices_text(content, "downloads.self_assessment.rating.levels_line", choices),
        fmt.how_label, fmt.how_text)
    heights[2] = GAP
    sheet.set_row(2, GAP)
    for area_id, r in plan.area_heads.items():
        sheet.write_string(r, 0, plain(content.area(area_id).title), fmt.area)
        heights[r] = 26
        sheet.set_row(r, 26)
    for block in plan.blocks:
        row(block.first, ui("downloads.self_assessment.rating.indicator", number=block.number),
            plain(block.indicator.text), fmt.indicator, fmt.indicator)
        for offset, level in enumerate(levels, start=1):
            row(block.first + offset, plain(level.label), plain(block.indicator.levels[level.id]),
                fmt.label, fmt.text)
        row(block.rating, ui("downloads.self_assessment.rating.our_rating"), None,
            fmt.label, fmt.input)
        row(block.rating + 1, ui("downloads.self_assessment.rating.evidence"), None,
            fmt.label, fmt.input, EVIDENCE_LINES)
        row(block.rating + 2, ui("downloads.self_assessment.rating.notes"), None,
            fmt.label, fmt.input, NOTES_LINES)
        # Hidden: what the summary and the Combine and compare results page read.
        sheet.write_string(block.rating, ID_COL, block.indicator.id)
        sheet.write_string(block.rating, AREA_COL, block.area.id)
        sheet.write_string(block.rating, TEXT_COL, plain(block.indicator.text))
        heights[block.last + 1] = GAP
        sheet.set_row(block.last + 1, GAP)
    sheet.data_validation(plan.blocks[0].rating, RATING_COL, plan.blocks[0].rating, RATING_COL, {
        "validate": "list",
        "source": source,
        "multi_range": " ".join(f"B{b.rating + 1}" for b in plan.blocks),
        "input_title": ui("downloads.self_assessment.rating.input_title")[:32],
        "input_message": _choices_text(content, "downloads.self_assessment.rating.input_message",
                                       choices)[:255],
        "error_title": ui("downloads.self_assessment.rating.error_title")[:32],
        "error_message": _choices_text(content, "downloads.self_assessment.rating.levels_line",
                                       choices)[:255],
        "error_type": "stop",
    })
    sheet.set_column(0, 0, RATING_WIDTHS[0])
    sheet.set_column(1, 1, RATING_WIDTHS[1])
    sheet.set_column(ID_COL, TEXT_COL, 24, None, {"hidden": True})
    sheet.freeze_panes(HEADER_ROWS, 0)
    sheet.repeat_rows(0, HEADER_ROWS - 1)
    sheet.print_area(0, 0, plan.last_row, RATING_COL)
    groups = []
    for block in plan.blocks:
        head = plan.area_heads[block.area.id]
        groups.append((head if block.number == 1 else block.first, block.last))
    repeated = sum(heights[r] for r in range(HEADER_ROWS))
    sheet.set_h_pagebreaks(page_breaks(heights, groups, HEADER_ROWS, False, repeated))
    _print_setup(sheet, False, RATING_WIDTHS, _footer(content))
    _protect(sheet)


def write_checklist_sheet(sheet, name: str, content: Content, fmt) -> None:
    """Every area's checklist: one row per item, with Status (a dropdown), Owner, Evidence."""
    ui = content.ui
    words = "downloads.self_assessment.checklist"
    statuses = [ui(f"{words}.status.{key}") for key in ("done", "in_progress", "not_yet", "unknown")]
    heights: dict[int, float] = {0: 24}
    sheet.write_string(0, 0, ui(f"{words}.title"), fmt.sheet_title)
    sheet.set_row(0, 24)
    line = _choices_text(content, f"{words}.status_line", statuses)
    sheet.write_string(1, 0, line, fmt.how_text)
    heights[1] = _row_height([(line, CHECKLIST_WIDTHS[0], False)])
    sheet.set_row(1, heights[1])
    headers = [ui(f"{words}.columns.{key}") for key in ("item", "status", "owner", "evidence")]
    for c, header in enumerate(headers):
        sheet.write_string(2, c, header, fmt.table_header)
    heights[2] = _row_height([(h, CHECKLIST_WIDTHS[c], True) for c, h in enumerate(headers)])
    sheet.set_row(2, heights[2])
    # The choices, in a hidden column, for a dropdown whose labels a literal list cannot hold.
    hidden = len(headers) + 2
    for r, status in enumerate(statuses):
        sheet.write_string(r, hidden, status)
    cells = (f"={_quote_sheet(name)}!${chr(65 + hidden)}$1:"
             f"${chr(65 + hidden)}${len(statuses)}")
    r, groups, ranges = HEADER_ROWS, [], []
    for section in content.sections.sections:
        for area in content.areas_in(section.id):
            head = r
            title = ui(f"{words}.area", area=plain(area.title), section=plain(section.title))
            sheet.write_string(r, 0, title, fmt.area)  # one line, across the empty cells
            heights[r] = 26
            sheet.set_row(r, 26)
            ranges.append(f"B{r + 2}:B{r + 1 + len(area.checklist)}")
            for n, item in enumerate(area.checklist, start=1):
                r += 1
                text = f"{n}. {plain(item.text)}"
                sheet.write_string(r, 0, text, fmt.text)
                for c in (1, 2, 3):
                    sheet.write_blank(r, c, None, fmt.input)
                sheet.write_string(r, len(headers), area.id)
                sheet.write_string(r, len(headers) + 1, item.id)
                heights[r] = _row_height([(text, CHECKLIST_WIDTHS[0], False)], 2)
                sheet.set_row(r, heights[r])
                groups.append((head if n == 1 else r, r))
            r += 1
    sheet.data_validation(HEADER_ROWS + 1, 1, HEADER_ROWS + 1, 1, {
        "validate": "list",
        "multi_range": " ".join(ranges),
        "source": list_source(statuses, cells),
        "input_title": ui(f"{words}.input_title")[:32],
        "input_message": line[:255],
        "error_title": ui(f"{words}.error_title")[:32],
        "error_message": line[:255],
        "error_type": "stop",
    })
    for c, width in enumerate(CHECKLIST_WIDTHS):
        sheet.set_column(c, c, width)
    sheet.set_column(len(headers), hidden, 20, None, {"hidden": True})
    sheet.freeze_panes(HEADER_ROWS, 0)
    sheet.repeat_rows(0, HEADER_ROWS - 1)
    sheet.print_area(0, 0, r - 1, len(headers) - 1)
    repeated = sum(heights[x] for x in range(HEADER_ROWS))
    sheet.set_h_pagebreaks(page_breaks(heights, groups, HEADER_ROWS, True, repeated))
    _print_setup(sheet, True, CHECKLIST_WIDTHS, _footer(content))
    _protect(sheet)
