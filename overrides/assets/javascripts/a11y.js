// Keyboard access and focus management for the parts of Material for MkDocs 9.8 that are
// drawn by <label>s, and named, focusable scroll regions for Markdown tables. Each fix
// answers a defect found by tests/test_accessibility_manual.py (see ACCESSIBILITY.md);
// CSS and templates do what they can (guide.css, partials/header.html, partials/palette.html)
// and this file does only what they cannot.
//
// 1. Real buttons. Material opens the drawer, the search, its sub-menus and switches the
//    palette with <label for="a hidden checkbox">. A label cannot take focus, ignores Enter
//    and Space, has no name when it holds only an icon, and may not be given a role (WCAG
//    2.1.1, 4.1.2). Each such label is swapped for a <button type="button"> with the same
//    classes and contents (Material's CSS still matches its `for` attribute); the button
//    clicks the checkbox, so Material sees the change it always saw, and aria-expanded
//    follows the checkbox. Without JavaScript the labels stay and work with a mouse.
// 2. Focus follows what opens (WCAG 2.4.3): opening the drawer or a sub-menu moves focus
//    into it; going back from a sub-menu returns focus to the button that opened it;
//    opening the search puts focus in its field; switching the palette keeps focus on the
//    toggle, which Material swaps for the other one.
// 3. Escape closes the drawer or the search and returns focus to what opened it. On a wide
//    screen the search field is its own opener: focus goes back to it, the search stays
//    closed, and typing opens it again.
// 4. Leaving the open drawer with Tab closes it, so focus never sits behind its overlay.
// 5. Markdown tables: Material wraps each in div.md-typeset__scrollwrap, which scrolls
//    sideways on a narrow screen but cannot be focused or named (WCAG 2.1.1, 1.4.10). Each
//    wrapper that scrolls becomes a labelled region in the tab order, like the indicator
//    tables' div.table-scroll.
// 6. Search results (WCAG 2.1.1, 4.1.2, 4.1.3): Material's result links wrap an <article>
//    and get no name, so each is named after its page and section; they take Tab stops, so
//    Tab goes from the field into the results and Shift+Tab back (Material closed the search
//    on Tab; its arrow keys still work); leaving the search with Tab closes it; and the
//    number of results is said politely once it settles, only when it changed.
// Its words: <html data-guide-ui>, from scripts.yml (macros/publish/page_strings.py).
(function () {
  "use strict";
  var ui = {};
  try { ui = JSON.parse(document.documentElement.getAttribute("data-guide-ui")).a11y || {}; } catch (e) { /* none */ }
  function say(key, values) {
    return (ui[key] || "").replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  }
  function giveName(el, key, values) {
    var text = say(key, values || {});
    if (text) el.setAttribute("aria-label", text);
  }

  var SWAP = [
    "label[data-guide-button]", // header drawer and search buttons, palette toggles
    ".md-nav--primary label.md-nav__link[for]", // open a sub-menu, or this page's contents
    ".md-nav--primary .md-nav label.md-nav__title[for]", // go back from one
    '.md-search__form label.md-search__icon[for="__search"]' // close the search
  ].join(",");
  // Not swapped: the drawer's own title (it holds the logo link, and a button may not hold
  // a link; Escape, the header button and Tab out of the drawer close it), and the titles
  // of the table of contents beside the page on a wide screen (they do nothing there).

  function byId(id) { return id ? document.getElementById(id) : null; }
  function toggle(name) { return document.querySelector('[data-md-toggle="' + name + '"]'); }
  function controlOf(button) { return byId(button.getAttribute("data-guide-for")); }
  function shown(el) {
    return !!el && el.getClientRects().length > 0 &&
      (!el.checkVisibility || el.checkVisibility({ visibilityProperty: true }));
  }
  function isPalette(el) { return !!el.closest('[data-md-component="palette"]'); }
  function drawer() { return document.querySelector(".md-sidebar--primary"); }
  function headerButton(id) { return document.querySelector('.md-header button[data-guide-for="' + id + '"]'); }
  function searchInput() { return document.querySelector('[data-md-component="search-query"]'); }

  function setChecked(input, value) {
    // As Material's own setToggle(): a click, so every listener hears the change.
    if (input && input.checked !== value) input.click();
  }

  function firstTabbable(root) {
    if (!root) return null;
    var all = root.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]');
    for (var i = 0; i < all.length; i++) {
      if (!all[i].disabled && all[i].tabIndex >= 0 && shown(all[i])) return all[i];
    }
    return null;
  }

  // Focus once the checkbox change has restyled the page (the panel is visible by then).
  // preventScroll: the panel is still sliding in, and scrolling it into view would shift
  // the drawer's clipped box sideways for good.
  function focusSoon(find) {
    requestAnimationFrame(function () {
      var el = typeof find === "function" ? find() : find;
      if (el) el.focus({ preventScroll: true });
    });
  }

  // --- 1. Labels become buttons ---------------------------------------------------------
  function sync() {
    document.querySelectorAll("button[data-guide-for][aria-expanded]").forEach(function (b) {
      var input = controlOf(b);
      if (input) b.setAttribute("aria-expanded", String(input.checked));
    });
    var icon = document.querySelector('.md-search__form button[data-guide-for="__search"]');
    var search = toggle("search");
    if (icon && search) {
      // Decoration while the search is closed (the field itself is the control).
      if (search.checked) icon.removeAttribute("aria-hidden");
      else icon.setAttribute("aria-hidden", "true");
    }
  }

  function swap(label) {
    var button = document.createElement("button");
    button.type = "button";
    for (var i = 0; i < label.attributes.length; i++) {
      var at = label.attributes[i];
      if (at.name !== "tabindex" && at.name !== "data-guide-button") button.setAttribute(at.name, at.value);
    }
    var id = label.htmlFor;
    button.setAttribute("data-guide-for", id);
    var name = label.getAttribute("data-guide-button");
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);

    var input = byId(id);
    var text = button.textContent.replace(/\s+/g, " ").trim();
    if (name) {
      button.setAttribute("aria-label", name);
    } else if (button.classList.contains("md-search__icon")) {
      giveName(button, "close_search");
      button.tabIndex = -1; // Escape closes the search from the keyboard; Tab goes on
    } else if (id === "__toc" && button.classList.contains("md-nav__link")) {
      // Its text is the page title: say what it opens, keeping the visible words first.
      var toc = document.querySelector(".md-nav--secondary[aria-label]");
      if (toc) button.setAttribute("aria-label", text + ": " + toc.getAttribute("aria-label"));
    } else if (!text && input) {
      // The arrow beside a section's link holds only an icon: name it by the menu it opens,
      // in words that differ from the link beside it ("Getting Started"), so a voice-control
      // user who says the link's name gets the link, not a choice of two (WCAG 2.5.3, 4.1.2).
      var menu = input.parentElement.querySelector(":scope > [data-guide-menu]");
      if (menu) giveName(button, "pages_in", { section: menu.getAttribute("data-guide-menu") });
    }
    if (input && !isPalette(button)) button.setAttribute("aria-expanded", String(input.checked));
    button.addEventListener("click", onClick);
    if (isPalette(button)) {
      // Material's palette form also clicks the next scheme on Enter: once is enough.
      button.addEventListener("keydown", function (ev) { if (ev.key === "Enter") ev.stopPropagation(); });
    }
  }

  function onClick(ev) {
    var button = ev.currentTarget, input = controlOf(button);
    if (!input) return;
    var opening = !input.checked;
    input.click();
    sync();
    if (isPalette(button)) {
      // The button pressed is hidden now; the other scheme's toggle takes its place.
      focusSoon(function () { return document.querySelector('[data-md-component="palette"] .md-option:checked + button'); });
    } else if (input.id === "__drawer") {
      if (opening) focusSoon(function () { return firstTabbable(drawer()); });
    } else if (input.id === "__search") {
      if (opening) focusSoon(searchInput);
      else focusSoon(returnFromSearch);
    } else if (input.classList.contains("md-nav__toggle")) {
      var item = input.parentElement;
      if (opening) {
        focusSoon(function () { return firstTabbable(item.querySelector(":scope > .md-nav")); });
      } else {
        // Back from a sub-menu: to the button that opens it, in the menu above.
        focusSoon(function () {
          var opener = item.querySelector(':scope > button[data-guide-for="' + input.id + '"], ' +
            ':scope > .md-nav__container > button[data-guide-for="' + input.id + '"]');
          return shown(opener) ? opener : firstTabbable(drawer());
        });
      }
    }
  }

  // --- 3. Escape, and the search field as its own opener --------------------------------
  // Material opens the search whenever its field gains focus (it listens for focus, and
  // for focusin on the body). Stopping both on their way down keeps the search closed.
  var quiet = false;
  function hush(ev) { if (quiet && ev.target === searchInput()) ev.stopImmediatePropagation(); }
  window.addEventListener("focus", hush, true);
  window.addEventListener("focusin", hush, true);

  function returnFromSearch() {
    var button = headerButton("__search");
    if (shown(button)) return button;
    var input = searchInput();
    if (input) { quiet = true; input.focus(); quiet = false; }
    return null;
  }

  function onKeydown(ev) {
    var target = ev.target, search = toggle("search"), nav = toggle("drawer");
    if (/^[\/sf]$/.test(ev.key) && search && !search.checked && shown(headerButton("__search")) &&
        !ev.ctrlKey && !ev.metaKey && !ev.altKey &&
        !(target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      // Material's shortcuts focus the search field, which is hidden while the search is
      // closed on a narrow screen: open it first, and Material's focus() then works.
      setChecked(search, true);
      sync();
      return;
    }
    if (ev.key !== "Escape") return;
    if (search && search.checked) {
      // Material closes the search on Escape and blurs the field; once its focus tracking
      // (debounced by a millisecond) has seen that, put focus back on the opener.
      setTimeout(function () {
        setChecked(search, false);
        sync();
        var back = returnFromSearch();
        if (back) back.focus();
      }, 50);
      return;
    }
    if (nav && nav.checked && shown(headerButton("__drawer"))) {
      ev.preventDefault();
      setChecked(nav, false);
      sync();
      headerButton("__drawer").focus();
    }
  }

  function onInput(ev) {
    // Typing in the field after Escape closed the search opens it again.
    var search = toggle("search");
    if (ev.target === searchInput() && search && !search.checked) { setChecked(search, true); sync(); }
  }

  // --- 4. Tab out of the open drawer closes it ------------------------------------------
  function onFocusOut(ev) {
    var search = toggle("search"), box = document.querySelector(".md-search"), to = ev.relatedTarget;
    if (search && search.checked && box && to && box.contains(ev.target) && !box.contains(to) &&
        to !== headerButton("__search")) {
      // Tab past the last result (or Shift+Tab before the field) leaves the search: close it.
      setChecked(search, false);
      sync();
    }
    var nav = toggle("drawer"), d = drawer(), next = ev.relatedTarget;
    if (!nav || !nav.checked || !d || !next || !shown(headerButton("__drawer"))) return;
    if (d.contains(next) || next === headerButton("__drawer")) return;
    setChecked(nav, false);
    sync();
  }

  // --- 5. Markdown tables ---------------------------------------------------------------
  function headingBefore(el) {
    for (var node = el; node && node !== document.body; node = node.parentElement) {
      for (var prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (/^H[1-6]$/.test(prev.tagName)) return prev;
        var inner = prev.querySelectorAll("h1, h2, h3, h4, h5, h6");
        if (inner.length) return inner[inner.length - 1];
      }
    }
    return null;
  }
  function textOf(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (a) { a.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  function labelTables() {
    var used = {};
    document.querySelectorAll('.md-typeset [role="region"][aria-label]').forEach(function (r) {
      used[r.getAttribute("aria-label")] = true;
    });
    document.querySelectorAll(".md-typeset .md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth + 1) {
        // Fits: no region, no Tab stop.
        if (wrap.hasAttribute("data-guide-region")) {
          wrap.removeAttribute("role");
          wrap.removeAttribute("tabindex");
        }
        return;
      }
      if (!wrap.hasAttribute("aria-label")) {
        var table = wrap.querySelector("table");
        var caption = table && table.caption ? table.caption.textContent.replace(/\s+/g, " ").trim() : "";
        var heading = headingBefore(wrap);
        var name = caption || say(heading ? "table_named" : "table", { heading: heading ? textOf(heading) : "" });
        for (var base = name, n = 2; used[name]; n++) name = base + " (" + n + ")";
        used[name] = true;
        wrap.setAttribute("aria-label", name);
      }
      wrap.setAttribute("data-guide-region", "");
      wrap.setAttribute("role", "region");
      wrap.tabIndex = 0;
    });
  }

  // A browser may restore a checked drawer or search toggle when the page is reloaded or
  // revisited (Material's autocomplete="off" on them is invalid HTML and was taken away, see
  // macros/theme_markup.py): a page always starts with both closed.
  var restored = false;
  function closeRestored() {
    if (restored) return;
    restored = true;
    var nav = performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
    if (!nav || (nav.type !== "reload" && nav.type !== "back_forward")) return;
    ["__drawer", "__search"].forEach(function (id) {
      var input = byId(id);
      if (input && input.checked && document.activeElement === document.body) input.checked = false;
    });
  }

  // --- 6. Search results ------------------------------------------------------------------
  function clean(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }
  function nameResults(list) {
    list.querySelectorAll(".md-search-result__item").forEach(function (item) {
      var page = clean(item.querySelector("a.md-search-result__link article h1"));
      item.querySelectorAll("a.md-search-result__link").forEach(function (link) {
        link.tabIndex = 0;
        var section = clean(link.querySelector("article h2"));
        var name = section && page && section !== page ? say("search_result", { section: section, page: page }) : page || section;
        if (name && link.getAttribute("aria-label") !== name) link.setAttribute("aria-label", name);
      });
    });
  }
  var said = "", saying = null;
  function sayCount() {
    var meta = document.querySelector(".md-search-result__meta");
    var status = document.querySelector("[data-guide-search-status]");
    var search = toggle("search");
    clearTimeout(saying);
    if (!meta || !status) return;
    // Once the reader pauses typing: one announcement per settled count, not one per key.
    saying = setTimeout(function () {
      var text = search && search.checked ? clean(meta) : "";
      if (text === said) return;
      said = text;
      status.textContent = text;
    }, 600);
  }
  var watching = null;
  function watchResults() {
    var result = document.querySelector('[data-md-component="search-result"]');
    if (!result || result === watching) return;
    watching = result;
    new MutationObserver(function () {
      var list = result.querySelector(".md-search-result__list");
      if (list) nameResults(list);
      sayCount();
    }).observe(result, { childList: true, subtree: true, characterData: true });
  }
  // Material closes the search on Tab, and moves focus to the field on any other key (Shift
  // among them, so Shift+Tab went forward from the field). Those keys are kept from it while
  // focus is in the open search, and the browser moves focus as it always does.
  window.addEventListener("keydown", function (ev) {
    var search = toggle("search");
    if (!search || !search.checked || !ev.target.closest || !ev.target.closest(".md-search")) return;
    if (/^(Tab|Shift|Control|Alt|Meta|CapsLock)$/.test(ev.key)) ev.stopImmediatePropagation();
  }, true);

  function setUp() {
    closeRestored();
    watchResults();
    document.querySelectorAll(SWAP).forEach(swap);
    sync();
    labelTables();
    document.documentElement.setAttribute("data-guide-a11y", "ready"); // for the tests
  }

  document.addEventListener("keydown", onKeydown);
  document.addEventListener("input", onInput);
  document.addEventListener("focusout", onFocusOut);
  // A checkbox may change by mouse, or by Material itself (it clicks it).
  document.addEventListener("change", function (ev) {
    if (ev.target.matches && ev.target.matches("input.md-toggle, input.md-nav__toggle")) sync();
  });
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(labelTables, 150);
  });

  // Material's document$ emits once its own components (the table wrappers among them) are
  // in place, and again after instant navigation. If this file runs before Material's bundle,
  // set up now (it is safe to run again) and subscribe once document$ exists.
  function subscribe() {
    if (!window.document$ || typeof window.document$.subscribe !== "function") return false;
    window.document$.subscribe(setUp);
    return true;
  }
  if (!subscribe()) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
    else setUp();
    var tries = 0, waiting = setInterval(function () {
      if (subscribe() || ++tries > 200) clearInterval(waiting);
    }, 50);
  }
})();
