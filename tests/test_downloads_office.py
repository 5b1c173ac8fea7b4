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
from macros.downloads import DOWNLOADS
from macros.downloads.self_assessment import SUMMARY_SHEET, layout, plain
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
    for download in DOWNLOADS.values():
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
    book = openpyxl.load_workbook(io.BytesIO(DOWNLOADS["self-assessment"].build(content)))
    plan = layout(content)[0]
    ws = book[plan.name]
    rating_col = next(c.column for c in ws[1] if c.value == "Our rating")
    area = plan.rows[0][0]
    first, last = plan.area_rows(area.id)
    # ratings for the first area: lowest, highest, not sure, the rest left empty
    typed = [levels[0], levels[-1], unsure][: last - first + 1]
    for offset, value in enumerate(typed):
        ws.cell(first + offset, rating_col, value)
    filled = tmp_path / "filled.xlsx"
    book.save(filled)

    # every sheet to CSV (UTF-8, comma, quoted text; sheet -1 means all sheets)
    convert(soffice, [filled],
            'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
            tmp_path)
    matches = list(tmp_path.glob(f"filled*{SUMMARY_SHEET}*.csv"))
    assert matches, sorted(p.name for p in tmp_path.iterdir())
    rows = list(csv.reader(matches[0].read_text(encoding="utf-8").splitlines()))
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
    from macros.downloads import workbook

    found = next((t for t in content.templates if t.id == name), None)
    return found.title if found else workbook.TITLE
