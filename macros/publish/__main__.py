"""python -m macros.publish SITE [CONFIG] | offline [ZIP] | pdf [PDF] | build-offline SITE_DIR [CONFIG]
                         | build-edition LANG SITE_DIR [--offline]

SITE: run every publishing step over a site another builder made (`./run build zensical`);
CONFIG is the config it was built from (mkdocs.yml unless given: a translated edition's
mkdocs.<lang>.yml, whose theme.language says which edition's content to use).
offline: the offline copy as a ZIP (`./run offline`); pdf: the print edition as a PDF
(`./run print-pdf`); build-offline: the offline copy's own build (used by offline); build-edition: a translated edition (mkdocs.LANG.yml), which the
English build's hooks run.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .edition_build import build_edition
from ..interface import interface_for
from .editions import file_size
from .offline import OFFLINE_ZIP, ROOT, build_offline_site, build_offline_zip
from .pdf import PRINT_PDF, build_pdf
from .config import read_config
from .pipeline import ENV_PDF, ENV_ZIP, publish


def _print_pdf(target: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="guide-print-") as tmp:
        env = {k: v for k, v in os.environ.items() if k not in (ENV_ZIP, ENV_PDF)}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                                 "--site-dir", tmp], cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode:
            print(result.stdout + result.stderr, file=sys.stderr)
            return 1
        build_pdf(Path(tmp), target, interface_for(ROOT))
    return 0


def main(argv: list[str]) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command == "build-offline" and rest:
        build_offline_site(Path(rest[0]).resolve(), ROOT, *rest[1:2])
        return 0
    if command == "build-edition" and len(rest) >= 2:
        build_edition(ROOT, rest[0], Path(rest[1]).resolve(), offline="--offline" in rest)
        return 0
    if command == "offline":
        target = Path(rest[0] if rest else f"dist/{OFFLINE_ZIP}").resolve()
        build_offline_zip(target)
    elif command == "pdf":
        target = Path(rest[0] if rest else f"dist/{PRINT_PDF}").resolve()
        if _print_pdf(target):
            return 1
    elif command and len(rest) <= 1 and Path(command).is_dir():
        made = publish(Path(command), read_config(Path.cwd(), *rest))
        print(f"published {command}" + "".join(f", {p}" for p in made.values()))
        return 0
    else:
        print(__doc__.splitlines()[0].replace("python -m macros.publish", "usage: python -m macros.publish"),
              file=sys.stderr)
        return 2
    print(f"{target} ({file_size(target.stat().st_size)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
