"""Word-overlap measures for the content tests: plain functions, no pytest here.

Both tests ask the same question a careful reader asks: do these two pieces of text say
the same thing? We compare sets of content words (lower-case, with common function words
removed), so word order and small edits do not hide a near-copy.

Run it directly for the figures an editor wants while rewriting:
    .venv/bin/python tests/text_overlap.py
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
STOPWORDS = frozenset("""
a an the and or nor but so of to in on for with by at from as is are was were be been being
it its their they them this that these those our we us your you each every all who whom
what which how can could will would should may might must has have had do does did not no
than then into about over under more most such also only just any some one
""".split())

INDICATOR_LIMIT = 0.35   # issue 13: no two indicators of different areas share 35% of words
SENTENCE_SHARE = 0.5     # a sentence is near-copied when half or more of its words recur
SENTENCE_MIN_WORDS = 8
PAGES_FOR_A_FAMILY = 3   # ... on three or more area pages


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(text.lower()) if w not in STOPWORDS)


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def share_of(a: frozenset, b: frozenset) -> float:
    """The share of a's words that b also has."""
    return len(a & b) / len(a) if a else 0.0


# --- indicators -------------------------------------------------------------------------

def load_indicators(root: Path = ROOT) -> list[tuple[str, dict]]:
    out = []
    for path in sorted((root / "content_data/areas").glob("*.yml")):
        area = yaml.safe_load(path.read_text(encoding="utf-8"))
        out += [(area["id"], ind) for ind in area["indicators"]]
    return out


def indicator_overlaps(indicators) -> list[tuple[float, str, str, str]]:
    """(share, indicator a, indicator b, level or 'text') for every pair from different areas,
    highest first. Levels are compared with the same level of the other indicator."""
    pairs = []
    for (area_a, a), (area_b, b) in itertools.combinations(indicators, 2):
        if area_a == area_b:
            continue
        fields = [("text", a["text"], b["text"])]
        fields += [(level, a["levels"][level], b["levels"].get(level, ""))
                   for level in a["levels"]]
        for name, text_a, text_b in fields:
            pairs.append((jaccard(content_words(text_a), content_words(text_b)),
                          a["id"], b["id"], name))
    return sorted(pairs, reverse=True)


# --- hand-written sentences on area pages ---------------------------------------------

MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
LINK = re.compile(r"\]\([^)]*\)")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-Z\"“(])")


def area_pages(root: Path = ROOT) -> dict[str, Path]:
    pages = {}
    for path in sorted((root / "content_data/areas").glob("*.yml")):
        area = yaml.safe_load(path.read_text(encoding="utf-8"))
        pages[area["page"]] = root / "docs" / area["page"]
    return pages


def sentences(markdown: str) -> list[str]:
    text = FRONT_MATTER.sub("", markdown)
    text = LINK.sub("]", MACRO.sub(" ", text))
    out = []
    for block in re.split(r"\n\s*\n|\n\s*[-*] |\n#+ ", text):
        block = " ".join(block.split()).lstrip("#!-* ")
        out += [s for s in SENTENCE_END.split(block)
                if len(WORD.findall(s.lower())) >= SENTENCE_MIN_WORDS]
    return out


def near_copy_families(pages: dict[str, Path]) -> list[tuple[str, list[str]]]:
    """Sentences that have near-copies on two or more other area pages:
    (sentence, the pages it recurs on, its own first)."""
    found = {page: [(s, content_words(s)) for s in sentences(path.read_text(encoding="utf-8"))]
             for page, path in pages.items()}
    families = []
    for page, items in found.items():
        for sentence, words in items:
            if len(words) < 4:
                continue
            others = [other for other, other_items in found.items() if other != page
                      and any(share_of(words, w) >= SENTENCE_SHARE for _, w in other_items)]
            if len(others) + 1 >= PAGES_FOR_A_FAMILY:
                families.append((sentence, [page, *others]))
    return families


if __name__ == "__main__":
    print("Highest indicator overlaps (limit {:.0%}):".format(INDICATOR_LIMIT))
    for share, a, b, level in indicator_overlaps(load_indicators())[:10]:
        print(f"  {share:.0%}  {a} / {b} ({level})")
    families = near_copy_families(area_pages())
    print(f"\nNear-copied sentences on {PAGES_FOR_A_FAMILY}+ area pages: {len(families)}")
    for sentence, pages in families:
        print(f"  {sentence[:100]!r} on {', '.join(pages)}")
