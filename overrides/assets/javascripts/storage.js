// Small, safe wrappers around localStorage, shared by the checklist and the
// self-assessment modules, and (at the end) their interface strings' helpers.
//
// Why wrap it: in private browsing, with cookies blocked, or when the quota is
// full, merely touching localStorage can throw. The guide must keep working as a
// page to read in that case, so every call here catches and reports failure
// instead of letting the error stop the script.
//
// Nothing here (or anywhere in the guide) sends data over the network: answers
// stay in this browser on this device.

/** True when this browser lets the page save data. */
export function storageAvailable() {
  try {
    const probe = "deg:probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

/** The parsed value saved under `key`, or `fallback` if none, unreadable or blocked. */
export function readJSON(key, fallback = null) {
  try {
    const text = window.localStorage.getItem(key);
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** Save `value` under `key`; returns false (and does not throw) if the browser refuses. */
export function writeJSON(key, value) {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Forget `key`; returns false if the browser refuses. */
export function remove(key) {
  try {
    window.localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/** A plain `{}` object (not an array, not null), as saved data must be. */
export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Run `init` now and again after each instant navigation.
 *
 * Material's `document$` observable emits for the first page and again whenever
 * instant navigation swaps a page in without a reload. The guide has instant
 * navigation off today; subscribing anyway means turning it on later does not
 * silently break the interactive parts. We also run at once, because module
 * scripts run after the document is parsed and must not depend on the theme's
 * bundle having started. `init` must therefore be idempotent.
 */
export function onEveryPage(init) {
  init();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => init());
  }
}

// --- interface strings: a tool's words come in its data-ui attribute (macros/scripts_ui.py).

/** The group `part` of the strings an element carries ({} if none). */
export function strings(root, part) {
  try {
    return JSON.parse(root.dataset.ui || "{}")[part] || {};
  } catch {
    return {};
  }
}

/** `text` with each {name} filled from `values`. */
export function format(text, values = {}) {
  return String(text ?? "").replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
}

/** forms.one for 1, else forms.other, with {count} filled. */
export function plural(forms, count, values = {}) {
  return format(count === 1 ? forms.one : forms.other, { count, ...values });
}

/** `value` with one decimal as the page's language writes it (2.5; 2,5 in Spanish). */
export function decimal(value) {
  return value.toLocaleString(document.documentElement.lang || undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
