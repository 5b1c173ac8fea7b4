"""mkdocs-macros entry point: a thin adapter from MkDocs pages to plain render functions.

Everything that knows about MkDocs stays in this file. Loading, validation, rendering and
the download builders are plain functions elsewhere in the package.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from . import render
from . import assessment, combine
from .errors import ContentError
from .loader import Content, load_content
from .macro_calls import check_docs, citations, page_title

RESOURCES_PAGE = "taking-it-forward/resources.md"


class MacroError(Exception):
    """A macro was called in a way the pre-scan could not catch (e.g. a computed id)."""


def load_checked(root: Path, docs_dir: Path) -> Content:
    """Load content_data/ and check every macro call in docs/; raise ContentError."""
    from .downloads import DOWNLOADS

    content = load_content(root, docs_dir)
    problems = check_docs(docs_dir, content, DOWNLOADS, root)
    if problems:
        raise ContentError(problems)
    return content


def define_env(env) -> None:
    from .downloads import DOWNLOADS, build_all

    root = Path(env.conf["config_file_path"]).resolve().parent
    docs_dir = Path(env.conf["docs_dir"])
    try:
        content = load_checked(root, docs_dir)
    except ContentError as err:
        # PluginError is reported by MkDocs as one clean message, before any page is written.
        raise PluginError(err.report()) from None
    built = build_all(content)
    env._guide_downloads = built  # written into site/ by on_post_build below
    _quiet_macro_errors()

    def here() -> str:
        return env.page.url if env.page else ""

    def link(target: str) -> str:
        page, _, anchor = target.partition("#")
        url = File(page, str(docs_dir), env.conf["site_dir"], env.conf["use_directory_urls"]).url
        href = get_relative_url(url, here()) if url else "./"
        return href + (f"#{anchor}" if anchor else "")

    def guarded(func):
        def call(*args):
            try:
                return func(*args)
            except KeyError as err:
                where = env.page.file.src_uri if env.page else "a page"
                raise MacroError(f"docs/{where}: {func.__name__}{args!r}: {err.args[0]}") from None
        call.__name__ = func.__name__
        call.__doc__ = func.__doc__
        return call

    @guarded
    def checklist(area_id):
        return render.checklist(content, area_id)

    @guarded
    def indicators(area_id):
        return render.indicators(content, area_id, link)

    @guarded
    def reflection_questions(area_id):
        return render.reflection_questions(content, area_id)

    @guarded
    def next_moves(area_id):
        return render.next_moves(content, area_id, link)

    @guarded
    def area_cards(section_id):
        return render.area_cards(content, section_id, link)

    def scale_table():
        return render.scale_table(content)

    def resource_list():
        return render.resource_list(content, link)

    def research_list():
        return render.resource_list(content, link, "research")

    @guarded
    def at_a_glance(area_id):
        return render.at_a_glance(content, area_id)

    @guarded
    def small_districts(area_id):
        return render.small_districts(content, area_id)

    @guarded
    def cite(fact_id):
        return render.cite(content, fact_id)

    def meeting_plan():
        return render.meeting_plan(content, link, lambda page: page_title(docs_dir / page))

    @guarded
    def meetings_for(section_id):
        return render.meetings_for(content, section_id, link)

    def fact_register():
        cited_on = {fact_id: [(page_title(docs_dir / page), link(page)) for page in pages]
                    for fact_id, pages in citations(docs_dir).items()}
        return render.fact_register(content, cited_on)

    @guarded
    def area_resources(area_id):
        return render.area_resources(content, area_id, link, RESOURCES_PAGE)

    @guarded
    def download_card(name):
        download = DOWNLOADS[name]
        href = get_relative_url(download.path, here())
        return render.download_card(download, len(built[name]), href)

    @guarded
    def area_downloads(area_id):
        hrefs = {name: get_relative_url(d.path, here()) for name, d in DOWNLOADS.items()}
        sizes = {name: len(data) for name, data in built.items()}
        return render.area_downloads(content, area_id, DOWNLOADS, hrefs, sizes)

    def assessment_form():
        return assessment.assessment_form(content, link)

    @guarded
    def rate_area(area_id):
        return assessment.rate_area(content, area_id, link)

    def combine_results():
        return combine.combine_results(content, get_relative_url(combine.SCRIPT, here()))

    for macro in (assessment_form, rate_area, combine_results, checklist, indicators, reflection_questions, next_moves, area_cards,
                  scale_table, resource_list, research_list, area_resources, download_card,
                  area_downloads, at_a_glance, small_districts, cite, fact_register, meeting_plan,
                  meetings_for):
        env.macro(macro)


def on_post_build(env) -> None:
    """Write the companion tools next to the pages, under site/downloads/."""
    from .downloads import DOWNLOADS

    site_dir = Path(env.conf["site_dir"])
    for name, data in env._guide_downloads.items():
        target = site_dir / DOWNLOADS[name].path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _quiet_macro_errors() -> None:
    """Report our own macro errors as one line, not mkdocs-macros' traceback dump."""
    from mkdocs_macros.errors import format_error

    @format_error.register
    def _(error: MacroError, markdown: str, page) -> str:
        return str(error)

