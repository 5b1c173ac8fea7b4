"""The two companion tools, written next to the pages under site/downloads/."""
from __future__ import annotations

from pathlib import Path

from ..downloads import DOWNLOADS


def write_downloads(site: Path, built: dict[str, bytes]) -> list[Path]:
    """Write the bytes macros.downloads.build_all made (byte-identical for the same content)."""
    written = []
    for name, data in built.items():
        target = site / DOWNLOADS[name].path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written
