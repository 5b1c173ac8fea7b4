"""Our copies of Material's partials (overrides/partials/) against the installed Material.

Each overridden partial is recorded in tests/material_partials/: the SHA-256 of Material's
own file it was copied from (upstream.json), and our edits to it as a unified diff
(<name>.diff). tests/test_material_drift.py fails when Material's file changes (an upgrade:
look at what changed upstream, carry it into our copy) or when our copy has an edit that is
not recorded. After either, re-record:

    .venv/bin/python tests/material_drift.py --record
"""
from __future__ import annotations

import difflib
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OURS = ROOT / "overrides"
RECORD = Path(__file__).resolve().parent / "material_partials"


def material_templates() -> Path:
    import material

    return Path(material.__file__).resolve().parent / "templates"


def overridden() -> list[str]:
    """Our partials that replace one of Material's, as paths under templates/."""
    theirs = material_templates()
    return sorted(p.relative_to(OURS).as_posix() for p in (OURS / "partials").rglob("*.html")
                  if (theirs / p.relative_to(OURS)).is_file())


def upstream_hash(name: str) -> str:
    return hashlib.sha256((material_templates() / name).read_bytes()).hexdigest()


def our_edits(name: str) -> str:
    theirs = (material_templates() / name).read_text(encoding="utf-8").splitlines(keepends=True)
    ours = (OURS / name).read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(difflib.unified_diff(theirs, ours, f"material/{name}", f"overrides/{name}", n=1))


def diff_file(name: str) -> Path:
    return RECORD / (name.replace("/", "__") + ".diff")


def record() -> None:
    import material

    RECORD.mkdir(exist_ok=True)
    for old in RECORD.glob("*.diff"):
        old.unlink()
    hashes = {name: upstream_hash(name) for name in overridden()}
    for name in hashes:
        diff_file(name).write_text(our_edits(name), encoding="utf-8")
    (RECORD / "upstream.json").write_text(json.dumps(
        {"material": getattr(material, "__version__", "?"), "sha256": hashes}, indent=2) + "\n")
    print(f"recorded {len(hashes)} partials in {RECORD}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--record"]:
        record()
    else:
        print(__doc__)
