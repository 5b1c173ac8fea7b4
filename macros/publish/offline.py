"""The offline copy: the whole guide as a ZIP that works from file://, search included.

Material's `offline` plugin makes the file:// links and the search index a page can load
without a server, so the copy is a separate MkDocs build (in a child process, with the
plugin on; macros/mkdocs_hooks.py turns module scripts into classic ones and points the
Web Worker shim at vendor/iframe-worker-shim.js). Then it is zipped reproducibly.
"""
from __future__ import annotations

import io
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ..downloads import FOLDER as DOWNLOADS

ROOT = Path(__file__).resolve().parents[2]
OFFLINE_ZIP = "digital-equity-guide-offline.zip"
ZIP_FOLDER = "digital-equity-guide"
ZIP_DATE = (2024, 1, 1, 0, 0, 0)  # every entry's date: the same bytes for the same site
# What a reader of the offline copy never loads.
_LEFT_OUT = re.compile(r"(.*\.map|_headers|sitemap\.xml(\.gz)?|assets/javascripts/lunr/.*"
                       rf"|{DOWNLOADS}/{re.escape(OFFLINE_ZIP)}.*)")
_THEME_CSS = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css")


class OfflineBuildError(Exception):
    pass


def build_offline_zip(target: Path, root: Path = ROOT, config_file: str = "mkdocs.yml") -> Path:
    """Build the offline copy (a separate MkDocs build in a child process) and zip it."""
    from .config import read_config
    from ..interface import interface_for

    config = read_config(root, config_file)
    readme = interface_for(root, config.language)("publish.offline.readme", title=config.site_name)
    with tempfile.TemporaryDirectory(prefix="guide-offline-") as tmp:
        site = Path(tmp) / "site"
        env = {k: v for k, v in os.environ.items() if k not in ("GUIDE_OFFLINE_ZIP", "GUIDE_PRINT_PDF")}
        env["NO_MKDOCS_2_WARNING"] = "1"
        result = subprocess.run([sys.executable, "-m", "macros.publish", "build-offline", str(site),
                                 config_file],
                                cwd=root, env=env, capture_output=True, text=True)
        if result.returncode:
            raise OfflineBuildError("the offline build failed:\n" + result.stdout + result.stderr)
        return zip_site(site, target, readme)


def build_offline_site(site_dir: Path, root: Path = ROOT, config_file: str = "mkdocs.yml") -> None:
    """Build the guide with Material's offline plugin into site_dir (in this process)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = root / config_file
    config = load_config(str(config_file), site_dir=str(site_dir), **with_offline_plugin(config_file))
    build(config)


def with_offline_plugin(config_file: Path) -> dict:
    """load_config's override of `plugins` that adds Material's offline plugin."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as fd:
        raw = yaml_load(fd)  # follows INHERIT, so a translated edition's plugins too
    plugins = list(raw.get("plugins") or [])
    if isinstance(raw.get("plugins"), dict):
        plugins = [{k: v} for k, v in raw["plugins"].items()]
    return {"plugins": plugins + [{"offline": {"enabled": True}}]}


def zip_site(site: Path, target: Path, readme: str) -> Path:
    """Zip a built offline site, reproducibly, leaving out what a reader never loads."""
    pages = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html"))
    entries = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or _LEFT_OUT.fullmatch(rel):
            continue
        if _THEME_CSS.fullmatch(rel) and not _referenced(pages, rel):
            continue  # Material's own stylesheets, replaced by the joined one
        entries.append((rel, path))
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        info = zipfile.ZipInfo(f"{ZIP_FOLDER}/README.txt", date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, readme)
        for rel, path in entries:
            info = zipfile.ZipInfo(f"{ZIP_FOLDER}/{rel}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    target.write_bytes(buffer.getvalue())
    return target


def _referenced(pages: str, rel: str) -> bool:
    return re.search(r'(?:href|src)="[^"]*' + re.escape(posixpath.basename(rel)) + '"',
                     pages) is not None
