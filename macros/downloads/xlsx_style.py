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
        self.area = book.add_format({"font_name": "Calibri", "bold": True, "font_size": 14,
                                     "font_color": "#1F3864", "valign": "bottom"})
        self.sheet_title = book.add_format({"font_name": "Calibri", "bold": True,
                                            "font_size": 14})
        self.indicator = book.add_format({**base, "bold": True, "bg_color": "#DCE6F2",
                                          "top": 2, "top_color": "#404040"})
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


FONT_SIZE = 11  # points, every cell's text but titles
MIN_PRINTED = 9  # points: no text prints smaller
PAGE_INCHES = {False: (8.5, 11.0), True: (11.0, 8.5)}  # US Letter, portrait or landscape
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.6, "bottom": 0.75}
# Pixels a character of the column width takes: Excel draws Calibri 11 seven pixels wide
# (LibreOffice with Carlito, Calibri's metric twin, about the same); a LibreOffice without
# Carlito falls back to a wider face such as DejaVu Sans, about 9.4 pixels.
CHAR_PX = {"calibri": 7.0, "fallback": 9.4}


def column_points(width: float, face: str = "calibri") -> float:
    """A column's printed width, in points, for a width in characters (plus the padding
    of 5 pixels the file adds to it)."""
    return (width * CHAR_PX[face] + 5) * 0.75


def print_scale(widths: list[float], landscape: bool, face: str = "calibri") -> float:
    """1, or the fraction fit-to-width shrinks ``widths`` to, to fit between the margins."""
    room = (PAGE_INCHES[landscape][0] - MARGINS["left"] - MARGINS["right"]) * 72
    return min(1.0, room / sum(column_points(w, face) for w in widths))


def printable_height(landscape: bool) -> float:
    """Points between the top and bottom margins."""
    return (PAGE_INCHES[landscape][1] - MARGINS["top"] - MARGINS["bottom"]) * 72


def _print_setup(sheet, landscape: bool, widths: list[float], footer: str) -> None:
    """US Letter, margins, the page number in the footer, and fit to the page width.

    The columns fit the width at full size in Excel; fit-to-width only shrinks a sheet
    where a program draws the font wider, and even with a wide fallback face the text
    stays at ``MIN_PRINTED`` points or more (checked here, so a change of widths that
    would print smaller fails the build)."""
    for face in CHAR_PX:
        if print_scale(widths, landscape, face) * FONT_SIZE < MIN_PRINTED:
            raise ValueError(f"columns {widths} are too wide to print at {MIN_PRINTED} points")
    sheet.set_paper(1)  # US Letter
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)  # as wide as one page, as many pages long as it takes
    sheet.set_margins(**MARGINS)
    sheet.set_footer(footer, {"margin": 0.3})
