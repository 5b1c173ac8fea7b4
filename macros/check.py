"""Fast content check without building the site: python -m macros.check [--strict]

Validates content_data/ and every macro call in docs/ with the same file:line messages
as the build. Exit 0 when clean, 1 when there are problems.

It also checks what a build would only catch later, or never: links and anchors between
the pages of docs/ (doc_links.py), and that no published checklist item or indicator id
has gone (published_ids.py; `--record-ids` adds new ids to the lock file). Each translated
edition (docs/<lang>/, content_data/<lang>/) is checked the same way, and its YAML against
the English; translations whose English source changed are listed as warnings.

It also reports, as warnings, facts in content_data/facts.yml that are past their
``review_by`` date and facts that no page cites. Warnings never fail the plain check, so
time passing cannot block an editor's pull request; ``--strict`` (run monthly by
.github/workflows/fact-review.yml) fails when any fact is overdue.
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from .doc_links import check_links
from .errors import ContentError
from .loader import Content
from .macro_calls import citations
from .prepared import load_checked
from .published_ids import LOCK, check_published, record_ids
from .translations import LANGUAGES, behind

ROOT = Path(__file__).resolve().parent.parent
FACTS = "content_data/facts.yml"


def overdue_facts(content: Content, today: date) -> list:
    return [f for f in content.facts.facts if f.review_by < today]


def uncited_facts(content: Content, docs_dir: Path) -> list:
    cited = citations(docs_dir)
    return [f for f in content.facts.facts if f.id not in cited]


def unplanned_areas(content: Content) -> list:
    planned = {a for m in content.meeting_plan.meetings for a in m.areas}
    return [a for a in content.areas if a.id not in planned]


def translated_editions(root: Path) -> list:
    """Each translated edition's content and pages, checked like the English (and its YAML
    against the English: translations.check_parity); raises ContentError."""
    problems = []
    for lang in LANGUAGES:
        docs = root / "docs" / lang
        if docs.is_dir():
            problems += check_links(docs, load_checked(root, docs, lang))
    return problems


def behind_all(root: Path) -> list:
    return [item for lang in LANGUAGES if (root / "docs" / lang).is_dir()
            for item in behind(root, lang)]


def main(argv: list[str] | None = None, root: Path = ROOT, today: date | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run check", description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when any fact is past its review_by date")
    parser.add_argument("--record-ids", action="store_true",
                        help=f"add new checklist item and indicator ids to {LOCK}")
    args = parser.parse_args(argv)
    today = today or date.today()
    start = time.perf_counter()
    try:
        content = load_checked(root, root / "docs")
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
    if args.record_ids:
        print(f"recorded the published ids in {record_ids(content, root)}")
    problems, new_ids = check_published(content, root)
    problems = check_links(root / "docs", content) + problems
    try:
        problems += translated_editions(root)
    except ContentError as err:
        problems += err.problems
    if problems:
        print(ContentError(problems).report(), file=sys.stderr)
        return 1
    took = time.perf_counter() - start
    indicators = sum(len(a.indicators) for a in content.areas)
    print(f"content ok: {len(content.areas)} areas, {indicators} indicators, "
          f"{len(content.resources.resources)} resources, {len(content.facts.facts)} facts "
          f"({took:.2f} s)")
    overdue = overdue_facts(content, today)
    for fact in overdue:
        print(f"warning: fact '{fact.id}' was due for review by {fact.review_by}: check it "
              f"against {fact.source.url}, then update 'checked' and 'review_by' in {FACTS}",
              file=sys.stderr)
    for fact in uncited_facts(content, root / "docs"):
        print(f"warning: fact '{fact.id}' is not cited on any page: cite it with "
              f"{{{{ cite('{fact.id}') }}}} where the guide makes that claim, or remove it "
              f"from {FACTS}", file=sys.stderr)
    for warning in new_ids:
        print(f"warning: {warning}", file=sys.stderr)
    for area in unplanned_areas(content):
        print(f"warning: no meeting in content_data/meeting_plan.yml rates the area "
              f"'{area.id}'; add it to the 'areas' of one meeting so teams know when to rate it",
              file=sys.stderr)
    for item in behind_all(root):
        print(f"warning: {item}", file=sys.stderr)
    if args.strict and overdue:
        print(f"{len(overdue)} fact{'s are' if len(overdue) != 1 else ' is'} overdue for review",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
