"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): a thin adapter from MkDocs' events
to the publishing pipeline (macros/publish/), plus the few things only MkDocs can do.

Zensical ignores hooks: `./run build zensical` runs the same pipeline after its build.
What stays here is MkDocs-specific on purpose:
- the search index leaves out the online self-assessment form, which repeats as radio
  labels the indicator tables of the area pages (the search plugin reads page content);
- compiled templates are cached between builds, so `mkdocs serve` rebuilds sooner;
- the offline copy's build (Material's `offline` plugin) loads module scripts as classic
  scripts and the Web Worker shim from the site itself, not from unpkg.com.
"""
from __future__ import annotations

import os
import posixpath
import sys
import tempfile
from pathlib import Path

# MkDocs loads this file on its own, not as part of the macros package: make this
# project's package the one imported (a test's copy of the project, too).
_PROJECT = str(Path(__file__).resolve().parent.parent)
if sys.path[:1] != [_PROJECT]:
    sys.path.insert(0, _PROJECT)

from macros.publish.config import SiteConfig  # noqa: E402
from macros.publish.edition_build import EditionError, build_translations  # noqa: E402
from macros.publish.js_bundle import BundleError, bundle_module  # noqa: E402
from macros.publish.editions import EDITIONS_MARKER, fill_marker  # noqa: E402
from macros.publish.pipeline import ENV_PDF, ENV_ZIP, Options, publish  # noqa: E402

SEARCH_DUPLICATES = ['<div class="assessment"']
SHIM_SOURCE = Path(__file__).parent / "publish" / "vendor" / "iframe-worker-shim.js"
SHIM_PATH = "assets/javascripts/offline/iframe-worker-shim.js"
OFFLINE_SCRIPTS = "assets/javascripts/offline"

_offline = {"on": False, "modules": []}  # set by on_config for the build under way


def on_config(config, **kwargs):
    _offline.update(on=_offline_plugin_on(config), modules=[])
    if _offline["on"]:
        _use_local_polyfills(config)
        _classic_scripts_config(config)
    return config


def on_files(files, config, **kwargs):
    if _offline["on"]:
        _classic_scripts_files(files, config)
    return files


def on_page_content(html, page, config, files, **kwargs):
    for marker in SEARCH_DUPLICATES:
        html = html.replace(marker, marker[:4] + " data-search-exclude" + marker[4:], 1)
    # Listed here already (the pipeline would do it after the build) so search finds them.
    if not EDITIONS_MARKER.search(html):
        return html
    from macros.prepared import prepare

    site_config = _site_config(config)
    ui = prepare(site_config.root, site_config.docs_dir, site_config.language).content.ui
    return fill_marker(html, page.url, site_config, ui, offline=_offline["on"], **_wanted())


def on_env(env, config, files, **kwargs):
    # Compiled templates are kept between builds (keyed by each template's source, so an
    # edited template is compiled afresh): `mkdocs serve` rebuilds a second sooner.
    if env.bytecode_cache is None:
        import jinja2

        folder = Path(tempfile.gettempdir()) / f"guide-jinja-cache-{os.getuid()}"
        folder.mkdir(exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env


def on_post_build(config, **kwargs):
    from mkdocs.exceptions import PluginError

    from macros.prepared import prepare

    site_config = _site_config(config)
    lang = site_config.language
    built = prepare(site_config.root, site_config.docs_dir, lang).downloads
    publish(Path(config.site_dir), site_config, built, Options(offline=_offline["on"], **_wanted()))
    if lang == "en":  # then the translated editions, into site/<lang>/
        try:
            build_translations(site_config.root, Path(config.site_dir), offline=_offline["on"])
        except EditionError as err:
            raise PluginError(str(err)) from None


def _site_config(config) -> SiteConfig:
    """What the pipeline needs, from MkDocs' config (the offline plugin changes its URLs)."""
    from macros import edition_language

    path = Path(config.config_file_path).resolve()
    return SiteConfig(root=path.parent, site_name=config.site_name, site_url=config.site_url or "",
                      docs_dir=Path(config.docs_dir),
                      use_directory_urls=config.use_directory_urls, nav=config.nav or [],
                      language=edition_language(config), config_file=path.name)


def _wanted() -> dict:
    """Whether this build also makes the PDF and the offline ZIP (./run release)."""
    return {"pdf": bool(os.environ.get(ENV_PDF)), "zipped": bool(os.environ.get(ENV_ZIP))}


# --- the offline copy's build -------------------------------------------------------------

def _offline_plugin_on(config) -> bool:
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "offline" and getattr(plugin, "config", {}).get("enabled", True):
            return True
    return False


def _use_local_polyfills(config) -> None:
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [SHIM_PATH if "iframe-worker" in str(p) else p for p in polyfills]


def _classic_scripts_config(config) -> None:
    """Browsers refuse ES modules from file:// pages, so the offline copy loads each module
    script as one classic script (see publish/js_bundle.py)."""
    from mkdocs.config.config_options import ExtraScriptValue

    scripts = []
    for script in config.extra_javascript:
        if getattr(script, "type", "") == "module":
            value = ExtraScriptValue(f"{OFFLINE_SCRIPTS}/{posixpath.basename(script.path)}")
            value.defer = True
            scripts.append(value)
            _offline["modules"].append(script.path)
        else:
            scripts.append(script)
    config.extra_javascript = scripts


def _classic_scripts_files(files, config) -> None:
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    files.append(File.generated(config, SHIM_PATH, content=SHIM_SOURCE.read_text(encoding="utf-8")))
    for path in _offline["modules"]:
        source = files.get_file_from_path(path)
        if source is None or not source.abs_src_path:
            raise PluginError(f"offline copy: cannot find the script {path}")
        try:
            code = bundle_module(Path(source.abs_src_path))
        except BundleError as err:
            raise PluginError(str(err)) from None
        files.append(File.generated(config, f"{OFFLINE_SCRIPTS}/{posixpath.basename(path)}",
                                    content=code))
