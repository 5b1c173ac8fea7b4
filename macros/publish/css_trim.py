"""Speed: one trimmed stylesheet instead of four.

Material's stylesheets are trimmed to the rules this site can use and joined with the
site's own stylesheets into one content-hashed file: about half the bytes, one
render-blocking request instead of four (benchmarks/README.md has the measurements).
CSS is parsed with tinycss2; a rule is dropped only when a class name, id or palette
attribute its selector needs appears nowhere in the built pages or the scripts.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import tinycss2

_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
_THEME = re.compile(r"(?:^|/)(main|palette)\.[0-9a-f]+\.min\.css$")
_THEME_LINK = re.compile(r'href="[^"]*assets/stylesheets/(?:\w+/)?main\.[0-9a-f]+\.min\.css"')
# At-rules whose blocks hold rules that may be trimmed; any other block is kept whole.
_GROUPS = {"media", "supports", "layer", "container"}


def purge_and_join_styles(site: Path) -> str | None:
    """Replace Material's stylesheets and the site's extra stylesheets (those in the same
    folder) by one file, `assets/stylesheets/main.<hash>.min.css`; returns its name."""
    folder = site / "assets" / "stylesheets"
    texts = {p: p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}
    names = _stylesheets(texts.values(), folder)
    if not names:
        return None
    theme = [n for n in names if _THEME.search(n)]
    words, attrs = used_names(texts.values(), site)
    material = "".join((folder / n).read_text(encoding="utf-8") for n in theme)
    kept = trim_css(material, words, attrs, "".join(texts.values()) + _script_text(site))
    extra = "".join("\n" + (folder / n).read_text(encoding="utf-8")
                    for n in names if n not in theme and (folder / n).is_file())
    css = kept + extra
    joined = f"main.{hashlib.sha256(css.encode('utf-8')).hexdigest()[:8]}.min.css"
    (folder / joined).write_text(css, encoding="utf-8")
    for path, text in texts.items():
        relinked = _relink(text, names, joined)
        if relinked != text:
            path.write_text(relinked, encoding="utf-8")
    return joined


def _stylesheets(texts, folder: Path) -> list[str]:
    """The stylesheets of the first page that has any, Material's then extra_css, as paths
    under assets/stylesheets/ (Zensical puts Material's in a classic/ or modern/ folder)."""
    first = next((t for t in texts if _THEME_LINK.search(t)), None)
    if first is None:
        return []
    names = [name for name in map(_under_folder, _LINK.findall(first))
             if name and name != "print-edition.css"]
    return names if names and (folder / names[0]).is_file() else []


def _under_folder(href: str) -> str | None:
    """'../assets/stylesheets/classic/main.x.min.css' -> 'classic/main.x.min.css'."""
    before, found, after = href.rpartition("assets/stylesheets/")
    return after if found and (not before or before.endswith("/")) else None


def _relink(text: str, names: list[str], joined: str) -> str:
    links = [m for m in _LINK.finditer(text) if _under_folder(m.group(1)) in names]
    if not links:
        return text
    href = links[0].group(1)
    prefix = href[:href.rindex("assets/stylesheets/")] + "assets/stylesheets"
    # data-joined names what the file holds, for people reading the page source.
    joined_from = " ".join(f"assets/stylesheets/{n}" for n in names)
    first_link = f'<link rel="stylesheet" href="{prefix}/{joined}" data-joined="{joined_from}">'
    out, last = [], 0
    for i, m in enumerate(links):
        out += [text[last:m.start()], first_link if i == 0 else ""]
        last = m.end()
    return "".join(out) + text[last:]


def _script_text(site: Path) -> str:
    folder = site / "assets" / "javascripts"
    return "".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in folder.rglob("*.js") if "lunr" not in p.parts) if folder.is_dir() else ""


def used_names(texts, site: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """Class names and ids the pages use or the scripts may add, and palette attributes."""
    words: set[str] = {"js", "no-js", "focus-visible"}
    attrs: set[tuple[str, str]] = set()
    for text in texts:
        for value in re.findall(r'\b(?:class|id)="([^"]*)"', text):
            words.update(value.split())
        attrs.update(re.findall(r'(data-md-color-[a-z]+)="([^"]+)"', text))
    # The theme's scripts add class names of their own, all named md-...; ours may add any
    # name they hold in a string.
    for path in (site / "assets" / "javascripts").rglob("*.js"):
        if "lunr" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.name.startswith(("bundle.", "search.")) or "workers" in path.parts:
            words.update(re.findall(r"md-[\w-]+", text))
            continue
        for literal in re.findall(r'"([^"\\\n]*)"|\'([^\'\\\n]*)\'|`([^`]*)`', text):
            words.update(re.findall(r"[\w-]+", "".join(literal)))
    return words, attrs


# --- the trimming itself, over tinycss2's tree --------------------------------------------

def trim_css(css: str, words: set[str], attrs: set[tuple[str, str]], elsewhere: str = "") -> str:
    """Keep the rules whose selectors may match, then drop custom properties (--name) that
    nothing reads: no var() in the kept CSS, no mention in `elsewhere` (pages, scripts)."""
    rules = _purge(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True),
                   words, attrs)
    mentioned = set(re.findall(r"--[\w-]+", elsewhere))
    while True:
        unused = _declared(rules) - _read(rules) - mentioned
        if not unused:
            return _serialize(rules)
        rules = _drop_properties(rules, unused)


def _purge(nodes, words, attrs) -> list:
    """[('rule', selectors, declarations) | ('group', prelude, children) | ('raw', text)]"""
    out = []
    for node in nodes:
        if node.type == "qualified-rule":
            kept = [s for s in _selectors(node.prelude) if _may_match(s, words, attrs)]
            if kept:
                out.append(("rule", ",".join(tinycss2.serialize(s).strip() for s in kept),
                            _declarations(node.content)))
        elif node.type == "at-rule" and node.lower_at_keyword in _GROUPS and node.content is not None:
            children = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            out.append(("group", f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}",
                        _purge(children, words, attrs)))
        elif node.type == "at-rule" and node.lower_at_keyword != "charset":
            out.append(("raw", node.serialize()))  # @font-face, @keyframes, @page ...
    return out


def _selectors(prelude) -> list[list]:
    """A selector list split at its top-level commas (those in () and [] are in blocks)."""
    parts: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _may_match(selector: list, words: set[str], attrs: set[tuple[str, str]]) -> bool:
    # What is inside :not(), :is(), :where() and :has() (function blocks) never rules a
    # selector out; a class, an id or a palette attribute that no page has does.
    after_dot = False
    for token in selector:
        if after_dot and token.type == "ident" and token.value not in words:
            return False
        after_dot = token.type == "literal" and token.value == "."
        if token.type == "hash" and token.is_identifier and token.value not in words:
            return False
        if token.type == "[] block" and _palette_attr(token) not in (None, *attrs):
            return False
    return True


def _palette_attr(block) -> tuple[str, str] | None:
    """('data-md-color-scheme', 'slate') for [data-md-color-scheme=slate], else None."""
    tokens = [t for t in block.content if t.type not in ("whitespace", "comment")]
    if (len(tokens) == 3 and tokens[0].type == "ident" and tokens[0].value.startswith("data-md-color-")
            and tokens[1].type == "literal" and tokens[1].value == "="
            and tokens[2].type in ("ident", "string")):
        return tokens[0].value, tokens[2].value
    return None


def _declarations(content) -> list[tuple[str, str]]:
    """(name, 'name:value') for each declaration of a rule, in order."""
    out = []
    for item in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            important = "!important" if item.important else ""
            out.append((item.name, f"{item.name}:{tinycss2.serialize(item.value).strip()}{important}"))
    return out


def _walk_rules(rules):
    for rule in rules:
        if rule[0] == "rule":
            yield rule
        elif rule[0] == "group":
            yield from _walk_rules(rule[2])


def _declared(rules) -> set[str]:
    return {name for rule in _walk_rules(rules) for name, _ in rule[2] if name.startswith("--")}


def _read(rules) -> set[str]:
    text = "".join(d for rule in _walk_rules(rules) for _, d in rule[2])
    text += "".join(r[1] for r in rules if r[0] == "raw")
    return set(re.findall(r"var\(\s*(--[\w-]+)", text))


def _drop_properties(rules, unused: set[str]) -> list:
    out = []
    for rule in rules:
        if rule[0] == "rule":
            kept = [d for d in rule[2] if d[0] not in unused]
            if kept:
                out.append(("rule", rule[1], kept))
        elif rule[0] == "group":
            out.append(("group", rule[1], _drop_properties(rule[2], unused)))
        else:
            out.append(rule)
    return out


def _serialize(rules) -> str:
    out = []
    for rule in rules:
        if rule[0] == "rule":
            out.append(rule[1] + "{" + ";".join(d for _, d in rule[2]) + "}")
        elif rule[0] == "group":
            inner = _serialize(rule[2])
            if inner:
                out.append(rule[1] + "{" + inner + "}")
        else:
            out.append(rule[1])
    return "".join(out)
