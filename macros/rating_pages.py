"""MkDocs hook (listed under `hooks:` in mkdocs.yml): one rating page per area for the
online self-assessment, at getting-started/online-self-assessment/<area-id>/.

The pages are made from content_data/areas/*.yml as the build starts, so an editor who
adds an area writes no page for it here: the area's YAML file (and its own area page) is
enough. Each page holds a title and one macro, ``rate_area``, which renders the form
(macros/assessment.py); the pages are reached from the self-assessment's main page and
from each other, not from the menu.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

RATING_PAGES = "getting-started/online-self-assessment"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def page_markdown(area_id: str, title: str) -> str:
    heading = f"Rate online: {title}"
    return "\n".join([
        "---",
        f"title: {json.dumps(heading)}",
        f"description: {json.dumps(f'Rate the {title} indicators in your browser. Your ratings stay on your device.')}",
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


def on_files(files, config, **kwargs):
    from mkdocs.structure.files import File, InclusionLevel

    root = Path(config["config_file_path"]).resolve().parent
    for src_uri, markdown in rating_pages(root).items():
        files.append(File.generated(config, src_uri, content=markdown,
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    return files
