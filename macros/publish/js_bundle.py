"""ES modules as one classic script, for the offline copy: browsers refuse module scripts
from file:// pages."""
from __future__ import annotations

import re
from pathlib import Path


class BundleError(Exception):
    """A script uses an import or export form the bundler does not understand."""


_IMPORT = re.compile(r"^import\s*\{([^}]*)\}\s*from\s*[\"'](\.{1,2}/[^\"']+)[\"'];?[ \t]*$", re.M)
_EXPORT = re.compile(r"^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)",
                     re.M)


def bundle_module(entry: Path) -> str:
    """One classic script from an ES module and the modules it imports, for file:// pages.

    Each module runs in its own function scope and hands its exports to the modules that
    import them, in dependency order, as the browser would. Only the forms the guide's
    scripts use are understood (`import { a, b as c } from "./x.js"`, `export function`,
    `export const`...); anything else stops the build with a message."""
    order: list[Path] = []
    seen: set[Path] = set()

    def visit(path: Path, trail: tuple):
        if path in trail:
            raise BundleError(f"offline copy: circular import through {path.name}")
        if path in seen:
            return
        text = path.read_text(encoding="utf-8")
        for _names, spec in _IMPORT.findall(text):
            visit((path.parent / spec).resolve(), trail + (path,))
        seen.add(path)
        order.append(path)

    visit(entry.resolve(), ())
    ids = {path: f"__guide_module_{i}" for i, path in enumerate(order)}
    parts = ["/* Made from ES modules by macros/publish/js_bundle.py for the offline copy. */",
             "(function () {"]
    for path in order:
        text = path.read_text(encoding="utf-8")
        leftovers = re.findall(r"^\s*(?:import\b(?!\s*\{[^}]*\}\s*from)|export\s+(?:default|\{|\*))"
                               r"|\bimport\s*\(|\bimport\.meta\b", _IMPORT.sub("", text), re.M)
        if leftovers:
            raise BundleError(f"offline copy: {path.name} uses an import or export form the "
                              f"offline bundler does not know: {leftovers[0].strip()}")
        exports = _EXPORT.findall(text)
        body = _IMPORT.sub(lambda m, folder=path.parent: _imports(m, folder, ids), text)
        body = _EXPORT.sub(lambda m: m.group(0)[len("export "):].lstrip(), body)
        body = re.sub(r"^export\s+", "", body, flags=re.M)
        parts += [f"/* {path.name} */",
                  f"const {ids[path]} = (function () {{",
                  '"use strict";', body,
                  f"return {{ {', '.join(exports)} }};", "})();"]
    parts.append("})();")
    return "\n".join(parts) + "\n"


def _imports(match: re.Match, folder: Path, ids: dict[Path, str]) -> str:
    """`import { a, b as c } from "./x.js"` as `const { a, b: c } = <x's exports>;`"""
    target = (folder / match.group(2)).resolve()
    names = []
    for item in match.group(1).split(","):
        item = item.strip()
        if item:
            source, _, alias = item.partition(" as ")
            names.append(f"{source.strip()}: {alias.strip()}" if alias else source)
    return f"const {{ {', '.join(names)} }} = {ids[target]};"
