"""Links between the pages of docs/, checked without building the site (`./run check`).

A link to a page or file that is not in docs/, or to an anchor the target page does not
have, is reported as `docs/page.md:line: ...`. Anchors come from the page's headings
(slugged as Python-Markdown's toc extension does), explicit `{ #id }` attributes, `id="..."`
in raw HTML, and the HTML that the page's macro calls render (registry.py), so an anchor
such as `resources.md#netp-2024` made by a macro is known too.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import jinja2
from jinja2 import nodes
from markdown.extensions.toc import slugify

from .errors import Problem
from .loader import Content
from .registry import MACROS, Page
from .translations import edition_pages

_LINK = re.compile(r"(?<!!)\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.M)
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")
_HTML_ID = re.compile(r'\bid="([^"]+)"')
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def check_links(docs_dir: Path, content: Content, rel_prefix: str = "docs") -> list[Problem]:
    docs_dir = Path(docs_dir)
    pages = {p.relative_to(docs_dir).as_posix(): p for p in edition_pages(docs_dir)}
    anchors: dict[str, set[str]] = {}
    problems = []
    for src, path in pages.items():
        text = _prose(path.read_text(encoding="utf-8"))
        for line_no, target in _links(text):
            message = _check(src, target, docs_dir, pages, anchors, content)
            if message:
                problems.append(Problem(f"{rel_prefix}/{src}", line_no, "", message))
    return problems


def _prose(text: str) -> str:
    """The page without front matter and fenced code, line numbers kept."""
    blank = lambda m: "\n" * m.group(0).count("\n")  # noqa: E731
    return _FENCE.sub(blank, _FRONT.sub(blank, text))


def _links(text: str):
    for match in _LINK.finditer(text):
        yield text.count("\n", 0, match.start()) + 1, match.group(1)


def _check(src, target, docs_dir, pages, anchors, content) -> str | None:
    if re.match(r"[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//"):
        return None  # another site, mailto: ...
    path, _, anchor = target.partition("#")
    if path.startswith("/"):
        return (f"the link '{target}' starts with '/': write it relative to this page, e.g. "
                f"'{posixpath.relpath(path.lstrip('/') or 'index.md', posixpath.dirname(src) or '.')}'")
    dest = posixpath.normpath(posixpath.join(posixpath.dirname(src), path)) if path else src
    if dest.startswith(".."):
        return f"the link '{target}' points outside docs/"
    if dest not in pages and not (docs_dir / dest).is_file():
        close = [p for p in pages if posixpath.basename(p) == posixpath.basename(dest)]
        hint = f"; did you mean '{posixpath.relpath(close[0], posixpath.dirname(src) or '.')}'?" if close else ""
        return (f"the link '{target}' points to docs/{dest}, which does not exist{hint} "
                "(link a page by its .md file, relative to this page)")
    if anchor and dest in pages:
        if dest not in anchors:
            anchors[dest] = page_anchors(pages[dest], content, docs_dir)
        if anchor not in anchors[dest]:
            return (f"the link '{target}' points to '#{anchor}', which docs/{dest} does not have; "
                    "use the id of one of its headings (shown in the address when you click the "
                    "heading's link in the built site)")
    return None


def page_anchors(path: Path, content: Content, docs_dir: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    prose = _prose(text)
    ids: set[str] = set(_HTML_ID.findall(prose)) | set(_ATTR_ID.findall(prose))
    seen: dict[str, int] = {}
    for _, heading in _HEADING.findall(prose):
        if _ATTR_ID.search(heading):
            continue
        slug = slugify(_plain(heading), "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        ids.add(slug if count == 0 else f"{slug}_{count}")
    return ids | _macro_ids(text, content, docs_dir)


def _plain(heading: str) -> str:
    heading = re.sub(r"\{\{.*?\}\}", "", heading)
    heading = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    return re.sub(r"<[^>]+>|[*_`]", "", heading).strip()


def _macro_ids(text: str, content: Content, docs_dir: Path) -> set[str]:
    """The ids in the HTML of the page's macro calls (rendered with a stand-in page)."""
    try:
        tree = jinja2.Environment().parse(text)
    except jinja2.TemplateSyntaxError:
        return set()  # check_docs reports it
    by_name = {m.name: m for m in MACROS}
    from .downloads import registry

    page = Page(content, _NoBytes(registry(content)), docs_dir, lambda target: target,
                lambda path: path)
    ids: set[str] = set()
    for call in tree.find_all(nodes.Call):
        macro = by_name.get(getattr(call.node, "name", None))
        args = [a.value for a in call.args if isinstance(a, nodes.Const)]
        if macro is None or len(args) != len(call.args):
            continue
        try:
            ids |= set(_HTML_ID.findall(macro.render(page, *args)))
        except (KeyError, TypeError):
            continue  # a bad call: check_docs reports it
    return ids


class _NoBytes(dict):
    """Download sizes do not matter for anchors: every download is empty here."""

    def __init__(self, names):
        super().__init__()
        self.names = list(names)

    def __missing__(self, key):
        return b""

    def items(self):
        return [(name, b"") for name in self.names]
