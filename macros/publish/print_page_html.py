"""The print edition, page by page: one page's HTML rewritten to sit in the whole guide.

Ids get the page's prefix (so they stay unique on one page), headings move down a level,
links point inside the print edition or have their address written out, and form controls
become empty boxes and lines to fill in by hand.
"""
from __future__ import annotations

import html as htmllib
import re
from urllib.parse import urlsplit

ID_REFS = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers", "list")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_RAW_TEXT = ("script", "style")


class PagePrinter:
    """Rewrites one page's HTML (as MkDocs writes it: well-formed) for the print edition."""

    def __init__(self, edition, page_url: str, slug: str, depth: int):
        self.edition, self.page_url, self.slug = edition, page_url, slug
        self.shift = depth + 1  # the page's h1 becomes h2 (top level) or h3 (in a section)
        self.out: list[str] = []
        self.skip = 0  # depth inside an element we drop with its content
        self.link_address: list[tuple[str | None, int]] = []
        self.first_heading = True

    def rewrite(self, html: str) -> str:
        pos = 0
        while (m := _TOKEN.search(html, pos)):
            if m.start() > pos:
                self.handle_data(html[pos:m.start()])
            pos = m.end()
            if m.group(2) is None:
                continue  # a comment
            tag = m.group(2).lower()
            if m.group(1):
                self.handle_endtag(tag)
                continue
            raw = m.group(3)
            closed = raw.rstrip().endswith("/")
            attrs = [(name.lower(), htmllib.unescape(next((v for v in values if v is not None), ""))
                      if any(v is not None for v in values) else None)
                     for name, *values in _ATTR.findall(raw.rstrip("/ "))]
            if tag in _RAW_TEXT:
                end = html.find(f"</{tag}>", pos)
                pos = len(html) if end < 0 else end + len(tag) + 3
                continue  # scripts and styles are never printed
            if closed:
                self.handle_startendtag(tag, attrs)
            else:
                self.handle_starttag(tag, attrs)
        if pos < len(html):
            self.handle_data(html[pos:])
        return "".join(self.out)

    # what is dropped with everything inside it
    def _drops(self, tag: str, attrs: dict) -> bool:
        if tag in ("script", "noscript", "button", "template", "style"):
            return True
        if "hidden" in attrs or "data-without-script" in attrs:
            return True
        if tag == "input" and attrs.get("type") in ("file", "button", "submit", "reset"):
            return True
        return "headerlink" in (attrs.get("class") or "").split()

    def handle_starttag(self, tag, attrs_list):
        attrs = dict(attrs_list)
        if self.skip:
            if tag not in VOID:
                self.skip += 1
            return
        if self._drops(tag, attrs):
            if tag not in VOID:
                self.skip = 1
            return
        self.out.append(self._start(tag, attrs_list))

    def handle_startendtag(self, tag, attrs_list):
        if self.skip or self._drops(tag, dict(attrs_list)):
            return
        self.out.append(self._start(tag, attrs_list))

    def handle_endtag(self, tag):
        if self.skip:
            if tag not in VOID:
                self.skip -= 1
            return
        if tag in VOID:
            return
        if tag == "a" and self.link_address:
            address, start = self.link_address.pop()
            text = htmllib.unescape(re.sub(r"<[^>]+>", "", "".join(self.out[start:]))).strip()
            self.out.append("</a>")
            if address and text.rstrip("/") != address.rstrip("/"):
                self.out.append(f'<span class="print-url"> ({htmllib.escape(address)})</span>')
            return
        self.out.append(f"</{self._rename(tag)}>")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)

    # --- tags
    def _rename(self, tag: str) -> str:
        if re.fullmatch(r"h[1-6]", tag):
            return f"h{min(6, int(tag[1]) + self.shift)}"
        return {"fieldset": "div", "legend": "p", "label": "span", "form": "div",
                "textarea": "span"}.get(tag, tag)

    def _start(self, tag: str, attrs_list) -> str:
        attrs, classes = self._attrs(tag, attrs_list)
        if tag == "a" and not any(n == "href" for n, _ in attrs):
            self.link_address.append((None, len(self.out) + 1))
        if tag == "input":
            kind = dict(attrs_list).get("type", "text")
            shape = "radio" if kind == "radio" else "checkbox" if kind == "checkbox" else "line"
            return f'<span class="print-box print-box--{shape}" aria-hidden="true"></span>'
        if tag == "textarea":
            classes.append("print-lines")
        if tag in ("fieldset", "legend", "label", "form"):
            classes.append(f"print-{tag}")
        if re.fullmatch(r"h[1-6]", tag) and self.first_heading:
            self.first_heading = False
            attrs = [(n, v) for n, v in attrs if n != "id"]
            attrs.insert(0, ("id", self.slug + "--title"))
        if classes:
            attrs.append(("class", " ".join(classes)))
        text = "".join(f' {n}="{htmllib.escape(v, quote=True)}"' if v is not None else f" {n}"
                       for n, v in attrs)
        return f"<{self._rename(tag)}{text}>"

    def _attrs(self, tag: str, attrs_list) -> tuple[list[tuple[str, str | None]], list[str]]:
        """The attributes a tag keeps in the print edition (ids prefixed, links resolved),
        and its classes apart."""
        attrs: list[tuple[str, str | None]] = []
        classes: list[str] = []
        for name, value in attrs_list:
            # Form fields become text here: their form-only attributes go with them
            # (autocomplete on a <span> is invalid HTML).
            if name.startswith("data-") or name in ("name", "value", "checked", "autocomplete",
                                                     "required", "rows", "accept", "download"):
                continue
            if tag == "section" and name in ("aria-label", "aria-labelledby"):
                continue  # one region per page of the guide: landmarks stay unique
            if name == "id":
                value = f"{self.slug}--{value}"
            elif name in ID_REFS and value:
                value = " ".join(f"{self.slug}--{v}" for v in value.split())
                if name == "for":
                    continue
            elif name == "href" and value is not None and tag == "a":
                value, shown = self.edition.resolve(value, self.page_url, self.slug)
                self.link_address.append((shown, len(self.out) + 1))
            elif name == "src" and value and not urlsplit(value).scheme:
                value, _ = self.edition.resolve(value, self.page_url, self.slug)
            elif name == "class":
                classes = value.split() if value else []
                continue
            attrs.append((name, value))
        return attrs, classes

