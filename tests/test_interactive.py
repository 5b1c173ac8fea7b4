"""The interactive parts in a real browser: saved checklists and the online self-assessment.

Every browser test opens pages through the ``visit`` fixture, which fails the test if any
request goes to a host other than the local server or if a script throws.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, site_pages
from test_accessibility_axe import axe_violations, foreign, report

ASSESSMENT = "getting-started/online-self-assessment/"
STORE = "deg:assessment:v1"
FORMAT = "digital-equity-guide/self-assessment"
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
OUR_SCRIPTS = ["storage.js", "checklists.js", "self-assessment.js", "assessment-files.js",
               "assessment-summary.js"]


def expect(target):
    from playwright.sync_api import expect as _expect

    return _expect(target)


# --- fixtures and helpers --------------------------------------------------------------

@pytest.fixture(scope="module")
def content():
    from macros.loader import load_content

    return load_content(ROOT, ROOT / "docs")


@pytest.fixture(scope="module")
def checklist_path(built_site) -> str:
    """The first built page with a checklist on it (an area page)."""
    for path in site_pages(built_site):
        if 'class="checklist"' in (built_site / path / "index.html").read_text(encoding="utf-8"):
            return path
    pytest.fail("no built page has a checklist")


class Visits:
    """Opens pages in fresh browser contexts and records what they request and throw."""

    def __init__(self, browser, site_url):
        self.browser, self.site_url = browser, site_url
        self.contexts, self.requests, self.errors = [], [], []

    def __call__(self, path: str, init_script: str | None = None, **context_args):
        context = self.browser.new_context(accept_downloads=True, **context_args)
        self.contexts.append(context)
        context.on("request", lambda request: self.requests.append(request.url))
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        page.goto(self.site_url + path, wait_until="networkidle")
        if context_args.get("java_script_enabled", True):
            wait_until_ready(page)
        return page

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def visit(browser, site_url):
    visits = Visits(browser, site_url)
    yield visits
    visits.close()
    assert not foreign(visits.requests), "requests left 127.0.0.1:\n" + "\n".join(foreign(visits.requests))
    assert not visits.errors, "scripts threw:\n" + "\n".join(visits.errors)


def wait_until_ready(page) -> None:
    """Wait until our modules have set up the page: the site may load scripts after first paint."""
    page.wait_for_function(
        "() => !document.querySelector('fieldset.checklist:not([data-deg-ready]), .assessment:not([data-deg-ready])')")


def reload(page) -> None:
    page.reload(wait_until="networkidle")
    wait_until_ready(page)


def accept_next_dialog(page, answer: bool = True) -> list[str]:
    """Answer the next confirm(); returns a list that will hold its message."""
    seen: list[str] = []

    def handle(dialog):
        seen.append(dialog.message)
        dialog.accept() if answer else dialog.dismiss()

    page.once("dialog", handle)
    return seen


def indicators_on(page) -> list[dict]:
    return page.eval_on_selector_all(
        "fieldset[data-indicator]",
        "els => els.map(e => { const area = e.closest('[data-area]').dataset;"
        " return {id: e.dataset.indicator, area: area.area, title: area.areaTitle}; })")


def levels_on(page) -> list[dict]:
    return page.evaluate("JSON.parse(document.querySelector('.assessment').dataset.levels)")


def note(indicator: str) -> str:
    """The evidence note box of one indicator."""
    return f'fieldset[data-indicator="{indicator}"] textarea'


def rate(page, indicator: str, level: str) -> None:
    page.locator(f'fieldset[data-indicator="{indicator}"] input[value="{level}"]').check()


def checked_levels(page) -> dict[str, str]:
    return page.eval_on_selector_all(
        "fieldset[data-indicator]",
        "els => Object.fromEntries(els.map(e => [e.dataset.indicator, "
        "(e.querySelector('input:checked') || {value: ''}).value]))")


def stored(page, key: str = STORE):
    return page.evaluate("key => localStorage.getItem(key)", key)


def three_in_one_area(page) -> tuple[str, list[str]]:
    """An area with at least three indicators, and its first three indicator ids."""
    by_area: dict[str, list[str]] = {}
    for ind in indicators_on(page):
        by_area.setdefault(ind["area"], []).append(ind["id"])
    for area, ids in by_area.items():
        if len(ids) >= 3:
            return area, ids[:3]
    pytest.fail("no area has three indicators")


def import_file(page, name: str, data: bytes | str) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8")
    page.set_input_files("#sa-import", files=[{"name": name, "mimeType": "application/json", "buffer": data}])


def download(page, button: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    dl = info.value
    return dl.suggested_filename, Path(dl.path()).read_bytes()


# --- the server-rendered form (no browser needed) -------------------------------------

VOID = {"input", "br", "img", "meta", "link", "hr", "wbr"}


class Tags(HTMLParser):
    """Every start tag with its attributes, and the open tags around it."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.inside: list[tuple[str, ...]] = []  # for each tag, the tags it sits in
        self._open: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.inside.append(tuple(self._open))
        if tag not in VOID:
            self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def all(self, tag, **attrs):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    def within(self, tag, **attrs):
        """The open tags around each matching tag."""
        return [around for (t, a), around in zip(self.tags, self.inside)
                if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def test_form_has_a_fieldset_per_indicator_with_labelled_choices(content):
    from macros.assessment import assessment_form

    html = assessment_form(content)
    tags = Tags(html)
    indicators = [ind for area in content.areas for ind in area.indicators]
    fieldsets = [f for f in tags.all("fieldset") if "data-indicator" in f]
    assert [f["data-indicator"] for f in fieldsets] == [i.id for i in indicators]
    assert len(tags.all("h3")) >= len(content.areas)
    assert not tags.all("h2"), "the page's Markdown owns the h2 headings"
    radios = tags.all("input", type="radio")
    assert len(radios) == len(indicators) * (len(content.scale.levels) + 1)
    # Every radio button and note box sits inside its own label, inside its fieldset.
    for around in tags.within("input", type="radio") + tags.within("textarea"):
        assert around[-1] == "label" and "fieldset" in around, around
    # One radio group per indicator, so arrow keys move between one indicator's levels only.
    groups = {}
    for radio in radios:
        groups.setdefault(radio["name"], []).append(radio["value"])
    assert len(groups) == len(indicators)
    assert all(values == [*content.scale.level_ids, "unsure"] for values in groups.values())
    # Each area's id and title are on its section, where the script reads them.
    sections = [a for a in tags.all("section") if "data-area" in a]
    assert [(a["data-area"], a["data-area-title"]) for a in sections] == [
        (area.id, area.title) for area in content.areas]
    levels = json.loads(tags.all("div", **{"class": "assessment"})[0]["data-levels"])
    assert [lv["id"] for lv in levels] == content.scale.level_ids
    assert [lv["score"] for lv in levels] == list(range(1, len(levels) + 1))


def test_form_escapes_yaml_text(content):
    from macros.assessment import assessment_form

    area = content.areas[0]
    ind = area.indicators[0]
    evil = ind.model_copy(update={"text": '<script>alert(1)</script> "quoted"',
                                  "levels": {**ind.levels, content.scale.level_ids[0]: "<img src=x onerror=alert(1)>"}})
    fake_area = area.model_copy(update={"title": 'Vision "<b>"', "indicators": (evil,)})
    fake = dataclasses.replace(content, areas=(fake_area,))
    html = assessment_form(fake)
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'data-area-title="Vision &quot;&lt;b&gt;&quot;"' in html


def test_pages_load_the_interactive_styles_and_scripts(built_site):
    html = (built_site / ASSESSMENT / "index.html").read_text(encoding="utf-8")
    # The build may join the stylesheets into one file, so look inside whatever the page links.
    page_dir = built_site / ASSESSMENT
    css = "".join((page_dir / href).resolve().read_text(encoding="utf-8")
                  for href in re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"', html)
                  if (page_dir / href).resolve().is_file())
    assert ".deg-button" in css and ".assessment__choice" in css, \
        "add 'assets/stylesheets/interactive.css' to extra_css in mkdocs.yml"
    for script in ("checklists.js", "self-assessment.js"):
        # The tag may be a placeholder that a loader swaps in after first paint.
        tags = re.findall(rf"<script[^>]*assets/javascripts/{script}[^>]*>", html)
        assert tags and '"module"' in tags[0], f"{script} must load as a module: {tags}"


def test_our_scripts_never_use_the_network():
    for name in OUR_SCRIPTS:
        source = (SCRIPTS / name).read_text(encoding="utf-8")
        for banned in ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "http://", "https://",
                       "innerHTML", "eval("):
            assert banned not in source, f"{name} uses {banned}"


# --- checklists -----------------------------------------------------------------------

@pytest.mark.browser
def test_checklist_ticks_are_saved_counted_and_cleared(visit, checklist_path):
    page = visit(checklist_path)
    fieldset = page.locator("fieldset.checklist").first
    area = fieldset.get_attribute("data-area")
    boxes = fieldset.locator("input[type=checkbox]")
    total = boxes.count()
    count = fieldset.locator('[aria-live="polite"]')
    expect(count).to_have_text(f"0 of {total} done")

    boxes.first.check()
    boxes.last.check()
    expect(count).to_have_text(f"2 of {total} done" if total > 1 else f"1 of {total} done")
    reload(page)
    fieldset = page.locator("fieldset.checklist").first
    boxes, count = fieldset.locator("input[type=checkbox]"), fieldset.locator('[aria-live="polite"]')
    expect(boxes.first).to_be_checked()
    expect(boxes.last).to_be_checked()
    expect(count).to_have_text(f"{2 if total > 1 else 1} of {total} done")
    saved = json.loads(stored(page, f"deg:checklist:v1:{area}"))
    assert saved == {boxes.first.get_attribute("data-item"): True, boxes.last.get_attribute("data-item"): True}

    clear = fieldset.get_by_role("button", name="Clear this checklist")
    size = clear.bounding_box()
    assert size["width"] >= 24 and size["height"] >= 24
    accept_next_dialog(page, answer=False)  # "Cancel" keeps the ticks
    clear.click()
    expect(boxes.first).to_be_checked()
    asked = accept_next_dialog(page)
    clear.click()
    expect(count).to_have_text(f"0 of {total} done")
    assert asked and "checklist" in asked[0]
    assert boxes.evaluate_all("els => els.filter(e => e.checked).length") == 0
    reload(page)
    expect(page.locator("fieldset.checklist").first.locator('[aria-live="polite"]')).to_have_text(f"0 of {total} done")
    assert stored(page, f"deg:checklist:v1:{area}") is None


@pytest.mark.browser
def test_checklist_keeps_ticks_by_id_and_ignores_unknown_or_broken_data(visit, checklist_path):
    page = visit(checklist_path)
    fieldset = page.locator("fieldset.checklist").first
    area = fieldset.get_attribute("data-area")
    boxes = fieldset.locator("input[type=checkbox]")
    last = boxes.last.get_attribute("data-item")
    # Ticks from an older version of the YAML: one item since removed, one still here.
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [f"deg:checklist:v1:{area}", json.dumps({"an-item-we-removed": True, last: True})])
    reload(page)
    fieldset = page.locator("fieldset.checklist").first
    expect(fieldset.locator("input[type=checkbox]").last).to_be_checked()
    expect(fieldset.locator('[aria-live="polite"]')).to_have_text(f"1 of {boxes.count()} done")

    page.evaluate("key => localStorage.setItem(key, '{not json')", f"deg:checklist:v1:{area}")
    reload(page)
    expect(page.locator("fieldset.checklist").first.locator('[aria-live="polite"]')).to_have_text(
        f"0 of {boxes.count()} done")


# Two ways a browser refuses storage. With cookies blocked, Chrome throws on merely reading
# window.localStorage; elsewhere (older Safari private mode, a full quota) the calls throw.
STORAGE_REFUSED = {
    "calls throw": """
for (const name of ['getItem', 'setItem', 'removeItem']) {
  const real = Storage.prototype[name];
  Storage.prototype[name] = function (key, ...rest) {
    if (String(key).startsWith('deg:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return real.call(this, key, ...rest);
  };
}
""",
    "property throws": """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
});
""",
}


@pytest.mark.browser
@pytest.mark.parametrize("refusal", list(STORAGE_REFUSED))
@pytest.mark.parametrize("path", ["checklist", ASSESSMENT])
def test_pages_work_when_the_browser_refuses_storage(visit, checklist_path, path, refusal):
    page = visit(checklist_path if path == "checklist" else path, init_script=STORAGE_REFUSED[refusal])
    if path == "checklist":
        fieldset = page.locator("fieldset.checklist").first
        fieldset.locator("input[type=checkbox]").first.check()
        expect(fieldset.locator('[aria-live="polite"]')).to_contain_text("1 of ")
        expect(fieldset.locator(".checklist__note")).to_contain_text("not letting the guide save")
    else:
        first = indicators_on(page)[0]["id"]
        rate(page, first, levels_on(page)[0]["id"])
        expect(page.locator("#sa-progress")).to_contain_text("1 of ")
        expect(page.locator("#sa-saved")).to_contain_text("not letting the page save")
        with page.expect_download():
            page.get_by_role("button", name="Export JSON").click()
    if refusal == "property throws":
        # Material's own inline scripts read localStorage unguarded and throw here; ours
        # are shown to work by the checks above, so those errors are not ours to fail on.
        visit.errors.clear()


def open_before_script(visit, path: str, script: str):
    """Open `path` with `script` held back, as on a slow connection; returns (page, release)."""
    held = []
    pattern = f"**/assets/javascripts/{script}"
    context = visit.browser.new_context()
    visit.contexts.append(context)
    context.on("request", lambda request: visit.requests.append(request.url))
    context.route(pattern, lambda route: held.append(route))
    page = context.new_page()
    page.on("pageerror", lambda error: visit.errors.append(f"{page.url}: {error}"))
    page.goto(visit.site_url + path, wait_until="commit")

    def release():
        for _ in range(100):  # the site may ask for the script only after the first paint
            if held:
                break
            page.wait_for_timeout(50)
        held[0].continue_()
        context.unroute(pattern)
        wait_until_ready(page)

    return page, release


@pytest.mark.browser
def test_a_tick_made_before_the_script_runs_is_kept(visit, checklist_path):
    page, release = open_before_script(visit, checklist_path, "checklists.js")
    box = page.locator("fieldset.checklist input[type=checkbox]").first
    box.check()
    release()
    expect(box).to_be_checked()
    expect(page.locator("fieldset.checklist").first.locator('[aria-live="polite"]')).to_contain_text("1 of ")
    reload(page)
    expect(page.locator("fieldset.checklist input[type=checkbox]").first).to_be_checked()


@pytest.mark.browser
def test_a_rating_made_before_the_script_runs_is_kept(visit):
    page, release = open_before_script(visit, ASSESSMENT, "self-assessment.js")
    first = page.locator("fieldset[data-indicator]").first
    indicator = first.get_attribute("data-indicator")
    first.locator("input[type=radio]").first.check()
    first.locator("textarea").fill("typed early")
    release()
    expect(page.locator("#sa-progress")).to_contain_text("1 of ")
    reload(page)
    expect(page.locator(note(indicator))).to_have_value("typed early")
    assert checked_levels(page)[indicator]


# --- the online self-assessment ---------------------------------------------------------

@pytest.mark.browser
def test_ratings_and_notes_survive_a_reload(visit):
    page = visit(ASSESSMENT)
    total = len(indicators_on(page))
    levels = [lv["id"] for lv in levels_on(page)]
    _, ids = three_in_one_area(page)
    expect(page.locator("#sa-progress")).to_have_text(f"0 of {total} rated")
    expect(page.locator(".assessment__noscript")).to_have_count(0)  # the script is running
    chosen = {ids[0]: levels[0], ids[1]: levels[-1], ids[2]: "unsure"}
    for ind, level in chosen.items():
        rate(page, ind, level)
    page.fill(note(ids[0]), "Board minutes, March")
    expect(page.locator("#sa-progress")).to_have_text(f"3 of {total} rated")

    reload(page)
    assert {k: v for k, v in checked_levels(page).items() if v} == chosen
    expect(page.locator(note(ids[0]))).to_have_value("Board minutes, March")
    expect(page.locator("#sa-progress")).to_have_text(f"3 of {total} rated")
    assert page.locator("#sa-progress").get_attribute("aria-live") == "polite"
    saved = json.loads(stored(page))
    assert saved["version"] == 1
    assert saved["ratings"][ids[0]] == {"level": levels[0], "note": "Board minutes, March"}


@pytest.mark.browser
def test_saved_answers_for_indicators_no_longer_on_the_page_are_ignored(visit):
    page = visit(ASSESSMENT)
    total = len(indicators_on(page))
    first = indicators_on(page)[0]["id"]
    old = {"version": 1, "updated": None, "ratings": {
        "an-indicator-we-removed": {"level": "advanced", "note": "old"},
        first: {"level": "developing", "note": ""},
        "another-removed-one": {"level": "not-a-level"}}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORE, json.dumps(old)])
    reload(page)
    expect(page.locator("#sa-progress")).to_have_text(f"1 of {total} rated")
    assert {k: v for k, v in checked_levels(page).items() if v} == {first: "developing"}
    expect(page.locator('#sa-summary tfoot td[data-level="developing"]')).to_have_text("1")


@pytest.mark.browser
def test_summary_counts_levels_and_averages_each_area(visit):
    page = visit(ASSESSMENT)
    levels = levels_on(page)
    area, ids = three_in_one_area(page)
    in_area = sum(1 for i in indicators_on(page) if i["area"] == area)
    lowest, highest = levels[0], levels[-1]
    rate(page, ids[0], lowest["id"])
    rate(page, ids[1], highest["id"])
    rate(page, ids[2], "unsure")

    table = page.locator("#sa-summary table")
    expect(table.locator("caption")).to_have_count(1)
    assert table.locator("thead th[scope=col]").count() == len(levels) + 4
    row = table.locator(f'tbody tr[data-area="{area}"]')
    assert row.locator("th").get_attribute("scope") == "row"
    expect(row.locator(f'td[data-level="{lowest["id"]}"]')).to_have_text("1")
    expect(row.locator(f'td[data-level="{highest["id"]}"]')).to_have_text("1")
    for middle in levels[1:-1]:
        expect(row.locator(f'td[data-level="{middle["id"]}"]')).to_have_text("0")
    expect(row.locator('td[data-level="unsure"]')).to_have_text("1")
    expect(row.locator('td[data-level="unrated"]')).to_have_text(str(in_area - 3))
    average = (lowest["score"] + highest["score"]) / 2  # unsure is left out
    expect(row.locator("td[data-average]")).to_have_text(f"{average:.1f}")
    expect(table.locator("tfoot td[data-average]")).to_have_text(f"{average:.1f}")
    # Another area, not rated, has no average yet.
    other = table.locator(f'tbody tr:not([data-area="{area}"])').first
    if other.count():
        expect(other.locator("td[data-average]")).to_have_text("None yet")

    chart = page.locator('#sa-summary [role="img"]')
    label = chart.get_attribute("aria-label")
    assert f"{average:.1f} out of {len(levels)}" in label
    assert "no ratings yet" in label or not other.count()


@pytest.mark.browser
def test_export_json_clear_all_then_import_brings_ratings_back(visit, tmp_path):
    page = visit(ASSESSMENT)
    levels = [lv["id"] for lv in levels_on(page)]
    _, ids = three_in_one_area(page)
    chosen = {ids[0]: levels[1], ids[1]: levels[2], ids[2]: "unsure"}
    for ind, level in chosen.items():
        rate(page, ind, level)
    page.fill(note(ids[1]), 'Survey, "spring" 2025, 80% return')
    loaded = len(visit.requests)

    name, data = download(page, "Export JSON")
    assert re.fullmatch(r"digital-equity-self-assessment-\d{4}-\d\d-\d\d\.json", name)
    exported = json.loads(data)
    assert exported["format"] == FORMAT and exported["version"] == 1
    assert {k: v["level"] for k, v in exported["ratings"].items()} == chosen
    saved_file = tmp_path / name
    saved_file.write_bytes(data)

    asked = accept_next_dialog(page)
    page.get_by_role("button", name="Clear all ratings").click()
    expect(page.locator("#sa-progress")).to_have_text(re.compile(r"^0 of \d+ rated$"))
    assert asked and "cannot be undone" in asked[0]
    assert not any(checked_levels(page).values())
    assert stored(page) is None
    expect(page.locator(note(ids[1]))).to_have_value("")

    page.set_input_files("#sa-import", str(saved_file))
    expect(page.locator("#sa-status")).to_contain_text("Imported 3 answers")
    assert {k: v for k, v in checked_levels(page).items() if v} == chosen
    expect(page.locator(note(ids[1]))).to_have_value('Survey, "spring" 2025, 80% return')
    # Exporting, clearing and importing made no request at all: the files never leave the browser.
    during = [u for u in visit.requests[loaded:] if not u.startswith(("blob:", "data:"))]
    assert during == [], during
    reload(page)
    assert {k: v for k, v in checked_levels(page).items() if v} == chosen


def _file(ratings, **extra) -> str:
    return json.dumps({"format": FORMAT, "version": 1, "ratings": ratings, **extra})


BAD_FILES = {
    "malformed": ("ratings.json", '{"format": "digital-equity-guide/self-assessment", "ratings": {', "could not be read"),
    "not ours": ("other.json", json.dumps({"name": "someone else's data", "ratings": {}}), "not a self-assessment"),
    "a list": ("list.json", "[1, 2, 3]", "not a self-assessment"),
    "newer version": ("new.json", json.dumps({"format": FORMAT, "version": 99, "ratings": {}}), "newer"),
    "no ratings object": ("none.json", json.dumps({"format": FORMAT, "version": 1, "ratings": [1]}), "damaged"),
    "unknown level": ("level.json", None, "damaged"),
    "only unknown indicators": ("gone.json", _file({"no-such-indicator": {"level": "advanced", "note": ""}}),
                                "does not have"),
    "empty": ("empty.json", _file({}), "no ratings"),
}


@pytest.mark.browser
@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_import_changes_nothing_and_says_why(visit, case):
    page = visit(ASSESSMENT)
    levels = [lv["id"] for lv in levels_on(page)]
    first, second = [i["id"] for i in indicators_on(page)[:2]]
    rate(page, first, levels[0])
    page.fill(note(first), "keep me")
    before_store, before_form = stored(page), checked_levels(page)

    name, text, says = BAD_FILES[case]
    if text is None:
        text = _file({second: {"level": "superb", "note": ""}})
    import_file(page, name, text)
    status = page.locator("#sa-status")
    expect(status).to_contain_text("Nothing was changed")
    expect(status).to_contain_text(says)
    assert status.get_attribute("role") == "status"
    assert stored(page) == before_store
    assert checked_levels(page) == before_form
    expect(page.locator(note(first))).to_have_value("keep me")


@pytest.mark.browser
def test_import_skips_unknown_indicators_and_reports_them(visit):
    page = visit(ASSESSMENT)
    levels = [lv["id"] for lv in levels_on(page)]
    first = indicators_on(page)[0]["id"]
    text = _file({first: {"level": levels[-1], "note": "from the file"},
                  "retired-indicator": {"level": levels[0], "note": ""}})
    import_file(page, "mixed.json", text)
    expect(page.locator("#sa-status")).to_contain_text("Imported 1 answer")
    expect(page.locator("#sa-status")).to_contain_text("retired-indicator")
    assert {k: v for k, v in checked_levels(page).items() if v} == {first: levels[-1]}
    expect(page.locator(note(first))).to_have_value("from the file")


@pytest.mark.browser
def test_import_over_existing_answers_asks_first(visit):
    page = visit(ASSESSMENT)
    levels = [lv["id"] for lv in levels_on(page)]
    first, second = [i["id"] for i in indicators_on(page)[:2]]
    rate(page, first, levels[0])
    before = stored(page)
    accept_next_dialog(page, answer=False)
    import_file(page, "other.json", _file({second: {"level": levels[1], "note": ""}}))
    expect(page.locator("#sa-status")).to_contain_text("Nothing was changed")
    assert stored(page) == before
    accept_next_dialog(page, answer=True)
    import_file(page, "other.json", _file({second: {"level": levels[1], "note": ""}}))
    expect(page.locator("#sa-status")).to_contain_text("Imported 1 answer")
    assert {k: v for k, v in checked_levels(page).items() if v} == {second: levels[1]}


@pytest.mark.browser
def test_export_csv_has_every_indicator_quoted_and_safe_from_formulas(visit):
    page = visit(ASSESSMENT)
    levels = levels_on(page)
    indicators = indicators_on(page)
    _, ids = three_in_one_area(page)
    rate(page, ids[0], levels[0]["id"])
    rate(page, ids[1], levels[-1]["id"])
    rate(page, ids[2], "unsure")
    page.fill(note(ids[0]), '=HYPERLINK("http://example.invalid","click")')
    page.fill(note(ids[1]), 'Said "yes", then\nchanged')
    page.fill(note(ids[2]), "-5 devices, @office")

    name, data = download(page, "Export CSV")
    assert name.endswith(".csv")
    text = data.decode("utf-8")
    assert text.startswith("\ufeff"), "a byte-order mark, so Excel reads UTF-8"
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert rows[0] == ["Area", "Indicator id", "Indicator text", "Rating", "Note"]
    assert [r[1] for r in rows[1:]] == [i["id"] for i in indicators]
    by_id = {r[1]: r for r in rows[1:]}
    assert by_id[ids[0]][3] == levels[0]["label"]
    assert by_id[ids[1]][3] == levels[-1]["label"]
    assert by_id[ids[2]][3] == "Not sure yet"
    assert by_id[ids[0]][4] == "'" + '=HYPERLINK("http://example.invalid","click")'
    assert by_id[ids[1]][4] == 'Said "yes", then\nchanged'
    assert by_id[ids[2]][4] == "'-5 devices, @office"
    assert by_id[ids[0]][0] == indicators[[i["id"] for i in indicators].index(ids[0])]["title"]
    assert by_id[ids[0]][2] == page.locator(f'fieldset[data-indicator="{ids[0]}"] legend').inner_text().strip()
    unrated = [r for r in rows[1:] if r[1] not in ids]
    assert all(r[3] == "" and r[4] == "" for r in unrated)


@pytest.mark.browser
def test_print_summary_prints_only_the_summary(visit):
    page = visit(ASSESSMENT)
    levels = [lv["id"] for lv in levels_on(page)]
    rate(page, indicators_on(page)[0]["id"], levels[0])
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Print summary").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    expect(page.locator("#sa-summary table")).to_be_visible()
    expect(page.locator("#sa-summary [role=img]")).to_be_visible()
    expect(page.locator(".assessment__area").first).to_be_hidden()
    expect(page.locator("#sa-tools")).to_be_hidden()
    expect(page.get_by_role("button", name="Print summary")).to_be_hidden()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator(".assessment__area").first).to_be_visible()


@pytest.mark.browser
def test_controls_are_large_enough_focus_visibly_and_work_from_the_keyboard(visit, checklist_path):
    page = visit(ASSESSMENT)
    buttons = page.locator(".assessment button")
    assert buttons.count() >= 4
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, buttons.nth(i).inner_text()
    file_box = page.locator("#sa-import").bounding_box()
    assert file_box["height"] >= 24

    # Keyboard only: arrow keys move between the levels of one indicator, and that saves.
    first = indicators_on(page)[0]["id"]
    page.locator(f'fieldset[data-indicator="{first}"] input[type=radio]').first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    levels = [lv["id"] for lv in levels_on(page)]
    assert checked_levels(page)[first] == levels[1]
    expect(page.locator("#sa-progress")).to_contain_text("1 of ")

    export = page.get_by_role("button", name="Export JSON")
    page.get_by_role("button", name="Export CSV").focus()
    page.keyboard.press("Tab")
    expect(export).to_be_focused()
    outline = export.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
    assert not outline.startswith("none") and not outline.endswith(" 0px"), outline
    with page.expect_download():
        page.keyboard.press("Enter")

    clear = page.get_by_role("button", name="Clear all ratings")
    clear.focus()
    accept_next_dialog(page)
    page.keyboard.press("Space")
    expect(page.locator("#sa-progress")).to_contain_text("0 of ")


# --- accessibility gate, before and after interaction ---------------------------------

def settle(page) -> None:
    """Wait until nothing on the page is moving or fading: the scroll that a tick causes
    makes Material's header fade the page title in a moment later."""
    page.evaluate("""async () => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
        const end = Date.now() + 3000;
        await frame(); await frame();  // let a scroll or class change start its transitions
        while (Date.now() < end) {
            const running = document.getAnimations().filter((a) => a.playState === "running");
            if (!running.length) return;
            const timeout = new Promise((resolve) => setTimeout(resolve, end - Date.now()));
            await Promise.race([Promise.all(running.map((a) => a.finished.catch(() => null))), timeout]);
            await frame();  // a finished fade may start the next one
        }
    }""")


def _interact(page, path: str) -> None:
    if page.locator("fieldset.checklist").count():
        page.locator("fieldset.checklist input[type=checkbox]").first.check()
    if path == ASSESSMENT:
        levels = [lv["id"] for lv in levels_on(page)]
        _, ids = three_in_one_area(page)
        rate(page, ids[0], levels[0])
        rate(page, ids[1], levels[-1])
        rate(page, ids[2], "unsure")
        page.fill(note(ids[0]), "Evidence")
        import_file(page, "bad.json", "{oops")  # shows the status message
        expect(page.locator("#sa-status")).to_contain_text("Nothing was changed")
        page.locator("#sa-import").focus()
    # Ticking scrolls the page, and Material's header then fades the page title in: scan
    # what a reader sees once it has faded in, not a frame of the fade.
    settle(page)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_interactive_pages_pass_axe_before_and_after_interaction(visit, checklist_path, scheme):
    failures = []
    for path in (checklist_path, ASSESSMENT):
        page = visit(path, color_scheme=scheme)
        wanted = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == wanted
        for moment in ("before", "after"):
            if moment == "after":
                _interact(page, path)
            violations = axe_violations(page)
            if violations:
                failures.append(report(f"{path} ({moment} interaction)", scheme, violations))
    assert not failures, "\n\n".join(failures)


# --- without JavaScript ---------------------------------------------------------------

@pytest.mark.browser
def test_without_javascript_the_checklist_and_every_indicator_are_there(visit, checklist_path, content):
    page = visit(checklist_path, java_script_enabled=False)
    fieldset = page.locator("fieldset.checklist").first
    expect(fieldset).to_be_visible()
    assert fieldset.locator("input[type=checkbox]").count() >= 1
    assert fieldset.locator("label").count() == fieldset.locator("input[type=checkbox]").count()
    expect(page.get_by_role("button", name="Clear this checklist")).to_have_count(0)

    page = visit(ASSESSMENT, java_script_enabled=False)
    expected = [ind.id for area in content.areas for ind in area.indicators]
    fieldsets = page.locator("fieldset[data-indicator]")
    assert [fieldsets.nth(i).get_attribute("data-indicator") for i in range(fieldsets.count())] == expected
    for i in range(fieldsets.count()):
        expect(fieldsets.nth(i).locator("legend")).to_be_visible()
        assert fieldsets.nth(i).locator("input[type=radio]").count() == len(content.scale.levels) + 1
    expect(page.locator(".assessment__noscript")).to_be_visible()
    # Controls that need the script are not offered when they cannot work.
    expect(page.locator("#sa-tools")).to_be_hidden()
    expect(page.locator("#sa-summary")).to_be_hidden()
