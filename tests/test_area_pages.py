"""Every area page is something a team can act on from a phone (issue 13).

These read the Markdown and YAML an editor writes; tests/test_phone_layout.py looks at
the built pages in Chromium.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from text_overlap import (INDICATOR_LIMIT, PAGES_FOR_A_FAMILY, area_pages,
                          indicator_overlaps, load_indicators, near_copy_families)

ROOT = Path(__file__).resolve().parent.parent
AREAS = {yaml.safe_load(p.read_text())["id"]: yaml.safe_load(p.read_text())
         for p in sorted((ROOT / "content_data/areas").glob("*.yml"))}
VIGNETTE = re.compile(r"^### Illustrative composite: (.+)$", re.M)
WORDS_PER_MINUTE = 200  # a slow, careful reading pace on a small screen


def page_text(area: dict) -> str:
    return (ROOT / "docs" / area["page"]).read_text(encoding="utf-8")


def sections(text: str) -> dict[str, str]:
    """'## Heading' -> the text under it, up to the next '## '."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


@pytest.mark.parametrize("area_id", AREAS)
def test_the_page_opens_with_the_glance_box_before_its_first_section(area_id):
    text = page_text(AREAS[area_id])
    call = text.find(f"{{{{ at_a_glance('{area_id}') }}}}")
    assert call != -1, f"{AREAS[area_id]['page']}: add {{{{ at_a_glance('{area_id}') }}}} under the title"
    assert call < text.find("\n## "), "the glance box must come before the first section"


@pytest.mark.parametrize("area_id", AREAS)
def test_the_glance_box_reads_in_under_a_minute(area_id):
    glance = AREAS[area_id]["at_a_glance"]
    text = " ".join([glance["about"], *glance["ask_first"], glance["quickest_move"]])
    words = len(text.split())
    assert words <= WORDS_PER_MINUTE * 0.6, f"{area_id}: the glance box has {words} words; keep it under 120"


@pytest.mark.parametrize("area_id", AREAS)
def test_the_page_has_a_part_for_small_districts(area_id):
    parts = sections(page_text(AREAS[area_id]))
    heading = next((h for h in parts if "small district" in h.lower()), None)
    assert heading, f"{AREAS[area_id]['page']}: add a '## In a small district' section"
    assert f"small_districts('{area_id}')" in parts[heading]
    moves = AREAS[area_id]["small_districts"]["moves"]
    named = " ".join(m["who"] for m in moves).lower()
    assert any(word in named for word in ("regional", "esa", "boces", "intermediate", "consorti",
                                          "state", "library")), \
        f"{area_id}: name a regional agency, consortium, state office or library partner"


@pytest.mark.parametrize("area_id", AREAS)
def test_vignettes_are_headings_with_a_figure_and_a_lesson(area_id):
    text = page_text(AREAS[area_id])
    assert "!!! example" not in text, "write vignettes as '### Illustrative composite: Name' headings"
    parts = re.split(r"^### Illustrative composite: .+$", sections(text).get("What it can look like", ""),
                     flags=re.M)[1:]
    assert parts, f"{AREAS[area_id]['page']}: add at least one '### Illustrative composite: Name'"
    for body in parts:
        assert re.search(r"\d", body), "each vignette needs a figure: a cost, a count or a time"


def test_vignette_names_are_distinct_across_the_guide():
    names = [n.strip() for p in (ROOT / "docs").rglob("*.md")
             for n in VIGNETTE.findall(p.read_text(encoding="utf-8"))]
    assert len(names) >= 8
    first_words = [n.split()[0] for n in names]
    repeated = {w for w in first_words if first_words.count(w) > 1}
    assert not repeated, f"vignette names that are easy to confuse: {sorted(repeated)}"


def test_no_indicators_of_different_areas_measure_the_same_thing():
    worst = [o for o in indicator_overlaps(load_indicators()) if o[0] >= INDICATOR_LIMIT]
    assert not worst, "indicators of different areas that share too many words:\n" + "\n".join(
        f"  {share:.0%} {a} / {b} ({level})" for share, a, b, level in worst)


def test_no_sentence_is_near_copied_across_area_pages():
    families = near_copy_families(area_pages())
    assert not families, (f"sentences near-copied on {PAGES_FOR_A_FAMILY}+ area pages; say it "
                          "once on a shared page and link to it:\n" + "\n".join(
                              f"  {s[:90]!r} on {', '.join(p)}" for s, p in families))


def test_the_overlap_measures_can_fail():
    from text_overlap import content_words, jaccard, sentences
    a = content_words("Libraries and community groups help plan the support, and results are shared publicly.")
    b = content_words("Families, libraries and community groups help plan the response, and results are shared publicly.")
    assert jaccard(a, b) >= INDICATOR_LIMIT
    assert len(sentences("Rate each indicator below on the four-level scale we explain there.")) == 1
