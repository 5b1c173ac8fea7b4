"""The guide's interface strings: every label, heading and message that Python, the theme
or the browser scripts show, kept in YAML so each edition has them in its own language.

English: content_data/interface/<part>.yml; Spanish: content_data/es/interface/<part>.yml
(the same keys: translations.check_parity). A part is a mapping of keys to strings, nested
as deep as is useful. Code asks for ``content.ui("part.key.subkey", name=value)``; a
string may hold ``{name}`` placeholders, filled in by str.format.
"""
from __future__ import annotations

from pathlib import Path

from .errors import Problem, field_path
from .text_rules import check_text
from .yaml_lines import Located, YamlProblem, load

FOLDER = "interface"


class Interface:
    def __init__(self, parts: dict[str, dict]):
        self.parts = parts

    def __call__(self, key: str, **values) -> str:
        text = self.lookup(key)
        if not isinstance(text, str):
            raise KeyError(f"'{key}' is a group of interface strings, not one string")
        return text.format(**values) if values else text

    def lookup(self, key: str):
        node: object = self.parts
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"there is no interface string '{key}' in "
                               f"content_data/{FOLDER}/{key.split('.')[0]}.yml")
            node = node[part]
        return node

    def part(self, key: str) -> dict:
        """A group of strings, e.g. to hand to a browser script as JSON."""
        node = self.lookup(key)
        if not isinstance(node, dict):
            raise KeyError(f"'{key}' is one string, not a group")
        return node


def load_interface(data_dir: Path, root: Path, problems: list[Problem]) -> Interface:
    parts: dict[str, dict] = {}
    for path in sorted((Path(data_dir) / FOLDER).glob("*.yml")):
        rel = path.resolve().relative_to(Path(root).resolve()).as_posix()
        try:
            located, soft = load(path.read_text(encoding="utf-8"))
        except YamlProblem as err:
            problems.append(Problem(rel, err.line, "", err.message))
            continue
        problems += [Problem(rel, p.line, "", p.message) for p in soft]
        if isinstance(located.data, dict):
            located.data.pop("source_hash", None)
        check_text(located.data, (), located, rel, problems)
        _check_strings(located.data, (), located, rel, problems)
        if isinstance(located.data, dict):
            parts[path.stem] = located.data
    return Interface(parts)


def _check_strings(value, path, located: Located, rel: str, problems: list[Problem]) -> None:
    """Every leaf is a non-empty string: a number or an empty value would show as a gap."""
    if isinstance(value, dict) and value:
        for key, item in value.items():
            _check_strings(item, path + (key,), located, rel, problems)
    elif not (isinstance(value, str) and value.strip()):
        problems.append(Problem(rel, located.line_of(path), field_path(path),
                                "expected a non-empty text here (an interface string), or a "
                                "group of them; put the text in double quotes if it starts "
                                "with a special character"))


def interface_for(root: Path, lang: str = "en") -> Interface:
    """An edition's interface strings alone, without the rest of its content (for a
    command-line step that needs a few words); unreadable files are left out."""
    data_dir = Path(root) / "content_data" / ("" if lang == "en" else lang)
    return load_interface(data_dir, root, [])
