"""The real `mkdocs build --strict`: clean on our sources, and an editor's mistake stops it
with file, line and a message, no traceback, and no half-made site."""
from __future__ import annotations

import re

import pytest

from conftest import mkdocs_build, site_pages


def test_strict_build_has_no_warnings(build_output):
    log = build_output.stdout + build_output.stderr
    assert build_output.returncode == 0, log
    assert "WARNING" not in log and "ERROR" not in log, log


def test_every_nav_page_is_built_with_title_and_description(built_site):
    pages = site_pages(built_site)
    titles = set()
    for path in pages:
        if path.startswith("404"):
            continue
        html = (built_site / path / "index.html").read_text()
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        assert title not in titles, f"{path}: the title '{title}' is used twice"
        titles.add(title)
        description = re.search(r'<meta name="description" content="([^"]*)"', html)
        assert description and len(description.group(1)) >= 40, f"{path}: no meta description"
        assert "Macro Rendering Error" not in html and "{{" not in html, path


def test_downloads_are_written_into_the_site(built_site):
    folder = built_site / "downloads"
    assert (folder / "digital-equity-self-assessment.xlsx").stat().st_size > 4000
    assert (folder / "digital-equity-reflection-planning-workbook.docx").stat().st_size > 10000


def break_and_build(project, tmp_path, path: str, old: str, new: str, count: int = 1):
    target = project / path
    text = target.read_text()
    assert old in text, f"test setup: '{old}' not in {path}"
    target.write_text(text.replace(old, new, count))
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    return result, result.stdout + result.stderr, site


def assert_clean_failure(result, log, site, *expected):
    assert result.returncode != 0, log
    assert "Traceback" not in log, log
    for text in expected:
        assert re.search(text, log), f"expected /{text}/ in:\n{log}"
    # Nothing half-made: no page of the guide was written.
    assert not (site / "index.html").exists()


@pytest.mark.parametrize("path, old, new, expected", [
    ("content_data/areas/vision.yml", "section: conditions", "section: condition",
     r"content_data/areas/vision\.yml:\d+: section: 'condition' is not a section"),
    ("content_data/areas/vision.yml", "\n  advanced:", "\n  expert:",
     r"content_data/areas/vision\.yml:\d+: indicators\[\d+\]\.levels: missing 'advanced'"),
    ("content_data/areas/vision.yml", "title:", "title: [oops\nx:",
     r"content_data/areas/vision\.yml:\d+: this is not valid YAML"),
    ("content_data/areas/vision.yml", "summary:", "sumary:",
     r"content_data/areas/vision\.yml:\d+: unknown field 'sumary'"),
    ("content_data/scale.yml", "label: Advanced", "label: [Advanced]",
     r"content_data/scale\.yml:\d+: levels\[3\]\.label: expected text, found a list"),
    ("docs/conditions/vision.md", "checklist('vision')", "checklist('visoin')",
     r"docs/conditions/vision\.md:\d+: checklist\('visoin'\): 'visoin' is not a known area id"),
    ("docs/conditions/vision.md", "\n## ", "\nOur {{ budget }} plan.\n\n## ",
     r"docs/conditions/vision\.md:\d+: 'budget' is not a variable or macro"),
])
def test_editor_mistakes_stop_the_build_cleanly(project, tmp_path, path, old, new, expected):
    if "advanced:" in old:
        # Indent-agnostic: break the first indicator's 'advanced' descriptor.
        text = (project / path).read_text()
        old = re.search(r"\n\s+advanced:", text).group(0)
        new = old.replace("advanced:", "expert:")
    result, log, site = break_and_build(project, tmp_path, path, old, new)
    assert_clean_failure(result, log, site, expected)


def test_broken_internal_link_fails_strict_build(project, tmp_path):
    result, log, site = break_and_build(project, tmp_path, "docs/conditions/vision.md", "\n## ",
                                        "\nSee [policy](policy.md#no-such-heading).\n\n## ")
    assert result.returncode != 0
    assert "does not contain an anchor '#no-such-heading'" in log
