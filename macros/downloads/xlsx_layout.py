"""Where everything goes in the Self-Assessment Tool: the sheets, their names and rows.

``layout()`` decides where every area's rows go; the builder, the summary's formulas and
``locate()`` all use it, so the words on the pages always match the file.

A rating sheet prints on US Letter at full size: two printed columns (A: what a row is,
B: its text or the team's answer) and, per indicator, one block of rows: the indicator,
one row per level (its name and descriptor), then "Our rating", "Evidence" and "Notes".
Hidden columns beside the rating hold what the formulas and the guide's Combine and
compare results page read, whatever the language of the labels: the indicator id, the
area id and the indicator's text (``ID_COL``, ``AREA_COL``, ``TEXT_COL``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..loader import Content
from ..models import Area, Indicator, Section
from .xlsx_text import plain

HEADER_ROWS = 3  # title, the levels line, a thin gap: repeated on every printed page
RATING_COL, ID_COL, AREA_COL, TEXT_COL = 1, 2, 3, 4  # 0-based columns on a rating sheet
EVIDENCE_LINES, NOTES_LINES = 3, 2


def sheet_names(content: Content) -> dict[str, str]:
    """The fixed sheets' names in the edition's language, made safe for Excel."""
    taken: set[str] = set()
    return {key: _sheet_name(content.ui(f"downloads.self_assessment.sheets.{key}"), taken)
            for key in ("how_to", "checklists", "summary")}


@dataclass(frozen=True)
class Block:
    area: Area
    indicator: Indicator
    number: int  # the indicator's number within its area, from 1
    first: int  # 0-based row of the indicator's own row; the levels follow
    levels: int  # how many level rows

    @property
    def rating(self) -> int:  # 0-based row of "Our rating"
        return self.first + 1 + self.levels

    @property
    def last(self) -> int:  # 0-based row of "Notes", the block's last row
        return self.rating + 2


@dataclass(frozen=True)
class RatingSheet:
    section: Section
    name: str  # the worksheet's name
    blocks: tuple[Block, ...]
    area_heads: dict[str, int]  # area id -> 0-based row of its heading

    @property
    def rows(self) -> tuple[tuple[Area, Indicator], ...]:
        return tuple((b.area, b.indicator) for b in self.blocks)

    @property
    def last_row(self) -> int:  # 0-based index of the last row
        return self.blocks[-1].last

    def area_rows(self, area_id: str) -> tuple[int, int]:
        """1-based first and last row (as Excel shows them) of an area: heading to notes."""
        last = [b.last for b in self.blocks if b.area.id == area_id][-1]
        return self.area_heads[area_id] + 1, last + 1


_STOP_WORDS = {"a", "an", "and", "the", "of", "in", "into", "to", "for", "on", "with", "at",
               "by", "from", "our", "your", "its", "their", "as", "or",
               "y", "e", "el", "la", "los", "las", "de", "del", "en", "para", "con", "por",
               "un", "una", "su", "sus", "al", "o"}
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
    base, n = name or "Sheet", 2
    while name.lower() in taken or name.lower() == "history":
        suffix = f" {n}"
        name, n = base[:31 - len(suffix)].rstrip() + suffix, n + 1
    taken.add(name.lower())
    return name


def layout(content: Content) -> list[RatingSheet]:
    """One rating sheet per section that has areas, with its blocks in guide order."""
    sections = [s for s in content.sections.sections if content.areas_in(s.id)]
    word_sets = [{w.lower() for w in plain(s.title).split()} for s in sections]
    shared = {w for w in set().union(*word_sets)
              if w not in _STOP_WORDS and sum(w in ws for ws in word_sets) > 1}
    taken = {name.lower() for name in sheet_names(content).values()}
    levels = len(content.scale.levels)
    sheets = []
    for section in sections:
        short = _short_name(section.title, shared) or section.id.replace("-", " ").title()
        row, blocks, heads = HEADER_ROWS, [], {}
        for area in content.areas_in(section.id):
            heads[area.id] = row
            row += 1
            for number, indicator in enumerate(area.indicators, start=1):
                block = Block(area, indicator, number, row, levels)
                blocks.append(block)
                row = block.last + 2  # a thin gap after each block
        sheets.append(RatingSheet(section=section, name=_sheet_name(short, taken),
                                  blocks=tuple(blocks), area_heads=heads))
    return sheets


def locate(content: Content, area_id: str) -> str:
    area = content.area(area_id)
    sheet = next(s for s in layout(content) if s.section.id == area.section)
    first, last = sheet.area_rows(area.id)
    return content.ui("downloads.self_assessment.locate", sheet=sheet.name, first=first,
                      last=last)
