"""YAML text as the downloads show it: Markdown marks removed, a link's address in brackets.

Shared by both downloads (the Self-Assessment Tool and the workbook) and by the online
self-assessment's data attributes.
"""
from __future__ import annotations

import re

# The Markdown forms YAML text may use (see macros/render.py); the downloads show them
# as plain text, with a link's address in brackets after its text.
_LINK = re.compile(r"\[([^\]\n]+)\]\((https://[^\s()]+)\)")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")


def markdown_segments(text: str) -> list[tuple[str, str]]:
    """Split YAML text into (text, kind) pieces; kind is '', 'strong', 'em' or 'link'.

    A link becomes one 'link' piece reading "text (https://...)".
    """
    text = " ".join(text.split())
    pieces: list[tuple[str, str]] = []
    parts = _LINK.split(text)  # with two groups: text, label, url, text, label, url, ...
    for i in range(0, len(parts), 3):
        pieces += _emphasis(parts[i])
        if i + 2 < len(parts):
            pieces.append((f"{parts[i + 1]} ({parts[i + 2]})", "link"))
    return [(t, k) for t, k in pieces if t]


def _emphasis(text: str) -> list[tuple[str, str]]:
    pieces: list[tuple[str, str]] = []
    for i, part in enumerate(_STRONG.split(text)):
        if i % 2:
            pieces.append((part, "strong"))
            continue
        for j, bit in enumerate(_EM.split(part)):
            pieces.append((bit, "em" if j % 2 else ""))
    return pieces


def plain(text: str) -> str:
    """YAML text as the downloads show it: Markdown marks removed, spaces collapsed."""
    return "".join(t for t, _ in markdown_segments(text))
