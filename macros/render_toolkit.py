"""Pages and downloads from one source: the parts of content_data/workbook.yml the pages
show, and inline links to the downloads.

``workbook_part(content, part)`` renders one part of the workbook's YAML on a page, so
Build your team and the Reflection and Planning Workbook page say what the .docx says.
``register()`` adds the two macros to mkdocs-macros (called from ``macros/__init__.py``).
"""
from __future__ import annotations

from .loader import Content
from .render import _lines, attr, file_size, inline, ui_html

WORKBOOK_PARTS = ("roles", "norms", "missing-voices", "prompts", "columns")


def workbook_part(content: Content, part: str) -> str:
    workbook = content.workbook
    if part == "roles":
        words = {key: ui_html(content.ui, f"pages.team_roles.{key}")
                 for key in ("caption", "role_column", "does_column", "fits_column")}
        rows = [f'<tr><th scope="row">{inline(r.role)}</th><td data-label="{words["does_column"]}">'
                f'{inline(r.does)}</td><td data-label="{words["fits_column"]}">{inline(r.fits)}</td></tr>'
                for r in workbook.team_roles]
        return _lines('<table class="team-roles">', f"<caption>{words['caption']}</caption>",
                      f'<thead><tr><th scope="col">{words["role_column"]}</th>'
                      f'<th scope="col">{words["does_column"]}</th>'
                      f'<th scope="col">{words["fits_column"]}</th></tr></thead>',
                      "<tbody>", *rows, "</tbody>", "</table>")
    if part == "norms":
        items = [f"<li><strong>{inline(n.title)}.</strong> {inline(n.text)}</li>"
                 for n in workbook.starting_norms]
        return _lines('<ol class="starting-norms">', *items, "</ol>")
    if part == "missing-voices":
        items = [f"<li>{inline(q)}</li>" for q in workbook.missing_voices]
        return _lines('<ul class="missing-voices">', *items, "</ul>")
    if part == "prompts":
        out = []
        for group in workbook.prompts:
            items = [f"<li>{inline(q)}</li>" for q in group.questions]
            out.append(f"### {group.word}\n\n" + _lines("<ul>", *items, "</ul>").strip())
        return "\n\n" + "\n\n".join(out) + "\n\n"
    if part == "columns":
        columns = workbook.action_plan_columns
        items = [f"<li><strong>{inline(c.label)}:</strong> {inline(c.hint)}</li>" for c in columns]
        return _lines('<ul class="action-plan-columns">', *items, "</ul>")
    raise KeyError(f"there is no workbook part '{part}' (parts: {', '.join(WORKBOOK_PARTS)})")


def download_link(content: Content, download, size: int, href: str) -> str:
    """An inline link to a download, with its format and size: fits inside a sentence."""
    kind = ui_html(content.ui, "pages.downloads.word" if download.filename.endswith(".docx")
                   else "pages.downloads.excel")
    lang = f' hreflang="{attr(download.language)}"' if not download.language.startswith("en") else ""
    return (f'<a class="download-link" href="{attr(href)}" download{lang}>{inline(download.title)}'
            f"</a> ({kind}, {file_size(size, content)})")


def register(env, content: Content, downloads: dict, built: dict, href, guarded) -> None:
    """Add workbook_part() and download_link() to the pages' macros."""

    def part(part_id):
        return workbook_part(content, part_id)

    def link(name):
        return download_link(content, downloads[name], len(built[name]), href(downloads[name].path))

    part.__name__, link.__name__ = "workbook_part", "download_link"
    env.macro(guarded(part), "workbook_part")
    env.macro(guarded(link), "download_link")
