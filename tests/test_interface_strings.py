"""The interface strings come from content_data/interface/ (and content_data/<lang>/interface/):
change a string there and the page, the publishing steps and the browser scripts say the new
words; give them the Spanish strings and they speak Spanish, dates included."""
from __future__ import annotations

import copy
import dataclasses
import html
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, mkdocs_build, serve_folder
from macros import assessment, combine, render
from macros.interface import Interface, interface_for
from macros.loader import load_content
from macros.publish.config import read_config
from macros.publish.editions import editions_html
from macros.publish.page_dates import history
from macros.publish.print_edition import _toc_html

SCRIPTS_UI = "content_data/interface/scripts.yml"


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT, ROOT / "docs")


@pytest.fixture(scope="module")
def spanish(content):
    """The English content with the Spanish interface strings."""
    return dataclasses.replace(content, ui=interface_for(ROOT, "es"))


def changed(content, **strings):
    """``content`` with some interface strings replaced: changed(c, **{"pages.x.y": "new"})."""
    parts = copy.deepcopy(content.ui.parts)
    for key, text in strings.items():
        *path, last = key.split(".")
        node = parts
        for part in path:
            node = node[part]
        assert last in node, f"no interface string {key}"
        node[last] = text
    return dataclasses.replace(content, ui=Interface(parts))


def link(target: str) -> str:
    return "/" + target


# --- the macros -----------------------------------------------------------------------------

def test_a_changed_pages_string_shows_on_the_rendered_page(content):
    area = content.areas[0]
    mine = changed(content, **{
        "pages.checklist.legend": "Tick list for {area}",
        "pages.at_a_glance.title": "In one look",
        "pages.indicators.indicator_column": "What we look for",
        "pages.assessment.clear": "Start over",
        "pages.combine.results_title": "All your schools",
        "pages.next_moves.hop_span": "a fortnight or so",
    })
    assert f"<legend>Tick list for {area.title}</legend>" in render.checklist(mine, area.id)
    assert ">In one look</h2>" in render.at_a_glance(mine, area.id)
    assert '<th scope="col">What we look for</th>' in render.indicators(mine, area.id, link)
    assert "(a fortnight or so)" in render.next_moves(mine, area.id, link)
    assert ">Start over</button>" in assessment.assessment_form(mine, link)
    assert ">All your schools</h2>" in combine.combine_results(mine, "combine-results.js")
    # ... and the English words are gone with them.
    assert "At a glance" not in render.at_a_glance(mine, area.id)


def test_citations_and_the_fact_register_write_dates_from_the_yaml(content, spanish):
    fact = content.facts.facts[0]
    checked = fact.checked
    english = render.cite(content, fact.id)
    assert f"; checked {checked:%B} {checked.year})" in english
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre"]
    spanish_cite = render.cite(spanish, fact.id)
    assert f"; verificado en {months[checked.month - 1]} de {checked.year})" in spanish_cite
    register = render.fact_register(spanish, {})
    assert f"Verificado el {checked.day} de {months[checked.month - 1]} de {checked.year}." in register
    assert "Checked" not in register and "Source:" not in register


def test_the_spanish_strings_render_every_macro_in_spanish(content, spanish):
    area = content.areas[0]
    assert "De un vistazo" in render.at_a_glance(spanish, area.id)
    assert "Califique cada indicador con" in render.indicators(spanish, area.id, link)
    assert "Su resumen" in assessment.assessment_form(spanish, link)
    assert "Nota sobre la evidencia (opcional)" in assessment.rate_area(spanish, area.id, link)
    assert "Elija archivos, o suéltelos aquí" in combine.combine_results(spanish, "x.js")
    assert "reuniones" in render.meetings_for(spanish, content.sections.sections[0].id, link) or \
        "reunión" in render.meetings_for(spanish, content.sections.sections[0].id, link)


# --- the publishing steps -------------------------------------------------------------------

def test_the_publishing_steps_speak_the_editions_language(content, spanish):
    listed = editions_html("downloads/", "print/", spanish.ui, offline=False, pdf=True, zipped=True)
    assert "Toda la guía en una sola página" in listed and "Toda la guía en PDF" in listed
    aside = history("2026-12-02", spanish.ui)
    assert 'aria-label="Historial de la página"' in aside and "2 de diciembre de 2026" in aside
    # English dates are US English, whatever the process locale.
    assert "December 2, 2026" in history("2026-12-02", content.ui)
    assert ">Índice</h2>" in _toc_html([(0, "a", "A")], "Índice")
    mine = changed(content, **{"publish.editions.print_link": "Everything, on one page"})
    assert ">Everything, on one page</a>" in editions_html("downloads/", "print/", mine.ui,
                                                           offline=True, pdf=False, zipped=False)


def test_the_publish_config_gives_the_language_of_an_inheriting_config(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "mkdocs.es.yml").write_text(
        "INHERIT: mkdocs.yml\nsite_name: Guía de Equidad Digital\ndocs_dir: docs/es\n"
        "theme:\n  language: es\n", encoding="utf-8")
    english, edition = read_config(tmp_path), read_config(tmp_path, "mkdocs.es.yml")
    assert english.language == "en" and edition.language == "es"
    assert edition.site_name == "Guía de Equidad Digital" and edition.docs_dir == tmp_path / "docs" / "es"
    assert edition.nav == english.nav and edition.nav, "the nav is inherited"


def test_every_string_a_script_reads_is_in_scripts_yml():
    """Each `ui.key` (and `ui[key]` of a11y.js) a script reads has its string, so no reader
    ever meets an empty message."""
    data = yaml.safe_load((ROOT / SCRIPTS_UI).read_text(encoding="utf-8"))
    scripts = ROOT / "overrides" / "assets" / "javascripts"
    uses = {"checklists.js": ("checklist", r"(?<![\w/.])ui\.(\w+)"),
            "self-assessment.js": ("assessment", r"(?<![\w/.])ui\.(\w+)"),
            "assessment-summary.js": ("summary", r"(?<![\w/.])ui\.(\w+)"),
            "assessment-files.js": ("files", r"(?<![\w/.])ui\.(\w+)|refuse\(\"(\w+)\""),
            "combine-results.js": ("combine", r"(?<![\w/.])ui\.(\w+)"),
            "a11y.js": ("a11y", r"(?:say|giveName)\((?:\w+, )?\"(\w+)\"")}
    for name, (group, pattern) in uses.items():
        source = (scripts / name).read_text(encoding="utf-8")
        keys = {k for match in re.findall(pattern, source)
                for k in (match if isinstance(match, tuple) else (match,)) if k}
        assert keys, f"{name}: found no strings it reads"
        missing = sorted(keys - set(data[group]))
        assert not missing, f"{name} reads {missing}, which {SCRIPTS_UI} ({group}) lacks"


# --- the browser scripts --------------------------------------------------------------------

@pytest.fixture(scope="module")
def changed_site(tmp_path_factory):
    """A build of a copy of the project whose scripts.yml says other words."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("ui") / "project")
    path = project / SCRIPTS_UI
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["checklist"]["clear"] = "Untick every box"
    data["checklist"]["count"] = "{done} ticked, {total} in all"
    data["assessment"]["saved"] = "Kept in this browser, tick by tick."
    data["assessment"]["cleared"] = "Wiped from this browser."
    data["summary"]["caption"] = "How each area stands"
    data["a11y"]["close_search"] = "Leave the search"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp_path_factory.mktemp("ui-site")
    result = mkdocs_build(project, site, GUIDE_EDITIONS="en")  # an English string changed
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_folder(site) as url:
        yield site, url


@pytest.mark.browser
def test_changed_script_strings_show_in_the_checklist_and_the_self_assessment(browser, changed_site):
    from playwright.sync_api import expect

    site, url = changed_site
    area_page = next(p for p in sorted(Path(site).rglob("index.html"))
                     if 'class="checklist"' in p.read_text(encoding="utf-8"))
    context = browser.new_context()
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("dialog", lambda dialog: dialog.accept())
        page.goto(url + area_page.parent.relative_to(site).as_posix() + "/", wait_until="networkidle")
        fieldset = page.locator("fieldset.checklist").first
        expect(fieldset.get_by_role("button", name="Untick every box")).to_be_visible()
        total = fieldset.locator("input[type=checkbox]").count()
        fieldset.locator("input[type=checkbox]").first.check()
        expect(fieldset.locator('[aria-live="polite"]')).to_have_text(f"1 ticked, {total} in all")

        page.goto(url + "getting-started/online-self-assessment/", wait_until="networkidle")
        expect(page.locator("#sa-saved")).to_have_text("Kept in this browser, tick by tick.")
        expect(page.locator("#sa-table-caption")).to_have_text("How each area stands")
        page.get_by_role("button", name="Clear all ratings").click()
        expect(page.locator("#sa-status")).to_have_text("Wiped from this browser.")
        # a11y.js's words come from the same file, through the page's <html> element.
        names = json.loads(page.locator("html").get_attribute("data-guide-ui"))
        assert names["a11y"]["close_search"] == "Leave the search"
    finally:
        context.close()
    assert not errors, errors


def test_a_page_carries_only_the_strings_of_its_own_tools(content):
    area = content.areas[0]
    checklist = render.checklist(content, area.id)
    groups = json.loads(html.unescape(re.search(r'data-ui="([^"]*)"', checklist).group(1)))
    assert set(groups) == {"checklist"}
    rating = assessment.rate_area(content, area.id, link)
    groups = json.loads(html.unescape(re.search(r'data-ui="([^"]*)"', rating).group(1)))
    assert set(groups) == {"assessment"}
