"""Cell formats, row heights, protection and print settings of the Self-Assessment Tool."""
from __future__ import annotations

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
        self.input_date = book.add_format({**base, "locked": False, "bg_color": "#FFF8D6",
                                           "border": 1, "border_color": "#7F7F7F",
                                           "num_format": "yyyy-mm-dd", "align": "left"})
        self.date = book.add_format({**base, "num_format": "yyyy-mm-dd", "align": "left"})
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
