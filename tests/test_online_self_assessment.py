"""The online self-assessment in a real browser: a main page (whose it is, the areas, the
summary, export and import) and one rating page per area.

Moved here from tests/test_interactive.py when the form was split into one page per area
(issue 15), with the same assertions, now made where a reader meets them. Every browser
test opens pages through the ``visit`` fixture, which fails the test if any request goes
to a host other than the local server or if a script throws.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import re

import pytest

from test_accessibility_axe import axe_violations, report
from test_interactive import (ASSESSMENT, FORMAT, STORAGE_REFUSED, Tags, accept_next_dialog,  # noqa: F401
                              checked_levels, content, download, expect, import_file, indicators_on,
                              levels_on, note, open_before_script, rate, reload, settle, stored, visit)

HUB = ASSESSMENT


def go(page, visit, path: str) -> None:
    """Open another page in the same tab, and wait until its script has set it up."""
    from test_interactive import wait_until_ready

    page.goto(visit.site_url + path, wait_until="networkidle")
    wait_until_ready(page)


def area_path(area_id: str) -> str:
    return f"{HUB}{area_id}/"


@pytest.fixture(scope="module")
def rich_area(content):
    """An area with at least three indicators."""
    return next(a for a in content.areas if len(a.indicators) >= 3)


def ids_of(area) -> list[str]:
    return [i.id for i in area.indicators]


# --- the server-rendered pages (no browser needed) ------------------------------------

def test_each_area_page_has_a_fieldset_per_indicator_with_labelled_choices(content):
    from macros.assessment import rate_area

    for area in content.areas:
        tags = Tags(rate_area(content, area.id))
        fieldsets = [f for f in tags.all("fieldset") if "data-indicator" in f]
        assert [f["data-indicator"] for f in fieldsets] == ids_of(area)
        assert not tags.all("h2") and not tags.all("h1"), "the page's Markdown owns the headings"
        radios = tags.all("input", type="radio")
        assert len(radios) == len(area.indicators) * (len(content.scale.levels) + 1)
        # No autocomplete on radio buttons: HTML does not allow it there.
        assert not [r for r in radios if "autocomplete" in r]
        # Every radio button and note box sits inside its own label, inside its fieldset.
        for around in tags.within("input", type="radio") + tags.within("textarea"):
            assert around[-1] == "label" and "fieldset" in around, around
        # One radio group per indicator, so arrow keys move between one indicator's levels only.
        groups = {}
        for radio in radios:
            groups.setdefault(radio["name"], []).append(radio["value"])
        assert len(groups) == len(area.indicators)
        assert all(values == [*content.scale.level_ids, "unsure"] for values in groups.values())
        # Each note box has a name of its own that starts with the words a reader sees.
        names = [t["aria-label"] for t in tags.all("textarea")]
        assert len(set(names)) == len(names) == len(area.indicators)
        assert all(n.startswith("Evidence note (optional)") for n in names)
        root = tags.all("div", **{"class": "assessment assessment--area"})[0]
        assert (root["data-area"], root["data-area-title"]) == (area.id, area.title)
        levels = json.loads(root["data-levels"])
        assert [lv["id"] for lv in levels] == content.scale.level_ids
        assert [lv["score"] for lv in levels] == list(range(1, len(levels) + 1))


def test_the_main_page_asks_whose_it_is_and_links_every_area(content):
    from macros.assessment import assessment_form

    html = assessment_form(content, lambda target: "/" + target)
    tags = Tags(html)
    assert not [f for f in tags.all("fieldset") if "data-indicator" in f], "rating happens on the area pages"
    options = [o["value"] for o in tags.all("option")]
    assert options == ["", *[g.id for g in content.assessment.groups]]
    assert tags.all("input", name="school", type="text") and tags.all("input", name="date", type="date")
    links = [a["href"] for a in tags.all("a")]
    assert links == [f"/getting-started/online-self-assessment/{a.id}.md" for a in content.areas]
    areas = json.loads(tags.all("div", id="self-assessment")[0]["data-areas"])
    assert [(a["id"], [i for i, _ in a["indicators"]]) for a in areas] == [
        (a.id, ids_of(a)) for a in content.areas]


def test_forms_escape_yaml_text(content):
    from macros.assessment import assessment_form, rate_area

    area = content.areas[0]
    ind = area.indicators[0]
    evil = ind.model_copy(update={"text": '<script>alert(1)</script> "quoted"',
                                  "levels": {**ind.levels, content.scale.level_ids[0]: "<img src=x onerror=alert(1)>"}})
    fake_area = area.model_copy(update={"title": 'Vision "<b>"', "indicators": (evil,)})
    fake = dataclasses.replace(content, areas=(fake_area,))
    for html in (rate_area(fake, area.id), assessment_form(fake)):
        assert "<script>" not in html and "<img" not in html and "<b>" not in html
    html = rate_area(fake, area.id)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'data-area-title="Vision &quot;&lt;b&gt;&quot;"' in html


def test_every_area_has_its_rating_page_built(content, built_site):
    for area in content.areas:
        html = (built_site / HUB / area.id / "index.html").read_text(encoding="utf-8")
        assert f"<title>Rate online: {area.title}" in html.replace("&#39;", "'")
        assert html.count("data-indicator=") == len(area.indicators)


def test_pages_load_the_interactive_styles_and_scripts(built_site, content):
    for path in (HUB, area_path(content.areas[0].id)):
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        page_dir = built_site / path
        css = "".join((page_dir / href).resolve().read_text(encoding="utf-8")
                      for href in re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"', html)
                      if (page_dir / href).resolve().is_file())
        assert ".deg-button" in css and ".assessment__choice" in css, \
            "add 'assets/stylesheets/interactive.css' to extra_css in mkdocs.yml"
        tags = re.findall(r"<script[^>]*assets/javascripts/self-assessment\.js[^>]*>", html)
        assert tags and '"module"' in tags[0], f"self-assessment.js must load as a module: {tags}"


# --- in the browser -----------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("refusal", list(STORAGE_REFUSED))
def test_rating_works_when_the_browser_refuses_storage(visit, content, refusal):
    area = content.areas[0]
    page = visit(area_path(area.id), init_script=STORAGE_REFUSED[refusal])
    rate(page, area.indicators[0].id, content.scale.level_ids[0])
    expect(page.locator("#sa-progress")).to_contain_text("1 of ")
    expect(page.locator("#sa-saved")).to_contain_text("not letting the page save")
    page = visit(HUB, init_script=STORAGE_REFUSED[refusal])
    expect(page.locator("#sa-saved")).to_contain_text("not letting the page save")
    with page.expect_download():
        page.get_by_role("button", name="Export JSON").click()
    if refusal == "property throws":
        # Material's own inline scripts read localStorage unguarded and throw here.
        visit.errors.clear()


@pytest.mark.browser
def test_a_rating_made_before_the_script_runs_is_kept(visit, content):
    page, release = open_before_script(visit, area_path(content.areas[0].id), "self-assessment.js")
    first = page.locator("fieldset[data-indicator]").first
    indicator = first.get_attribute("data-indicator")
    first.locator("input[type=radio]").first.check()
    first.locator("textarea").fill("typed early")
    release()
    expect(page.locator("#sa-progress")).to_contain_text("1 of ")
    reload(page)
    expect(page.locator(note(indicator))).to_have_value("typed early")
    assert checked_levels(page)[indicator]


@pytest.mark.browser
def test_ratings_and_notes_survive_a_reload_and_are_counted_on_the_main_page(visit, content, rich_area):
    page = visit(area_path(rich_area.id))
    levels = content.scale.level_ids
    ids = ids_of(rich_area)[:3]
    total_here = len(rich_area.indicators)
    expect(page.locator("#sa-progress")).to_have_text(f"0 of {total_here} rated in this area")
    expect(page.locator(".assessment__noscript")).to_have_count(0)  # the script is running
    chosen = {ids[0]: levels[0], ids[1]: levels[-1], ids[2]: "unsure"}
    for ind, level in chosen.items():
        rate(page, ind, level)
    page.fill(note(ids[0]), "Board minutes, March")
    expect(page.locator("#sa-progress")).to_have_text(f"3 of {total_here} rated in this area")

    reload(page)
    assert {k: v for k, v in checked_levels(page).items() if v} == chosen
    expect(page.locator(note(ids[0]))).to_have_value("Board minutes, March")
    expect(page.locator("#sa-progress")).to_have_text(f"3 of {total_here} rated in this area")
    assert page.locator("#sa-progress").get_attribute("aria-live") == "polite"
    saved = json.loads(stored(page))
    assert saved["version"] == 1
    assert saved["ratings"][ids[0]] == {"level": levels[0], "note": "Board minutes, March"}

    go(page, visit, HUB)
    total = sum(len(a.indicators) for a in content.areas)
    expect(page.locator("#sa-progress")).to_have_text(f"3 of {total} rated")
    expect(page.locator(f'[data-area-progress="{rich_area.id}"]')).to_have_text(f"3 of {total_here} rated")


@pytest.mark.browser
def test_the_progress_line_is_rewritten_only_when_the_count_changes(visit, content):
    page = visit(area_path(content.areas[0].id))
    page.evaluate("""() => { window.__writes = 0;
        new MutationObserver(() => window.__writes++).observe(document.getElementById('sa-progress'),
            {childList: true, characterData: true, subtree: true}); }""")
    page.locator(".assessment__choice input").first.check()
    expect(page.locator("#sa-progress")).to_contain_text("1 of")
    writes = page.evaluate("window.__writes")
    page.keyboard.press("ArrowDown")  # the next level of the same indicator: still 1 rated
    page.keyboard.press("ArrowDown")
    page.locator("fieldset[data-indicator] textarea").first.fill("a note")
    page.wait_for_timeout(100)
    assert page.evaluate("window.__writes") == writes, "the live region was rewritten with the same count"


@pytest.mark.browser
def test_saved_answers_for_indicators_no_longer_in_the_guide_are_ignored(visit, content):
    area = content.areas[0]
    page = visit(area_path(area.id))
    first = area.indicators[0].id
    old = {"version": 1, "updated": None, "ratings": {
        "an-indicator-we-removed": {"level": "advanced", "note": "old"},
        first: {"level": "developing", "note": ""},
        "another-removed-one": {"level": "not-a-level"}}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", ["deg:assessment:v1", json.dumps(old)])
    reload(page)
    expect(page.locator("#sa-progress")).to_have_text(f"1 of {len(area.indicators)} rated in this area")
    assert {k: v for k, v in checked_levels(page).items() if v} == {first: "developing"}
    go(page, visit, HUB)
    expect(page.locator('#sa-summary tfoot td[data-level="developing"]')).to_have_text("1")


@pytest.mark.browser
def test_summary_counts_levels_and_averages_each_area(visit, content, rich_area):
    page = visit(area_path(rich_area.id))
    levels = levels_on(page)
    ids = ids_of(rich_area)[:3]
    lowest, highest = levels[0], levels[-1]
    rate(page, ids[0], lowest["id"])
    rate(page, ids[1], highest["id"])
    rate(page, ids[2], "unsure")
    go(page, visit, HUB)

    table = page.locator("#sa-summary table")
    expect(table.locator("caption")).to_have_count(1)
    assert table.locator("thead th[scope=col]").count() == len(levels) + 4
    row = table.locator(f'tbody tr[data-area="{rich_area.id}"]')
    assert row.locator("th").get_attribute("scope") == "row"
    expect(row.locator(f'td[data-level="{lowest["id"]}"]')).to_have_text("1")
    expect(row.locator(f'td[data-level="{highest["id"]}"]')).to_have_text("1")
    for middle in levels[1:-1]:
        expect(row.locator(f'td[data-level="{middle["id"]}"]')).to_have_text("0")
    expect(row.locator('td[data-level="unsure"]')).to_have_text("1")
    expect(row.locator('td[data-level="unrated"]')).to_have_text(str(len(rich_area.indicators) - 3))
    average = (lowest["score"] + highest["score"]) / 2  # unsure is left out
    expect(row.locator("td[data-average]")).to_have_text(f"{average:.1f}")
    expect(table.locator("tfoot td[data-average]")).to_have_text(f"{average:.1f}")
    other = table.locator(f'tbody tr:not([data-area="{rich_area.id}"])').first
    expect(other.locator("td[data-average]")).to_have_text("None yet")
    label = page.locator('#sa-summary [role="img"]').get_attribute("aria-label")
    assert f"{average:.1f} out of {len(levels)}" in label and "no ratings yet" in label


def fill_who(page, school: str, group: str, date: str) -> None:
    page.fill('input[name="school"]', school)
    page.select_option('select[name="group"]', group)
    page.fill('input[name="date"]', date)


@pytest.mark.browser
def test_export_json_clear_all_then_import_brings_ratings_and_whose_back(visit, content, rich_area, tmp_path):
    page = visit(area_path(rich_area.id))
    levels = content.scale.level_ids
    ids = ids_of(rich_area)[:3]
    chosen = {ids[0]: levels[1], ids[1]: levels[2], ids[2]: "unsure"}
    for ind, level in chosen.items():
        rate(page, ind, level)
    page.fill(note(ids[1]), 'Survey, "spring" 2025, 80% return')
    go(page, visit, HUB)
    fill_who(page, "Lincoln High", "teachers", "2025-03-04")
    loaded = len(visit.requests)

    name, data = download(page, "Export JSON")
    assert name == "digital-equity-self-assessment-lincoln-high-teachers-2025-03-04.json"
    exported = json.loads(data)
    assert exported["format"] == FORMAT and exported["version"] == 2
    assert (exported["school"], exported["group"], exported["groupLabel"], exported["date"]) == (
        "Lincoln High", "teachers", "Teachers", "2025-03-04")
    assert {k: v["level"] for k, v in exported["ratings"].items()} == chosen
    saved_file = tmp_path / name
    saved_file.write_bytes(data)

    asked = accept_next_dialog(page)
    page.get_by_role("button", name="Clear all ratings").click()
    expect(page.locator("#sa-progress")).to_have_text(re.compile(r"^0 of \d+ rated$"))
    assert asked and "cannot be undone" in asked[0]
    assert stored(page) is None
    expect(page.locator('input[name="school"]')).to_have_value("")

    page.set_input_files("#sa-import", str(saved_file))
    expect(page.locator("#sa-status")).to_contain_text("Imported 3 answers")
    expect(page.locator('input[name="school"]')).to_have_value("Lincoln High")
    expect(page.locator('select[name="group"]')).to_have_value("teachers")
    expect(page.locator('input[name="date"]')).to_have_value("2025-03-04")
    expect(page.locator("#sa-summary-who")).to_contain_text("Lincoln High, Teachers")
    # Exporting, clearing and importing made no request at all: the files never leave the browser.
    during = [u for u in visit.requests[loaded:] if not u.startswith(("blob:", "data:"))]
    assert during == [], during
    go(page, visit, area_path(rich_area.id))
    assert {k: v for k, v in checked_levels(page).items() if v} == chosen
    expect(page.locator(note(ids[1]))).to_have_value('Survey, "spring" 2025, 80% return')
    expect(page.locator("#sa-who")).to_have_text("Rating for: Lincoln High, Teachers, cycle of 2025-03-04.")


@pytest.mark.browser
def test_a_version_1_file_still_imports(visit, content):
    page = visit(HUB)
    first = content.areas[0].indicators[0].id
    old = json.dumps({"format": FORMAT, "version": 1, "exported": "2024-05-01T10:00:00.000Z",
                      "levels": content.scale.level_ids,
                      "ratings": {first: {"level": content.scale.level_ids[-1], "note": "old file"}}})
    import_file(page, "old.json", old)
    expect(page.locator("#sa-status")).to_contain_text("Imported 1 answer")
    expect(page.locator(f'[data-area-progress="{content.areas[0].id}"]')).to_contain_text("1 of ")


def _file(ratings, **extra) -> str:
    return json.dumps({"format": FORMAT, "version": 2, "ratings": ratings, **extra})


BAD_FILES = {
    "malformed": ("ratings.json", '{"format": "digital-equity-guide/self-assessment", "ratings": {', "could not be read"),
    "not ours": ("other.json", json.dumps({"name": "someone else's data", "ratings": {}}), "not a self-assessment"),
    "a list": ("list.json", "[1, 2, 3]", "not a self-assessment"),
    "newer version": ("new.json", json.dumps({"format": FORMAT, "version": 99, "ratings": {}}), "newer"),
    "no ratings object": ("none.json", json.dumps({"format": FORMAT, "version": 2, "ratings": [1]}), "damaged"),
    "unknown level": ("level.json", None, "damaged"),
    "only unknown indicators": ("gone.json", _file({"no-such-indicator": {"level": "advanced", "note": ""}}),
                                "does not have"),
    "empty": ("empty.json", _file({}), "no ratings"),
}


@pytest.mark.browser
@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_import_changes_nothing_and_says_why(visit, content, case):
    area = content.areas[0]
    page = visit(area_path(area.id))
    first, second = ids_of(area)[:2]
    rate(page, first, content.scale.level_ids[0])
    page.fill(note(first), "keep me")
    go(page, visit, HUB)
    fill_who(page, "Keep High", "students", "2025-01-02")
    before_store = stored(page)

    name, text, says = BAD_FILES[case]
    if text is None:
        text = _file({second: {"level": "superb", "note": ""}})
    import_file(page, name, text)
    status = page.locator("#sa-status")
    expect(status).to_contain_text("Nothing was changed")
    expect(status).to_contain_text(says)
    assert status.get_attribute("role") == "status"
    assert stored(page) == before_store
    expect(page.locator('input[name="school"]')).to_have_value("Keep High")
    go(page, visit, area_path(area.id))
    assert {k: v for k, v in checked_levels(page).items() if v} == {first: content.scale.level_ids[0]}
    expect(page.locator(note(first))).to_have_value("keep me")


@pytest.mark.browser
def test_import_skips_unknown_indicators_and_reports_them(visit, content):
    page = visit(HUB)
    levels = content.scale.level_ids
    first = content.areas[0].indicators[0].id
    text = _file({first: {"level": levels[-1], "note": "from the file"},
                  "retired-indicator": {"level": levels[0], "note": ""}})
    import_file(page, "mixed.json", text)
    expect(page.locator("#sa-status")).to_contain_text("Imported 1 answer")
    expect(page.locator("#sa-status")).to_contain_text("retired-indicator")
    go(page, visit, area_path(content.areas[0].id))
    assert {k: v for k, v in checked_levels(page).items() if v} == {first: levels[-1]}
    expect(page.locator(note(first))).to_have_value("from the file")


@pytest.mark.browser
def test_import_over_existing_answers_asks_first_in_words_that_count_right(visit, content):
    area = content.areas[0]
    page = visit(area_path(area.id))
    levels = content.scale.level_ids
    first, second, third = ids_of(area)[:3]
    rate(page, first, levels[0])
    go(page, visit, HUB)
    before = stored(page)
    asked = accept_next_dialog(page, answer=False)
    import_file(page, "other.json", _file({second: {"level": levels[1], "note": ""}}))
    expect(page.locator("#sa-status")).to_contain_text("Nothing was changed")
    assert asked and "Replace the 1 rating saved in this browser with the 1 rating in" in asked[0], asked
    assert stored(page) == before
    asked = accept_next_dialog(page, answer=True)
    import_file(page, "other.json", _file({second: {"level": levels[1], "note": ""}, third: {"level": levels[2], "note": ""}}))
    expect(page.locator("#sa-status")).to_contain_text("Imported 2 answers")
    assert "with the 2 ratings in" in asked[0], asked
    go(page, visit, area_path(area.id))
    assert {k: v for k, v in checked_levels(page).items() if v} == {second: levels[1], third: levels[2]}


@pytest.mark.browser
def test_export_csv_has_every_indicator_whose_it_is_and_is_safe_from_formulas(visit, content, rich_area):
    page = visit(area_path(rich_area.id))
    levels = content.scale.levels
    ids = ids_of(rich_area)[:3]
    rate(page, ids[0], levels[0].id)
    rate(page, ids[1], levels[-1].id)
    rate(page, ids[2], "unsure")
    page.fill(note(ids[0]), '=HYPERLINK("http://example.invalid","click")')
    page.fill(note(ids[1]), 'Said "yes", then\nchanged')
    page.fill(note(ids[2]), "-5 devices, @office")
    legend = page.locator(f'fieldset[data-indicator="{ids[0]}"] legend').inner_text().strip()
    go(page, visit, HUB)
    fill_who(page, "=cmd|' /C calc'!A0", "families", "2025-03-04")

    name, data = download(page, "Export CSV")
    assert name.endswith(".csv")
    text = data.decode("utf-8")
    assert text.startswith("\ufeff"), "a byte-order mark, so Excel reads UTF-8"
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    # The last column, the rating's level id, is the same in every edition's files, so a
    # Spanish export combines on the English page and the other way around.
    assert rows[0] == ["School or team", "Group", "Cycle date", "Area", "Indicator id", "Indicator text",
                       "Rating", "Note", "File format", "Rating id"]
    every = [i.id for a in content.areas for i in a.indicators]
    assert [r[4] for r in rows[1:]] == every
    by_id = {r[4]: r for r in rows[1:]}
    assert all(r[:3] == ["'=cmd|' /C calc'!A0", "Families", "2025-03-04"] for r in rows[1:])
    assert all(r[8] == f"{FORMAT}, version 2" for r in rows[1:])
    assert by_id[ids[0]][6] == levels[0].label
    assert by_id[ids[1]][6] == levels[-1].label
    assert by_id[ids[2]][6] == "Not sure yet"
    assert [by_id[i][9] for i in ids] == [levels[0].id, levels[-1].id, "unsure"]
    assert by_id[ids[0]][7] == "'" + '=HYPERLINK("http://example.invalid","click")'
    assert by_id[ids[1]][7] == 'Said "yes", then\nchanged'
    assert by_id[ids[2]][7] == "'-5 devices, @office"
    assert by_id[ids[0]][3] == rich_area.title
    assert by_id[ids[0]][5] == legend
    unrated = [r for r in rows[1:] if r[4] not in ids]
    assert all(r[6] == "" and r[7] == "" for r in unrated)


@pytest.mark.browser
def test_print_summary_prints_only_the_summary_with_whose_it_is(visit, content):
    page = visit(area_path(content.areas[0].id))
    rate(page, content.areas[0].indicators[0].id, content.scale.level_ids[0])
    go(page, visit, HUB)
    fill_who(page, "Lincoln High", "leadership-team", "2025-03-04")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Print summary").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    expect(page.locator("#sa-summary table")).to_be_visible()
    expect(page.locator("#sa-summary [role=img]")).to_be_visible()
    expect(page.locator("#sa-summary-who")).to_have_text("Whose ratings: Lincoln High, Leadership team, rating cycle of 2025-03-04.")
    expect(page.locator(".assessment__who")).to_be_hidden()
    expect(page.locator("#sa-tools")).to_be_hidden()
    expect(page.get_by_role("button", name="Print summary")).to_be_hidden()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator(".assessment__who")).to_be_visible()


@pytest.mark.browser
def test_controls_are_large_enough_focus_visibly_and_work_from_the_keyboard(visit, content):
    page = visit(area_path(content.areas[0].id))
    # Keyboard only: arrow keys move between the levels of one indicator, and that saves.
    first = content.areas[0].indicators[0].id
    page.locator(f'fieldset[data-indicator="{first}"] input[type=radio]').first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert checked_levels(page)[first] == content.scale.level_ids[1]
    expect(page.locator("#sa-progress")).to_contain_text("1 of ")

    go(page, visit, HUB)
    buttons = page.locator(".assessment button")
    assert buttons.count() >= 4
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, buttons.nth(i).inner_text()
    assert page.locator("#sa-import").bounding_box()["height"] >= 24
    for field in ('input[name="school"]', 'select[name="group"]', 'input[name="date"]'):
        assert page.locator(field).bounding_box()["height"] >= 24
    export = page.get_by_role("button", name="Export JSON")
    page.get_by_role("button", name="Export CSV").focus()
    page.keyboard.press("Tab")
    expect(export).to_be_focused()
    outline = export.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
    assert not outline.startswith("none") and not outline.endswith(" 0px"), outline
    with page.expect_download():
        page.keyboard.press("Enter")
    clear = page.get_by_role("button", name="Clear all ratings")
    clear.focus()
    accept_next_dialog(page)
    page.keyboard.press("Space")
    expect(page.locator("#sa-progress")).to_contain_text("0 of ")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_pages_pass_axe_before_and_after_interaction(visit, content, rich_area, scheme):
    failures = []
    page = visit(area_path(rich_area.id), color_scheme=scheme)
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    for moment in ("before", "after"):
        if moment == "after":
            ids = ids_of(rich_area)
            rate(page, ids[0], content.scale.level_ids[0])
            rate(page, ids[1], content.scale.level_ids[-1])
            rate(page, ids[2], "unsure")
            page.fill(note(ids[0]), "Evidence")
            settle(page)
        violations = axe_violations(page)
        if violations:
            failures.append(report(f"{area_path(rich_area.id)} ({moment} interaction)", scheme, violations))
    page = visit(HUB, color_scheme=scheme)
    for moment in ("before", "after"):
        if moment == "after":
            fill_who(page, "Lincoln High", "teachers", "2025-03-04")
            import_file(page, "bad.json", "{oops")  # shows the status message
            expect(page.locator("#sa-status")).to_contain_text("Nothing was changed")
            page.locator("#sa-import").focus()
            settle(page)
        violations = axe_violations(page)
        if violations:
            failures.append(report(f"{HUB} ({moment} interaction)", scheme, violations))
    assert not failures, "\n\n".join(failures)


@pytest.mark.browser
def test_without_javascript_every_area_form_is_reachable_and_readable(visit, content):
    page = visit(HUB, java_script_enabled=False)
    expect(page.locator(".assessment__noscript")).to_be_visible()
    expect(page.locator("#sa-tools")).to_be_hidden()
    expect(page.locator("#sa-summary")).to_be_hidden()
    links = page.locator("nav.assessment__areas a")
    assert links.count() == len(content.areas)
    for i, area in enumerate(content.areas):
        expect(links.nth(i)).to_have_text(area.title)
        links.nth(i).click()
        page.wait_for_load_state("load")
        fieldsets = page.locator("fieldset[data-indicator]")
        assert [fieldsets.nth(j).get_attribute("data-indicator") for j in range(fieldsets.count())] == ids_of(area)
        for j in range(fieldsets.count()):
            expect(fieldsets.nth(j).locator("legend")).to_be_visible()
            assert fieldsets.nth(j).locator("input[type=radio]").count() == len(content.scale.levels) + 1
        expect(page.locator(".assessment__noscript")).to_be_visible()
        page.go_back(wait_until="load")


@pytest.mark.browser
def test_area_pages_reflow_at_320_px_and_lead_to_the_next_area(visit, content):
    page = visit(area_path(content.areas[0].id), viewport={"width": 320, "height": 700})
    wide = page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
    assert wide <= 0, f"the page scrolls {wide} px sideways at 320 px"
    page.get_by_role("link", name=f"Next area: {content.areas[1].title}").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(area_path(content.areas[1].id))
    page = visit(HUB, viewport={"width": 320, "height": 700})
    wide = page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
    assert wide <= 0, f"the main page scrolls {wide} px sideways at 320 px"
