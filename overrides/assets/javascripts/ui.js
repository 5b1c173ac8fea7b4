// The interface strings of a tool, in the edition's language. The macro that renders the
// tool writes them into its root element's data-ui attribute (macros/scripts_ui.py, from
// content_data/interface/scripts.yml), so they come with the page, from file:// too.

/** The group `part` of the strings a page element carries ({} if it carries none). */
export function strings(root, part) {
  try {
    const all = JSON.parse(root.dataset.ui || "{}");
    return all[part] || {};
  } catch {
    return {};
  }
}

/** `text` with each {name} replaced by values[name]: format("{done} of {total}", {done: 1, total: 3}). */
export function format(text, values = {}) {
  return String(text ?? "").replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
}

/** The one/other form of a counted string: plural(ui.files, n, {...}) uses ui.files.one for 1. */
export function plural(forms, count, values = {}) {
  return format(count === 1 ? forms.one : forms.other, { count, ...values });
}

/** A number with `digits` decimals, written as the page's language writes it (2.5, or 2,5 in Spanish). */
export function decimal(value, digits = 1) {
  const lang = document.documentElement.lang || undefined;
  return value.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
