"""The Reflection and Planning Companion Workbook: a Word document built with python-docx.

Order: title, how to use it, the WHO needs WHAT to learn HOW? prompts, the team roster,
then for every section a Heading 1 and for every area in it a Heading 2 with its summary,
its reflection questions (a numbered list, each with space to answer) and an action-plan
table (Heading 3s). ``locate()`` names the same headings ``build()`` writes.

Accessible by construction: real heading, list and table styles, repeating header rows,
no merged or nested cells, a document language, and table titles and descriptions. The
same content always gives the same bytes (fixed dates; ``zipfix`` fixes the zip).
"""
from __future__ import annotations

import io
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt, RGBColor

from ..loader import Content
from ..render import MOVE_SPANS
from . import zipfix
from .self_assessment import AUTHOR, GUIDE, markdown_segments, plain

TITLE = "Reflection and Planning Companion Workbook"
FIXED_DATE = datetime(2024, 1, 1)
LANGUAGE = "en-US"
MARGIN = 0.75  # inches
TEXT_WIDTH = 8.5 - 2 * MARGIN  # inches between the margins of a US Letter page
ANSWER_STYLE = "Answer space"
FONT = "Calibri"
EMPTY_ACTION_ROWS = 4

# WHO needs WHAT to learn HOW? Our own wording of the three prompts.
PROMPTS = [
    ("WHO", "Which students do the platforms, apps and tools we provide serve well, and "
            "which do they leave out? Can every student see themselves in them?"),
    ("WHAT", "Do these tools adjust to what each learner needs, and do they respect each "
             "student's voice, identity and reasons for wanting to learn?"),
    ("HOW", "Do the learning experiences build what students need to take a full part in "
            "a digital society, in democratic life and in the economy?"),
]


def locate(content: Content, area_id: str) -> str:
    area = content.area(area_id)
    return (f"under the heading '{plain(area.title)}' in the part "
            f"'{plain(content.section(area.section).title)}'")


# --- building -----------------------------------------------------------------------------

def build(content: Content) -> bytes:
    document = docx.Document()
    _prepare(document)
    _properties(document)
    numbering = _Numbering(document)

    _paragraph(document, "Title").add_run(TITLE)
    _para(document, f"A companion to the {GUIDE} for school and system leadership teams: "
                    "reflect on each area together, then plan what you will do next.",
          style="Subtitle")
    _how_to(document, content, numbering)
    _prompts(document)
    _roster(document, content)
    for section in content.sections.sections:
        areas = content.areas_in(section.id)
        if not areas:
            continue
        heading = _heading(document, plain(section.title), level=1)
        heading.paragraph_format.page_break_before = True
        _para(document, f"The areas in this part address {plain(section.divide)}.")
        for index, area in enumerate(areas):
            _area(document, content, area, numbering, new_page=index > 0)

    buffer = io.BytesIO()
    document.save(buffer)
    return zipfix.normalize(buffer.getvalue())


def _how_to(document, content: Content, numbering) -> None:
    _heading(document, "How to use this workbook", level=1)
    _para(document, f"This workbook helps your team think through each area of the {GUIDE} "
                    "and turn what you learn into a plan. It works well after you have rated "
                    "the areas with the Self-Assessment Tool.")
    steps = [
        "Fill in the team roster, so everyone knows who is taking part and in what role.",
        "Read the three WHO needs WHAT to learn HOW? questions aloud and keep them in view "
        "during every discussion.",
        "Take one area at a time. Read its summary, talk through each reflection question "
        "and write the team's answer in the space under it.",
        "Agree on one to three actions for the area and write them in its action-plan "
        "table. Give each action one lead person and a date to check on it.",
        "Come back to the plan every term: update the status of each action and note what "
        "you have learned.",
    ]
    numbered = numbering.new_list()
    for step in steps:
        numbering.item(_para(document, step, style="List Number"), numbered)
    _para(document, "The columns of each action-plan table:")
    for column in content.workbook.action_plan_columns:
        paragraph = _paragraph(document, "List Bullet")
        paragraph.add_run(plain(column.label) + ": ").bold = True
        _add_runs(paragraph, column.hint)
    _para(document, "Type in Word, LibreOffice Writer or Google Docs, or print the workbook "
                    "and write by hand. It works offline, and nothing you type in it is sent "
                    "anywhere.")


def _prompts(document) -> None:
    heading = _heading(document, "WHO needs WHAT to learn HOW?", level=1)
    heading.paragraph_format.page_break_before = True
    _para(document, "Three questions to ask about every area. Note your first thoughts "
                    "here and come back to them as you work through the workbook."
          ).paragraph_format.keep_with_next = True
    for word, question in PROMPTS:
        paragraph = _paragraph(document)
        paragraph.add_run(word + ": ").bold = True
        paragraph.add_run(question)
        paragraph.paragraph_format.keep_with_next = True
        # the answer line spans the text width (the style indents it to sit under list text)
        _paragraph(document, ANSWER_STYLE).paragraph_format.left_indent = Inches(0)


def _roster(document, content: Content) -> None:
    _heading(document, "Your team", level=1)
    _para(document, "Who takes part, in which role, and how to reach them. Add a row for "
                    "anyone else who joins.")
    rows = [["", plain(role), ""] for role in content.workbook.team_roles] + [["", "", ""]]
    _table(document, ["Name", "Role", "Contact"], rows, [TEXT_WIDTH / 3] * 3,
           caption="Team roster",
           description="One row per team member: name, role and contact details.",
           min_height=0.34)


def _area(document, content: Content, area, numbering, new_page: bool) -> None:
    heading = _heading(document, plain(area.title), level=2)
    heading.paragraph_format.page_break_before = new_page
    _para(document, area.summary)

    _heading(document, "Reflection questions", level=3)
    numbered = numbering.new_list()
    for question in area.reflection_questions:
        paragraph = _paragraph(document, "List Number")
        _add_runs(paragraph, question.text)
        paragraph.paragraph_format.keep_with_next = True
        numbering.item(paragraph, numbered)
        _paragraph(document, ANSWER_STYLE)

    _heading(document, "Action plan", level=3)
    # Keep the ideas on the same page as the table they lead into.
    _para(document, "Ideas to start from:").paragraph_format.keep_with_next = True
    for move in ("hop", "skip", "leap"):
        paragraph = _paragraph(document, "List Bullet")
        paragraph.add_run(f"{move.title()} ({MOVE_SPANS[move]}): ").bold = True
        _add_runs(paragraph, getattr(area.next_moves, move))
        paragraph.paragraph_format.keep_with_next = True
    columns = content.workbook.action_plan_columns
    labels = [plain(c.label) for c in columns]
    _table(document, labels, [[""] * len(columns)] * EMPTY_ACTION_ROWS,
           _column_widths(labels, TEXT_WIDTH, 10),
           caption=f"Action plan for {plain(area.title)}",
           description="An empty table to fill in: one row per action, with columns "
                       + ", ".join(plain(c.label) for c in columns) + ".",
           min_height=0.55, font_size=10)
    status = _para(document, "Status choices: " + ", ".join(
        plain(s) for s in content.workbook.status_choices) + ".")
    status.paragraph_format.space_before = Pt(6)


# --- helpers ------------------------------------------------------------------------------

_STYLE_IDS: dict[str, str] = {}  # style name -> id, filled by _prepare()


def _paragraph(document, style: str | None = None):
    """An empty paragraph; styles are set by id (python-docx's lookup by name is slow)."""
    paragraph = document.add_paragraph()
    if style:
        paragraph._p.get_or_add_pPr().style = _STYLE_IDS[style]
    return paragraph


def _heading(document, text: str, level: int):
    paragraph = _paragraph(document, f"Heading {level}")
    paragraph.add_run(text)
    return paragraph


def _para(document, text: str, style: str | None = None):
    paragraph = _paragraph(document, style)
    _add_runs(paragraph, text)
    return paragraph


def _add_runs(paragraph, text: str) -> None:
    """Add YAML text as runs: *em* in italics, **strong** in bold, links as text (url)."""
    for piece, kind in markdown_segments(text):
        run = paragraph.add_run(piece)
        if kind == "strong":
            run.bold = True
        elif kind == "em":
            run.italic = True


class _Numbering:
    """Each numbered list starts again at 1: a new w:num on the List Number definition."""

    def __init__(self, document):
        self._numbering = document.part.numbering_part.element
        style = document.styles["List Number"].element
        style_num = style.pPr.numPr.numId.val
        num = next(n for n in self._numbering.num_lst if n.numId == style_num)
        self._abstract = num.abstractNumId.val

    def new_list(self) -> int:
        num = self._numbering.add_num(self._abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    @staticmethod
    def item(paragraph, num_id: int) -> None:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id


def _table(document, headers: list[str], rows: list[list[str]], widths: list[float], *,
           caption: str, description: str, min_height: float, font_size: float = 11) -> None:
    """A bordered table with a shaded, bold header row that repeats on every page.

    Built as one piece of XML (python-docx's cell-by-cell calls are slow), in the element
    order the schema asks for. Rows never split across pages; nothing is merged or nested.
    """
    twips = [int(Inches(w).twips) for w in widths]
    size = round(font_size * 2)

    def cell(text: str, width: int, header: bool) -> str:
        shade = '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>' if header else ""
        bold = "<w:b/>" if header else ""
        run = (f'<w:r><w:rPr>{bold}<w:sz w:val="{size}"/></w:rPr>'
               f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>') if text else ""
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
                f'<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>{run}</w:p></w:tc>')

    height = int(Inches(min_height).twips)
    body = ['<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
            + "".join(cell(h, w, True) for h, w in zip(headers, twips)) + "</w:tr>"]
    for row in rows:
        body.append(f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" '
                    'w:hRule="atLeast"/></w:trPr>'
                    + "".join(cell(v, w, False) for v, w in zip(row, twips)) + "</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    xml = (f'<w:tbl {nsdecls("w")}><w:tblPr>'
           f'<w:tblStyle w:val="{_STYLE_IDS["Table Grid"]}"/>'
           f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
           '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
           'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
           f"<w:tblCaption w:val={quoteattr(caption)}/>"
           f"<w:tblDescription w:val={quoteattr(description)}/>"
           "</w:tblPr><w:tblGrid>" + grid + "</w:tblGrid>" + "".join(body) + "</w:tbl>")
    document.element.body._insert_tbl(parse_xml(xml))


def _set_font(style, name: str) -> None:
    """Set every script's font (python-docx's font.name leaves theme fonts in place)."""
    r_fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in list(r_fonts.attrib):
        del r_fonts.attrib[attr]
    for key in ("ascii", "hAnsi", "eastAsia", "cs"):
        r_fonts.set(qn(f"w:{key}"), name)


def _column_widths(labels: list[str], total: float, font_size: float) -> list[float]:
    """Wide enough for each label's longest word; the first column gets most of the rest."""
    need = [max(0.7, max(len(w) for w in label.split()) * font_size * 0.0095 + 0.22)
            for label in labels]
    spare = total - sum(need)
    if spare <= 0:
        return [w * total / sum(need) for w in need]
    share = [0.5 + 0.5 / len(need)] + [0.5 / len(need)] * (len(need) - 1)
    return [w + spare * f for w, f in zip(need, share)]


def _properties(document) -> None:
    props = document.core_properties
    props.title = TITLE
    props.subject = f"Reflection questions and action plans for every area of the {GUIDE}"
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.keywords = "digital equity, reflection, action plan, K-12, school leadership"
    props.comments = ("Works offline; nothing you type in it is sent anywhere. "
                      f"Content CC BY 4.0, {AUTHOR}.")
    props.category = "Planning workbook"
    props.language = LANGUAGE
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1


def _prepare(document) -> None:
    """Page, language, styles and footer; drop the template's blank-page thumbnail."""
    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]

    styles = document.styles
    names = ["Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3",
             "List Number", "List Bullet", "Table Grid"]
    _STYLE_IDS.clear()
    _STYLE_IDS.update({name: styles[name].style_id for name in names})
    r_pr = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)

    # Darker blues than the template's, for at least 4.5:1 contrast on white.
    for name, colour in (("Title", "17365D"), ("Subtitle", "404040"), ("Heading 1", "1F3864"),
                         ("Heading 2", "1F4E79"), ("Heading 3", "1F4E79")):
        styles[name].font.color.rgb = RGBColor.from_string(colour)
        styles[name].font.italic = False if name == "Subtitle" else styles[name].font.italic
    styles["Heading 3"].font.size = Pt(12)
    styles["Heading 2"].font.size = Pt(15)
    styles["Heading 1"].font.size = Pt(18)

    # One clear sans-serif face throughout (the template mixes Cambria and Calibri).
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
        _set_font(styles[name], FONT)
    styles["Normal"].font.size = Pt(11)

    answer = styles.add_style(ANSWER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    _STYLE_IDS[ANSWER_STYLE] = answer.style_id
    answer.base_style = styles["Normal"]
    answer.quick_style = True
    answer.paragraph_format.space_before = Pt(44)
    answer.paragraph_format.space_after = Pt(12)
    answer.paragraph_format.left_indent = Inches(0.25)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "808080")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    p_pr = answer.element.get_or_add_pPr()
    p_pr.insert_element_before(border, "w:shd", "w:tabs", "w:suppressAutoHyphens",
                               "w:spacing", "w:ind", "w:jc", "w:outlineLvl", "w:rPr")

    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Inches(MARGIN)
    section.top_margin = section.bottom_margin = Inches(MARGIN)
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{GUIDE}: {TITLE}. Page ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
