"""Errors an editor can act on: ``file:line: field.path: what is wrong (how to fix)``."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    where: str  # a field path such as indicators[2].levels, or "" for the whole file
    message: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.file}:{self.line}:{where} {self.message}"


class ContentError(Exception):
    """One or more problems in content_data/ or in the macro calls of docs/."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the guide's content:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def field_path(path: tuple) -> str:
    """("indicators", 2, "levels") -> "indicators[2].levels"."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
