"""Load and validate everything under content_data/ into typed objects, once per build.

Every problem found is collected (not only the first) and raised together as a
ContentError whose lines read ``file:line: field.path: message``.
"""
from __future__ import annotations

import typing
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .errors import ContentError, Problem, field_path
from .models import (AREA_MODEL, FILE_MODELS, Area, Fact, Facts, MeetingPlan, Resources, Scale,
                     Sections, Template, Workbook)
from .assessment_settings import AssessmentSettings, check_assessment
from .interface import Interface, load_interface
from .text_rules import check_text as _check_text
from .translations import HASH_KEY
from .yaml_lines import Located, YamlProblem, load


@dataclass(frozen=True)
class Content:
    scale: Scale
    sections: Sections
    areas: tuple[Area, ...]  # in guide order: by section, then by order
    resources: Resources
    workbook: Workbook
    facts: Facts
    meeting_plan: MeetingPlan
    assessment: AssessmentSettings
    templates: tuple[Template, ...] = ()  # content_data/templates/*.yml, by file name
    page_titles: dict[str, str] = field(default_factory=dict)  # pages the meeting plan names
    ui: Interface = field(default_factory=lambda: Interface({}))  # content_data/interface/
    lang: str = "en"  # the edition: "en", or a language of translations.LANGUAGES

    def area(self, area_id: str) -> Area:
        for area in self.areas:
            if area.id == area_id:
                return area
        known = ", ".join(a.id for a in self.areas)
        raise KeyError(f"there is no area with id '{area_id}' (known areas: {known})")

    def areas_in(self, section_id: str) -> list[Area]:
        return [a for a in self.areas if a.section == section_id]

    def section(self, section_id: str):
        return next(s for s in self.sections.sections if s.id == section_id)

    def resources_for(self, area_id: str):
        return [r for r in self.resources.resources if area_id in r.areas]

    def fact(self, fact_id: str) -> Fact:
        for fact in self.facts.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(f"there is no fact with id '{fact_id}' in content_data/facts.yml")

    def page_title(self, page: str) -> str:
        """A page's title (relative to docs/), or its name when docs/ was not read."""
        return self.page_titles.get(page) or Path(page).stem.replace("-", " ").capitalize()


def load_content(root: Path, docs_dir: Path | None = None, lang: str = "en") -> Content:
    """Read ``root/content_data`` (``content_data/<lang>`` for another edition, checked
    against the English); raise ContentError listing every problem found."""
    from . import toolkit_checks as toolkit
    from .translations import check_parity

    data_dir = Path(root) / "content_data" / ("" if lang == "en" else lang)
    problems: list[Problem] = []
    if lang != "en":
        check_parity(root, lang, problems)
    loaded: dict[str, tuple[BaseModel, Located]] = {}

    for name, model in FILE_MODELS.items():
        result = _load_file(data_dir / name, model, root, problems)
        if result:
            loaded[name] = result
    area_files = sorted((data_dir / "areas").glob("*.y*ml"))
    areas: list[tuple[Area, Located, str]] = []
    for path in area_files:
        result = _load_file(path, AREA_MODEL, root, problems)
        if result:
            areas.append((result[0], result[1], _rel(path, root)))
    if not area_files:
        problems.append(Problem("content_data/areas", 1, "", "no area files found: "
                                "add one YAML file per area, e.g. content_data/areas/vision.yml"))

    # Area ids known from file names too, so one broken area file does not also make
    # every resource that names it report an unknown id.
    area_ids = [a.id for a, _, _ in areas] + [p.stem for p in area_files]
    _check_cross_file(loaded, areas, area_ids, problems, docs_dir)
    ui = load_interface(data_dir, root, problems)
    templates = toolkit.load_templates(root, problems, data_dir)
    toolkit.check_templates(templates, docs_dir, problems, ui)
    if loaded.get("workbook.yml"):
        toolkit.check_workbook(*loaded["workbook.yml"], problems)
    if loaded.get("meeting_plan.yml"):
        toolkit.check_meeting_plan(*loaded["meeting_plan.yml"], area_ids, docs_dir, problems)
    if problems:
        raise ContentError(problems)

    sections = loaded["sections.yml"][0]
    section_rank = {s.id: i for i, s in enumerate(sections.sections)}
    ordered = sorted((a for a, _, _ in areas), key=lambda a: (section_rank[a.section], a.order))
    return Content(scale=loaded["scale.yml"][0], sections=sections, areas=tuple(ordered),
                   resources=loaded["resources.yml"][0], workbook=loaded["workbook.yml"][0],
                   facts=loaded["facts.yml"][0], meeting_plan=loaded["meeting_plan.yml"][0],
                   assessment=loaded["assessment.yml"][0],
                   templates=tuple(t for t, _, _ in templates),
                   page_titles=toolkit.page_titles(docs_dir or next(
                       (d for d in [Path(root) / "docs"] if d.is_dir()), None),
                       loaded["meeting_plan.yml"][0]),
                   ui=ui, lang=lang)


def _rel(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return str(path)


def _load_file(path: Path, model: type[BaseModel], root: Path, problems: list[Problem]):
    rel = _rel(path, root)
    if not path.exists():
        problems.append(Problem(rel, 1, "", "this file is missing; it is required"))
        return None
    try:
        located, soft = load(path.read_text(encoding="utf-8"))
    except YamlProblem as err:
        problems.append(Problem(rel, err.line, "", err.message))
        return None
    except UnicodeDecodeError:
        problems.append(Problem(rel, 1, "", "this file is not UTF-8 text; save it as UTF-8"))
        return None
    problems += [Problem(rel, p.line, "", p.message) for p in soft]
    if isinstance(located.data, dict):
        located.data.pop(HASH_KEY, None)  # a translation's record of its English source
    _check_text(located.data, (), located, rel, problems)
    if not isinstance(located.data, dict):
        problems.append(Problem(rel, 1, "", f"expected a mapping of fields (such as "
                                f"'{next(iter(model.model_fields))}: ...'), found "
                                f"{_describe(located.data)}"))
        return None
    try:
        return model.model_validate(located.data), located
    except ValidationError as err:
        for e in err.errors():
            problems.append(_translate(e, model, located, rel))
        return None


# --- turning pydantic's errors into an editor's words ---------------------------------

def _translate(error: dict, model: type[BaseModel], located: Located, rel: str) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    name = loc[-1] if loc else ""
    parent = loc[:-1]
    hint = _description(model, loc)
    if kind == "missing":
        return Problem(rel, located.line_of(parent), field_path(parent),
                       f"missing '{name}'" + (f" ({name}: {hint})" if hint else ""))
    if kind == "extra_forbidden":
        allowed = ", ".join(_fields_at(model, parent))
        return Problem(rel, located.line_of(loc), field_path(parent),
                       f"unknown field '{name}' (allowed here: {allowed}); check the spelling")
    line, where = located.line_of(loc), field_path(loc)
    value = error.get("input")
    if kind == "too_short":
        if isinstance(value, str):
            return Problem(rel, line, where, "must not be empty")
        need = error.get("ctx", {}).get("min_length", 1)
        return Problem(rel, line, where, f"must not be empty: add at least {need} "
                       f"item{'s' if need != 1 else ''}" + (f" ({hint})" if hint else ""))
    if kind == "string_pattern_mismatch":
        pattern = str(error.get("ctx", {}).get("pattern", ""))
        if "https" in pattern:
            return Problem(rel, line, where, f"'{value}' is not a full https:// address")
        if "\\d{4}" in pattern:
            return Problem(rel, line, where, f"'{value}' is not a date: write YYYY-MM-DD, "
                           "YYYY-MM or YYYY, e.g. 2025-09-30")
        return Problem(rel, line, where, f"'{value}' is not a valid id: use lower-case letters, "
                       "digits and single hyphens, like 'device-loans'")
    if kind.startswith("date_"):
        return Problem(rel, line, where, f"'{value}' is not a date: write it as YYYY-MM-DD, "
                       "e.g. 2026-12-02")
    expected = {"string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
                "list_type": "a list (lines starting with '- ')", "dict_type": "a mapping of fields",
                "model_type": "a mapping of fields", "model_attributes_type": "a mapping of fields"}
    if kind in expected:
        return Problem(rel, line, where, f"expected {expected[kind]}, found {_describe(value)}"
                       + (f" ({hint})" if hint else ""))
    return Problem(rel, line, where, error["msg"] + (f" ({hint})" if hint else ""))


def _describe(value) -> str:
    if value is None or isinstance(value, (bool, dict, list)):
        return {type(None): "nothing", bool: f"true/false ({value})", dict: "a mapping of fields",
                list: "a list"}[type(value)]
    return f"the number {value}" if isinstance(value, (int, float)) else f"the text '{value}'"


def _model_at(model, loc: tuple):
    """Follow ``loc`` through the model's annotations; return (model, field) at its end."""
    current, info = model, None
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None, None
        info = current.model_fields.get(part)
        if info is None:
            return None, None
        current = _inner(info.annotation)
    return current, info


def _inner(annotation):
    """list[X] -> X, dict[str, X] -> X, Annotated[X, ...] -> X, otherwise itself."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, tuple):
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            annotation = typing.get_args(annotation)[1]
        elif origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def _description(model, loc: tuple) -> str:
    _, info = _model_at(model, loc)
    return (info.description or "") if info else ""


def _fields_at(model, parent: tuple) -> list[str]:
    target = model if not [p for p in parent if not isinstance(p, int)] else _model_at(model, parent)[0]
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


# --- checks across files --------------------------------------------------------------

def _check_cross_file(loaded, areas, area_ids: list[str], problems: list[Problem],
                      docs_dir: Path | None) -> None:
    scale = loaded.get("scale.yml")
    sections = loaded.get("sections.yml")
    level_ids = scale[0].level_ids if scale else None
    section_ids = [s.id for s in sections[0].sections] if sections else None
    if scale:
        _duplicates([(lv.id, ("levels", i, "id")) for i, lv in enumerate(scale[0].levels)],
                    scale[1], "content_data/scale.yml", "level id", problems)
    if sections:
        _check_sections(*sections, docs_dir, problems)
    _check_areas(areas, section_ids, level_ids, docs_dir, problems)
    if loaded.get("facts.yml"):
        _check_facts(*loaded["facts.yml"], problems)
    if loaded.get("assessment.yml"):
        check_assessment(*loaded["assessment.yml"], problems)
    if loaded.get("resources.yml"):
        _check_resources(*loaded["resources.yml"], area_ids, problems)


def _check_sections(sections, located, docs_dir, problems) -> None:
    rel = "content_data/sections.yml"
    _duplicates([(s.id, ("sections", i, "id")) for i, s in enumerate(sections.sections)],
                located, rel, "section id", problems)
    if docs_dir:
        for i, s in enumerate(sections.sections):
            _check_page(s.page, ("sections", i, "page"), located, rel, docs_dir, problems)


def _check_areas(areas, section_ids, level_ids, docs_dir, problems) -> None:
    first_seen: dict[str, str] = {}
    indicator_seen: dict[str, str] = {}
    order_seen: dict[tuple[str, int], str] = {}
    for area, located, rel in areas:
        _check_area_identity(area, located, rel, first_seen, order_seen, section_ids, problems)
        if docs_dir:
            _check_page(area.page, ("page",), located, rel, docs_dir, problems)
        _duplicates([(c.id, ("checklist", i, "id")) for i, c in enumerate(area.checklist)],
                    located, rel, "checklist id", problems)
        _duplicates([(q.id, ("reflection_questions", i, "id"))
                     for i, q in enumerate(area.reflection_questions)],
                    located, rel, "question id", problems)
        for i, indicator in enumerate(area.indicators):
            path = ("indicators", i, "id")
            if indicator.id in indicator_seen:
                problems.append(Problem(rel, located.line_of(path), field_path(path),
                                f"the indicator id '{indicator.id}' is already used at "
                                f"{indicator_seen[indicator.id]}; indicator ids must be unique "
                                "across all areas (prefix them with the area id)"))
            indicator_seen.setdefault(indicator.id, f"{rel}:{located.line_of(path)}")
            if level_ids:
                _check_levels(indicator.levels, ("indicators", i, "levels"), level_ids,
                              located, rel, problems)


def _check_area_identity(area, located, rel, first_seen, order_seen, section_ids, problems) -> None:
    """The area's id against its file name and the other areas, its section and order."""
    here = f"{rel}:{located.line_of(('id',))}"
    stem = Path(rel).stem
    if area.id != stem:
        problems.append(Problem(rel, located.line_of(("id",)), "id", f"the id '{area.id}' "
                        f"does not match the file name; rename the file to {area.id}.yml "
                        f"or set id: {stem}"))
    if area.id in first_seen:
        problems.append(Problem(rel, located.line_of(("id",)), "id", f"the area id "
                        f"'{area.id}' is already used by {first_seen[area.id]}; ids must be unique"))
    first_seen.setdefault(area.id, here)
    if section_ids is not None and area.section not in section_ids:
        problems.append(Problem(rel, located.line_of(("section",)), "section",
                        f"'{area.section}' is not a section (sections are: "
                        f"{', '.join(section_ids)}; see content_data/sections.yml)"))
    key = (area.section, area.order)
    if key in order_seen:
        problems.append(Problem(rel, located.line_of(("order",)), "order", f"order "
                        f"{area.order} is already taken in section '{area.section}' by "
                        f"{order_seen[key]}; give each area its own number"))
    order_seen.setdefault(key, rel)


def _check_resources(res, located, area_ids, problems) -> None:
    rel = "content_data/resources.yml"
    _duplicates([(r.id, ("resources", i, "id")) for i, r in enumerate(res.resources)],
                located, rel, "resource id", problems)
    if not area_ids:
        return
    known = list(dict.fromkeys(area_ids))
    for i, r in enumerate(res.resources):
        for j, area_id in enumerate(r.areas):
            if area_id not in known:
                path = ("resources", i, "areas", j)
                problems.append(Problem(rel, located.line_of(path), field_path(path),
                                f"'{area_id}' is not an area id (known: {', '.join(known)})"))


def _check_levels(levels: dict, path, level_ids, located, rel, problems) -> None:
    every = ", ".join(level_ids)
    for level in level_ids:
        if level not in levels:
            problems.append(Problem(rel, located.line_of(path), field_path(path),
                            f"missing '{level}' (every indicator needs a descriptor for each "
                            f"of: {every})"))
    for level in levels:
        if level not in level_ids:
            problems.append(Problem(rel, located.line_of(path + (level,)), field_path(path),
                            f"'{level}' is not a level on the scale (levels are: {every}; "
                            "see content_data/scale.yml)"))


def _duplicates(pairs, located: Located, rel: str, what: str, problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for value, path in pairs:
        line = located.line_of(path)
        if value in seen:
            problems.append(Problem(rel, line, field_path(path), f"the {what} '{value}' is "
                            f"used twice (first on line {seen[value]}); make each one unique"))
        seen.setdefault(value, line)


def _check_page(page: str, path, located: Located, rel: str, docs_dir: Path, problems) -> None:
    if not (Path(docs_dir) / page).is_file():
        problems.append(Problem(rel, located.line_of(path), field_path(path),
                        f"there is no page docs/{page}; give the path of an existing page "
                        "relative to docs/"))


def _check_facts(facts: Facts, located: Located, problems: list[Problem]) -> None:
    rel = "content_data/facts.yml"
    _duplicates([(t.id, ("topics", i, "id")) for i, t in enumerate(facts.topics)],
                located, rel, "topic id", problems)
    _duplicates([(f.id, ("facts", i, "id")) for i, f in enumerate(facts.facts)],
                located, rel, "fact id", problems)
    topics = [t.id for t in facts.topics]
    for i, fact in enumerate(facts.facts):
        if fact.topic not in topics:
            path = ("facts", i, "topic")
            problems.append(Problem(rel, located.line_of(path), field_path(path),
                            f"'{fact.topic}' is not a topic (topics are: {', '.join(topics)}; "
                            "add it under 'topics' at the top of the file or use one of these)"))
        if fact.review_by <= fact.checked:
            path = ("facts", i, "review_by")
            problems.append(Problem(rel, located.line_of(path), field_path(path),
                            f"review_by ({fact.review_by}) must come after checked "
                            f"({fact.checked}); set the date the fact should next be checked"))


