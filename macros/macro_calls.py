"""Check the macro calls in docs/*.md before any page is rendered.

mkdocs-macros reports a bad call with a Python traceback, and only for the first page it
meets. Reading the templates ourselves lets the build (and ``python -m macros.check``)
list every bad call at once, as ``docs/page.md:line: message``.
"""
from __future__ import annotations

import difflib
from pathlib import Path

import jinja2
from jinja2 import nodes

from .errors import Problem
from .loader import Content
# Which argument each macro takes comes from the one list of macros, registry.py.
from .registry import AREA, DOWNLOAD, FACT, NONE, PART, SECTION, SIGNATURES
from .render_toolkit import WORKBOOK_PARTS
from .translations import edition_pages

# Variables mkdocs-macros itself provides to every page.
BUILTINS = {"config", "page", "navigation", "environment", "plugin", "git", "extra",
            "macros_info", "now", "fix_url", "files", "context"}


def valid_values(content: Content, download_names) -> dict:
    return {AREA: [a.id for a in content.areas],
            SECTION: [s.id for s in content.sections.sections],
            DOWNLOAD: list(download_names),
            FACT: [f.id for f in content.facts.facts],
            PART: list(WORKBOOK_PARTS)}


def check_docs(docs_dir: Path, content: Content, download_names, root: Path) -> list[Problem]:
    problems: list[Problem] = []
    env = jinja2.Environment()
    choices = valid_values(content, download_names)
    for path in edition_pages(Path(docs_dir)):
        rel = path.resolve().relative_to(Path(root).resolve()).as_posix()
        problems += check_page(env, path.read_text(encoding="utf-8"), rel, choices)
    # Each area's rating page is a real file (so every builder publishes it): name a missing one.
    from .rating_pages import check_rating_pages
    check_rating_pages([a.id for a in content.areas], {a.id: a.title for a in content.areas},
                       docs_dir, problems, content.ui)
    return problems


def check_page(env: jinja2.Environment, text: str, rel: str, choices: dict) -> list[Problem]:
    try:
        tree = env.parse(text)
    except jinja2.TemplateSyntaxError as err:
        return [Problem(rel, err.lineno or 1, "", f"curly braces here are read as template "
                        f"code and do not parse ({err.message}). To show braces in prose, wrap "
                        "them in {% raw %}...{% endraw %}; to call a macro, write e.g. "
                        "{{ checklist('vision') }}")]
    problems: list[Problem] = []
    called = set()
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name):
            called.add(id(call.node))
            problems += _check_call(call, rel, choices)
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "store"}
    for name in tree.find_all(nodes.Name):
        if (name.ctx == "load" and id(name) not in called and name.name not in BUILTINS
                and name.name not in assigned):
            problems.append(Problem(rel, name.lineno, "", f"'{name.name}' is not a variable or "
                            "macro of this guide; remove the curly braces around it, or use "
                            f"one of: {', '.join(sorted(SIGNATURES))}"))
    return problems


def _check_call(call: nodes.Call, rel: str, choices: dict) -> list[Problem]:
    name = call.node.name
    if name not in SIGNATURES:
        if name in BUILTINS:
            return []
        return [Problem(rel, call.lineno, "", f"there is no macro '{name}'; the macros are: "
                        f"{', '.join(sorted(SIGNATURES))}")]
    kind = SIGNATURES[name]
    args = call.args
    if kind is NONE:
        if args or call.kwargs:
            return [Problem(rel, call.lineno, "", f"{name}() takes no arguments; write {{{{ {name}() }}}}")]
        return []
    example = f"{{{{ {name}('{choices[kind][0]}') }}}}" if choices[kind] else f"{name}(...)"
    if len(args) != 1 or call.kwargs:
        return [Problem(rel, call.lineno, "", f"{name} needs exactly one {kind}, e.g. {example}")]
    arg = args[0]
    if not isinstance(arg, nodes.Const) or not isinstance(arg.value, str):
        return [Problem(rel, call.lineno, "", f"{name} needs a quoted {kind}, e.g. {example}")]
    if arg.value not in choices[kind]:
        close = difflib.get_close_matches(arg.value, choices[kind], n=1)
        if kind == FACT:
            hint = "add the fact to content_data/facts.yml or use the id of one there"
        else:
            hint = f"known: {', '.join(choices[kind])}"
        guess = f"did you mean '{close[0]}'? " if close else ""
        return [Problem(rel, call.lineno, "", f"{name}('{arg.value}'): '{arg.value}' is not a "
                        f"known {kind}; {guess}({hint})")]
    return []


def citations(docs_dir: Path) -> dict[str, list[str]]:
    """Which pages cite each fact: {fact id: [page path relative to docs/, ...]}, in page order.

    Pages that do not parse are skipped here; check_docs reports them.
    """
    env = jinja2.Environment()
    found: dict[str, list[str]] = {}
    for path in edition_pages(Path(docs_dir)):
        try:
            tree = env.parse(path.read_text(encoding="utf-8"))
        except jinja2.TemplateSyntaxError:
            continue
        page = path.relative_to(docs_dir).as_posix()
        for call in tree.find_all(nodes.Call):
            if (isinstance(call.node, nodes.Name) and call.node.name == "cite" and call.args
                    and isinstance(call.args[0], nodes.Const)):
                pages = found.setdefault(call.args[0].value, [])
                if page not in pages:
                    pages.append(page)
    return found


def page_title(path: Path) -> str:
    """A page's title: its front matter 'title:', else its first '# ' heading, else its name."""
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("---"):
        for line in text.split("---", 2)[1].splitlines():
            if line.startswith("title:"):
                return line.split(":", 1)[1].strip().strip("\"'")
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return Path(path).stem
