"""Word templates from content_data/templates/<id>.yml: forms, the checklists on paper and
the meeting agendas.

A template is a title and a list of blocks; each block may hold a heading, paragraphs,
bullets, numbered steps, a table to fill in (with tick-box choices), numbered questions
with tick boxes or lines, ruled lines, and an insert that expands content from elsewhere:
``checklists`` (every area's checklist, from content_data/areas/) or ``agendas`` (one
agenda per meeting, from content_data/meeting_plan.yml). All words come from YAML.
"""
from __future__ import annotations

from ..loader import Content
from ..models import Block, Template, TemplateTable
from .docx_kit import BOX, Doc
from .xlsx_text import plain


def template(content: Content, template_id: str) -> Template:
    for found in content.templates:
        if found.id == template_id:
            return found
    raise KeyError(f"there is no template '{template_id}' in content_data/templates/")


def language(content: Content, found: Template) -> str:
    """The template's own ``language`` when it sets one, else the edition's."""
    if "language" in found.model_fields_set:
        return found.language
    return content.ui("downloads.language_tag")


def locator(found: Template):
    """Where an area's part is in this file, in words; None when it has no area parts."""
    if not any(block.insert == "checklists" for block in found.blocks):
        return None

    def locate(content: Content, area_id: str) -> str:
        return content.ui("downloads.templates.locate", area=plain(content.area(area_id).title))
    return locate


def build(content: Content, template_id: str) -> bytes:
    found = template(content, template_id)
    doc = Doc(title=plain(found.title), subject=plain(found.subject), keywords=found.keywords,
              category=content.ui("downloads.templates.category"),
              language=language(content, found), author=content.ui("downloads.author"),
              footer=plain(found.footer), landscape=found.landscape,
              comments=plain(found.summary))
    doc.heading(found.title, 0)
    if found.subtitle:
        doc.para(found.subtitle, "Subtitle")
    questions = doc.new_list()  # questions number on from block to block: 1, 2 ... 12
    for block in found.blocks:
        _block(doc, content, block, questions)
    return doc.save()


def _block(doc: Doc, content: Content, block: Block, questions: int) -> None:
    if block.landscape is not None:
        doc.new_section(block.landscape)
    if block.heading:
        doc.heading(block.heading, block.level,
                    new_page=block.new_page and block.landscape is None)
    for text in block.text:
        doc.para(text)
    doc.bullets(block.bullets)
    if block.steps:
        doc.numbered(block.steps)
    if block.insert == "checklists":
        _checklists(doc, content, block)
    elif block.insert == "agendas":
        _agendas(doc, content, block)
    elif block.table:
        _table(doc, block.table)
    for question in block.questions:
        paragraph = doc.para(question.text, "List Number", keep_with_next=True)
        doc.number(paragraph, questions)
        doc.choices(question.choices, indent=0.5, inline=question.inline)
        doc.answer(question.lines, indent=True)
    doc.answer(block.lines)
    for text in block.after:
        doc.para(text)


def _table(doc: Doc, table: TemplateTable, rows: list[list] | None = None,
           caption: str | None = None) -> None:
    headers = [c.label for c in table.columns]
    filled = [[r] if isinstance(r, str) else list(r) for r in (table.rows if rows is None else rows)]
    filled += [[] for _ in range(table.blank_rows if rows is None else 0)]
    if table.total_row and rows is None:
        filled.append([table.total_row])
    if table.choices:
        at = table.choices_column - 1
        boxes = [f"{BOX} {choice}" for choice in table.choices]
        for row in filled:
            row += [""] * (len(headers) - len(row))
            if not row[at]:
                row[at] = boxes
    doc.table(headers, filled, [c.width for c in table.columns],
              caption=plain(caption or table.caption), description=plain(table.description),
              min_height=table.row_height, font_size=table.font_size)


def _checklists(doc: Doc, content: Content, block: Block) -> None:
    """Every area's checklist, each under its own heading, one row per item."""
    level = block.level + 1 if block.heading else block.level
    for section in content.sections.sections:
        for area in content.areas_in(section.id):
            doc.heading(area.title, level)
            doc.para(f"{block.labels['page']} {plain(area.title)} "
                     f"({plain(section.title)}).", keep_with_next=True)
            rows = [[f"{n}. {plain(item.text)}"] for n, item in enumerate(area.checklist, 1)]
            _table(doc, block.table, rows, caption=f"{plain(area.title)}: {block.table.caption}")


def _agendas(doc: Doc, content: Content, block: Block) -> None:
    """The meeting dates and roles once, then one agenda per meeting, each on its own page.

    Every agenda opens with the block's details table, plus a row to name each role that
    one person holds (so the team writes who facilitates, records and keeps time).
    """
    words = block.labels
    plan = content.meeting_plan
    areas = {a.id: a for a in content.areas}
    level = block.level + 1 if block.heading else block.level
    titles = [f"{words['meeting']} {n}: {plain(m.title)}" for n, m in enumerate(plan.meetings, 1)]

    doc.heading(words["schedule"], level)
    doc.table([words["meeting"], words["date"], words["place"]], [[t] for t in titles],
              [3.0, 1.8, 2.2], caption=words["schedule"],
              description=content.ui("downloads.templates.schedule_description"),
              min_height=0.34)
    doc.heading(words["roles"], level)
    doc.table([words["role"], words["does"]], [[plain(r.role), plain(r.does)] for r in plan.roles],
              [1.6, 5.4], caption=words["roles"],
              description=content.ui("downloads.templates.roles_description"),
              min_height=0.3, font_size=10)

    details = list(block.table.rows) + [[plain(r.role)] for r in plan.roles if r.named]
    for meeting, title in zip(plan.meetings, titles):
        doc.heading(title, level, new_page=True)
        doc.para(meeting.do)
        _table(doc, block.table, details, caption=f"{title}: {block.table.caption}")

        doc.heading(words["read"], level + 1)
        reading = [content.page_title(page) for page in meeting.read]
        doc.bullets(reading + [f"{plain(areas[a].title)} ({words['rate']})" for a in meeting.areas])

        doc.heading(words["agenda"], level + 1)
        rows = [["", str(item.minutes), plain(item.item), plain(item.lead)]
                for item in meeting.agenda]
        rows.append(["", str(sum(item.minutes for item in meeting.agenda)), words["total"], ""])
        doc.table([words["start"], words["minutes"], words["item"], words["lead"]], rows,
                  [0.7, 0.9, 4.15, 1.25], caption=f"{title}: {words['agenda']}",
                  description=content.ui("downloads.templates.agenda_description",
                                         count=len(meeting.agenda)),
                  min_height=0.26, font_size=10)

        doc.heading(words["materials"], level + 1)
        doc.bullets([plain(m) for m in meeting.materials])
        doc.heading(words["notes"], level + 1)
        doc.answer(block.lines)
