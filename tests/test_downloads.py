"""The two companion downloads, read back with openpyxl and python-docx.

Every piece of YAML text must arrive; the files must be accessible (real tables, headings,
lists, header rows, alt text, properties, no merged or nested cells), protected without a
password, reproducible byte for byte, fast, and immune to formula injection.
"""
from __future__ import annotations

import hashlib
import inspect
import io
import re
import shutil
import subprocess
import sys
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
import openpyxl
import pytest
import yaml
from openpyxl.utils import get_column_letter, range_boundaries

from conftest import ROOT
from macros.downloads import registry, self_assessment, tools, workbook
from macros.downloads.self_assessment import plain
from macros.downloads.xlsx_layout import AREA_COL, HEADER_ROWS, ID_COL, sheet_names
from macros.loader import load_content

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INJECTIONS = ["=1+2", "+SUM(1,2)", "-3+4", "@risk"]


# --- fixtures -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="module")
def xlsx_bytes(content) -> bytes:
    return self_assessment.build(content)


@pytest.fixture(scope="module")
def docx_bytes(content) -> bytes:
    return workbook.build(content)


@pytest.fixture(scope="module")
def book(xlsx_bytes):
    return openpyxl.load_workbook(io.BytesIO(xlsx_bytes))


@pytest.fixture(scope="module")
def document(docx_bytes):
    return docx.Document(io.BytesIO(docx_bytes))


def rating_sheets(content, book):
    return [(plan, book[plan.name]) for plan in self_assessment.layout(content)]


def header_columns(ws) -> dict[str, int]:
    """Header text -> 1-based column number, from row 1."""
    return {cell.value: cell.column for cell in ws[1] if cell.value}


def sheet_strings(ws) -> set[str]:
    return {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


def doc_texts(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def copy_content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content_data", tmp_path / "content_data")
    return tmp_path


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def first_area_file(root: Path, content) -> Path:
    return root / "content_data" / "areas" / f"{content.areas[0].id}.yml"


# --- the Self-Assessment Tool (.xlsx) ----------------------------------------------------

def names(content) -> dict[str, str]:
    return sheet_names(content)


def ui(content, key: str, **values) -> str:
    return content.ui(f"downloads.self_assessment.{key}", **values)


def test_xlsx_holds_every_indicator_and_level_descriptor(content, book):
    found = set()
    for _, ws in rating_sheets(content, book):
        found |= sheet_strings(ws)
    for area in content.areas:
        assert plain(area.title) in found, area.id
        for indicator in area.indicators:
            assert plain(indicator.text) in found, indicator.id
            assert indicator.id in found, indicator.id
            for level in content.scale.levels:
                assert plain(indicator.levels[level.id]) in found, (indicator.id, level.id)


def test_xlsx_how_to_sheet_explains_scale_steps_and_privacy(content, book):
    how_to = names(content)["how_to"]
    assert book.sheetnames[0] == how_to
    text = " ".join(sheet_strings(book[how_to]))
    for level in content.scale.levels:
        assert plain(level.label) in text and plain(level.description) in text
    assert content.scale.unsure_label in text
    assert "Step 1" in text and "Step 3" in text
    assert "offline" in text and "sent anywhere" in text
    assert not book[how_to].merged_cells.ranges


def test_xlsx_sheet_names_are_meaningful(content, book):
    plans = self_assessment.layout(content)
    fixed = names(content)
    assert book.sheetnames == [fixed["how_to"]] + [p.name for p in plans] + \
        [fixed["checklists"], fixed["summary"]]
    for plan in plans:
        assert not plan.name.lower().startswith("sheet") and len(plan.name) <= 31
        title_words = {w.lower() for w in plain(plan.section.title).split()}
        assert {w.lower() for w in plan.name.split()} <= title_words, plan.name
    assert {p.section.id for p in plans} == {a.section for a in content.areas}


def test_xlsx_rating_sheets_have_a_block_per_indicator_with_its_levels_in_rows(content, book):
    """What a team sees: the indicator, then one row per level (name and descriptor), then
    'Our rating', 'Evidence' and 'Notes'; the ids the formulas read are in hidden columns."""
    levels = content.scale.levels
    for plan, ws in rating_sheets(content, book):
        assert len(plan.blocks) == sum(len(a.indicators) for a in content.areas_in(plan.section.id))
        def at(r, c, ws=ws):  # 0-based, as the layout says
            return ws.cell(r + 1, c + 1).value

        for block in plan.blocks:
            assert at(block.first, 0) == ui(content, "rating.indicator", number=block.number)
            assert at(block.first, 1) == plain(block.indicator.text)
            for offset, level in enumerate(levels, start=1):
                assert at(block.first + offset, 0) == plain(level.label)
                assert at(block.first + offset, 1) == plain(block.indicator.levels[level.id])
            assert [at(block.rating + i, 0) for i in range(3)] == \
                [ui(content, f"rating.{k}") for k in ("our_rating", "evidence", "notes")]
            assert at(block.rating, 1) is None
            assert at(block.rating, ID_COL) == block.indicator.id
            assert at(block.rating, AREA_COL) == block.area.id
        hidden = {c for d in ws.column_dimensions.values() if d.hidden
                  for c in range(d.min, d.max + 1)}
        assert {3, 4, 5} <= hidden and not {1, 2} & hidden, (ws.title, hidden)
        assert ws.freeze_panes == f"A{HEADER_ROWS + 1}"
        assert ws.column_dimensions["B"].width >= 60
        assert ws.cell(plan.blocks[0].first + 2, 2).alignment.wrap_text


def test_xlsx_rating_dropdown_covers_every_rating_cell(content, book):
    choices = [plain(lv.label) for lv in content.scale.levels] + [content.scale.unsure_label]
    for plan, ws in rating_sheets(content, book):
        wanted = {f"B{b.rating + 1}" for b in plan.blocks}
        covered = set()
        for dv in ws.data_validations.dataValidation:
            if dv.type != "list":
                continue
            assert all(choice in dv.formula1 for choice in choices), dv.formula1
            assert dv.showInputMessage and dv.promptTitle and dv.prompt
            for cell_range in str(dv.sqref).split():
                c1, r1, c2, r2 = range_boundaries(cell_range)
                covered |= {f"{get_column_letter(c)}{r}"
                            for c in range(c1, c2 + 1) for r in range(r1, r2 + 1)}
        assert wanted == covered, (ws.title, sorted(wanted ^ covered))


def test_xlsx_dropdown_handles_a_label_with_a_comma(tmp_path, content):
    """A comma cannot go in a literal list, so the dropdown points at the scale rows."""
    root = copy_content(tmp_path)
    edit_yaml(root / "content_data" / "scale.yml",
              lambda d: d["levels"][0].update(label="Starting, not yet planned"))
    changed = load_content(root)
    book = openpyxl.load_workbook(io.BytesIO(self_assessment.build(changed)))
    plan, ws = rating_sheets(changed, book)[0]
    dv = next(d for d in ws.data_validations.dataValidation if d.type == "list")
    sheet, cells = dv.formula1.lstrip("=").rsplit("!", 1)
    assert sheet.strip("'") == names(changed)["how_to"]
    c1, r1, c2, r2 = range_boundaries(cells.replace("$", ""))
    listed = [book[names(changed)["how_to"]].cell(r, c1).value for r in range(r1, r2 + 1)]
    assert listed == [plain(lv.label) for lv in changed.scale.levels] + \
        [changed.scale.unsure_label]


def test_xlsx_builder_never_uses_write_for_text():
    """write() turns '=...' into a formula; YAML text must go through write_string()."""
    from macros.downloads import xlsx_rating, xlsx_summary

    for module in (self_assessment, xlsx_rating, xlsx_summary):
        assert not re.search(r"\.write\(", inspect.getsource(module)), module.__name__
    assert '"strings_to_formulas": False' in inspect.getsource(self_assessment)


def test_xlsx_only_the_answer_cells_are_editable(content, book):
    for ws in book.worksheets:
        assert ws.protection.sheet, ws.title
        assert not ws.protection.password, ws.title
    for plan, ws in rating_sheets(content, book):
        for block in plan.blocks:
            for row in range(block.rating, block.last + 1):
                assert ws.cell(row + 1, 2).protection.locked is False, (ws.title, row)
            for row in range(block.first, block.rating):
                for col in (1, 2):
                    assert ws.cell(row + 1, col).protection.locked is not False, (ws.title, row)


def test_xlsx_summary_is_a_table_of_formulas_per_area(content, book):
    from macros.downloads.xlsx_summary import TABLE_ROW

    ws = book[names(content)["summary"]]
    assert len(ws.tables) == 1
    cols = {cell.value: cell.column for cell in ws[TABLE_ROW + 1] if cell.value}
    rows = {ws.cell(r, 1).value: r for r in range(TABLE_ROW + 2, ws.max_row + 1)
            if ws.cell(r, 1).value}
    assert list(rows) == [plain(a.title) for a in content.areas]
    counted = [plain(lv.label) for lv in content.scale.levels] + [content.scale.unsure_label]
    average = next(h for h in cols if h.startswith("Average"))
    for area in content.areas:
        r = rows[plain(area.title)]
        for label in counted:
            formula = ws.cell(r, cols[label]).value
            assert isinstance(formula, str) and formula.startswith("=COUNTIFS("), formula
            assert f'"={label}"' in formula and f'"={area.id}"' in formula
        assert ws.cell(r, cols["Not rated yet"]).value.startswith("=")
        avg = ws.cell(r, cols[average]).value
        # never #DIV/0!: the division only happens when something is rated
        assert avg.startswith("=IF(") and '"-"' in avg, avg


def test_xlsx_chart_has_title_axis_titles_and_alt_text(xlsx_bytes):
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes)) as z:
        names = z.namelist()
        assert "xl/charts/chart1.xml" in names
        chart = z.read("xl/charts/chart1.xml").decode()
        drawings = [z.read(n).decode() for n in names if n.startswith("xl/drawings/drawing")]
    assert chart.count("<c:title>") >= 3  # the chart and both axes
    assert "Average rating per area" in chart and "Summary" in chart
    alt = [m for d in drawings for m in re.findall(r'descr="([^"]*)"', d)]
    assert alt and all(len(a) > 40 for a in alt), alt


def test_xlsx_properties_and_no_merged_cells(content, book):
    props = book.properties
    assert props.title and props.subject and props.keywords and props.description
    assert props.creator == content.ui("downloads.author")
    assert props.created == datetime(2024, 1, 1)
    assert props.language == content.ui("downloads.language_tag") == "en-US"
    for ws in book.worksheets:
        assert not ws.merged_cells.ranges, ws.title
        assert not ws.title.startswith("Sheet")


def test_locate_names_the_rows_the_xlsx_really_uses(content, book):
    for area in content.areas:
        where = self_assessment.locate(content, area.id)
        match = re.fullmatch(r"on the sheet '(.+)', rows (\d+) to (\d+)", where)
        assert match, where
        ws = book[match.group(1)]
        first, last = int(match.group(2)), int(match.group(3))
        assert ws.cell(first, 1).value == plain(area.title)
        assert ws.cell(last, 1).value == ui(content, "rating.notes")
        labels = [ws.cell(r, 1).value for r in range(first, last + 1)]
        assert sum(1 for v in labels if v and v.startswith("Indicator ")) == len(area.indicators)


# --- the Reflection and Planning Companion Workbook (.docx) ------------------------------

def heading_level(paragraph) -> int | None:
    name = paragraph.style.name
    if name == "Title":
        return 0
    match = re.fullmatch(r"Heading (\d)", name)
    return int(match.group(1)) if match else None


def test_docx_holds_every_reflection_question_as_a_numbered_item(content, document):
    paragraphs = document.paragraphs
    by_text = {}
    for i, p in enumerate(paragraphs):
        by_text.setdefault(p.text, i)
    for area in content.areas:
        assert plain(area.summary) in by_text, area.id
        num_ids = set()
        for question in area.reflection_questions:
            i = by_text.get(plain(question.text))
            assert i is not None, (area.id, question.id)
            assert paragraphs[i].style.name == "List Number"
            # followed by room to write
            assert paragraphs[i + 1].style.name == workbook.ANSWER_STYLE
            assert paragraphs[i + 1].text == ""
            num_ids.add(paragraphs[i]._p.pPr.numPr.numId.val)
        assert len(num_ids) == 1  # one list per area ...
    first_ids = [paragraphs[by_text[plain(a.reflection_questions[0].text)]]._p.pPr.numPr.numId.val
                 for a in content.areas]
    assert len(set(first_ids)) == len(first_ids)  # ... and each starts again at 1
    numbering = document.part.numbering_part.element
    for num_id in first_ids:
        num = next(n for n in numbering.num_lst if n.numId == num_id)
        assert num.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["1"]


def test_docx_headings_follow_the_guide_without_skipping_levels(content, document):
    headings = [(heading_level(p), p.text) for p in document.paragraphs
                if heading_level(p) is not None]
    assert headings[0] == (0, content.ui("downloads.workbook.title"))
    previous = 0
    for level, text in headings[1:]:
        assert 1 <= level <= previous + 1, (level, text)
        previous = level
    h1 = [t for lv, t in headings if lv == 1]
    h2 = [t for lv, t in headings if lv == 2]
    assert [plain(s.title) for s in content.sections.sections if content.areas_in(s.id)] == \
        [t for t in h1 if t in {plain(s.title) for s in content.sections.sections}]
    words = content.workbook.text
    assert [t for t in h2 if t in {plain(a.title) for a in content.areas}] == \
        [plain(a.title) for a in content.areas]
    assert [t for lv, t in headings if lv == 3 and t.startswith(words.action_heading)] == \
        [f"{words.action_heading}: {plain(a.title)}" for a in content.areas]
    for heading in (words.how_to_heading, words.roster_heading, words.norms_heading,
                    words.voices_heading, words.prompts_heading):
        assert heading in h1, heading


def test_docx_prompts_and_how_to(content, document):
    text = "\n".join(doc_texts(document))
    for group in content.workbook.prompts:
        assert group.word in text
    assert "offline" in text and "sent anywhere" in text
    # the roster, norms, missing voices and landscape action plans: tests/test_toolkit.py


def test_docx_action_plan_tables_have_repeating_header_rows(content, document):
    labels = [plain(c.label) for c in content.workbook.action_plan_columns]
    plans = [t for t in document.tables if [c.text for c in t.rows[0].cells] == labels]
    assert len(plans) == len(content.areas)
    for table in document.tables:
        assert table.style.name == "Table Grid"
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(f"{W}tblHeader") is not None
        assert table._tbl.tblPr.find(f"{W}tblCaption") is not None
        for row in table.rows[1:]:
            assert row._tr.trPr is None or row._tr.trPr.find(f"{W}tblHeader") is None
    for table in plans:
        assert len(table.rows) >= 3 and all(c.text == "" for r in table.rows[1:] for c in r.cells)
    statuses = ", ".join(content.workbook.status_choices)
    assert sum(statuses in p.text for p in document.paragraphs) == len(content.areas)


def test_docx_no_merged_or_nested_cells(docx_bytes, document):
    body = document.element.body
    assert not body.xpath(".//w:gridSpan | .//w:vMerge | .//w:hMerge")
    assert not body.xpath(".//w:tc//w:tbl")


def test_docx_properties_and_language(content, document, docx_bytes):
    props = document.core_properties
    assert props.title == content.ui("downloads.workbook.title")
    assert props.author == content.ui("downloads.author") and props.subject and props.keywords
    assert props.language == "en-US"
    assert props.created == props.modified == datetime(2024, 1, 1, tzinfo=timezone.utc)
    lang = document.styles.element.xpath(
        "./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert lang == ["en-US"]
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in z.namelist()


def test_locate_names_a_real_heading_in_the_docx(content, document):
    current_h1 = None
    seen = {}
    for p in document.paragraphs:
        if heading_level(p) == 1:
            current_h1 = p.text
        elif heading_level(p) == 2:
            seen[p.text] = current_h1
    for area in content.areas:
        where = workbook.locate(content, area.id)
        match = re.fullmatch(r"under the heading '(.+)' in the part '(.+)'", where)
        assert match, where
        assert seen[match.group(1)] == match.group(2)


# --- both ---------------------------------------------------------------------------------

def test_builds_are_byte_identical(content):
    for download in registry(content).values():
        first = hashlib.sha256(download.build(content)).hexdigest()
        second = hashlib.sha256(download.build(content)).hexdigest()
        assert first == second, download.name


def test_both_builds_are_fast(content):
    best = min(_timed(content) for _ in range(3))
    assert best < 1.0, f"building both downloads took {best:.2f} s"


def _timed(content) -> float:
    start = time.perf_counter()
    for download in tools(content).values():
        download.build(content)
    return time.perf_counter() - start


def test_text_that_looks_like_a_formula_stays_text(tmp_path, content):
    root = copy_content(tmp_path)
    area = content.areas[0]

    def poison(data):
        data["title"] = "-Area*?"
        data["summary"] = INJECTIONS[0] + " summary"
        data["indicators"][0]["text"] = INJECTIONS[0]
        level_ids = list(data["indicators"][0]["levels"])
        for level_id, text in zip(level_ids, INJECTIONS[1:] + INJECTIONS[:1]):
            data["indicators"][0]["levels"][level_id] = text
        data["reflection_questions"][0]["text"] = INJECTIONS[3] + " who is missing?"

    edit_yaml(first_area_file(root, content), poison)
    poisoned = load_content(root)
    xlsx = self_assessment.build(poisoned)
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        sheets = "".join(z.read(n).decode() for n in z.namelist()
                         if n.startswith("xl/worksheets/sheet"))
        strings = z.read("xl/sharedStrings.xml").decode()
    formulas = re.findall(r"<f>(.*?)</f>", sheets)
    assert formulas  # the summary still has its formulas ...
    for text in INJECTIONS:
        assert f">{text}<" in strings  # ... and the YAML text is stored as text
        assert not any(f.startswith(text.lstrip("=")) for f in formulas), text
    plan = next(p for p in self_assessment.layout(poisoned) if p.section.id == area.section)
    ws = openpyxl.load_workbook(io.BytesIO(xlsx))[plan.name]
    row = plan.area_rows(area.id)[0]
    first = next(b for b in plan.blocks if b.area.id == area.id).first + 1
    assert ws.cell(first, 2).value == INJECTIONS[0] and ws.cell(first, 2).data_type == "s"
    assert ws.cell(row, 1).value == "-Area*?" and ws.cell(row, 1).data_type == "s"
    summary = openpyxl.load_workbook(io.BytesIO(xlsx))[names(poisoned)["summary"]]
    titles = [c for c in summary["A"] if c.value == "-Area*?"]
    assert titles and titles[0].data_type == "s"  # text, and the counts match on the area id

    document = docx.Document(io.BytesIO(workbook.build(poisoned)))
    texts = doc_texts(document)
    assert INJECTIONS[0] + " summary" in texts and INJECTIONS[3] + " who is missing?" in texts
    assert not document.element.body.xpath(".//w:instrText")
    assert [f.get(f"{W}instr") for f in document.element.body.xpath(".//w:fldSimple")] == []


def test_a_new_section_and_area_need_no_code_change(tmp_path, content):
    root = copy_content(tmp_path)
    edit_yaml(root / "content_data" / "sections.yml", lambda d: d["sections"].append(
        {"id": "community-partners", "title": "Working with Community Partners",
         "page": "community/index.md", "divide": "the digital access divide"}))
    source = first_area_file(root, content)
    new = root / "content_data" / "areas" / "libraries.yml"
    shutil.copy(source, new)

    def retarget(data):
        data.update(id="libraries", title="Public libraries", section="community-partners",
                    order=1, page="community/libraries.md")
        for i, indicator in enumerate(data["indicators"]):
            indicator["id"] = f"libraries-{i}"
    edit_yaml(new, retarget)
    grown = load_content(root)
    assert len(grown.areas) == len(content.areas) + 1

    book = openpyxl.load_workbook(io.BytesIO(self_assessment.build(grown)))
    plan = next(p for p in self_assessment.layout(grown) if p.section.id == "community-partners")
    assert plan.name in book.sheetnames and "Community" in plan.name
    assert self_assessment.locate(grown, "libraries").startswith(f"on the sheet '{plan.name}', row")
    summary = [c.value for c in book[names(grown)["summary"]]["A"]]
    assert summary[-1] == "Public libraries"

    document = docx.Document(io.BytesIO(workbook.build(grown)))
    heads = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 1", "Working with Community Partners") in heads
    assert ("Heading 2", "Public libraries") in heads


def test_markdown_in_yaml_becomes_plain_text():
    assert plain("Read *this* and **that**, see [the plan](https://example.org/p).") == \
        "Read this and that, see the plan (https://example.org/p)."
    assert plain("  spread\n  over lines ") == "spread over lines"
    assert plain("5 * 3 = 15") == "5 * 3 = 15"


def test_command_line_writes_every_file(tmp_path, content):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "macros.downloads", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for download in registry(content).values():
        written = (out / download.filename).read_bytes()
        assert written == download.build(content), download.filename
