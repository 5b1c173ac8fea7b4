"""Helpers the tests and the benchmarks share (tests/conftest.py and benchmarks/*.py import
them): where the project is, a private copy of it, the list of built pages, and how to start
Debian's Chromium here."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What a build needs: a copy of these is a whole project that a test or benchmark may change.
PROJECT_PARTS = ["mkdocs.yml", "mkdocs.es.yml", "docs", "content_data", "macros", "overrides"]
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# Chromium here must not try to reach Google's hosts: the network is closed.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-gpu", "--no-first-run", "--disable-quic"]


def copy_project(target: Path, root: Path = ROOT) -> Path:
    """A private copy of the project at `target` (which must not exist yet)."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def site_pages(site: Path) -> list[str]:
    """Every built page, as a path relative to the site root ('' is the home page)."""
    pages = []
    for html in sorted(Path(site).rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages
