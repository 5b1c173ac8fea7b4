"""US English spell check for the guide: Hunspell's en_US dictionary (through pyenchant),
a project word list (words.txt) and a list of British forms with their US equivalents
(british.txt).

Each source is first "masked": everything a reader does not see as prose (Markdown syntax,
code, URLs, HTML tags, macro calls, YAML keys and ids) is blanked out with spaces, keeping
the line breaks, so a problem's line number is the line in the file. Then every word left
is checked.
"""
from __future__ import annotations

import bisect
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
WORDS_FILE = HERE / "words.txt"
BRITISH_FILE = HERE / "british.txt"
DEBIAN_PACKAGES = "hunspell-en-us libenchant-2-2"
INSTALL_HINT = (f"the US English dictionary is missing: install the Debian packages "
                f"{DEBIAN_PACKAGES} and the Python package pyenchant (./run test installs them)")

# YAML keys whose values are ids, paths, links or numbers, never prose.
SKIP_KEYS = {"id", "url", "published_checklist_items", "published_indicators", "page", "section", "areas", "year", "order", "topic", "checked",
             "review_by", "date", "read",
             # names of people and organizations, spelled as they spell them
             "authors", "publisher", "short", "copy_of"}
# A published work's title is its publisher's spelling, not ours: a mapping that has a
# `url` is a source, so its `title` is skipped.
SOURCE_KEYS = {"title"}


@dataclass(frozen=True)
class Problem:
    where: str  # "path:line" or "file: sheet 'X' cell B4"
    word: str
    suggestion: str | None
    british: bool = False

    def __str__(self) -> str:
        hint = f"did you mean '{self.suggestion}'?" if self.suggestion else "no suggestion"
        return f"{self.where}: '{self.word}' is not US English; {hint}"


# --- the dictionary and the two lists -----------------------------------------------------

def _lines(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=1)
def dictionary():
    try:
        import enchant
    except ImportError as err:  # pragma: no cover - depends on the machine
        raise RuntimeError(f"{INSTALL_HINT} ({err})") from err
    try:
        return enchant.Dict("en_US")
    except Exception as err:  # enchant.errors.DictNotFoundError, or no libenchant
        raise RuntimeError(f"{INSTALL_HINT} ({err})") from err


@lru_cache(maxsize=1)
def project_words() -> tuple[frozenset[str], frozenset[str]]:
    """(exact, any case): a listed word with a capital letter must match its case (or be
    all capitals); an all-lowercase one matches in any case."""
    exact, anycase = set(), set()
    for word in _lines(WORDS_FILE):
        word = word.replace("\u2019", "'")
        if " " in word:
            continue  # a name of several words: see project_phrases()
        (exact if word != word.lower() else anycase).add(word)
        if word != word.lower():
            exact.add(word.upper())
    return frozenset(exact), frozenset(anycase)


@lru_cache(maxsize=1)
def project_phrases() -> re.Pattern | None:
    """Names of several words (a law, a publication) that may hold a British form, such as
    the Protection of Pupil Rights Amendment: their words are not checked."""
    phrases = sorted((w for w in _lines(WORDS_FILE) if " " in w), key=len, reverse=True)
    if not phrases:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@lru_cache(maxsize=1)
def british_forms() -> tuple[re.Pattern, dict[str, str]]:
    mapping: dict[str, str] = {}
    for line in _lines(BRITISH_FILE):
        british, _, us = line.partition("=")
        british, us = " ".join(british.split()).lower(), us.strip()
        if not british or not us:
            raise ValueError(f"{BRITISH_FILE.name}: expected 'british = us', got {line!r}")
        mapping[british] = us
    phrases = sorted(mapping, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?<![\w'\u2019])(?:{alternatives})(?!\w)", re.IGNORECASE), mapping


def _match_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _in_project(word: str) -> bool:
    exact, anycase = project_words()
    forms = [word]
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("es"):
        forms.append(word[:-2])
    for form in forms:
        if form and (form in exact or form.lower() in anycase):
            return True
    return False


@lru_cache(maxsize=None)
def _known(part: str) -> bool:
    """One word, or one part of a hyphenated word."""
    if part.endswith("'s"):
        part = part[:-2]
    if len(part) < 2 or any(ch.isdigit() for ch in part):
        return True
    return _in_project(part) or dictionary().check(part)


@lru_cache(maxsize=None)
def _suggest(word: str) -> str | None:
    suggestions = dictionary().suggest(word)
    return suggestions[0] if suggestions else None


# --- checking plain text -------------------------------------------------------------------

# Prefixes that Hunspell knows only as part of a word, allowed before a hyphen.
PREFIXES = {"pre", "un"}
WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019-][A-Za-z0-9]+)*")


def check_text(text: str, where) -> list[Problem]:
    """Check prose that has already been masked. ``where(offset)`` names the place."""
    problems: list[tuple[int, Problem]] = []
    pattern, mapping = british_forms()
    phrases = project_phrases()
    names = [m.span() for m in phrases.finditer(text)] if phrases else []
    flagged: list[tuple[int, int]] = list(names)
    for match in pattern.finditer(text):
        if any(a <= match.start() < b for a, b in names):
            continue
        found = match.group(0)
        us = mapping[" ".join(found.split()).lower()]
        problems.append((match.start(), Problem(where(match.start()), " ".join(found.split()),
                                                _match_case(found, us), british=True)))
        flagged.append((match.start(), match.end()))
    for match in WORD.finditer(text):
        word = match.group(0).replace("\u2019", "'")
        if _in_project(word):  # a listed hyphenated term, such as E-Rate
            continue
        offset = match.start()
        parts = word.split("-")
        for index, part in enumerate(parts):
            start, offset = offset, offset + len(part) + 1
            if _known(part) or any(a <= start < b for a, b in flagged):
                continue
            if index < len(parts) - 1 and part.lower() in PREFIXES:  # pre-launch
                continue
            bare = part[:-2] if part.endswith("'s") else part
            problems.append((start, Problem(where(start), bare, _suggest(bare))))
    return [problem for _, problem in sorted(problems, key=lambda item: item[0])]


def _line_locator(path: str, text: str):
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return lambda offset: f"{path}:{bisect.bisect_right(starts, offset)}"


# --- masking ---------------------------------------------------------------------------------

def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _blank_group(name: int | str):
    def replace(match: re.Match) -> str:
        whole, start = match.group(0), match.start()
        a, b = match.start(name) - start, match.end(name) - start
        return whole[:a] + re.sub(r"[^\n]", " ", whole[a:b]) + whole[b:]
    return replace


URL = re.compile(r"\b(?:https?|mailto|ftp)://\S+|\bmailto:\S+|\bwww\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+")
EXTENSIONS = "md|yml|yaml|py|docx|xlsx|html|css|js|json|txt|toml|zip|pdf|sh|csv"
# File paths (docs/about/index.md, content_data/areas/*.yml, overrides/) and file names
# (.docx, mkdocs.yml); "and/or" or "access/use" stay words.
SLASHED = re.compile(r"(?<![\w/])[\w.*{}-]*(?:/[\w.*{}-]*)+")
FILENAME = re.compile(rf"(?<![\w.])[\w*-]*\.(?:{EXTENSIONS})\b")


def _blank_path(match: re.Match) -> str:
    text = match.group(0)
    if re.search(r"[._*{}]", text) or text.endswith("/") or text.count("/") > 1:
        return " " * len(text)
    return text


INLINE_PATTERNS = [
    (re.compile(r"\{\{.*?\}\}", re.S), _blank),           # macro calls
    (re.compile(r"\{%.*?%\}", re.S), _blank),             # Jinja blocks
    (re.compile(r"\{#.*?#\}", re.S), _blank),             # Jinja comments
    (re.compile(r"\{\s*[:#.][^}\n]*\}"), _blank),         # {#anchor}, { .class }, {: ...}
    (re.compile(r"(`+).+?\1", re.S), _blank),             # inline code
    (re.compile(r"<!--.*?-->", re.S), _blank),            # HTML comments (markers for tools)
    (re.compile(r"</?[A-Za-z][^>]*>", re.S), _blank),     # HTML tags and attributes
    (re.compile(r"\]\((?P<t>[^)\s]*(?:\s+\"[^\"]*\")?)\)"), _blank_group("t")),  # link targets
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.M), _blank),  # reference definitions
    (re.compile(r"\[\^[^\]]+\]"), _blank),                # footnote references
    (re.compile(r"<[^>\s]+>"), _blank),                   # autolinks
    (URL, _blank),
    (SLASHED, _blank_path),
    (FILENAME, _blank),
    (re.compile(r"&#?\w+;"), _blank),                     # HTML entities
]


def mask_inline(text: str) -> str:
    for pattern, replace in INLINE_PATTERNS:
        text = pattern.sub(replace, text)
    return text


FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})")


def mask_markdown(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    if lines and lines[0].strip() == "---":  # front matter: keep values, blank keys
        out.append(" " * len(lines[0]))
        i = 1
        while i < len(lines) and lines[i].strip() not in ("---", "..."):
            line = lines[i]
            key = re.match(r"^(\s*-?\s*[\w-]+:)", line)
            if key:
                name = key.group(1).strip(" -:")
                rest = "" if name in SKIP_KEYS or name == "template" else line[key.end():]
                line = " " * key.end() + rest
            out.append(line)
            i += 1
        if i < len(lines):
            out.append(" " * len(lines[i]))
            i += 1
    fence = None
    for line in lines[i:]:
        if fence:
            if line.strip().startswith(fence) and set(line.strip()) == set(fence[0]):
                fence = None
            out.append(" " * len(line))
            continue
        opened = FENCE.match(line)
        if opened:
            fence = opened.group("fence")
            out.append(" " * len(line))
            continue
        out.append(line)
    return mask_inline("\n".join(out))


def mask_yaml(text: str) -> str:
    """Keep only the string values a reader sees (and the editors' comments)."""
    keep = [" "] * len(text)
    for index, ch in enumerate(text):
        if ch == "\n":
            keep[index] = "\n"

    def copy(start: int, end: int) -> None:
        keep[start:end] = list(text[start:end])

    def walk(node, skip: bool) -> None:
        if isinstance(node, yaml.MappingNode):
            keys = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
            skipped = SKIP_KEYS | (SOURCE_KEYS if "url" in keys else set())
            for key, value in node.value:
                walk(value, skip or (isinstance(key, yaml.ScalarNode) and key.value in skipped))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, skip)
        elif isinstance(node, yaml.ScalarNode) and not skip and node.tag.endswith(":str"):
            copy(node.start_mark.index, node.end_mark.index)

    for document in yaml.compose_all(io.StringIO(text)):
        if document is not None:
            walk(document, False)
    # Comments: a whole-line comment, or " # ..." after a value.
    for match in re.finditer(r"(?m)(?:^|\s)#(?P<c>.*)$", text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start:match.start()]
        if before.count('"') % 2 == 0 and before.count("'") % 2 == 0:
            copy(match.start("c"), match.end("c"))
    masked = "".join(keep)
    # A block scalar's indicator (>-, |) is not a word; quotes are harmless.
    return mask_inline(masked)


# --- files -----------------------------------------------------------------------------------

def check_file(path: Path, root: Path) -> list[Problem]:
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(root).as_posix()
    masked = mask_yaml(text) if path.suffix in (".yml", ".yaml") else mask_markdown(text)
    assert len(masked) == len(text), f"{name}: masking must keep every offset"
    return check_text(masked, _line_locator(name, masked))


def _check_properties(props, fields: tuple[str, ...], filename: str) -> list[Problem]:
    """The document properties a reader sees (title, subject and so on)."""
    problems: list[Problem] = []
    for field in fields:
        value = getattr(props, field, None)
        if isinstance(value, str):
            problems += check_text(mask_inline(value), lambda _o, f=field: f"{filename}: property {f}")
    return problems


def check_xlsx(data: bytes, filename: str) -> list[Problem]:
    import openpyxl

    problems: list[Problem] = []
    book = openpyxl.load_workbook(io.BytesIO(data))
    problems += _check_properties(book.properties, ("title", "subject", "description", "keywords",
                                                    "category"), filename)
    for sheet in book.worksheets:
        problems += check_text(mask_inline(sheet.title), lambda _o, s=sheet.title: f"{filename}: sheet name '{s}'")
        # Hidden columns hold ids for formulas and programs, never shown to a reader.
        hidden = {c for d in sheet.column_dimensions.values() if d.hidden and d.min
                  for c in range(d.min, d.max + 1)}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.column in hidden:
                    continue
                if isinstance(cell.value, str) and not cell.value.startswith("="):
                    where = f"{filename}: sheet '{sheet.title}' cell {cell.coordinate}"
                    problems += check_text(mask_inline(cell.value), lambda _o, w=where: w)
        for dv in sheet.data_validations.dataValidation:
            for field in ("promptTitle", "prompt", "errorTitle", "error"):
                value = getattr(dv, field, None)
                if isinstance(value, str):
                    where = f"{filename}: sheet '{sheet.title}' validation {dv.sqref} {field}"
                    problems += check_text(mask_inline(value), lambda _o, w=where: w)
    return problems


def check_docx(data: bytes, filename: str) -> list[Problem]:
    import docx

    problems: list[Problem] = []
    document = docx.Document(io.BytesIO(data))
    problems += _check_properties(document.core_properties, ("title", "subject", "comments",
                                                             "keywords", "category"), filename)
    for number, paragraph in enumerate(document.paragraphs, 1):
        where = f"{filename}: paragraph {number}"
        problems += check_text(mask_inline(paragraph.text), lambda _o, w=where: w)
    for t, table in enumerate(document.tables, 1):
        for r, row in enumerate(table.rows, 1):
            for c, cell in enumerate(row.cells, 1):
                where = f"{filename}: table {t} row {r} cell {c}"
                problems += check_text(mask_inline(cell.text), lambda _o, w=where: w)
    for s, section in enumerate(document.sections, 1):
        for part in ("header", "footer"):
            for paragraph in getattr(section, part).paragraphs:
                where = f"{filename}: section {s} {part}"
                problems += check_text(mask_inline(paragraph.text), lambda _o, w=where: w)
    return problems
