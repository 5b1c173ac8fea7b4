"""The two companion tools, built from the same Content objects as the pages.

Each Download knows its file name, what it is, and how to build its bytes. Builders are
pure functions of the content and produce byte-identical output for the same content.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..loader import Content
from . import self_assessment, workbook

FOLDER = "downloads"  # under the site root


@dataclass(frozen=True)
class Download:
    name: str  # what pages pass to download_card(...)
    filename: str
    title: str
    format: str
    opens_in: str
    contents: str  # one sentence: what is inside
    build: Callable[[Content], bytes]
    locate: Callable[[Content, str], str]  # where an area's part is, in words

    @property
    def path(self) -> str:
        return f"{FOLDER}/{self.filename}"


DOWNLOADS: dict[str, Download] = {
    d.name: d for d in (
        Download(
            name="self-assessment",
            filename="digital-equity-self-assessment.xlsx",
            title="Self-Assessment Tool",
            format="Excel workbook (.xlsx)",
            opens_in="Excel, LibreOffice Calc or Google Sheets",
            contents="Every indicator of every area with its four level descriptors, a rating "
                     "dropdown, columns for evidence and notes, and a summary sheet with a chart.",
            build=self_assessment.build,
            locate=self_assessment.locate,
        ),
        Download(
            name="workbook",
            filename="digital-equity-reflection-planning-workbook.docx",
            title="Reflection and Planning Companion Workbook",
            format="Word document (.docx)",
            opens_in="Word, LibreOffice Writer or Google Docs",
            contents="How to use it, the WHO needs WHAT to learn HOW? prompts, a team roster, and "
                     "for every area its reflection questions with room to answer and an action-plan table.",
            build=workbook.build,
            locate=workbook.locate,
        ),
    )
}


def build_all(content: Content) -> dict[str, bytes]:
    """Build every download; returns name -> file bytes."""
    return {name: d.build(content) for name, d in DOWNLOADS.items()}
