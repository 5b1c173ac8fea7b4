"""The render functions: semantic, accessible HTML, and YAML text always escaped."""
from __future__ import annotations

import dataclasses

from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest

from macros import render
from macros.loader import load_content
from macros.macro_calls import check_page, valid_values

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT, ROOT / "docs")


@pytest.fixture(scope="module")
def area(content):
    return content.areas[0]


def link(target: str) -> str:
    return "/" + target


class Tags(HTMLParser):
    """Collects (tag, attrs) pairs and text, to assert on structure rather than strings."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag):
        return [attrs for t, attrs in self.tags if t == tag]


def test_inline_escapes_html_and_keeps_simple_markdown():
    out = render.inline('<script>alert("x")</script> *calm* **bold** [NDIA](https://www.digitalinclusion.org/)')
    assert "<script>" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
    assert "<em>calm</em>" in out and "<strong>bold</strong>" in out
    assert '<a href="https://www.digitalinclusion.org/">NDIA</a>' in out


def test_inline_refuses_non_https_links():
    out = render.inline("[x](javascript:alert(1)) [y](http://example.org)")
    assert "<a" not in out


def test_script_in_yaml_comes_out_as_text(content, area):
    evil = area.model_copy(update={"checklist": (
        area.checklist[0].model_copy(update={"text": "<script>alert(1)</script>"}),)})
    fake = dataclasses.replace(content, areas=(evil,))
    html = render.checklist(fake, evil.id)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_checklist_is_a_fieldset_with_one_labelled_box_per_item(content, area):
    html = render.checklist(content, area.id)
    tags = Tags(html)
    assert tags.all("fieldset")[0]["class"] == "checklist"
    assert len(tags.all("legend")) == 1
    boxes = tags.all("input")
    labels = tags.all("label")
    assert len(boxes) == len(area.checklist) == len(labels)
    assert all(b["type"] == "checkbox" for b in boxes)
    assert [b["id"] for b in boxes] == [lab["for"] for lab in labels]
    assert len({b["id"] for b in boxes}) == len(boxes)
    # Blank lines inside would make Markdown wrap the HTML in paragraphs.
    assert "\n\n" not in html.strip()


def test_indicators_are_a_captioned_table_with_level_headers(content, area):
    html = render.indicators(content, area.id)
    tags = Tags(html)
    assert len(tags.all("table")) == 1 and len(tags.all("caption")) == 1
    cols = [a for a in tags.all("th") if a.get("scope") == "col"]
    assert len(cols) == 1 + len(content.scale.levels)
    rows = [a for a in tags.all("th") if a.get("scope") == "row"]
    assert len(rows) == len(area.indicators)
    text = "".join(tags.text)
    for level in content.scale.levels:
        assert level.label in text
    # The scroll wrapper is a named region keyboard users can focus.
    region = tags.all("div")[0]
    assert region["role"] == "region" and region["tabindex"] == "0" and region["aria-labelledby"]


def test_reflection_questions_and_next_moves(content, area):
    questions = Tags(render.reflection_questions(content, area.id))
    assert len(questions.all("li")) == len(area.reflection_questions)
    moves = Tags(render.next_moves(content, area.id))
    assert [t for t, _ in moves.tags if t == "dt"] == ["dt", "dt", "dt"]
    assert "Hop" in "".join(moves.text) and "Leap" in "".join(moves.text)


def test_area_cards_link_every_area_of_a_section(content):
    html = render.area_cards(content, "conditions", link)
    hrefs = [a["href"] for a in Tags(html).all("a")]
    assert hrefs == ["/" + a.page for a in content.areas_in("conditions")]
    with pytest.raises(KeyError, match="there is no section 'nope'"):
        render.area_cards(content, "nope", link)


def test_unknown_area_id_is_a_clear_error(content):
    with pytest.raises(KeyError, match="there is no area with id 'nope'"):
        render.checklist(content, "nope")


def test_resource_list_anchors_are_resource_ids(content):
    html = render.resource_list(content, link) + render.resource_list(content, link, "research")
    ids = [a["id"] for a in Tags(html).all("li") if "id" in a]
    assert sorted(ids) == sorted(r.id for r in content.resources.resources)
    assert len([r for r in content.resources.resources if r.type == "research"]) >= 8


def test_a_citation_names_the_source_and_the_month_it_was_checked(content):
    fact = content.facts.facts[0]
    html = render.cite(content, fact.id)
    assert f'<a href="{fact.source.url}">' in html
    assert f"checked {fact.checked:%B} {fact.checked.year})" in html
    with pytest.raises(KeyError, match="there is no fact with id 'nope'"):
        render.cite(content, "nope")


def test_the_glance_box_is_a_labeled_section_that_links_to_the_next_moves(content, area):
    html = render.at_a_glance(content, area.id)
    section = Tags(html).all("section")[0]
    assert section["aria-labelledby"] == f"glance-{area.id}"
    assert f'<h2 class="at-a-glance__title" id="glance-{area.id}">At a glance</h2>' in html
    assert len(Tags(html).all("li")) == 3 and 'href="#next-moves"' in html


def test_meetings_for_names_the_meetings_that_rate_a_section(content):
    plan = content.meeting_plan.meetings
    numbers = [str(n) for n, m in enumerate(plan, 1)
               if {a.id for a in content.areas_in("conditions")} & set(m.areas)]
    html = render.meetings_for(content, "conditions", link)
    assert html.endswith(f"meetings {', '.join(numbers[:-1])} and {numbers[-1]}</a>")


@pytest.mark.parametrize("page, message", [
    ("{{ checklist('nope') }}", "checklist('nope'): 'nope' is not a known area id"),
    ("{{ checklst('vision') }}", "there is no macro 'checklst'"),
    ("{{ checklist() }}", "checklist needs exactly one area id"),
    ("{{ area_cards('classrooms') }}", "'classrooms' is not a known section id"),
    ("{{ download_card('spreadsheet') }}", "'spreadsheet' is not a known download name"),
    ("Line one\n\nWe use {{ double braces }} here.", "curly braces here are read as template code"),
    ("Line one\n\nOur {{ budget }} is small.", "'budget' is not a variable or macro"),
])
def test_bad_macro_calls_name_the_line(content, page, message):
    choices = valid_values(content, ["self-assessment", "workbook"])
    found = check_page(jinja2.Environment(), page, "docs/x.md", choices)
    assert len(found) == 1, found
    assert message in found[0].message
    assert found[0].line == page.count("\n") + 1


def test_good_macro_calls_pass(content):
    choices = valid_values(content, ["self-assessment", "workbook"])
    page = "{{ checklist('vision') }}\n{{ scale_table() }}\n{{ page.title }}\n{% raw %}{{ x }}{% endraw %}"
    assert check_page(jinja2.Environment(), page, "docs/x.md", choices) == []
