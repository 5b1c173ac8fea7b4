"""Loading and validating content_data/: a valid set loads; each editor mistake is reported
with the file, the line, the field and what was expected, all in one run."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.errors import ContentError
from macros.loader import load_content

ROOT = Path(__file__).resolve().parent.parent

# A small, valid area. Line numbers below refer to this text.
AREA = """\
id: sample
title: Sample area
section: conditions
order: 99
page: conditions/vision.md
summary: A sample area used by the tests.
checklist:
  - id: first
    text: The first thing is done.
  - id: second
    text: The second thing is done.
indicators:
  - id: sample-one
    text: Something a visitor can see.
    levels:
      foundational: Nobody does it.
      developing: One school does it.
      established: Every school does it.
      advanced: Every school does it and students review it.
reflection_questions:
  - id: q-one
    text: Who is missing?
next_moves:
  hop: A small step.
  skip: A medium step.
  leap: A large step.
at_a_glance:
  about: What the sample area is about.
  ask_first:
    - First question?
    - Second question?
    - Third question?
  quickest_move: Do one small thing.
small_districts:
  intro: In a small district, borrow capacity.
  moves:
    - {who: Your regional service agency, move: Ask for help.}
    - {who: Your state office, move: Use its template.}
    - {who: Your public library, move: Meet there.}
"""


@pytest.fixture
def data_root(tmp_path) -> Path:
    """A copy of the real content_data/ plus docs/, with the sample area added."""
    shutil.copytree(ROOT / "content_data", tmp_path / "content_data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "content_data/areas/sample.yml").write_text(AREA)
    return tmp_path


def problems_for(root: Path, area_text: str | None = None) -> list[str]:
    if area_text is not None:
        (root / "content_data/areas/sample.yml").write_text(area_text)
    with pytest.raises(ContentError) as caught:
        load_content(root, root / "docs")
    return [str(p) for p in caught.value.problems]


def test_the_real_content_loads_into_typed_objects():
    content = load_content(ROOT, ROOT / "docs")
    assert [s.id for s in content.sections.sections] == ["classroom", "conditions"]
    assert content.scale.level_ids == ["foundational", "developing", "established", "advanced"]
    assert {a.section for a in content.areas} == {"classroom", "conditions"}
    # Areas come out in guide order: by section, then by their order field.
    keys = [([s.id for s in content.sections.sections].index(a.section), a.order) for a in content.areas]
    assert keys == sorted(keys)


def test_a_new_area_needs_only_a_yaml_file(data_root):
    content = load_content(data_root, data_root / "docs")
    sample = content.area("sample")
    assert sample.title == "Sample area"
    assert sample.indicators[0].levels["advanced"].startswith("Every school")
    assert content.areas_in("conditions")[-1].id == "sample"


def test_missing_level_names_file_line_field_and_every_level(data_root):
    text = AREA.replace("      advanced: Every school does it and students review it.\n", "")
    assert problems_for(data_root, text) == [
        "content_data/areas/sample.yml:15: indicators[0].levels: missing 'advanced' (every "
        "indicator needs a descriptor for each of: foundational, developing, established, advanced)"]


def test_level_not_on_the_scale(data_root):
    found = problems_for(data_root, AREA.replace("advanced: Every", "expert: Every"))
    assert ("content_data/areas/sample.yml:19: indicators[0].levels: 'expert' is not a level on "
            "the scale (levels are: foundational, developing, established, advanced; see "
            "content_data/scale.yml)") in found
    assert any("missing 'advanced'" in p for p in found)


def test_yaml_syntax_error_gives_the_line(data_root):
    found = problems_for(data_root, AREA.replace("title: Sample area", "title: [Sample area"))
    assert len(found) == 1
    assert found[0].startswith("content_data/areas/sample.yml:")
    assert "this is not valid YAML" in found[0]
    line = int(found[0].split(":")[1])
    assert 2 <= line <= 4


def test_wrong_type(data_root):
    found = problems_for(data_root, AREA.replace("order: 99", "order: first"))
    assert found == ["content_data/areas/sample.yml:4: order: expected a whole number, found the "
                     "text 'first' (the area's place within its section, 1 first)"]


def test_missing_field(data_root):
    found = problems_for(data_root, AREA.replace("summary: A sample area used by the tests.\n", ""))
    assert found == ["content_data/areas/sample.yml:1: missing 'summary' (summary: one sentence "
                     "that says what the area is about)"]


def test_unknown_field_lists_the_allowed_ones(data_root):
    found = problems_for(data_root, AREA.replace("    text: Who is missing?",
                                                 "    text: Who is missing?\n    colour: blue"))
    assert found == ["content_data/areas/sample.yml:23: reflection_questions[0]: unknown field "
                     "'colour' (allowed here: id, text); check the spelling"]


def test_empty_checklist(data_root):
    text = AREA.replace("""checklist:
  - id: first
    text: The first thing is done.
  - id: second
    text: The second thing is done.
""", "checklist: []\n")
    found = problems_for(data_root, text)
    assert found == ["content_data/areas/sample.yml:7: checklist: must not be empty: add at least "
                     "1 item (the area's checklist items)"]


def test_unknown_section(data_root):
    found = problems_for(data_root, AREA.replace("section: conditions", "section: classrooms"))
    assert found == ["content_data/areas/sample.yml:3: section: 'classrooms' is not a section "
                     "(sections are: classroom, conditions; see content_data/sections.yml)"]


def test_duplicate_id_within_a_file(data_root):
    found = problems_for(data_root, AREA.replace("id: second", "id: first"))
    assert found == ["content_data/areas/sample.yml:10: checklist[1].id: the checklist id 'first' "
                     "is used twice (first on line 8); make each one unique"]


def test_duplicate_indicator_id_across_files(data_root):
    real = load_content(ROOT, ROOT / "docs")
    taken = real.areas[0].indicators[0].id
    found = problems_for(data_root, AREA.replace("id: sample-one", f"id: {taken}"))
    # Whichever file is read second is reported, pointing back at the first.
    assert len(found) == 1
    assert f"indicators[0].id: the indicator id '{taken}' is already used at content_data/areas/" \
        in found[0]
    assert "content_data/areas/sample.yml:13" in found[0]


def test_duplicate_area_id_across_files(data_root):
    (data_root / "content_data/areas/zz-copy.yml").write_text(AREA.replace("order: 99", "order: 98"))
    found = problems_for(data_root)
    assert "content_data/areas/zz-copy.yml:1: id: the area id 'sample' is already used by " \
           "content_data/areas/sample.yml:1; ids must be unique" in found


def test_duplicate_key_is_not_silently_overwritten(data_root):
    found = problems_for(data_root, AREA.replace("order: 99", "order: 99\ntitle: Second title"))
    assert "content_data/areas/sample.yml:5: 'title' appears twice in the same place (first on " \
           "line 2); keep one" in found


def test_html_and_template_code_in_yaml_text_are_refused(data_root):
    text = AREA.replace("text: Who is missing?", "text: Who is <b>missing</b>?") \
               .replace("hop: A small step.", "hop: A {{ small }} step.")
    found = problems_for(data_root, text)
    assert any(p.startswith("content_data/areas/sample.yml:22: reflection_questions[0].text: HTML "
                            "tags are not allowed") for p in found)
    assert any(p.startswith("content_data/areas/sample.yml:24: next_moves.hop: curly-brace "
                            "template code") for p in found)


def test_page_that_does_not_exist(data_root):
    found = problems_for(data_root, AREA.replace("conditions/vision.md", "conditions/nope.md"))
    assert found == ["content_data/areas/sample.yml:5: page: there is no page docs/conditions/"
                     "nope.md; give the path of an existing page relative to docs/"]


def test_resource_pointing_at_an_unknown_area(data_root):
    path = data_root / "content_data/resources.yml"
    path.write_text(path.read_text().rstrip("\n") + """
  - id: extra-resource
    title: An extra resource
    publisher: A publisher
    year: 2024
    url: https://example.org/extra
    note: Why it helps.
    areas: [no-such-area]
""")
    found = problems_for(data_root)
    assert len(found) == 1, found
    assert found[0].startswith("content_data/resources.yml:")
    assert "areas[0]: 'no-such-area' is not an area id" in found[0]


def test_every_problem_is_reported_in_one_run(data_root):
    (data_root / "content_data/scale.yml").write_text(
        (ROOT / "content_data/scale.yml").read_text().replace("label: Developing", "lable: Developing"))
    (data_root / "content_data/areas/other.yml").write_text(
        AREA.replace("id: sample", "id: other").replace("order: 99", "order: 97")
            .replace("id: sample-one", "id: other-one").replace("id: second", "id: first"))
    found = problems_for(data_root, AREA.replace("order: 99", "order: first"))
    files = {p.split(":")[0] for p in found}
    assert files == {"content_data/scale.yml", "content_data/areas/sample.yml",
                     "content_data/areas/other.yml"}
    assert len(found) == 4  # scale: missing label, unknown lable; sample: order; other: duplicate
