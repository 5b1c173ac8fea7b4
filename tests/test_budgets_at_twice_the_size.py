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
    """Copy every area (data, page, menu line) under a new id; returns how many."""
    data = project / "content_data" / "areas"
    docs = project / "docs"
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    originals = sorted(data.glob("*.yml"))
    for path in originals:
        area = yaml.safe_load(path.read_text(encoding="utf-8"))
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
        line = re.search(rf"^( +)- ([^\n:]+): {re.escape(old_page)}$", config, re.M)
        assert line, f"{old_page} is not in the menu"
        config = config.replace(line.group(0), line.group(0) + f"\n{line.group(1)}- {line.group(2)} again: {new_page}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return len(originals)


@pytest.fixture(scope="module")
def grown_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("grown") / "project")
    added = grow(project)
    site = tmp_path_factory.mktemp("grown-site")
    result = mkdocs_build(project, site)
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
