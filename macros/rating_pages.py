"""One rating page per area for the online self-assessment, at
getting-started/online-self-assessment/<area-id>/: a real Markdown file each, under
docs/getting-started/online-self-assessment/, so MkDocs and Zensical both build them.

Each page holds a title and one macro, ``rate_area``, which renders the form
(macros/assessment.py); the pages are reached from the self-assessment's main page and
from each other, not from the menu (mkdocs.yml, not_in_nav). ``./run check`` names a
missing page and gives the lines to put in it (``page_markdown``).
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

RATING_PAGES = "getting-started/online-self-assessment"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def page_markdown(area_id: str, title: str, ui=None) -> str:
    """The page's Markdown, in the words of ``ui`` (the edition's interface strings,
    pages.rating_page; the English ones if not given)."""
    from .interface import interface_for

    ui = ui or interface_for(Path(__file__).resolve().parent.parent)
    heading = ui("pages.rating_page.title", area=title)
    return "\n".join([
        "---",
        f"title: {json.dumps(heading, ensure_ascii=False)}",
        f"description: {json.dumps(ui('pages.rating_page.description', area=title), ensure_ascii=False)}",
        "---",
        "",
        f"# {heading}",
        "",
        f"{{{{ rate_area('{area_id}') }}}}",
        "",
    ])


def rating_pages(root: Path) -> dict[str, str]:
    """{page path under docs/: its Markdown}, one per area file. The loader has already
    checked the files (the macros plugin stops the build before this runs if it failed)."""
    pages = {}
    for path in sorted((Path(root) / "content_data" / "areas").glob("*.y*ml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        if isinstance(data, dict) and data.get("id") and data.get("title"):
            pages[f"{RATING_PAGES}/{data['id']}.md"] = page_markdown(data["id"], str(data["title"]))
    return pages


def check_rating_pages(area_ids: list[str], area_titles: dict[str, str], docs_dir: Path | None,
                       problems: list, ui=None) -> None:
    """Every area has its rating page, a real Markdown file (so any builder finds it)."""
    from .errors import Problem

    if docs_dir is None:
        return
    for area_id in area_ids:
        page = Path(docs_dir) / RATING_PAGES / f"{area_id}.md"
        if not page.is_file():
            title = area_titles.get(area_id, area_id)
            problems.append(Problem(f"docs/{RATING_PAGES}/{area_id}.md", 1, "", (
                f"the area '{area_id}' has no online rating page; create this file with these "
                "lines:\n" + page_markdown(area_id, title, ui))))
