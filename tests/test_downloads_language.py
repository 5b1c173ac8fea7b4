"""The downloads speak the edition's language: every word the Python builders add comes
from the interface strings (content_data/interface/downloads.yml, and the Spanish edition's
content_data/es/interface/downloads.yml), and each file's language property follows
``downloads.language_tag``. Proved by building with changed interface strings, and with the
Spanish ones (with the English content: the Spanish content is written elsewhere)."""
from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import docx
import openpyxl
import pytest
import yaml

from conftest import ROOT
from macros.downloads import registry, self_assessment, templates, workbook
from macros.downloads.xlsx_layout import _BAD_SHEET_CHARS, sheet_names
from macros.interface import Interface, load_interface
from macros.loader import load_content
from macros.translations import PLACEHOLDER

MARK = "\u00a7"  # a sign no English or Spanish string uses
SPANISH_LEVELS = {"foundational": "Inicial", "developing": "En desarrollo",
                  "established": "Establecido", "advanced": "Avanzado"}


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


def with_ui(content, change):
    """The same content with every downloads string passed through ``change``."""
    def walk(node):
        return {k: walk(v) for k, v in node.items()} if isinstance(node, dict) else change(node)
    parts = dict(content.ui.parts)
    parts["downloads"] = walk(parts["downloads"])
    return dataclasses.replace(content, ui=Interface(parts))


def spanish(content):
    """The English content with the Spanish interface strings and level names."""
    problems: list = []
    ui = load_interface(ROOT / "content_data" / "es", ROOT, problems)
    assert not problems, problems
    parts = dict(content.ui.parts) | {"downloads": ui.parts["downloads"]}
    scale = content.scale.model_copy(update={
        "levels": [lv.model_copy(update={"label": SPANISH_LEVELS[lv.id]}) for lv in content.scale.levels],
        "unsure_label": "Aún no sé"})
    return dataclasses.replace(content, ui=Interface(parts), scale=scale, lang="es")


def marked(content):
    """Every string marked, except the ones that must stay what they are."""
    keep = {"language_tag", "list_joiner", "filename", "no_average"}

    def walk(node, key=""):
        if isinstance(node, dict):
            return {k: walk(v, k) for k, v in node.items()}
        return node if key in keep else MARK + node
    parts = dict(content.ui.parts)
    parts["downloads"] = walk(parts["downloads"])
    return dataclasses.replace(content, ui=Interface(parts))


def xlsx_strings(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        shared = z.read("xl/sharedStrings.xml").decode()
    return [re.sub(r"<[^>]+>", "", s) for s in re.findall(r"<si>(.*?)</si>", shared, re.S)]


def content_strings(content) -> set[str]:
    """Every text the content's YAML gives the spreadsheet, as it shows it."""
    from macros.downloads.xlsx_layout import layout
    from macros.downloads.xlsx_text import plain

    found: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            found.add(plain(value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif hasattr(value, "model_dump"):
            walk(value.model_dump())
    for part in (content.scale, content.sections, content.assessment, *content.areas):
        walk(part)
    found |= {f"{n}. {plain(item.text)}" for a in content.areas for n, item in enumerate(a.checklist, 1)}
    found |= {p.name for p in layout(content)}
    return found


def test_every_word_the_spreadsheet_adds_comes_from_the_interface_strings(content):
    changed = marked(content)
    data = self_assessment.build(changed)
    allowed = content_strings(content) | {self_assessment.FORMAT_TEXT}
    stray = [s for s in xlsx_strings(data) if MARK not in s and s not in allowed]
    assert not stray, f"hard-coded in Python: {stray[:10]}"
    book = openpyxl.load_workbook(io.BytesIO(data))
    names = sheet_names(changed)
    assert book.sheetnames[0] == names["how_to"] and names["how_to"].startswith(MARK)
    assert book.properties.title.startswith(MARK) and book.properties.subject.startswith(MARK)
    plan = self_assessment.layout(changed)[0]
    ws = book[plan.name]
    assert ws.cell(plan.blocks[0].rating + 1, 1).value == MARK + "Our rating"
    assert MARK in ws.oddFooter.right.text
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        chart = z.read("xl/charts/chart1.xml").decode()
    assert MARK + "Average rating per area" in chart


def test_every_word_the_word_files_add_comes_from_the_interface_strings(content):
    changed = marked(content)
    document = docx.Document(io.BytesIO(workbook.build(changed)))
    props = document.core_properties
    for value in (props.title, props.subject, props.category, props.keywords, props.comments):
        assert value.startswith(MARK), value
    assert document.paragraphs[0].text == MARK + "Reflection and Planning Companion Workbook"
    assert MARK in document.sections[0].footer.paragraphs[0].text
    captions = document.element.body.xpath(".//w:tblCaption/@w:val")
    assert any(c.startswith(MARK + "Action plan for") for c in captions)
    assert any(p.text.startswith(MARK + "Hop (") for p in document.paragraphs)
    found = registry(changed)
    assert found["self-assessment"].title.startswith(MARK)
    assert found["checklists"].format.startswith(MARK)
    checklists = docx.Document(io.BytesIO(found["checklists"].build(changed)))
    assert checklists.core_properties.category.startswith(MARK)


def test_the_language_property_follows_downloads_language_tag(content):
    changed = with_ui(content, lambda s: s)
    changed.ui.parts["downloads"]["language_tag"] = "fr-CA"
    book = openpyxl.load_workbook(io.BytesIO(self_assessment.build(changed)))
    assert book.properties.language == "fr-CA"
    found = registry(changed)
    for name in ("workbook", "checklists"):
        document = docx.Document(io.BytesIO(found[name].build(changed)))
        assert document.core_properties.language == "fr-CA", name
        assert document.styles.element.xpath(
            "./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val") == ["fr-CA"], name
        assert found[name].language == "fr-CA"
    # a template that names its own language keeps it
    survey = next(t for t in content.templates if "language" in t.model_fields_set)
    assert templates.language(changed, survey) == survey.language == found[survey.id].language
    assert docx.Document(io.BytesIO(found[survey.id].build(changed))).core_properties.language == survey.language


def test_the_spanish_strings_match_the_english_and_make_valid_sheet_names():
    english = yaml.safe_load((ROOT / "content_data/interface/downloads.yml").read_text(encoding="utf-8"))
    spanish_text = yaml.safe_load((ROOT / "content_data/es/interface/downloads.yml").read_text(encoding="utf-8"))
    spanish_text.pop("source_hash")

    def compare(en, es, path=()):
        if isinstance(en, dict):
            assert set(en) == set(es), (path, set(en) ^ set(es))
            for key in en:
                compare(en[key], es[key], path + (key,))
        else:
            assert set(PLACEHOLDER.findall(en)) == set(PLACEHOLDER.findall(es)), path
    compare(english, spanish_text)
    tool = spanish_text["self_assessment"]
    for name in tool["sheets"].values():
        assert len(name) <= 31 and not _BAD_SHEET_CHARS.search(name), name
    for part in ("self_assessment", "workbook"):
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.(xlsx|docx)", spanish_text[part]["filename"])
    assert spanish_text["language_tag"] == "es-US"
    assert list(tool["checklist"]["status"].values()) == ["Hecho", "En curso", "Todavía no", "No sé"]


def test_a_spanish_spreadsheet_has_spanish_sheets_dropdowns_and_properties(content):
    es = spanish(content)
    data = self_assessment.build(es)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[0] == "Cómo usar esta herramienta"
    assert "Listas de verificación" in book.sheetnames and book.sheetnames[-1] == "Resumen"
    assert book.properties.language == "es-US"
    plan = self_assessment.layout(es)[0]
    ws = book[plan.name]
    assert ws.cell(2, 2).value == "Escriba uno de estos: Inicial, En desarrollo, Establecido, Avanzado, Aún no sé."
    rating = next(d for d in ws.data_validations.dataValidation if d.type == "list")
    assert rating.formula1 == '"Inicial,En desarrollo,Establecido,Avanzado,Aún no sé"'
    checklist = book["Listas de verificación"]
    status = next(d for d in checklist.data_validations.dataValidation if d.type == "list")
    assert status.formula1 == '"Hecho,En curso,Todavía no,No sé"'
    names = registry(es)
    assert names["self-assessment"].filename == "autoevaluacion-equidad-digital.xlsx"
    assert names["self-assessment"].title == "Herramienta de Autoevaluación"
    assert names["workbook"].title == "Cuaderno de Reflexión y Planificación"
    document = docx.Document(io.BytesIO(workbook.build(es)))
    assert document.core_properties.language == "es-US"
    assert "Página" in document.sections[0].footer.paragraphs[0].text


def test_a_status_with_a_comma_or_a_long_list_uses_a_range(content):
    changed = with_ui(content, lambda s: s)
    changed.ui.parts["downloads"]["self_assessment"]["checklist"]["status"] = {
        "done": "Done, checked", "in_progress": "In progress", "not_yet": "Not yet",
        "unknown": "Don't know"}
    book = openpyxl.load_workbook(io.BytesIO(self_assessment.build(changed)))
    ws = book[sheet_names(changed)["checklists"]]
    status = next(d for d in ws.data_validations.dataValidation if d.type == "list")
    sheet, cells = status.formula1.lstrip("=").rsplit("!", 1)
    assert sheet.strip("'") == ws.title
    col, first, last = re.fullmatch(r"\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)", cells).groups()
    assert [ws[f"{col}{r}"].value for r in range(int(first), int(last) + 1)] == \
        ["Done, checked", "In progress", "Not yet", "Don't know"]
    assert ws.column_dimensions[col].hidden or any(
        d.hidden and d.min <= ws[f"{col}1"].column <= d.max for d in ws.column_dimensions.values())
