// Combine and compare results (docs/taking-it-forward/combine-results.md).
//
// Reads many self-assessment files in the browser: JSON and CSV exported by the online
// self-assessment (format versions 1 and 2), and the Self-Assessment Tool .xlsx as
// saved by Excel, LibreOffice or Google Sheets (read by xlsx-reader.js, loaded only when
// such a file is chosen). Then it builds accessible tables: schools by area, by
// indicator, by group and over time, which can be printed or exported as CSV.
//
// A classic script, not a module, so it also runs in the offline copy (file://).
// Privacy: it makes no network request; files are read with the File API only.
// Every text from a file goes into the page with textContent, never as markup.
// Its words: the data-ui attribute macros/combine.py writes from scripts.yml ("combine").

(function () {
  "use strict";
  const root = document.getElementById("combine");
  if (!root || root.dataset.degReady) return;
  root.dataset.degReady = "true";
  const readerSrc = new URL("xlsx-reader.js", document.currentScript.src).href;

  const data = root.dataset;
  const guide = {
    format: data.format,
    version: Number(data.version),
    unsure: data.unsure,
    levels: JSON.parse(data.levels),
    groups: JSON.parse(data.groups),
    lead: data.lead,
    areas: JSON.parse(data.areas),
    sheet: JSON.parse(data.sheet),
  };
  let ui = {};
  try {
    ui = JSON.parse(data.ui || "{}").combine || {};
  } catch {
    ui = {};
  }
  // "{count} files" with values filled in; `forms` is { one, other } for a counted string.
  const format = (text, values = {}) => String(text ?? "").replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
  const plural = (forms, count, values = {}) => format(count === 1 ? forms.one : forms.other, { count, ...values });
  const lang = document.documentElement.lang || undefined;
  const decimal = (value) => value.toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const MAX_BYTES = 1024 * 1024;
  const areaOf = new Map();
  for (const area of guide.areas) for (const id of area.indicators) areaOf.set(id, area);
  const scoreOf = new Map(guide.levels.map((level, i) => [level.id, i + 1]));
  // What a file may say for a rating: a level's id or label, or "not sure yet".
  const word = (value) => String(value ?? "").trim().replace(/^'/, "").toLowerCase();
  const levelFor = new Map([[guide.unsure, guide.unsure], [word(data.unsureLabel), guide.unsure]]);
  for (const level of guide.levels) levelFor.set(level.id, level.id).set(word(level.label), level.id);
  const leadLabel = (guide.groups.find((g) => g.id === guide.lead) || { label: "" }).label;

  // ---- reading one file ---------------------------------------------------------------
  class Refused extends Error {}
  const NOT_OURS = ui.not_ours;
  const DAMAGED = ui.damaged;
  const newer = (v) => format(ui.newer, { version: v, newest: guide.version });

  function groupOf(value) {
    const text = String(value ?? "").trim().replace(/^'/, "");
    const found = guide.groups.find((g) => g.id === text.toLowerCase() || g.label.toLowerCase() === text.toLowerCase());
    if (found) return found;
    return text ? { id: text.toLowerCase(), label: text } : { id: "", label: ui.no_group };
  }

  function dateOf(value, date1904) {
    if (typeof value === "number" && value > 0) {
      // A spreadsheet date: days since 30 December 1899 (or 1 January 1904).
      const day = new Date(Date.UTC(1899, 11, 30) + (value + (date1904 ? 1462 : 0)) * 864e5);
      return day.toISOString().slice(0, 10);
    }
    const text = String(value ?? "").trim();
    if (/^\d{4}-\d\d-\d\d/.test(text)) return text.slice(0, 10);
    const parsed = new Date(text);
    if (!text || Number.isNaN(parsed.getTime())) return "";
    const pad = (n) => String(n).padStart(2, "0");
    return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
  }

  /** One self-assessment: whose it is, and { indicator id: level id } with the text of each. */
  function record(name, who, rows) {
    const ratings = new Map();
    const texts = new Map();
    const gone = [];
    let offScale = 0;
    for (const { id, level, text } of rows) {
      if (!id) continue;
      const found = levelFor.get(word(level));
      if (!word(level)) continue;
      if (!found) offScale += 1;
      else if (!areaOf.has(id)) gone.push(id);
      else {
        ratings.set(id, found);
        if (text) texts.set(id, String(text));
      }
    }
    if (!ratings.size && !gone.length) throw new Refused(ui.no_ratings);
    if (!ratings.size) throw new Refused(format(ui.only_gone, { ids: gone.join(", ") }));
    const school = String(who.school ?? "").trim().replace(/^'/, "").slice(0, 120);
    return {
      file: name, school: school || name.replace(/\.[^.]+$/, ""), named: Boolean(school),
      group: groupOf(who.group), date: dateOf(who.date, who.date1904), ratings, texts, gone, offScale,
    };
  }

  function fromJSON(text, name) {
    let file;
    try {
      file = JSON.parse(text);
    } catch {
      throw new Refused(DAMAGED);
    }
    if (!file || typeof file !== "object" || file.format !== guide.format) throw new Refused(NOT_OURS);
    if (typeof file.version !== "number") throw new Refused(DAMAGED);
    if (file.version > guide.version) throw new Refused(newer(file.version));
    if (!file.ratings || typeof file.ratings !== "object" || Array.isArray(file.ratings)) throw new Refused(DAMAGED);
    const rows = Object.entries(file.ratings).map(([id, entry]) => ({ id, level: entry && entry.level, text: entry && entry.indicator }));
    // Version 1 files did not say whose they were: the file name stands in for the school.
    const who = file.version >= 2 ? file : { date: String(file.exported || "").slice(0, 10) };
    return record(name, who, rows);
  }

  /** RFC 4180: commas, quotes doubled inside quoted cells, line breaks inside quotes. */
  function parseCSV(text) {
    const rows = [[]];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") { rows[rows.length - 1].push(cell); cell = ""; } else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i += 1;
        rows[rows.length - 1].push(cell);
        cell = "";
        rows.push([]);
      } else cell += c;
    }
    rows[rows.length - 1].push(cell);
    if (quoted) throw new Refused(DAMAGED);
    return rows.filter((row) => row.some((value) => value !== ""));
  }

  // The self-assessment's CSV columns by their English headings (version 1 files), and in
  // order: a file with our format marker is read by position, in any edition's language,
  // each rating by its level id ("rating id") before its label.
  const CSV_COLUMNS = ["school or team", "group", "cycle date", "area", "indicator id", "indicator text", "rating", "note", "file format", "rating id"];

  function fromCSV(text, name) {
    const [head, ...body] = parseCSV(text);
    const marked = body.some((row) => String(row[8] || "").startsWith(guide.format));
    const col = marked
      ? Object.fromEntries(CSV_COLUMNS.map((key, i) => [key, i]).filter(([, i]) => i < head.length))
      : Object.fromEntries(head.map((h, i) => [h.trim().toLowerCase(), i]));
    if (!("indicator id" in col) || !("rating" in col)) throw new Refused(NOT_OURS);
    const get = (row, key) => (key in col ? row[col[key]] ?? "" : "");
    let version = 1;
    if ("file format" in col) {
      const marker = body.map((row) => get(row, "file format")).find(Boolean) || "";
      const match = /version (\d+)/.exec(marker);
      if (!marker.startsWith(guide.format) || !match) throw new Refused(NOT_OURS);
      version = Number(match[1]);
    }
    if (version > guide.version) throw new Refused(newer(version));
    const first = body[0] || [];
    const who = { school: get(first, "school or team"), group: get(first, "group"), date: get(first, "cycle date") };
    const rows = body.map((row) => ({ id: get(row, "indicator id").trim(), level: get(row, "rating id") || get(row, "rating"), text: get(row, "indicator text") }));
    return record(name, who, rows);
  }

  /** "'My sheet'!$B$3:$E$9" -> { sheet, r1, c1, r2, c2 } (0-based), or null. */
  function place(book, ref) {
    const match = /^=?(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(String(ref || "").trim());
    if (!match) return null;
    const name = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
    const sheet = book.sheets.find((s) => s.name === name);
    const col = (letters) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
    if (!sheet) return null;
    const r1 = Number(match[4]) - 1;
    const c1 = col(match[3]);
    return { sheet, r1, c1, r2: match[6] ? Number(match[6]) - 1 : r1, c2: match[5] ? col(match[5]) : c1 };
  }

  /** The Self-Assessment Tool's defined names lead to its cells, whatever the language of its labels. */
  function byNames(book) {
    const names = book.names || {};
    const key = guide.sheet.names;
    const at = (name) => place(book, names[name]);
    const value = (name) => {
      const found = at(name);
      return found ? (found.sheet.rows[found.r1] || [])[found.c1] : undefined;
    };
    if (!at(key.format)) return null;
    // The file's own scale, lowest level first and "not sure yet" last: its labels, in
    // whatever language, stand for the guide's levels in the same places.
    const own = new Map();
    const scale = at(key.scale);
    if (scale && scale.r2 - scale.r1 === guide.levels.length) {
      for (let r = scale.r1; r <= scale.r2; r += 1) {
        const label = word((scale.sheet.rows[r] || [])[scale.c1]);
        const i = r - scale.r1;
        if (label) own.set(label, i < guide.levels.length ? guide.levels[i].id : guide.unsure);
      }
    }
    const rows = [];
    for (const name of Object.keys(names).filter((n) => n.startsWith(key.ratings))) {
      const range = at(name);
      if (!range) continue;
      for (let r = range.r1; r <= range.r2; r += 1) {
        const row = range.sheet.rows[r] || [];
        const id = String(row[range.c1 + 1] ?? "").trim();
        if (!id) continue;
        const level = row[range.c1];
        rows.push({ id, level: own.get(word(level)) || level, text: row[range.c1 + 3] });
      }
    }
    return {
      marker: value(key.format), rows,
      who: { school: value(key.school), group: value(key.group), date: value(key.date), date1904: book.date1904 },
    };
  }

  /** A file saved before the tool had defined names: its cells found by their English labels. */
  function byLabels(book) {
    const first = book.sheets[0] || { rows: [] };
    const label = (text) => {
      const row = first.rows.find((r) => r && word(r[0]) === text.toLowerCase());
      return row ? row[1] : undefined;
    };
    const rows = [];
    for (const sheet of book.sheets) {
      const head = (sheet.rows[0] || []).map(word);
      const id = head.indexOf("indicator id");
      const rating = head.indexOf("our rating");
      if (id < 0 || rating < 0) continue;
      const text = head.indexOf("indicator");
      for (const row of sheet.rows.slice(1)) {
        if (row) rows.push({ id: String(row[id] ?? "").trim(), level: row[rating], text: text >= 0 ? row[text] : "" });
      }
    }
    const titled = word((first.rows[0] || [])[0]) === guide.sheet.title.toLowerCase();
    return {
      marker: label(guide.sheet.format), rows, titled, tables: rows.length,
      who: { school: label(guide.sheet.school), group: label(guide.sheet.group), date: label(guide.sheet.date), date1904: book.date1904 },
    };
  }

  function fromXlsx(book, name) {
    const found = byNames(book) || byLabels(book);
    let version = 1;
    if (found.marker !== undefined) {
      const match = /version (\d+)/.exec(String(found.marker));
      if (!String(found.marker).startsWith(guide.format) || !match) throw new Refused(NOT_OURS);
      version = Number(match[1]);
    } else if (!found.titled) {
      throw new Refused(NOT_OURS);
    }
    if (version > guide.version) throw new Refused(newer(version));
    if (!found.rows.length && found.tables === 0) throw new Refused(NOT_OURS);
    return record(name, found.who, found.rows);
  }

  let reader = null;
  function xlsxReader() {
    // Loaded once, and only when a spreadsheet is chosen: most visits never need it.
    reader = reader || new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = readerSrc;
      tag.onload = () => resolve(window.degReadXlsx);
      tag.onerror = () => reject(new Refused(ui.no_reader));
      document.head.append(tag);
    });
    return reader;
  }

  async function readFile(file) {
    if (file.size > MAX_BYTES) throw new Refused(ui.too_large);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) {
      const read = await xlsxReader();
      let book;
      try {
        book = await read(bytes);
      } catch (error) {
        throw new Refused(error.notSpreadsheet ? NOT_OURS : DAMAGED);
      }
      return fromXlsx(book, file.name);
    }
    const text = new TextDecoder().decode(bytes).replace(/^\ufeff/, "");
    const start = text.trimStart()[0];
    if (start === "{" || start === "[") return fromJSON(text, file.name);
    if (/^[^\n]*indicator id/i.test(text) || text.includes(`${guide.format}, version `)) return fromCSV(text, file.name);
    throw new Refused(/\.(json|csv|xlsx)$/i.test(file.name) ? DAMAGED : NOT_OURS);
  }

  // ---- the files read so far ----------------------------------------------------------
  const records = [];
  const $ = (id) => document.getElementById(id);
  const list = $("combine-files");
  const status = $("combine-status");
  const results = $("combine-results");
  const views = $("combine-views");
  const keyOf = (r) => [r.school.toLowerCase(), r.group.id, r.date].join("\u0000");
  const whoText = (r) => `${r.school}, ${r.group.label}, ${r.date || ui.no_date}`;

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
  }

  function note(file, combined, message) {
    list.append(el("li", combined ? {} : { class: "combine__bad" },
      el("strong", { text: format(combined ? ui.combined : ui.not_combined, { file }) }), ` ${message}`));
  }

  async function addFiles(files) {
    if (!files.length) return;
    status.textContent = format(ui.reading, { files: plural(ui.files, files.length) });
    const start = performance.now();
    const read = await Promise.all([...files].map((file) => readFile(file).catch((error) => error)));
    let good = 0;
    read.forEach((result, i) => {
      const name = files[i].name;
      if (!(result && result.ratings)) {
        note(name, false, format(ui.refused, { reason: result instanceof Refused ? result.message : DAMAGED }));
        return;
      }
      const twin = records.find((r) => keyOf(r) === keyOf(result));
      if (twin) {
        note(name, false, format(ui.twin, { file: twin.file, who: whoText(result) }));
        return;
      }
      records.push(result);
      good += 1;
      let message = plural(ui.rated_count, result.ratings.size, { who: whoText(result) });
      if (!result.named) message += ` ${ui.unnamed}`;
      if (result.gone.length) message += ` ${plural(ui.left_out_gone, result.gone.length, { ids: result.gone.join(", ") })}`;
      if (result.offScale) message += ` ${plural(ui.left_out_off_scale, result.offScale)}`;
      note(name, true, message);
    });
    list.hidden = false;
    const bad = files.length - good;
    status.textContent = format(bad ? ui.read_some : ui.read_all, {
      files: plural(ui.files, files.length), good, bad, total: plural(ui.self_assessments, records.length) });
    root.dataset.combineMs = String(Math.round(performance.now() - start));
    render();
  }

  // ---- numbers --------------------------------------------------------------------------
  const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
  const fixed = (value) => (value === null ? "–" : decimal(value));
  const scores = (recs, ids) => recs.flatMap((r) => ids.map((id) => scoreOf.get(r.ratings.get(id))).filter(Boolean));
  const areaStats = (recs, area) => {
    const values = scores(recs, area.indicators);
    return { average: mean(values), rated: values.length };
  };
  const allIds = guide.areas.flatMap((a) => a.indicators);
  const textOf = (id) => {
    for (const r of records) if (r.texts.has(id)) return r.texts.get(id);
    return id;
  };

  /** One row per school: its latest cycle; the leadership team's ratings if it rated, else every group's pooled. */
  function schools() {
    const bySchool = new Map();
    for (const r of records) {
      const key = r.school.toLowerCase();
      if (!bySchool.has(key)) bySchool.set(key, []);
      bySchool.get(key).push(r);
    }
    return [...bySchool.values()].map((recs) => {
      const latest = recs.map((r) => r.date).sort().pop();
      const cycle = recs.filter((r) => r.date === latest);
      const lead = cycle.filter((r) => r.group.id === guide.lead);
      const used = lead.length ? lead : cycle;
      const source = lead.length || used.length < 2 ? (lead.length ? leadLabel : used[0].group.label)
        : format(ui.pooled, { groups: used.map((r) => r.group.label).join(ui.and) });
      return { name: used[0].school, recs: used, source: `${source}, ${latest || ui.no_date}` };
    });
  }

  // ---- tables ---------------------------------------------------------------------------
  let tableCount = 0;
  function table(caption, headers, rows, options = {}) {
    const id = `combine-table-${(tableCount += 1)}`;
    const head = el("tr");
    headers.forEach((h, i) => {
      const th = el("th", { scope: "col" });
      if (options.sort) {
        const button = el("button", { type: "button", class: "combine__sort", text: h });
        button.addEventListener("click", () => options.sort(i));
        th.append(button);
        if (options.sorted && options.sorted.col === i) th.setAttribute("aria-sort", options.sorted.dir > 0 ? "ascending" : "descending");
      } else th.textContent = h;
      head.append(th);
    });
    const body = el("tbody");
    for (const cells of rows) {
      const tr = el("tr");
      cells.forEach((cell, i) => {
        const td = el(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : {});
        if (cell && typeof cell === "object" && !(cell instanceof Node)) {
          if (cell.shade) td.setAttribute("data-shade", String(cell.shade));
          if (cell.wrap) td.className = "combine__text";
          td.append(cell.text, ...(cell.small ? [el("small", { text: cell.small })] : []));
        } else td.append(cell ?? "");
        tr.append(td);
      });
      body.append(tr);
    }
    // Wide tables scroll in their own region, which keyboard users can focus.
    return el("div", { class: "table-scroll", role: "region", tabindex: "0", "aria-labelledby": id },
      el("table", { class: "combine__table" }, el("caption", { id, text: caption }), el("thead", {}, head), body));
  }

  const shade = (average) => (average === null ? 0 : Math.min(4, Math.max(1, Math.round(average))));
  const cell = ({ average, rated }) => ({ text: fixed(average), small: format(ui.rated, { count: rated }), shade: shade(average) });
  // "+0.5" or "−0.5" (a true minus sign).
  const signed = (value) => `${value > 0 ? "+" : "−"}${decimal(Math.abs(value))}`;

  function section(title, intro, ...content) {
    return el("section", { class: "combine__view" }, el("h3", { text: title }), el("p", { text: intro }), ...content);
  }

  let sorted = { col: 0, dir: 1 };
  function schoolsView() {
    const rows = schools().map((s) => ({
      name: s.name, source: s.source,
      stats: [...guide.areas.map((a) => areaStats(s.recs, a)), areaStats(s.recs, { indicators: allIds })],
    }));
    const value = (row, col) => (col === 0 ? row.name.toLowerCase() : row.stats[col - 1].average ?? -1);
    rows.sort((a, b) => (value(a, sorted.col) > value(b, sorted.col) ? 1 : value(a, sorted.col) < value(b, sorted.col) ? -1 : 0) * sorted.dir);
    const sort = (col) => {
      sorted = { col, dir: sorted.col === col ? -sorted.dir : col === 0 ? 1 : -1 };
      render();
      const button = results.querySelectorAll(".combine__sort")[col];
      if (button) button.focus();
      status.textContent = format(sorted.dir > 0 ? ui.sorted_lowest : ui.sorted_highest,
        { column: col === 0 ? ui.sort_name : ["", ...guide.areas.map((a) => a.title), ui.all_areas_lower][col] });
    };
    return section(ui.schools_title, format(ui.schools_intro, { max: guide.levels.length }),
      table(ui.schools_caption, [ui.school, ...guide.areas.map((a) => a.title), ui.all_areas],
        rows.map((row) => [{ text: row.name, small: row.source }, ...row.stats.map(cell)]), { sort, sorted }));
  }

  function indicatorViews() {
    const list = schools();
    // "Not sure yet" counts from each school and group's latest cycle only.
    const latest = records.filter((r) => !records.some((o) => o !== r && o.school.toLowerCase() === r.school.toLowerCase() &&
      o.group.id === r.group.id && o.date > r.date));
    const per = allIds.map((id) => {
      const values = list.map((s) => ({ school: s.name, value: mean(scores(s.recs, [id])) })).filter((v) => v.value !== null);
      values.sort((a, b) => a.value - b.value);
      const unsure = latest.filter((r) => r.ratings.get(id) === guide.unsure).map((r) => `${r.school} (${r.group.label})`);
      return { id, area: areaOf.get(id).title, values, unsure };
    });
    const both = per.filter((p) => p.values.length > 1);
    const spread = (p) => p.values[p.values.length - 1].value - p.values[0].value;
    const differ = both.filter((p) => spread(p) > 0).sort((a, b) => spread(b) - spread(a)).slice(0, 10);
    const gaps = both.filter((p) => p.values.every((v) => v.value <= 2));
    const out = [];
    out.push(section(ui.differ_title, ui.differ_intro,
      differ.length
        ? table(ui.differ_caption, [ui.indicator, ui.area_column, ui.schools_rated, ui.lowest, ui.highest, ui.difference],
          differ.map((p) => [{ text: textOf(p.id), small: p.id }, { text: p.area, wrap: true }, String(p.values.length),
            { text: fixed(p.values[0].value), small: p.values[0].school }, { text: fixed(p.values[p.values.length - 1].value), small: p.values[p.values.length - 1].school }, fixed(spread(p))]))
        : el("p", { text: ui.differ_none })));
    const strongest = guide.areas.map((area) => {
      const ranked = list.map((s) => ({ s, ...areaStats(s.recs, area) })).filter((x) => x.average !== null).sort((a, b) => b.average - a.average);
      return [{ text: area.title }, ranked.length ? { text: ranked[0].s.name, wrap: true } : "–", ranked.length ? cell(ranked[0]) : "–"];
    });
    out.push(section(ui.strengths_title, ui.strengths_intro,
      table(ui.strengths_caption, [ui.area_column, ui.school, ui.average], strongest)));
    out.push(section(ui.gaps_title, format(ui.gaps_intro, { level: guide.levels[1] ? guide.levels[1].label : ui.second_level }),
      gaps.length
        ? table(ui.gaps_caption, [ui.indicator, ui.area_column, ui.schools_rated, ui.average],
          gaps.map((p) => [{ text: textOf(p.id), small: p.id }, { text: p.area, wrap: true }, String(p.values.length), fixed(mean(p.values.map((v) => v.value)))]))
        : el("p", { text: ui.gaps_none })));
    const unsure = per.filter((p) => p.unsure.length).sort((a, b) => b.unsure.length - a.unsure.length);
    const unsureWords = { unsure: data.unsureLabel };
    out.push(section(ui.evidence_title, format(ui.evidence_intro, unsureWords),
      unsure.length
        ? table(format(ui.evidence_caption, unsureWords), [ui.indicator, ui.area_column, ui.teams_not_sure, ui.which_teams],
          unsure.map((p) => [{ text: textOf(p.id), small: p.id }, { text: p.area, wrap: true }, String(p.unsure.length), { text: p.unsure.join("; "), wrap: true }]))
        : el("p", { text: format(ui.evidence_none, unsureWords) })));
    return out;
  }

  function groupsView() {
    const cycles = new Map();
    for (const r of records) {
      const key = `${r.school.toLowerCase()}\u0000${r.date}`;
      if (!cycles.has(key)) cycles.set(key, []);
      cycles.get(key).push(r);
    }
    const tables = [];
    for (const recs of cycles.values()) {
      if (recs.length < 2) continue;
      recs.sort((a, b) => (b.group.id === guide.lead) - (a.group.id === guide.lead) || a.group.label.localeCompare(b.group.label));
      const lead = recs[0].group.id === guide.lead ? recs[0] : null;
      const rows = guide.areas.map((area) => [{ text: area.title }, ...recs.map((r) => {
        const stats = areaStats([r], area);
        const base = lead && r !== lead ? areaStats([lead], area).average : null;
        const diff = base !== null && stats.average !== null ? stats.average - base : null;
        const leadWords = leadLabel.toLowerCase();
        const small = diff === null ? format(ui.rated, { count: stats.rated })
          : Math.abs(diff) < 0.05 ? format(ui.same_as, { lead: leadWords }) : format(ui.versus, { difference: signed(diff), lead: leadWords });
        return { text: fixed(stats.average), small, shade: shade(stats.average) };
      })]);
      tables.push(table(format(ui.groups_caption, { school: recs[0].school, date: recs[0].date || ui.no_date }),
        [ui.area_column, ...recs.map((r) => r.group.label)], rows));
    }
    return section(ui.groups_title, format(ui.groups_intro, { lead: leadLabel.toLowerCase() }),
      ...(tables.length ? tables : [el("p", { text: ui.groups_none })]));
  }

  function timeView() {
    const series = new Map();
    for (const r of records) {
      const key = `${r.school.toLowerCase()}\u0000${r.group.id}`;
      if (!series.has(key)) series.set(key, []);
      series.get(key).push(r);
    }
    const tables = [];
    for (const recs of series.values()) {
      if (recs.length < 2) continue;
      recs.sort((a, b) => a.date.localeCompare(b.date));
      const first = recs[0];
      const last = recs[recs.length - 1];
      const rows = guide.areas.map((area) => {
        const a = areaStats([first], area).average;
        const b = areaStats([last], area).average;
        const change = a === null || b === null ? null : b - a;
        const words = change === null ? "–" : Math.abs(change) < 0.05 ? ui.no_change
          : format(change > 0 ? ui.up : ui.down, { change: signed(change) });
        return [{ text: area.title }, ...recs.map((r) => cell(areaStats([r], area))), words];
      });
      tables.push(table(format(ui.time_caption, { school: first.school, group: first.group.label, first: first.date || "?", last: last.date || "?" }),
        [ui.area_column, ...recs.map((r) => r.date || ui.no_date), ui.change], rows));
    }
    return section(ui.time_title, ui.time_intro,
      ...(tables.length ? tables : [el("p", { text: ui.time_none })]));
  }

  function render() {
    tableCount = 0;
    results.hidden = !records.length;
    if (!records.length) return;
    views.replaceChildren(schoolsView(), ...indicatorViews(), groupsView(), timeView());
  }

  // ---- CSV of the combined results ------------------------------------------------------
  function csvCell(value) {
    let text = String(value ?? "");
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`; // never a formula in a spreadsheet
    return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function exportCSV() {
    // For readers only (nothing reads this file back), so every heading is in the edition's words.
    const columns = ui.csv_columns;
    const rows = [[columns.school, columns.group, columns.cycle_date, columns.file, columns.area_title, columns.average, columns.rated, data.unsureLabel]];
    for (const r of records) {
      for (const area of [...guide.areas, { title: ui.all_areas, indicators: allIds }]) {
        const stats = areaStats([r], area);
        const unsure = area.indicators.filter((id) => r.ratings.get(id) === guide.unsure).length;
        rows.push([r.school, r.group.label, r.date, r.file, area.title, stats.average === null ? "" : stats.average.toFixed(2), stats.rated, unsure]);
      }
    }
    const text = "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const link = el("a", { href: url, download: "digital-equity-combined-results.csv", hidden: "" });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10000);
    status.textContent = format(ui.exported, { file: "digital-equity-combined-results.csv" });
  }

  // ---- wiring ---------------------------------------------------------------------------
  root.querySelectorAll("[data-without-script]").forEach((node) => node.remove());
  const drop = $("combine-drop");
  const input = $("combine-input");
  drop.hidden = false;
  input.addEventListener("change", async () => {
    await addFiles([...input.files]);
    input.value = "";
  });
  // A file dropped anywhere on the page is read here; the browser must not open it instead,
  // which would leave the page and lose the results.
  const isFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes("Files");
  document.addEventListener("dragover", (event) => {
    if (!isFiles(event)) return;
    event.preventDefault();
    drop.classList.add("combine__drop--over");
  });
  document.addEventListener("dragleave", (event) => {
    if (!event.relatedTarget) drop.classList.remove("combine__drop--over");
  });
  document.addEventListener("drop", (event) => {
    if (!isFiles(event)) return;
    event.preventDefault();
    drop.classList.remove("combine__drop--over");
    addFiles([...event.dataTransfer.files]);
  });
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    if (button.dataset.action === "print") window.print();
    else exportCSV();
  });
})();
