"""The interface strings every page's own scripts need, written into each built page.

a11y.js names a few of the theme's controls and tables on every page ("Close search",
"Pages in Getting Started"). Its words, the group ``a11y`` of content_data/interface/
scripts.yml in the edition's language, go into the ``data-guide-ui`` attribute of each
page's <html> element: done over the built site, like the page dates, so it is the same
after either builder (a theme template cannot read content_data/ under Zensical), and an
attribute is data, not a script, so the Content-Security-Policy is unchanged. The tools'
own strings come with the tools (macros/scripts_ui.py).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..loader import Content
from ..scripts_ui import ui_data

_HTML_TAG = re.compile(r"<html\b(?![^>]*\bdata-guide-ui=)[^>]*", re.I)


def add_page_strings(site: Path, content: Content) -> int:
    """Add the attribute to every built page that has none yet; returns how many."""
    attribute = " " + ui_data(content, "a11y").replace("data-ui=", "data-guide-ui=", 1)
    done = 0
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        filled = _HTML_TAG.sub(lambda m: m.group(0) + attribute, html, count=1)
        if filled != html:
            path.write_text(filled, encoding="utf-8")
            done += 1
    return done
