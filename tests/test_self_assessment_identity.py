"""Every self-assessment says whose it is: the school or team, the group that rated (the list
of groups in content_data/assessment.yml) and the date of the cycle, online and in the
Self-Assessment Tool (.xlsx). The browser side is in tests/test_online_self_assessment.py."""
from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from macros.errors import ContentError
from macros.loader import load_content

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT, ROOT / "docs")


@pytest.fixture(scope="module")
def book(content):
    from macros.downloads import self_assessment

    return openpyxl.load_workbook(io.BytesIO(self_assessment.build(content)))


def copy_content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content_data", tmp_path / "content_data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


# --- the list of groups, validated by the loader --------------------------------------------

def test_the_groups_come_from_content_data(content):
    groups = yaml.safe_load((ROOT / "content_data" / "assessment.yml").read_text(encoding="utf-8"))
    assert [g.label for g in content.assessment.groups] == [g["label"] for g in groups["groups"]]
    assert {"Leadership team", "Teachers", "Students", "Families"} <= {g.label for g in content.assessment.groups}
    assert content.assessment.lead_group in [g.id for g in content.assessment.groups]


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(lead_group="principals"), r"content_data/assessment\.yml:\d+: lead_group: 'principals' is not one of the groups"),
    (lambda d: d["groups"][1].update(label="Teachers, aides"), r"content_data/assessment\.yml:\d+: groups\[1\]\.label: 'Teachers, aides' has a comma"),
    (lambda d: d["groups"][2].update(id="teachers"), r"content_data/assessment\.yml:\d+: groups\[2\]\.id: the group id 'teachers' is used twice"),
    (lambda d: d["groups"][0].pop("label"), r"content_data/assessment\.yml:\d+: groups\[0\]: missing 'label'"),
    (lambda d: d.update(groups=[]), r"content_data/assessment\.yml:\d+: groups: must not be empty"),
])
def test_a_mistake_in_the_groups_is_reported_with_file_and_line(tmp_path, change, message):
    root = copy_content(tmp_path)
    edit(root / "content_data" / "assessment.yml", change)
    with pytest.raises(ContentError) as caught:
        load_content(root, root / "docs")
    assert re.search(message, caught.value.report()), caught.value.report()


def test_a_new_area_without_its_rating_page_is_named_with_the_lines_to_add(tmp_path):
    from macros.errors import Problem
    from macros.rating_pages import check_rating_pages, page_markdown

    problems: list[Problem] = []
    check_rating_pages(["vision", "community-partners"],
                       {"community-partners": "Community partners"}, ROOT / "docs", problems)
    assert [p.file for p in problems] == [
        "docs/getting-started/online-self-assessment/community-partners.md"]
    assert page_markdown("community-partners", "Community partners") in problems[0].message
    assert "{{ rate_area('community-partners') }}" in problems[0].message


# --- the spreadsheet ---------------------------------------------------------------------------

def who_labels(content) -> dict[str, str]:
    return {key: content.ui(f"downloads.self_assessment.who.{key}") for key in ("school", "group", "date")}


def test_the_first_sheet_asks_whose_it_is_in_cells_a_team_can_fill_in(content, book):
    from macros.downloads.self_assessment import FORMAT_TEXT

    first = book.worksheets[0]
    cells = {row[0].value: row[1] for row in first.iter_rows(min_col=1, max_col=2) if row[0].value}
    labels = who_labels(content)
    for label in labels.values():
        assert cells[label].protection.locked is False, f"{label} must be editable on the protected sheet"
        assert cells[label].value is None
    assert cells["File format"].value.startswith(FORMAT_TEXT)
    assert "version 2" in FORMAT_TEXT
    rules = {str(dv.sqref): dv for dv in first.data_validations.dataValidation}
    group = rules[cells[labels["group"]].coordinate]
    assert group.type == "list"
    assert group.formula1 == '"' + ",".join(g.label for g in content.assessment.groups) + '"'
    assert rules[cells[labels["date"]].coordinate].type == "date"
    assert cells[labels["date"]].number_format == "yyyy-mm-dd"
    # the Combine and compare results page finds the same cells by the workbook's names
    from macros.downloads.self_assessment import NAMES

    for key, label in labels.items():
        assert book.defined_names[NAMES[key]].attr_text == \
            f"'{first.title}'!${cells[label].column_letter}${cells[label].row}"


def test_the_summary_shows_whose_it_is(content, book):
    from macros.downloads.xlsx_layout import sheet_names

    how_to, summary_name = sheet_names(content)["how_to"], sheet_names(content)["summary"]
    first = book[how_to]
    where = {row[0].value: row[1].coordinate for row in first.iter_rows(min_col=1, max_col=2) if row[0].value}
    summary = book[summary_name]
    labels = who_labels(content).values()
    shown = {a.value: b.value for row in summary.iter_rows() for a, b in zip(row, row[1:]) if a.value in labels}
    for label in labels:
        cell = "$".join(re.match(r"([A-Z]+)(\d+)", where[label]).groups())
        assert shown[label] == f"=IF('{how_to}'!${cell}=\"\",\"(not filled in yet)\",'{how_to}'!${cell})"


def test_the_spreadsheet_is_byte_identical_from_the_same_sources(content):
    from macros.downloads import self_assessment

    assert self_assessment.build(content) == self_assessment.build(load_content(ROOT, ROOT / "docs"))


def test_the_spreadsheet_builder_stays_in_small_modules_named_for_what_they_hold():
    folder = ROOT / "macros" / "downloads"
    for name in ("self_assessment.py", "xlsx_layout.py", "xlsx_rating.py", "xlsx_style.py",
                 "xlsx_summary.py", "xlsx_text.py"):
        lines = len((folder / name).read_text(encoding="utf-8").splitlines())
        assert lines < 400, f"{name} has {lines} lines"
