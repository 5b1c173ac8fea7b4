"""Fixes to the parts of Material's base.html that no template block reaches, applied to
each finished page by the publishing pipeline (macros/publish/pipeline.py), under any builder.

1. The main landmark holds the page's own content only. Material's <main> wraps the menu
   and the table of contents too, so a screen reader's jump to main (and a reader who skips
   there) landed on 35 or more links before the first word of the page (WCAG 1.3.1, 2.4.1).
   Material's <main class="md-main"> becomes a <div> (class, data attribute and layout kept)
   and overrides/main.html's `container` block draws <main> around the content alone.
2. Material's drawer and search toggles are checkboxes with autocomplete="off", which HTML
   allows on text-like fields only (the Nu HTML Checker rejects it). overrides/assets/
   javascripts/a11y.js closes both when a browser restores a checked state on reload.
3. Material's icons are inline <svg>s sized by its stylesheet alone. When the stylesheet
   does not load (a slow or failed request, a reader's own style sheet, reader modes), each
   one filled the window: the logo and the GitHub mark 1264 px wide. Icons with Material's
   24 × 24 viewBox are given width and height attributes of 24 (CSS still sizes them).

Fixes 1 and 2 raise if it finds nothing to change: a Material update that moves the markup
should stop the build, not quietly undo the fix.
"""
from __future__ import annotations

import re

OUTER_MAIN = '<main class="md-main" data-md-component="main">'
OUR_MAIN = '<main class="md-content" data-md-component="content">'
TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                    r'id="__(?:drawer|search)") autocomplete="off">')


ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
SIZED_ICON = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">'


class ThemeMarkupError(Exception):
    """Material's page template no longer has the markup a fix expects."""


def fix_theme_markup(html: str, where: str = "a page") -> str:
    if OUR_MAIN not in html:
        # Not drawn by the guide's templates: a redirect stub, or stock Material in the
        # benchmarks (benchmarks/run.py keeps this hook, not overrides/).
        return html
    if html.count(OUTER_MAIN) != 1 or html.count("</main>") != 2:
        raise ThemeMarkupError(f"{where}: expected Material's one <main class=\"md-main\"> around "
                               "the guide's own <main> (overrides/main.html, block container)")
    html = html.replace(OUTER_MAIN, '<div class="md-main" data-md-component="main">')
    # The outer </main> is the last one: the guide's own closes first, inside it.
    head, _, tail = html.rpartition("</main>")
    html = head + "</div>" + tail
    html, toggles = TOGGLE.subn(r"\1>", html)
    if toggles != 2:
        raise ThemeMarkupError(f"{where}: expected Material's drawer and search toggles "
                               f"with autocomplete=\"off\", found {toggles}")
    return html.replace(ICON, SIZED_ICON)


def fix_theme_markup_in(site) -> None:
    """Apply the fixes to every HTML file of a built site (pages, 404.html, redirect stubs)."""
    from pathlib import Path

    site = Path(site)
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        fixed = fix_theme_markup(text, path.relative_to(site).as_posix())
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
