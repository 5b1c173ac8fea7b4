"""A `_headers` file (Netlify / Cloudflare Pages format) with a Content-Security-Policy
that allows only the site itself, the inline scripts of the final pages allowed by their
hashes. It runs last, after every step that changes a page."""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)
# Material's theme assets carry a content hash in their names, so they can be cached forever.
HASHED_ASSETS = ["/assets/javascripts/bundle.*", "/assets/javascripts/workers/*",
                 "/assets/javascripts/lunr/*", "/assets/stylesheets/main.*",
                 "/assets/stylesheets/palette.*"]


def inline_script_hashes(site: Path) -> set[str]:
    hashes = set()
    for path in site.rglob("*.html"):
        for script in INLINE_SCRIPT.findall(path.read_text(encoding="utf-8")):
            digest = hashlib.sha256(script.encode("utf-8")).digest()
            hashes.add("'sha256-" + base64.b64encode(digest).decode() + "'")
    return hashes


def content_security_policy(hashes: set[str]) -> str:
    scripts = " ".join(["'self'", *sorted(hashes)])
    return "; ".join([
        "default-src 'self'", f"script-src {scripts}", "style-src 'self'",
        "img-src 'self' data:", "font-src 'self'", "connect-src 'self'",
        "worker-src 'self' blob:", "object-src 'none'", "base-uri 'self'",
        "form-action 'self'", "frame-ancestors 'none'"])


def write_headers(site: Path) -> Path:
    lines = ["/*",
             f"  Content-Security-Policy: {content_security_policy(inline_script_hashes(site))}",
             "  X-Content-Type-Options: nosniff",
             "  Referrer-Policy: no-referrer",
             "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
             ""]
    for pattern in HASHED_ASSETS:
        lines += [pattern, "  Cache-Control: public, max-age=31536000, immutable", ""]
    target = site / "_headers"
    target.write_text("\n".join(lines), encoding="utf-8")
    return target
