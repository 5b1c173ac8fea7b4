"""The Self-Assessment Tool on paper (issue 14): every sheet prints on US Letter with text
at 9 points or larger, the header rows repeat on every page, a sheet printed blank says
which levels to write, page numbers are in the footer, and the checklist sheet holds every
area's checklist with a status dropdown. Read back with openpyxl; LibreOffice's print is
in tests/test_downloads_office.py."""
from __future__ import annotations

import io

import openpyxl
import pytest
from openpyxl.utils import range_boundaries

from conftest import ROOT
from macros.downloads import self_assessment
from macros.downloads.xlsx_layout import HEADER_ROWS, sheet_names
from macros.downloads.xlsx_style import CHAR_PX, MARGINS, PAGE_INCHES, column_points
from macros.downloads.xlsx_text import plain
from macros.loader import load_content


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="module")
def book(content):
    return openpyxl.load_workbook(io.BytesIO(self_assessment.build(content)))


def printed_columns(ws) -> list[int]:
    area = ws.print_area
    if area:
        c1, _, c2, _ = range_boundaries(str(area[0] if isinstance(area, list) else area).split("!")[-1].replace("$", ""))
        return list(range(c1, c2 + 1))
    return list(range(1, ws.max_column + 1))


def width(ws, col: int) -> float:
    """A column's width in characters, less the 5 pixels of padding the file adds to it
    (which ``column_points`` counts)."""
    for dim in ws.column_dimensions.values():
        if dim.min and dim.min <= col <= dim.max and dim.width:
            return dim.width - 5 / 7
    return 8.43


def test_every_sheet_prints_its_text_at_nine_points_or_more(book):
    """Font size x print scale: at full size where the columns fit the page (Excel, and
    LibreOffice with Carlito); fit-to-width shrinks a sheet only where a program draws a
    wider fallback face, and then never below 9 points."""
    for ws in book.worksheets:
        setup = ws.page_setup
        assert setup.paperSize in (1, "1"), ws.title  # US Letter
        landscape = setup.orientation == "landscape"
        columns = printed_columns(ws)
        sizes = {ws.cell(r, c).font.sz for r in range(1, ws.max_row + 1) for c in columns
                 if ws.cell(r, c).value is not None}
        fit = ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage
        assert fit and setup.fitToWidth in (1, None) and setup.fitToHeight == 0, ws.title
        room = (PAGE_INCHES[landscape][0] - MARGINS["left"] - MARGINS["right"]) * 72
        for face in CHAR_PX:
            used = sum(column_points(width(ws, c), face) for c in columns)
            scale = min(1, room / used)
            assert min(sizes) * scale >= 9, (ws.title, face, min(sizes), scale)
            if face == "calibri":
                assert scale == 1, f"{ws.title}: {used:.0f} points of columns on a {room:.0f}-point line"
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text, ws.title


def test_rating_sheets_repeat_their_header_rows_and_say_which_levels_to_write(content, book):
    choices = [plain(lv.label) for lv in content.scale.levels] + [plain(content.scale.unsure_label)]
    line = content.ui("downloads.self_assessment.rating.levels_line",
                      choices=content.ui("downloads.list_joiner").join(choices))
    assert line.startswith("Write one of: Foundational, Developing, Established, Advanced")
    for plan in self_assessment.layout(content):
        ws = book[plan.name]
        assert ws.print_title_rows.replace("$", "") == f"1:{HEADER_ROWS}", ws.title
        header = [ws.cell(r, c).value for r in range(1, HEADER_ROWS + 1) for c in (1, 2)]
        assert line in header, header
        assert ws.page_setup.orientation in (None, "portrait")
        # a page break never falls inside an indicator's block
        breaks = {b.id for b in ws.row_breaks.brk}
        for block in plan.blocks:
            assert not any(block.first < b <= block.last for b in breaks), (ws.title, block.indicator.id)


def test_the_checklist_sheet_has_every_item_with_a_status_dropdown(content, book):
    ws = book[sheet_names(content)["checklists"]]
    statuses = [content.ui(f"downloads.self_assessment.checklist.status.{k}")
                for k in ("done", "in_progress", "not_yet", "unknown")]
    assert statuses == ["Done", "In progress", "Not yet", "Don't know"]
    rows = {ws.cell(r, 1).value: r for r in range(HEADER_ROWS + 1, ws.max_row + 1)}
    header = [ws.cell(HEADER_ROWS, c).value for c in range(1, 5)]
    assert header[1:] == ["Status", "Owner", "Evidence"]
    status_cells = set()
    for dv in ws.data_validations.dataValidation:
        if dv.type == "list":
            assert all(s in dv.formula1 for s in statuses), dv.formula1
            for part in str(dv.sqref).split():
                c1, r1, c2, r2 = range_boundaries(part)
                status_cells |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    count = 0
    for area in content.areas:
        for n, item in enumerate(area.checklist, start=1):
            r = rows[f"{n}. {plain(item.text)}"]
            assert (r, 2) in status_cells, item.id
            for c in (2, 3, 4):
                assert ws.cell(r, c).protection.locked is False, (item.id, c)
            count += 1
    assert count == sum(len(a.checklist) for a in content.areas)
    assert ws.print_title_rows.replace("$", "") == f"1:{HEADER_ROWS}"
    assert ws.page_setup.orientation == "landscape"
