"""Each page's "last changed" date, from git, written into the built page's footer.

Done over the built site (not in a template) so that either builder gets it. The markup is
what overrides/partials/source-file.html would write: plain text, not only an icon with a
tooltip. A page without git history gets nothing.
"""
from __future__ import annotations

import subprocess
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..interface import Interface
from ..wording import attr_text, full_date, ui_html
from .config import SiteConfig
from ..translations import edition_pages

HISTORY = ('<aside class="md-source-file" aria-label="{label}">\n'
           '<p class="md-source-file__fact">{changed}</p>\n</aside>\n')


@lru_cache(maxsize=None)
def git_date(path: str) -> str | None:
    """The date of the last commit that touched ``path``, or None without git history."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path],
                             cwd=Path(path).parent, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


def readable(iso: str, ui: Interface) -> str:
    """'December 2, 2026', as content_data/interface/pages.yml writes dates (not the locale)."""
    return full_date(ui, date.fromisoformat(iso))


def history(iso: str, ui: Interface) -> str:
    time = f'<time datetime="{iso}">{readable(iso, ui)}</time>'
    return HISTORY.format(label=attr_text(ui("publish.page_dates.label")),
                          changed=ui_html(ui, "publish.page_dates.changed", date=time))


def add_page_dates(site: Path, config: SiteConfig, ui: Interface, skip: tuple[str, ...] = ()) -> int:
    """Write the date into every built page of docs/ that has none yet; returns how many."""
    git_date.cache_clear()  # `mkdocs serve` rebuilds after commits too
    done = 0
    for source in edition_pages(config.docs_dir):
        src = source.relative_to(config.docs_dir).as_posix()
        path = config.html_file(site, config.url_of(src))
        if src in skip or not path.is_file():
            continue
        html = path.read_text(encoding="utf-8")
        iso = git_date(str(source))
        if not iso or 'class="md-source-file"' in html or "</article>" not in html:
            continue
        aside = history(iso, ui)
        at = html.rindex("</article>")
        path.write_text(html[:at] + aside + html[at:], encoding="utf-8")
        done += 1
    return done
