"""The Spanish edition (/es/, issue 18): same ids as the English, the right language on
every page, a switcher that keeps the reader on the same page, its own search, and a note
when a translation has fallen behind its English source."""
from __future__ import annotations

import json
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import mkdocs_build, site_pages
from support import ROOT

sys.path.insert(0, str(ROOT))
from macros.check import main as check_main  # noqa: E402
from macros.translations import behind, edition_pages, stamp  # noqa: E402

SWITCH = re.compile(r'<a href="([^"]*)" hreflang="([\w-]+)" class="md-select__link"')
NOTE = "guide-translation-note"


def english_pages(site: Path) -> list[str]:
    return [p for p in site_pages(site) if not p.startswith("es/")]


# --- the same pages, the same ids --------------------------------------------------------

def test_every_english_page_has_a_spanish_page():
    english = {p.relative_to(ROOT / "docs").as_posix() for p in edition_pages(ROOT / "docs")}
    spanish = {p.relative_to(ROOT / "docs" / "es").as_posix() for p in (ROOT / "docs" / "es").rglob("*.md")}
    assert english == spanish


def test_no_translation_is_behind_its_english_source():
    assert behind(ROOT, "es") == [], "run ./run translations for the list, then update and stamp"


def test_a_missing_indicator_in_the_spanish_yaml_is_reported_with_file_and_line(project, capsys):
    path = project / "content_data" / "es" / "areas" / "vision.yml"
    data = path.read_text(encoding="utf-8")
    first = re.search(r"^  - id: (vision-\S+)\n", data[data.index("\nindicators:"):], re.M)
    indicator_id = first.group(1)
    path.write_text(data.replace(f"id: {indicator_id}", "id: vision-renamed", 1), encoding="utf-8")
    assert check_main([], root=project) == 1
    err = capsys.readouterr().err
    line = data[:data.index(f"id: {indicator_id}")].count("\n") + 1
    assert f"content_data/es/areas/vision.yml:{line}:" in err
    assert f"must be '{indicator_id}'" in err


def test_an_extra_checklist_item_in_spanish_is_reported(project, capsys):
    path = project / "content_data" / "es" / "areas" / "policy.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["checklist"].append({"id": "policy-extra", "text": "Un punto de más."})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert check_main([], root=project) == 1
    err = capsys.readouterr().err
    assert "content_data/es/areas/policy.yml:" in err
    assert "translate each item, no more and no fewer" in err


def test_a_missing_spanish_yaml_file_is_named(project, capsys):
    (project / "content_data" / "es" / "templates" / "pilot-plan.yml").unlink()
    assert check_main([], root=project) == 1
    assert ("content_data/es/templates/pilot-plan.yml:1: this translation is missing"
            in capsys.readouterr().err)


def test_saved_answers_use_the_same_ids_in_both_editions(built_site):
    ids = re.compile(r'\b(?:data-indicator|data-item)="([^"]+)"')
    for page in ("conditions/vision/", "getting-started/online-self-assessment/vision/"):
        english = ids.findall((built_site / page / "index.html").read_text(encoding="utf-8"))
        spanish = ids.findall((built_site / "es" / page / "index.html").read_text(encoding="utf-8"))
        assert english and english == spanish, page


# --- what a reader sees -------------------------------------------------------------------

def test_every_page_says_its_language(built_site):
    for page in site_pages(built_site):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        lang = "es" if page.startswith("es/") else "en"
        assert f'<html lang="{lang}"' in html, page


def test_every_page_names_its_twin_in_the_other_language(built_site):
    for page in english_pages(built_site):
        for html, here in (((built_site / page / "index.html").read_text(encoding="utf-8"), page),
                           ((built_site / "es" / page / "index.html").read_text(encoding="utf-8"), "es/" + page)):
            assert f'hreflang="en" href="https://digital-equity-guide.github.io/guide/{page}"' in html, here
            assert f'hreflang="es" href="https://digital-equity-guide.github.io/guide/es/{page}"' in html, here
            assert 'hreflang="x-default"' in html, here
            links = dict((lang, href) for href, lang in SWITCH.findall(html))
            base = posixpath.dirname(here.rstrip("/")) if here else ""
            for lang, target in (("en", page), ("es", "es/" + page)):
                resolved = posixpath.normpath(posixpath.join(here or ".", links[lang]))
                assert resolved.strip(".") == target.rstrip("/") or resolved == (target.rstrip("/") or "."), \
                    f"{here}: the {lang} link goes to {links[lang]} (from {base})"


def test_spanish_pages_are_in_spanish_and_use_the_glossary(built_site):
    html = (built_site / "es" / "conditions" / "vision" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    for spanish in ("Lista de verificación", "Inicial", "En desarrollo", "Establecido", "Avanzado"):
        assert spanish in article
    for english in ("Foundational", ">Developing<", "Why it matters"):
        assert english not in article


def test_each_edition_searches_its_own_pages(built_site):
    english = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    spanish = json.loads((built_site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "es" in spanish["config"]["lang"]
    assert not any(doc["location"].startswith("es/") for doc in english["docs"])
    spanish_text = " ".join(doc["text"] for doc in spanish["docs"])
    assert "equidad digital" in spanish_text.lower()
    assert "Why it matters" not in spanish_text


def test_glossary_terms_to_avoid_do_not_appear():
    glossary = yaml.safe_load((ROOT / "content_data" / "es" / "glossary.yml").read_text(encoding="utf-8"))
    avoid = [word for term in glossary["terms"] for word in term.get("avoid", [])]
    files = list((ROOT / "docs" / "es").rglob("*.md")) + list((ROOT / "content_data" / "es").rglob("*.yml"))
    for path in files:
        if path.name == "glossary.yml":
            continue
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\{\{.*?\}\}|\{ *#[^}]*\}|\]\([^)]*\)|^\s*(id|page|url|filename|source_hash):.*$",
                      "", text, flags=re.M | re.S)
        for word in avoid:
            assert not re.search(rf"\b{re.escape(word)}\b", text, re.I), f"{path}: '{word}'"


# --- falling behind -------------------------------------------------------------------------

def test_a_changed_english_page_puts_a_note_on_its_spanish_page(project, tmp_path):
    english = project / "docs" / "conditions" / "vision.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    status = subprocess.run([sys.executable, "-c", "import sys; from macros.translations import main; "
                             "sys.exit(main([]))"], cwd=project,
                            capture_output=True, text=True)
    assert "docs/es/conditions/vision.md: behind docs/conditions/vision.md" in status.stdout
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    stale = (site / "es" / "conditions" / "vision" / "index.html").read_text(encoding="utf-8")
    assert NOTE in stale
    note = stale[stale.index(NOTE):stale.index("</p>", stale.index(NOTE))]
    assert 'href="../../../conditions/vision/" hreflang="en"' in note
    fresh = (site / "es" / "conditions" / "policy" / "index.html").read_text(encoding="utf-8")
    assert NOTE not in fresh
    # Once the translation is updated and stamped, the note goes.
    stamp(project / "docs" / "es" / "conditions" / "vision.md", project, "es")
    assert behind(project, "es") == []


def test_a_page_not_yet_translated_is_not_published_in_spanish(project, tmp_path):
    """What CONTRIBUTING.md asks of an editor who holds a translation back: leave the page
    out of docs/es/ and mkdocs.es.yml, and point Spanish links to it at the English page."""
    (project / "docs" / "es" / "about" / "sources.md").unlink()
    config = project / "mkdocs.es.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      - about/sources.md\n", ""),
                      encoding="utf-8")
    english_page = "https://digital-equity-guide.github.io/guide/about/sources/"
    for page in (project / "docs" / "es").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"\]\((?:\.\./)*(?:about/)?sources\.md(#[^)]*)?\)",
                               lambda m: f"]({english_page}{m.group(1) or ''})", text), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (site / "es" / "about" / "sources").exists()
    english = (site / "about" / "sources" / "index.html").read_text(encoding="utf-8")
    links = dict((lang, href) for href, lang in SWITCH.findall(english))
    assert links["es"] == "../../es/"
    assert "esta página aún no está en español" in english
    assert 'hreflang="es" href=' not in english.split("</head>")[0]


@pytest.mark.browser
def test_the_switcher_keeps_the_reader_on_the_same_page(browser, site_url):
    page = browser.new_page()
    try:
        page.goto(site_url + "conditions/policy/")
        page.locator(".md-select").first.hover()
        page.get_by_role("link", name="Español", exact=True).click()
        page.wait_for_url("**/es/conditions/policy/")
        assert page.locator("html").get_attribute("lang") == "es"
        page.locator(".md-select").first.hover()
        page.get_by_role("link", name="English", exact=True).click()
        page.wait_for_url("**/conditions/policy/")
        assert "/es/" not in page.url
    finally:
        page.close()
