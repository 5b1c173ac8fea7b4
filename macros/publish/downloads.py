"""The companion tools and the toolkit, written next to the pages under site/downloads/."""
from __future__ import annotations

from pathlib import Path

from ..downloads import FOLDER


def write_downloads(site: Path, built: dict[str, bytes], filenames: dict[str, str]) -> list[Path]:
    """Write the bytes macros.downloads.build_all made (byte-identical for the same content).

    ``filenames`` maps each download's name to its file name (macros.downloads.registry).
    """
    written = []
    for name, data in built.items():
        target = site / FOLDER / filenames[name]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written
