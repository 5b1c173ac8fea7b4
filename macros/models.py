"""The content model: what each YAML file under content_data/ may hold.

These typed models are the schema editors read (CONTRIBUTING.md explains them in
plain words, and `python -m macros.schema` prints them as JSON Schema). Each field's
``description`` is reused as the hint in validation errors, so write it for an editor.

Checks that need more than one file (ids unique across files, levels that match the
scale, sections that exist) live in ``macros.loader``.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

# An id is what links a YAML item to saved answers in a reader's browser and to rows
# in the downloads, so it must be stable and URL-safe.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^https://\S+$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- scale.yml ---------------------------------------------------------------------

class Level(Strict):
    id: Id = Field(description="a short lower-case id such as 'developing'")
    label: Text = Field(description="the name readers see, such as 'Developing'")
    description: Text = Field(description="one or two sentences on what this level means")


class Scale(Strict):
    levels: list[Level] = Field(min_length=2, description="the rating levels, lowest first")
    unsure_label: Text = Field(
        default="Not sure yet",
        description="the choice for a team that cannot rate an indicator yet")

    @property
    def level_ids(self) -> list[str]:
        return [level.id for level in self.levels]


# --- sections.yml --------------------------------------------------------------------

class Section(Strict):
    id: Id = Field(description="the id areas use in their 'section' field")
    title: Text = Field(description="the section's title as in the navigation")
    page: Text = Field(description="the section's landing page, relative to docs/")
    divide: Text = Field(description="the NETP divide this section answers to")


class Sections(Strict):
    sections: list[Section] = Field(min_length=1, description="the guide's sections, in order")


# --- areas/<id>.yml ------------------------------------------------------------------

class ChecklistItem(Strict):
    id: Id = Field(description="a stable id, unique in this area (saved check marks use it)")
    text: Text = Field(description="one thing a team can see is done or not done")


class Indicator(Strict):
    id: Id = Field(description="a stable id, unique across all areas (saved ratings use it)")
    text: Text = Field(description="what is being rated, as an observable statement")
    levels: dict[str, Text] = Field(
        description="a descriptor for each level of the scale in content_data/scale.yml")


class Question(Strict):
    id: Id = Field(description="a stable id, unique in this area")
    text: Text = Field(description="a question for the team to discuss")


class AtAGlance(Strict):
    about: Text = Field(description="what the area is about, in two short sentences")
    ask_first: list[Text] = Field(
        min_length=3, max_length=3, description="the three questions to ask first")
    quickest_move: Text = Field(description="the quickest useful move, one or two sentences")


class SmallDistrictMove(Strict):
    who: Text = Field(description="who can do the work, e.g. 'Your regional service agency'")
    move: Text = Field(description="one concrete move to make with them")


class SmallDistricts(Strict):
    intro: Text = Field(description="one or two sentences on this area in a district with a small staff")
    moves: list[SmallDistrictMove] = Field(
        min_length=3, description="who does the work when there is no specialist, and one move each")


class NextMoves(Strict):
    hop: Text = Field(description="a small move a team can make in a few weeks")
    skip: Text = Field(description="a medium move that takes about a term")
    leap: Text = Field(description="a large move that takes a year or more")


class Area(Strict):
    id: Id = Field(description="the area's id; must match the file name (vision.yml has id: vision)")
    title: Text = Field(description="the area's title as readers see it")
    section: Id = Field(description="the id of a section in content_data/sections.yml")
    order: int = Field(ge=1, description="the area's place within its section, 1 first")
    page: Text = Field(description="the area's page, relative to docs/, e.g. conditions/vision.md")
    summary: Text = Field(description="one sentence that says what the area is about")
    at_a_glance: AtAGlance = Field(description="the box that opens the area page")
    small_districts: SmallDistricts = Field(
        description="the 'In a small district' part: regional agencies, consortia, state offices")
    checklist: list[ChecklistItem] = Field(min_length=1, description="the area's checklist items")
    indicators: list[Indicator] = Field(min_length=1, description="the self-assessment indicators")
    reflection_questions: list[Question] = Field(
        min_length=1, description="questions for the team to reflect on")
    next_moves: NextMoves = Field(description="one hop, one skip and one leap")


# --- resources.yml -------------------------------------------------------------------

class Resource(Strict):
    id: Id = Field(description="a short id for the resource")
    title: Text = Field(description="the title as the publisher gives it")
    publisher: Text = Field(description="the organization that published it")
    year: int = Field(ge=1990, le=2100, description="the year of publication, e.g. 2024")
    url: Url = Field(description="the full https:// address of the resource")
    type: Literal["framework", "research"] = Field(
        default="framework",
        description="'research' for a study or official research report, else 'framework'")
    authors: Text | None = Field(default=None, description="a study's authors, as published")
    finding: Text | None = Field(
        default=None, description="for research: what the study found, in one sentence of our own")
    note: Text = Field(description="one or two sentences of our own on why it helps")
    areas: list[Id] = Field(default_factory=list, description="ids of the areas it supports")


class Resources(Strict):
    resources: list[Resource] = Field(min_length=1, description="the annotated resource list")


# --- facts.yml ------------------------------------------------------------------------

def _iso(value):
    # YAML reads 2026-12-02 as a date and 2024 as a number; keep every date as text so
    # 2024-01-15, 2024-01 and 2024 all work.
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


SourceDate = Annotated[str, BeforeValidator(_iso),
                       StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


class FactSource(Strict):
    title: Text = Field(description="the source's title as its publisher gives it")
    publisher: Text = Field(description="who published it, e.g. 'Federal Communications Commission'")
    short: Text | None = Field(
        default=None, description="a short name for inline citations, e.g. 'FCC'")
    date: SourceDate = Field(description="when it was published: YYYY-MM-DD, YYYY-MM or YYYY")
    url: Url = Field(description="a full https:// address that is live today")
    copy_of: Text | None = Field(
        default=None, description="when the url is a stable copy of a page that was taken down, "
                                  "what it is a copy of, e.g. 'tech.ed.gov (taken down in 2025)'")


class Fact(Strict):
    id: Id = Field(description="a stable id; pages cite it as {{ cite('ID') }}")
    topic: Id = Field(description="the id of a topic listed under 'topics' in this file")
    claim: Text = Field(description="the fact, in one plain sentence of our own")
    source: FactSource = Field(description="where the fact comes from")
    checked: date = Field(description="the day an editor last checked the fact against its source, YYYY-MM-DD")
    review_by: date = Field(description="when it must be checked again, YYYY-MM-DD")


class Topic(Strict):
    id: Id = Field(description="a short id facts use in their 'topic' field")
    title: Text = Field(description="the heading of this group on the Sources and dates page")


class Facts(Strict):
    topics: list[Topic] = Field(min_length=1, description="the groups of the Sources and dates page")
    facts: list[Fact] = Field(min_length=1, description="the register of dated facts")


# --- meeting_plan.yml ---------------------------------------------------------------------

class AgendaItem(Strict):
    minutes: int = Field(ge=1, le=90, description="how many minutes this item takes")
    item: Text = Field(description="what the team does, e.g. 'Agree on norms'")
    lead: Text = Field(description="who leads it: one of the plan's 'roles' (by name)")


class MeetingRole(Strict):
    role: Text = Field(description="the role's name, e.g. 'Facilitator'")
    does: Text = Field(description="what the person in this role does in a meeting")
    named: bool = Field(default=True, description="false when the whole team shares the role, "
                        "so an agenda has no line for one person's name")


class Meeting(Strict):
    id: Id = Field(description="a short id for the meeting")
    title: Text = Field(description="the meeting's name, e.g. 'Vision and policy'")
    read: list[Text] = Field(default_factory=list,
                             description="pages to read before it, relative to docs/")
    areas: list[Id] = Field(default_factory=list, description="ids of the areas the team rates in it")
    do: Text = Field(description="what the team does in the meeting")
    agenda: list[AgendaItem] = Field(
        min_length=2, description="the agenda in the facilitation kit: minutes, item, who leads")
    materials: list[Text] = Field(min_length=1, description="what to bring or print for it")


class MeetingPlan(Strict):
    length: Text = Field(description="how long a meeting takes, e.g. '60 to 90 minutes'")
    max_minutes: int = Field(ge=15, le=240, description="the longest a meeting's agenda may run")
    spacing: Text = Field(description="how often the team meets, e.g. 'every two to four weeks'")
    roles: list[MeetingRole] = Field(
        min_length=1, description="the roles people take in every meeting; agenda leads name one")
    meetings: list[Meeting] = Field(min_length=1, description="the meetings, in order")


# --- workbook.yml --------------------------------------------------------------------

class Column(Strict):
    id: Id = Field(description="a short id for the column")
    label: Text = Field(description="the column heading")
    hint: Text = Field(description="what the team writes in this column")
    width: float = Field(ge=0.5, le=6, description="the column's width in inches on a "
                         "landscape page; at least 0.9 so it can be written in by hand")


class TeamRole(Strict):
    id: Id = Field(description="a short id for the role")
    role: Text = Field(description="the role's name, e.g. 'Teacher'")
    does: Text = Field(description="what this person does on the team")
    fits: Text = Field(description="who often fits the role")
    roster_rows: int = Field(default=1, ge=1, le=6,
                             description="how many rows the workbook's roster gives this role")


class Norm(Strict):
    title: Text = Field(description="the norm in a few words, e.g. 'Start from evidence'")
    text: Text = Field(description="what it means in practice, in one or two sentences")


class PromptGroup(Strict):
    word: Text = Field(description="WHO, WHAT or HOW")
    questions: list[Text] = Field(min_length=1, description="the prompts under this word")


class TemplateColumn(Strict):
    label: Text = Field(description="the column heading")
    width: float = Field(gt=0.2, le=10, description="the column's width in inches")


class WorkbookText(Strict):
    """The workbook's own words, part by part (the areas' words come from their files)."""
    subtitle: Text = Field(description="the line under the title")
    how_to_heading: Text = Field(description="the heading of the first part")
    how_to_intro: Text = Field(description="the first paragraph of 'How to use this workbook'")
    how_to_steps: list[Text] = Field(min_length=1, description="the numbered steps")
    columns_intro: Text = Field(description="the line before the list of action-plan columns")
    how_to_end: Text = Field(description="the last paragraph: where it opens, privacy")
    roster_heading: Text = Field(description="the roster page's heading")
    roster_intro: Text = Field(description="one or two sentences above the roster")
    norms_heading: Text = Field(description="the norms page's heading")
    norms_intro: Text = Field(description="the words before the starting set of norms")
    norms_agreed: Text = Field(description="the heading above the table of agreed norms")
    voices_heading: Text = Field(description="the missing voices page's heading")
    voices_intro: Text = Field(description="the words before the missing voices questions")
    voices_plan: Text = Field(description="the heading above the table of how to reach them")
    prompts_heading: Text = Field(description="the prompts page's heading")
    prompts_intro: Text = Field(description="the words before the prompts")
    section_intro: Text = Field(description="before each part's divide, e.g. 'The areas in this "
                                "part address'")
    reflection_heading: Text = Field(description="the heading over each area's questions")
    action_heading: Text = Field(description="the heading over each area's action plan")
    ideas_intro: Text = Field(description="the words before the hop, skip and leap")
    status_intro: Text = Field(description="the words before the status choices")


class Workbook(Strict):
    text: WorkbookText = Field(description="the workbook's own words")
    roster_columns: list[TemplateColumn] = Field(
        min_length=2, description="the roster's columns (the role goes in the second)")
    norms_columns: list[TemplateColumn] = Field(min_length=1, description="the agreed-norms table")
    voices_columns: list[TemplateColumn] = Field(
        min_length=1, description="the table for how the team will hear the missing voices")
    team_roles: list[TeamRole] = Field(
        min_length=1, description="the core roles: the table on Build your team and the roster rows")
    extra_roster_rows: int = Field(default=2, ge=0, le=10,
                                   description="empty roster rows for anyone else who joins")
    starting_norms: list[Norm] = Field(min_length=1, description="a starting set of team norms")
    missing_voices: list[Text] = Field(
        min_length=1, description="questions that help a team see whose voices are missing")
    prompts: list[PromptGroup] = Field(
        min_length=1, description="the WHO, WHAT and HOW prompts, in order")
    action_plan_columns: list[Column] = Field(
        min_length=2, description="the columns of each area's action-plan table")
    status_choices: list[Text] = Field(min_length=2, description="words a team may use for status")


# --- templates/<id>.yml ------------------------------------------------------------------

class TemplateTable(Strict):
    caption: Text = Field(description="the table's name, read out by screen readers")
    description: Text = Field(description="one sentence on what the table is for")
    columns: list[TemplateColumn] = Field(min_length=1, description="the columns, left to right")
    rows: list[Text | list[Text]] = Field(
        default_factory=list, description="rows with text already in them: a text for the "
        "first cell only, or a list of cells from the left; cells not given are left empty")
    blank_rows: int = Field(default=0, ge=0, le=60, description="empty rows after those")
    total_row: Text | None = Field(default=None, description="a last row with this text in "
                                   "its first cell, e.g. 'District total'")
    row_height: float = Field(default=0.35, ge=0.2, le=3,
                              description="the least height of a row, in inches")
    font_size: float = Field(default=11, ge=8, le=14, description="the text size in points")
    choices: list[Text] = Field(
        default_factory=list, description="check-box choices, printed in "
        "the column that 'choices_column' names, in every row")
    choices_column: int = Field(default=0, ge=0,
                                description="the column (1 = first) that holds the check boxes")


class SurveyQuestion(Strict):
    text: Text = Field(description="the question as the reader sees it")
    choices: list[Text] = Field(default_factory=list, description="check-box answers")
    inline: bool = Field(default=False, description="true to print short choices on one line "
                         "(they wrap on a narrow screen)")
    lines: int = Field(default=0, ge=0, le=10, description="ruled lines to write an answer on")


Insert = Literal["checklists", "agendas"]


class Block(Strict):
    heading: Text | None = Field(default=None, description="the block's heading")
    level: int = Field(default=1, ge=1, le=3, description="1 for a main heading, 2 or 3 below it")
    new_page: bool = Field(default=False, description="true to start the block on a new page")
    landscape: bool | None = Field(
        default=None, description="true or false starts a new page turned that way")
    text: list[Text] = Field(default_factory=list, description="paragraphs of text")
    bullets: list[Text] = Field(default_factory=list, description="a bulleted list")
    steps: list[Text] = Field(default_factory=list, description="a numbered list")
    table: TemplateTable | None = Field(default=None, description="a table to fill in")
    questions: list[SurveyQuestion] = Field(
        default_factory=list, description="numbered questions with check boxes or lines")
    lines: int = Field(default=0, ge=0, le=30, description="ruled lines to write on")
    after: list[Text] = Field(default_factory=list, description="paragraphs after the rest")
    insert: Insert | None = Field(
        default=None, description="'checklists' (every area's checklist) or 'agendas' (one "
        "agenda per meeting of content_data/meeting_plan.yml)")
    labels: dict[str, Text] = Field(
        default_factory=dict, description="the words an 'insert' uses for its headings and columns")


class Template(Strict):
    id: Id = Field(description="the template's id; must match the file name")
    filename: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*\.docx$")] = Field(
        description="the download's file name, e.g. digital-equity-pilot-plan.docx")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = Field(
        default="en-US", description="the document's language, e.g. en-US or es-US")
    title: Text = Field(description="the document's title, in its own language")
    listed_as: Text | None = Field(
        default=None, description="its name on the guide's pages, when the title is in another language")
    subtitle: Text | None = Field(default=None, description="one line under the title")
    summary: Text = Field(max_length=255, description="one sentence for the Downloads page: what is inside (at most 255 characters: it is also the file's comments property)")
    subject: Text = Field(description="the document's subject property")
    keywords: Text = Field(description="a few keywords, separated by commas")
    footer: Text = Field(description="the footer text; the page number follows it")
    asked_on: list[Text] = Field(
        min_length=1, description="the pages that ask a team to use it, relative to docs/")
    landscape: bool = Field(default=False, description="true to print the first page landscape")
    max_pages: int | None = Field(default=None, ge=1, le=60,
                                  description="the most pages it may take in print (tests check)")
    blocks: list[Block] = Field(min_length=1, description="what the document holds, in order")

    @property
    def name(self) -> str:
        return self.listed_as or self.title


# Which model reads which file: the loader walks this table.
# Defined in its own module (it needs Id, Strict and Text from above).
from .assessment_settings import AssessmentSettings  # noqa: E402

FILE_MODELS: dict[str, type[Strict]] = {
    "scale.yml": Scale,
    "sections.yml": Sections,
    "resources.yml": Resources,
    "workbook.yml": Workbook,
    "facts.yml": Facts,
    "meeting_plan.yml": MeetingPlan,
    "assessment.yml": AssessmentSettings,
}
AREA_MODEL = Area
TEMPLATE_MODEL = Template
Kind = Literal["scale", "sections", "resources", "workbook", "facts", "meeting_plan", "assessment",
               "area", "template"]
