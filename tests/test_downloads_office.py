"""The downloads as an office suite sees them: LibreOffice opens, prints and recalculates.

Needs LibreOffice (`soffice`). On a developer's machine without it these tests are
skipped with the reason; in CI (the CI environment variable set) they fail instead.
"""
from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from conftest import ROOT, need_tool
from macros.downloads import tools
from macros.downloads.self_assessment import layout, plain
from macros.downloads.xlsx_layout import sheet_names
from macros.loader import load_content

pytestmark = pytest.mark.office


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="module")
def soffice():
    need_tool("soffice", "LibreOffice")
    return shutil.which("soffice")


def convert(soffice: str, files: list[Path], target: str, outdir: Path) -> None:
    # A private profile: parallel runs (and a LibreOffice already open) do not clash.
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
             "--convert-to", target, "--outdir", str(outdir), *map(str, files)],
            capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert result.returncode == 0, result.stdout + result.stderr


def words(text: str) -> str:
    return " ".join(text.split())


def test_both_downloads_print_every_area_title(content, soffice, tmp_path):
    files = []
    for download in tools(content).values():
        path = tmp_path / download.filename
        path.write_bytes(download.build(content))
        files.append(path)
    convert(soffice, files, "pdf", tmp_path)
    for path in files:
        pdf = path.with_suffix(".pdf")
        assert pdf.exists(), f"LibreOffice made no PDF of {path.name}"
        reader = PdfReader(pdf)
        text = words(" ".join(page.extract_text() or "" for page in reader.pages))
        for area in content.areas:
            assert words(plain(area.title)) in text, (path.name, area.title)
        for section in content.sections.sections:
            if content.areas_in(section.id) and path.suffix == ".docx":
                assert words(plain(section.title)) in text, (path.name, section.title)


def test_summary_recalculates_as_the_team_rates(content, soffice, tmp_path):
    """Type ratings as a team would, then let LibreOffice recalculate the Summary."""
    levels = [plain(lv.label) for lv in content.scale.levels]
    unsure = plain(content.scale.unsure_label)
    book = openpyxl.load_workbook(io.BytesIO(tools(content)["self-assessment"].build(content)))
    plan = layout(content)[0]
    ws = book[plan.name]
    area = plan.rows[0][0]
    blocks = [b for b in plan.blocks if b.area.id == area.id]
    # ratings for the first area: lowest, highest, not sure, the rest left empty
    typed = [levels[0], levels[-1], unsure][: len(blocks)]
    for block, value in zip(blocks, typed):
        ws.cell(block.rating + 1, 2, value)
    filled = tmp_path / "filled.xlsx"
    book.save(filled)

    # every sheet to CSV (UTF-8, comma, quoted text; sheet -1 means all sheets)
    convert(soffice, [filled],
            'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
            tmp_path)
    matches = list(tmp_path.glob(f"filled*{sheet_names(content)['summary']}*.csv"))
    assert matches, sorted(p.name for p in tmp_path.iterdir())
    rows = list(csv.reader(matches[0].read_text(encoding="utf-8").splitlines()))
    from macros.downloads.xlsx_summary import TABLE_ROW
    rows = rows[TABLE_ROW:]
    header, body = rows[0], {r[0]: dict(zip(rows[0], r)) for r in rows[1:] if r}
    average = next(h for h in header if h.startswith("Average"))

    row = body[plain(area.title)]
    rated = [v for v in typed if v != unsure]
    for label in levels:
        assert int(row[label]) == rated.count(label), (label, row)
    assert int(row[unsure]) == typed.count(unsure)
    assert int(row["Not rated yet"]) == len(area.indicators) - len(typed)
    expected = sum(levels.index(v) + 1 for v in rated) / len(rated) if rated else None
    if expected is None:
        assert row[average] == "-"
    else:
        assert float(row[average]) == pytest.approx(expected, abs=0.05)

    for other in content.areas[1:]:
        other_row = body[plain(other.title)]
        assert other_row[average] == "-", other_row  # no ratings: a dash, never #DIV/0!
        assert int(other_row["Not rated yet"]) == len(other.indicators)
    assert not re.search(r"#DIV/0|Err:|#VALUE|#NAME", matches[0].read_text(encoding="utf-8"))


def test_every_download_opens_and_prints_without_blank_pages(content, soffice, tmp_path):
    """LibreOffice opens every file and prints it to PDF: each has its title on the first
    page, no page that holds only the footer, and stays within its template's max_pages;
    the workbook's action plans and the district plan print landscape."""
    from macros.downloads import registry

    downloads = registry(content)
    files = []
    for download in downloads.values():
        path = tmp_path / download.filename
        path.write_bytes(download.build(content))
        files.append(path)
    convert(soffice, files, "pdf", tmp_path)
    limits = {t.id: t.max_pages for t in content.templates}
    for name, download in downloads.items():
        pdf = tmp_path / download.filename.rsplit(".", 1)[0]
        reader = PdfReader(pdf.with_suffix(".pdf"))
        pages = [words(page.extract_text() or "") for page in reader.pages]
        if download.filename.endswith(".docx"):
            # compared without spaces: the PDF's text layer splits some kerned words ("T emplate")
            title = plain(_title(content, name)).replace(" ", "")
            assert title in pages[0].replace(" ", ""), name
            for number, text in enumerate(pages, 1):
                assert len(text) > 80, f"{download.filename}: page {number} is nearly empty: {text!r}"
        if limits.get(name):
            assert len(pages) <= limits[name], (name, len(pages))
        if name in ("workbook", "district-plan"):
            wide = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
            assert wide, name
        if name == "workbook":
            for page, text in zip(reader.pages, pages):
                if "Action plan:" in text:
                    assert page.mediabox.width > page.mediabox.height, text[:60]


def _title(content, name: str) -> str:
    found = next((t for t in content.templates if t.id == name), None)
    return found.title if found else content.ui("downloads.workbook.title")


def test_the_self_assessment_prints_readable_letter_pages(content, soffice, tmp_path):
    """LibreOffice prints the Self-Assessment Tool: US Letter pages with text at 9 points or
    larger, no page nearly empty, and every rating page shows which levels to write."""
    path = tmp_path / "tool.xlsx"
    path.write_bytes(tools(content)["self-assessment"].build(content))
    convert(soffice, [path], "pdf", tmp_path)
    reader = PdfReader(tmp_path / "tool.pdf")
    choices = [plain(lv.label) for lv in content.scale.levels] + [plain(content.scale.unsure_label)]
    line = words(content.ui("downloads.self_assessment.rating.levels_line",
                            choices=content.ui("downloads.list_joiner").join(choices)))
    sheets = tuple(f"{plan.name} " for plan in layout(content))
    rating_pages = 0
    for number, page in enumerate(reader.pages, 1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) in ((612, 792), (792, 612))
        sizes = []

        def visit(text, cm, tm, font, size, sizes=sizes):
            if text.strip():
                sizes.append(size * (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5)
        text = words(page.extract_text(visitor_text=visit))
        assert len(text) > 80, f"page {number} is nearly empty: {text!r}"
        assert min(sizes) >= 8.95, f"page {number} prints text at {min(sizes):.1f} points"
        assert page.extract_text().count("Page ") >= 1
        if text.startswith(sheets):  # the footer, read first, names the sheet
            rating_pages += 1
            assert line in text, f"page {number} does not say which levels to write"
    indicators = sum(len(a.indicators) for a in content.areas)
    # two or three indicators a page: readable, and not a page per indicator
    assert indicators / 3 <= rating_pages <= indicators / 2 + len(layout(content)), rating_pages
