// Export and import for the online self-assessment: plain functions of the
// ratings, with no DOM, so what they accept and produce is easy to reason about.
//
// A "page" here is what self-assessment.js reads from the form's data-
// attributes: { format, version, levels: [{id, label, score}], unsure,
// unsureLabel, indicators: [{id, area, areaTitle, text}] }.
// Ratings are { indicatorId: { level, note } }; level is a level id, the
// unsure value, or "" when only a note has been written.

// Refuse anything bigger: an export of the whole guide is a few kilobytes, and
// reading a huge file would only freeze the page.
const MAX_IMPORT_BYTES = 1024 * 1024;

/** The label a reader sees for a stored level id ("" when not rated). */
export function levelLabel(page, level) {
  if (level === page.unsure) return page.unsureLabel;
  const found = page.levels.find((l) => l.id === level);
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

/** Every indicator on the page, one row each, in page order; unrated rows are left blank. */
export function toCSV(page, ratings) {
  const rows = [["Area", "Indicator id", "Indicator text", "Rating", "Note"]];
  for (const ind of page.indicators) {
    const entry = ratings[ind.id] || {};
    rows.push([ind.areaTitle, ind.id, ind.text, levelLabel(page, entry.level), entry.note || ""]);
  }
  // A byte-order mark makes Excel read the file as UTF-8 (accents, curly quotes).
  return "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The JSON export: our format marker, then only the indicators the team has touched. */
export function toJSON(page, ratings, now = new Date()) {
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
    levels: page.levels.map((l) => l.id),
    ratings: out,
  };
  return JSON.stringify(data, null, 2) + "\n";
}

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Check an imported file. Returns { ok: true, ratings, skipped } or
 * { ok: false, message }. On any problem the caller must change nothing, so
 * this never returns a partial result: either the whole file is usable (less
 * the indicators this page no longer has, listed in `skipped`) or none of it.
 */
export function parseImport(page, text, name) {
  const file = `“${name}”`;
  const nothing = "Nothing was changed.";
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, message: `${file} is too large to be a self-assessment file from this page. ${nothing}` };
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: `${file} could not be read: it is not a JSON file exported from this page. ${nothing}` };
  }
  if (!isObject(data) || data.format !== page.format) {
    return { ok: false, message: `${file} is not a self-assessment exported from this guide. ${nothing}` };
  }
  if (typeof data.version !== "number" || data.version > page.version) {
    return { ok: false, message: `${file} was made by a newer or unknown version of this page, so it cannot be read here. ${nothing}` };
  }
  if (!isObject(data.ratings)) {
    return { ok: false, message: `${file} is damaged: it has no list of ratings. ${nothing}` };
  }
  const allowed = new Set(["", page.unsure, ...page.levels.map((l) => l.id)]);
  const known = new Set(page.indicators.map((i) => i.id));
  const ratings = {};
  const skipped = [];
  for (const [id, entry] of Object.entries(data.ratings)) {
    const level = isObject(entry) ? entry.level ?? "" : null;
    const note = isObject(entry) ? entry.note ?? "" : null;
    if (typeof level !== "string" || !allowed.has(level) || typeof note !== "string") {
      return { ok: false, message: `${file} is damaged: the rating for “${id}” is not one this page knows. ${nothing}` };
    }
    if (!known.has(id)) {
      skipped.push(id);
    } else if (level || note) {
      ratings[id] = { level, note };
    }
  }
  if (!Object.keys(data.ratings).length) {
    return { ok: false, message: `${file} has no ratings in it. ${nothing}` };
  }
  if (!Object.keys(ratings).length) {
    const what = skipped.length ? "only names indicators this page does not have" : "has no ratings in it";
    return { ok: false, message: `${file} ${what}. ${nothing}` };
  }
  return { ok: true, ratings, skipped };
}

/** The file name for an export made today, e.g. digital-equity-self-assessment-2025-03-04.csv */
export function exportName(extension, now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `digital-equity-self-assessment-${day}.${extension}`;
}
