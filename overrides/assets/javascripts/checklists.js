// Makes each area checklist (<fieldset class="checklist">, rendered by the
// `checklist` macro) remember its ticks in this browser.
//
// Without JavaScript the checklist is still a readable list of boxes, so this
// module only ADDS things: saving, a live "4 of 7 done" count and a button to
// clear the list. Nothing is sent anywhere; ticks stay in localStorage.

import { format, isPlainObject, onEveryPage, readJSON, remove, storageAvailable, strings, writeJSON } from "./storage.js";

// One key per area, and ticks stored by item id rather than by position, so
// reordering or adding items in the YAML keeps a team's earlier ticks.
// Bump "v1" only if the stored shape changes.
const keyFor = (area) => `deg:checklist:v1:${area}`;

function setUp(fieldset, canSave) {
  if (fieldset.dataset.degReady) return; // already set up (instant navigation re-runs us)
  fieldset.dataset.degReady = "true";

  const area = fieldset.dataset.area;
  const ui = strings(fieldset, "checklist"); // content_data/interface/scripts.yml
  const boxes = [...fieldset.querySelectorAll('input[type="checkbox"][data-item]')];
  const legend = fieldset.querySelector("legend");
  const name = legend ? legend.textContent.trim() : ui.this_checklist;

  // Restore. Ids we no longer have (an item removed from the YAML) are ignored.
  // The site may load this script after the first paint, so a box the reader
  // ticked before it ran stays ticked (and is saved below).
  const saved = readJSON(keyFor(area), {});
  const ticks = isPlainObject(saved) ? saved : {};
  const early = boxes.some((box) => box.checked && ticks[box.dataset.item] !== true);
  for (const box of boxes) box.checked = box.checked || ticks[box.dataset.item] === true;

  // The note that ticks are not saved (shown while this script is not running) goes.
  fieldset.querySelectorAll("[data-without-script]").forEach((node) => node.remove());

  const tools = document.createElement("div");
  tools.className = "checklist__tools";

  // Polite live region: the count is announced after each tick without
  // interrupting the reader.
  const count = document.createElement("p");
  count.className = "checklist__count";
  count.setAttribute("aria-live", "polite");

  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "deg-button";
  clear.textContent = ui.clear;

  tools.append(count, clear);
  fieldset.append(tools);

  if (!canSave) {
    const note = document.createElement("p");
    note.className = "checklist__note";
    note.textContent = ui.cannot_save;
    fieldset.append(note);
  }

  const showCount = () => {
    const done = boxes.filter((b) => b.checked).length;
    count.textContent = format(ui.count, { done, total: boxes.length });
  };

  const save = () => {
    // Keep ticks for ids this page does not show (they may come back), and
    // record only true values so the stored object stays small.
    const current = readJSON(keyFor(area), {});
    const next = isPlainObject(current) ? current : {};
    for (const box of boxes) {
      if (box.checked) next[box.dataset.item] = true;
      else delete next[box.dataset.item];
    }
    if (Object.keys(next).length) writeJSON(keyFor(area), next);
    else remove(keyFor(area));
  };

  fieldset.addEventListener("change", (event) => {
    if (!boxes.includes(event.target)) return;
    save();
    showCount();
  });

  clear.addEventListener("click", () => {
    if (!boxes.some((b) => b.checked)) {
      // Said in the polite count line, so a press is never met with silence.
      count.textContent = format(ui.nothing_to_clear, { name });
      return;
    }
    if (!window.confirm(format(ui.confirm_clear, { name }))) return;
    for (const box of boxes) box.checked = false;
    remove(keyFor(area));
    showCount();
  });

  if (early) save();
  showCount();
}

function init() {
  const lists = document.querySelectorAll("fieldset.checklist[data-area]");
  if (!lists.length) return;
  const canSave = storageAvailable();
  lists.forEach((fieldset) => setUp(fieldset, canSave));
}

onEveryPage(init);
