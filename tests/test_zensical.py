"""The same site built by Zensical (`./run build zensical`): Material's successor reads
mkdocs.yml and runs our macros, and the publishing steps (macros/publish/) run after it.

One Zensical build of a copy of the project per session; each test compares it with the
MkDocs build (`built_site`) or scans it in Chromium. What cannot be the same is listed in
CONTRIBUTING.md, "Building with Zensical".
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, serve_folder, site_pages
from test_accessibility_axe import SCHEMES, sweep

pytestmark = pytest.mark.zensical
ZENSICAL = Path(sys.executable).parent / "zensical"
# What a reader's saved answers and a page's forms hang on: compared page by page.
IDS = re.compile(r'\b(data-area|data-indicator|data-item|data-checklist)="([^"]*)"'
                 r'|<(?:input|textarea|select|fieldset|form)\b[^>]*\bid="([^"]*)"')


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    if not ZENSICAL.exists():
        pytest.fail("Zensical is not installed: ./run test installs it (the test extra)")
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("GUIDE_OFFLINE_ZIP", None)
    env.pop("GUIDE_PRINT_PDF", None)
    for command in ([str(ZENSICAL), "build", "--clean"],
                    [sys.executable, "-m", "macros.publish", "site"],
                    # the Spanish edition, as ./run build zensical builds it
                    [str(ZENSICAL), "build", "-f", "mkdocs.es.yml", "--clean"],
                    [sys.executable, "-m", "macros.publish", "site/es", "mkdocs.es.yml"]):
        result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True,
                                timeout=300)
        assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return project / "site"


@pytest.fixture(scope="module")
def zensical_url(zensical_site):
    with serve_folder(zensical_site) as url:
        yield url


def ids_of(page: Path) -> list[tuple[str, str]]:
    """The ids of the page's own content (the theme's navigation toggles differ by design)."""
    html = page.read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    return sorted((m.group(1) or "id", m.group(2) or m.group(3)) for m in IDS.finditer(article))


def test_zensical_builds_the_same_pages(built_site, zensical_site):
    assert site_pages(zensical_site) == site_pages(built_site)


def test_zensical_pages_carry_the_same_checklists_indicators_and_forms(built_site, zensical_site):
    differ = []
    for path in site_pages(built_site):
        ours, theirs = ids_of(built_site / path / "index.html"), ids_of(zensical_site / path / "index.html")
        if ours != theirs:
            differ.append(f"{path or '/'}: MkDocs {len(ours)} ids, Zensical {len(theirs)}; "
                          f"only in MkDocs {sorted(set(ours) - set(theirs))[:5]}, "
                          f"only in Zensical {sorted(set(theirs) - set(ours))[:5]}")
    assert not differ, "\n".join(differ)
    area = (zensical_site / "conditions" / "vision" / "index.html").read_text(encoding="utf-8")
    assert 'data-area="vision"' in area, "the Vision page has no checklist under Zensical"


def test_zensical_site_has_the_downloads_print_edition_and_headers(built_site, zensical_site):
    for name in ("digital-equity-self-assessment.xlsx",
                 "digital-equity-reflection-planning-workbook.docx"):
        made = zensical_site / "downloads" / name
        assert made.exists(), f"the Zensical build has no downloads/{name}"
        # Reproducible: the same bytes whichever builder ran.
        assert made.read_bytes() == (built_site / "downloads" / name).read_bytes(), name
    printed = (zensical_site / "print" / "index.html").read_text(encoding="utf-8")
    assert printed.count('<section class="print-page"') >= 20, "the print edition is empty"
    assert "data-joined=" in (zensical_site / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in (zensical_site / "_headers").read_text(encoding="utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_zensical_page_passes_axe_and_stays_local(browser, zensical_site, zensical_url, scheme):
    """Every page of both editions, each in one scheme (alternating: half the pages light,
    half dark), so both palettes are checked on every kind of page. The MkDocs build, which
    is what we publish, is swept in full in both schemes (tests/test_accessibility_axe.py);
    this sweep guards the builder we may move to, at half the time."""
    pages = site_pages(zensical_site)[SCHEMES.index(scheme)::2]
    failures, requested_elsewhere = sweep(browser, zensical_url, pages, scheme)
    assert not failures, "\n\n".join(failures)
    assert not requested_elsewhere, "requests to other hosts:\n" + "\n".join(requested_elsewhere)