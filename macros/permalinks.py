"""A Markdown extension (listed after `toc` in mkdocs.yml) that moves each heading's
permalink out of the heading.

Python-Markdown's toc extension puts `<a class="headerlink">¶</a>` inside the heading, so a
screen reader's list of headings reads "Vision ¶", and the link itself is named "¶": about
fifteen Tab stops on an area page that say nothing (WCAG 1.3.1, 2.4.4, 2.4.6). Naming the
link inside the heading would only make the heading longer ("Vision Link to this section:
Vision"). So, as GitHub does, the link follows the heading inside a wrapper:

    <div class="guide-heading"><h2 id="vision">Vision</h2><a class="headerlink"
      href="#vision" aria-label="Link to this section: Vision">¶</a></div>

The heading's name is its text; the link's name says where it goes (its ¶ is not read, as
aria-label replaces the content); guide.css puts the ¶ in the margin before the heading.
A Markdown extension, not a template or hook, so that any builder that runs Python-Markdown
(MkDocs or Zensical) renders it the same way.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _text(el: etree.Element) -> str:
    """The heading's text without its permalink (toc has already unstashed inline HTML)."""
    parts = [el.text or ""]
    for child in el:
        if "headerlink" not in (child.get("class") or "").split():
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


class MovePermalinks(Treeprocessor):
    def __init__(self, md, prefix: str):
        super().__init__(md)
        self.prefix = prefix

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, heading in reversed(list(enumerate(parent))):
                if heading.tag not in HEADINGS:
                    continue
                link = next((c for c in heading if c.tag == "a"
                             and "headerlink" in (c.get("class") or "").split()), None)
                if link is None:
                    continue
                heading.remove(link)
                link.tail = None
                link.attrib.pop("title", None)  # a tooltip that repeats the name adds nothing
                link.set("aria-label", f"{self.prefix}: {_text(heading)}")
                link.text = AtomicString(link.text or "¶")
                wrapper = etree.Element("div", {"class": "guide-heading"})
                wrapper.tail, heading.tail = heading.tail, None
                wrapper.extend([heading, link])
                parent.remove(heading)
                parent.insert(index, wrapper)


class PermalinksExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"prefix": ["Link to this section", "Start of each permalink's name"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # After toc (priority 5), which adds the permalinks; before inline HTML is restored.
        md.treeprocessors.register(MovePermalinks(md, self.getConfig("prefix")), "guide_permalinks", 4)


def makeExtension(**kwargs):
    return PermalinksExtension(**kwargs)
