"""The GitHub workflows are valid, pinned, and run the same checks as ./run test."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_workflows_match_githubs_schema():
    # check-jsonschema carries GitHub's workflow schema inside the package: no network.
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-workflows", *map(str, WORKFLOWS)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit():
    for path in WORKFLOWS:
        for step in steps(yaml.safe_load(path.read_text())):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), \
                    f"{path.name}: pin {step['uses']} to a full commit SHA"


def test_pull_requests_run_check_build_tests_and_upload_a_preview():
    ci = yaml.load((ROOT / ".github/workflows/ci.yml").read_text(), Loader=yaml.BaseLoader)
    assert "pull_request" in ci["on"]
    runs = " ".join(step.get("run", "") for step in steps(ci))
    for command in ("./run check", "./run build", "./run test"):
        assert command in runs
    uses = [step.get("uses", "") for step in steps(ci)]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    assert "GITHUB_STEP_SUMMARY" in runs


def test_main_is_deployed_to_pages():
    pages = yaml.load((ROOT / ".github/workflows/pages.yml").read_text(), Loader=yaml.BaseLoader)
    assert pages["on"]["push"]["branches"] == ["main"]
    uses = [step.get("uses", "") for step in steps(pages)]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert pages["permissions"]["pages"] == "write"
    # The published site carries the PDF and the offline copy that the Downloads page lists.
    assert "./run release" in "\n".join(step.get("run", "") for step in steps(pages))


def test_ci_script_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in quick.splitlines()[1:] if line.strip()]
    assert commands == ["./run serve", "./run test"]
    assert "./run test" in (ROOT / ".ci/run").read_text()
