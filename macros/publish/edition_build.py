"""Building the translated editions into the English site's folder: site/<lang>/.

`mkdocs build` (and `mkdocs serve`) build the English edition and then, from its hooks,
each translated edition with its own config (mkdocs.<lang>.yml, which INHERITs
mkdocs.yml), in a fresh process so the two builds share no state. The offline copy's
build passes `offline` on, so both editions in the ZIP work from files.
Set GUIDE_EDITIONS=en to build the English edition only (a quicker `mkdocs serve`).
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from ..translations import LANGUAGES

ENV_EDITIONS = "GUIDE_EDITIONS"


class EditionError(Exception):
    """A translated edition did not build; the message holds its build's output."""


def wanted_languages() -> list[str]:
    chosen = os.environ.get(ENV_EDITIONS)
    if not chosen:
        return list(LANGUAGES)
    return [lang for lang in chosen.replace(",", " ").split() if lang in LANGUAGES]


def build_translations(root: Path, site_dir: Path, offline: bool = False) -> None:
    for lang in wanted_languages():
        config = Path(root) / f"mkdocs.{lang}.yml"
        if not config.is_file():
            continue
        command = [sys.executable, "-m", "macros.publish", "build-edition", lang,
                   str(Path(site_dir) / lang)] + (["--offline"] if offline else [])
        result = subprocess.run(command, cwd=root, capture_output=True, text=True,
                                env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        if result.returncode:
            raise EditionError(f"the {lang} edition (mkdocs.{lang}.yml) did not build:\n"
                               + (result.stdout + result.stderr)[-6000:])


def build_edition(root: Path, lang: str, site_dir: Path, offline: bool = False) -> None:
    """One translated edition, strict, in this process (called by build_translations)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from .offline import with_offline_plugin

    # MkDocs' command line would show its warnings; in this process, show them the same way.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    config_file = Path(root) / f"mkdocs.{lang}.yml"
    extra = with_offline_plugin(config_file) if offline else {}
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **extra)
    try:
        build(config)
    except Abort as err:
        raise SystemExit(f"the {lang} edition did not build: {err}") from None
