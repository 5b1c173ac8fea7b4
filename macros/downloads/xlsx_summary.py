"""The Self-Assessment Tool's summary sheet: whose ratings, COUNTIFS per area, a chart.

The counts read the rating sheets' hidden area-id column (``AREA_COL``) beside each
rating, so they work whatever the language of the labels.
"""
from __future__ import annotations

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from ..loader import Content
from .xlsx_layout import AREA_COL, HEADER_ROWS, RATING_COL, sheet_names
from .xlsx_rating import _footer
from .xlsx_style import _criterion, _print_setup, _protect, _quote_sheet, _row_height, _unique
from .xlsx_text import plain

WORDS = "downloads.self_assessment.summary"
TABLE_ROW = 4  # 0-based row of the table's header: whose ratings above it, a gap


def write_summary(book, sheet, content: Content, sheets, choices, fmt, who: dict):
    """``who``: key (school, group, date) -> 0-based row of that cell (column B) on the
    first sheet."""
    ui = content.ui
    levels = content.scale.levels
    n = len(levels)
    names = sheet_names(content)
    headers = _unique([ui(f"{WORDS}.area"), ui(f"{WORDS}.part"), ui(f"{WORDS}.indicators")]
                      + choices + [ui(f"{WORDS}.not_rated"), ui(f"{WORDS}.average", count=n)])
    first_count = 3  # first level column
    unsure_col = first_count + n
    unrated_col = unsure_col + 1
    average_col = unrated_col + 1
    no_average = ui(f"{WORDS}.no_average")
    by_section = {s.section.id: s for s in sheets}
    rows = [(area, by_section[area.section]) for area in content.areas]
    top = TABLE_ROW
    sheet.add_table(top, 0, top + len(rows), average_col, {
        "name": "Summary_by_area",
        "style": "Table Style Medium 2",
        "banded_rows": True,
        "columns": [{"header": h, "header_format": fmt.table_header if c < 2
                     else fmt.number_header} for c, h in enumerate(headers)],
        "title": ui(f"{WORDS}.table_title"),
        "description": ui(f"{WORDS}.table_description"),
    })
    for r, (area, plan) in enumerate(rows, start=top + 1):
        ref = _quote_sheet(plan.name)
        first, last = HEADER_ROWS + 1, plan.last_row + 1
        area_col, col = xl_col_to_name(AREA_COL), xl_col_to_name(RATING_COL)
        area_range = f"{ref}!${area_col}${first}:${area_col}${last}"
        rating_range = f"{ref}!${col}${first}:${col}${last}"
        crit = _criterion(area.id)
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
        dash = no_average.replace('"', '""')
        sheet.write_formula(r, average_col, f'=IF({rated}=0,"{dash}",({weighted})/{rated})',
                            fmt.average, no_average)
    longest = max(len(plain(a.title)) for a in content.areas)
    # Narrow enough to print at full size on a landscape page; headers wrap.
    widths = ([max(18, min(22, longest + 2)), max(11, min(13, max(len(s.name) for s in sheets) + 1))]
              + [max(8, max(len(w) for w in h.split()) + 1) for h in headers[2:]])
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width)
    sheet.set_row(top, _row_height([(h, widths[c], True) for c, h in enumerate(headers)]))
    for r, (area, plan) in enumerate(rows, start=top + 1):
        sheet.set_row(r, _row_height([(plain(area.title), widths[0], True),
                                      (plan.name, widths[1], False)]))
    sheet.freeze_panes(top + 1, 1)

    # Whose ratings these are, above the table: formulas that show the cells the team
    # fills in on the first sheet.
    first_sheet = _quote_sheet(names["how_to"])
    missing = ui(f"{WORDS}.not_filled").replace('"', '""')
    for r, (key, row) in enumerate(who.items()):
        cell = f"{first_sheet}!$B${row + 1}"
        sheet.write_string(r, 0, ui(f"downloads.self_assessment.who.{key}"), fmt.label)
        sheet.write_formula(r, 1, f'=IF({cell}="","{missing}",{cell})', fmt.date,
                            ui(f"{WORDS}.not_filled"))
        sheet.set_row(r, 20)

    last = top + len(rows)
    summary = _quote_sheet(names["summary"])
    lowest, highest = choices[0], choices[n - 1]
    chart = book.add_chart({"type": "bar"})
    chart.add_series({
        "name": ui(f"{WORDS}.series"),
        "categories": f"={summary}!$A${top + 2}:$A${last + 1}",
        "values": f"={summary}!${xl_col_to_name(average_col)}${top + 2}:"
                  f"${xl_col_to_name(average_col)}${last + 1}",
        "fill": {"color": "#2F5597"},
        "gap": 60,
        # '0.0;;;' shows averages and hides the zero or dash of an area not yet rated
        "data_labels": {"value": True, "num_format": "0.0;;;", "font": {"size": 11}},
    })
    chart.set_title({"name": ui(f"{WORDS}.chart_title"), "name_font": {"size": 13}})
    big = {"size": 11}  # 11-point axis text, like the cells: at least 9 points on paper
    chart.set_x_axis({"name": ui(f"{WORDS}.x_axis", count=n, lowest=lowest, highest=highest),
                      "name_font": big, "num_font": big,
                      "min": 0, "max": n, "major_unit": 1,
                      "major_gridlines": {"visible": True, "line": {"color": "#BFBFBF"}}})
    # Areas top to bottom in table order; the value axis stays at the bottom.
    chart.set_y_axis({"name": ui(f"{WORDS}.y_axis"), "reverse": True, "crossing": "max",
                      "name_font": big, "num_font": big})
    chart.set_legend({"none": True})
    height = max(320, 90 + 34 * len(rows))
    sheet.insert_chart(last + 2, 0, chart, {
        "x_scale": 1.45, "y_scale": height / 288,
        "description": ui(f"{WORDS}.chart_description", count=n, lowest=lowest,
                          highest=highest, summary=names["summary"]),
    })
    sheet.set_h_pagebreaks([last + 1])  # the chart on a page of its own, never cut in two
    _print_setup(sheet, True, widths, _footer(content))
    _protect(sheet)
