"""The accessibility checks that axe cannot make: WCAG 2.2 AA as a keyboard, a narrow or zoomed
screen, a dark or reduced-motion preference, no JavaScript, or a printer would meet the site.

Each check visits one page of every type (home, section landing, area, tool, downloads,
about, and the search results), once per check, with one shared Chromium. ACCESSIBILITY.md
says what each check protects and how to run them (``./run test -k accessibility``).
"""
from __future__ import annotations

import io
import re
import struct
import zlib
from html.parser import HTMLParser

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from test_accessibility_axe import AXE_TAGS, axe_violations, report

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "section landing": "classroom/",
    "area": "conditions/vision/",
    "tool": "getting-started/self-assessment-tool/",
    "downloads": "downloads/",
    "about": "about/",
}
AREA = PAGE_TYPES["area"]
RESOURCES = "taking-it-forward/resources/"  # the page with the most links to other sites
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}  # a 1280 px window at 400 % zoom (WCAG 1.4.10)
SEARCH_TERM = "vision"


# --------------------------------------------------------------------------------------
# Opening pages
# --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context with JavaScript and one without, shared by every check here
    (a new context costs more than the page itself); each page sets its own window size,
    colour scheme and motion preference, and leaves no stored state behind."""
    made = {js: browser.new_context(viewport=DESKTOP, java_script_enabled=js) for js in (True, False)}
    yield made
    for context in made.values():
        context.close()


@pytest.fixture
def visit(contexts, site_url):
    """visit(path, **options) -> a loaded page; all closed, and their storage cleared, after."""
    pages = []

    def go(path, *, viewport=DESKTOP, scheme="light", js=True, motion="no-preference"):
        page = contexts[js].new_page()
        pages.append(page)
        page.set_default_timeout(10000)
        page.set_viewport_size(viewport)
        # Set before loading, so the page's first visit sees the reader's preferences.
        page.emulate_media(media="screen", color_scheme=scheme, reduced_motion=motion)
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(site_url + path, wait_until="load")
        if js:
            # The theme's scripts start after the first paint; a11y.js marks the page when it
            # has run. Without that mark (a11y.js missing), wait for the network to settle
            # and let the checks below report what is broken.
            try:
                page.wait_for_function("() => document.documentElement.dataset.guideA11y === 'ready'",
                                       timeout=5000)
            except PlaywrightTimeout:
                page.wait_for_load_state("networkidle")
            page.wait_for_timeout(50)
        return page

    yield go
    for page in pages:
        if not page.is_closed():
            if page.context is contexts[True]:
                # A scheme chosen or a box ticked here must not carry over to the next check.
                page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
            page.close()


# --------------------------------------------------------------------------------------
# Shared in-page helpers
# --------------------------------------------------------------------------------------

# Defined once per page: window.__a11y, with the helpers the checks below call.
HELPERS = r"""() => {
  if (window.__a11y) return;
  const rgba = (s) => {
    const m = String(s).match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const over = (top, bottom) => {  // composite a translucent colour over an opaque one
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const pageBg = () => {
    for (const el of [document.body, document.documentElement]) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c[3] > 0) return over(c, [255, 255, 255, 1]);
    }
    return [255, 255, 255, 1];
  };
  // The colour painted at a point, ignoring `skip` and what is inside it.
  const bgAt = (x, y, skip) => {
    const layers = [];
    for (const el of document.elementsFromPoint(x, y)) {
      if (skip && (el === skip || skip.contains(el))) continue;
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), pageBg());
  };
  // The opaque background behind an element's text, walking up its ancestors.
  const bgOf = (el) => {
    const layers = [];
    for (let n = el; n; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), pageBg());
  };
  const shown = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    const docWidth = document.documentElement.scrollWidth;
    return r.right > 0 && r.left < docWidth;
  };
  const describe = (el) => {
    if (!el || !el.tagName) return String(el);
    const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("title") || "")
      .replace(/\s+/g, " ").trim().slice(0, 50);
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
    const role = el.getAttribute("role") ? `[role=${el.getAttribute("role")}]` : "";
    return `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${cls}${role}> "${name}"`;
  };
  // A <label for> drawn as a button: its own control is not rendered, so the label is all
  // a reader sees and uses.
  const labelButton = (el) => {
    if (!el.matches("label[for]")) return false;
    const target = document.getElementById(el.htmlFor);
    if (!target) return false;
    const r = target.getBoundingClientRect();
    const cs = getComputedStyle(target);
    const hidden = r.width < 2 || r.height < 2 || cs.opacity === "0" || cs.display === "none" ||
      !target.checkVisibility({ visibilityProperty: true });
    // ...and it shows itself as clickable.
    return hidden && getComputedStyle(el).cursor === "pointer";
  };
  // Something on top that hides nothing: no background of its own and no content (a
  // transparent click target), or a translucent layer (an overlay fading out).
  const seeThrough = (el) => {
    let opacity = 1;
    for (let n = el; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
    const bg = rgba(getComputedStyle(el).backgroundColor);
    const painted = bg[3] > 0.9 || el.matches("img, svg, video, canvas, input, textarea, select") ||
      [...el.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
    return opacity < 0.9 || !painted;
  };
  let counter = 0;
  const idOf = (el) => {
    if (!el.dataset.a11yId) el.dataset.a11yId = "n" + (++counter);
    return el.dataset.a11yId;
  };
  // Every link, button and control a reader can see, which Tab must reach.
  const expected = (within) => {
    const out = [];
    // From the skip link's target on, when only the content is tabbed through.
    const skip = document.querySelector(".md-skip");
    const start = within && skip ? document.getElementById(decodeURIComponent(skip.hash.slice(1))) : null;
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, " +
      "[tabindex]:not([tabindex='-1']), [role=button], label[for]";
    for (const el of document.querySelectorAll(selector)) {
      if (el.matches("label[for]") && !el.matches("[role=button], [tabindex]") && !labelButton(el)) continue;
      // The drawer's title holds the logo link, so it cannot be a button; Escape, the
      // header's button and Tab out of the drawer all close the drawer instead.
      if (el.matches(".md-nav__title[for=__drawer]")) continue;
      if (el.disabled || el.closest("[inert], [aria-hidden=true]")) continue;
      if (el.getAttribute("tabindex") === "-1") continue;  // deliberately left out of Tab
      if (el.matches("summary") && !el.closest("details")) continue;
      if (!shown(el)) continue;
      if (within && !el.closest(within)) continue;
      if (start && (start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)) continue;
      out.push({ id: idOf(el), desc: describe(el) });
    }
    return out;
  };
  // What the focused element looks like to a sighted keyboard user.
  const focusState = () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const rects = [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const r = el.getBoundingClientRect();
    const vw = innerWidth, vh = innerHeight;
    // Obscured (WCAG 2.4.11): is any of nine points on the element visible and the
    // element's own, not under the sticky header or anything else?
    let seen = 0, inView = 0;
    // Inside something transparent or hidden, nothing of it can be seen.
    const drawn = el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    for (const box of drawn ? (rects.length ? rects : [r]) : []) {
      for (const fx of [0.1, 0.5, 0.9]) for (const fy of [0.15, 0.5, 0.85]) {
        const x = box.left + box.width * fx, y = box.top + box.height * fy;
        if (x < 0 || y < 0 || x >= vw || y >= vh) continue;
        inView++;
        const hit = document.elementFromPoint(x, y);
        if (hit && (hit === el || el.contains(hit) || hit.contains(el) || seeThrough(hit))) seen++;
      }
    }
    const cs = getComputedStyle(el);
    const outlineWidth = parseFloat(cs.outlineWidth) || 0;
    const hasOutline = cs.outlineStyle !== "none" && outlineWidth > 0;
    let ringContrast = null;
    if (hasOutline) {
      // Sample the background just outside the ring, on the element's left and right.
      const off = (parseFloat(cs.outlineOffset) || 0) + outlineWidth / 2;
      const ring = rgba(cs.outlineColor);
      const cy = r.top + r.height / 2;
      const samples = [];
      for (const x of [r.left - off - outlineWidth, r.right + off + outlineWidth]) {
        if (x >= 0 && x < vw && cy >= 0 && cy < vh) samples.push(bgAt(x, cy, el));
      }
      if (!samples.length) samples.push(bgOf(el.parentElement || el));
      const ringInside = parseFloat(cs.outlineOffset) < 0;
      const base = ringInside ? [bgOf(el)] : samples;
      ringContrast = Math.min(...base.map((b) => contrast(over(ring, b), b)));
    }
    return {
      id: idOf(el), desc: describe(el), tag: el.tagName,
      rect: { x: r.left, y: r.top, width: r.width, height: r.height },
      inView, seen, hasOutline, ringContrast,
      outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
      inMain: !!el.closest("main"), inContent: !!el.closest(".md-content"),
      inDrawer: !!el.closest(".md-sidebar--primary"),
      signature: [el.tagName, el.getAttribute("role") || "", (typeof el.className === "string" ? el.className : "")
        .split(/\s+/).filter((c) => c.startsWith("md-") || c === "headerlink").sort().join("."),
        el.closest("header, nav, main, footer, aside")?.tagName || ""].join("|"),
    };
  };
  window.__a11y = { rgba, contrast, over, bgAt, bgOf, shown, describe, expected, focusState, idOf, labelButton };
}"""


def helpers(page):
    page.evaluate(HELPERS)


def focus_state(page, colours: bool = False):
    """The focused element, once any transition it started (a drawer sliding in, the search
    opening, a heading's link fading in) has finished: what a reader sees, not a frame in
    between. A link's own colour change hides nothing, so only `colours=True` waits for it;
    colour changes around it (the search box turning white) are waited for."""
    return page.evaluate("""async (colours) => {
        const el = document.activeElement;
        // What can move, hide or cover the focused element: it and its ancestors (a drawer
        // sliding in), and the layers that open over the page.
        const layers = ".md-top, .md-overlay, .md-search__overlay, .md-search__inner, .md-search__output, .md-sidebar";
        const matters = (a) => {
          const t = a.effect && a.effect.target;
          if (!t || !el || !t.contains) return false;
          const colour = /color/.test(a.transitionProperty || "");
          if (t.contains(el)) return colours || !colour;
          return !colour && t.matches(layers);
        };
        const running = document.getAnimations()
          .filter(matters)
          .map((a) => a.finished.catch(() => null));
        if (running.length)
          await Promise.race([Promise.all(running), new Promise((r) => setTimeout(r, 600))]);
        return window.__a11y.focusState();
    }""", colours)


def press(page, key, settle=0):
    page.keyboard.press(key)
    if settle:
        page.wait_for_timeout(settle)


def tab(page, back: bool = False):
    """Press Tab (or Shift+Tab) through the DevTools protocol: the same trusted key event as
    page.keyboard.press, in half the round trips, which matters over hundreds of presses."""
    session = getattr(page, "a11y_cdp", None)
    if session is None:
        session = page.a11y_cdp = page.context.new_cdp_session(page)
    for kind in ("rawKeyDown", "keyUp"):
        session.send("Input.dispatchKeyEvent", {"type": kind, "key": "Tab", "code": "Tab",
                                                "windowsVirtualKeyCode": 9, "nativeVirtualKeyCode": 9,
                                                "modifiers": 8 if back else 0})


# --------------------------------------------------------------------------------------
# A tiny PNG reader, so focus rings can be compared pixel by pixel without extra packages
# --------------------------------------------------------------------------------------

def png_pixels(data: bytes) -> tuple[int, int, int, bytes]:
    """(width, height, bytes per pixel, raw rows) of an 8-bit RGB(A) PNG from Chromium."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format"
            bpp = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    out, prev = bytearray(), bytearray(stride)
    for row in range(height):
        kind = raw[row * (stride + 1)]
        line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line
        prev = line
    return width, height, bpp, bytes(out)


def changed_pixels(before: bytes, after: bytes, threshold: int = 48) -> int:
    w1, h1, bpp, a = png_pixels(before)
    w2, h2, _, b = png_pixels(after)
    assert (w1, h1) == (w2, h2)
    return sum(1 for i in range(0, len(a), bpp)
               if max(abs(a[i] - b[i]), abs(a[i + 1] - b[i + 1]), abs(a[i + 2] - b[i + 2])) > threshold)


def indicator_pixels(page, state) -> tuple[int, int]:
    """Pixels that change when the focused element loses focus, and the element's perimeter."""
    r = state["rect"]
    vw, vh = page.viewport_size["width"], page.viewport_size["height"]
    x0, y0 = max(0, r["x"] - 6), max(0, r["y"] - 6)
    x1, y1 = min(vw, r["x"] + r["width"] + 6), min(vh, r["y"] + r["height"] + 6)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return 0, 1
    clip = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}
    focused = page.screenshot(clip=clip, animations="disabled")
    page.evaluate("() => document.activeElement.blur()")
    unfocused = page.screenshot(clip=clip, animations="disabled")
    page.evaluate("(id) => document.querySelector(`[data-a11y-id='${id}']`).focus()", state["id"])
    perimeter = 2 * (min(r["width"], x1 - x0) + min(r["height"], y1 - y0))
    return changed_pixels(focused, unfocused), int(perimeter)


# --------------------------------------------------------------------------------------
# Keyboard: skip link, Tab order, visible and unobscured focus
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content(visit, kind):
    page = visit(PAGE_TYPES[kind])
    helpers(page)
    press(page, "Tab")
    state = focus_state(page)
    assert state and "md-skip" in state["desc"], f"{kind}: the first Tab reached {state and state['desc']}"
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'", timeout=2000)
    skip = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
        return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, text: e.textContent.trim(),
                 hit: e.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)),
                 target: e.hash }}""")
    assert skip["text"] == "Skip to content"
    assert skip["top"] >= 0 and skip["left"] >= 0 and skip["right"] <= DESKTOP["width"], skip
    assert skip["hit"], f"{kind}: the skip link is covered by something else when focused"
    press(page, "Enter", settle=100)
    target = page.evaluate("(hash) => { const t = document.getElementById(decodeURIComponent(hash.slice(1)));"
                           " return t && !!t.closest('main') && !t.closest('.md-sidebar'); }", skip["target"])
    assert target, f"{kind}: the skip link's target {skip['target']} is not in the main content"
    press(page, "Tab")
    after = focus_state(page)
    assert after and after["inContent"], (
        f"{kind}: after Skip to content, Tab went to {after and after['desc']}, not the page content")


def tab_cycle(page, *, screenshots: int = 0, limit: int = 400):
    """Tab from the top of the page until focus comes back to the skip link.

    Returns (states in order, problems). Checks each stop's focus indicator and that it is
    not hidden; compares pixels with and without focus for the first `screenshots` stops of
    each kind of element."""
    states, problems, shot_kinds = [], [], {}
    for _ in range(limit):
        tab(page)
        state = focus_state(page)
        if state is None:
            continue  # the document itself, between two rounds
        if states and "md-skip" in state["desc"]:
            return states, problems
        states.append(state)
        where = state["desc"]
        if state["seen"] == 0:
            problems.append(f"focus is hidden (off screen or covered, WCAG 2.4.11): {where} at {state['rect']}")
        if not state["hasOutline"]:
            problems.append(f"no focus outline (WCAG 2.4.7): {where} ({state['outline']})")
        elif state["ringContrast"] is not None and state["ringContrast"] < 3:
            problems.append(f"focus ring contrast {state['ringContrast']:.2f}:1 < 3:1 (WCAG 1.4.11): "
                            f"{where} ({state['outline']})")
        if screenshots and shot_kinds.get(state["signature"], 0) < screenshots and state["seen"]:
            shot_kinds[state["signature"]] = shot_kinds.get(state["signature"], 0) + 1
            state = focus_state(page, colours=True)
            changed, perimeter = indicator_pixels(page, state)
            if changed < perimeter:
                problems.append(f"focus indicator hard to see: {changed} px change when focused, less "
                                f"than the element's {perimeter} px perimeter: {where}")
    problems.append(f"Tab never came back to the skip link in {limit} presses (a keyboard trap, WCAG 2.1.2)")
    return states, problems


# The header, the navigation and the table of contents are the same on every page, so they
# are tabbed through on the home and area pages, at both widths. On the other page types Tab
# starts from the skip link's target and goes through the content and the footer, round to
# the skip link again: every control of their own, and no trap.
# The narrow area page is tabbed through in the dark scheme, so both palettes' focus rings are
# measured.
CYCLES = [("home", "desktop", "page"), ("area", "desktop", "page"),
          ("home", "narrow", "page"), ("area", "narrow-dark", "page")] + [
    (kind, "desktop", "content") for kind in PAGE_TYPES if kind not in ("home", "area")]


@pytest.mark.parametrize("kind, size, scope", CYCLES, ids=[f"{k}-{s}-{c}" for k, s, c in CYCLES])
def test_tab_reaches_every_control_with_a_visible_unobscured_focus_and_no_trap(visit, kind, size, scope):
    page = visit(PAGE_TYPES[kind], viewport=DESKTOP if size == "desktop" else NARROW,
                 scheme="dark" if size.endswith("dark") else "light")
    helpers(page)
    within = None if scope == "page" else "main, footer"
    expected = page.evaluate("(within) => window.__a11y.expected(within)", within)
    assert expected, "found no controls at all: the check itself is broken"
    if scope == "content":
        tab(page)
        press(page, "Enter", settle=50)  # Skip to content
    states, problems = tab_cycle(page, screenshots=1 if scope == "page" else 0)
    reached = {s["id"] for s in states}
    missed = [e["desc"] for e in expected if e["id"] not in reached]
    if missed:
        problems.append("not reachable with Tab (WCAG 2.1.1): " + "; ".join(missed))
    assert not problems, f"{kind} ({size}):\n  " + "\n  ".join(problems)


def test_shift_tab_backwards_keeps_focus_in_view(visit):
    """Going back up brings Material's "Back to top" button in under the header, and in the
    side bars the menu's and the contents' titles stay stuck at the top: focus must not
    land underneath any of them (WCAG 2.4.11). A short window makes the side bars scroll."""
    page = visit(AREA, viewport={"width": 1280, "height": 560})
    helpers(page)
    problems = []

    def back_through(steps, where):
        for _ in range(steps):
            tab(page, back=True)
            state = focus_state(page)
            if state is not None and (state["inView"] == 0 or state["seen"] == 0):
                problems.append(f"{where}: {state['desc']} at {state['rect']}")

    tab(page)  # the skip link; Shift+Tab from it goes round to the end of the page
    back_through(30, "from the end of the page")
    for last in (".md-sidebar--primary a.md-nav__link", ".md-sidebar--secondary a.md-nav__link"):
        count = page.evaluate("(sel) => document.querySelectorAll(sel).length", last)
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        tab_to(page, f"e === [...document.querySelectorAll('{last}')].pop()", limit=300)
        back_through(min(count, 40), f"up through {last.split()[0]}")
    assert not problems, "focus hidden when moving backwards:\n  " + "\n  ".join(problems)


# --------------------------------------------------------------------------------------
# Keyboard: the header controls, the drawer, the search, disclosures, checkboxes
# --------------------------------------------------------------------------------------

def tab_to(page, predicate_js: str, limit: int = 60):
    for _ in range(limit):
        tab(page)
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!e && ({predicate_js}); }}"):
            return focus_state(page)
    raise AssertionError(f"Tab never reached an element where {predicate_js}")


def checked(page, element_id: str) -> bool:
    return page.evaluate(f"() => document.getElementById('{element_id}').checked")


def test_drawer_works_from_the_keyboard_and_escape_returns_focus(visit):
    page = visit(AREA, viewport=NARROW)
    helpers(page)
    button = tab_to(page, "e.matches('.md-header [for=__drawer]')")
    name = page.evaluate("() => [document.activeElement.tagName, "
                         "document.activeElement.getAttribute('aria-label'), "
                         "document.activeElement.getAttribute('aria-expanded')]")
    assert name == ["BUTTON", "Navigation", "false"], f"drawer button element, name, state: {name}"
    press(page, "Enter", settle=350)
    assert checked(page, "__drawer"), "Enter on the drawer button did not open the drawer"
    inside = focus_state(page)
    assert inside["inDrawer"] and inside["seen"], f"focus did not move into the open drawer: {inside}"
    assert page.evaluate("() => document.querySelector('.md-header [for=__drawer]')"
                         ".getAttribute('aria-expanded')") == "true"

    # The drawer opens on this page's section; its title button goes back to the main menu.
    assert page.evaluate("() => document.activeElement.matches('button.md-nav__title')"), inside
    press(page, "Space", settle=350)
    opener = focus_state(page)
    assert opener["inDrawer"] and opener["seen"], f"after going back, focus is lost: {opener}"
    assert page.evaluate("() => document.activeElement.getAttribute('aria-expanded')") == "false"
    press(page, "Enter", settle=350)
    again = focus_state(page)
    assert again["inDrawer"] and again["seen"] and again["id"] != opener["id"], (
        f"Enter on a menu button did not open its menu: focus at {again}")
    # Everything Tab reaches in the open drawer can be seen.
    for _ in range(4):
        press(page, "Tab", settle=30)
        step = focus_state(page)
        if not step["inDrawer"]:
            break
        assert step["seen"], f"focus went to something hidden in the drawer: {step}"

    press(page, "Escape", settle=350)
    assert not checked(page, "__drawer"), "Escape did not close the drawer"
    back = focus_state(page)
    assert back and back["id"] == button["id"], f"after Escape focus went to {back and back['desc']}"

    # Tab past the end of the open drawer closes it (nothing behind the overlay can be seen).
    press(page, "Space", settle=350)
    assert checked(page, "__drawer"), "Space on the drawer button did not open the drawer"
    for _ in range(40):
        press(page, "Tab")
        if not focus_state(page)["inDrawer"]:
            break
    page.wait_for_timeout(350)
    assert not checked(page, "__drawer"), "the drawer stayed open after focus left it"
    assert focus_state(page)["seen"], "focus went under the drawer's overlay"


def open_search_results(page, narrow: bool):
    if narrow:
        tab_to(page, "e.matches('.md-header [for=__search]')")
        assert page.evaluate("() => [document.activeElement.tagName, "
                             "document.activeElement.getAttribute('aria-label')]") == ["BUTTON", "Search"]
        press(page, "Enter", settle=400)
    else:
        tab_to(page, "e.matches('[data-md-component=search-query]')")
    assert checked(page, "__search"), "the search did not open"
    assert page.evaluate("() => document.activeElement.matches('[data-md-component=search-query]')"), (
        "opening the search did not put focus in the search field")
    page.keyboard.type(SEARCH_TERM)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.wait_for_timeout(300)


@pytest.mark.parametrize("size", ["narrow", "desktop"])
def test_search_works_from_the_keyboard_and_escape_returns_focus(visit, size):
    narrow = size == "narrow"
    page = visit(AREA, viewport=NARROW if narrow else DESKTOP)
    helpers(page)
    open_search_results(page, narrow)
    press(page, "ArrowDown", settle=100)
    result = focus_state(page)
    assert "md-search-result__link" in result["desc"] and result["seen"] and result["hasOutline"], (
        f"ArrowDown did not move to a visible, focused result: {result}")
    # "N more on this page" is a disclosure: Enter opens it.
    summary = page.evaluate("() => !!document.querySelector('.md-search-result__more > summary')")
    if summary:
        for _ in range(5):
            press(page, "ArrowDown", settle=50)
            if page.evaluate("() => document.activeElement.matches('summary')"):
                press(page, "Enter", settle=100)
                assert page.evaluate("() => document.activeElement.closest('details').open"), (
                    "Enter on a search result's summary did not open it")
                break
    press(page, "Escape", settle=300)
    assert not checked(page, "__search"), "Escape did not close the search"
    back = focus_state(page)
    if narrow:
        assert back and page.evaluate("() => document.activeElement.matches('.md-header [for=__search]')"), (
            f"after Escape focus went to {back and back['desc']}, not the search button")
        press(page, "Enter", settle=400)
        assert checked(page, "__search"), "the search button did not reopen the search"
    else:
        assert back and page.evaluate(
            "() => document.activeElement.matches('[data-md-component=search-query]')"), (
            f"after Escape focus went to {back and back['desc']}, not the search field")
        page.wait_for_timeout(200)
        assert not checked(page, "__search"), "returning focus to the field reopened the search"
        page.keyboard.type("s")
        assert checked(page, "__search"), "typing in the field did not reopen the search"
        press(page, "Backspace", settle=500)
    # Enter on a result opens it.
    page.wait_for_selector(".md-search-result__item")
    press(page, "ArrowDown", settle=100)
    assert page.evaluate("() => document.activeElement.matches('.md-search-result__link')")
    target = page.evaluate("() => document.activeElement.href")
    with page.expect_navigation():
        press(page, "Enter")
    assert page.url.split("#")[0].split("?")[0] == target.split("#")[0].split("?")[0]


@pytest.mark.parametrize("size", ["narrow", "desktop"])
def test_palette_toggle_works_with_enter_and_space(visit, size):
    page = visit(AREA, viewport=NARROW if size == "narrow" else DESKTOP)
    helpers(page)
    tab_to(page, "e.closest('[data-md-component=palette]')")
    first = page.evaluate("() => [document.activeElement.tagName, "
                          "document.activeElement.getAttribute('aria-label')]")
    assert first == ["BUTTON", "Switch to dark mode"], f"palette toggle element and name: {first}"
    press(page, "Enter", settle=200)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "Enter did not switch the scheme"
    state = focus_state(page)
    assert state and state["seen"] and "Switch to light mode" in state["desc"], (
        f"after switching, focus is not on the (new) toggle: {state}")
    press(page, "Space", settle=200)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default", "Space did not switch back"
    assert "Switch to dark mode" in focus_state(page)["desc"]


def test_checklist_boxes_toggle_with_space(visit):
    page = visit(AREA)
    helpers(page)
    tab_to(page, "e.matches('fieldset.checklist input[type=checkbox]')", limit=300)
    press(page, "Space")
    assert page.evaluate("() => document.activeElement.checked"), "Space did not tick the checklist box"
    press(page, "Space")
    assert not page.evaluate("() => document.activeElement.checked")


# --------------------------------------------------------------------------------------
# Reflow, zoom and text spacing
# --------------------------------------------------------------------------------------

# Page-level horizontal scrolling, content cut off at the right edge, and sideways scrollers
# that keyboard users cannot reach (WCAG 1.4.10, 2.1.1).
REFLOW = r"""() => {
  const a = window.__a11y, problems = [];
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw + 1)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${vw} px window`);
  const scrollers = [];
  for (const el of document.querySelectorAll("body *")) {
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    const cs = getComputedStyle(el);
    if (/auto|scroll/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      scrollers.push(el);
      const name = el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
      if (!(el.matches("[role=region]") && el.tabIndex === 0 && name))
        problems.push(`sideways scroller is not a focusable, labelled region: ${a.describe(el)}`);
    }
  }
  for (const el of document.querySelectorAll("body *")) {
    if (el.children.length || !el.textContent.trim() || !a.shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right <= vw + 1 && r.left >= -1) continue;
    if (scrollers.some((s) => s.contains(el))) continue;
    problems.push(`cut off at the edge of the window: ${a.describe(el)} (${Math.round(r.left)}..${Math.round(r.right)})`);
  }
  return problems;
}"""

# Text that is cut off by a box that hides what overflows it (WCAG 1.4.4, 1.4.12).
CLIPPED = r"""(allowed) => {
  const a = window.__a11y, problems = [];
  for (const el of document.querySelectorAll("body *")) {
    if (!el.textContent.trim() || !a.shown(el)) continue;
    if (allowed.some((s) => el.matches(s))) continue;
    const cs = getComputedStyle(el);
    const clipX = /hidden|clip/.test(cs.overflowX), clipY = /hidden|clip/.test(cs.overflowY);
    if (!clipX && !clipY) continue;
    const overX = clipX && el.scrollWidth > el.clientWidth + 2;
    const overY = clipY && el.scrollHeight > el.clientHeight + 2;
    if (!overX && !overY) continue;
    // Only text that really lies outside the box counts (not padding or empty children).
    const box = el.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(el);
    const cut = [...range.getClientRects()].some((r) => r.width > 0 && r.height > 0 &&
      (r.right > box.right + 2 || r.bottom > box.bottom + 2 || r.left < box.left - 2 || r.top < box.top - 2));
    if (cut) problems.push(`${a.describe(el)}: ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
  }
  return problems;
}"""

# Material truncates the site name in the header with an ellipsis; the full name is the
# logo link's name and the drawer's title, and the page title beside it is the page's H1.
CLIP_ALLOWED = [".md-header__topic", ".md-header__topic *", ".md-header__ellipsis", ".md-header__title"]

TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


def open_narrow_search(page):
    page.click(".md-header [for=__search]")
    page.keyboard.type(SEARCH_TERM)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.wait_for_timeout(400)


@pytest.mark.parametrize("kind", list(PAGE_TYPES) + ["search results"])
def test_reflow_at_320_css_px(visit, kind):
    page = visit(PAGE_TYPES.get(kind, AREA), viewport=NARROW)
    helpers(page)
    if kind == "search results":
        open_narrow_search(page)
    problems = page.evaluate(REFLOW)
    assert not problems, f"{kind} at 320 px:\n  " + "\n  ".join(problems)


WIDE_TABLE = """() => {
  // A wide Markdown table as Material wraps it (div.md-typeset__scrollwrap > div.md-typeset__table).
  const cells = (tag) => Array.from({ length: 9 }, (_, i) => `<${tag}>Column ${i + 1} with some words</${tag}>`).join("");
  const wrap = document.createElement("div");
  wrap.className = "md-typeset__scrollwrap";
  wrap.innerHTML = `<div class="md-typeset__table"><table><thead><tr>${cells("th")}</tr></thead>` +
    `<tbody><tr>${cells("td")}</tr></tbody></table></div>`;
  document.querySelector("article h2").after(wrap);
  window.dispatchEvent(new Event("resize"));
}"""


def test_a_wide_markdown_table_scrolls_in_its_own_focusable_labelled_region(visit):
    page = visit(AREA, viewport=NARROW)
    helpers(page)
    page.evaluate(WIDE_TABLE)
    page.wait_for_timeout(400)
    region = page.evaluate("""() => { const w = document.querySelector('.md-typeset__scrollwrap');
        return [w.getAttribute('role'), w.tabIndex, w.getAttribute('aria-label'), w.scrollWidth > w.clientWidth]; }""")
    assert region[3], "the test table does not overflow, so it tests nothing"
    assert region[:2] == ["region", 0] and region[2], f"the wide table's wrapper is {region}"
    assert not page.evaluate(REFLOW)
    # Keyboard users scroll it: focus it with Tab, then the arrow keys move it.
    tab_to(page, "e.matches('.md-typeset__scrollwrap')", limit=200)
    press(page, "ArrowRight", settle=200)
    assert page.evaluate("() => document.activeElement.scrollLeft") > 0, "ArrowRight did not scroll the table"
    # Guard the guard: a sideways scroller that is not a focusable region is reported.
    page.evaluate("""() => { const w = document.querySelector('.md-typeset__scrollwrap');
        w.removeAttribute('role'); w.removeAttribute('tabindex'); }""")
    assert any("not a focusable, labelled region" in p for p in page.evaluate(REFLOW))


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_text_at_200_percent_and_with_wcag_text_spacing_is_not_cut_off(visit, kind):
    page = visit(PAGE_TYPES[kind])
    helpers(page)
    problems = []
    # 200 % text: Material sizes everything in rem from a 125 % root, so double that.
    page.evaluate("() => { document.documentElement.style.fontSize = '250%'; }")
    page.wait_for_timeout(150)
    problems += [f"200% text: {p}" for p in page.evaluate(CLIPPED, CLIP_ALLOWED)]
    problems += [f"200% text: {p}" for p in page.evaluate(REFLOW) if "sideways scroller" not in p]
    page.evaluate("() => { document.documentElement.style.fontSize = ''; }")
    page.add_style_tag(content=TEXT_SPACING)
    page.wait_for_timeout(150)
    problems += [f"text spacing: {p}" for p in page.evaluate(CLIPPED, CLIP_ALLOWED)]
    if kind in ("home", "area"):
        page.set_viewport_size(NARROW)
        page.wait_for_timeout(500)  # the drawer's visibility switch waits for its slide
        problems += [f"text spacing at 320 px: {p}" for p in page.evaluate(CLIPPED, CLIP_ALLOWED)]
        problems += [f"text spacing at 320 px: {p}" for p in page.evaluate(REFLOW)]
    assert not problems, f"{kind}:\n  " + "\n  ".join(problems)


def test_the_clipping_check_catches_cut_off_text(visit):
    """Guard the guard: a fixed-height box that hides its overflowing text is reported."""
    page = visit(AREA)
    helpers(page)
    page.evaluate("""() => { const p = document.querySelector('article p');
        p.style.height = '1em'; p.style.overflow = 'hidden'; }""")
    assert page.evaluate(CLIPPED, CLIP_ALLOWED)


# --------------------------------------------------------------------------------------
# Colour schemes, links, motion
# --------------------------------------------------------------------------------------

LINKS = r"""() => {
  const a = window.__a11y, out = [];
  const links = document.querySelectorAll(
    ".md-content article :is(p, li, td, dd, dt, th, label, legend, figcaption) a[href]:not(.headerlink):not(.md-button)");
  for (const link of links) {
    if (!a.shown(link) || !link.textContent.trim()) continue;
    const cs = getComputedStyle(link);
    const fg = a.rgba(cs.color), bg = a.bgOf(link);
    out.push({ desc: a.describe(link), underlined: cs.textDecorationLine.includes("underline"),
               contrast: a.contrast(a.over(fg, bg), bg) });
  }
  return out;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_first_visit_follows_the_system_scheme_and_links_are_underlined_with_contrast(visit, scheme):
    problems = []
    for kind in ("area", "tool"):
        page = visit(PAGE_TYPES[kind], scheme=scheme)
        helpers(page)
        wanted = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == wanted, (
            f"first visit with prefers-color-scheme: {scheme} did not get the {wanted} palette")
        links = page.evaluate(LINKS)
        assert links, f"{kind}: found no links in body text; the check is broken"
        for link in links:
            if not link["underlined"]:
                problems.append(f"{kind}: link not underlined (WCAG 1.4.1): {link['desc']}")
            if link["contrast"] < 4.5:
                problems.append(f"{kind}: link contrast {link['contrast']:.2f}:1 < 4.5:1: {link['desc']}")
    assert not problems, f"{scheme} scheme:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_first_paint_is_already_in_the_system_scheme(browser, site_url, scheme):
    """Material's bundle starts after the first paint, so the page must not wait for it to
    pick the palette: with the bundle held back, the page is in the reader's scheme."""
    context = browser.new_context(color_scheme=scheme)
    context.route(re.compile(r".*/bundle\.[0-9a-f]+\.min\.js$"), lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES["area"], wait_until="load")
    state = page.evaluate("""() => ({scheme: document.body.dataset.mdColorScheme,
        background: getComputedStyle(document.body).backgroundColor,
        bundle: !!window.document$})""")
    context.close()
    assert not state["bundle"], "the bundle ran: the check is not testing the first paint"
    wanted = "slate" if scheme == "dark" else "default"
    assert state["scheme"] == wanted, state
    channels = [int(c) for c in re.findall(r"\d+", state["background"])[:3]]
    assert (sum(channels) < 3 * 128) == (scheme == "dark"), state


MOTION = r"""() => {
  const long = (list) => list.split(",").some((v) => parseFloat(v) * (v.trim().endsWith("ms") ? 0.001 : 1) > 0.01);
  const moving = [];
  for (const el of document.querySelectorAll("*")) {
    for (const pseudo of [null, "::before", "::after"]) {
      const cs = getComputedStyle(el, pseudo);
      if (long(cs.transitionDuration) && cs.transitionProperty !== "none" ||
          (cs.animationName !== "none" && long(cs.animationDuration)))
        moving.push(window.__a11y.describe(el) + (pseudo || "") + ` transition ${cs.transitionDuration}, animation ${cs.animationName} ${cs.animationDuration}`);
    }
  }
  return { moving, scroll: getComputedStyle(document.documentElement).scrollBehavior };
}"""


def test_reduced_motion_stops_animation_and_smooth_scrolling(visit):
    page = visit(AREA, viewport=NARROW, motion="reduce")
    helpers(page)
    page.click(".md-header [for=__drawer]")  # the drawer and its menus are the most animated part
    page.wait_for_timeout(100)
    found = page.evaluate(MOTION)
    assert found["scroll"] == "auto", f"scroll-behavior is {found['scroll']} with reduced motion"
    assert not found["moving"], "still moving with prefers-reduced-motion: reduce:\n  " + "\n  ".join(
        found["moving"][:20])
    # Guard the guard: without the preference, the same check does see Material's motion.
    page = visit(AREA, viewport=NARROW)
    helpers(page)
    assert page.evaluate(MOTION)["moving"], "the motion check sees nothing even without reduced motion"


# --------------------------------------------------------------------------------------
# Structure: headings, landmarks, titles, language, text alternatives
# --------------------------------------------------------------------------------------

STRUCTURE = r"""() => {
  const a = window.__a11y, problems = [];
  const lang = document.documentElement.lang;
  if (!lang) problems.push("no lang on <html>");
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .filter((h) => !h.closest(".md-search-result"));
  const h1s = headings.filter((h) => h.tagName === "H1");
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements (want exactly one)`);
  let prev = 0;
  for (const h of headings) {
    const level = Number(h.tagName[1]);
    if (level > prev + 1) problems.push(`heading level skipped: h${prev} then ${a.describe(h)}`);
    prev = level;
  }
  // Landmarks as a screen reader lists them (rendered elements only).
  const rendered = (el) => el.checkVisibility({ visibilityProperty: true });
  const sectioning = "article, aside, main, nav, section";
  const banners = [...document.querySelectorAll("header, [role=banner]")]
    .filter((e) => rendered(e) && (e.matches("[role=banner]") || !e.parentElement.closest(sectioning)));
  const infos = [...document.querySelectorAll("footer, [role=contentinfo]")]
    .filter((e) => rendered(e) && (e.matches("[role=contentinfo]") || !e.parentElement.closest(sectioning)));
  const mains = [...document.querySelectorAll("main, [role=main]")].filter(rendered);
  if (banners.length !== 1) problems.push(`${banners.length} banner landmarks (header)`);
  if (infos.length !== 1) problems.push(`${infos.length} contentinfo landmarks (footer)`);
  if (mains.length !== 1) problems.push(`${mains.length} main landmarks`);
  const nameOf = (e) => e.getAttribute("aria-label") ||
    (e.getAttribute("aria-labelledby") || "").split(/\s+/).map((id) => document.getElementById(id)?.textContent.trim()).join(" ").trim();
  const navs = [...document.querySelectorAll("nav, [role=navigation]")].filter(rendered);
  if (!navs.length) problems.push("no navigation landmark");
  const names = {};
  for (const nav of navs) {
    const name = nameOf(nav);
    if (!name) problems.push(`navigation without a name: ${a.describe(nav)}`);
    else if (names[name]) problems.push(`two navigation landmarks named "${name}"`);
    names[name] = true;
  }
  // Text alternatives.
  for (const img of document.querySelectorAll("img")) {
    if (!img.hasAttribute("alt")) problems.push(`image without alt: ${img.src}`);
  }
  for (const el of document.querySelectorAll("[role=img], svg")) {
    if (!rendered(el) || el.closest("[aria-hidden=true]") || el.matches("[aria-hidden=true]")) continue;
    const named = nameOf(el) || el.querySelector(":scope > title")?.textContent.trim();
    if (el.matches("[role=img]") && !named) { problems.push(`role=img without a name: ${a.describe(el)}`); continue; }
    if (el.tagName.toLowerCase() !== "svg" || named) continue;
    // An icon inside a named link or button is decoration; an svg on its own carries meaning.
    const control = el.closest("a, button, label, [role=button], summary");
    const controlName = control && (control.getAttribute("aria-label") || control.getAttribute("title") ||
                                    control.textContent.trim());
    if (!controlName && !el.closest(".md-search-result")) problems.push(`svg without a text alternative: ${a.describe(el.parentElement)}`);
  }
  for (const fig of document.querySelectorAll("figure")) {
    const img = fig.querySelector("img, svg, [role=img]");
    const hasText = fig.querySelector("figcaption") || (img && (img.getAttribute("alt") || nameOf(img)));
    if (!hasText) problems.push(`figure without a caption or alternative: ${a.describe(fig)}`);
  }
  return problems;
}"""


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_structure_headings_landmarks_language_and_text_alternatives(visit, kind):
    page = visit(PAGE_TYPES[kind])
    helpers(page)
    problems = page.evaluate(STRUCTURE)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert not problems, f"{kind}:\n  " + "\n  ".join(problems)


class _TitleParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title, self._in = "", False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "title"

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.title += data


def test_every_page_has_a_unique_title(built_site):
    from conftest import site_pages

    titles: dict[str, list[str]] = {}
    for path in site_pages(built_site):
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirect stub for a moved page
        parser = _TitleParser()
        parser.feed(html)
        title = " ".join(parser.title.split())
        assert title, f"{path or 'home'}: no <title>"
        titles.setdefault(title, []).append(path or "(home)")
    same = {t: p for t, p in titles.items() if len(p) > 1}
    assert not same, f"pages that share a <title> (WCAG 2.4.2): {same}"


# --------------------------------------------------------------------------------------
# Without JavaScript
# --------------------------------------------------------------------------------------

NO_JS = r"""() => {
  const a = window.__a11y, problems = [];
  const h1 = document.querySelector("article h1");
  if (!h1 || !a.shown(h1)) problems.push("no visible h1 in the content");
  const text = [...document.querySelectorAll("article p, article li")].filter(a.shown);
  if (!text.length) problems.push("no readable paragraph or list in the content");
  // The page's own contents are repeated inside the menu for narrow screens only.
  const links = [...document.querySelectorAll(".md-nav--primary a.md-nav__link[href]")]
    .filter((l) => !l.closest(".md-nav--secondary"));
  const seen = links.filter(a.shown);
  if (links.length < 10 || seen.length < links.length)
    problems.push(`${seen.length} of ${links.length} navigation links can be seen`);
  for (const set of document.querySelectorAll("fieldset.checklist")) {
    if (!a.shown(set)) { problems.push("a checklist is hidden"); continue; }
    const boxes = [...set.querySelectorAll("input[type=checkbox]")];
    if (!boxes.length) problems.push("a checklist has no boxes");
    for (const box of boxes) {
      const label = set.querySelector(`label[for="${box.id}"]`);
      if (!a.shown(box) || !label || !a.shown(label)) problems.push(`checklist item not readable: ${box.id}`);
    }
  }
  return { problems, checklists: document.querySelectorAll("fieldset.checklist").length };
}"""


def test_without_javascript_content_navigation_and_checklists_are_there(visit):
    problems = []
    for kind, path in PAGE_TYPES.items():
        page = visit(path, js=False)
        page.evaluate(HELPERS)  # page scripts are off; evaluate still runs ours
        found = page.evaluate(NO_JS)
        problems += [f"{kind}: {p}" for p in found["problems"]]
        if kind == "area":
            assert found["checklists"], "the area page has no checklist to check"
            page.focus("fieldset.checklist input[type=checkbox]")
            press(page, "Space")
            assert page.evaluate("() => document.activeElement.checked"), "a checklist box cannot be ticked"
    # Narrow, no JavaScript: the drawer button needs a script, so the drawer opens when Tab
    # enters it; every link Tab reaches there is on screen.
    page = visit(AREA, viewport=NARROW, js=False)
    page.evaluate(HELPERS)
    for _ in range(30):
        press(page, "Tab")
        state = focus_state(page)
        if state and state["inDrawer"]:
            assert state["seen"], f"no JavaScript, 320 px: focus in the closed drawer is hidden: {state}"
    problems += [f"no JavaScript, 320 px: {p}" for p in page.evaluate(REFLOW)]
    assert not problems, "\n  ".join(["without JavaScript:"] + problems)


# --------------------------------------------------------------------------------------
# Print
# --------------------------------------------------------------------------------------

def pdf_text(page) -> str:
    from pypdf import PdfReader

    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return "\n".join(p.extract_text() or "" for p in reader.pages)


CHROME_TEXT = r"""() => {
  // Words that appear only in the navigation chrome, never in the page's own content.
  const article = document.querySelector("article").textContent.replace(/\s+/g, " ");
  const words = new Set();
  for (const el of document.querySelectorAll(
      ".md-sidebar a, .md-sidebar label, .md-header__topic, .md-footer a, .md-footer .md-copyright, .md-skip, .md-top")) {
    const t = el.textContent.replace(/\s+/g, " ").trim();
    if (t.length >= 6 && !article.includes(t)) words.add(t);
  }
  return [...words];
}"""


def test_print_gives_the_content_without_chrome_with_addresses_and_empty_boxes(visit):
    page = visit(AREA)
    helpers(page)
    chrome = page.evaluate(CHROME_TEXT)
    assert len(chrome) >= 5, f"found too little navigation text to check: {chrome}"
    boxes = page.evaluate("() => document.querySelectorAll('fieldset.checklist input[type=checkbox]').length")
    assert boxes, "the area page has no checklist"
    first_para = page.evaluate("() => document.querySelector('article h1 + p, article p').textContent")
    h1 = page.evaluate("() => document.querySelector('article h1').textContent.replace('¶', '').trim()")
    text = pdf_text(page)
    flat = " ".join(text.split())
    assert h1 in flat, "the printed page lacks its heading"
    assert " ".join(first_para.split()[:8]) in flat, "the printed page lacks its first paragraph"
    leaked = [w for w in chrome if w in flat]
    assert not leaked, f"navigation chrome printed: {leaked}"
    assert text.count("\u2610") == boxes, (
        f"the checklist should print {boxes} empty boxes (\u2610), found {text.count(chr(0x2610))}")
    # A ticked box prints ticked.
    page.emulate_media(media="screen")
    page.check("fieldset.checklist input[type=checkbox]")
    ticked = pdf_text(page)
    assert ticked.count("\u2611") == 1 and ticked.count("\u2610") == boxes - 1

    # Links to other sites show their address on paper.
    checked_links = 0
    for path in (AREA, RESOURCES):
        page = visit(path)
        hrefs = page.evaluate("""() => [...document.querySelectorAll('article a[href^="http"]')]
            .filter((a) => !a.closest('.md-content__button, .headerlink') && a.checkVisibility())
            .map((a) => a.href)""")
        squeezed = re.sub(r"\s+", "", pdf_text(page))
        missing = [h for h in hrefs if h not in squeezed]
        assert not missing, f"{path}: printed without their address: {missing[:5]}"
        checked_links += len(hrefs)
    assert checked_links, "no link to another site was printed, so the check checked nothing"


# --------------------------------------------------------------------------------------
# Target size, and axe in the states the page-by-page scan never opens
# --------------------------------------------------------------------------------------

TARGETS = r"""() => {
  const a = window.__a11y;
  const sel = "button, input:not([type=hidden]), select, textarea, summary, [role=button], " +
    "a.md-nav__link, a.md-header__button, a.md-footer__link, a.md-content__button, a.md-source, .md-top";
  const targets = [...document.querySelectorAll(sel)].filter((el) =>
    a.shown(el) && !el.closest("[aria-hidden=true]") && getComputedStyle(el).display !== "inline");
  const rects = targets.map((el) => el.getBoundingClientRect());
  const small = [];
  targets.forEach((el, i) => {
    const r = rects[i];
    if (r.width >= 23.5 && r.height >= 23.5) return;
    // The spacing exception: a 24 px circle on its centre touches no other target.
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const clash = rects.some((o, j) => {
      if (j === i || targets[j].contains(el) || el.contains(targets[j])) return false;
      const dx = Math.max(o.left - cx, 0, cx - o.right), dy = Math.max(o.top - cy, 0, cy - o.bottom);
      return Math.hypot(dx, dy) < 12;
    });
    if (clash) small.push(`${a.describe(el)} is ${Math.round(r.width)}x${Math.round(r.height)} px, too close to another target`);
  });
  return small;
}"""


def test_targets_are_at_least_24_css_px(visit):
    problems = []
    for kind, path in PAGE_TYPES.items():
        page = visit(path)
        helpers(page)
        problems += [f"{kind}, 1280 px: {p}" for p in page.evaluate(TARGETS)]
        page.set_viewport_size(NARROW)
        page.wait_for_timeout(400)
        problems += [f"{kind}, 320 px: {p}" for p in page.evaluate(TARGETS)]
        if kind == "area":
            page.click(".md-header [for=__drawer]")
            page.wait_for_timeout(400)
            problems += [f"{kind}, 320 px, drawer open: {p}" for p in page.evaluate(TARGETS)]
    assert not problems, "targets under 24x24 CSS px (WCAG 2.5.8):\n  " + "\n  ".join(problems)


def axe_within(page, selector: str) -> list[dict]:
    """axe with the gate's tags and every rule, on one part of the page: the rest of the page
    is what the page-by-page gate has already scanned."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=selector, options={
        "runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    return results.response["violations"]


def test_axe_passes_in_the_open_drawer_and_search_results(visit, site_url):
    """The gate scans each page as it loads; these states only exist after a click."""
    failures = []
    page = visit(AREA, viewport=NARROW)
    page.click(".md-header [for=__drawer]")
    page.wait_for_timeout(400)
    if violations := axe_violations(page):  # the whole page: the overlay changes what is in front
        failures.append(report(site_url + AREA + " with the drawer open, 320 px", "light", violations))
    for scheme, viewport in (("dark", NARROW), ("light", DESKTOP)):
        page = visit(AREA, viewport=viewport, scheme=scheme)
        helpers(page)
        if viewport is NARROW:
            open_narrow_search(page)
        else:
            page.click("[data-md-component=search-query]")
            page.keyboard.type(SEARCH_TERM)
            page.wait_for_selector(".md-search-result__item", timeout=10000)
            page.wait_for_timeout(400)
        if violations := axe_within(page, ".md-header"):
            failures.append(report(site_url + AREA + f" search results, {viewport['width']} px", scheme, violations))
    assert not failures, "\n\n".join(failures)
