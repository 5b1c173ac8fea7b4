"""The content model: what each YAML file under content_data/ may hold.

These typed models are the schema editors read (CONTRIBUTING.md explains them in
plain words, and `python -m macros.schema` prints them as JSON Schema). Each field's
``description`` is reused as the hint in validation errors, so write it for an editor.

Checks that need more than one file (ids unique across files, levels that match the
scale, sections that exist) live in ``macros.loader``.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# An id is what links a YAML item to saved answers in a reader's browser and to rows
# in the downloads, so it must be stable and URL-safe.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


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
    id: Id = Field(description="a stable id, unique in this area (saved ticks use it)")
    text: Text = Field(description="one thing a team can see is done or not done")


class Indicator(Strict):
    id: Id = Field(description="a stable id, unique across all areas (saved ratings use it)")
    text: Text = Field(description="what is being rated, as an observable statement")
    levels: dict[str, Text] = Field(
        description="a descriptor for each level of the scale in content_data/scale.yml")


class Question(Strict):
    id: Id = Field(description="a stable id, unique in this area")
    text: Text = Field(description="a question for the team to discuss")


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
    checklist: list[ChecklistItem] = Field(min_length=1, description="the area's checklist items")
    indicators: list[Indicator] = Field(min_length=1, description="the self-assessment indicators")
    reflection_questions: list[Question] = Field(
        min_length=1, description="questions for the team to reflect on")
    next_moves: NextMoves = Field(description="one hop, one skip and one leap")


# --- resources.yml -------------------------------------------------------------------

class Resource(Strict):
    id: Id = Field(description="a short id for the resource")
    title: Text = Field(description="the title as the publisher gives it")
    publisher: Text = Field(description="the organisation that published it")
    year: int = Field(ge=1990, le=2100, description="the year of publication, e.g. 2024")
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] = Field(
        description="the full https:// address of the resource")
    note: Text = Field(description="one or two sentences of our own on why it helps")
    areas: list[Id] = Field(default_factory=list, description="ids of the areas it supports")


class Resources(Strict):
    resources: list[Resource] = Field(min_length=1, description="the annotated resource list")


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
}
AREA_MODEL = Area
Kind = Literal["scale", "sections", "resources", "workbook", "area"]
