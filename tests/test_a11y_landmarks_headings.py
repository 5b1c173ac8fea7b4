"""Landmarks and headings as a screen reader gets them: read from Chromium's own
accessibility tree (the Chrome DevTools Protocol's Accessibility.getFullAXTree), on every
built page, with JavaScript on, as a 1280 px window shows them.

- No heading's name ends in "¶", and each permalink is named "Link to this section: <its
  heading>" (macros/permalinks.py).
- At most 4 navigation landmarks on a page (overrides/partials/nav-item.html, toc-item.html).
- The main landmark holds the page's own content: its first heading is the page's H1 and
  no menu or table-of-contents link is inside it; "Skip to content" lands inside it
  (overrides/main.html, macros/theme_markup.py).
"""
from __future__ import annotations

import pytest

from conftest import site_pages

pytestmark = pytest.mark.browser

MAX_NAVIGATION_LANDMARKS = 4


def ax_tree(page) -> list[dict]:
    """Every node of the page's accessibility tree that is not ignored."""
    client = page.context.new_cdp_session(page)
    try:
        nodes = client.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        client.detach()
    return [n for n in nodes if not n.get("ignored")]


def role(node) -> str:
    return (node.get("role") or {}).get("value", "")


def name(node) -> str:
    return " ".join(str((node.get("name") or {}).get("value", "")).split())


def under(nodes: list[dict], ancestor_role: str) -> list[dict]:
    """The nodes inside the first node with ancestor_role (in tree order)."""
    by_id = {n["nodeId"]: n for n in nodes}
    top = next((n for n in nodes if role(n) == ancestor_role), None)
    if top is None:
        return []
    inside, stack = [], list(top.get("childIds", []))
    while stack:
        node = by_id.get(stack.pop(0))
        if node is None:
            continue
        inside.append(node)
        stack[0:0] = node.get("childIds", [])
    return inside


@pytest.fixture(scope="module")
def trees(browser, built_site, site_url):
    """path -> (accessibility tree, the page's H1 text), for every built page."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    found = {}
    for path in site_pages(built_site):
        page.goto(site_url + path, wait_until="load")
        page.wait_for_function("() => document.documentElement.dataset.guideA11y === 'ready'")
        h1 = page.evaluate("() => document.querySelector('article h1')?.textContent.trim() || ''")
        found[path] = (ax_tree(page), h1)
    context.close()
    assert len(found) >= 20, f"expected the whole guide, found {len(found)} pages"
    return found


def test_no_heading_name_ends_in_a_pilcrow(trees):
    bad = [f"/{path}: heading {name(n)!r}" for path, (nodes, _) in trees.items()
           for n in nodes if role(n) == "heading" and "¶" in name(n)]
    assert not bad, "headings read out with their permalink:\n  " + "\n  ".join(bad[:20])


def test_each_permalink_says_which_section_it_links_to(trees):
    bad, seen = [], 0
    for path, (nodes, _) in trees.items():
        headings = {name(n) for n in nodes if role(n) == "heading"}
        for n in nodes:
            if role(n) != "link" or not name(n).startswith("Link to this section"):
                if role(n) == "link" and name(n) in ("¶", ""):
                    bad.append(f"/{path}: a link named {name(n)!r}")
                continue
            seen += 1
            section = name(n).removeprefix("Link to this section: ")
            if section not in headings:
                bad.append(f"/{path}: {name(n)!r} names no heading on the page")
    assert seen >= 100, f"only {seen} permalinks found: are headings still given one?"
    assert not bad, "\n  ".join(bad[:20])


def test_at_most_four_navigation_landmarks(trees):
    counts = {path: [name(n) for n in nodes if role(n) == "navigation"]
              for path, (nodes, _) in trees.items()}
    over = {p: names for p, names in counts.items() if len(names) > MAX_NAVIGATION_LANDMARKS}
    assert not over, "\n".join(f"/{p}: {len(n)} navigation landmarks: {n}" for p, n in over.items())
    for path, names in counts.items():
        assert len(names) == len(set(names)), f"/{path}: two navigation landmarks share a name: {names}"


def test_main_holds_the_page_content_and_no_menu(trees):
    bad = []
    for path, (nodes, h1) in trees.items():
        inside = under(nodes, "main")
        if not inside:
            bad.append(f"/{path}: no main landmark")
            continue
        headings = [name(n) for n in inside if role(n) == "heading"]
        if not headings or headings[0] != h1:
            bad.append(f"/{path}: main's first heading is {headings[:1]}, not the page's H1 {h1!r}")
        navs = [name(n) for n in inside if role(n) == "navigation"]
        # The self-assessment's own "Areas to rate" is part of that page's content.
        menus = [n for n in navs if n in ("Navigation", "Table of contents")]
        if menus:
            bad.append(f"/{path}: main holds the site's {menus}")
    assert not bad, "\n  ".join(bad)


@pytest.mark.parametrize("path", ["", "conditions/vision/", "classroom/"])
def test_skip_to_content_lands_in_main_on_the_page_title(browser, site_url, path):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + path, wait_until="load")
    page.wait_for_function("() => document.documentElement.dataset.guideA11y === 'ready'")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    target = page.evaluate("""() => {
        const t = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        return t && {tag: t.tagName, inMain: !!t.closest('main'), first: t === document.querySelector('main h1')};
    }""")
    assert target == {"tag": "H1", "inMain": True, "first": True}
    # The next Tab goes on from there, inside the content, not back to the menu.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main') && !document.activeElement.closest('.md-sidebar')")
    context.close()
