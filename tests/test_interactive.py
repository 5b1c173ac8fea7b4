"""The interactive parts in a real browser: saved checklists, and the helpers the tests of
the online self-assessment (tests/test_online_self_assessment.py) share.

Every browser test opens pages through the ``visit`` fixture, which fails the test if any
request goes to a host other than the local server or if a script throws.
"""
from __future__ import annotations

import json
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
               "assessment-summary.js", "combine-results.js", "xlsx-reader.js"]


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
def test_checklists_work_when_the_browser_refuses_storage(visit, checklist_path, refusal):
    page = visit(checklist_path, init_script=STORAGE_REFUSED[refusal])
    fieldset = page.locator("fieldset.checklist").first
    fieldset.locator("input[type=checkbox]").first.check()
    expect(fieldset.locator('[aria-live="polite"]')).to_contain_text("1 of ")
    expect(fieldset.locator(".checklist__note")).to_contain_text("not letting the guide save")
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


def _interact(page) -> None:
    page.locator("fieldset.checklist input[type=checkbox]").first.check()
    # Ticking scrolls the page, and Material's header then fades the page title in: scan
    # what a reader sees once it has faded in, not a frame of the fade.
    settle(page)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_checklist_pages_pass_axe_before_and_after_interaction(visit, checklist_path, scheme):
    failures = []
    page = visit(checklist_path, color_scheme=scheme)
    wanted = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == wanted
    for moment in ("before", "after"):
        if moment == "after":
            _interact(page)
        violations = axe_violations(page)
        if violations:
            failures.append(report(f"{checklist_path} ({moment} interaction)", scheme, violations))
    assert not failures, "\n\n".join(failures)


# --- without JavaScript ---------------------------------------------------------------

@pytest.mark.browser
def test_without_javascript_the_checklist_is_there(visit, checklist_path):
    page = visit(checklist_path, java_script_enabled=False)
    fieldset = page.locator("fieldset.checklist").first
    expect(fieldset).to_be_visible()
    assert fieldset.locator("input[type=checkbox]").count() >= 1
    assert fieldset.locator("label").count() == fieldset.locator("input[type=checkbox]").count()
    expect(page.get_by_role("button", name="Clear this checklist")).to_have_count(0)
