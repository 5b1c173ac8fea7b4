"""The register of dated facts (issue 12): validated like the rest of the content, cited on
the pages, listed on the Sources and dates page, and reviewed on time."""
from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from macros import check, load_checked
from macros.errors import ContentError
from macros.loader import load_content
from macros.macro_calls import citations

ROOT = Path(__file__).resolve().parent.parent
CONTENT = load_content(ROOT, ROOT / "docs")
FACTS = CONTENT.facts.facts


@pytest.fixture
def data_root(tmp_path) -> Path:
    shutil.copytree(ROOT / "content_data", tmp_path / "content_data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_checked(root, root / "docs")
    return [str(p) for p in caught.value.problems]


# --- the register itself ------------------------------------------------------------------

def test_the_register_holds_at_least_15_dated_facts_with_real_sources():
    assert len(FACTS) >= 15
    for fact in FACTS:
        assert fact.checked <= date.today(), f"{fact.id}: checked in the future"
        assert "example." not in fact.source.url and "PENDING" not in fact.claim, fact.id
        assert "tech.ed.gov" not in fact.source.url.split("/")[2], \
            f"{fact.id}: tech.ed.gov was taken down; link a stable copy and set copy_of"


def test_every_fact_is_cited_on_a_page_and_every_page_cites_a_known_fact():
    cited = citations(ROOT / "docs")
    known = {f.id for f in FACTS}
    assert not known - set(cited), f"facts no page cites: {sorted(known - set(cited))}"
    assert not set(cited) - known


def test_no_page_links_the_taken_down_office_of_educational_technology_site():
    for path in [*(ROOT / "docs").rglob("*.md"), *(ROOT / "content_data").rglob("*.yml")]:
        assert not re.search(r"https?://tech\.ed\.gov", path.read_text(encoding="utf-8")), path


def test_an_unknown_topic_and_a_review_date_before_the_check_are_refused(data_root):
    facts = data_root / "content_data/facts.yml"
    first = FACTS[0]
    edit(facts, f"topic: {first.topic}", "topic: no-such-topic")
    edit(facts, f"review_by: {first.review_by.isoformat()}", "review_by: 2001-01-01")
    found = problems(data_root)
    assert any(re.match(r"content_data/facts.yml:\d+: facts\[0\]\.topic: 'no-such-topic' is not "
                        r"a topic", p) for p in found), found
    assert any(re.match(r"content_data/facts.yml:\d+: facts\[0\]\.review_by: review_by "
                        r"\(2001-01-01\) must come after checked", p) for p in found), found


def test_a_source_without_an_https_address_is_refused_with_its_line(data_root):
    facts = data_root / "content_data/facts.yml"
    text = facts.read_text(encoding="utf-8")
    quoted = f'url: "{FACTS[0].source.url}"'
    edit(facts, quoted if quoted in text else f"url: {FACTS[0].source.url}",
         "url: www.example.org/report")
    line = next(i for i, text in enumerate(facts.read_text().splitlines(), 1)
                if "www.example.org/report" in text)
    assert (f"content_data/facts.yml:{line}: facts[0].source.url: 'www.example.org/report' is "
            "not a full https:// address") in problems(data_root)


# --- citing facts on pages ------------------------------------------------------------------

def test_an_unknown_fact_id_names_the_page_the_line_and_the_id(data_root):
    page = data_root / "docs/about/index.md"
    lines = page.read_text().count("\n")
    page.write_text(page.read_text() + "\nThe law changed {{ cite('no-such-fact') }}.\n")
    found = problems(data_root)
    assert any(p.startswith(f"docs/about/index.md:{lines + 2}: cite('no-such-fact'): "
                            "'no-such-fact' is not a known fact id") for p in found), found


def test_a_misspelt_fact_id_gets_a_suggestion(data_root):
    page = data_root / "docs/about/index.md"
    wrong = FACTS[0].id[:-1] + "x"
    page.write_text(page.read_text() + f"\nSee {{{{ cite('{wrong}') }}}}.\n")
    assert any(f"did you mean '{FACTS[0].id}'" in p for p in problems(data_root))


def test_a_citation_links_the_source_and_says_when_it_was_checked(built_site):
    fact = FACTS[0]
    page = citations(ROOT / "docs")[fact.id][0]
    html = (built_site / page.removesuffix(".md").removesuffix("index") / "index.html")
    if not html.exists():
        html = built_site / page.removesuffix(".md") / "index.html"
    text = html.read_text(encoding="utf-8")
    month = f"{fact.checked:%B} {fact.checked.year}"
    assert f'<a href="{fact.source.url}">' in text
    assert f"checked {month}" in text


def test_the_sources_page_lists_every_fact_with_its_source_and_dates(built_site):
    text = (built_site / "about/sources/index.html").read_text(encoding="utf-8")
    for fact in FACTS:
        item = re.search(rf'<li class="fact" id="fact-{fact.id}">(.*?)</li>', text, re.S)
        assert item, f"{fact.id} is not on the Sources and dates page"
        assert fact.source.url.replace("&", "&amp;") in item.group(1)
        assert f"Checked {fact.checked:%B} {fact.checked.day}, {fact.checked.year}" in item.group(1)
        assert "Cited on: <a href=" in item.group(1)
    for topic in CONTENT.facts.topics:
        assert f'<h2 id="{topic.id}">' in text


# --- review dates -----------------------------------------------------------------------------

def test_overdue_facts_are_warnings_that_never_block_a_pull_request(capsys):
    later = max(f.review_by for f in FACTS).replace(year=max(f.review_by for f in FACTS).year + 1)
    assert check.main([], today=later) == 0
    err = capsys.readouterr().err
    for fact in FACTS:
        assert f"warning: fact '{fact.id}' was due for review by {fact.review_by}" in err


def test_the_strict_check_fails_when_a_fact_is_overdue(capsys):
    soonest = min(f.review_by for f in FACTS)
    assert check.main(["--strict"], today=soonest) == 0  # due on the day, not yet overdue
    assert check.main(["--strict"], today=date.fromordinal(soonest.toordinal() + 1)) == 1
    assert "overdue for review" in capsys.readouterr().err


def test_an_uncited_fact_is_reported(data_root, capsys):
    fact = FACTS[0]
    for page, _ in [(p, None) for p in citations(data_root / "docs")[fact.id]]:
        path = data_root / "docs" / page
        path.write_text(re.sub(r"\s*\{\{ cite\('" + re.escape(fact.id) + r"'\) \}\}", "",
                               path.read_text()))
    assert check.main([], root=data_root, today=date(2000, 1, 1)) == 0
    assert f"warning: fact '{fact.id}' is not cited on any page" in capsys.readouterr().err
