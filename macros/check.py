"""Fast content check without building the site: python -m macros.check

Validates content_data/ and every macro call in docs/ with the same file:line messages
as the build. Exit 0 when clean, 1 when there are problems.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from . import load_checked
from .errors import ContentError

ROOT = Path(__file__).resolve().parent.parent


def main(root: Path = ROOT) -> int:
    start = time.perf_counter()
    try:
        content = load_checked(root, root / "docs")
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
    took = time.perf_counter() - start
    indicators = sum(len(a.indicators) for a in content.areas)
    print(f"content ok: {len(content.areas)} areas, {indicators} indicators, "
          f"{len(content.resources.resources)} resources ({took:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
