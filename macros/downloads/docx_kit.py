"""What every Word download shares: page setup, language, styles, headings, lists, tables
with repeating header rows, answer space, landscape sections and byte-identical saving.

Built for print and for screen readers alike: real Title, Heading and List styles; tables
with a marked header row that repeats on every page, a caption and a description, rows
that never split, and no merged or nested cells; the document language in the core
properties and in the default run properties (w:lang); fixed dates, so the same content
always gives the same bytes (``zipfix`` fixes the zip).

Features that Google Docs drops or mangles are not used: no content controls, form
fields, text boxes, frames, floating shapes, fields other than the footer's page number,
merged cells or nested tables. Check boxes are the character U+2610 in the text.
"""
from __future__ import annotations

import io
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt, RGBColor

from . import zipfix
from .xlsx_text import markdown_segments

FIXED_DATE = datetime(2024, 1, 1)
FONT = "Calibri"
MARGIN = 0.75  # inches, portrait
LANDSCAPE_MARGIN = 0.5  # inches, landscape: wide tables need the room
ANSWER_STYLE = "Answer space"
LINE_PITCH = 26  # points from one ruled line to the next: about wide-ruled paper
BOX = "\u2610"  # a ballot box: check it on paper, or type an X over it on screen
HEADER_FILL = "D9E2F3"
_STYLES = ["Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3",
           "List Number", "List Bullet", "Table Grid"]


class Doc:
    """A python-docx Document set up the guide's way, with helpers that write fast XML."""

    def __init__(self, *, title: str, subject: str, keywords: str, category: str,
                 language: str, author: str, comments: str, footer: str = "",
                 landscape: bool = False):
        self.document = docx.Document()
        self.language = language
        self._styles: dict[str, str] = {}
        self._after_table = False
        self._prepare(landscape)
        self._properties(title, subject, keywords, category, comments, author)
        self._footer(footer or title)
        self._numbering = self.document.part.numbering_part.element
        style = self.document.styles["List Number"].element
        style_num = style.pPr.numPr.numId.val
        num = next(n for n in self._numbering.num_lst if n.numId == style_num)
        self._abstract = num.abstractNumId.val

    # --- text -------------------------------------------------------------------------

    def paragraph(self, style: str | None = None):
        """An empty paragraph; styles are set by id (python-docx's lookup by name is slow)."""
        paragraph = self.document.add_paragraph()
        if self._after_table and not (style or "").startswith(("Heading", "Title")):
            paragraph.paragraph_format.space_before = Pt(8)
        self._after_table = False
        if style:
            paragraph._p.get_or_add_pPr().style = self._styles[style]
        return paragraph

    def heading(self, text: str, level: int, new_page: bool = False):
        paragraph = self.paragraph("Title" if level == 0 else f"Heading {level}")
        add_runs(paragraph, text)
        paragraph.paragraph_format.page_break_before = new_page
        return paragraph

    def para(self, text: str, style: str | None = None, keep_with_next: bool = False):
        paragraph = self.paragraph(style)
        add_runs(paragraph, text)
        if keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def labelled(self, label: str, text: str, style: str | None = None):
        """A paragraph that starts with a bold label: 'Label: text'."""
        paragraph = self.paragraph(style)
        paragraph.add_run(label + ": ").bold = True
        add_runs(paragraph, text)
        return paragraph

    def bullets(self, items: list[str], keep_with_next: bool = False) -> None:
        for item in items:
            self.para(item, "List Bullet", keep_with_next)

    def numbered(self, items: list[str], keep_with_next: bool = False, answer_lines: int = 0):
        """A numbered list that starts at 1, each item optionally followed by answer lines."""
        num_id = self.new_list()
        paragraphs = []
        for item in items:
            paragraph = self.para(item, "List Number", keep_with_next or answer_lines > 0)
            self.number(paragraph, num_id)
            paragraphs.append(paragraph)
            self.answer(answer_lines, indent=True)
        return paragraphs

    def new_list(self) -> int:
        num = self._numbering.add_num(self._abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    @staticmethod
    def number(paragraph, num_id: int) -> None:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id
        # Room for a two-digit number ("10.") between the number and the text.
        paragraph.paragraph_format.left_indent = Inches(0.3)
        paragraph.paragraph_format.first_line_indent = Inches(-0.3)

    def answer(self, lines: int = 1, indent: bool = False, space: float | None = None) -> None:
        """Ruled lines to write on; the last one ends the answer."""
        for index in range(lines):
            paragraph = self.paragraph(ANSWER_STYLE)
            fmt = paragraph.paragraph_format
            if not indent:
                fmt.left_indent = Inches(0)
            if space is not None and index == 0:
                fmt.space_before = Pt(space)
            if index < lines - 1:
                fmt.keep_with_next = True
            else:
                fmt.space_after = Pt(10)  # room before whatever follows the last line

    def choices(self, options: list[str], indent: float = 0.25, inline: bool = False) -> None:
        """Check-box choices, one per line (or all on one), kept together with what follows."""
        if inline and options:
            paragraph = self.para("\u2003".join(f"{BOX} {option}" for option in options))
            paragraph.paragraph_format.left_indent = Inches(indent)
            return
        for index, option in enumerate(options):
            paragraph = self.para(f"{BOX} {option}")
            fmt = paragraph.paragraph_format
            fmt.left_indent = Inches(indent)
            fmt.space_after = Pt(0) if index < len(options) - 1 else Pt(4)
            fmt.keep_with_next = index < len(options) - 1

    # --- tables -----------------------------------------------------------------------

    def table(self, headers: list[str], rows: list[list], widths: list[float], *,
              caption: str, description: str, min_height: float = 0.3,
              font_size: float = 11, bold_first_column: bool = False) -> None:
        """A bordered table whose shaded, bold header row repeats on every page.

        A cell is text or a list of lines (each its own paragraph). Built as one piece of
        XML, in the element order the schema asks for. Rows never split across pages.
        """
        twips = [int(Inches(w).twips) for w in widths]
        size = round(font_size * 2)

        def runs(text: str, bold: bool) -> str:
            out = []
            for piece, kind in markdown_segments(text):
                marks = "<w:b/>" if bold or kind == "strong" else ""
                marks += "<w:i/>" if kind == "em" else ""
                out.append(f'<w:r><w:rPr>{marks}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
                           f'</w:rPr><w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
            return "".join(out)

        def cell(value, width: int, header: bool, bold: bool) -> str:
            shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>' if header else ""
            lines = value if isinstance(value, list) else [value]
            paras = "".join(f'<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>{runs(t, bold) if t else ""}'
                            "</w:p>" for t in lines or [""])
            return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
                    f"{paras}</w:tc>")

        height = int(Inches(min_height).twips)
        body = ['<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
                + "".join(cell(h, w, True, True) for h, w in zip(headers, twips)) + "</w:tr>"]
        for row in rows:
            padded = list(row) + [""] * (len(headers) - len(row))
            body.append(f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" '
                        'w:hRule="atLeast"/></w:trPr>'
                        + "".join(cell(v, w, False, bold_first_column and i == 0)
                                  for i, (v, w) in enumerate(zip(padded, twips))) + "</w:tr>")
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
        xml = (f'<w:tbl {nsdecls("w")}><w:tblPr>'
               f'<w:tblStyle w:val="{self._styles["Table Grid"]}"/>'
               f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
               '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
               'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
               f"<w:tblCaption w:val={quoteattr(caption)}/>"
               f"<w:tblDescription w:val={quoteattr(description)}/>"
               "</w:tblPr><w:tblGrid>" + grid + "</w:tblGrid>" + "".join(body) + "</w:tbl>")
        if self._after_table:
            # Two tables in a row would join into one: a thin paragraph keeps them apart.
            gap = self.paragraph().paragraph_format
            gap.space_before, gap.space_after, gap.line_spacing = Pt(0), Pt(0), Pt(6)
        self.document.element.body._insert_tbl(parse_xml(xml))
        self._after_table = True

    # --- pages ------------------------------------------------------------------------

    def new_section(self, landscape: bool) -> None:
        """Start a new page in the given orientation (the footer carries over)."""
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        _orient(section, landscape)

    @property
    def text_width(self) -> float:
        """Inches between the margins of the current section."""
        section = self.document.sections[-1]
        return (section.page_width - section.left_margin - section.right_margin) / 914400

    @property
    def text_height(self) -> float:
        section = self.document.sections[-1]
        return (section.page_height - section.top_margin - section.bottom_margin) / 914400

    def save(self) -> bytes:
        if self._after_table:  # Word wants a paragraph after a table that ends the document
            end = self.paragraph()
            fmt = end.paragraph_format
            fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), Pt(1)
            mark = OxmlElement("w:rPr")  # the paragraph mark's own size: 1 point
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), "2")
            mark.append(size)
            end._p.get_or_add_pPr().append(mark)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return zipfix.normalize(buffer.getvalue())

    # --- setup ------------------------------------------------------------------------

    def _properties(self, title, subject, keywords, category, comments, author) -> None:
        props = self.document.core_properties
        props.title = title
        props.subject = subject
        props.author = props.last_modified_by = author
        props.keywords = keywords
        props.comments = comments
        props.category = category
        props.language = self.language
        props.created = props.modified = props.last_printed = FIXED_DATE
        props.revision = 1

    def _prepare(self, landscape: bool) -> None:
        """Language, styles and page; drop the template's blank-page thumbnail."""
        document = self.document
        package = document.part.package
        for r_id, rel in list(package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                del package.rels[r_id]
        styles = document.styles
        self._styles.update({name: styles[name].style_id for name in _STYLES})
        r_pr = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        lang = r_pr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            r_pr.append(lang)
        for key in list(lang.attrib):
            del lang.attrib[key]
        lang.set(qn("w:val"), self.language)

        # Darker blues than the template's, for at least 4.5:1 contrast on white.
        for name, colour in (("Title", "17365D"), ("Subtitle", "404040"), ("Heading 1", "1F3864"),
                             ("Heading 2", "1F4E79"), ("Heading 3", "1F4E79")):
            styles[name].font.color.rgb = RGBColor.from_string(colour)
            styles[name].font.italic = False if name == "Subtitle" else styles[name].font.italic
        styles["Title"].font.size = Pt(24)
        subtitle = styles["Subtitle"]
        subtitle.font.size = Pt(11.5)
        spacing = subtitle.element.rPr.find(qn("w:spacing"))  # the template spreads letters out
        if spacing is not None:
            subtitle.element.rPr.remove(spacing)
        styles["Heading 1"].font.size = Pt(16)
        styles["Heading 2"].font.size = Pt(14)
        styles["Heading 3"].font.size = Pt(12)
        for name, before in (("Heading 1", 12), ("Heading 2", 10), ("Heading 3", 8)):
            styles[name].paragraph_format.space_before = Pt(before)
            styles[name].paragraph_format.space_after = Pt(3)
        # One clear sans-serif face throughout (the template mixes Cambria and Calibri).
        for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
            _set_font(styles[name], FONT)
        styles["Normal"].font.size = Pt(11)
        styles["Normal"].paragraph_format.space_after = Pt(6)

        answer = styles.add_style(ANSWER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        self._styles[ANSWER_STYLE] = answer.style_id
        answer.base_style = styles["Normal"]
        answer.quick_style = True
        answer.paragraph_format.space_before = Pt(LINE_PITCH - 14)
        answer.paragraph_format.space_after = Pt(0)
        answer.paragraph_format.line_spacing = Pt(14)
        answer.paragraph_format.left_indent = Inches(0.3)
        # A rule under each line: 'between' draws it between lines of the same answer,
        # which Word and LibreOffice would otherwise join into one bordered block.
        border = OxmlElement("w:pBdr")
        for side in ("bottom", "between"):
            rule = OxmlElement(f"w:{side}")
            for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "808080")):
                rule.set(qn(f"w:{key}"), value)
            border.append(rule)
        p_pr = answer.element.get_or_add_pPr()
        p_pr.insert_element_before(border, "w:shd", "w:tabs", "w:suppressAutoHyphens",
                                   "w:spacing", "w:ind", "w:jc", "w:outlineLvl", "w:rPr")
        _orient(document.sections[0], landscape)

    def _footer(self, text: str) -> None:
        footer = self.document.sections[0].footer.paragraphs[0]
        footer.add_run(text + " ")
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        number = OxmlElement("w:t")
        number.text = "1"
        run.append(number)
        field.append(run)
        footer._p.append(field)


def add_runs(paragraph, text: str) -> None:
    """Add YAML text as runs: *em* in italics, **strong** in bold, links as text (url)."""
    for piece, kind in markdown_segments(text):
        run = paragraph.add_run(piece)
        if kind == "strong":
            run.bold = True
        elif kind == "em":
            run.italic = True


def _orient(section, landscape: bool) -> None:
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Inches(11), Inches(8.5)
        margin = LANDSCAPE_MARGIN
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        margin = MARGIN
    section.left_margin = section.right_margin = Inches(margin)
    section.top_margin = section.bottom_margin = Inches(margin)


def _set_font(style, name: str) -> None:
    """Set every script's font (python-docx's font.name leaves theme fonts in place)."""
    r_fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in list(r_fonts.attrib):
        del r_fonts.attrib[attr]
    for key in ("ascii", "hAnsi", "eastAsia", "cs"):
        r_fonts.set(qn(f"w:{key}"), name)

