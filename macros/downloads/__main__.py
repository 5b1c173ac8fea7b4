"""Write every download without building the site: python -m macros.downloads OUTDIR"""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ContentError
from ..loader import load_content
from . import build_all, registry


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m macros.downloads OUTDIR", file=sys.stderr)
        return 2
    root = Path(__file__).resolve().parents[2]
    try:
        content = load_content(root, root / "docs")
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    downloads = registry(content)
    for name, data in build_all(content).items():
        target = out / downloads[name].filename
        target.write_bytes(data)
        print(f"wrote {target} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
