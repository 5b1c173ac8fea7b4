"""The `_headers` file: a strict Content-Security-Policy that the built site really obeys."""
from __future__ import annotations

import pytest

from conftest import site_pages


def parse_headers(text: str) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        if line and not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif line.strip() and current is not None:
            name, _, value = line.strip().partition(":")
            current[name.strip()] = value.strip()
    return rules


@pytest.fixture(scope="module")
def headers(built_site):
    return parse_headers((built_site / "_headers").read_text())


def test_headers_file_sets_the_security_headers(headers):
    everything = headers["/*"]
    csp = everything["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "'sha256-" in csp  # the theme's inline scripts are allowed by hash
    assert everything["X-Content-Type-Options"] == "nosniff"
    assert everything["Referrer-Policy"] == "no-referrer"
    cached = [rule for rule, values in headers.items()
              if "immutable" in values.get("Cache-Control", "")]
    assert "/assets/javascripts/bundle.*" in cached


@pytest.mark.browser
def test_pages_obey_the_policy_and_search_still_works(browser, built_site, site_url, headers):
    csp = headers["/*"]["Content-Security-Policy"]
    context = browser.new_context()

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response,
                      headers={**response.headers, "content-security-policy": csp})

    context.route("**/*", with_csp)
    page = context.new_page()
    complaints: list[str] = []
    page.on("console", lambda msg: complaints.append(f"{page.url}: {msg.text}")
            if "Content Security Policy" in msg.text else None)
    for path in site_pages(built_site):
        page.goto(site_url + path, wait_until="networkidle")
        # The palette toggle's inline script ran: the scheme attribute is set.
        assert page.evaluate("document.body.dataset.mdColorScheme") in ("default", "slate"), path
    assert not complaints, "\n".join(complaints)

    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut opens search
    # Typed key by key, as a reader would: Material listens for keyboard input.
    page.locator(".md-search__input").press_sequentially("checklist", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator(".md-search-result__item").count() > 0
    assert not complaints, "\n".join(complaints)
    context.close()
