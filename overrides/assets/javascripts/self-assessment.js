// The online self-assessment: a main page (docs/getting-started/online-self-assessment.md)
// and one small rating page per area (online-self-assessment/<area-id>.md), so no page
// grows with the number of areas.
//
// Both are server-rendered by macros/assessment.py and readable without JavaScript.
// This module adds, on an area's page: saving ratings and notes in this browser as
// the team goes, with a live count. On the main page: whose self-assessment it is
// (school or team, group, date of the cycle), each area's count, the summary
// (table and chart), export to CSV and JSON, import of a JSON export, printing the
// summary and clearing everything. It reads the scale and the indicators from the
// pages' data- attributes, so it needs no copy of the YAML.
//
// Privacy: this module makes no network request of any kind. Ratings live in
// localStorage under one key, and files move only through the reader's own
// downloads and file picker.

import { exportName, groupLabel, parseImport, toCSV, toJSON } from "./assessment-files.js";
import { renderSummary } from "./assessment-summary.js";
import { format, isPlainObject, onEveryPage, plural, readJSON, remove, storageAvailable, strings, writeJSON } from "./storage.js";

// Bump "v1" only if the stored shape changes; older keys are then left alone.
// ("who" was added beside the ratings without changing them.)
const KEY = "deg:assessment:v1";

/** What a page says about itself: the scale, and its indicators in page order. */
function readPage(root) {
  const data = root.dataset;
  const page = {
    format: data.format,
    version: Number(data.version),
    levels: JSON.parse(data.levels),
    unsure: data.unsure,
    unsureLabel: data.unsureLabel,
    groups: JSON.parse(data.groups || "[]"),
    // The words of this script, the summary and the files (content_data/interface/scripts.yml).
    ui: strings(root, "assessment"),
    summaryUi: strings(root, "summary"),
    filesUi: strings(root, "files"),
  };
  if (data.areas) {
    // The main page: every indicator, from the list the server wrote.
    page.indicators = JSON.parse(data.areas).flatMap((area) =>
      area.indicators.map(([id, text]) => ({ id, text, area: area.id, areaTitle: area.title })));
  } else {
    // An area's page: its own fieldsets.
    page.indicators = [...root.querySelectorAll("fieldset[data-indicator]")].map((fs) => ({
      id: fs.dataset.indicator,
      area: data.area,
      areaTitle: data.areaTitle,
      fieldset: fs,
    }));
  }
  return page;
}

const today = () => {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/**
 * The saved state, or a fresh one. Entries for indicators this guide no longer
 * has (older YAML) are kept in storage, in case they come back, but every
 * count, summary and export looks only at the indicators the guide has.
 */
function loadState() {
  const saved = readJSON(KEY, null);
  const fresh = { version: 1, updated: null, who: {}, ratings: {} };
  if (!(isPlainObject(saved) && saved.version === 1 && isPlainObject(saved.ratings))) return fresh;
  return { ...fresh, ...saved, who: isPlainObject(saved.who) ? saved.who : {} };
}

function setUp(root) {
  if (root.dataset.degReady) return; // already set up (instant navigation re-runs us)
  const page = readPage(root);
  const valid = new Set([page.unsure, ...page.levels.map((l) => l.id)]);
  const canSave = storageAvailable();
  let state = loadState();
  const $ = (selector) => root.querySelector(selector);
  const progress = $("#sa-progress");
  const ui = page.ui;

  // The JavaScript-only parts are rendered hidden; show them now that they work, and
  // drop the notice that says answers are not being saved.
  root.querySelectorAll(":scope > [hidden]").forEach((node) => node.removeAttribute("hidden"));
  root.querySelectorAll("[data-without-script]").forEach((node) => node.remove());
  $("#sa-saved").textContent = canSave ? ui.saved : ui.cannot_save;
  if (!canSave) $("#sa-saved").classList.add("assessment__saved--warning");

  const entryFor = (id) => {
    const entry = state.ratings[id];
    return isPlainObject(entry) ? entry : {};
  };
  const levelOf = (id) => {
    const level = entryFor(id).level;
    return valid.has(level) ? level : "";
  };
  const rated = (indicators) => indicators.filter((i) => levelOf(i.id)).length;
  const who = () => ({
    school: typeof state.who.school === "string" ? state.who.school : "",
    group: page.groups.some((g) => g.id === state.who.group) ? state.who.group : "",
    date: /^\d{4}-\d\d-\d\d$/.test(state.who.date) ? state.who.date : "",
  });

  function save() {
    state.updated = new Date().toISOString();
    if (canSave) writeJSON(KEY, state);
  }

  function showProgress(text) {
    // A live region: rewriting the same words (an arrow key within one indicator, a
    // note) would have them announced again, so only a new count is written.
    if (progress.textContent !== text) progress.textContent = text;
  }

  const refresh = root.dataset.mode === "area" ? setUpArea() : setUpSummary();
  refresh();
  // Another tab of the guide (an area's page, say) changed the ratings: show them here too.
  window.addEventListener("storage", (event) => {
    if (event.key !== KEY) return;
    state = loadState();
    refresh(true);
  });
  root.dataset.degReady = "true";

  // --- an area's page: the form --------------------------------------------------------
  function setUpArea() {
    const whoLine = $("#sa-who");

    // Put the state into the form (after loading, or a change in another tab).
    function fillForm() {
      for (const ind of page.indicators) {
        const level = levelOf(ind.id);
        for (const radio of ind.fieldset.querySelectorAll('input[type="radio"]')) radio.checked = radio.value === level;
        ind.fieldset.querySelector("textarea").value = String(entryFor(ind.id).note || "");
      }
    }

    function refreshArea(fromElsewhere) {
      if (fromElsewhere) fillForm();
      showProgress(format(ui.area_progress, { rated: rated(page.indicators), total: page.indicators.length }));
      const { school, group, date } = who();
      const parts = [school, groupLabel(page, group), date && format(ui.cycle_of, { date })].filter(Boolean);
      whoLine.textContent = parts.length ? format(ui.rating_for, { who: parts.join(", ") }) : ui.say_who;
    }

    // Record one indicator from the form, as the team goes.
    function record(fieldset) {
      const id = fieldset.dataset.indicator;
      const checked = fieldset.querySelector('input[type="radio"]:checked');
      const level = checked ? checked.value : "";
      const note = fieldset.querySelector("textarea").value;
      if (level || note.trim()) state.ratings[id] = { level, note };
      else delete state.ratings[id];
      save();
    }

    root.addEventListener("change", (event) => {
      if (event.target.type !== "radio") return;
      record(event.target.closest("fieldset[data-indicator]"));
      refreshArea();
    });
    root.addEventListener("input", (event) => {
      if (event.target.tagName === "TEXTAREA") record(event.target.closest("fieldset[data-indicator]"));
    });

    // The site may load this script after the first paint: anything chosen or typed
    // before it ran is newer than what was saved, so it is kept and saved.
    let early = false;
    for (const ind of page.indicators) {
      const checked = ind.fieldset.querySelector('input[type="radio"]:checked');
      const note = ind.fieldset.querySelector("textarea").value;
      if (!checked && !note.trim()) continue;
      const before = entryFor(ind.id);
      state.ratings[ind.id] = { level: checked ? checked.value : before.level || "", note: note.trim() ? note : before.note || "" };
      early = true;
    }
    if (early) save();
    fillForm();
    return refreshArea;
  }

  // --- the main page: whose it is, the areas, the summary and the tools ---------------
  function setUpSummary() {
    const status = $("#sa-status");
    const importInput = $("#sa-import");
    const fields = { school: $('input[name="school"]'), group: $('select[name="group"]'), date: $('input[name="date"]') };
    const byArea = {};
    for (const ind of page.indicators) (byArea[ind.area] = byArea[ind.area] || []).push(ind);
    const pageRatings = () => Object.fromEntries(page.indicators.map((i) => [i.id, { level: levelOf(i.id), note: String(entryFor(i.id).note || "") }]));
    const touchedCount = () => Object.values(pageRatings()).filter((r) => r.level || r.note.trim()).length;

    function fillWho() {
      const current = who();
      // A new cycle starts today unless the team says otherwise.
      if (!current.date && !Object.keys(state.ratings).length) state.who = { ...current, date: (current.date = today()) };
      for (const [name, field] of Object.entries(fields)) field.value = current[name];
    }

    function refreshSummary(fromElsewhere) {
      if (fromElsewhere) fillWho();
      showProgress(format(ui.progress, { rated: rated(page.indicators), total: page.indicators.length }));
      for (const [area, indicators] of Object.entries(byArea)) {
        const count = root.querySelector(`[data-area-progress="${area}"]`);
        if (count) count.textContent = format(ui.progress, { rated: rated(indicators), total: indicators.length });
      }
      renderSummary($("#sa-summary-body"), page, pageRatings());
      const { school, group, date } = who();
      const parts = [school, groupLabel(page, group), date && format(ui.rating_cycle_of, { date })].filter(Boolean);
      $("#sa-summary-who").textContent = parts.length ? format(ui.whose_ratings, { who: parts.join(", ") }) : "";
      const changed = new Date(state.updated || NaN); // a damaged date in storage shows nothing
      // In the page's language (theme.language), whatever the browser's own.
      const lang = document.documentElement.lang || undefined;
      $("#sa-print-date").textContent = Number.isNaN(changed.getTime())
        ? ""
        : format(ui.last_changed, { date: changed.toLocaleDateString(lang, { dateStyle: "long" }) });
    }

    const say = (message) => {
      // Clearing first makes a repeated message (the same file chosen twice) be announced again.
      status.textContent = "";
      window.setTimeout(() => { status.textContent = message; }, 50);
    };

    // Whose it is: saved as the team types or chooses.
    for (const [name, field] of Object.entries(fields)) {
      field.addEventListener(name === "school" ? "input" : "change", () => {
        state.who = { ...who(), [name]: field.value.trim().slice(0, 120) };
        save();
        refreshSummary();
      });
    }

    function currentWho() {
      // What the fields show is what the file says, even if it was never saved.
      return { school: fields.school.value.trim(), group: fields.group.value, date: fields.date.value };
    }

    function download(extension, type, text) {
      // A Blob and a temporary object URL: the file is made here, in the browser.
      const name = exportName(extension, currentWho());
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10000);
      const missing = Object.entries({ missing_school: currentWho().school, missing_group: currentWho().group, missing_date: currentWho().date })
        .filter(([, value]) => !value).map(([what]) => ui[what]);
      const gaps = missing.length ? ` ${plural(ui.fill_in, missing.length, { missing: missing.join(ui.or) })}` : "";
      say(format(ui.exported, { file: name }) + gaps);
    }

    async function importFile(file) {
      if (file.size > 1024 * 1024) {
        say(format(page.filesUi.too_large, { file: file.name }));
        return;
      }
      let text;
      try {
        text = await file.text();
      } catch {
        say(format(ui.unreadable, { file: file.name }));
        return;
      }
      const result = parseImport(page, text, file.name);
      if (!result.ok) {
        say(result.message);
        return;
      }
      const current = touchedCount();
      const incoming = Object.keys(result.ratings).length;
      const ratings = (n) => plural(ui.ratings, n);
      if (current && !window.confirm(format(ui.confirm_replace, { current: ratings(current), incoming: ratings(incoming), file: file.name }))) {
        say(ui.import_canceled);
        return;
      }
      state = { version: 1, updated: null, who: result.who || who(), ratings: result.ratings };
      save();
      fillWho();
      refreshSummary();
      let message = plural(ui.imported, incoming, { file: file.name });
      if (result.skipped.length) {
        message += ` ${format(ui.skipped, { count: result.skipped.length, ids: result.skipped.join(", ") })}`;
      }
      say(message);
    }

    importInput.addEventListener("change", async () => {
      const [file] = importInput.files;
      if (file) await importFile(file);
      importInput.value = ""; // so choosing the same file again still triggers an import
    });

    const actions = {
      "export-csv": () => download("csv", "text/csv;charset=utf-8", toCSV(page, pageRatings(), currentWho())),
      "export-json": () => download("json", "application/json", toJSON(page, pageRatings(), currentWho())),
      print: () => {
        // The class tells the print stylesheet to show only the summary.
        document.documentElement.classList.add("deg-print-summary");
        window.addEventListener("afterprint", () => document.documentElement.classList.remove("deg-print-summary"), { once: true });
        window.print();
      },
      clear: () => {
        if (!Object.keys(state.ratings).length && !Object.values(who()).some(Boolean)) {
          say(ui.nothing_to_clear);
          return;
        }
        if (!window.confirm(ui.confirm_clear)) return;
        state = { version: 1, updated: null, who: {}, ratings: {} };
        remove(KEY);
        fillWho();
        refreshSummary();
        say(ui.cleared);
      },
    };
    root.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (button && actions[button.dataset.action]) actions[button.dataset.action]();
    });

    fillWho();
    return refreshSummary;
  }
}

function init() {
  const root = document.querySelector(".assessment[data-levels]");
  if (root) setUp(root);
}

onEveryPage(init);
