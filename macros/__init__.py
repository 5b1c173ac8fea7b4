"""The macros module both builders load (mkdocs-macros under MkDocs, Zensical's macros
extension under Zensical): a thin adapter from a page to the plain render functions.

Only `define_env` is called by a builder. It reads the config keys both builders give
(`docs_dir`, `use_directory_urls`; the project folder from `config_file_path` under MkDocs,
`root_dir` under Zensical) and the page's `url`. The macros themselves are listed once,
in registry.py.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import ContentError
from .prepared import load_checked, prepare
from .publish.config import page_url, relative_url
from .registry import MACROS, Page
from .translations import LANGUAGES

__all__ = ["define_env", "load_checked"]


class MacroError(Exception):
    """A macro was called in a way the pre-scan could not catch (e.g. a computed id)."""


def project_root(conf) -> Path:
    """The folder of mkdocs.yml, from whichever key the builder gives."""
    for key in ("config_file_path", "root_dir"):  # MkDocs, Zensical
        if conf.get(key):
            path = Path(conf[key]).resolve()
            return path.parent if path.is_file() else path
    return Path(os.getcwd()).resolve()


def edition_language(conf) -> str:
    """The edition's language from `theme.language` ("en" unless a translated edition)."""
    theme = conf.get("theme") or {}
    try:
        language = theme["language"]
    except (KeyError, TypeError):
        language = getattr(theme, "language", None)
    return language if language in LANGUAGES else "en"


def define_env(env) -> None:
    root = project_root(env.conf)
    docs_dir = root / (env.conf.get("docs_dir") or "docs")  # absolute under MkDocs already
    directory_urls = env.conf.get("use_directory_urls", True)
    try:
        prepared = prepare(root, docs_dir, edition_language(env.conf))
    except ContentError as err:
        raise _build_error(err.report()) from None
    _quiet_macro_errors()

    def here() -> str:
        return env.page.url if env.page else ""

    def link(target: str) -> str:
        page, _, anchor = target.partition("#")
        # MkDocs' URL of the home page is "./", from which links are made relative.
        href = relative_url(page_url(page, directory_urls) or "./", here())
        return href + (f"#{anchor}" if anchor else "")

    def context() -> Page:
        return Page(prepared.content, prepared.downloads, docs_dir, link,
                    lambda path: relative_url(path, here()))

    for macro in MACROS:
        env.macro(_bound(macro, context, env), macro.name)


def _bound(macro, context, env):
    """The macro as a page calls it; a bad id becomes one line naming the page."""
    def call(*args):
        try:
            return macro.render(context(), *args)
        except KeyError as err:
            raise MacroError(f"docs/{_source(env.page)}: {macro.name}{args!r}: {err.args[0]}") from None
    call.__name__ = macro.name
    call.__doc__ = macro.render.__doc__
    return call


def _source(page) -> str:
    if page is None:
        return "a page"
    file = getattr(page, "file", None)  # MkDocs
    return file.src_uri if file is not None else getattr(page, "path", "a page")  # Zensical


def _build_error(message: str) -> Exception:
    """MkDocs reports a PluginError as one clean message, before any page is written."""
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:
        return RuntimeError(message)
    return PluginError(message)


def _quiet_macro_errors() -> None:
    """Report our own macro errors as one line, not mkdocs-macros' traceback dump."""
    try:
        from mkdocs_macros.errors import format_error
    except ImportError:  # another builder's macros extension
        return

    @format_error.register
    def _(error: MacroError, markdown: str, page) -> str:
        return str(error)
