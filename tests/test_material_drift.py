"""Drift between our copies of Material's partials and the installed Material's own
(tests/material_drift.py says how to re-record after a deliberate change)."""
from __future__ import annotations

import json

import pytest

from material_drift import RECORD, diff_file, our_edits, overridden, upstream_hash

RECORDED = json.loads((RECORD / "upstream.json").read_text())
FIX = "then run: .venv/bin/python tests/material_drift.py --record"


def test_every_overridden_partial_is_recorded():
    assert sorted(RECORDED["sha256"]) == overridden(), (
        f"overrides/partials/ and the record differ: {FIX}")


@pytest.mark.parametrize("name", overridden())
def test_materials_own_partial_is_the_one_we_copied(name):
    assert upstream_hash(name) == RECORDED["sha256"].get(name), (
        f"Material (recorded at {RECORDED['material']}) changed its {name}, which "
        f"overrides/{name} replaces: compare the two, carry Material's change into our copy, {FIX}")


@pytest.mark.parametrize("name", overridden())
def test_our_partial_has_only_the_recorded_edits(name):
    recorded = diff_file(name).read_text(encoding="utf-8") if diff_file(name).exists() else ""
    assert our_edits(name) == recorded, (
        f"overrides/{name} has edits that are not in {diff_file(name).relative_to(RECORD.parent.parent)}: "
        f"if they are meant, {FIX}")


def test_an_upgrade_that_changes_a_partial_is_caught(tmp_path, monkeypatch):
    """Guard the guard: Material's header.html with one line changed no longer matches."""
    import material_drift

    real = material_drift.material_templates()
    (tmp_path / "partials").mkdir()
    name = "partials/header.html"
    (tmp_path / name).write_text((real / name).read_text(encoding="utf-8") + "<!-- 9.9 -->\n",
                                 encoding="utf-8")
    monkeypatch.setattr(material_drift, "material_templates", lambda: tmp_path)
    assert material_drift.upstream_hash(name) != RECORDED["sha256"][name]
    assert material_drift.our_edits(name) != diff_file(name).read_text(encoding="utf-8")
