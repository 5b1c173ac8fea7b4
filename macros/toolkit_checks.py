"""Loading and checks for the print-and-fill toolkit: content_data/templates/*.yml, the
workbook's columns and roles, and the meeting plan's agendas.

Called by ``macros.loader.load_content``; every problem is a ``Problem`` with file:line,
like every other content error.
"""
from __future__ import annotations

from pathlib import Path

from .errors import Problem, field_path
from .loader import _check_page, _duplicates, _load_file, _rel
from .models import TEMPLATE_MODEL, MeetingPlan, Template, Workbook
from .yaml_lines import Located

TEMPLATE_DIR = "templates"
PORTRAIT_WIDTH, LANDSCAPE_WIDTH = 7.0, 10.0  # inches between the margins (docx_kit)
MIN_WRITING_WIDTH = 0.9  # inches: the narrowest column a hand can write in
# The words each insert needs from its block's 'labels', with what each one names.
INSERT_LABELS = {
    "checklists": {"page": "the words before each area's name, e.g. 'From the guide's page'"},
    "agendas": {"meeting": "the word before each meeting's number, e.g. 'Meeting'",
                "schedule": "the heading of the table of meeting dates", "date": "its date column",
                "place": "its place column", "roles": "the heading of the roles table",
                "role": "the role column", "does": "the column for what the role does",
                "read": "the heading of the reading list",
                "rate": "the words after an area the team rates, e.g. 'rate it'",
                "agenda": "the heading of the agenda table", "start": "the start-time column",
                "minutes": "the minutes column", "item": "the agenda item column",
                "lead": "the column for who leads", "total": "the words in the total row",
                "materials": "the heading of the materials list",
                "notes": "the heading of the lines for notes and decisions"},
}
# A table is the insert's pattern: the checklist table (items fill its first column) or
# the details table at the top of every agenda.


def load_templates(root: Path, problems: list[Problem],
                   data_dir: Path | None = None) -> list[tuple[Template, Located, str]]:
    folder = Path(data_dir or Path(root) / "content_data") / TEMPLATE_DIR
    loaded = []
    for path in sorted(folder.glob("*.y*ml")):
        result = _load_file(path, TEMPLATE_MODEL, root, problems)
        if result:
            loaded.append((result[0], result[1], _rel(path, root)))
    return loaded


def check_templates(templates, docs_dir: Path | None, problems: list[Problem], ui=None) -> None:
    from .downloads import DOWNLOADS, tool_filenames  # the two tools: their names are taken

    ids = {name: "macros/downloads (a companion tool)" for name in DOWNLOADS}
    files = {f: "macros/downloads (a companion tool)" for f in tool_filenames(ui)}
    for template, located, rel in templates:
        line = located.line_of(("id",))
        stem = Path(rel).stem
        if template.id != stem:
            problems.append(Problem(rel, line, "id", f"the id '{template.id}' does not match the "
                            f"file name; rename the file to {template.id}.yml or set id: {stem}"))
        for seen, value, what, path in ((ids, template.id, "template id", ("id",)),
                                        (files, template.filename, "file name", ("filename",))):
            if value in seen:
                problems.append(Problem(rel, located.line_of(path), field_path(path),
                                f"the {what} '{value}' is already used by {seen[value]}; "
                                "make it unique"))
            seen.setdefault(value, rel)
        if docs_dir:
            for i, page in enumerate(template.asked_on):
                _check_page(page, ("asked_on", i), located, rel, docs_dir, problems)
        _check_blocks(template, located, rel, problems)


def _check_blocks(template: Template, located: Located, rel: str, problems) -> None:
    landscape = template.landscape
    for i, block in enumerate(template.blocks):
        here = ("blocks", i)
        if block.landscape is not None:
            landscape = block.landscape
        if not any((block.heading, block.text, block.bullets, block.steps, block.table,
                    block.questions, block.lines, block.after, block.insert)):
            problems.append(Problem(rel, located.line_of(here), field_path(here), "this block "
                            "is empty: give it a heading, text, bullets, steps, a table, "
                            "questions, lines or an insert"))
        if block.insert and not block.table:
            problems.append(Problem(rel, located.line_of(here + ("insert",)),
                            field_path(here), f"the '{block.insert}' insert needs a 'table' "
                            "in the same block to use as its pattern"))
        if block.insert:
            wanted = INSERT_LABELS[block.insert]
            for key, what in wanted.items():
                if key not in block.labels:
                    problems.append(Problem(rel, located.line_of(here + ("labels",)),
                                    field_path(here + ("labels",)),
                                    f"missing '{key}' ({what}); the '{block.insert}' insert needs it"))
            for key in block.labels:
                if key not in wanted:
                    problems.append(Problem(rel, located.line_of(here + ("labels", key)),
                                    field_path(here + ("labels",)), f"unknown label '{key}' "
                                    f"(the '{block.insert}' insert uses: {', '.join(wanted)})"))
        elif block.labels:
            problems.append(Problem(rel, located.line_of(here + ("labels",)),
                            field_path(here + ("labels",)), "labels are only used with an insert"))
        if block.table:
            _check_table(block.table, here + ("table",), landscape, located, rel, problems)


def _check_table(table, path, landscape: bool, located: Located, rel: str, problems) -> None:
    limit = LANDSCAPE_WIDTH if landscape else PORTRAIT_WIDTH
    total = sum(c.width for c in table.columns)
    if total > limit + 0.01:
        problems.append(Problem(rel, located.line_of(path + ("columns",)),
                        field_path(path + ("columns",)), f"the columns add up to {total:.2f} "
                        f"inches, but a {'landscape' if landscape else 'portrait'} page has "
                        f"{limit} inches between its margins; make some narrower"))
    for r, row in enumerate(table.rows):
        if not isinstance(row, str) and len(row) > len(table.columns):
            problems.append(Problem(rel, located.line_of(path + ("rows", r)),
                            field_path(path + ("rows", r)), f"this row has {len(row)} cells "
                            f"but the table has {len(table.columns)} columns (in [a, b] a comma "
                            "starts a new cell: put a cell with a comma in double quotes)"))
    if table.choices and not 1 <= table.choices_column <= len(table.columns):
        problems.append(Problem(rel, located.line_of(path + ("choices_column",)),
                        field_path(path + ("choices_column",)), "say which column holds the "
                        f"tick boxes: a number from 1 to {len(table.columns)}"))


def check_workbook(workbook: Workbook, located: Located, problems: list[Problem]) -> None:
    rel = "content_data/workbook.yml"
    columns = workbook.action_plan_columns
    for i, column in enumerate(columns):
        if column.width < MIN_WRITING_WIDTH:
            path = ("action_plan_columns", i, "width")
            problems.append(Problem(rel, located.line_of(path), field_path(path),
                            f"{column.width} inches is too narrow to write in by hand; "
                            f"make it at least {MIN_WRITING_WIDTH}"))
    total = sum(c.width for c in columns)
    if total > LANDSCAPE_WIDTH + 0.01:
        problems.append(Problem(rel, located.line_of(("action_plan_columns",)),
                        "action_plan_columns", f"the columns add up to {total:.2f} inches; a "
                        f"landscape page has {LANDSCAPE_WIDTH} between its margins"))
    _duplicates([(c.id, ("action_plan_columns", i, "id")) for i, c in enumerate(columns)],
                located, rel, "column id", problems)
    _duplicates([(r.id, ("team_roles", i, "id")) for i, r in enumerate(workbook.team_roles)],
                located, rel, "role id", problems)


def check_meeting_plan(plan: MeetingPlan, located: Located, area_ids: list[str],
                       docs_dir: Path | None, problems: list[Problem]) -> None:
    """No area is rated in two meetings, every page to read exists, every agenda item is led
    by a named role, and no agenda runs past max_minutes. (An area that no meeting rates
    yet is a warning from ``./run check``, so a new area can land first.)"""
    rel = "content_data/meeting_plan.yml"
    _duplicates([(m.id, ("meetings", i, "id")) for i, m in enumerate(plan.meetings)],
                located, rel, "meeting id", problems)
    _duplicates([(r.role, ("roles", i, "role")) for i, r in enumerate(plan.roles)],
                located, rel, "role", problems)
    roles = [r.role for r in plan.roles]
    rated: dict[str, int] = {}
    for i, meeting in enumerate(plan.meetings):
        for j, area_id in enumerate(meeting.areas):
            path = ("meetings", i, "areas", j)
            if area_ids and area_id not in area_ids:
                problems.append(Problem(rel, located.line_of(path), field_path(path),
                                f"'{area_id}' is not an area id (known: "
                                f"{', '.join(dict.fromkeys(area_ids))})"))
            elif area_id in rated:
                problems.append(Problem(rel, located.line_of(path), field_path(path),
                                f"'{area_id}' is already rated in meeting {rated[area_id] + 1}; "
                                "rate each area in one meeting"))
            rated.setdefault(area_id, i)
        if docs_dir:
            for j, page in enumerate(meeting.read):
                _check_page(page, ("meetings", i, "read", j), located, rel, docs_dir, problems)
        for j, item in enumerate(meeting.agenda):
            if item.lead not in roles:
                path = ("meetings", i, "agenda", j, "lead")
                problems.append(Problem(rel, located.line_of(path), field_path(path),
                                f"'{item.lead}' is not one of the plan's roles "
                                f"({', '.join(roles)}); use one of them or add it under 'roles'"))
        total = sum(item.minutes for item in meeting.agenda)
        if total > plan.max_minutes:
            path = ("meetings", i, "agenda")
            problems.append(Problem(rel, located.line_of(path), field_path(path),
                            f"the agenda adds up to {total} minutes, more than max_minutes "
                            f"({plan.max_minutes}); shorten or drop an item"))


def page_titles(docs_dir: Path | None, plan: MeetingPlan | None) -> dict[str, str]:
    """Titles of the pages the meeting plan asks a team to read, for the agendas."""
    from .macro_calls import page_title

    if not docs_dir or not plan:
        return {}
    pages = {page for meeting in plan.meetings for page in meeting.read}
    return {page: page_title(Path(docs_dir) / page) for page in sorted(pages)
            if (Path(docs_dir) / page).is_file()}
