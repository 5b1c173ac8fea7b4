"""Interface strings as pages show them: dates, file sizes and sentences with HTML inside.

The words come from content_data/interface/ (macros/interface.py), so each edition writes
them in its own language: no date here depends on the process locale.
"""
from __future__ import annotations

import html
import re
from datetime import date

from .interface import Interface

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")  # keys of pages.dates.months
_MARKS = [(re.compile(r"\[([^\]\n]+)\]\((https://[^\s()]+)\)"), r'<a href="\2">\1</a>'),
          (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"<strong>\1</strong>"),
          (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"<em>\1</em>")]


def inline(text: str) -> str:
    """Escape ``text`` for HTML, then render *em*, **strong** and [links](https://...)."""
    out = html.escape(" ".join(text.split()), quote=True)
    for pattern, tag in _MARKS:
        out = pattern.sub(tag, out)
    return out


def ui_html(ui: Interface, key: str, **parts: str) -> str:
    """An interface string as HTML: its own words escaped, then each {placeholder} filled
    with ``parts``, which must be HTML already (escape plain text with inline() first)."""
    return inline(ui(key)).format(**parts) if parts else inline(ui(key))


def month_name(ui: Interface, month: int) -> str:
    return ui(f"pages.dates.months.{MONTHS[month - 1]}")


def month_year(ui: Interface, day: date) -> str:
    """'December 2026' (Spanish: 'diciembre de 2026')."""
    return ui("pages.dates.month_year", month=month_name(ui, day.month), year=day.year)


def full_date(ui: Interface, day: date) -> str:
    """'December 2, 2026' (Spanish: '2 de diciembre de 2026')."""
    return ui("pages.dates.day_month_year", month=month_name(ui, day.month), day=day.day,
              year=day.year)


def source_date(ui: Interface, text: str) -> str:
    """'2024-01-15' -> 'January 15, 2024'; '2024-01' -> 'January 2024'; '2024' -> '2024'."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return full_date(ui, date(*parts))
    if len(parts) == 2:
        return ui("pages.dates.month_year", month=month_name(ui, parts[1]), year=parts[0])
    return str(parts[0])


def file_size(ui: Interface, size: int) -> str:
    if size >= 1024:
        return ui("pages.sizes.kilobytes", number=f"{size / 1024:.0f}")
    return ui("pages.sizes.bytes", number=size)


def plural(ui: Interface, key: str, count: int, **values) -> str:
    """``key.one`` for exactly one, ``key.other`` for any other number."""
    return ui(f"{key}.{'one' if count == 1 else 'other'}", count=count, **values)


def attr_text(text: str) -> str:
    """Plain text for an attribute value."""
    return html.escape(text, quote=True)
