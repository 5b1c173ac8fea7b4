"""The ids readers' saved answers hang on, locked in content_data/published_ids.yml.

A reader's check marks on a checklist and ratings in the online self-assessment are saved in
their browser under each checklist item's and indicator's id. Renaming or removing a
published id silently loses those answers, so `./run check` fails when an id in the lock
file is gone, and says how to record a deliberate removal (with a reason) instead.
New ids are listed as a warning until `./run check --record-ids` adds them.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Problem
from .loader import Content

LOCK = "content_data/published_ids.yml"
HEADER = """\
# Published ids: readers' saved checklist check marks and self-assessment ratings are kept in
# their browsers under these ids, so ./run check fails when one of them disappears.
# New ids are added by `./run check --record-ids`. To remove or rename an id on purpose,
# move it from its list to `removed:` with a reason, e.g.
#   removed:
#     - id: vision/old-item-id
#       reason: merged into vision/new-item-id (2026-12); saved check marks on it are lost
"""


def current_ids(content: Content) -> dict[str, list[str]]:
    return {"published_checklist_items": [f"{a.id}/{item.id}" for a in content.areas for item in a.checklist],
            "published_indicators": [i.id for a in content.areas for i in a.indicators]}


def read_lock(root: Path) -> dict:
    path = Path(root) / LOCK
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def check_published(content: Content, root: Path) -> tuple[list[Problem], list[str]]:
    """(problems: published ids that are gone, warnings: ids not yet in the lock)."""
    lock = read_lock(root)
    if not lock:
        return [Problem(LOCK, 1, "", "the lock file of published ids is missing; create it with "
                        "./run check --record-ids")], []
    removed = {entry.get("id") for entry in lock.get("removed") or [] if entry.get("reason")}
    now = current_ids(content)
    problems, warnings = [], []
    for kind, ids in now.items():
        what = "checklist item" if kind == "published_checklist_items" else "indicator"
        for gone in [i for i in lock.get(kind) or [] if i not in ids and i not in removed]:
            problems.append(Problem(LOCK, _line_of(root, gone), "", (
                f"the {what} id '{gone}' is published: readers' saved answers are stored under "
                f"it, and {_where(content, gone)} no longer has it. Put the id back (change the "
                f"text, not the id); or, to remove it on purpose, move it in {LOCK} from "
                f"'{kind}:' to 'removed:' as '- id: {gone}' with 'reason: ...'")))
        warnings += [f"new {what} id '{i}' is not in {LOCK} yet; run ./run check --record-ids "
                     "when it is published" for i in ids if i not in (lock.get(kind) or [])]
    return problems, warnings


def _where(content: Content, gone: str) -> str:
    areas = [a for a in content.areas if gone.startswith((f"{a.id}/", f"{a.id}-"))]
    best = max(areas, key=lambda a: len(a.id), default=None)
    return f"content_data/areas/{best.id}.yml" if best else "no area file"


def record_ids(content: Content, root: Path) -> Path:
    """Add today's ids to the lock file, keeping the published ones and the removals."""
    lock = read_lock(root)
    out = {"removed": lock.get("removed") or []}
    for kind, ids in current_ids(content).items():
        kept = [i for i in lock.get(kind) or [] if i not in {e.get("id") for e in out["removed"]}]
        out[kind] = kept + [i for i in ids if i not in kept]
    path = Path(root) / LOCK
    body = yaml.safe_dump({k: out[k] for k in ("published_checklist_items", "published_indicators", "removed")},
                          sort_keys=False, allow_unicode=True, width=100)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _line_of(root: Path, wanted: str) -> int:
    for number, line in enumerate((Path(root) / LOCK).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip().lstrip("- ").strip("'\"") == wanted:
            return number
    return 1
