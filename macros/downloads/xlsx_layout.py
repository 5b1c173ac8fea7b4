"""Where everything goes in the Self-Assessment Tool: the sheets, their names and rows.

``layout()`` decides where every area's rows go; the builder and ``locate()`` both use it,
so the words on the pages always match the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..loader import Content
from ..models import Area, Indicator, Section
from .xlsx_text import plain

HOW_TO_SHEET = "How to use this tool"
SUMMARY_SHEET = "Summary"


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
