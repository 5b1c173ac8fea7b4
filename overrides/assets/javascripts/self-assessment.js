// The online self-assessment (docs/getting-started/online-self-assessment.md).
//
// The form itself is server-rendered by macros/assessment.py and readable
// without JavaScript. This module adds: saving ratings and notes in this
// browser as the team goes, a live progress line, a summary (table and chart),
// export to CSV and JSON, import of a JSON export, printing the summary and
// clearing everything. It reads the scale and the indicators from the form's
// data- attributes, so it needs no copy of the YAML.
//
// Privacy: this module makes no network request of any kind. Ratings live in
// localStorage under one key, and files move only through the reader's own
// downloads and file picker.

import { exportName, parseImport, toCSV, toJSON } from "./assessment-files.js";
import { renderSummary } from "./assessment-summary.js";
import { isPlainObject, onEveryPage, readJSON, remove, storageAvailable, writeJSON } from "./storage.js";

// Bump "v1" only if the stored shape changes; older keys are then left alone.
const KEY = "deg:assessment:v1";

/** What the form says about itself: the scale, and every indicator in page order. */
function readPage(root) {
  const fieldsets = [...root.querySelectorAll("fieldset[data-indicator]")];
  return {
    format: root.dataset.format,
    version: Number(root.dataset.version),
    levels: JSON.parse(root.dataset.levels),
    unsure: root.dataset.unsure,
    unsureLabel: root.dataset.unsureLabel,
    // The area's id and title are written once, on the area's <section>.
    indicators: fieldsets.map((fs) => {
      const area = fs.closest("[data-area]").dataset;
      return {
        id: fs.dataset.indicator,
        area: area.area,
        areaTitle: area.areaTitle,
        text: fs.querySelector("legend").textContent.trim().replace(/\s+/g, " "),
        fieldset: fs,
      };
    }),
  };
}

/**
 * The saved state, or a fresh one. Entries for indicators this page no longer
 * has (older YAML) are kept in storage, in case they come back, but every
 * count, summary and export below looks only at the indicators on the page.
 */
function loadState() {
  const saved = readJSON(KEY, null);
  if (isPlainObject(saved) && saved.version === 1 && isPlainObject(saved.ratings)) return saved;
  return { version: 1, updated: null, ratings: {} };
}

function setUp(root) {
  if (root.dataset.degReady) return; // already set up (instant navigation re-runs us)
  root.dataset.degReady = "true";

  const page = readPage(root);
  const valid = new Set([page.unsure, ...page.levels.map((l) => l.id)]);
  const canSave = storageAvailable();
  let state = loadState();

  const $ = (selector) => root.querySelector(selector);
  const progress = $("#sa-progress");
  const status = $("#sa-status");
  const summaryBody = $("#sa-summary-body");
  const lastChanged = $("#sa-print-date");
  const importInput = $("#sa-import");

  // Every note box was named "Evidence note (optional)": 44 fields with one name in a
  // screen reader's list of form fields. Each is named by its area and place instead, the
  // visible words first (WCAG 2.4.6, 2.5.3).
  const numberInArea = {};
  for (const ind of page.indicators) {
    numberInArea[ind.area] = (numberInArea[ind.area] || 0) + 1;
    ind.fieldset.querySelector("textarea").setAttribute(
      "aria-label", `Evidence note (optional), ${ind.areaTitle} indicator ${numberInArea[ind.area]}`);
  }

  // The JavaScript-only parts are rendered hidden; show them now that they work, and
  // drop the notice that says answers are not being saved.
  root.querySelectorAll(":scope > [hidden]").forEach((node) => node.removeAttribute("hidden"));
  root.querySelectorAll("[data-without-script]").forEach((node) => node.remove());
  $("#sa-saved").textContent = canSave
    ? "Your answers are saved in this browser as you go."
    : "This browser is not letting the page save, so your answers will be lost when you leave. Use Export to keep a copy.";
  if (!canSave) $("#sa-saved").classList.add("assessment__saved--warning");

  const entryFor = (id) => {
    const entry = state.ratings[id];
    return isPlainObject(entry) ? entry : {};
  };
  const levelOf = (id) => {
    const level = entryFor(id).level;
    return valid.has(level) ? level : "";
  };
  const pageRatings = () => Object.fromEntries(page.indicators.map((i) => [i.id, { level: levelOf(i.id), note: String(entryFor(i.id).note || "") }]));
  const ratedCount = () => page.indicators.filter((i) => levelOf(i.id)).length;
  const touchedCount = () => Object.values(pageRatings()).filter((r) => r.level || r.note.trim()).length;

  function showProgress() {
    // A live region: rewriting the same words (an arrow key within one indicator, a note)
    // would have them announced again, so only a new count is written.
    const text = `${ratedCount()} of ${page.indicators.length} rated`;
    if (progress.textContent !== text) progress.textContent = text;
  }

  function showSummary() {
    renderSummary(summaryBody, page, pageRatings());
    const changed = new Date(state.updated || NaN); // a damaged date in storage shows nothing
    lastChanged.textContent = Number.isNaN(changed.getTime())
      ? ""
      : `Ratings last changed on ${changed.toLocaleDateString(undefined, { dateStyle: "long" })}.`;
  }

  // Put the state into the form (after loading, importing or clearing).
  function fillForm() {
    for (const ind of page.indicators) {
      const level = levelOf(ind.id);
      for (const radio of ind.fieldset.querySelectorAll('input[type="radio"]')) radio.checked = radio.value === level;
      ind.fieldset.querySelector("textarea").value = String(entryFor(ind.id).note || "");
    }
  }

  function save() {
    state.updated = new Date().toISOString();
    if (canSave) writeJSON(KEY, state);
  }

  function refresh() {
    showProgress();
    showSummary();
  }

  const say = (message) => {
    // Clearing first makes a repeated message (the same file chosen twice) be announced again.
    status.textContent = "";
    window.setTimeout(() => { status.textContent = message; }, 50);
  };

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
    refresh();
  });
  root.addEventListener("input", (event) => {
    if (event.target.tagName !== "TEXTAREA") return;
    record(event.target.closest("fieldset[data-indicator]"));
    // Notes change no counts; the summary is left alone so typing stays smooth.
  });

  function download(extension, type, text) {
    // A Blob and a temporary object URL: the file is made here, in the browser.
    const name = exportName(extension);
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(`Exported ${name}. Look for it in your downloads.`);
  }

  async function importFile(file) {
    if (file.size > 1024 * 1024) {
      say(`“${file.name}” is too large to be a self-assessment file from this page. Nothing was changed.`);
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch {
      say(`“${file.name}” could not be read. Nothing was changed.`);
      return;
    }
    const result = parseImport(page, text, file.name);
    if (!result.ok) {
      say(result.message);
      return;
    }
    const current = touchedCount();
    const incoming = Object.keys(result.ratings).length;
    const ratings = (n) => `${n} rating${n === 1 ? "" : "s"}`;
    if (current && !window.confirm(`Replace the ${ratings(current)} saved in this browser with the ${ratings(incoming)} in “${file.name}”?`)) {
      say("Import canceled. Nothing was changed.");
      return;
    }
    state = { version: 1, updated: null, ratings: result.ratings };
    save();
    fillForm();
    refresh();
    let message = `Imported ${incoming} ${incoming === 1 ? "answer" : "answers"} from “${file.name}”.`;
    if (result.skipped.length) {
      message += ` Skipped ${result.skipped.length} that this page no longer has: ${result.skipped.join(", ")}.`;
    }
    say(message);
  }

  importInput.addEventListener("change", async () => {
    const [file] = importInput.files;
    if (file) await importFile(file);
    importInput.value = ""; // so choosing the same file again still triggers an import
  });

  const actions = {
    "export-csv": () => download("csv", "text/csv;charset=utf-8", toCSV(page, pageRatings())),
    "export-json": () => download("json", "application/json", toJSON(page, pageRatings())),
    print: () => {
      // The class tells the print stylesheet to show only the summary.
      document.documentElement.classList.add("deg-print-summary");
      window.addEventListener("afterprint", () => document.documentElement.classList.remove("deg-print-summary"), { once: true });
      window.print();
    },
    clear: () => {
      const count = Object.keys(state.ratings).length;
      if (!count) {
        say("There are no ratings to clear.");
        return;
      }
      if (!window.confirm("Clear all ratings and notes saved in this browser? This cannot be undone. Export a file first if you want to keep them.")) return;
      state = { version: 1, updated: null, ratings: {} };
      remove(KEY);
      fillForm();
      refresh();
      say("All ratings and notes were cleared from this browser.");
    },
  };
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button && actions[button.dataset.action]) actions[button.dataset.action]();
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
  refresh();
}

function init() {
  const root = document.querySelector(".assessment[data-levels]");
  if (root) setUp(root);
}

onEveryPage(init);
