"""The guide is in US English: every page, every content file, the README, CONTRIBUTING,
ACCESSIBILITY and the text of every English download pass Hunspell's en_US dictionary
(through pyenchant), the project word list (tests/spelling/words.txt) and the list of
British forms (tests/spelling/british.txt). A template in another language (its YAML says
`language: es-US`) and its download are left out: a US English dictionary cannot check
Spanish, so a Spanish-speaking editor reviews those.

Nothing here is skipped: without the dictionary the test fails and names the Debian
packages to install (./run test installs them).
"""
from __future__ import annotations

import re
import time

import pytest

from conftest import ROOT
from macros.downloads import build_all, registry
from macros.loader import load_content
from macros.translations import LANGUAGES
from spelling import checker

ROOT_FILES = ["README.md", "CONTRIBUTING.md", "ACCESSIBILITY.md"]


def guide_files():
    # content_data/<lang>/ holds another edition (macros/translations.py): not English.
    data = [p for p in sorted((ROOT / "content_data").rglob("*.yml")) if _english(p)
            and p.relative_to(ROOT / "content_data").parts[0] not in LANGUAGES]
    files = [p for p in sorted((ROOT / "docs").rglob("*.md")) if not _translation(p)] + data
    return files + [ROOT / name for name in ROOT_FILES]


def _translation(path) -> bool:
    """A file of another edition: docs/<lang>/ or content_data/<lang>/ (not English)."""
    parts = path.relative_to(ROOT).parts
    return len(parts) > 2 and parts[1] in LANGUAGES


def _english(path) -> bool:
    if _translation(path):
        return False
    match = re.search(r"^language: *(\S+)", path.read_text(encoding="utf-8"), re.M)
    return not match or match.group(1).strip("\"'").startswith("en")


def _dictionary():
    try:
        return checker.dictionary()
    except RuntimeError as err:
        pytest.fail(str(err))


def test_the_guide_is_in_us_english():
    _dictionary()
    started = time.perf_counter()
    problems: list[checker.Problem] = []
    files = guide_files()
    for path in files:
        assert path.is_file(), f"{path} is missing"
        problems += checker.check_file(path, ROOT)
    content = load_content(ROOT)
    downloads = registry(content)
    checked = 0
    for name, data in build_all(content).items():
        if not downloads[name].language.startswith("en"):
            continue
        filename = downloads[name].filename
        check = checker.check_xlsx if filename.endswith(".xlsx") else checker.check_docx
        problems += check(data, filename)
        checked += 1
    assert checked >= 12, f"only {checked} downloads were spell-checked"
    elapsed = time.perf_counter() - started
    assert not problems, (
        f"{len(problems)} spelling problem(s) in {len(files)} files and {checked} downloads. Fix the "
        "spelling, or, for a real name or term, add it to tests/spelling/words.txt:\n"
        + "\n".join(map(str, problems)))
    assert elapsed < 10, f"the spell check took {elapsed:.1f} s; keep it under 10 s"


def test_the_check_catches_british_spelling(tmp_path):
    _dictionary()
    page = tmp_path / "docs" / "page.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: A page\n---\n\n# A page\n\n"
                    "We will analyse the colour of the programme.\n", encoding="utf-8")
    problems = checker.check_file(page, tmp_path)
    assert [(p.where, p.word, p.suggestion) for p in problems] == [
        ("docs/page.md:7", "analyse", "analyze"),
        ("docs/page.md:7", "colour", "color"),
        ("docs/page.md:7", "programme", "program"),
    ]
    assert str(problems[0]) == "docs/page.md:7: 'analyse' is not US English; did you mean 'analyze'?"


def test_the_check_catches_a_misspelling_and_suggests_a_word(tmp_path):
    _dictionary()
    page = tmp_path / "page.md"
    page.write_text("Every studnet needs a device.\n", encoding="utf-8")
    problems = checker.check_file(page, tmp_path)
    assert [(p.where, p.word, p.suggestion) for p in problems] == [("page.md:1", "studnet", "student")]


def test_project_words_pass_and_syntax_is_not_checked(tmp_path):
    _dictionary()
    words = checker._lines(checker.WORDS_FILE)
    assert "E-Rate" in words
    page = tmp_path / "page.md"
    page.write_text(
        "---\ntitle: Funding\n---\n\n"
        "## E-Rate and Chromebooks {#e-rate-xyzzy}\n\n"
        "Apply for E-Rate early. See [the rules](https://example.org/qwfp-zxcv#anchr) and "
        "`mkdcs --strcit`.\n\n{{ checklist('acces-ownrship') }}\n\n"
        '<div class="gridd cardz" markdown>Text</div>\n\n```yaml\nidd: fooo\n```\n',
        encoding="utf-8")
    assert checker.check_file(page, tmp_path) == []


def test_yaml_checks_values_but_not_keys_ids_or_links(tmp_path):
    _dictionary()
    data = tmp_path / "area.yml"
    data.write_text(
        "# An editor's coment.\n"
        "id: acces-ownrship\n"
        "page: clasroom/acces.md\n"
        "checklist:\n"
        "  - id: foo-barr\n"
        "    text: >-\n"
        "      Families can reach the school\n"
        "      counsellor by phone.\n"
        "    url: https://example.org/zxqv\n",
        encoding="utf-8")
    problems = checker.check_file(data, tmp_path)
    assert [(p.where, p.word, p.suggestion) for p in problems] == [
        ("area.yml:1", "coment", problems[0].suggestion),
        ("area.yml:8", "counsellor", "counselor"),
    ]
    assert problems[0].suggestion
