"""The accessibility gate: axe-core on every built page, in the light and the dark scheme,
and no request to any host but the local server."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import site_pages

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCHEMES = ["light", "dark"]


def axe_violations(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                       "resultTypes": ["violations"]})
    return results.response["violations"]


def report(url: str, scheme: str, violations: list[dict]) -> str:
    lines = [f"{url} ({scheme} scheme): {len(violations)} axe violation(s)"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"      at {', '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"         {summary[:300]}")
    return "\n".join(lines)


def foreign(requests: list[str]) -> list[str]:
    return [u for u in requests
            if urlparse(u).scheme not in ("data", "blob", "about")
            and urlparse(u).hostname != "127.0.0.1"]


def sweep(browser, base_url: str, pages: list[str], scheme: str) -> tuple[list[str], list[str]]:
    """axe on every page in one scheme; returns (failure reports, requests to other hosts).

    Used for the MkDocs build here and for the Zensical build (tests/test_zensical.py).
    """
    failures = []
    # A fresh context per scheme is a first visit: the palette follows the system setting.
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    # Every request of the whole run is kept, so one that a page makes late is still caught.
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in pages:
        page.goto(base_url + path, wait_until="load")
        # The page really is in the scheme we asked for, so both palettes are scanned.
        wanted = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == wanted, path
        violations = axe_violations(page)
        if violations:
            failures.append(report(base_url + path, scheme, violations))
    page.wait_for_load_state("networkidle")
    context.close()
    return failures, foreign(requests)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_passes_axe_and_stays_local(browser, built_site, site_url, scheme):
    pages = site_pages(built_site)
    assert len(pages) >= 20, f"expected the whole guide to be built, found {len(pages)} pages"
    failures, requested_elsewhere = sweep(browser, site_url, pages, scheme)
    assert not failures, "\n\n".join(failures)
    assert not requested_elsewhere, "requests to other hosts:\n" + "\n".join(requested_elsewhere)


@pytest.mark.browser
def test_the_gate_catches_a_violation(browser, site_url):
    """Guard the guard: a page with a known defect must fail the same check."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    page.evaluate("""() => {
        const img = document.createElement('img');
        img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        document.querySelector('article').appendChild(img);
    }""")
    ids = {v["id"] for v in axe_violations(page)}
    context.close()
    assert "image-alt" in ids
