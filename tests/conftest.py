"""Shared fixtures: a copy of the project to break, a strict build, a local server, Chromium."""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from support import CHROMIUM_ARGS, PROJECT_PARTS, ROOT, copy_project, site_pages  # noqa: F401

# Debian's Chromium, whatever CHROME_PATH says: the tests need this one.
CHROMIUM = "/usr/bin/chromium"


def need_tool(path: str, what: str) -> None:
    """Skip on a developer's machine without the tool, but never in CI."""
    if shutil.which(path) or Path(path).exists():
        return
    message = f"{what} is not installed ({path}); run ./run test, which installs it"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def mkdocs_build(project: Path, site_dir: Path, **extra_env: str) -> subprocess.CompletedProcess:
    # Never -q: it hides the warnings that strict mode counts.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "PYTHONDONTWRITEBYTECODE": "1", **extra_env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(built) -> Path:
    site, result = built
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def build_output(built) -> subprocess.CompletedProcess:
    return built[1]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """One strict build of the whole site (both editions) per test process, with its log."""
    site = tmp_path_factory.mktemp("site")
    return site, mkdocs_build(ROOT, site)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder: Path):
    """A built site served from 127.0.0.1 on a free port; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve_folder(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    need_tool(CHROMIUM, "Debian's Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()

