// The self-assessment summary: per area, how many indicators sit at each level,
// and an average on the scale (lowest level = 1). Shown twice: as a table, which
// is the accessible, exact form, and as a bar chart for a quick look, whose text
// alternative repeats the averages.
//
// Built with DOM methods and textContent only, never from HTML strings, so text from the
// page can never be read as markup. Its words are page.summaryUi (content_data/interface/
// scripts.yml, group "summary").

import { decimal, format } from "./storage.js";

/** Counts per level, unsure and unrated, and the average, for one group of indicators. */
function tally(page, indicators, ratings) {
  const counts = Object.fromEntries(page.levels.map((l) => [l.id, 0]));
  let unsure = 0;
  let unrated = 0;
  let sum = 0;
  let scored = 0;
  for (const ind of indicators) {
    const level = (ratings[ind.id] || {}).level;
    const found = page.levels.find((l) => l.id === level);
    if (found) {
      counts[found.id] += 1;
      sum += found.score;
      scored += 1;
    } else if (level === page.unsure) {
      unsure += 1;
    } else {
      unrated += 1;
    }
  }
  return { counts, unsure, unrated, average: scored ? sum / scored : null };
}

/** One entry per area, in page order, plus the whole guide. */
export function summarise(page, ratings) {
  const areas = [];
  for (const ind of page.indicators) {
    let area = areas.find((a) => a.id === ind.area);
    if (!area) {
      area = { id: ind.area, title: ind.areaTitle, indicators: [] };
      areas.push(area);
    }
    area.indicators.push(ind);
  }
  return {
    areas: areas.map((a) => ({ ...a, ...tally(page, a.indicators, ratings) })),
    total: tally(page, page.indicators, ratings),
  };
}

const formatAverage = (ui, average) => (average === null ? ui.none_yet : decimal(average));
// The bar chart has less room, so a missing average is a dash there; its text alternative says "no ratings yet".
const barValue = (average) => (average === null ? "–" : decimal(average));

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function row(page, label, data, extra = {}) {
  const tr = el("tr", extra);
  tr.append(el("th", { scope: "row", text: label }));
  for (const level of page.levels) {
    tr.append(el("td", { "data-level": level.id, text: String(data.counts[level.id]) }));
  }
  tr.append(el("td", { "data-level": page.unsure, text: String(data.unsure) }));
  tr.append(el("td", { "data-level": "unrated", text: String(data.unrated) }));
  tr.append(el("td", { "data-average": "", text: formatAverage(page.summaryUi, data.average) }));
  return tr;
}

function table(page, summary) {
  const ui = page.summaryUi;
  const head = el("tr");
  head.append(el("th", { scope: "col", text: ui.area_column }));
  for (const level of page.levels) head.append(el("th", { scope: "col", text: level.label }));
  head.append(el("th", { scope: "col", text: page.unsureLabel }));
  head.append(el("th", { scope: "col", text: ui.not_rated }));
  head.append(el("th", { scope: "col", text: ui.average }));

  const body = el("tbody");
  for (const area of summary.areas) body.append(row(page, area.title, area, { "data-area": area.id }));
  const foot = el("tfoot", {}, row(page, ui.all_areas, summary.total, { "data-area": "all" }));

  // The table may be wider than a phone screen: it scrolls in its own region,
  // which keyboard users can focus and screen reader users can find by name.
  return el("div", { class: "table-scroll", role: "region", tabindex: "0", "aria-labelledby": "sa-table-caption" },
    el("table", { class: "assessment__table" },
      el("caption", { id: "sa-table-caption", text: ui.caption }),
      el("thead", {}, head), body, foot));
}

function chart(page, summary) {
  const ui = page.summaryUi;
  const max = page.levels.length;
  // The text alternative says what the bars show, area by area.
  const alt = summary.areas
    .map((a) => format(ui.chart_area, {
      area: a.title,
      average: a.average === null ? ui.no_ratings_yet : format(ui.out_of, { average: decimal(a.average), max }),
    }))
    .join("; ");
  const bars = el("div", { class: "assessment__bars", role: "img", "aria-label": format(ui.chart_label, { areas: alt }) });
  for (const area of summary.areas) {
    const width = area.average === null ? 0 : (area.average / max) * 100;
    const fill = el("span", { class: "assessment__bar-fill" });
    fill.style.width = `${width}%`;
    bars.append(el("div", { class: "assessment__bar-row" },
      el("span", { class: "assessment__bar-label", text: area.title }),
      el("span", { class: "assessment__bar-track" }, fill),
      el("span", { class: "assessment__bar-value", text: barValue(area.average) })));
  }
  return el("figure", { class: "assessment__chart" },
    el("figcaption", { text: format(ui.chart_caption, { max }) }), bars);
}

/** Replace the contents of `container` with the table and the chart. */
export function renderSummary(container, page, ratings) {
  const summary = summarise(page, ratings);
  container.replaceChildren(table(page, summary), chart(page, summary));
}
