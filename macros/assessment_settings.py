"""content_data/assessment.yml: who may rate in a self-assessment (the groups) and whose
agreed ratings stand for the school (the lead group). Its model and its checks, kept out
of models.py and loader.py so each stays small."""
from __future__ import annotations

from pydantic import Field

from .errors import Problem, field_path
from .models import Id, Strict, Text


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


def check_assessment(settings: AssessmentSettings, located, problems: list[Problem]) -> None:
    from .loader import _duplicates

    rel = "content_data/assessment.yml"
    _duplicates([(g.id, ("groups", i, "id")) for i, g in enumerate(settings.groups)],
                located, rel, "group id", problems)
    _duplicates([(g.label.lower(), ("groups", i, "label")) for i, g in enumerate(settings.groups)],
                located, rel, "group label", problems)
    for i, group in enumerate(settings.groups):
        if "," in group.label or '"' in group.label:
            path = ("groups", i, "label")
            problems.append(Problem(rel, located.line_of(path), field_path(path),
                            f"'{group.label}' has a comma or a double quote; the spreadsheet's "
                            "list of groups cannot hold one, so reword it"))
    ids = [g.id for g in settings.groups]
    if settings.lead_group not in ids:
        problems.append(Problem(rel, located.line_of(("lead_group",)), "lead_group",
                        f"'{settings.lead_group}' is not one of the groups above (groups are: "
                        f"{', '.join(ids)})"))
