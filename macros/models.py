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

class Meeting(Strict):
    id: Id = Field(description="a short id for the meeting")
    title: Text = Field(description="the meeting's name, e.g. 'Vision and policy'")
    read: list[Text] = Field(default_factory=list,
                             description="pages to read before it, relative to docs/")
    areas: list[Id] = Field(default_factory=list, description="ids of the areas the team rates in it")
    do: Text = Field(description="what the team does in the meeting")


class MeetingPlan(Strict):
    length: Text = Field(description="how long a meeting takes, e.g. '60 to 90 minutes'")
    spacing: Text = Field(description="how often the team meets, e.g. 'every two to four weeks'")
    meetings: list[Meeting] = Field(min_length=1, description="the meetings, in order")


# --- assessment.yml -------------------------------------------------------------------

class Group(Strict):
    id: Id = Field(description="a stable id such as 'teachers' (exported files use it)")
    label: Text = Field(max_length=40, description="the name readers see, such as 'Teachers'")


class AssessmentSettings(Strict):
    groups: list[Group] = Field(
        min_length=1, description="the groups that may rate, e.g. leadership team, teachers, families")
    lead_group: Id = Field(
        description="the id of the group whose agreed ratings stand for the school, "
                    "e.g. leadership-team")

    def group_label(self, group_id: str) -> str:
        return next((g.label for g in self.groups if g.id == group_id), "")


# --- workbook.yml --------------------------------------------------------------------

class Column(Strict):
    id: Id = Field(description="a short id for the column")
    label: Text = Field(description="the column heading")
    hint: Text = Field(description="what the team writes in this column")


class Workbook(Strict):
    team_roles: list[Text] = Field(min_length=1, description="rows of the team roster table")
    action_plan_columns: list[Column] = Field(
        min_length=2, description="the columns of each area's action-plan table")
    status_choices: list[Text] = Field(min_length=2, description="words a team may use for status")


# Which model reads which file: the loader walks this table.
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
Kind = Literal["scale", "sections", "resources", "workbook", "facts", "meeting_plan", "assessment",
               "area"]
