"""The browser scripts' interface strings, handed to each script by the page that runs it.

The words live in content_data/interface/scripts.yml (one group per script; each edition
has its own copy), and a tool's macro writes the groups its script needs into one
``data-ui`` attribute of the tool's root element, beside the data- attributes the script
already reads (the scale, the groups). So:
- the strings arrive with the page under MkDocs and Zensical alike, and from file:// in
  the offline copy (no fetch, no module import: combine-results.js is a classic script);
- a page carries only the strings of the tools it holds (the page weight budgets);
- nothing is executed, so the Content-Security-Policy needs no new hash;
- the print edition drops data- attributes, and search does not index them.
A string with a number has {placeholders}, filled in by the scripts' small format helper
(storage.js, and its copy in combine-results.js); plurals are two keys, one and other.
"""
from __future__ import annotations

import html
import json

from .loader import Content


def ui_json(content: Content, *parts: str) -> str:
    """The groups ``scripts.<part>``, as compact JSON: {"part": {"key": "text"}}."""
    return json.dumps({part: content.ui.part(f"scripts.{part}") for part in parts},
                      ensure_ascii=False, separators=(",", ":"))


def ui_data(content: Content, *parts: str) -> str:
    """The data-ui attribute of a tool's root element (escaped for an attribute)."""
    return f'data-ui="{html.escape(ui_json(content, *parts), quote=True)}"'
