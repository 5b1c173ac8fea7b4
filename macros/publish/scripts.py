"""Speed: scripts after the first paint, and whitespace between tags collapsed.

Material's JavaScript bundle and the extra scripts become placeholders that the loader in
overrides/main.html turns back into scripts after the first paint, so the page's text does
not wait for them. benchmarks/README.md has the measurements.
"""
from __future__ import annotations

import re
from pathlib import Path

BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
LATER = '<script type="text/x-guide-later" data-src="{src}"{type}></script>'
LOADER = 'script[type="text/x-guide-later"]'  # what the loader in overrides/main.html looks for
# Scripts that only some pages use, and the markup that shows a page uses them: a page
# without it does not load the script (nor the modules it imports), so every other page is
# lighter on a slow phone.
USED_BY = {"self-assessment.js": re.compile(r'class="assessment[ "][^>]*data-mode='),
           "checklists.js": re.compile(r'<fieldset class="checklist')}
_KEEP = re.compile(r"(<(pre|script|style|textarea)\b.*?</\2>)", re.S | re.I)


def defer_scripts(output: str) -> str:
    """Turn the bundle and the extra scripts after it into placeholders that the loader in
    overrides/main.html replaces with real scripts after the first paint."""
    match = BUNDLE.search(output)
    if not match or LOADER not in output:
        return output
    end = output.index("</body>", match.end())
    tail = re.sub(r"<script\b([^>]*)></script>", _later, output[match.end():end])
    tail = _drop_unused(tail, output)
    bundle = LATER.format(src=match.group(1), type=' data-bundle=""')
    return output[:match.start()] + bundle + tail + output[end:]


def _drop_unused(tail: str, page: str) -> str:
    for script, marker in USED_BY.items():
        if not marker.search(page):
            tail = re.sub(rf'<script type="text/x-guide-later" data-src="[^"]*/{re.escape(script)}"[^>]*></script>\n?',
                          "", tail)
    return tail


def _later(tag: re.Match) -> str:
    attrs = tag.group(1)
    src = re.search(r'\bsrc="([^"]*)"', attrs)
    if not src or re.search(r"\b(async|nomodule)\b", attrs):
        return tag.group(0)  # inline scripts and those that opted out stay as they are
    kind = re.search(r'\btype="([^"]*)"', attrs)
    return LATER.format(src=src.group(1), type=f' data-type="{kind.group(1)}"' if kind else "")


def squeeze(output: str) -> str:
    """Collapse each run of whitespace that holds a line break into one line break, outside
    <pre>, <script>, <style> and <textarea>. Rendering is unchanged: HTML collapses such runs
    to one space anyway."""
    parts = _KEEP.split(output)
    out = []
    for i in range(0, len(parts), 3):
        out.append(re.sub(r"[ \t]*\n\s*", "\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


_COMMENT_LINE = re.compile(r"^[ \t]*//.*\n", re.M)
_INDENT = re.compile(r"^[ \t]+", re.M)


def shrink_script(source: str) -> str | None:
    """Our scripts without their comment lines and indentation: a quarter to two fifths less
    to download, and the same program (a line break stays between the lines that are left).
    None when a line holds an unclosed template literal, whose text may span lines."""
    if any(line.count("`") % 2 for line in source.splitlines()):
        return None
    return _INDENT.sub("", _COMMENT_LINE.sub("", source))


def shrink_scripts(site: Path) -> None:
    """shrink_script over the site's own scripts (Material's are minified already)."""
    folder = site / "assets" / "javascripts"
    for path in sorted(folder.rglob("*.js")) if folder.is_dir() else []:
        if ".min." in path.name:
            continue
        text = path.read_text(encoding="utf-8")
        shrunk = shrink_script(text)
        if shrunk is not None and shrunk != text:
            path.write_text(shrunk, encoding="utf-8")


def speed_up_pages(site: Path) -> None:
    """defer_scripts and squeeze over every page of a built site (idempotent), and our
    scripts shrunk."""
    shrink_scripts(site)
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        done = squeeze(defer_scripts(text))
        if done != text:
            path.write_text(done, encoding="utf-8")
