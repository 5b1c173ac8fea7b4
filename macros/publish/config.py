"""What the publishing steps need to know about the site, read from mkdocs.yml.

Both builders (MkDocs and Zensical) read the same mkdocs.yml, so the steps read it too
instead of asking a builder for its config object: they then run the same after either.
A translated edition's config (mkdocs.es.yml: ``INHERIT: mkdocs.yml`` and its own
``theme.language``) is read the same way, with what it inherits; its ``language`` tells
the steps which edition's content and interface strings to use.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name and !ENV tags; the steps need none of them."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    site_name: str
    site_url: str
    docs_dir: Path
    use_directory_urls: bool = True
    nav: list = field(default_factory=list)
    language: str = "en"  # theme.language: "en", or a language of translations.LANGUAGES
    config_file: str = "mkdocs.yml"  # relative to root

    def url_of(self, src: str) -> str:
        """The URL (relative to the site root) of a page from its path under docs/."""
        return page_url(src, self.use_directory_urls)

    def html_file(self, site: Path, url: str) -> Path:
        """The built file of a page URL."""
        if url == "" or url.endswith("/"):
            return site / url / "index.html"
        return site / url


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """docs/ path to URL, as MkDocs and Zensical both write them: 'a/b.md' -> 'a/b/',
    'a/index.md' -> 'a/' (or 'a/b.html' and 'a/index.html' without directory URLs)."""
    if not src.endswith(".md"):
        return src  # a file that is copied as it is
    stem, _ = posixpath.splitext(src)
    name = posixpath.basename(stem)
    folder = posixpath.dirname(stem)
    if not use_directory_urls:
        return stem + ".html"
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def read_config(root: Path, config_file: str = "mkdocs.yml") -> SiteConfig:
    root = Path(root).resolve()
    raw = _read_raw(root / config_file)
    return SiteConfig(root=root, site_name=raw.get("site_name") or "",
                      site_url=raw.get("site_url") or "",
                      docs_dir=root / (raw.get("docs_dir") or "docs"),
                      use_directory_urls=raw.get("use_directory_urls", True),
                      nav=raw.get("nav") or [], language=language_of(raw),
                      config_file=config_file)


def language_of(raw: dict) -> str:
    """The edition's language from a config's ``theme.language`` (as macros.edition_language)."""
    from ..translations import LANGUAGES

    theme = raw.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return language if language in LANGUAGES else "en"


def _read_raw(path: Path) -> dict:
    """A config file as MkDocs reads it: its own keys over those of the file it INHERITs
    (mappings merged key by key)."""
    with open(path, encoding="utf-8") as fd:
        raw = yaml.load(fd, Loader=_TolerantLoader) or {}
    parent = raw.pop("INHERIT", None)
    return _merge(_read_raw(path.parent / parent), raw) if parent else raw


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = (_merge(out[key], value) if isinstance(value, dict)
                    and isinstance(out.get(key), dict) else value)
    return out



def relative_url(url: str, other: str) -> str:
    """`url` relative to the page at `other` (both relative to the site root), exactly as
    MkDocs' get_relative_url writes it: relative_url('print/', 'downloads/') == '../print/'."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:  # a file name, not a folder
        other = dirname
    other_parts, dest_parts = _norm_parts(other), _norm_parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return rel + "/" if url.endswith("/") else rel


def _norm_parts(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return parts
