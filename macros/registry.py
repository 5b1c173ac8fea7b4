"""Every macro the pages may call, written once: define_env registers these, and the
pre-scan (macro_calls.py) checks each call's argument against the same list.

To add a macro: a render function in render.py, then one Macro(...) line below.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import render, render_toolkit
from . import assessment, combine
from .loader import Content

# What a macro's one argument is, and so where its valid values come from.
AREA, SECTION, DOWNLOAD, FACT, NONE = "area id", "section id", "download name", "fact id", None
PART = "workbook part"
RESOURCES_PAGE = "taking-it-forward/resources.md"


@dataclass(frozen=True)
class Page:
    """What a macro may know about the page it is called on, from either builder."""
    content: Content
    downloads: dict[str, bytes]
    docs_dir: Path
    link: Callable[[str], str]  # 'a/b.md#x' -> the href from this page
    href: Callable[[str], str]  # a site path ('downloads/x.xlsx') -> the href from this page


@dataclass(frozen=True)
class Macro:
    name: str
    takes: str | None  # AREA, SECTION, DOWNLOAD, FACT or NONE
    render: Callable[..., str]  # (Page, argument) -> HTML, or (Page) -> HTML


def _meeting_plan(p: Page) -> str:
    from .macro_calls import page_title

    return render.meeting_plan(p.content, p.link, lambda page: page_title(p.docs_dir / page))


def _fact_register(p: Page) -> str:
    from .macro_calls import citations, page_title

    cited_on = {fact_id: [(page_title(p.docs_dir / page), p.link(page)) for page in pages]
                for fact_id, pages in citations(p.docs_dir).items()}
    return render.fact_register(p.content, cited_on)


def _download_card(p: Page, name: str) -> str:
    from .downloads import registry

    download = registry(p.content)[name]
    return render.download_card(p.content, download, len(p.downloads[name]), p.href(download.path))


def _download_link(p: Page, name: str) -> str:
    from .downloads import registry

    download = registry(p.content)[name]
    return render_toolkit.download_link(p.content, download, len(p.downloads[name]), p.href(download.path))


def _area_downloads(p: Page, area_id: str) -> str:
    from .downloads import registry

    downloads = registry(p.content)
    hrefs = {name: p.href(d.path) for name, d in downloads.items()}
    sizes = {name: len(data) for name, data in p.downloads.items()}
    return render.area_downloads(p.content, area_id, downloads, hrefs, sizes)


MACROS = [
    Macro("assessment_form", NONE, lambda p: assessment.assessment_form(p.content, p.link)),
    Macro("rate_area", AREA, lambda p, a: assessment.rate_area(p.content, a, p.link)),
    Macro("combine_results", NONE,
          lambda p: combine.combine_results(p.content, p.href(combine.SCRIPT))),
    Macro("checklist", AREA, lambda p, a: render.checklist(p.content, a)),
    Macro("indicators", AREA, lambda p, a: render.indicators(p.content, a, p.link)),
    Macro("reflection_questions", AREA, lambda p, a: render.reflection_questions(p.content, a)),
    Macro("next_moves", AREA, lambda p, a: render.next_moves(p.content, a, p.link)),
    Macro("area_cards", SECTION, lambda p, s: render.area_cards(p.content, s, p.link)),
    Macro("scale_table", NONE, lambda p: render.scale_table(p.content)),
    Macro("resource_list", NONE, lambda p: render.resource_list(p.content, p.link)),
    Macro("research_list", NONE, lambda p: render.resource_list(p.content, p.link, "research")),
    Macro("area_resources", AREA,
          lambda p, a: render.area_resources(p.content, a, p.link, RESOURCES_PAGE)),
    Macro("download_card", DOWNLOAD, _download_card),
    Macro("area_downloads", AREA, _area_downloads),
    Macro("at_a_glance", AREA, lambda p, a: render.at_a_glance(p.content, a)),
    Macro("small_districts", AREA, lambda p, a: render.small_districts(p.content, a)),
    Macro("cite", FACT, lambda p, f: render.cite(p.content, f)),
    Macro("fact_register", NONE, _fact_register),
    Macro("meeting_plan", NONE, _meeting_plan),
    Macro("meetings_for", SECTION, lambda p, s: render.meetings_for(p.content, s, p.link)),
    Macro("workbook_part", PART, lambda p, part: render_toolkit.workbook_part(p.content, part)),
    Macro("download_link", DOWNLOAD, _download_link),
]
SIGNATURES = {m.name: m.takes for m in MACROS}
