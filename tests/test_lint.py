"""ruff, with the project's settings in pyproject.toml (pyflakes, bugbear, complexity at
most 15), finds nothing in the project's Python; and no module of macros/ is over 400 lines."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400


def test_ruff_is_clean():
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run([str(ruff), "check", "--no-cache", "."], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, "ruff found problems (run .venv/bin/ruff check .):\n" + result.stdout


def test_no_module_is_over_400_lines():
    long = {p.relative_to(ROOT).as_posix(): n for p in sorted((ROOT / "macros").rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these modules by what they do: {long}"
