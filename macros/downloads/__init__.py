"""The downloads, built from the same Content objects as the pages.

Two companion tools (the Self-Assessment Tool and the workbook) are listed here; every
other download is a template in content_data/templates/<id>.yml (forms, the checklists
on paper, the meeting agendas), so adding one needs no Python. ``registry(content)``
lists them all. Each Download knows its file name, what it is, which pages ask for it
and how to build its bytes. Builders are pure functions of the content and produce
byte-identical output for the same content.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable

from ..loader import Content
from . import self_assessment, templates, workbook

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
    locate: Callable[[Content, str], str] | None  # where an area's part is, in words
    asked_on: tuple[str, ...] = ()  # pages (relative to docs/) that ask a team to use it
    language: str = "en-US"

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
            asked_on=("getting-started/self-assessment-tool.md",),
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
            asked_on=("getting-started/reflection-workbook.md",
                      "getting-started/build-your-team.md"),
        ),
    )
}


WORD = ("Word document (.docx)", "Word, LibreOffice Writer or Google Docs")


def registry(content: Content) -> dict[str, Download]:
    """Every download: the two tools, then each template in content_data/templates/."""
    found = dict(DOWNLOADS)
    for template in content.templates:
        found[template.id] = Download(
            name=template.id, filename=template.filename, title=template.name,
            format=WORD[0], opens_in=WORD[1], contents=template.summary,
            build=partial(templates.build, template_id=template.id),
            locate=templates.locator(template), asked_on=tuple(template.asked_on),
            language=template.language)
    return found


def build_all(content: Content) -> dict[str, bytes]:
    """Build every download; returns name -> file bytes."""
    return {name: d.build(content) for name, d in registry(content).items()}
