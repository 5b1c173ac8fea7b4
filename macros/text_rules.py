"""What YAML text may hold: plain prose with *emphasis*, **strong** and full-address links.

Checked for every string of every content_data/ file (loader.py), with file:line.
"""
from __future__ import annotations

import re

from .errors import Problem, field_path
from .yaml_lines import Located

# Jinja runs over every page; braces in YAML text would be shown raw or misread.
JINJA = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
HTML_TAG = re.compile(r"</?[A-Za-z!][^>]*>")
# render.inline links only full addresses; any other target would be shown as raw text.
RELATIVE_LINK = re.compile(r"\[([^\]]+)\]\((?!https?://|mailto:)([^)\s]*)\)")


def check_text(value, path, located: Located, rel: str, problems: list[Problem]) -> None:
    """Reject template code, HTML and relative links in any text: each would break or show
    raw on a page."""
    if isinstance(value, dict):
        for key, item in value.items():
            check_text(item, path + (key,), located, rel, problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_text(item, path + (index,), located, rel, problems)
    elif isinstance(value, str):
        problems += [Problem(rel, located.line_of(path), field_path(path), message)
                     for message in text_problems(value)]


def text_problems(value: str) -> list[str]:
    out = []
    if JINJA.search(value):
        out.append("curly-brace template code such as '{{' or '{%' is not allowed in YAML "
                   "text; remove the braces")
    if HTML_TAG.search(value):
        out.append("HTML tags are not allowed in YAML text; use Markdown instead: *emphasis*, "
                   "**strong** or [link text](https://...)")
    for text, target in RELATIVE_LINK.findall(value):
        out.append(f"the link [{text}]({target}) is not a full address, so a page would show "
                   "it as raw text: links in YAML text need the full address "
                   "(https://...); to point to a page of the guide, name the page in words, or "
                   "link it from the Markdown page in docs/")
    return out
