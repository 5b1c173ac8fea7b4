"""Combine and compare results (taking-it-forward/combine-results/) in Chromium.

Three schools export their ratings from the online self-assessment, a fourth fills in the
Self-Assessment Tool (.xlsx) and saves it again with LibreOffice; the page combines all
four into one row per school with the right area averages. Every kind of bad file gets a
message naming it while the others still combine; nothing is sent anywhere (the ``visit``
fixture fails a test on any request that leaves 127.0.0.1); axe finds nothing after the
import; 200 files combine at once.
"""
from __future__ import annotations

import csv
import datetime
import io
import json
import shutil
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from conftest import need_tool
from test_accessibility_axe import axe_violations, report
from test_interactive import content, expect, visit, wait_until_ready  # noqa: F401

PAGE = "taking-it-forward/combine-results/"
HUB = "getting-started/online-self-assessment/"
FORMAT = "digital-equity-guide/self-assessment"

pytestmark = pytest.mark.browser


# --- helpers --------------------------------------------------------------------------------

def go(page, visit, path: str) -> None:
    page.goto(visit.site_url + path, wait_until="networkidle")
    wait_until_ready(page)


def scores(content) -> dict[str, int]:
    return {level.id: i + 1 for i, level in enumerate(content.scale.levels)}


def area_averages(content, ratings: dict[str, str]) -> dict[str, str]:
    """What the page should show per area: the average of the rated levels, one decimal."""
    score = scores(content)
    out = {}
    for area in content.areas:
        values = [score[ratings[i.id]] for i in area.indicators if ratings.get(i.id) in score]
        out[area.title] = f"{sum(values) / len(values):.1f}" if values else "–"
    return out


def pattern(content, offset: int, areas: int) -> dict[str, str]:
    """Ratings for the first `areas` areas: levels in turn, with a 'not sure yet' now and then."""
    choices = [*content.scale.level_ids, "unsure"]
    ratings = {}
    for area in content.areas[:areas]:
        for n, ind in enumerate(area.indicators):
            ratings[ind.id] = choices[(n + offset) % len(choices)]
    return ratings


def export_from_the_online_self_assessment(visit, content, who, ratings, kind: str, folder: Path) -> Path:
    """Rate as a team would, on each area's page, then export from the main page."""
    page = visit(HUB)
    page.fill('input[name="school"]', who[0])
    page.select_option('select[name="group"]', who[1])
    page.fill('input[name="date"]', who[2])
    for area in content.areas:
        mine = {i.id: ratings[i.id] for i in area.indicators if i.id in ratings}
        if not mine:
            continue
        go(page, visit, f"{HUB}{area.id}/")
        for ind, level in mine.items():
            page.locator(f'fieldset[data-indicator="{ind}"] input[value="{level}"]').check()
    go(page, visit, HUB)
    with page.expect_download() as info:
        page.get_by_role("button", name=f"Export {kind.upper()}").click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    page.context.close()
    return path


def json_file(folder: Path, name: str, school: str, group: str, date: str, ratings: dict, version=2) -> Path:
    path = folder / name
    path.write_text(json.dumps({"format": FORMAT, "version": version, "school": school, "group": group,
                                "date": date, "ratings": {k: {"level": v, "note": ""} for k, v in ratings.items()}}))
    return path


def soffice_resave(source: Path, folder: Path) -> Path:
    """Open and save the file again with LibreOffice Calc, as a team using it would."""
    need_tool("soffice", "LibreOffice")
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    folder.mkdir(exist_ok=True)
    try:
        result = subprocess.run(
            [shutil.which("soffice"), f"-env:UserInstallation={profile.as_uri()}", "--headless",
             "--convert-to", "xlsx:Calc Office Open XML", "--outdir", str(folder), str(source)],
            capture_output=True, text=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / source.name


def filled_spreadsheet(content, folder: Path, who, ratings, name="jefferson.xlsx", marker=None) -> Path:
    """The Self-Assessment Tool as a team fills it in: whose it is on the first sheet, and
    each rating typed in its block's 'Our rating' cell, in the file's own language."""
    import openpyxl

    from macros.downloads import self_assessment
    from macros.downloads.self_assessment import NAMES
    from macros.downloads.xlsx_layout import layout

    book = openpyxl.load_workbook(io.BytesIO(self_assessment.build(content)))

    def cell(name):
        sheet, ref = book.defined_names[name].attr_text.rsplit("!", 1)
        return book[sheet.strip("'")][ref.replace("$", "")]

    for key, value in zip(("school", "group", "date"), who):
        cell(NAMES[key]).value = value
    if marker:
        cell(NAMES["format"]).value = marker
    labels = {level.id: level.label for level in content.scale.levels} | {"unsure": content.scale.unsure_label}
    for plan in layout(content):
        sheet = book[plan.name]
        for block in plan.blocks:
            level = ratings.get(block.indicator.id)
            if level:
                sheet.cell(block.rating + 1, 2).value = labels[level]
    path = folder / name
    book.save(path)
    return path


def combine(page, files: list[Path]) -> None:
    """Choose the files, and wait until each has its message."""
    before = page.locator("#combine-files li").count()
    page.set_input_files("#combine-input", [str(f) for f in files])
    expect(page.locator("#combine-files li")).to_have_count(before + len(files), timeout=60000)


def schools_table(page) -> dict[str, dict[str, str]]:
    """The 'Schools by area' table: {school: {column heading: average shown}}."""
    return page.evaluate("""() => {
        const table = document.querySelector('#combine-views table');
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
        const out = {};
        for (const tr of table.querySelectorAll('tbody tr')) {
            const cells = [...tr.children];
            const name = cells[0].firstChild.textContent.trim();
            out[name] = Object.fromEntries(cells.slice(1).map((td, i) => [heads[i + 1], td.firstChild.textContent.trim()]));
        }
        return out;
    }""")


def messages(page) -> str:
    return page.locator("#combine-files").inner_text()


@pytest.fixture(scope="module")
def four_schools(browser, site_url, content, tmp_path_factory):
    """Three exports from the online self-assessment (JSON, CSV, JSON) and one spreadsheet
    filled in with openpyxl and saved again by LibreOffice; with the ratings each holds."""
    from test_interactive import Visits

    folder = tmp_path_factory.mktemp("four-schools")
    visits = Visits(browser, site_url)
    schools = {
        "Lincoln High": (("Lincoln High", "leadership-team", "2025-03-04"), pattern(content, 0, 3), "json"),
        "Adams Middle": (("Adams Middle", "teachers", "2025-03-05"), pattern(content, 1, 2), "csv"),
        "Rivera Elementary": (("Rivera Elementary", "families", "2025-03-06"), pattern(content, 2, 4), "json"),
    }
    files = {name: export_from_the_online_self_assessment(visits, content, who, ratings, kind, folder)
             for name, (who, ratings, kind) in schools.items()}
    visits.close()
    sheet_ratings = pattern(content, 3, len(content.areas))
    typed = filled_spreadsheet(content, folder, ("Jefferson Elementary", "Teachers", datetime.date(2025, 4, 1)), sheet_ratings)
    files["Jefferson Elementary"] = soffice_resave(typed, folder / "saved-by-libreoffice")
    ratings = {name: r for name, (_, r, _) in schools.items()} | {"Jefferson Elementary": sheet_ratings}
    return files, ratings


# --- the tests ------------------------------------------------------------------------------

def test_three_exports_and_a_libreoffice_spreadsheet_give_one_row_per_school(visit, content, four_schools):
    files, ratings = four_schools
    assert files["Adams Middle"].suffix == ".csv" and files["Jefferson Elementary"].suffix == ".xlsx"
    with zipfile.ZipFile(files["Jefferson Elementary"]) as saved:  # really LibreOffice's file
        assert "LibreOffice" in saved.read("docProps/app.xml").decode()
    page = visit(PAGE)
    combine(page, list(files.values()))
    expect(page.locator("#combine-status")).to_contain_text("Read 4 files: 4 combined.")
    table = schools_table(page)
    assert sorted(table) == sorted(files), table
    for school, rated in ratings.items():
        shown = table[school]
        for area, average in area_averages(content, rated).items():
            assert shown[area] == average, (school, area, shown[area], average)
    assert "Jefferson Elementary, Teachers, 2025-04-01" in messages(page)
    # The leadership team's agreed ratings stand for Lincoln High; the rest say who rated.
    expect(page.locator("#combine-views table").first).to_contain_text("Leadership team, 2025-03-04")


def test_the_views_sort_compare_groups_and_cycles_print_and_export(visit, content, four_schools, tmp_path):
    files, ratings = four_schools
    # Lincoln High's teachers in the same cycle, and its leadership team a year later.
    later = {k: ("advanced" if v != "unsure" else "unsure") for k, v in ratings["Lincoln High"].items()}
    extra = [json_file(tmp_path, "lincoln-teachers.json", "Lincoln High", "teachers", "2025-03-04",
                       {k: content.scale.level_ids[0] for k in ratings["Lincoln High"]}),
             json_file(tmp_path, "lincoln-2026.json", "Lincoln High", "leadership-team", "2026-03-02", later)]
    page = visit(PAGE)
    combine(page, [*files.values(), *extra])
    views = page.locator("#combine-views")
    for heading in ("Schools by area", "Where schools differ most", "Strengths to copy", "Shared gaps",
                    "Evidence to gather", "By group", "Over time"):
        expect(views.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    # Every table has a caption and header cells.
    assert page.evaluate("""() => [...document.querySelectorAll('#combine-views table')].every((t) =>
        t.caption && t.caption.textContent.trim() && t.querySelectorAll('thead th[scope=col]').length &&
        [...t.tBodies[0].rows].every((r) => r.cells[0].tagName === 'TH' && r.cells[0].scope === 'row'))""")
    # The latest cycle stands for Lincoln High: every rated area at the top level.
    first_area = content.areas[0].title
    assert schools_table(page)["Lincoln High"][first_area] == f"{len(content.scale.levels):.1f}"
    by_group = views.locator("table", has=page.locator("caption", has_text="Lincoln High, 2025-03-04: each group's average"))
    expect(by_group.locator("thead th")).to_have_text(["Area", "Leadership team", "Teachers"])
    # The teachers rated every indicator at the lowest level: below the leadership team.
    expect(by_group.locator("tbody tr").first.locator("td").nth(1)).to_contain_text("−")
    expect(by_group.locator("tbody tr").first.locator("td").nth(1)).to_contain_text("vs leadership team")
    over_time = views.locator("table", has=page.locator("caption", has_text="Lincoln High (Leadership team): change from 2025-03-04 to 2026-03-02"))
    before = area_averages(content, ratings["Lincoln High"])[first_area]
    change = len(content.scale.levels) - float(before)
    expect(over_time.locator("tbody tr").first).to_contain_text(f"+{change:.1f} (up)")
    unsure = views.locator("table", has=page.locator("caption", has_text="Not sure yet"))
    expect(unsure).to_contain_text("Rivera Elementary (Families)")

    # Sorting by an area: a real button in the column header, and aria-sort says the order.
    page.locator("#combine-views table").first.get_by_role("button", name=first_area).click()
    header = page.locator("#combine-views table").first.locator("thead th").nth(1)
    expect(header).to_have_attribute("aria-sort", "descending")
    values = [float(v[first_area]) if v[first_area] != "–" else -1 for v in schools_table(page).values()]
    assert values == sorted(values, reverse=True)
    expect(page.locator(".combine__sort").nth(1)).to_be_focused()

    with page.expect_download() as info:
        page.get_by_role("button", name="Export results as CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    jefferson = next(r for r in rows if r["School or team"] == "Jefferson Elementary" and r["Area"] == first_area)
    expected = area_averages(content, ratings["Jefferson Elementary"])[first_area]
    assert f"{float(jefferson['Average']):.1f}" == expected and jefferson["Cycle date"] == "2025-04-01"

    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Print results").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    expect(page.locator("#combine-views table").first).to_be_visible()
    expect(page.locator("#combine-drop")).to_be_hidden()
    expect(page.get_by_role("button", name="Print results")).to_be_hidden()


def test_each_bad_file_gets_a_message_naming_it_and_the_rest_still_combine(visit, content, four_schools, tmp_path):
    files, _ = four_schools
    good = list(files.values())
    known = content.areas[0].indicators[0].id
    level = content.scale.level_ids[0]
    sheet = filled_spreadsheet(content, tmp_path, ("Newer Sheet School", "Teachers", "2025-05-01"), {known: level},
                               name="from-the-future.xlsx", marker=f"{FORMAT}, version 3")
    other_book = tmp_path / "budget.xlsx"
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "Budget 2025"
    book.save(other_book)
    damaged_book = tmp_path / "damaged.xlsx"
    damaged_book.write_bytes(files["Jefferson Elementary"].read_bytes()[:4000])
    bad = {
        "notes.json": (json.dumps({"title": "someone else's notes"}), "is not a self-assessment file from this guide"),
        "photo.png": (b"\x89PNG\r\n\x1a\n" + bytes(200), "is not a self-assessment file from this guide"),
        "budget.xlsx": (other_book, "is not a self-assessment file from this guide"),
        "half.json": ('{"format": "digital-equity-guide/self-assessment", "version": 2, "ratings": {', "is damaged"),
        "damaged.xlsx": (damaged_book, "is damaged"),
        "future.json": (json.dumps({"format": FORMAT, "version": 3, "ratings": {known: {"level": level}}}), "newer version"),
        "from-the-future.xlsx": (sheet, "newer version"),
        "again.json": (json.dumps({"format": FORMAT, "version": 2, "school": "lincoln high", "group": "leadership-team",
                                   "date": "2025-03-04", "ratings": {known: {"level": level}}}),
                       f"same school, group and date as “{files['Lincoln High'].name}”"),
        "huge.json": ("x" * (1024 * 1024 + 1), "larger than 1 MB"),
    }
    paths = []
    for name, (data, _) in bad.items():
        path = tmp_path / name
        if isinstance(data, Path):
            if data != path:
                shutil.copy(data, path)
        else:
            path.write_bytes(data if isinstance(data, bytes) else data.encode())
        paths.append(path)
    retired = json_file(tmp_path, "retired.json", "Old Indicator School", "teachers", "2024-01-01",
                        {known: level, "an-indicator-we-retired": level})
    page = visit(PAGE)
    combine(page, good + paths + [retired])
    expect(page.locator("#combine-status")).to_contain_text(f"{len(good) + 1} combined, {len(bad)} not combined")
    items = page.locator("#combine-files li")
    for name, (_, says) in bad.items():
        item = items.filter(has_text=f"Not combined: “{name}”")
        expect(item).to_have_count(1)
        expect(item).to_contain_text(says)
    kept = items.filter(has_text="Combined: “retired.json”")
    expect(kept).to_contain_text("Left out 1 indicator this guide no longer has: an-indicator-we-retired")
    assert sorted(schools_table(page)) == sorted([*files, "Old Indicator School"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_after_the_import(visit, four_schools, tmp_path, scheme):
    files, _ = four_schools
    page = visit(PAGE, color_scheme=scheme)
    violations = axe_violations(page)
    assert not violations, report(PAGE + " (before)", scheme, violations)
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    combine(page, [*files.values(), broken])
    page.locator("#combine-views table").first.get_by_role("button").nth(1).click()
    page.wait_for_timeout(300)
    violations = axe_violations(page)
    assert not violations, report(PAGE + " (after the import)", scheme, violations)


def test_two_hundred_files_combine_at_once(visit, content, tmp_path):
    ids = [i.id for a in content.areas for i in a.indicators]
    levels = [*content.scale.level_ids, "unsure"]
    files = [json_file(tmp_path, f"school-{n:03}.json", f"School {n:03}", "leadership-team", "2025-03-04",
                       {ind: levels[(n + k) % len(levels)] for k, ind in enumerate(ids)}) for n in range(200)]
    page = visit(PAGE)
    start = time.perf_counter()
    page.set_input_files("#combine-input", [str(f) for f in files])
    expect(page.locator("#combine-status")).to_contain_text("Read 200 files: 200 combined.", timeout=60000)
    seconds = time.perf_counter() - start
    in_page = int(page.locator("#combine").get_attribute("data-combine-ms"))
    print(f"200 files combined in {seconds:.2f} s ({in_page} ms reading and checking in the page)")
    assert page.locator("#combine-views table").first.locator("tbody tr").count() == 200
    assert seconds < 30, f"200 files took {seconds:.1f} s"


def test_without_javascript_the_page_says_so_and_offers_nothing_that_cannot_work(visit):
    page = visit(PAGE, java_script_enabled=False)
    expect(page.locator(".assessment__noscript")).to_be_visible()
    expect(page.locator("#combine-drop")).to_be_hidden()
    expect(page.get_by_text("never sent anywhere")).to_be_visible()


def test_the_page_reflows_at_320_px_with_results(visit, four_schools):
    files, _ = four_schools
    page = visit(PAGE, viewport={"width": 320, "height": 700})
    combine(page, list(files.values()))
    wide = page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
    assert wide <= 0, f"the page scrolls {wide} px sideways at 320 px"
    # Wide tables scroll inside regions a keyboard can reach.
    regions = page.locator("#combine-views .table-scroll[tabindex='0'][role='region']")
    assert regions.count() >= 5


def test_the_spreadsheet_reader_loads_only_when_a_spreadsheet_is_chosen(visit, four_schools):
    files, _ = four_schools
    page = visit(PAGE)
    assert not [u for u in visit.requests if "xlsx-reader" in u]
    combine(page, [files["Lincoln High"]])
    assert not [u for u in visit.requests if "xlsx-reader" in u]
    combine(page, [files["Jefferson Elementary"]])
    assert [u for u in visit.requests if "xlsx-reader" in u]


def test_a_csv_from_the_spanish_edition_combines_here(visit, content, tmp_path):
    """Headings and level names in Spanish: the page reads the columns by their order (the
    format marker says it is ours) and each rating by its level id, the last column."""
    area = content.areas[0]
    spanish = ["Escuela o equipo", "Grupo", "Fecha del ciclo", "Área", "Código del indicador",
               "Texto del indicador", "Calificación", "Nota", "Formato del archivo",
               "Código de la calificación"]
    level = content.scale.levels[-1]
    rows = [spanish] + [["Escuela Juárez", "Docentes", "2026-03-01", "Visión", ind.id, "Texto",
                         "Avanzado", "", f"{FORMAT}, version 2", level.id]
                        for ind in area.indicators]
    path = tmp_path / "juarez.csv"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
    page = visit(PAGE)
    combine(page, [path])
    assert "Combined: “juarez.csv”" in messages(page)
    average = schools_table(page)["Escuela Juárez"][area.title]
    assert average == f"{len(content.scale.levels):.1f}"


def test_a_spanish_edition_spreadsheet_combines_on_the_english_page(visit, content, tmp_path):
    """The Combine page finds a Spanish-edition spreadsheet's cells by the workbook's defined
    names and reads its level names ('Inicial' ... 'Aún no sé') by their place on the file's
    own scale, so files from either edition combine on either page."""
    from test_downloads_language import spanish

    es = spanish(content)
    ratings = pattern(content, 1, len(content.areas))
    typed = filled_spreadsheet(es, tmp_path, ("Escuela Central", "Teachers", "2025-05-02"), ratings,
                               name="escuela-central.xlsx")
    assert "Cómo usar esta herramienta" in zipfile.ZipFile(typed).read("xl/workbook.xml").decode()
    saved = soffice_resave(typed, tmp_path / "saved-by-libreoffice")
    page = visit(PAGE)
    combine(page, [saved])
    expect(page.locator("#combine-status")).to_contain_text("Read 1 file: 1 combined.")
    shown = schools_table(page)["Escuela Central"]
    for area, average in area_averages(content, ratings).items():
        assert shown[area] == average, (area, shown[area], average)
    assert "Escuela Central, Teachers, 2025-05-02" in messages(page)
