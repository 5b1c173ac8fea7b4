// Export and import for the online self-assessment: plain functions of the
// ratings, with no DOM, so what they accept and produce is easy to reason about.
//
// A "page" here is what self-assessment.js reads from the main page's data-
// attributes: { format, version, levels: [{id, label, score}], unsure,
// unsureLabel, groups: [{id, label}], indicators: [{id, area, areaTitle, text}] }.
// Ratings are { indicatorId: { level, note } }; level is a level id, the
// unsure value, or "" when only a note has been written. "who" is whose
// self-assessment it is: { school, group (a group id), date (YYYY-MM-DD) }.
//
// Format version 2 adds "who" to both exports; files of version 1 still import.
// combine-results.js reads the same files (and the spreadsheet) to compare schools.
// Words a reader sees are page.filesUi (scripts.yml, "files"); what a program reads back
// is the same in every edition (JSON keys and ids; the CSV's column order, format marker
// and last column, the level id), so one edition's export combines in another.

import { format } from "./storage.js";

// Refuse anything bigger: an export of the whole guide is a few kilobytes, and
// reading a huge file would only freeze the page.
const MAX_IMPORT_BYTES = 1024 * 1024;

// The CSV's columns, in order: keys of the headings in page.filesUi.columns. combine-results.js
// finds them by their English headings (files of version 1) or by this order.
export const CSV_COLUMNS = ["school", "group", "cycle_date", "area_title", "indicator_id", "indicator_text", "rating", "note", "file_format", "rating_id"];

/** The label a reader sees for a stored level id ("" when not rated). */
export function levelLabel(page, level) {
  if (level === page.unsure) return page.unsureLabel;
  const found = page.levels.find((l) => l.id === level);
  return found ? found.label : "";
}

/** The name of a group id, or "" for none. */
export function groupLabel(page, id) {
  const found = page.groups.find((g) => g.id === id);
  return found ? found.label : "";
}

// Spreadsheet programs run a cell that starts with = + - or @ (and some with a
// leading tab or carriage return) as a formula. A note such as
// "=HYPERLINK(...)" must stay text, so such cells get a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value) {
  let text = String(value ?? "");
  if (FORMULA_START.test(text)) text = `'${text}`;
  // RFC 4180 quoting: wrap in quotes when needed and double any quote inside.
  if (/[",\r\n]/.test(text) || /^\s|\s$/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** Every indicator of the guide, one row each, in guide order; unrated rows are left blank. */
export function toCSV(page, ratings, who) {
  const rows = [CSV_COLUMNS.map((key) => page.filesUi.columns[key])];
  const marker = `${page.format}, version ${page.version}`;
  for (const ind of page.indicators) {
    const entry = ratings[ind.id] || {};
    rows.push([who.school, groupLabel(page, who.group), who.date, ind.areaTitle, ind.id, ind.text,
      levelLabel(page, entry.level), entry.note || "", marker, entry.level || ""]);
  }
  // A byte-order mark makes Excel read the file as UTF-8 (accents, curly quotes).
  return "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The JSON export: our format marker, whose it is, then only the indicators the team has touched. */
export function toJSON(page, ratings, who, now = new Date()) {
  const out = {};
  for (const ind of page.indicators) {
    const entry = ratings[ind.id];
    if (!entry || !(entry.level || (entry.note || "").trim())) continue;
    // area and indicator are there for a person reading the file; import ignores them.
    out[ind.id] = { level: entry.level || "", note: entry.note || "", area: ind.areaTitle, indicator: ind.text };
  }
  const data = {
    format: page.format,
    version: page.version,
    exported: now.toISOString(),
    school: who.school,
    group: who.group,
    groupLabel: groupLabel(page, who.group),
    date: who.date,
    levels: page.levels.map((l) => l.id),
    ratings: out,
  };
  return JSON.stringify(data, null, 2) + "\n";
}

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v) => (typeof v === "string" ? v.trim().slice(0, 120) : "");

/**
 * Check an imported file. Returns { ok: true, ratings, skipped, who } or
 * { ok: false, message }. On any problem the caller must change nothing, so
 * this never returns a partial result: either the whole file is usable (less
 * the indicators this page no longer has, listed in `skipped`) or none of it.
 * `who` is null for a version 1 file, which did not say whose it was.
 */
export function parseImport(page, source, name) {
  const ui = page.filesUi;
  const refuse = (key, values = {}) => ({ ok: false, message: format(ui[key], { file: name, ...values }) });
  if (source.length > MAX_IMPORT_BYTES) return refuse("too_large");
  let data;
  try {
    data = JSON.parse(source);
  } catch {
    return refuse("not_json");
  }
  if (!isObject(data) || data.format !== page.format) return refuse("not_ours");
  if (typeof data.version !== "number" || data.version > page.version) return refuse("newer");
  if (!isObject(data.ratings)) return refuse("no_list");
  const allowed = new Set(["", page.unsure, ...page.levels.map((l) => l.id)]);
  const known = new Set(page.indicators.map((i) => i.id));
  const ratings = {};
  const skipped = [];
  for (const [id, entry] of Object.entries(data.ratings)) {
    const level = isObject(entry) ? entry.level ?? "" : null;
    const note = isObject(entry) ? entry.note ?? "" : null;
    if (typeof level !== "string" || !allowed.has(level) || typeof note !== "string") {
      return refuse("unknown_rating", { id });
    }
    if (!known.has(id)) {
      skipped.push(id);
    } else if (level || note) {
      ratings[id] = { level, note };
    }
  }
  if (!Object.keys(data.ratings).length) return refuse("no_ratings");
  if (!Object.keys(ratings).length) return refuse(skipped.length ? "only_unknown" : "no_ratings");
  const group = page.groups.some((g) => g.id === data.group) ? data.group : "";
  const date = /^\d{4}-\d\d-\d\d$/.test(data.date) ? data.date : "";
  const who = data.version >= 2 ? { school: text(data.school), group, date } : null;
  return { ok: true, ratings, skipped, who };
}

/** Letters and digits only, for a file name: "Lincoln High (East)" -> "lincoln-high-east". */
const slug = (value) => String(value || "").toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);

/** The file name for an export, e.g. digital-equity-self-assessment-lincoln-high-teachers-2025-03-04.csv */
export function exportName(extension, who, now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const parts = [slug(who.school), slug(who.group), who.date || today].filter(Boolean);
  return `digital-equity-self-assessment-${parts.join("-")}.${extension}`;
}
