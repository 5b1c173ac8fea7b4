"""The content and the downloads of a build, loaded, checked and built once per process.

MkDocs runs define_env once per build, Zensical once per page: without this, Zensical
would load content_data/ and build both downloads thirty times. The cache is keyed by the
files it reads, so `mkdocs serve` and `zensical serve` still pick up an edit.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError
from .loader import Content, load_content
from .macro_calls import check_docs


@dataclass(frozen=True)
class Prepared:
    content: Content
    downloads: dict[str, bytes]  # download name -> bytes (macros.downloads.registry)


_cache: dict[tuple, Prepared] = {}


def load_checked(root: Path, docs_dir: Path, lang: str = "en") -> Content:
    """Load content_data/ and check every macro call in docs/; raise ContentError."""
    from .downloads import registry

    content = load_content(root, docs_dir, lang)
    problems = check_docs(docs_dir, content, registry(content), root)
    if problems:
        raise ContentError(problems)
    return content


def prepare(root: Path, docs_dir: Path, lang: str = "en") -> Prepared:
    """load_checked and build_all, once for the same files; raises ContentError."""
    from .downloads import build_all

    root, docs_dir = Path(root).resolve(), Path(docs_dir).resolve()
    key = (root, docs_dir, lang, _fingerprint(root / "content_data", docs_dir))
    if key not in _cache:
        content = load_checked(root, docs_dir, lang)
        _cache.clear()  # only the newest state is ever asked for again
        _cache[key] = Prepared(content, build_all(content))
    return _cache[key]


def _fingerprint(*folders: Path) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                 for folder in folders for p in sorted(folder.rglob("*")) if p.is_file())
