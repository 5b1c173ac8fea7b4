"""CONTRIBUTING.md stays true to the code, so an editor can trust it.

- Every ```yaml block in CONTRIBUTING.md carries a marker comment just before it
  (``<!-- snippet: indicator -->`` and so on) and passes the REAL validator for its kind:
  a whole area is loaded by ``macros.loader.load_content`` in a copy of the project, an
  item by its pydantic model from ``macros.models``.
- Every error example (``<!-- error-example: name -->`` before a ```text block) is still
  what the content check prints: the test breaks a copy of the project the same way and
  compares each quoted message (line numbers aside).
- Every repository path it names in backticks exists, unless it is a placeholder.
- The issue forms and the pull request template are valid and ask what they should.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from macros import load_checked
from macros.errors import ContentError
from macros.loader import load_content
from macros.models import ChecklistItem, Fact, Indicator, NextMoves, Question, Resource, Section
from test_redirects import mkdocs_config, nav_pages, published, redirect_maps

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "CONTRIBUTING.md"
PR_TEMPLATE = ROOT / ".github/PULL_REQUEST_TEMPLATE.md"
FORMS_DIR = ROOT / ".github/ISSUE_TEMPLATE"
ISSUE_FORMS = ["content-fix.yml", "new-resource.yml", "accessibility-barrier.yml"]

# --- reading CONTRIBUTING.md ------------------------------------------------------------

FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w-]*)[ \t]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
                   re.M | re.S)
MARKER = re.compile(r"^<!--\s*(?P<what>snippet|error-example):\s*(?P<name>[\w-]+)\s*-->$")


class Block:
    def __init__(self, match: re.Match, text: str):
        indent = match.group("indent")
        self.lang = match.group("lang").lower()
        self.line = text.count("\n", 0, match.start()) + 1
        body = match.group("body")
        self.body = "".join(line[len(indent):] if line.startswith(indent) else line
                            for line in body.splitlines(keepends=True))
        before = [line.strip() for line in text[:match.start()].splitlines() if line.strip()]
        marker = MARKER.match(before[-1]) if before else None
        self.what = marker.group("what") if marker else None
        self.name = marker.group("name") if marker else None

    def __repr__(self) -> str:
        return f"CONTRIBUTING.md:{self.line} ({self.lang} {self.name or 'unmarked'})"


@lru_cache(maxsize=None)
def blocks() -> tuple[Block, ...]:
    text = DOC.read_text(encoding="utf-8")
    return tuple(Block(m, text) for m in FENCE.finditer(text))


def yaml_blocks() -> list[Block]:
    return [b for b in blocks() if b.lang in ("yaml", "yml")]


def snippets(kind: str) -> list[Block]:
    return [b for b in yaml_blocks() if b.what == "snippet" and b.name == kind]


def prose_of(markdown: str) -> str:
    """Markdown without fenced blocks (where paths and headings are only examples)."""
    return FENCE.sub("", markdown)


# --- a private copy of the content to load and to break ----------------------------------

# Used only when the real content_data/ has no resources.yml yet (writers still at work).
STUB_RESOURCES = """\
resources:
  - id: stub-resource
    title: A stub resource
    publisher: The test suite
    year: 2024
    url: https://example.org/stub
    note: Stands in until content_data/resources.yml is written.
    areas: []
"""
STUB_PAGE = "---\ntitle: {title}\ndescription: A stand-in page made by the test.\n---\n\n# {title}\n\nText.\n"


def fresh_copy(target: Path) -> Path:
    """content_data/ and docs/ copied to ``target``, patched only where the real tree is
    still unfinished (a missing resources.yml or a page not yet written) so it loads."""
    shutil.copytree(ROOT / "content_data", target / "content_data")
    shutil.copytree(ROOT / "docs", target / "docs")
    if not (target / "content_data/resources.yml").exists():
        (target / "content_data/resources.yml").write_text(STUB_RESOURCES)
    try:
        load_checked(target, target / "docs")
    except ContentError as err:
        for problem in err.problems:
            missing = re.match(r"there is no page docs/(\S+);", problem.message)
            if missing:
                page = target / "docs" / missing.group(1)
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(STUB_PAGE.format(title=page.stem))
        try:
            load_checked(target, target / "docs")
        except ContentError as again:
            pytest.fail("the real content does not pass ./run check, so CONTRIBUTING.md's "
                        "examples cannot be tested against it:\n" + again.report())
    return target


@pytest.fixture
def copy(tmp_path) -> Path:
    return fresh_copy(tmp_path / "project")


def problems_in(root: Path) -> list[str]:
    try:
        load_checked(root, root / "docs")
    except ContentError as err:
        return [str(p) for p in err.problems]
    return []


@lru_cache(maxsize=None)
def real_areas() -> dict[str, dict]:
    """The real area files, read as plain YAML (no validation needed here)."""
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((ROOT / "content_data/areas").glob("*.yml"))}


@lru_cache(maxsize=None)
def level_ids() -> list[str]:
    scale = yaml.safe_load((ROOT / "content_data/scale.yml").read_text(encoding="utf-8"))
    return [level["id"] for level in scale["levels"]]


# --- 1. every yaml block is marked and passes the real validator ---------------------------

def test_contributing_has_yaml_snippets_of_every_kind():
    kinds = {b.name for b in yaml_blocks()}
    for kind in ("area", "checklist-item", "indicator", "question", "resource"):
        assert kind in kinds, f"CONTRIBUTING.md has no '<!-- snippet: {kind} -->' yaml block"


def test_every_yaml_block_has_a_snippet_marker():
    unmarked = [b for b in yaml_blocks() if b.what != "snippet" or b.name not in VALIDATORS]
    assert not unmarked, (
        "put one of these comments on the line before each ```yaml block in CONTRIBUTING.md, "
        "so tests/test_contributing.py knows how to check it: "
        + ", ".join(f"<!-- snippet: {k} -->" for k in VALIDATORS) + f"\nunmarked: {unmarked}")


def items(block: Block) -> list[dict]:
    data = yaml.safe_load(block.body)
    assert isinstance(data, list) and data, f"{block}: expected list items starting with '- '"
    return data


def check_area(block: Block, tmp_path: Path) -> None:
    root = fresh_copy(tmp_path / "project")
    data = yaml.safe_load(block.body)
    assert isinstance(data, dict) and "id" in data, f"{block}: expected a whole area file"
    (root / "content_data/areas" / f"{data['id']}.yml").write_text(block.body, encoding="utf-8")
    page = root / "docs" / str(data.get("page"))
    if not page.exists():  # the guide creates the page in step 2; stand in for it here
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(STUB_PAGE.format(title=data.get("title", "New area")))
    # Step 2 also adds the area's rating page, with the lines ./run check prints.
    from macros.rating_pages import RATING_PAGES, page_markdown
    rating = root / "docs" / RATING_PAGES / f"{data['id']}.md"
    rating.write_text(page_markdown(data["id"], data.get("title", "New area")), encoding="utf-8")
    content = load_content(root, root / "docs")  # raises ContentError with file:line messages
    area = content.area(data["id"])
    for indicator in area.indicators:
        assert indicator.id.startswith(area.id + "-"), f"{block}: {indicator.id} lacks the area prefix"
        assert list(indicator.levels) == level_ids(), f"{block}: {indicator.id} levels"


def check_checklist_item(block: Block, tmp_path: Path) -> None:
    for item in items(block):
        ChecklistItem.model_validate(item)


def check_question(block: Block, tmp_path: Path) -> None:
    for item in items(block):
        Question.model_validate(item)


def check_section(block: Block, tmp_path: Path) -> None:
    for item in items(block):
        Section.model_validate(item)


def check_next_moves(block: Block, tmp_path: Path) -> None:
    data = yaml.safe_load(block.body)
    assert list(data) == ["next_moves"], f"{block}: expected 'next_moves:' with hop, skip, leap"
    NextMoves.model_validate(data["next_moves"])


def check_indicator(block: Block, tmp_path: Path) -> None:
    taken = {ind["id"] for area in real_areas().values() for ind in area.get("indicators") or []}
    for item in items(block):
        indicator = Indicator.model_validate(item)
        assert list(indicator.levels) == level_ids(), (
            f"{block}: the levels must be exactly the scale's, in order: {level_ids()}")
        assert any(indicator.id.startswith(a + "-") for a in real_areas()), (
            f"{block}: '{indicator.id}' must start with an area id")
        assert indicator.id not in taken, (
            f"{block}: '{indicator.id}' is now a real indicator id; pick another example id "
            "so a copied snippet does not clash")


def check_resource(block: Block, tmp_path: Path) -> None:
    for item in items(block):
        resource = Resource.model_validate(item)
        unknown = [a for a in resource.areas if a not in real_areas()]
        assert not unknown, f"{block}: not area ids: {unknown}"
    # Also through the loader: the example must fit into the real resources.yml.
    root = fresh_copy(tmp_path / "project")
    path = root / "content_data/resources.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["resources"] += items(block)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    load_content(root, root / "docs")


def check_fact(block: Block, tmp_path: Path) -> None:
    topics = {t["id"] for t in yaml.safe_load(
        (ROOT / "content_data/facts.yml").read_text(encoding="utf-8"))["topics"]}
    data = yaml.safe_load(block.body)
    assert isinstance(data, dict) and data.get("facts"), f"{block}: expected 'facts:' with items"
    for item in data["facts"]:
        fact = Fact.model_validate(item)
        assert fact.topic in topics, f"{block}: '{fact.topic}' is not a topic in facts.yml"
        assert fact.review_by > fact.checked


def check_nav(block: Block, tmp_path: Path) -> None:
    data = yaml.safe_load(block.body)
    assert isinstance(data, dict) and "nav" in data, f"{block}: expected 'nav:'"
    real = mkdocs_config()["nav"]
    real_sections = {list(i)[0]: list(i.values())[0] for i in real if isinstance(i, dict)}
    new_pages = {snippet_area()["page"]}
    for entry in data["nav"]:
        title, pages = list(entry.items())[0]
        assert title in real_sections, f"{block}: '{title}' is not a section of the nav in mkdocs.yml"
        for page in nav_pages(pages):
            assert page in nav_pages(real_sections[title]) or page in new_pages, (
                f"{block}: {page} is not under '{title}' in mkdocs.yml")
    last = list(nav_pages(list(data["nav"][0].values())[0]))[-1]
    assert last == snippet_area()["page"], f"{block}: the new nav line should be the area snippet's page"


def check_redirect(block: Block, tmp_path: Path) -> None:
    redirect_maps(mkdocs_config())  # the real mkdocs.yml has the place the snippet describes
    data = yaml.safe_load(block.body)
    maps = redirect_maps(data)
    assert maps, f"{block}: no redirect_maps entry"
    for old, new in maps.items():
        assert old in published(), f"{block}: {old} is not a published page"
        for path in (old, new):
            assert path.endswith(".md") and not path.startswith("/"), f"{block}: {path}"


def snippet_area() -> dict:
    found = snippets("area")
    assert found, "CONTRIBUTING.md has no '<!-- snippet: area -->' block"
    return yaml.safe_load(found[0].body)


VALIDATORS = {
    "area": check_area, "checklist-item": check_checklist_item, "indicator": check_indicator,
    "question": check_question, "next-moves": check_next_moves, "resource": check_resource,
    "section": check_section, "nav": check_nav, "redirect": check_redirect, "fact": check_fact,
}


@pytest.mark.parametrize("block", [b for b in yaml_blocks() if b.name in VALIDATORS], ids=repr)
def test_yaml_snippet_passes_the_real_validator(block, tmp_path):
    VALIDATORS[block.name](block, tmp_path)


def test_a_broken_snippet_would_be_caught(tmp_path):
    """Guard the guard: the area check really runs the loader."""
    bad = snippets("area")[0].body.replace("\n      advanced:", "\n      expert:", 1)
    block = snippets("area")[0]
    broken = Block.__new__(Block)
    broken.__dict__.update(block.__dict__, body=bad)
    with pytest.raises(ContentError, match="is not a level on the scale"):
        check_area(broken, tmp_path)


# --- 2. the quoted error messages are what the check prints ---------------------------------

def replace_once(text: str, old: str, new: str, what: str) -> str:
    assert old in text, f"test setup: cannot break {what}: '{old}' not found"
    return text.replace(old, new, 1)


def edit(root: Path, rel: str, change) -> None:
    path = root / rel
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def _drop_first_advanced(text: str) -> str:
    changed, count = re.subn(r"\n[ \t]+advanced:[^\n]*", "", text, count=1)
    assert count, "test setup: no 'advanced:' descriptor in vision.yml"
    return changed


def _repeat_first_indicator_id(text: str) -> str:
    ids = [i["id"] for i in yaml.safe_load(text)["indicators"]]
    return re.sub(rf"(- id: ){re.escape(ids[1])}(?=\s)", rf"\g<1>{ids[0]}", text, count=1)


def _colon_in_first_checklist_text(text: str) -> str:
    start = text.index("\nchecklist:")
    match = re.compile(r"\n[ \t]+text: ").search(text, start)
    return text[:match.end()] + "Note: " + text[match.end():]


def _append_http_resource(text: str) -> str:
    data = yaml.safe_load(text)
    example = dict(items(snippets("resource")[0])[0])
    example["url"] = example["url"].replace("https://", "http://", 1)
    data["resources"].append(example)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


VISION = "content_data/areas/vision.yml"
BREAKS = {
    "missing-level": (VISION, _drop_first_advanced),
    "unknown-field": (VISION, lambda t: replace_once(t, "\nsummary:", "\nsumary:", "summary")),
    "duplicate-indicator": (VISION, _repeat_first_indicator_id),
    "yaml-colon": (VISION, _colon_in_first_checklist_text),
    "https-link": ("content_data/resources.yml", _append_http_resource),
    "braces-in-prose": ("docs/conditions/vision.md",
                        lambda t: replace_once(t, "\n## ", "\nOur {{ budget }} plan.\n\n## ", "a heading")),
    "missing-page": (VISION, lambda t: replace_once(t, "page: conditions/vision.md",
                                                    "page: conditions/visoin.md", "page")),
}
PROBLEM = re.compile(r"^\s*(?P<file>(?:content_data|docs)/\S+?):(?P<line>\d+): (?P<rest>.*)$")


def normalise(message: str) -> str:
    """Line numbers (and a resource's place in the list) change as files grow; the words may not."""
    message = re.sub(r"(\.ya?ml|\.md):\d+", r"\1:N", message)
    message = re.sub(r"\bline \d+", "line N", message)
    return re.sub(r"resources\[\d+\]", "resources[N]", message)


def error_examples() -> list[Block]:
    return [b for b in blocks() if b.what == "error-example"]


def test_every_error_example_has_a_way_to_reproduce_it():
    named = [b.name for b in error_examples()]
    assert len(named) >= 4, "CONTRIBUTING.md should quote at least four real error messages"
    assert set(named) == set(BREAKS), (
        f"error examples in CONTRIBUTING.md: {sorted(named)}; ways to break a copy in this test: "
        f"{sorted(BREAKS)}. Add a BREAKS entry for a new example, or remove the stale one.")


@pytest.mark.parametrize("block", error_examples(), ids=lambda b: b.name)
def test_quoted_error_message_is_what_the_check_says(block, copy):
    quoted = [m for m in map(PROBLEM.match, block.body.splitlines()) if m]
    assert quoted, f"{block}: no 'file:line: message' line in the example"
    rel, change = BREAKS[block.name]
    edit(copy, rel, change)
    found = problems_in(copy)
    actual = {(m["file"], normalise(m["rest"])) for m in map(PROBLEM.match, found) if m}
    for m in quoted:
        assert (m["file"], normalise(m["rest"])) in actual, (
            f"{block}: the check no longer says\n  {m.group(0).strip()}\nIt says:\n  "
            + "\n  ".join(found) + "\nUpdate the example in CONTRIBUTING.md.")


# --- 3. paths, links and structure of CONTRIBUTING.md --------------------------------------

REPO_PREFIXES = ("docs/", "content_data/", "macros/", "tests/", "mkdocs.yml", ".github/",
                 ".ci/", "overrides/")


def code_spans(markdown: str) -> list[str]:
    return re.findall(r"`([^`\n]+)`", prose_of(markdown))


def is_placeholder(path: str) -> bool:
    return "<" in path or ">" in path or "your-" in path


def repo_paths(markdown: str) -> list[str]:
    found = []
    for span in code_spans(markdown):
        first = span.split()[0] if span.split() else ""
        if first.startswith(REPO_PREFIXES):
            found.append(re.split(r"[#:]", first)[0].rstrip(".,;"))
    return found


@pytest.mark.parametrize("doc", [DOC, PR_TEMPLATE], ids=lambda p: p.name)
def test_every_repo_path_named_in_backticks_exists(doc):
    paths = repo_paths(doc.read_text(encoding="utf-8"))
    if doc == DOC:
        assert len(paths) >= 10, "expected CONTRIBUTING.md to name the files it explains"
    missing = [p for p in paths if not is_placeholder(p)
               and not (list(ROOT.glob(p)) if "*" in p else (ROOT / p).exists())]
    assert not missing, (f"{doc.name} names paths that do not exist: {sorted(set(missing))}. "
                         "Fix the path, or write a placeholder such as <area-id>.")


def test_relative_page_links_in_examples_point_at_pages_in_the_nav():
    """Examples such as `[Policy](../conditions/policy.md)` are written from an area page."""
    live = set(nav_pages(mkdocs_config()["nav"]))
    text = DOC.read_text(encoding="utf-8")
    links = re.findall(r"\]\((\.\./[^)#\s]+)", text)
    links += [s for s in code_spans(text) if re.fullmatch(r"\.\./\S+\.md(#\S*)?", s)]
    assert links
    for link in links:
        page = (Path("conditions") / link.split("#")[0]).as_posix()
        page = re.sub(r"[^/]+/\.\./", "", page)
        assert page in live, f"CONTRIBUTING.md links to {link}, but {page} is not in the nav"


def github_slug(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_headings_do_not_skip_levels_and_in_page_links_resolve():
    text = prose_of(DOC.read_text(encoding="utf-8"))
    headings = re.findall(r"^(#{1,6}) (.+)$", text, re.M)
    levels = [len(h) for h, _ in headings]
    assert levels.count(1) == 1 and levels[0] == 1, "CONTRIBUTING.md needs exactly one '# ' heading, first"
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"heading level jumps from {before} to {after}"
    slugs = {github_slug(title) for _, title in headings}
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert anchor in slugs, f"CONTRIBUTING.md links to #{anchor}, but no heading makes that anchor"


def test_vision_file_points_at_a_section_that_exists():
    """content_data/areas/vision.yml tells editors to read a named section of CONTRIBUTING.md."""
    comment = (ROOT / "content_data/areas/vision.yml").read_text(encoding="utf-8")
    named = re.search(r'CONTRIBUTING\.md \("([^"]+)"\)', comment)
    if not named:
        pytest.skip("vision.yml no longer names a section of CONTRIBUTING.md")
    titles = re.findall(r"^#{2,3} (.+)$", prose_of(DOC.read_text(encoding="utf-8")), re.M)
    assert any(t.lower().startswith(named.group(1).lower()) for t in titles), (f"vision.yml points editors to CONTRIBUTING.md "
                                      f"(\"{named.group(1)}\"), which has no such heading")


def test_contributing_reads_no_harder_than_the_guide():
    """The guide's pages aim at grade 9 to 11; instructions for editors may be plainer."""
    textstat = pytest.importorskip("textstat")
    text = prose_of(DOC.read_text(encoding="utf-8"))
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"^\|.*\|$", "", text, flags=re.M)  # tables are lists of names, not sentences
    text = re.sub(r"`[^`\n]*`", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s*(#+|[-*]|\d+\.)\s*", "", text, flags=re.M)
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= 11.0, f"CONTRIBUTING.md reads at grade {grade:.1f}; split long sentences"


# --- 4. issue forms and the pull request template ---------------------------------------

def form(name: str) -> dict:
    return yaml.safe_load((FORMS_DIR / name).read_text(encoding="utf-8"))


def fields(data: dict) -> dict[str, dict]:
    return {el["id"]: el for el in data["body"] if el.get("type") != "markdown"}


@pytest.mark.parametrize("name", ISSUE_FORMS)
def test_issue_form_has_name_description_and_a_required_field(name):
    data = form(name)
    assert isinstance(data, dict), f"{name} is not a YAML mapping"
    for key in ("name", "description", "body"):
        assert data.get(key), f"{name}: missing '{key}'"
    assert isinstance(data["body"], list)
    for element in data["body"]:
        if element.get("type") != "markdown":
            assert element.get("id") and element["attributes"].get("label"), f"{name}: {element}"
    required = [e for e in fields(data).values() if (e.get("validations") or {}).get("required")]
    assert required, f"{name}: at least one field must be required"


def test_issue_forms_and_config_match_githubs_schemas():
    # check-jsonschema carries GitHub's schemas inside the package: no network.
    for schema, paths in (("vendor.github-issue-forms", [FORMS_DIR / n for n in ISSUE_FORMS]),
                          ("vendor.github-issue-config", [FORMS_DIR / "config.yml"])):
        result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                                 schema, *map(str, paths)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def required_ids(name: str) -> set[str]:
    return {i for i, e in fields(form(name)).items() if (e.get("validations") or {}).get("required")}


def test_new_resource_form_asks_for_every_field_and_lists_every_area():
    assert {"title", "publisher", "year", "url", "why", "areas"} <= required_ids("new-resource.yml")
    options = fields(form("new-resource.yml"))["areas"]["attributes"]["options"]
    missing = [a["title"] for a in real_areas().values() if a["title"] not in options]
    assert not missing, ("add these area titles to the 'Areas it supports' options in "
                         f".github/ISSUE_TEMPLATE/new-resource.yml: {missing}")


def test_accessibility_form_asks_what_a_fixer_needs():
    assert {"page", "doing", "technology", "happened", "expected"} <= required_ids(
        "accessibility-barrier.yml")


def test_content_fix_form_asks_for_the_page_and_the_problem():
    assert {"page", "problem"} <= required_ids("content-fix.yml")


def test_blank_issues_are_off_and_contributors_are_pointed_at_the_contribute_page():
    config = form("config.yml")
    assert config["blank_issues_enabled"] is False
    mkdocs = mkdocs_config()
    assert "about/contribute.md" in nav_pages(mkdocs["nav"])
    urls = [link["url"] for link in config["contact_links"]]
    assert mkdocs["site_url"].rstrip("/") + "/about/contribute/" in urls


def test_pull_request_template_has_the_editors_checklist():
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(boxes) >= 6
    joined = "\n".join(boxes).lower()
    for needed in ("./run check", "./run serve", "grade", "cite", "id changed", "redirect",
                   "screenshot"):
        assert needed in joined, f"the pull request checklist should mention '{needed}'"
