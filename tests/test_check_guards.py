"""`./run check` (and so pre-commit) guards what editors break, without a build:
links and anchors between pages, published ids, an over-indented YAML line, and relative
links in YAML text. Each test breaks a copy of the content the way an editor might."""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import check  # noqa: E402
from macros.published_ids import LOCK  # noqa: E402

AREA = "content_data/areas/vision.yml"


@pytest.fixture
def data_root(tmp_path) -> Path:
    shutil.copytree(ROOT / "content_data", tmp_path / "content_data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_check(root: Path, capsys, *args: str) -> tuple[int, str]:
    code = check.main(list(args), root=root)
    return code, capsys.readouterr().err


def test_the_real_content_passes(capsys):
    code, err = run_check(ROOT, capsys)
    assert code == 0, err


def test_a_link_to_a_missing_page_fails_with_its_line(data_root, capsys):
    edit(data_root / "docs/conditions/vision.md", "](policy.md)", "](polcy.md)")
    code, err = run_check(data_root, capsys)
    assert code == 1
    assert re.search(r"docs/conditions/vision\.md:\d+: the link 'polcy\.md' points "
                     r"to docs/conditions/polcy\.md, which does not exist", err), err


def test_a_link_to_a_missing_anchor_fails(data_root, capsys):
    page = data_root / "docs/conditions/vision.md"
    edit(page, "](../index.md#three-divides-to-close)", "](../index.md#three-divides)")
    code, err = run_check(data_root, capsys)
    assert code == 1
    assert "points to '#three-divides', which docs/index.md does not have" in err, err


def test_anchors_made_by_macros_are_known(data_root, capsys):
    """resources.md#netp-2024 is an id the resource_list macro writes, not a heading."""
    text = "".join(p.read_text(encoding="utf-8") for p in (data_root / "docs").rglob("*.md"))
    assert "resources.md#netp-2024" in text
    assert run_check(data_root, capsys)[0] == 0


def test_renaming_a_published_checklist_id_fails_until_the_removal_is_recorded(data_root, capsys):
    edit(data_root / AREA, "- id: written-statement", "- id: written-vision")
    code, err = run_check(data_root, capsys)
    assert code == 1
    assert ("the checklist item id 'vision/written-statement' is published: readers' saved "
            "answers are stored under it") in err, err
    assert "content_data/areas/vision.yml no longer has it" in err
    assert "'removed:'" in err and "reason" in err
    # A deliberate removal, recorded with its reason (and made in the Spanish twin too), passes.
    edit(data_root / "content_data" / "es" / "areas" / "vision.yml", "- id: written-statement",
         "- id: written-vision")
    lock = data_root / LOCK
    edit(lock, "removed: []", "removed:\n- id: vision/written-statement\n"
                              "  reason: renamed to vision/written-vision; saved check marks are lost")
    code, err = run_check(data_root, capsys)
    assert code == 0, err
    assert "new checklist item id 'vision/written-vision'" in err  # a warning, not a failure


def test_removing_a_published_indicator_fails(data_root, capsys):
    from macros.loader import load_content

    area = load_content(ROOT).area("vision")
    indicator = area.indicators[-1].id
    edit(data_root / AREA, f"- id: {indicator}", "- id: vision-something-else")
    code, err = run_check(data_root, capsys)
    assert code == 1
    assert f"the indicator id '{indicator}' is published" in err, err


def test_an_over_indented_text_line_gets_indentation_advice(data_root, capsys):
    edit(data_root / AREA, "    text: Our vision for digital equity",
         "      text: Our vision for digital equity")
    code, err = run_check(data_root, capsys)
    assert code == 1
    assert re.search(r"content_data/areas/vision\.yml:\d+: .*'text:' on line \d+ is indented 2 "
                     r"spaces more than 'id:' on line \d+: .* remove 2 spaces before 'text:'", err), err
    assert "double quotes" not in err  # the advice that did not fix it


def test_a_relative_link_in_yaml_text_is_refused(data_root, capsys):
    edit(data_root / AREA, "text: Our vision for digital equity",
         "text: Our [vision](../conditions/vision.md) for digital equity")
    code, err = run_check(data_root, capsys)
    assert code == 1
    assert re.search(r"content_data/areas/vision\.yml:\d+: checklist\[0\]\.text: the link "
                     r"\[vision\]\(\.\./conditions/vision\.md\) is not a full address", err), err
