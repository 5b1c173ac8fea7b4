"""Every step after the pages are rendered, in order, over a built site directory.

The MkDocs hooks (macros/mkdocs_hooks.py) call `publish` at the end of each build, and
`python -m macros.publish SITE` (what `./run build zensical` runs) calls it after any
other builder. Each step is a plain function of the site folder, in its own module.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .alternates import link_editions
from .config import SiteConfig, read_config
from ..downloads import registry
from ..theme_markup import fix_theme_markup_in
from .css_trim import purge_and_join_styles
from .downloads import write_downloads
from .editions import fill_in_sizes, list_editions
from .headers import write_headers
from .offline import OFFLINE_ZIP, build_offline_zip
from .page_dates import add_page_dates
from .page_strings import add_page_strings
from .pdf import PRINT_PDF, build_pdf
from .print_edition import PRINT_SOURCE, write_print_edition
from .scripts import speed_up_pages

ENV_ZIP, ENV_PDF = "GUIDE_OFFLINE_ZIP", "GUIDE_PRINT_PDF"


@dataclass
class Options:
    offline: bool = False  # this is the offline copy's own build
    pdf: bool = field(default_factory=lambda: bool(os.environ.get(ENV_PDF)))
    zipped: bool = field(default_factory=lambda: bool(os.environ.get(ENV_ZIP)))


def publish(site: Path, config: SiteConfig | None = None, built: dict[str, bytes] | None = None,
            options: Options | None = None) -> dict[str, Path]:
    """Run every publishing step over `site`; returns the PDF and ZIP it made, if any."""
    site = Path(site)
    config = config or read_config(Path.cwd())
    options = options or Options()
    prepared = _prepared(config)
    ui = prepared.content.ui  # the edition's interface strings (config.language)
    write_downloads(site, built if built is not None else prepared.downloads,
                    {name: d.filename for name, d in registry(prepared.content).items()})
    # First, so every later step (and the print edition) sees the fixed landmarks.
    fix_theme_markup_in(site)
    # The editions list first: the print edition repeats the Downloads page with it.
    list_editions(site, config, ui, offline=options.offline, pdf=options.pdf, zipped=options.zipped)
    write_print_edition(site, config, ui)
    add_page_dates(site, config, ui, skip=(PRINT_SOURCE,))
    add_page_strings(site, prepared.content)
    speed_up_pages(site)
    if not _already_joined(site):
        purge_and_join_styles(site)
    made = {}
    if options.pdf and not options.offline:
        made["pdf"] = build_pdf(site, site / "downloads" / PRINT_PDF, ui)
    if options.zipped and not options.offline:
        made["zip"] = build_offline_zip(site / "downloads" / OFFLINE_ZIP, config.root,
                                        config.config_file)
    fill_in_sizes(site, made, ui)
    link_editions(site, config)
    write_headers(site)  # last: it hashes the final pages' inline scripts
    return made


def _prepared(config: SiteConfig):
    """The checked content and its downloads, built once per process (macros/prepared.py)."""
    from ..prepared import prepare

    return prepare(config.root, config.docs_dir, config.language)


def _already_joined(site: Path) -> bool:
    """True when the stylesheets were joined already: trimming twice would trim our own CSS."""
    home = site / "index.html"
    return home.is_file() and "data-joined=" in home.read_text(encoding="utf-8")
