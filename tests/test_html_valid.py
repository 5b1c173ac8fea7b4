"""Valid HTML: the Nu HTML Checker (vnu.jar, the W3C validator's engine) finds no error on
any built page. Screen readers and browsers repair invalid markup each in their own way, so
an error such as a label for no control, or an attribute a control cannot have, may be
read out differently from one reader to the next (WCAG 4.1.1 in 2.0, and good practice).

vnu.jar comes from npm (tests/vnu/package.json, locked) and runs on Debian's Java runtime;
./run test installs both. The checker runs offline: it reads files, not URLs."""
from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, need_tool

VNU_JAR = ROOT / "tests" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(paths: list[Path]) -> list[dict]:
    need_tool("java", "A Java runtime (Debian's default-jre-headless)")
    need_tool(str(VNU_JAR), "The Nu HTML Checker (npm vnu-jar in tests/vnu)")
    result = subprocess.run(
        [shutil.which("java"), "-Xss16m", "-jar", str(VNU_JAR), "--errors-only",
         "--format", "json", "--skip-non-html", *map(str, paths)],
        capture_output=True, text=True, timeout=600)
    # vnu writes its JSON report to stderr, and exits 1 when it found errors.
    assert result.returncode in (0, 1), result.stderr[-2000:]
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]


def report(errors: list[dict], site: Path) -> str:
    counts = Counter(m["message"] for m in errors)
    lines = [f"{len(errors)} HTML error(s) on {len({m['url'] for m in errors})} page(s):"]
    for message, n in counts.most_common():
        first = next(m for m in errors if m["message"] == message)
        where = first["url"].split(site.as_posix(), 1)[-1]
        lines.append(f"  {n} x {message}\n      first at {where} line {first.get('lastLine')}: "
                     f"{first.get('extract', '').strip()[:160]}")
    return "\n".join(lines)


def test_every_built_page_is_valid_html(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 20, f"expected the whole guide, found {len(pages)} pages"
    errors = vnu_errors(pages)
    if errors:
        pytest.fail(report(errors, built_site), pytrace=False)


def test_the_checker_catches_an_error(tmp_path):
    """Guard the guard: the same check must reject a page with a known error."""
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>t</title>'
                    '<input type="checkbox" id="a" autocomplete="off"><label tabindex="">x</label>',
                    encoding="utf-8")
    messages = " ".join(m["message"] for m in vnu_errors([page]))
    assert "autocomplete" in messages and "tabindex" in messages
