"""Area pages on a phone (issue 13): nothing scrolls sideways at 390 px, the indicator
levels stack under each indicator with their level's name, and the table is still a table
in Chromium's accessibility tree; the glance box comes first."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros.loader import load_content

ROOT = Path(__file__).resolve().parent.parent
CONTENT = load_content(ROOT, ROOT / "docs")
AREA_PATHS = {a.id: a.page.removesuffix(".md") + "/" for a in CONTENT.areas}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = context.new_page()
    yield page
    context.close()


def overflow(page) -> dict:
    return page.evaluate("""() => {
        const doc = document.scrollingElement;
        const wide = [...document.querySelectorAll('.md-content *')]
            .filter(el => el.scrollWidth > el.clientWidth + 1 &&
                          getComputedStyle(el).overflowX !== 'visible' &&
                          getComputedStyle(el).overflowX !== 'hidden')
            .map(el => el.tagName + '.' + el.className);
        return {page: doc.scrollWidth - doc.clientWidth, scrollers: wide};
    }""")


@pytest.mark.parametrize("area_id", AREA_PATHS)
def test_nothing_scrolls_sideways_at_390_px(phone, site_url, area_id):
    phone.goto(site_url + AREA_PATHS[area_id])
    found = overflow(phone)
    assert found["page"] <= 0, f"the page scrolls {found['page']} px sideways"
    assert not found["scrollers"], f"boxes that scroll sideways: {found['scrollers']}"


def test_levels_stack_with_their_names_and_stay_a_table_for_screen_readers(phone, site_url):
    area = CONTENT.areas[0]
    phone.goto(site_url + AREA_PATHS[area.id])
    cell = phone.locator("table.indicators td").first
    label = cell.evaluate("el => getComputedStyle(el, '::before').content")
    assert CONTENT.scale.levels[0].label in label
    boxes = phone.locator("table.indicators tbody tr").first.locator("td").evaluate_all(
        "cells => cells.map(c => c.getBoundingClientRect().top)")
    assert boxes == sorted(boxes) and len(set(boxes)) == len(boxes), "levels should stack"

    session = phone.context.new_cdp_session(phone)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    roles = [n.get("role", {}).get("value") for n in nodes if not n.get("ignored")]
    rows = len(area.indicators) + 1
    assert roles.count("table") >= 1
    assert roles.count("row") >= rows, roles
    assert roles.count("columnheader") >= len(CONTENT.scale.levels) + 1
    assert roles.count("rowheader") >= len(area.indicators)
    assert roles.count("cell") >= len(area.indicators) * len(CONTENT.scale.levels)


def test_the_wide_table_keeps_its_columns_on_a_laptop(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + AREA_PATHS[CONTENT.areas[0].id])
    tops = page.locator("table.indicators tbody tr").first.locator("td").evaluate_all(
        "cells => cells.map(c => Math.round(c.getBoundingClientRect().top))")
    context.close()
    assert len(set(tops)) == 1, "on a wide screen each indicator is one row of four levels"


def test_the_glance_box_is_the_first_thing_under_the_title(phone, site_url):
    phone.goto(site_url + AREA_PATHS[CONTENT.areas[-1].id])
    first = phone.evaluate("""() => {
        const h1 = document.querySelector('.md-content h1');
        // The title and its permalink share a wrapper (macros/permalinks.py).
        let next = (h1.closest('.guide-heading') || h1).nextElementSibling;
        return next ? next.className : null;
    }""")
    assert "at-a-glance" in first
    assert phone.get_by_role("heading", name="At a glance").is_visible()
