"""The speed budgets hold when the guide grows: a copy of the guide with twice the areas
(every area file copied with new ids and a new page in the menu; each area's rating page
is made by macros/rating_pages.py)
keeps every page within the budgets of tests/test_performance.py: a first visit at most
100 KiB, a second page at most 20 KiB. An editor who adds areas never meets a budget test
they cannot fix."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, mkdocs_build, site_pages

sys.path.insert(0, str(ROOT / "benchmarks"))
from serving import serve, visit  # noqa: E402
from test_performance import EXEMPT, FIRST_VISIT, SECOND_PAGE  # noqa: E402

SUFFIX = "-again"
RATING = "getting-started/online-self-assessment"


def grow(project: Path) -> int:
    """Copy every area (data, page, menu line) under a new id, in the English edition and in
    the Spanish one (which must keep the same ids); returns how many."""
    for folder, config_name in (("", "mkdocs.yml"), ("es", "mkdocs.es.yml")):
        added = _grow_edition(project, folder, config_name)
    return added


def _grow_edition(project: Path, folder: str, config_name: str) -> int:
    data = project / "content_data" / folder / "areas"
    docs = project / "docs" / folder
    config = (project / config_name).read_text(encoding="utf-8")
    originals = sorted(data.glob("*.yml"))
    for path in originals:
        area = yaml.safe_load(path.read_text(encoding="utf-8"))
        area.pop("source_hash", None)
        old_id, old_page = area["id"], area["page"]
        new_id = old_id + SUFFIX
        new_page = old_page.removesuffix(".md") + SUFFIX + ".md"
        area.update(id=new_id, title=area["title"] + " again", order=area["order"] + 100, page=new_page)
        for indicator in area["indicators"]:
            indicator["id"] += SUFFIX
        (data / f"{new_id}.yml").write_text(yaml.safe_dump(area, sort_keys=False, allow_unicode=True),
                                             encoding="utf-8")
        text = (docs / old_page).read_text(encoding="utf-8")
        (docs / new_page).write_text(text.replace(f"('{old_id}')", f"('{new_id}')"), encoding="utf-8")
        # Its rating page, as an editor adds it (./run check prints these lines).
        from macros.rating_pages import page_markdown
        (docs / RATING / f"{new_id}.md").write_text(page_markdown(new_id, area["title"]),
                                                    encoding="utf-8")
        # A menu line "- Title: page.md" (English) or "- page.md" (Spanish: the page's title).
        line = re.search(rf"^( +)- (?:([^\n:]+): )?{re.escape(old_page)}$", config, re.M)
        assert line, f"{old_page} is not in the menu of {config_name}"
        title = f"{line.group(2)} again: " if line.group(2) else ""
        config = config.replace(line.group(0), line.group(0) + f"\n{line.group(1)}- {title}{new_page}")
    (project / config_name).write_text(config, encoding="utf-8")
    return len(originals)


@pytest.fixture(scope="module")
def grown_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("grown") / "project")
    added = grow(project)
    site = tmp_path_factory.mktemp("grown-site")
    # The English edition's pages are visited; the Spanish edition grows too (it must keep
    # the same ids), and its pages are the same size, so building it adds only time.
    result = mkdocs_build(project, site, GUIDE_EDITIONS="en")
    assert result.returncode == 0, f"the grown guide does not build:\n{result.stdout}\n{result.stderr}"
    from macros.loader import load_content

    content = load_content(project, project / "docs")
    assert len(content.areas) == 2 * added
    return site, content


@pytest.mark.browser
def test_with_twice_the_areas_every_page_fits_the_budgets(browser, grown_site):
    site, content = grown_site
    pages = [p for p in site_pages(site) if p not in EXEMPT]
    assert len([p for p in pages if p.startswith(RATING + "/") and p != RATING + "/"]) == len(content.areas)
    over, report, firsts = [], [], []
    with serve(site) as served:
        for path in pages:
            context = browser.new_context()
            first = visit(context.new_page(), served, path, settle=0.2)
            context.close()
            firsts.append(f"{first.bytes / 1024:6.1f} KiB  /{path}")
            if first.bytes > FIRST_VISIT:
                over.append(f"first visit to /{path}: {first.bytes / 1024:.1f} KiB")
            assert not first.foreign(), first.foreign()
        context = browser.new_context()
        page = context.new_page()
        visit(page, served, "conditions/vision/", settle=0.2)
        for path in pages:
            second = visit(page, served, path, settle=0.2)
            report.append(f"{second.bytes / 1024:6.1f} KiB  /{path}")
            if second.bytes > SECOND_PAGE:
                over.append(f"second page /{path}: {second.bytes / 1024:.1f} KiB\n{second.table()}")
        context.close()
    print(f"{len(content.areas)} areas, {sum(len(a.indicators) for a in content.areas)} indicators, "
          f"{len(pages)} pages; as a second page:")
    print("\n".join(sorted(report, reverse=True)[:12]))
    print("as a first visit:")
    print("\n".join(sorted(firsts, reverse=True)[:6]))
    assert not over, "over budget with twice the areas:\n" + "\n".join(over)
