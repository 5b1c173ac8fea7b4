"""Read YAML and remember the line every value came from.

PyYAML's safe loader gives plain data but forgets positions. We compose the node tree
ourselves so each error can point an editor at ``file:line``. Duplicate keys, which
PyYAML silently lets the last one win, are reported here as errors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

Path = tuple  # a path into the data: ("indicators", 2, "levels")


@dataclass
class Located:
    data: object
    lines: dict[Path, int] = field(default_factory=dict)  # path -> 1-based line

    def line_of(self, path: Path) -> int:
        """The line of the deepest part of ``path`` that exists in the file."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.lines:
                return self.lines[path[:cut]]
        return 1


# PyYAML's wording for the commonest slips, with the fix an editor needs.
_HINTS = {
    "mapping values are not allowed here":
        "A colon followed by a space inside text starts a new field: put the whole text in "
        "double quotes.",
    "found character '\\t' that cannot start any token":
        "YAML does not allow tab characters for indentation: use spaces.",
    "found undefined alias":
        "Text starting with '*' is read as a reference: put the whole text in double quotes.",
}


def _hint(problem: str) -> str:
    for start, hint in _HINTS.items():
        if problem.startswith(start):
            return hint
    return "Check the indentation, and put text that contains ': ' or starts with a symbol in " \
           "double quotes."


_FIELD = re.compile(r"^( *)(- +)?([A-Za-z_][\w-]*):( |$)")


def _indent_hint(text: str, line: int) -> str | None:
    """When a field's line is indented more than the field above it, say so: YAML then reads
    it as part of the text above, which quotes do not fix."""
    lines = text.splitlines()
    here = _FIELD.match(lines[line - 1]) if 1 < line <= len(lines) else None
    above_no = next((n for n in range(line - 2, -1, -1) if lines[n].strip()), None)
    above = _FIELD.match(lines[above_no]) if here and above_no is not None else None
    if not above or here.group(2):
        return None
    # The column the fields of the item above start at ("- id:" puts them after "- ").
    extra = len(here.group(1)) - len(above.group(1)) - len(above.group(2) or "")
    if extra <= 0:
        return None
    spaces = f"{extra} space{'s' if extra != 1 else ''}"
    return (f"'{here.group(3)}:' on line {line} is indented {spaces} more than "
            f"'{above.group(3)}:' on line {above_no + 1}: fields of the same item must start in "
            f"the same column, so remove {spaces} before '{here.group(3)}:'.")


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def load(text: str) -> tuple[Located, list[YamlProblem]]:
    """Parse ``text``; raise YamlProblem on a syntax error, return soft problems too."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, {(): 1}), []
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        hint = _indent_hint(text, line) or _hint(err.problem or "")
        raise YamlProblem(line, f"this is not valid YAML: {err.problem or err}. " + hint) from None
    finally:
        loader.dispose()
    located = Located(data)
    problems: list[YamlProblem] = []
    _walk(node, (), located.lines, problems)
    return located, problems


def _walk(node: yaml.Node, path: Path, lines: dict, problems: list) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(YamlProblem(line, f"'{key}' appears twice in the same place "
                                                  f"(first on line {seen[key]}); keep one"))
            seen[key] = line
            _walk(value_node, path + (key,), lines, problems)
            lines[path + (key,)] = line  # point at the key, where an editor looks
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, problems)
