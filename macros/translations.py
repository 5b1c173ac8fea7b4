"""The guide's other-language editions: where their files live, whether they match the
English ones, and whether they have fallen behind.

An edition in language LANG (for now only "es") mirrors English file for file:
``docs/LANG/<path>.md`` translates ``docs/<path>.md`` and ``content_data/LANG/<path>.yml``
translates ``content_data/<path>.yml``. Each translation records the English text it was
made from as ``source_hash`` (front matter of a page, a top-level key of a YAML file), so
when the English changes the check lists it as behind and the page shows a note.

Parity: a YAML translation has the same keys, the same list lengths, the same ids and the
same non-text values as its English file, so readers' saved answers (keyed by id) work in
both editions. Only text may differ.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import Problem, field_path
from .yaml_lines import Located, YamlProblem, load

LANGUAGES = ("es",)  # each has docs/<lang>/, content_data/<lang>/ and mkdocs.<lang>.yml
HASH_KEY = "source_hash"
# Files that belong to the English edition only (the id lock is shared by all editions).
NOT_TRANSLATED = {"published_ids.yml"}
# Files of an edition that have no English twin.
OWN_FILES = {"glossary.yml"}
# Keys whose string values are ids, references, addresses or dates: equal in every edition
# (unless the value reads as a label: _is_identity).
SAME_IN_EVERY_LANGUAGE = {"id", "page", "section", "topic", "type", "url", "copy_of", "areas",
                          "asked_on", "lead_group", "date", "checked", "review_by", "meeting",
                          "area", "level", "fact", "read"}
PLACEHOLDER = re.compile(r"\{(\w+)\}")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def edition_pages(docs_dir: Path) -> list[Path]:
    """The pages of one edition: docs_dir's Markdown files, without the translated
    editions' folders inside the English docs/."""
    docs_dir = Path(docs_dir)
    return [p for p in sorted(docs_dir.rglob("*.md"))
            if p.relative_to(docs_dir).parts[0] not in LANGUAGES]


def source_hash(path: Path) -> str:
    """The fingerprint of an English file: its data for YAML (so a comment does not count),
    its text for a page."""
    text = Path(path).read_text(encoding="utf-8")
    if path.suffix in (".yml", ".yaml"):
        text = json.dumps(yaml.safe_load(text), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def english_of(path: Path, root: Path, lang: str) -> Path:
    rel = Path(path).resolve().relative_to(Path(root).resolve())
    top, _, *rest = rel.parts
    return Path(root, top, *rest)


def recorded_hash(path: Path) -> str | None:
    text = Path(path).read_text(encoding="utf-8")
    if path.suffix == ".md":
        match = FRONT_MATTER.match(text)
        data = yaml.safe_load(match.group(1)) if match else None
    else:
        data = yaml.safe_load(text)
    return data.get(HASH_KEY) if isinstance(data, dict) else None


@dataclass(frozen=True)
class Behind:
    translation: str  # project-relative path of the translation
    english: str  # ... and of its English source
    missing_hash: bool = False

    def __str__(self) -> str:
        if self.missing_hash:
            return (f"{self.translation}: records no {HASH_KEY}; after checking it against "
                    f"{self.english}, run ./run translations stamp {self.translation}")
        return (f"{self.translation}: behind {self.english}, which changed since it was "
                f"translated; update the translation, then run ./run translations stamp "
                f"{self.translation}")


def translation_files(root: Path, lang: str) -> list[Path]:
    root = Path(root)
    files = sorted((root / "docs" / lang).rglob("*.md"))
    data = root / "content_data" / lang
    files += [p for p in sorted(data.rglob("*.yml")) if p.name not in OWN_FILES]
    return files


def behind(root: Path, lang: str) -> list[Behind]:
    """Translations whose English source changed since they were made."""
    out = []
    for path in translation_files(root, lang):
        english = english_of(path, root, lang)
        if not english.is_file():
            continue  # reported by the parity check
        recorded = recorded_hash(path)
        if recorded != source_hash(english):
            out.append(Behind(_rel(path, root), _rel(english, root), recorded is None))
    return out


def stamp(path: Path, root: Path, lang: str) -> None:
    """Record the current English source's hash in a translation (after updating it)."""
    path = Path(path).resolve()
    digest = source_hash(english_of(path, root, lang))
    text = path.read_text(encoding="utf-8")
    line = f"{HASH_KEY}: {digest}"
    pattern = re.compile(rf"^{HASH_KEY}:.*$", re.M)
    if path.suffix == ".md":
        match = FRONT_MATTER.match(text)
        if match and pattern.search(match.group(1)):
            head = pattern.sub(line, match.group(1), count=1)
            text = f"---\n{head}\n---\n" + text[match.end():]
        elif match:
            text = f"---\n{match.group(1)}\n{line}\n---\n" + text[match.end():]
        else:
            text = f"---\n{line}\n---\n\n" + text
    elif pattern.search(text):
        text = pattern.sub(line, text, count=1)
    else:
        comments = re.match(r"(?:#.*\n)*", text).group(0)
        text = comments + line + "\n" + text[len(comments):]
    path.write_text(text, encoding="utf-8")


# --- parity of YAML --------------------------------------------------------------------

def check_parity(root: Path, lang: str, problems: list[Problem]) -> None:
    """Every English YAML file has a translation with the same structure, and no other."""
    root = Path(root)
    english_dir, lang_dir = root / "content_data", root / "content_data" / lang
    english = {p.relative_to(english_dir) for p in english_dir.rglob("*.yml")
               if not _in_edition(p, english_dir) and p.name not in NOT_TRANSLATED}
    translated = {p.relative_to(lang_dir) for p in lang_dir.rglob("*.yml")
                  if p.name not in OWN_FILES}
    for rel in sorted(english - translated):
        problems.append(Problem(f"content_data/{lang}/{rel.as_posix()}", 1, "",
                                f"this translation is missing: translate content_data/"
                                f"{rel.as_posix()} into it, with the same ids and structure"))
    for rel in sorted(translated - english):
        problems.append(Problem(f"content_data/{lang}/{rel.as_posix()}", 1, "",
                                f"there is no English file content_data/{rel.as_posix()} for "
                                "this translation; rename it to match one, or remove it"))
    for rel in sorted(english & translated):
        _compare_files(english_dir / rel, lang_dir / rel, root, problems)


def _in_edition(path: Path, english_dir: Path) -> bool:
    return path.relative_to(english_dir).parts[0] in LANGUAGES


def _compare_files(english: Path, translation: Path, root: Path, problems) -> None:
    try:
        theirs, _ = load(english.read_text(encoding="utf-8"))
        ours, _ = load(translation.read_text(encoding="utf-8"))
    except (YamlProblem, UnicodeDecodeError):
        return  # the loader reports unreadable files on their own
    if isinstance(ours.data, dict):
        ours.data.pop(HASH_KEY, None)
    rel = _rel(translation, root)
    en_rel = _rel(english, root)
    _compare(theirs.data, ours.data, (), None, ours, rel, en_rel, problems)


def _compare(en, es, path, key, located: Located, rel: str, en_rel: str, problems) -> None:
    def report(message: str) -> None:
        where = field_path(path)
        problems.append(Problem(rel, located.line_of(path), where, message))

    if isinstance(en, dict):
        if not isinstance(es, dict):
            return report(f"expected fields here, as in {en_rel}")
        for missing in [k for k in en if k not in es]:
            report(f"'{missing}' is missing; {en_rel} has it (translate it here)")
        for extra in [k for k in es if k not in en]:
            problems.append(Problem(rel, located.line_of(path + (extra,)), field_path(path + (extra,)),
                                    f"{en_rel} has no '{extra}' here; remove it or fix its name"))
        for k in en:
            if k in es:
                _compare(en[k], es[k], path + (k,), k, located, rel, en_rel, problems)
    elif isinstance(en, list):
        if not isinstance(es, list):
            return report(f"expected a list here, as in {en_rel}")
        if len(en) != len(es):
            return report(f"{len(es)} items, but {en_rel} has {len(en)} here: translate "
                          "each item, no more and no fewer")
        for i, (a, b) in enumerate(zip(en, es)):
            _compare(a, b, path + (i,), key, located, rel, en_rel, problems)
    elif isinstance(en, str) and isinstance(es, str) and not _is_identity(key, en):
        if set(PLACEHOLDER.findall(en)) != set(PLACEHOLDER.findall(es)):
            report(f"the placeholders {sorted(set(PLACEHOLDER.findall(en)))} of {en_rel} must "
                   "appear here too, spelled the same (in braces)")
    elif en != es and key not in ("language", "filename"):
        report(f"must be {en!r}, as in {en_rel} (ids, addresses, dates and numbers are the "
               "same in every language)")


def _is_identity(key, value: str) -> bool:
    """An id, reference, address or date (the same in every language), not a label that
    happens to sit under such a key ('Meeting', 'From the guide page:')."""
    return key in SAME_IN_EVERY_LANGUAGE and " " not in value and not value[:1].isupper()


def _rel(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return str(path)


def main(argv: list[str]) -> int:
    """./run translations [status | stamp FILE...]: which translations are behind their
    English source, or record that FILE now matches its English source."""
    root = Path(__file__).resolve().parent.parent
    if argv[:1] == ["stamp"] and argv[1:]:
        for name in argv[1:]:
            path = (Path.cwd() / name).resolve()
            lang = path.relative_to(root).parts[1]
            stamp(path, root, lang)
            print(f"{name}: stamped with {source_hash(english_of(path, root, lang))}")
        return 0
    if argv[:1] not in ([], ["status"]):
        print(main.__doc__.split(":")[0].strip(), file=sys.stderr)
        return 2
    items = [item for lang in LANGUAGES for item in behind(root, lang)]
    for item in items:
        print(item)
    print(f"{len(items)} translation file(s) behind their English source")
    return 0

