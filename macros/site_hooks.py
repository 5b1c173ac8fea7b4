"""MkDocs hooks (listed under `hooks:` in mkdocs.yml) for what is not a macro:

- each page's "last changed" date, from git, shown in the page footer;
- the fixes to Material's page template that no block reaches (macros/theme_markup.py);
- a `_headers` file (Netlify / Cloudflare Pages format) with a Content-Security-Policy
  that allows only the site itself, the theme's inline scripts allowed by their hashes.
"""
from __future__ import annotations

import base64
import hashlib
import re
import subprocess
from datetime import date
from functools import lru_cache
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.theme_markup import ThemeMarkupError, fix_theme_markup

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)
# Material's theme assets carry a content hash in their names, so they can be cached forever.
HASHED_ASSETS = ["/assets/javascripts/bundle.*", "/assets/javascripts/workers/*",
                 "/assets/javascripts/lunr/*", "/assets/stylesheets/main.*",
                 "/assets/stylesheets/palette.*"]
_inline_hashes: set[str] = set()


@lru_cache(maxsize=None)
def git_date(path: str) -> str | None:
    """The date of the last commit that touched ``path``, or None without git history."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path],
                             cwd=Path(path).parent, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


def readable(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def on_pre_build(config, **kwargs):
    _inline_hashes.clear()
    git_date.cache_clear()


def on_page_context(context, page, config, nav, **kwargs):
    iso = git_date(page.file.abs_src_path) if page.file.abs_src_path else None
    if iso:
        page.meta["last_changed"] = readable(iso)
        page.meta["last_changed_iso"] = iso
    return context


def _fixed(html: str, where: str) -> str:
    try:
        return fix_theme_markup(html, where)
    except ThemeMarkupError as error:
        raise PluginError(str(error)) from None


def on_post_template(output_content, template_name, config, **kwargs):
    # 404.html is rendered as a template, not a page.
    return _fixed(output_content, template_name) if template_name.endswith(".html") else output_content


def on_post_page(output, page, config, **kwargs):
    output = _fixed(output, page.file.src_uri)
    for script in INLINE_SCRIPT.findall(output):
        digest = hashlib.sha256(script.encode("utf-8")).digest()
        _inline_hashes.add("'sha256-" + base64.b64encode(digest).decode() + "'")
    return output


def content_security_policy() -> str:
    scripts = " ".join(["'self'", *sorted(_inline_hashes)])
    return "; ".join([
        "default-src 'self'", f"script-src {scripts}", "style-src 'self'",
        "img-src 'self' data:", "font-src 'self'", "connect-src 'self'",
        "worker-src 'self' blob:", "object-src 'none'", "base-uri 'self'",
        "form-action 'self'", "frame-ancestors 'none'"])


def on_post_build(config, **kwargs):
    lines = ["/*",
             f"  Content-Security-Policy: {content_security_policy()}",
             "  X-Content-Type-Options: nosniff",
             "  Referrer-Policy: no-referrer",
             "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
             ""]
    for pattern in HASHED_ASSETS:
        lines += [pattern, "  Cache-Control: public, max-age=31536000, immutable", ""]
    (Path(config["site_dir"]) / "_headers").write_text("\n".join(lines), encoding="utf-8")
