// Reads the cells of an .xlsx file in the browser, for combine-results.js, which
// loads this script only when a reader chooses a spreadsheet.
//
// An .xlsx file is a zip archive of XML files. This unzips the few entries it needs
// with the browser's own DecompressionStream("deflate-raw") and reads their XML with
// DOMParser; nothing is sent anywhere. It understands what Excel, LibreOffice Calc and
// Google Sheets write: shared strings, inline strings, numbers, formula results.
//
// window.degReadXlsx(bytes) resolves to { sheets: [{ name, rows }], names, date1904 }, the
// sheets in workbook order, rows[r][c] holding each cell's text or number (0-based), and
// names the workbook's defined names ({ name: "'Sheet'!$B$3" }, not those of one sheet).
// It rejects with an Error whose notSpreadsheet is true for a zip that is not a
// spreadsheet, and with a plain Error for a damaged file.

(function () {
  "use strict";

  /** The zip's entries: name -> { method, size, offset } (from its central directory). */
  function entries(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The end-of-central-directory record sits in the last 64 KiB (after an optional comment).
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i -= 1) {
      if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
    }
    if (end < 0) throw new Error("no zip directory");
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    const found = new Map();
    const decoder = new TextDecoder();
    for (let n = 0; n < count; n += 1) {
      if (view.getUint32(at, true) !== 0x02014b50) throw new Error("bad zip entry");
      const nameLength = view.getUint16(at + 28, true);
      const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      found.set(name, {
        method: view.getUint16(at + 10, true),
        size: view.getUint32(at + 20, true),
        offset: view.getUint32(at + 42, true),
      });
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return { found, view };
  }

  /** The text of one entry, inflated by the browser when it is compressed. */
  async function entryText(zip, bytes, name) {
    const entry = zip.found.get(name);
    if (!entry) return null;
    const at = entry.offset;
    if (zip.view.getUint32(at, true) !== 0x04034b50) throw new Error("bad local header");
    const start = at + 30 + zip.view.getUint16(at + 26, true) + zip.view.getUint16(at + 28, true);
    const raw = bytes.subarray(start, start + entry.size);
    if (entry.method === 0) return new TextDecoder().decode(raw);
    if (entry.method !== 8) throw new Error("unknown compression");
    const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).text();
  }

  function xml(text) {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw new Error("bad XML");
    return doc;
  }

  // Elements by local name, whatever namespace prefix the program used.
  const all = (node, name) => [...node.getElementsByTagNameNS("*", name)];
  const textOf = (node) => all(node, "t").filter((t) => !t.closest("rPh")).map((t) => t.textContent).join("");

  /** "BC12" -> 54 (0-based column). */
  function column(ref) {
    let n = 0;
    for (const c of ref.replace(/\d+$/, "")) n = n * 26 + c.charCodeAt(0) - 64;
    return n - 1;
  }

  function rows(doc, shared) {
    const out = [];
    let r = -1;
    for (const row of all(doc, "row")) {
      r = row.hasAttribute("r") ? Number(row.getAttribute("r")) - 1 : r + 1;
      const cells = (out[r] = []);
      let c = -1;
      for (const cell of all(row, "c")) {
        c = cell.hasAttribute("r") ? column(cell.getAttribute("r")) : c + 1;
        const type = cell.getAttribute("t");
        const v = all(cell, "v")[0];
        if (type === "inlineStr") cells[c] = textOf(cell);
        else if (!v) continue;
        else if (type === "s") cells[c] = shared[Number(v.textContent)] ?? "";
        else if (type === "str" || type === "e" || type === "b") cells[c] = v.textContent;
        else cells[c] = Number(v.textContent);
      }
    }
    return out;
  }

  window.degReadXlsx = async function (bytes) {
    const zip = entries(bytes);
    const book = await entryText(zip, bytes, "xl/workbook.xml");
    const rels = await entryText(zip, bytes, "xl/_rels/workbook.xml.rels");
    if (!book || !rels) throw Object.assign(new Error("not a spreadsheet"), { notSpreadsheet: true });
    const workbook = xml(book);
    const targets = new Map(all(xml(rels), "Relationship").map((r) => [r.getAttribute("Id"), r.getAttribute("Target")]));
    const sharedText = await entryText(zip, bytes, "xl/sharedStrings.xml");
    const shared = sharedText ? all(xml(sharedText), "si").map(textOf) : [];
    const pr = all(workbook, "workbookPr")[0];
    const sheets = [];
    for (const sheet of all(workbook, "sheet")) {
      // The sheet's relationship id: the attribute "id" in the relationships namespace,
      // whatever its prefix ("r:id" from Excel, other prefixes elsewhere).
      const rel = [...sheet.attributes].find((a) => a.localName === "id" && a.prefix);
      const id = rel ? rel.value : "";
      const target = targets.get(id) || "";
      // Targets are relative to xl/ ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/sheet1.xml").
      const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
      const text = await entryText(zip, bytes, path);
      if (text) sheets.push({ name: sheet.getAttribute("name"), rows: rows(xml(text), shared) });
    }
    const names = {};
    for (const item of all(workbook, "definedName")) {
      if (!item.hasAttribute("localSheetId")) names[item.getAttribute("name")] = item.textContent.trim();
    }
    return { sheets, names, date1904: !!pr && ["1", "true"].includes(pr.getAttribute("date1904")) };
  };
})();
