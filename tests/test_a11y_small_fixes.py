"""The smaller accessibility fixes of issue 16, each checked as a reader would meet it."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

TOOL = "getting-started/online-self-assessment/"
RATE = TOOL + "access-ownership/"  # one area's rating page (the form is rated area by area)
AREA = "conditions/vision/"


@pytest.fixture
def context(browser):
    made = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    yield made
    made.close()


def open_page(context, url, width=1280):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url)
    page.wait_for_function("() => document.documentElement.dataset.guideA11y === 'ready'")
    page.wait_for_timeout(100)
    return page


def test_evidence_boxes_have_one_name_each(context, site_url):
    page = open_page(context, site_url + RATE)
    names = page.evaluate("[...document.querySelectorAll('.assessment textarea')].map((t) => t.getAttribute('aria-label'))")
    assert len(names) >= 4
    assert len(set(names)) == len(names), "two evidence boxes share a name"
    assert all(n.startswith("Evidence note (optional)") for n in names), names[:3]
    # As a screen reader finds it: by that name, exactly one field.
    assert page.get_by_role("textbox", name=names[2], exact=True).count() == 1


def test_progress_is_announced_only_when_the_count_changes(context, site_url):
    page = open_page(context, site_url + RATE)
    page.evaluate("""() => { window.__writes = 0;
        new MutationObserver(() => window.__writes++).observe(document.getElementById('sa-progress'),
            {childList: true, characterData: true, subtree: true}); }""")
    page.locator(".assessment__choice input").first.check()
    assert page.locator("#sa-progress").inner_text().startswith("1 of")
    writes = page.evaluate("window.__writes")
    assert writes >= 1
    page.keyboard.press("ArrowDown")  # the next level of the same indicator: still 1 rated
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(100)
    assert page.evaluate("document.querySelectorAll('.assessment__choice input:checked').length") == 1
    assert page.evaluate("window.__writes") == writes, "the live region was rewritten with the same count"


def test_clear_with_nothing_ticked_says_so(context, site_url):
    page = open_page(context, site_url + AREA)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Clear this checklist").click()
    count = page.locator(".checklist__count")
    assert count.get_attribute("aria-live") == "polite"
    assert "Nothing to clear" in count.inner_text()
    assert not dialogs


def test_replacing_one_rating_is_said_in_the_singular(context, site_url, tmp_path):
    page = open_page(context, site_url + RATE)
    page.locator(".assessment__choice input").first.check()
    page.goto(site_url + TOOL)  # export and import live on the main page
    page.wait_for_function("() => document.documentElement.dataset.guideA11y === 'ready'")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export JSON").click()
    saved = tmp_path / "one.json"
    info.value.save_as(saved)
    messages = []
    page.on("dialog", lambda d: (messages.append(d.message), d.dismiss()))
    page.set_input_files("#sa-import", str(saved))
    page.wait_for_timeout(300)
    assert messages and "Replace the 1 rating saved" in messages[0] and "with the 1 rating in" in messages[0], messages


def test_drawer_arrow_buttons_are_named_apart_from_the_links_beside_them(context, site_url):
    page = open_page(context, site_url + AREA, width=390)
    page.locator(".md-header__button[data-guide-for=__drawer]").click()
    page.wait_for_timeout(400)
    found = page.evaluate("""() => {
        const nav = document.querySelector('.md-nav--primary');
        const text = (e) => (e.getAttribute('aria-label') || e.textContent).replace(/\\s+/g, ' ').trim();
        return {links: [...nav.querySelectorAll('a[href]')].map(text),
                arrows: [...nav.querySelectorAll('.md-nav__container > button')].map(text)}; }""")
    assert found["arrows"], "no section arrow buttons found"
    assert all(a.startswith("Pages in ") for a in found["arrows"]), found["arrows"]
    assert not set(found["arrows"]) & set(found["links"])


def test_icons_keep_a_small_size_without_the_stylesheet(context, site_url):
    page = context.new_page()
    page.set_viewport_size({"width": 1264, "height": 800})
    page.route(re.compile(r"\.css(\?|$)"), lambda route: route.abort())
    page.goto(site_url + AREA, wait_until="load")
    widest = page.evaluate("Math.max(...[...document.querySelectorAll('svg')].map((s) => s.getBoundingClientRect().width))")
    assert 0 < widest <= 48, f"an icon is {widest} px wide with CSS blocked"


def test_checklists_say_they_do_not_save_without_javascript(browser, site_url):
    for js, shown in ((False, True), (True, False)):
        context = browser.new_context(java_script_enabled=js)
        page = context.new_page()
        page.goto(site_url + AREA, wait_until="load")
        if js:
            page.wait_for_function("() => document.documentElement.dataset.guideA11y === 'ready'")
            page.wait_for_selector(".checklist__count")
        note = page.locator("fieldset.checklist [data-without-script]")
        assert (note.count() == 1 and "not saved" in note.inner_text()) == shown, f"JavaScript {js}"
        context.close()
