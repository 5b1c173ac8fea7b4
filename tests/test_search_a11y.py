"""Search for a keyboard and screen-reader user (overrides/assets/javascripts/a11y.js part 6,
overrides/partials/search.html, the inline shortcut handler in overrides/main.html):
results have names, Tab reaches them, their number is said politely, and keys typed before
the theme's scripts arrive are kept."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

AREA = "conditions/vision/"
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 390, "height": 800}


@pytest.fixture
def context(browser):
    made = browser.new_context(viewport=DESKTOP)
    yield made
    made.close()


def ready(page):
    page.wait_for_function("() => document.documentElement.dataset.guideA11y === 'ready'")


def search_for(page, words: str):
    page.keyboard.press("/")
    page.keyboard.type(words, delay=30)
    page.wait_for_selector(".md-search-result__link", state="visible")
    page.wait_for_timeout(300)


def result_link_names(page) -> list[str]:
    client = page.context.new_cdp_session(page)
    nodes = client.send("Accessibility.getFullAXTree")["nodes"]
    client.detach()
    names = []
    for node in nodes:
        props = {p["name"]: p.get("value", {}).get("value") for p in node.get("properties", [])}
        if not node.get("ignored") and node.get("role", {}).get("value") == "link" and "?h=" in str(props.get("url", "")):
            names.append(str(node.get("name", {}).get("value", "")).strip())
    return names


def active(page) -> str:
    return page.evaluate("""() => { const e = document.activeElement;
        return e.matches('[data-md-component=search-query]') ? 'field'
             : e.matches('.md-search-result__link') ? 'result' : e.outerHTML.slice(0, 80); }""")


def test_every_result_link_is_named_by_its_page_and_section(context, site_url):
    page = context.new_page()
    page.goto(site_url + AREA)
    ready(page)
    search_for(page, "vision")
    names = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')].map((item) => ({
        page: item.querySelector('article h1')?.textContent.trim(),
        links: [...item.querySelectorAll('a.md-search-result__link')].map((a) => ({
            section: a.querySelector('article h2')?.textContent.trim() || '', label: a.getAttribute('aria-label') }))}))""")
    assert names, "no results for 'vision'"
    # The names as Chromium computes them (what a screen reader reads), not just attributes:
    # every result link (its address carries ?h=) in the accessibility tree has one.
    spoken = result_link_names(page)
    shown = page.evaluate("[...document.querySelectorAll('a.md-search-result__link')]"
                          ".filter((a) => a.checkVisibility()).length")
    assert len(spoken) >= shown > 0, spoken
    assert all(spoken), f"a result link without a name: {spoken}"
    for item in names:
        for link in item["links"]:
            assert item["page"] in link["label"], link
            assert link["section"] in link["label"], link
    sections = [link for item in names for link in item["links"] if link["section"]]
    assert sections, "no section results: the check of section names checked nothing"


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["desktop", "narrow"])
def test_tab_moves_into_the_results_and_shift_tab_back(context, site_url, viewport):
    page = context.new_page()
    page.set_viewport_size(viewport)
    page.goto(site_url + AREA)
    ready(page)
    search_for(page, "vision")
    assert active(page) == "field"
    page.keyboard.press("Tab")
    assert active(page) == "result", "Tab from the search field did not go to the first result"
    first = page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Tab")
    assert active(page) == "result"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") != first
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert active(page) == "field", "Shift+Tab did not go back to the search field"
    assert page.evaluate("document.getElementById('__search').checked"), "Tab closed the search"
    # Material's arrow keys still move through the results.
    page.keyboard.press("ArrowDown")
    assert active(page) == "result"
    page.keyboard.press("ArrowUp")
    assert active(page) == "field"


def test_the_number_of_results_is_said_politely_once_it_settles(context, site_url):
    page = context.new_page()
    page.goto(site_url + AREA)
    ready(page)
    page.evaluate("""() => {
        window.__said = [];
        const status = document.querySelector('[data-guide-search-status]');
        new MutationObserver(() => window.__said.push(status.textContent))
            .observe(status, {childList: true, characterData: true, subtree: true});
    }""")
    assert page.locator("[data-guide-search-status][role=status]").count() == 1
    search_for(page, "vision")
    page.wait_for_timeout(800)
    meta = page.evaluate("document.querySelector('.md-search-result__meta').textContent.trim()")
    assert re.fullmatch(r"\d+ matching documents?", meta), meta
    said = page.evaluate("window.__said")
    assert said and said[-1] == meta, f"the count was not put in the status line: {said}"
    # Typing on without changing the count says nothing more.
    before = len(said)
    page.keyboard.type("  ", delay=30)
    page.wait_for_timeout(900)
    assert page.evaluate("window.__said").__len__() == before, page.evaluate("window.__said")


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["desktop", "narrow"])
def test_keys_typed_before_the_scripts_arrive_are_kept(context, site_url, viewport):
    page = context.new_page()
    page.set_viewport_size(viewport)
    # A slow phone: the theme's bundle arrives a second and a half after the page.
    def slow(route):
        page.wait_for_timeout(1500)
        route.continue_()
    page.route(re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$"), slow)
    page.goto(site_url + AREA, wait_until="domcontentloaded")
    assert not page.evaluate("!!window.document$"), "the bundle ran already: the check checks nothing"
    page.keyboard.press("/")
    page.keyboard.type("hotspot", delay=20)
    assert page.evaluate("document.querySelector('[data-md-component=search-query]').value") == "hotspot"
    ready(page)
    page.wait_for_selector(".md-search-result__link", state="visible", timeout=10000)
    assert page.evaluate("document.querySelector('[data-md-component=search-query]').value") == "hotspot"
    assert "hotspot" in page.locator(".md-search-result__list").inner_text().lower()
