"""The Self-Assessment Tool's "Summary" sheet: COUNTIFS per area, whose ratings, a chart."""
from __future__ import annotations

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from ..loader import Content
from .xlsx_layout import HOW_TO_SHEET, SUMMARY_SHEET
from .xlsx_style import _criterion, _print_setup, _protect, _quote_sheet, _row_height, _unique
from .xlsx_text import plain

NO_AVERAGE = "-"  # shown instead of an average while an area has no ratings


def write_summary(book, sheet, content: Content, sheets, choices, rating_column, fmt, who: dict):
    """``who``: label -> 0-based row of that cell (column B) on the first sheet."""
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

    # Whose ratings these are, beside the table (column A holds only the areas): formulas
    # that show the cells the team fills in on the first sheet. Only our own fixed labels
    # are written here, never YAML text.
    last = len(rows)
    first_sheet = _quote_sheet(HOW_TO_SHEET)
    who_col = average_col + 2
    for r, (label, row) in enumerate(who.items()):
        cell = f"{first_sheet}!$B${row + 1}"
        sheet.write_string(r, who_col, label, fmt.label)
        sheet.write_formula(r, who_col + 1, f'=IF({cell}="","(not filled in yet)",{cell})',
                            fmt.date, "(not filled in yet)")
    sheet.set_column(who_col, who_col, 24)
    sheet.set_column(who_col + 1, who_col + 1, 26)

    chart = book.add_chart({"type": "bar"})
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
