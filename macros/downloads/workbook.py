"""The Reflection and Planning Companion Workbook: a Word document built with python-docx.

Order: title, how to use it, the team roster (one row per role in content_data/workbook.yml,
the same list Build your team shows), a page of norms, a page of missing voices, the WHO
needs WHAT to learn HOW? prompts (the same as the Reflection and Planning Workbook page),
then for every section a Heading 1 and for every area in it a Heading 2 with its summary
and reflection questions (Heading 3, ruled lines to answer on) on a portrait page,
followed by its action plan on a landscape page: the hop, skip and leap ideas and a table
whose columns and widths come from workbook.yml, including "What changed for students".
``locate()`` names the same headings ``build()`` writes.

Every word comes from YAML; docx_kit makes it accessible and byte-for-byte reproducible.
"""
from __future__ import annotations

from ..loader import Content
from .docx_kit import ANSWER_STYLE, LINE_PITCH, Doc  # noqa: F401  (tests read ANSWER_STYLE)
from .xlsx_text import plain

WORDS = "downloads.workbook"  # its interface strings, in content_data/interface/downloads.yml
# Inches of a landscape page (7.5 between the margins) left for the action-plan rows
# once the heading, the ideas and the header row are set, and the rows that fill it.
ACTION_ROWS = 4
ACTION_ROW_HEIGHT = 1.05
ROSTER_ROW_HEIGHT = 0.5
QUESTION_SPACE = 500  # points of a portrait page left for an area's questions and lines


def locate(content: Content, area_id: str) -> str:
    area = content.area(area_id)
    return content.ui(f"{WORDS}.locate", area=plain(area.title),
                      section=plain(content.section(area.section).title))


def build(content: Content) -> bytes:
    words = content.workbook.text
    ui = content.ui
    guide, title = ui("downloads.guide"), ui(f"{WORDS}.title")
    doc = Doc(title=title, language=ui("downloads.language_tag"), category=ui(f"{WORDS}.category"),
              subject=ui(f"{WORDS}.subject", guide=guide), keywords=ui(f"{WORDS}.keywords"),
              author=ui("downloads.author"),
              comments=ui("downloads.comments", author=ui("downloads.author")),
              footer=ui(f"{WORDS}.footer", guide=guide, title=title))
    doc.heading(title, 0)
    doc.para(words.subtitle, "Subtitle")
    _how_to(doc, content)
    _roster(doc, content)
    _norms(doc, content)
    _missing_voices(doc, content)
    _prompts(doc, content)
    for section in content.sections.sections:
        for index, area in enumerate(content.areas_in(section.id)):
            doc.new_section(landscape=False)
            if index == 0:
                doc.heading(section.title, 1)
                doc.para(f"{words.section_intro} {plain(section.divide)}.")
            _reflection(doc, content, area)
            doc.new_section(landscape=True)
            _action_plan(doc, content, area)
    return doc.save()


def _how_to(doc: Doc, content: Content) -> None:
    words = content.workbook.text
    doc.heading(words.how_to_heading, 1)
    doc.para(words.how_to_intro)
    doc.numbered(words.how_to_steps)
    doc.para(words.columns_intro, keep_with_next=True)
    for column in content.workbook.action_plan_columns:
        doc.labelled(plain(column.label), column.hint, "List Bullet")
    doc.para(words.how_to_end)


def _roster(doc: Doc, content: Content) -> None:
    workbook = content.workbook
    doc.heading(workbook.text.roster_heading, 1, new_page=True)
    doc.para(workbook.text.roster_intro)
    rows = [["", plain(role.role)] for role in workbook.team_roles
            for _ in range(role.roster_rows)] + [[] for _ in range(workbook.extra_roster_rows)]
    columns = workbook.roster_columns
    doc.table([plain(c.label) for c in columns], rows, [c.width for c in columns],
              caption=content.ui(f"{WORDS}.roster_caption"),
              description=content.ui(f"{WORDS}.roster_description", columns=content.ui(
                  "downloads.list_joiner").join(plain(c.label) for c in columns)),
              min_height=ROSTER_ROW_HEIGHT)


def _norms(doc: Doc, content: Content) -> None:
    workbook = content.workbook
    doc.heading(workbook.text.norms_heading, 1, new_page=True)
    doc.para(workbook.text.norms_intro)
    num_id = doc.new_list()
    for norm in workbook.starting_norms:
        paragraph = doc.paragraph("List Number")
        paragraph.add_run(plain(norm.title) + ". ").bold = True
        paragraph.add_run(plain(norm.text))
        doc.number(paragraph, num_id)
    doc.heading(workbook.text.norms_agreed, 2)
    columns = workbook.norms_columns
    doc.table([plain(c.label) for c in columns], [[] for _ in range(8)],
              [c.width for c in columns], caption=plain(workbook.text.norms_agreed),
              description=content.ui(f"{WORDS}.norms_description"), min_height=0.5)


def _missing_voices(doc: Doc, content: Content) -> None:
    workbook = content.workbook
    doc.heading(workbook.text.voices_heading, 1, new_page=True)
    doc.para(workbook.text.voices_intro)
    doc.numbered(workbook.missing_voices, answer_lines=2)
    doc.heading(workbook.text.voices_plan, 2)
    columns = workbook.voices_columns
    doc.table([plain(c.label) for c in columns], [[] for _ in range(3)],
              [c.width for c in columns], caption=plain(workbook.text.voices_plan),
              description=content.ui(f"{WORDS}.voices_description"), min_height=0.45)


def _prompts(doc: Doc, content: Content) -> None:
    workbook = content.workbook
    doc.heading(workbook.text.prompts_heading, 1, new_page=True)
    doc.para(workbook.text.prompts_intro)
    for group in workbook.prompts:
        doc.heading(group.word, 2)
        doc.numbered(group.questions, answer_lines=1)


def _reflection(doc: Doc, content: Content, area) -> None:
    doc.heading(area.title, 2)
    doc.para(area.summary)
    doc.heading(content.workbook.text.reflection_heading, 3)
    # Fill the portrait page: fewer questions get more lines each.
    lines = max(1, min(6, int((QUESTION_SPACE / len(area.reflection_questions) - 34) // LINE_PITCH)))
    doc.numbered([q.text for q in area.reflection_questions], answer_lines=lines)


def _action_plan(doc: Doc, content: Content, area) -> None:
    words = content.workbook.text
    doc.heading(f"{words.action_heading}: {plain(area.title)}", 3)
    doc.para(words.ideas_intro, keep_with_next=True)
    for move in ("hop", "skip", "leap"):
        doc.labelled(content.ui(f"{WORDS}.moves.{move}"), getattr(area.next_moves, move),
                     "List Bullet").paragraph_format.keep_with_next = True
    columns = content.workbook.action_plan_columns
    labels = [plain(c.label) for c in columns]
    doc.table(labels, [[] for _ in range(ACTION_ROWS)], [c.width for c in columns],
              caption=content.ui(f"{WORDS}.action_caption", area=plain(area.title)),
              description=content.ui(f"{WORDS}.action_description",
                                     columns=content.ui("downloads.list_joiner").join(labels)),
              min_height=ACTION_ROW_HEIGHT, font_size=10)
    doc.para(f"{words.status_intro} " + content.ui("downloads.list_joiner").join(
        plain(s) for s in content.workbook.status_choices) + ".")
