"""The downloads, built from the same Content objects as the pages.

Two companion tools (the Self-Assessment Tool and the workbook) are listed here; every
other download is a template in content_data/templates/<id>.yml (forms, the checklists
on paper, the meeting agendas), so adding one needs no Python. ``registry(content)``
lists them all. Each Download knows its file name, what it is, which pages ask for it
and how to build its bytes. Builders are pure functions of the content and produce
byte-identical output for the same content. The tools' names, file names and
descriptions are interface strings (content_data/interface/downloads.yml), so each
edition has them in its own language.
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


@dataclass(frozen=True)
class Tool:
    """A companion tool built in Python; its words are under ``downloads.<words>``."""
    words: str
    build: Callable[[Content], bytes]
    locate: Callable[[Content, str], str]
    asked_on: tuple[str, ...]


DOWNLOADS: dict[str, Tool] = {
    "self-assessment": Tool("self_assessment", self_assessment.build, self_assessment.locate,
                            ("getting-started/self-assessment-tool.md",)),
    "workbook": Tool("workbook", workbook.build, workbook.locate,
                     ("getting-started/reflection-workbook.md",
                      "getting-started/build-your-team.md")),
}


def tool_filenames(ui) -> list[str]:
    """The tools' file names in an edition (none when its interface strings are missing)."""
    try:
        return [ui(f"downloads.{tool.words}.filename") for tool in DOWNLOADS.values()]
    except (KeyError, TypeError):
        return []


def tools(content: Content) -> dict[str, Download]:
    """The two companion tools, named in the edition's language."""
    ui = content.ui
    return {name: Download(
        name=name, filename=ui(f"downloads.{tool.words}.filename"),
        title=ui(f"downloads.{tool.words}.name"), format=ui(f"downloads.{tool.words}.format"),
        opens_in=ui(f"downloads.{tool.words}.opens_in"),
        contents=ui(f"downloads.{tool.words}.contents"), build=tool.build, locate=tool.locate,
        asked_on=tool.asked_on, language=ui("downloads.language_tag"))
        for name, tool in DOWNLOADS.items()}


def registry(content: Content) -> dict[str, Download]:
    """Every download: the two tools, then each template in content_data/templates/."""
    found = tools(content)
    ui = content.ui
    for template in content.templates:
        found[template.id] = Download(
            name=template.id, filename=template.filename, title=template.name,
            format=ui("downloads.templates.format"), opens_in=ui("downloads.templates.opens_in"),
            contents=template.summary,
            build=partial(templates.build, template_id=template.id),
            locate=templates.locator(template), asked_on=tuple(template.asked_on),
            language=templates.language(content, template))
    return found


def build_all(content: Content) -> dict[str, bytes]:
    """Build every download; returns name -> file bytes."""
    return {name: d.build(content) for name, d in registry(content).items()}
