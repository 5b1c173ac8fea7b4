"""Old links keep working: a published page may move, but never without a redirect."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


class _Loader(yaml.SafeLoader):
    pass


# mkdocs.yml may hold !!python/name tags (e.g. for Markdown extensions); read past them.
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def mkdocs_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_Loader)


def nav_pages(nav) -> list[str]:
    found = []
    for item in nav:
        value = list(item.values())[0] if isinstance(item, dict) else item
        found += nav_pages(value) if isinstance(value, list) else [value]
    return found


def redirect_maps(config) -> dict:
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "redirects" in plugin:
            return plugin["redirects"].get("redirect_maps") or {}
    raise AssertionError("the redirects plugin is not configured in mkdocs.yml")


def published() -> list[str]:
    lines = (ROOT / "tests/published_pages.txt").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_every_published_page_is_in_nav_or_redirected():
    config = mkdocs_config()
    live, moved = set(nav_pages(config["nav"])), redirect_maps(config)
    # Pages kept out of the menu on purpose (not_in_nav: the rating pages) are still built.
    live |= {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    lost = [page for page in published() if page not in live and page not in moved]
    assert not lost, ("these published pages are gone from the nav without a redirect; add "
                      "'old.md: new.md' under redirects: redirect_maps: in mkdocs.yml: "
                      + ", ".join(lost))


def test_every_nav_page_is_recorded_as_published():
    missing = [p for p in nav_pages(mkdocs_config()["nav"]) if p not in published()]
    assert not missing, f"add these new pages to tests/published_pages.txt: {', '.join(missing)}"


def test_redirects_point_at_live_pages_and_are_built(built_site):
    config = mkdocs_config()
    live = set(nav_pages(config["nav"]))
    for old, new in redirect_maps(config).items():
        assert new in live or re.match(r"https://", new), f"redirect {old} -> {new}: no such page"
        target = built_site / old.replace(".md", "/index.html").replace("index/index.html", "index.html")
        assert target.exists(), f"redirect page for {old} was not built"
