"""The print-and-fill toolkit: checklists, forms, family survey and facilitation kit.

Each file is read back with python-docx and as raw XML: a title, a language (core
properties and w:lang), real headings, every table's header row marked and repeating,
no merged or nested cells, none of the features Google Docs drops; every checklist item
and every agenda item arrives; bad YAML in a template is reported as file:line; the
Downloads page lists every file and each page that asks for a file links to it.
"""
from __future__ import annotations

import io
import re
import shutil
import textwrap
import zipfile

import docx
import pytest
import yaml

from conftest import ROOT
from macros.downloads import DOWNLOADS, registry, templates, workbook
from macros.downloads.self_assessment import plain
from macros.errors import ContentError
from macros.loader import load_content

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SPANISH = "family-survey-es"


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="module")
def files(content) -> dict[str, bytes]:
    return {name: d.build(content) for name, d in registry(content).items()
            if d.filename.endswith(".docx")}


@pytest.fixture(scope="module")
def documents(files):
    return {name: docx.Document(io.BytesIO(data)) for name, data in files.items()}


def texts(document) -> str:
    out = [p.text for p in document.paragraphs]
    out += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(" ".join(t.split()) for t in out)


def heading_levels(document) -> list[tuple[int, str]]:
    found = []
    for p in document.paragraphs:
        name = p.style.name
        if name == "Title":
            found.append((0, p.text))
        elif re.fullmatch(r"Heading \d", name):
            found.append((int(name[-1]), p.text))
    return found


# --- every Word download --------------------------------------------------------------

def test_there_are_at_least_ten_editable_office_files(content):
    downloads = registry(content)
    assert len(downloads) >= 10
    assert all(d.filename.endswith((".docx", ".xlsx")) for d in downloads.values())
    assert len({d.filename for d in downloads.values()}) == len(downloads)


def test_each_has_a_title_language_and_headings(content, documents):
    downloads = registry(content)
    for name, document in documents.items():
        props = document.core_properties
        assert props.title and props.subject and props.keywords, name
        levels = heading_levels(document)
        assert levels[0] == (0, props.title), name
        assert sum(1 for lv, _ in levels if lv >= 1) >= 1, name
        previous = 0
        for level, text in levels[1:]:
            assert 1 <= level <= previous + 1, (name, level, text)
            previous = level
        lang = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
        assert lang == [downloads[name].language] == [props.language], name


def test_the_spanish_survey_is_tagged_es_and_says_the_same(content, documents):
    spanish, english = documents[SPANISH], documents["family-survey"]
    assert spanish.core_properties.language.startswith("es")
    assert spanish.styles.element.xpath(
        "./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")[0].startswith("es")
    assert "¿" in texts(spanish) and "Página" in spanish.sections[0].footer.paragraphs[0].text
    count = lambda d: sum(1 for p in d.paragraphs if p.style.name == "List Number")  # noqa: E731
    assert count(spanish) == count(english) >= 8
    boxes = lambda d: texts(d).count("\u2610")  # noqa: E731
    assert boxes(spanish) == boxes(english)
    assert registry(content)[SPANISH].language.startswith("es")


def test_every_table_has_a_marked_repeating_header_row_and_a_caption(documents):
    for name, document in documents.items():
        tables = document.element.body.findall(f".//{W}tbl")
        assert tables, f"{name} has no table"
        for tbl in tables:
            rows = tbl.findall(f"{W}tr")
            assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None, name
            assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:]), name
            assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows), name
            assert tbl.find(f"{W}tblPr/{W}tblCaption") is not None, name
            assert tbl.find(f"{W}tblPr/{W}tblDescription") is not None, name


def test_no_feature_that_google_docs_drops(files):
    """No merged or nested cells, content controls, form fields, text boxes, frames,
    drawings or fields other than the footer's page number."""
    for name, data in files.items():
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = "".join(z.read(n).decode() for n in z.namelist()
                          if n.startswith("word/") and n.endswith(".xml"))
        for tag in ("w:gridSpan", "w:vMerge", "w:hMerge", "w:sdt", "w:fldChar", "w:ffData",
                    "w:txbxContent", "w:framePr", "w:drawing", "w:pict", "w:object"):
            assert f"<{tag}" not in xml, (name, tag)
        assert re.findall(r'w:instr="([^"]*)"', xml) in ([], ["PAGE"]), name
        assert not re.search(r"<w:tc>(?:(?!</w:tc>).)*<w:tbl>", xml, re.S), name


def test_reproducible_dates_and_no_thumbnail(files):
    for name, data in files.items():
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}, name
            assert "docProps/thumbnail.jpeg" not in z.namelist()


# --- what each file holds ---------------------------------------------------------------

def test_every_checklist_item_appears_with_status_owner_and_evidence(content, documents):
    document = documents["checklists"]
    rows = {}
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[:1] != ["Checklist item"]:
            continue
        assert header == ["Checklist item", "Status", "Owner", "Evidence"]
        for row in table.rows[1:]:
            rows[" ".join(row.cells[0].text.split())] = row.cells[1].text
    for area in content.areas:
        for n, item in enumerate(area.checklist, 1):
            status = rows.get(f"{n}. {plain(item.text)}")
            assert status is not None, (area.id, item.id)
            for choice in ("Done", "In progress", "Not yet", "Don't know"):
                assert f"\u2610 {choice}" in status, (area.id, item.id, choice)
    headings = [t for lv, t in heading_levels(document) if lv == 1]
    assert [plain(a.title) for a in content.areas] == [t for t in headings if t in
                                                      {plain(a.title) for a in content.areas}]


def test_agendas_follow_the_meeting_plan(content, documents):
    document = documents["meeting-agendas"]
    plan = content.meeting_plan
    titles = [t for lv, t in heading_levels(document) if re.match(r"Meeting \d", t)]
    assert titles == [f"Meeting {n}: {m.title}" for n, m in enumerate(plan.meetings, 1)]
    agendas = [t for t in document.tables if len(t.columns) == 4
               and t.rows[0].cells[2].text == "What we do"]
    assert len(agendas) == len(plan.meetings)
    text = texts(document)
    for meeting, table in zip(plan.meetings, agendas):
        rows = [[c.text for c in r.cells] for r in table.rows[1:]]
        assert [(r[1], r[2], r[3]) for r in rows[:-1]] == \
            [(str(i.minutes), plain(i.item), i.lead) for i in meeting.agenda]
        assert rows[-1][1] == str(sum(i.minutes for i in meeting.agenda)) <= str(plan.max_minutes)
        for material in meeting.materials:
            assert plain(material) in text
    for role in plan.roles:
        assert plain(role.does) in text


def test_the_survey_asks_nothing_on_a_protected_topic(documents):
    """PPRA's protected areas: no question asks about them (the staff page names them)."""
    for name in ("family-survey", SPANISH):
        questions = " ".join(p.text for p in documents[name].paragraphs
                             if p.style.name == "List Number").lower()
        for word in ("income", "salary", "ingreso", "religio", "politic", "polític",
                     "immigra", "social security", "mental", "salud"):
            assert word not in questions, (name, word)
    staff = texts(documents["family-survey"])
    assert "Protection of Pupil Rights Amendment" in staff and "income" in staff


def test_forms_ask_what_their_pages_ask(documents):
    need = {
        "observation-tally": ["Active use", "Passive use"],
        "tool-review-rubric": ["Accessibility", "COPPA", "FERPA", "Usability", "Evidence"],
        "policy-review": ["CIPA", "COPPA", "FERPA", "PPRA", "who bears"],
        "pilot-plan": ["review date", "evaluations"],
        "vision-template": ["baseline", "student group", "divides"],
        "district-plan": ["Goals and measures", "Baseline across schools", "infrastructure",
                          "grade band", "teachers and administrators", "Operations and maintenance",
                          "Grade and subject", "roll up", "K to 2", "District total"],
        "meeting-log": ["What changed for students", "Present"],
    }
    for name, words in need.items():
        text = texts(documents[name]).lower()
        for word in words:
            assert word.lower() in text, (name, word)


def test_template_text_is_never_a_field_or_formula(tmp_path, content):
    root = tmp_path
    shutil.copytree(ROOT / "content_data", root / "content_data")
    path = root / "content_data" / "templates" / "pilot-plan.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["subtitle"] = "=HYPERLINK(\"https://example.org\") {PAGE} @risk"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    built = templates.build(load_content(root), "pilot-plan")
    document = docx.Document(io.BytesIO(built))
    assert data["subtitle"] in texts(document)
    with zipfile.ZipFile(io.BytesIO(built)) as z:
        xml = z.read("word/document.xml").decode()
    assert "<w:fldSimple" not in xml and "<w:instrText" not in xml


# --- the workbook matches the pages ------------------------------------------------------

def test_docx_prompts_roster_norms_voices_and_how_to(content, documents):
    """The workbook says what Build your team and the workbook page say: one YAML list."""
    document = documents["workbook"]
    workbook_data = content.workbook
    text = texts(document)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    for group in workbook_data.prompts:
        assert group.word in headings
        for question in group.questions:
            assert plain(question) in text, question
    roster = next(t for t in document.tables if [c.text for c in t.rows[0].cells] ==
                  [plain(c.label) for c in workbook_data.roster_columns])
    roles = [row.cells[1].text for row in roster.rows[1:]]
    expected = [r.role for r in workbook_data.team_roles for _ in range(r.roster_rows)]
    assert roles[:len(expected)] == expected
    assert roles[len(expected):] == [""] * workbook_data.extra_roster_rows
    student = next(r for r in workbook_data.team_roles if "Student" in r.role)
    assert roles.count(student.role) >= 2, "at least two student rows"
    for norm in workbook_data.starting_norms:
        assert f"{plain(norm.title)}. {plain(norm.text)}" in text
    for question in workbook_data.missing_voices:
        assert plain(question) in text
    for columns in (workbook_data.norms_columns, workbook_data.voices_columns):
        assert any([c.text for c in t.rows[0].cells] == [plain(c.label) for c in columns]
                   for t in document.tables)
    assert "offline" in text and "sent anywhere" in text


def test_docx_action_plans_are_landscape_with_columns_to_write_in(content, documents):
    """Every area's action plan sits in its own landscape section, its columns at least
    0.9 inch wide, with a column for what changed for students."""
    document = documents["workbook"]
    body = document.element.body
    labels = [plain(c.label) for c in content.workbook.action_plan_columns]
    assert "What changed for students" in labels
    landscape = 0
    for section in document.sections:
        if section.page_width > section.page_height:
            landscape += 1
    assert landscape == len(content.areas)
    for tbl in body.iterchildren(f"{W}tbl"):
        heads = ["".join(tc.itertext()) for tc in tbl.find(f"{W}tr").iterchildren(f"{W}tc")]
        if heads != labels:
            continue
        # the section a table belongs to is set by the next paragraph that ends a section
        nxt = tbl.getnext()
        while nxt is not None and nxt.find(f"{W}pPr/{W}sectPr") is None:
            nxt = nxt.getnext()
        sect = nxt.find(f"{W}pPr/{W}sectPr") if nxt is not None else body.find(f"{W}sectPr")
        size = sect.find(f"{W}pgSz")
        assert size.get(f"{W}orient") == "landscape"
        widths = [int(g.get(f"{W}w")) / 1440 for g in tbl.find(f"{W}tblGrid")]
        assert min(widths) >= 0.9 and sum(widths) <= 10.01, widths


def test_workbook_text_comes_from_yaml(tmp_path, content):
    """An editor changes the workbook's words in workbook.yml, without touching Python."""
    root = tmp_path
    shutil.copytree(ROOT / "content_data", root / "content_data")

    def change(data):
        data["text"]["roster_heading"] = "Who is on our team"
        data["team_roles"][0]["role"] = "Chair"
        data["prompts"][0]["questions"][0] = "Which learners does nobody ask about?"
    path = root / "content_data" / "workbook.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    text = texts(docx.Document(io.BytesIO(workbook.build(load_content(root)))))
    for words in ("Who is on our team", "Chair", "Which learners does nobody ask about?"):
        assert words in text


# --- bad YAML: file:line -----------------------------------------------------------------

BAD = [
    ("templates/pilot-plan.yml", "title: One-Page Pilot Plan", "title: [One-Page",
     r"content_data/templates/pilot-plan\.yml:\d+: this is not valid YAML"),
    ("templates/pilot-plan.yml", "max_pages: 1", "max_pages: 1\ncolour: blue",
     r"content_data/templates/pilot-plan\.yml:\d+: unknown field 'colour'"),
    ("templates/pilot-plan.yml", "id: pilot-plan", "id: pilot-plans",
     r"content_data/templates/pilot-plan\.yml:\d+: id: the id 'pilot-plans' does not match"),
    ("templates/observation-tally.yml", '["Designing, building or coding",',
     "[Designing, building or coding,",
     r"observation-tally\.yml:\d+: blocks\[\d\]\.table\.rows\[\d\]: this row has 3 cells"),
    ("templates/district-plan.yml", "        - label: Goal\n          width: 2.6",
     "        - label: Goal\n          width: 6.6",
     r"district-plan\.yml:\d+: blocks\[1\]\.table\.columns: the columns add up to 14\.00"),
    ("templates/meeting-agendas.yml", "      materials: What to bring\n", "",
     r"meeting-agendas\.yml:\d+: blocks\[1\]\.labels: missing 'materials'"),
    ("templates/family-survey.yml", "  - conditions/school-culture.md",
     "  - conditions/school-kultur.md", r"family-survey\.yml:\d+: asked_on\[0\]: there is no page"),
    ("meeting_plan.yml", "        lead: Evidence lead", "        lead: Data person",
     r"meeting_plan\.yml:\d+: meetings\[\d\]\.agenda\[\d\]\.lead: 'Data person' is not one"),
    ("meeting_plan.yml", "      - minutes: 45", "      - minutes: 80",
     r"meeting_plan\.yml:\d+: meetings\[2\]\.agenda: the agenda adds up to 120 minutes"),
    ("templates/meeting-log.yml", "filename: digital-equity-meeting-log.docx",
     "filename: digital-equity-reflection-planning-workbook.docx",
     r"meeting-log\.yml:\d+: filename: the file name 'digital-equity-reflection-planning-workbook"),
    ("workbook.yml", "    width: 0.9", "    width: 0.6",
     r"workbook\.yml:\d+: action_plan_columns\[6\]\.width: 0\.6 inches is too narrow"),
]


@pytest.mark.parametrize("path, old, new, expected", BAD, ids=[b[3][:40] for b in BAD])
def test_bad_toolkit_yaml_is_reported_with_file_and_line(tmp_path, path, old, new, expected):
    shutil.copytree(ROOT / "content_data", tmp_path / "content_data")
    target = tmp_path / "content_data" / path
    text = target.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(tmp_path, ROOT / "docs")
    assert re.search(expected, caught.value.report()), caught.value.report()


def test_a_new_template_needs_no_code(tmp_path, content):
    shutil.copytree(ROOT / "content_data", tmp_path / "content_data")
    (tmp_path / "content_data" / "templates" / "exit-ticket.yml").write_text(textwrap.dedent("""\
        id: exit-ticket
        filename: digital-equity-exit-ticket.docx
        title: Exit Ticket
        summary: One question for students at the end of a lesson.
        subject: An exit ticket
        keywords: exit ticket
        footer: Exit Ticket. Page
        asked_on: [classroom/powerful-learning.md]
        blocks:
          - heading: What did you make today?
            lines: 3
        """), encoding="utf-8")
    grown = load_content(tmp_path, ROOT / "docs")
    download = registry(grown)["exit-ticket"]
    document = docx.Document(io.BytesIO(download.build(grown)))
    assert [t for _, t in heading_levels(document)] == ["Exit Ticket", "What did you make today?"]
    assert set(registry(grown)) == set(registry(content)) | {"exit-ticket"}


# --- listed and linked --------------------------------------------------------------------

def test_downloads_page_and_asking_pages_link_every_file(content, built_site):
    downloads = registry(content)
    page = (built_site / "downloads" / "index.html").read_text(encoding="utf-8")
    listed = {href.rsplit("/", 1)[-1] for href in re.findall(r'href="([^"]+\.(?:docx|xlsx))"', page)}
    assert listed >= {d.filename for d in downloads.values()}
    assert len(listed) >= 10
    for download in downloads.values():
        assert (built_site / download.path).read_bytes() == download.build(content)
        for asked in download.asked_on:
            html = built_site / asked.replace(".md", "/index.html").replace("index/index.html",
                                                                             "index.html")
            links = re.findall(r'href="([^"]+)"', html.read_text(encoding="utf-8"))
            assert any(href.rsplit("/", 1)[-1] == download.filename for href in links), \
                (download.name, asked)


def test_every_checklist_section_links_the_checklists():
    for area_file in sorted((ROOT / "content_data" / "areas").glob("*.yml")):
        page = yaml.safe_load(area_file.read_text(encoding="utf-8"))["page"]
        markdown = (ROOT / "docs" / page).read_text(encoding="utf-8")
        section = markdown.split("## Checklist", 1)[1].split("\n## ", 1)[0]
        assert "download_card('checklists')" in section, page


def test_the_two_tools_are_still_registered_first():
    assert list(DOWNLOADS) == ["self-assessment", "workbook"]
