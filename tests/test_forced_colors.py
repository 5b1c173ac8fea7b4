"""Forced colors (Windows High Contrast), emulated by Chromium in both schemes: what the theme
draws as a background must still show in the reader's system colours (the forced-colors
rules in guide.css and interactive.css). Each check reads the colour the browser really
paints, and the chart's bars are also checked on a screenshot."""
from __future__ import annotations

import pytest

from test_accessibility_manual import png_pixels

pytestmark = pytest.mark.browser

TOOL = "getting-started/online-self-assessment/"
RATE = TOOL + "access-ownership/"  # one area's rating page; the summary is on TOOL
AREA = "conditions/vision/"
SCHEMES = ["light", "dark"]

COLOURS = """(items) => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const canvas = rgb(getComputedStyle(document.body).backgroundColor);
  return items.map(([selector, pseudo, property]) => {
    const el = document.querySelector(selector);
    if (!el) return {selector, missing: true};
    const colour = rgb(getComputedStyle(el, pseudo || null)[property]);
    const distance = Math.max(...colour.map((c, i) => Math.abs(c - canvas[i])));
    return {selector, pseudo, colour, canvas, distance};
  });
}"""


def open_page(browser, site_url, path, scheme, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.emulate_media(forced_colors="active", color_scheme=scheme)
    page.goto(site_url + path)
    page.wait_for_function("() => document.documentElement.dataset.guideA11y === 'ready'")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    return context, page


def far_from_canvas(found: list[dict]) -> list[str]:
    return [f"{f['selector']}{f.get('pseudo') or ''}: {'missing' if f.get('missing') else f'{f} (the background colour)'}"
            for f in found if f.get("missing") or f["distance"] < 128]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_summary_chart_bars_show(browser, site_url, scheme):
    context, page = open_page(browser, site_url, RATE, scheme)
    radios = page.locator(".assessment__choice input")
    radios.nth(3).check()  # the top level of the first indicator: a full bar
    page.goto(site_url + TOOL)  # the summary, with its chart, is on the main page
    page.wait_for_function("() => document.documentElement.dataset.guideA11y === 'ready'")
    page.wait_for_selector(".assessment__bar-fill")
    bad = far_from_canvas(page.evaluate(COLOURS, [[".assessment__bar-fill", "", "backgroundColor"]]))
    assert not bad, bad
    # The pixels too: the middle of the bar is painted, not left in the background colour.
    fill = page.locator(".assessment__bar-fill").first
    width, height, bpp, raw = png_pixels(fill.screenshot())
    middle = ((height // 2) * width + width // 2) * bpp
    canvas = page.evaluate("getComputedStyle(document.body).backgroundColor")
    shade = raw[middle:middle + 3]
    background = 255 if "255" in canvas else 0
    assert max(abs(c - background) for c in shade) > 128, f"bar pixel {tuple(shade)} on {canvas}"
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_drawer_icons_and_the_search_field_edge_show(browser, site_url, scheme):
    context, page = open_page(browser, site_url, AREA, scheme, width=390)
    page.locator(".md-header button[data-guide-for=__drawer]").click()
    page.wait_for_timeout(400)
    bad = far_from_canvas(page.evaluate(COLOURS, [
        [".md-nav--primary .md-nav__link .md-nav__icon", "::after", "backgroundColor"],
        [".md-nav--primary .md-nav__title .md-nav__icon", "::after", "backgroundColor"],
    ]))
    assert not bad, bad
    page.keyboard.press("Escape")
    page.locator(".md-header__button[data-guide-for=__search]").click()
    page.wait_for_timeout(300)
    edge = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.md-search__form'));
        return [s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
    assert edge[0] != "none" and edge[1] >= 1, f"the search field has no edge: {edge}"
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_matches_show(browser, site_url, scheme):
    context, page = open_page(browser, site_url, AREA, scheme)
    page.keyboard.press("/")
    page.keyboard.type("vision", delay=30)
    page.wait_for_selector(".md-search-result mark", state="visible")
    found = page.evaluate(COLOURS, [[".md-search-result mark", "", "backgroundColor"]])
    assert not far_from_canvas(found), found
    # The marked words are readable: their text colour differs from the mark's own.
    text = page.evaluate(COLOURS, [[".md-search-result mark", "", "color"]])[0]
    assert max(abs(a - b) for a, b in zip(text["colour"], found[0]["colour"])) >= 128, (text, found)
    context.close()
