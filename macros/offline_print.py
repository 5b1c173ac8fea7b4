"""MkDocs hooks (listed under `hooks:` in mkdocs.yml) for speed, the print edition and the
offline copy. benchmarks/README.md has the measurements behind each choice.

Speed (every build)
- Material's stylesheets are trimmed to the rules this site can use and joined with the
  site's own stylesheets into one content-hashed file (`purge_and_join_styles`): about half
  the bytes, one render-blocking request instead of four.
- Material's JavaScript bundle and the extra scripts start loading after the first paint
  (`defer_scripts`, with the loader in overrides/main.html), so the page's text does not
  wait for them. overrides/main.html also holds back the search index until a reader
  reaches for search.
- Whitespace between tags is collapsed (`squeeze`), and the online self-assessment form,
  which repeats every indicator of the area pages, is left out of the search index.

Print edition (every build): `print/` is the whole guide as one page, in reading order,
with a table of contents, checklists as empty boxes and link addresses written out.

Offline copy and PDF (only when asked):
- `python -m macros.offline_print offline [ZIP]` (`./run offline`) builds the guide with
  Material's `offline` plugin (file:// links, search without a server) into a ZIP.
- `python -m macros.offline_print pdf [PDF]` (`./run print-pdf`) builds the site and prints
  `print/` to a tagged PDF whose bookmarks are the headings, with headless Chromium.
- A normal build with GUIDE_OFFLINE_ZIP=1 and/or GUIDE_PRINT_PDF=1 (`./run release`) writes
  them to site/downloads/, and the Downloads page lists them with their sizes wherever it
  holds `<div data-guide-editions></div>`.
"""
from __future__ import annotations

import gzip
import hashlib
import html as htmllib
import io
import json
import logging
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

log = logging.getLogger("mkdocs.hooks.offline_print")

ROOT = Path(__file__).resolve().parent.parent
OFFLINE_ZIP = "digital-equity-guide-offline.zip"
PRINT_PDF = "digital-equity-guide.pdf"
DOWNLOADS = "downloads"  # the folder the companion tools are written to (macros/downloads)
ENV_ZIP, ENV_PDF = "GUIDE_OFFLINE_ZIP", "GUIDE_PRINT_PDF"
PRINT_PAGE = "print.md"  # generated; never a file in docs/
PRINT_TITLE = "Print edition"
EDITIONS_MARKER = re.compile(r"<div[^>]*\bdata-guide-editions\b[^>]*>\s*</div>")
# Text the search index need not hold twice: the online self-assessment form repeats, as
# radio-button labels, the indicator tables of the area pages (where search finds them).
SEARCH_DUPLICATES = ['<div class="assessment"']
CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-gpu", "--no-first-run"]

_state: dict = {}


# --- events ----------------------------------------------------------------------------

def on_startup(command, dirty, **kwargs):
    _state["command"] = command


def on_config(config, **kwargs):
    _state.update(offline=_offline(config), pages={}, nav=None, theme_files={})
    if _state["offline"]:
        _use_local_polyfills(config)
        _classic_scripts_config(config)
    return config


def on_files(files, config, **kwargs):
    from mkdocs.structure.files import File, InclusionLevel

    files.append(File.generated(config, PRINT_PAGE, content=_print_page_markdown(config),
                                inclusion=InclusionLevel.NOT_IN_NAV))
    if _state["offline"]:
        _classic_scripts_files(files, config)
    return files


def on_nav(nav, config, files, **kwargs):
    _state["nav"] = nav
    return nav


def on_page_content(html, page, config, files, **kwargs):
    if page.file.src_uri == PRINT_PAGE:
        return html
    for marker in SEARCH_DUPLICATES:
        html = html.replace(marker, marker[:4] + " data-search-exclude" + marker[4:], 1)
    if EDITIONS_MARKER.search(html):
        html = EDITIONS_MARKER.sub(lambda m: _editions_html(page, config), html)
    _state["pages"][page.file.src_uri] = page
    return html


def on_env(env, config, files, **kwargs):
    # Compiled templates are kept between builds (keyed by each template's source, so an
    # edited template is compiled afresh): `mkdocs serve` rebuilds a second sooner.
    if env.bytecode_cache is None:
        import jinja2

        folder = Path(tempfile.gettempdir()) / f"guide-jinja-cache-{os.getuid()}"
        folder.mkdir(exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    page = files.get_file_from_path(PRINT_PAGE).page
    page.content = PrintEdition(config, _state["nav"]).render(page)
    return env


def on_post_page(output, page, config, **kwargs):
    return squeeze(defer_scripts(output))


def on_post_template(output_content, template_name, config, **kwargs):
    return squeeze(defer_scripts(output_content)) if template_name.endswith(".html") else output_content


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    purge_and_join_styles(site, config)
    made = {}
    if os.environ.get(ENV_PDF) and not _state["offline"]:
        made["pdf"] = build_pdf(site, site / DOWNLOADS / PRINT_PDF)
    if os.environ.get(ENV_ZIP) and not _state["offline"]:
        made["zip"] = build_offline_zip(site / DOWNLOADS / OFFLINE_ZIP)
    _fill_in_sizes(site, made)


# --- speed: scripts after the first paint -------------------------------------------------

BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
LATER = '<script type="text/x-guide-later" data-src="{src}"{type}></script>'
LOADER = 'script[type="text/x-guide-later"]'  # what the loader in overrides/main.html looks for


def defer_scripts(output: str) -> str:
    """Turn the bundle and the extra scripts after it into placeholders that the loader in
    overrides/main.html replaces with real scripts after the first paint."""
    match = BUNDLE.search(output)
    if not match or LOADER not in output:
        return output
    end = output.index("</body>", match.end())
    tail = output[match.end():end]

    def later(tag: re.Match) -> str:
        attrs = tag.group(1)
        src = re.search(r'\bsrc="([^"]*)"', attrs)
        if not src or re.search(r"\b(async|nomodule)\b", attrs):
            return tag.group(0)
        kind = re.search(r'\btype="([^"]*)"', attrs)
        return LATER.format(src=src.group(1),
                            type=f' data-type="{kind.group(1)}"' if kind else "")

    tail = re.sub(r"<script\b([^>]*)></script>", later, tail)
    bundle = LATER.format(src=match.group(1), type=' data-bundle=""')
    return output[:match.start()] + bundle + tail + output[end:]


# --- speed: whitespace ------------------------------------------------------------------

_KEEP = re.compile(r"(<(pre|script|style|textarea)\b.*?</\2>)", re.S | re.I)


def squeeze(output: str) -> str:
    """Collapse each run of whitespace that holds a line break into one line break, outside
    <pre>, <script>, <style> and <textarea>. Rendering is unchanged: HTML collapses such runs
    to one space anyway."""
    parts = _KEEP.split(output)
    out = []
    for i in range(0, len(parts), 3):
        out.append(re.sub(r"[ \t]*\n\s*", "\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


# --- speed: one trimmed stylesheet --------------------------------------------------------

_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')


def purge_and_join_styles(site: Path, config) -> str | None:
    """Replace Material's stylesheets and the site's extra stylesheets (those in the same
    folder) by one file, `assets/stylesheets/main.<hash>.min.css`, that keeps only the
    Material rules whose class names occur in the built pages or in the scripts.

    A rule is dropped only when a class name it needs appears nowhere: not in any page's
    class or id attributes, and not among the `md-*` names the theme's JavaScript adds."""
    folder = site / "assets" / "stylesheets"
    pages = sorted(site.rglob("*.html"))
    texts = {p: p.read_text(encoding="utf-8") for p in pages}
    # The stylesheets of the first page that has any: Material's, then extra_css.
    first = next((t for t in texts.values() if 'assets/stylesheets/main.' in t), None)
    if first is None:
        return None
    hrefs = [h for h in _LINK.findall(first) if h.rsplit("/", 1)[-1] and
             posixpath.dirname(h).endswith("assets/stylesheets")
             and not h.endswith("print-edition.css")]
    names = [h.rsplit("/", 1)[-1] for h in hrefs]
    if not names or not (folder / names[0]).is_file():
        return None
    theme = [n for n in names if re.match(r"(main|palette)\.[0-9a-f]+\.min\.css$", n)]
    words, attrs = _used_names(texts.values(), site)
    material = "".join(_strip_comments((folder / n).read_text(encoding="utf-8")) for n in theme)
    kept = drop_unused_properties(purge_css(material, words, attrs),
                                  "".join(texts.values()) + _script_text(site))
    extra = "".join("\n" + (folder / n).read_text(encoding="utf-8")
                    for n in names if n not in theme and (folder / n).is_file())
    css = kept + extra
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:8]
    joined = f"main.{digest}.min.css"
    (folder / joined).write_text(css, encoding="utf-8")
    for path, text in texts.items():
        links = [m for m in _LINK.finditer(text)
                 if m.group(1).rsplit("/", 1)[-1] in names
                 and posixpath.dirname(m.group(1)).endswith("assets/stylesheets")]
        if not links:
            continue
        prefix = posixpath.dirname(links[0].group(1))
        # data-joined names what the file holds, for people reading the page source.
        joined_from = " ".join(f"assets/stylesheets/{n}" for n in names)
        first_link = f'<link rel="stylesheet" href="{prefix}/{joined}" data-joined="{joined_from}">'
        out, last = [], 0
        for i, m in enumerate(links):
            out += [text[last:m.start()], first_link if i == 0 else ""]
            last = m.end()
        out.append(text[last:])
        path.write_text("".join(out), encoding="utf-8")
    _state["stylesheet"] = joined
    return joined


def _strip_comments(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def _script_text(site: Path) -> str:
    folder = site / "assets" / "javascripts"
    return "".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in folder.rglob("*.js") if "lunr" not in p.parts) if folder.is_dir() else ""


def _used_names(texts, site: Path) -> tuple[set[str], set[tuple[str, str]]]:
    words: set[str] = {"js", "no-js", "focus-visible"}
    attrs: set[tuple[str, str]] = set()
    for text in texts:
        for value in re.findall(r'\b(?:class|id)="([^"]*)"', text):
            words.update(value.split())
        attrs.update(re.findall(r'(data-md-color-[a-z]+)="([^"]+)"', text))
    # The theme's scripts add class names of their own, all named md-...; ours may add any
    # name they hold in a string.
    for path in (site / "assets" / "javascripts").rglob("*.js"):
        if "lunr" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.name.startswith(("bundle.", "search.")) or "workers" in path.parts:
            words.update(re.findall(r"md-[\w-]+", text))
            continue
        for literal in re.findall(r'"([^"\\\n]*)"|\'([^\'\\\n]*)\'|`([^`]*)`', text):
            words.update(re.findall(r"[\w-]+", "".join(literal)))
    return words, attrs


def _parse_css(css: str, i: int = 0) -> tuple[list, int]:
    """A small parser for minified CSS: ('rule', prelude, body), ('group', prelude,
    children) for @media/@supports/@layer/@container, ('stmt', text) for @charset etc."""
    nodes, n = [], len(css)
    while i < n:
        if css[i] == "}":
            return nodes, i + 1
        j, depth = i, 0
        while j < n:
            ch = css[j]
            if ch in "\"'":
                j = _skip_string(css, j)
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            elif depth == 0 and ch in "{;}":
                break
            j += 1
        prelude = css[i:j].strip()
        if j >= n:
            break
        if css[j] == ";":
            nodes.append(("stmt", prelude))
            i = j + 1
        elif css[j] == "}":
            i = j
        elif re.match(r"@(media|supports|layer|container)\b", prelude):
            children, i = _parse_css(css, j + 1)
            nodes.append(("group", prelude, children))
        else:
            k = _block_end(css, j + 1)
            nodes.append(("rule", prelude, css[j + 1:k]))
            i = k + 1
    return nodes, i


def _skip_string(css: str, j: int) -> int:
    quote, j = css[j], j + 1
    while j < len(css) and css[j] != quote:
        j += 2 if css[j] == "\\" else 1
    return j + 1


def _block_end(css: str, j: int) -> int:
    depth = 0
    while j < len(css):
        ch = css[j]
        if ch in "\"'":
            j = _skip_string(css, j)
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                return j
            depth -= 1
        j += 1
    return j


def _split_selectors(prelude: str) -> list[str]:
    out, depth, start, i = [], 0, 0, 0
    while i < len(prelude):
        ch = prelude[i]
        if ch in "\"'":
            i = _skip_string(prelude, i)
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            out.append(prelude[start:i].strip())
            start = i + 1
        i += 1
    out.append(prelude[start:].strip())
    return out


_FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")


def _selector_may_match(selector: str, words: set[str], attrs: set[tuple[str, str]]) -> bool:
    # What is inside :not(), :is(), :where() and :has() never rules a selector out.
    while (m := _FUNCTIONAL.search(selector)):
        i, depth = m.end(), 1
        while i < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[i], 0)
            i += 1
        selector = selector[:m.start()] + selector[i:]
    for name, value in re.findall(r'\[(data-md-color-[a-z]+)=["\']?([^"\'\]]+)["\']?\]', selector):
        if (name, value) not in attrs:
            return False
    selector = re.sub(r"\[[^\]]*\]", "", selector)
    return all(name in words for name in re.findall(r"[.#](-?[_a-zA-Z][\w-]*)", selector))


def purge_css(css: str, words: set[str], attrs: set[tuple[str, str]]) -> str:
    def render(nodes) -> str:
        out = []
        for node in nodes:
            if node[0] == "stmt":
                if not node[1].startswith("@charset"):
                    out.append(node[1] + ";")
            elif node[0] == "group":
                inner = render(node[2])
                if inner:
                    out.append(node[1] + "{" + inner + "}")
            elif node[1].startswith("@"):  # @font-face, @keyframes, @page ...
                out.append(node[1] + "{" + node[2] + "}")
            else:
                kept = [s for s in _split_selectors(node[1]) if _selector_may_match(s, words, attrs)]
                if kept:
                    out.append(",".join(kept) + "{" + node[2] + "}")
        return "".join(out)

    return render(_parse_css(css)[0])


def drop_unused_properties(css: str, elsewhere: str) -> str:
    """Drop custom properties (--name: ...) that nothing reads any more: no var() in the
    stylesheet, and no mention in the pages or scripts (which may read or set them)."""
    decl = re.compile(r"(?<=[{;])(--[\w-]+):")
    mentioned = set(re.findall(r"--[\w-]+", elsewhere))
    while True:
        read = set(re.findall(r"var\((--[\w-]+)", css))
        unused = set(decl.findall(css)) - read - mentioned
        if not unused:
            return css
        names = "|".join(re.escape(n) for n in sorted(unused, key=len, reverse=True))
        css = re.sub(r"(?<=[{;])(?:" + names + r"):(?:[^;}\"']|\"[^\"]*\"|'[^']*')*;?", "", css)
        css = re.sub(r"(?:^|(?<=[}]))[^{}@]+\{\}", "", css)
        css = css.replace(";}", "}")


# --- print edition ---------------------------------------------------------------------

def _print_page_markdown(config) -> str:
    description = (f"The whole {config['site_name']} on one page, in reading order, for "
                   "printing or saving as a PDF: contents, every section, checklists as empty "
                   "boxes and link addresses.")
    return "\n".join([
        "---",
        f"title: {json.dumps(PRINT_TITLE)}",
        f"description: {json.dumps(description)}",
        "hide: [navigation, toc]",
        "search:",
        "  exclude: true",
        "print_edition: true",
        "---",
        "",
        f"# {config['site_name']}",
        "",
    ])


class PrintEdition:
    """The whole guide, as one page, in the order of the navigation."""

    def __init__(self, config, nav):
        self.config = config
        self.nav = nav
        self.site_url = config.get("site_url") or ""
        self.entries: list[tuple[str, object, int]] = []  # (kind, item, depth)
        self.slugs: dict[str, str] = {}  # page url -> anchor of the page in the print edition

    def render(self, print_page) -> str:
        from mkdocs.structure.pages import Page

        self.print_url = print_page.url
        self._walk(self.nav.items, 0)
        for kind, item, depth in self.entries:
            if kind == "page":
                self.slugs[item.url] = _slug(item.url or "home")
        toc, body = [], []
        for kind, item, depth in self.entries:
            if kind == "section":
                anchor = "section-" + _slug(item.title)
                level = min(6, 2 + depth)
                body.append(f'<h{level} id="{anchor}" class="print-section-title">'
                            f"{htmllib.escape(item.title)}</h{level}>")
                toc.append((depth, anchor, item.title))
                continue
            page: Page = item
            if page.content is None:
                continue
            slug = self.slugs[page.url]
            title = page.title or ""
            toc.append((depth, slug, title))
            content = _PagePrinter(self, page, slug, depth).rewrite(page.content)
            body.append(f'<section class="print-page" id="{slug}" aria-labelledby="{slug}--title">'
                        f"{content}</section>")
        address = self.site_url or "the guide's website"
        intro = (f'<p class="print-intro">This is the whole guide on one page, for printing or '
                 f'saving as a PDF. The web edition is at <a href="{htmllib.escape(address)}">'
                 f'{htmllib.escape(address)}</a>, where the checklists and the online '
                 "self-assessment also save your answers in your browser.</p>")
        # The heading keeps the id of the page's own h1, which the skip link points to.
        first = next(iter(print_page.toc), None)
        anchor = first.id if first is not None else "print-edition"
        return (f'<h1 id="{anchor}">{htmllib.escape(self.config["site_name"])}</h1>'
                + intro + self._toc_html(toc) + "".join(body))

    def _walk(self, items, depth):
        for item in items:
            if item.is_page:
                self.entries.append(("page", item, depth))
            elif item.is_section:
                children = list(item.children)
                index = next((c for c in children if c.is_page and c.is_index), None)
                if index is not None:
                    self.entries.append(("page", index, depth))
                    children.remove(index)
                else:
                    self.entries.append(("section", item, depth))
                self._walk(children, depth + 1)

    @staticmethod
    def _toc_html(toc) -> str:
        out, current = ['<nav class="print-contents" aria-labelledby="print-contents-title">',
                        '<h2 id="print-contents-title">Contents</h2>'], -1
        for depth, anchor, title in toc:
            if depth > current:
                out.append("<ol>" * (depth - current))
            elif depth < current:
                out.append("</li>" + "</ol></li>" * (current - depth))
            else:
                out.append("</li>")
            out.append(f'<li><a href="#{anchor}">{htmllib.escape(title)}</a>')
            current = depth
        out.append("</li>" + "</ol></li>" * current + "</ol></nav>")
        return "".join(out)

    def resolve(self, href: str, page_url: str, slug: str) -> tuple[str, str | None]:
        """Where a link of a page points in the print edition, and the address to write out
        after it (None for a place inside the print edition)."""
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            shown = href[len("mailto:"):] if parts.scheme == "mailto" else href
            return href, shown if parts.scheme in ("http", "https", "mailto") else None
        if href.startswith("#"):
            return f"#{slug}--{href[1:]}" if len(href) > 1 else f"#{slug}", None
        target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + page_url), parts.path))
        target = target.lstrip("/")
        if parts.path.endswith("/") and target:
            target += "/"
        if target == ".":
            target = ""
        for url, target_slug in self.slugs.items():
            if url == target or (url.endswith("index.html") and url[:-10] == target):
                fragment = f"--{parts.fragment}" if parts.fragment else ""
                return f"#{target_slug}{fragment}", None
        # A file of the site (a download, an image): from the print page, and by full address.
        relative = posixpath.relpath(target or ".", posixpath.dirname(self.print_url) or ".")
        relative += f"#{parts.fragment}" if parts.fragment else ""
        return relative, urljoin(self.site_url, target) if self.site_url else relative


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("index.html", "")).strip("-") or "home"


ID_REFS = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers", "list")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_RAW_TEXT = ("script", "style")


class _PagePrinter:
    """Rewrites one page's HTML (as MkDocs writes it: well-formed) for the print edition."""

    def __init__(self, edition: PrintEdition, page, slug: str, depth: int):
        self.edition, self.page, self.slug = edition, page, slug
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
        attrs: list[tuple[str, str | None]] = []
        classes = []
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
                value, shown = self.edition.resolve(value, self.page.url, self.slug)
                self.link_address.append((shown, len(self.out) + 1))
            elif name == "src" and value and not urlsplit(value).scheme:
                value, _ = self.edition.resolve(value, self.page.url, self.slug)
            elif name == "class":
                classes = value.split() if value else []
                continue
            attrs.append((name, value))
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


# --- offline copy -------------------------------------------------------------------------

def _offline(config) -> bool:
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "offline" and getattr(plugin, "config", {}).get("enabled", True):
            return True
    return False


# iframe-worker 1.0.4 (https://github.com/squidfunk/iframe-worker, MIT License,
# Copyright (c) 2020-2022 Martin Donath): the Web Worker shim Material's offline plugin
# loads from unpkg.com, kept here so the offline copy needs no network.
IFRAME_WORKER_SHIM = (
    '"use strict";(()=>{function c(s,n){parent.postMessage(s,n||"*")}function d(...s){return '
    's.reduce((n,e)=>n.then(()=>new Promise(r=>{let t=document.createElement("script");t.src=e,'
    't.onload=r,document.body.appendChild(t)})),Promise.resolve())}var o=class extends '
    'EventTarget{constructor(e){super();this.url=e;this.m=e=>{e.source===this.w&&(this.'
    'dispatchEvent(new MessageEvent("message",{data:e.data})),this.onmessage&&this.onmessage(e))}'
    ';this.e=(e,r,t,i,m)=>{if(r===`${this.url}`){let a=new ErrorEvent("error",{message:e,'
    'filename:r,lineno:t,colno:i,error:m});this.dispatchEvent(a),this.onerror&&this.onerror(a)}}'
    ';let r=document.createElement("iframe");r.hidden=!0,document.body.appendChild(this.iframe=r'
    '),this.w.document.open(),this.w.document.write(`<html><body><script>postMessage=${c};'
    'importScripts=${d};addEventListener("error",({error})=>{parent.dispatchEvent(new '
    'ErrorEvent("error",{filename:"${e}",error}))})<\\/script><script src=${e}?${+Date.now()}>'
    '<\\/script></body></html>`),this.w.document.close(),onmessage=this.m,onerror=this.e,this.r='
    'new Promise((t,i)=>{this.w.onload=t,this.w.onerror=i})}terminate(){this.iframe.remove(),'
    'onmessage=onerror=null}postMessage(e){this.r.catch().then(()=>{this.w.dispatchEvent(new '
    'MessageEvent("message",structuredClone({data:e})))})}get w(){return this.iframe.'
    'contentWindow}};window.IFrameWorker=o;location.protocol==="file:"&&(window.Worker=o);})();\n')
SHIM_PATH = "assets/javascripts/offline/iframe-worker-shim.js"
OFFLINE_SCRIPTS = "assets/javascripts/offline"


def _use_local_polyfills(config) -> None:
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [SHIM_PATH if "iframe-worker" in str(p) else p for p in polyfills]


def _classic_scripts_config(config) -> None:
    """Browsers refuse ES modules from file:// pages, so the offline copy loads each module
    script as one classic script (see `bundle_module`)."""
    from mkdocs.config.config_options import ExtraScriptValue

    scripts, converted = [], []
    for script in config.extra_javascript:
        if getattr(script, "type", "") == "module":
            value = ExtraScriptValue(f"{OFFLINE_SCRIPTS}/{posixpath.basename(script.path)}")
            value.defer = True
            scripts.append(value)
            converted.append(script.path)
        else:
            scripts.append(script)
    config.extra_javascript = scripts
    _state["modules"] = converted


def _classic_scripts_files(files, config) -> None:
    from mkdocs.structure.files import File

    files.append(File.generated(config, SHIM_PATH, content=IFRAME_WORKER_SHIM))
    for path in _state.get("modules", []):
        source = files.get_file_from_path(path)
        if source is None or not source.abs_src_path:
            raise _plugin_error(f"offline copy: cannot find the script {path}")
        code = bundle_module(Path(source.abs_src_path))
        files.append(File.generated(config, f"{OFFLINE_SCRIPTS}/{posixpath.basename(path)}",
                                    content=code))


_IMPORT = re.compile(r"^import\s*\{([^}]*)\}\s*from\s*[\"'](\.{1,2}/[^\"']+)[\"'];?[ \t]*$", re.M)
_EXPORT = re.compile(r"^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)",
                     re.M)


def bundle_module(entry: Path) -> str:
    """One classic script from an ES module and the modules it imports, for file:// pages.

    Each module runs in its own function scope and hands its exports to the modules that
    import them, in dependency order, as the browser would. Only the forms the guide's
    scripts use are understood (`import { a, b as c } from "./x.js"`, `export function`,
    `export const`...); anything else stops the build with a message."""
    order: list[Path] = []
    seen: set[Path] = set()

    def visit(path: Path, trail: tuple):
        if path in trail:
            raise _plugin_error(f"offline copy: circular import through {path.name}")
        if path in seen:
            return
        text = path.read_text(encoding="utf-8")
        for names, spec in _IMPORT.findall(text):
            visit((path.parent / spec).resolve(), trail + (path,))
        seen.add(path)
        order.append(path)

    visit(entry.resolve(), ())
    ids = {path: f"__guide_module_{i}" for i, path in enumerate(order)}
    parts = ["/* Made from ES modules by macros/offline_print.py for the offline copy. */",
             "(function () {"]
    for path in order:
        text = path.read_text(encoding="utf-8")
        leftovers = re.findall(r"^\s*(?:import\b(?!\s*\{[^}]*\}\s*from)|export\s+(?:default|\{|\*))"
                               r"|\bimport\s*\(|\bimport\.meta\b", _IMPORT.sub("", text), re.M)
        if leftovers:
            raise _plugin_error(f"offline copy: {path.name} uses an import or export form the "
                                f"offline bundler does not know: {leftovers[0].strip()}")

        def imports(match: re.Match) -> str:
            target = (path.parent / match.group(2)).resolve()
            names = []
            for item in match.group(1).split(","):
                item = item.strip()
                if item:
                    source, _, alias = item.partition(" as ")
                    names.append(f"{source.strip()}: {alias.strip()}" if alias else source)
            return f"const {{ {', '.join(names)} }} = {ids[target]};"

        exports = _EXPORT.findall(text)
        body = _EXPORT.sub(lambda m: m.group(0)[len("export "):].lstrip(), _IMPORT.sub(imports, text))
        body = re.sub(r"^export\s+", "", body, flags=re.M)
        parts += [f"/* {path.name} */",
                  f"const {ids[path]} = (function () {{",
                  '"use strict";', body,
                  f"return {{ {', '.join(exports)} }};", "})();"]
    parts.append("})();")
    return "\n".join(parts) + "\n"


def build_offline_zip(target: Path, root: Path = ROOT) -> Path:
    """Build the offline copy (a separate MkDocs build in a child process) and zip it."""
    with tempfile.TemporaryDirectory(prefix="guide-offline-") as tmp:
        site = Path(tmp) / "site"
        env = {k: v for k, v in os.environ.items() if k not in (ENV_ZIP, ENV_PDF)}
        env["NO_MKDOCS_2_WARNING"] = "1"
        result = subprocess.run([sys.executable, "-m", "macros.offline_print", "build-offline",
                                 str(site)], cwd=root, env=env, capture_output=True, text=True)
        if result.returncode:
            raise _plugin_error("the offline build failed:\n" + result.stdout + result.stderr)
        return zip_site(site, target)


def build_offline_site(site_dir: Path, root: Path = ROOT) -> None:
    """Build the guide with Material's offline plugin into site_dir (in this process)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    config_file = root / "mkdocs.yml"
    with open(config_file, "rb") as fd:
        raw = yaml_load(fd)
    plugins = list(raw.get("plugins") or [])
    if isinstance(raw.get("plugins"), dict):
        plugins = [{k: v} for k, v in raw["plugins"].items()]
    plugins.append({"offline": {"enabled": True}})
    config = load_config(str(config_file), plugins=plugins, site_dir=str(site_dir))
    build(config)


ZIP_FOLDER = "digital-equity-guide"
ZIP_README = """\
Digital Equity Guide for K-12 Leaders: offline copy

1. Unzip this whole folder (do not open the files from inside the ZIP).
2. Open index.html in your web browser.

Everything works without an internet connection: every page, search, the checklists and
the online self-assessment (they save your answers in this browser only), the print
edition (print.html), and the two companion tools in the downloads folder.
Links to outside resources need a connection.
"""


def zip_site(site: Path, target: Path) -> Path:
    """Zip a built offline site, reproducibly, leaving out what a reader never loads."""
    config_lang_en = True
    entries = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if (rel.endswith(".map") or rel in ("_headers", "sitemap.xml", "sitemap.xml.gz")
                or rel.startswith(f"{DOWNLOADS}/{OFFLINE_ZIP}")
                or (config_lang_en and rel.startswith("assets/javascripts/lunr/"))
                or re.fullmatch(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css", rel)
                and not _referenced(site, rel)):
            continue
        entries.append((rel, path))
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        info = zipfile.ZipInfo(f"{ZIP_FOLDER}/README.txt", date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, ZIP_README)
        for rel, path in entries:
            info = zipfile.ZipInfo(f"{ZIP_FOLDER}/{rel}", date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    target.write_bytes(buffer.getvalue())
    return target


_references: dict = {}


def _referenced(site: Path, rel: str) -> bool:
    key = str(site)
    if key not in _references:
        _references[key] = "".join(p.read_text(encoding="utf-8", errors="replace")
                                   for p in site.rglob("*.html"))
    return re.search(r'(?:href|src)="[^"]*' + re.escape(posixpath.basename(rel)) + '"',
                     _references[key]) is not None


# --- PDF ------------------------------------------------------------------------------------

def chromium_executable() -> str | None:
    for path in [os.environ.get("CHROME_PATH", ""), *CHROMIUM_PATHS]:
        if path and Path(path).exists():
            return path
    return None  # Playwright's own Chromium, if installed


def build_pdf(site: Path, target: Path) -> Path:
    """Print the print edition of a built site to a tagged PDF with bookmarks."""
    from playwright.sync_api import sync_playwright

    page_file = site / "print" / "index.html"
    if not page_file.is_file():
        page_file = site / "print.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(),
                                             args=CHROMIUM_ARGS)
        try:
            # Without JavaScript: the page is complete without it, and nothing saved in a
            # browser (check marks, ratings) can find its way into the PDF.
            context = browser.new_context(java_script_enabled=False)
            page = context.new_page()
            page.goto(page_file.as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.pdf(path=str(target), format="Letter", outline=True, tagged=True,
                     print_background=True, display_header_footer=True,
                     header_template="<span></span>",
                     footer_template='<div style="font-size:8pt;width:100%;text-align:center;'
                                     'color:#555"><span class="pageNumber"></span> of '
                                     '<span class="totalPages"></span></div>',
                     margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
        finally:
            browser.close()
    return target


# --- the Downloads page -----------------------------------------------------------------------

def _editions_html(page, config) -> str:
    from mkdocs.utils import get_relative_url

    print_url = "print/" if config.use_directory_urls else "print.html"
    href = get_relative_url(print_url, page.url)
    items = [f'<li><a href="{href}">The whole guide on one page</a> (print edition): every '
             "section in reading order with a table of contents, checklists as empty boxes and "
             "link addresses written out. Print it, or save it as a PDF from your browser.</li>"]
    if _state.get("offline"):
        items.append("<li>You are reading the offline copy: it works without an internet "
                     "connection, search included.</li>")
    else:
        if os.environ.get(ENV_PDF):
            pdf = get_relative_url(f"{DOWNLOADS}/{PRINT_PDF}", page.url)
            items.append(f'<li><a href="{pdf}" download>The whole guide as a PDF '
                         '(<span data-guide-size="pdf">PDF</span>)</a>, with bookmarks for '
                         "every section.</li>")
        if os.environ.get(ENV_ZIP):
            zipped = get_relative_url(f"{DOWNLOADS}/{OFFLINE_ZIP}", page.url)
            items.append(f'<li><a href="{zipped}" download>The offline copy of the whole guide '
                         '(<span data-guide-size="zip">ZIP</span>)</a>: unzip it and open '
                         "index.html. It works without an internet connection, search, "
                         "checklists, the online self-assessment and both companion tools "
                         "included.</li>")
    return '<ul class="guide-editions">' + "".join(items) + "</ul>"


def _fill_in_sizes(site: Path, made: dict) -> None:
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if "data-guide-size=" not in text:
            continue

        def size(match: re.Match) -> str:
            kind = match.group(1)
            if kind not in made:
                return match.group(0)
            label = {"pdf": "PDF", "zip": "ZIP"}[kind]
            return f'<span data-guide-size="{kind}">{label}, {_file_size(made[kind].stat().st_size)}</span>'

        path.write_text(re.sub(r'<span data-guide-size="(\w+)">[^<]*</span>', size, text),
                        encoding="utf-8")


def _file_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024:.0f} KB"


def _plugin_error(message: str):
    from mkdocs.exceptions import PluginError

    return PluginError(message)


# --- command line -------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    usage = ("usage: python -m macros.offline_print offline [ZIP] | pdf [PDF] | "
             "build-offline SITE_DIR")
    if not argv:
        print(usage, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if command == "build-offline" and rest:
        build_offline_site(Path(rest[0]).resolve())
        return 0
    if command == "offline":
        target = Path(rest[0] if rest else f"dist/{OFFLINE_ZIP}").resolve()
        build_offline_zip(target)
        print(f"{target} ({_file_size(target.stat().st_size)})")
        return 0
    if command == "pdf":
        target = Path(rest[0] if rest else f"dist/{PRINT_PDF}").resolve()
        with tempfile.TemporaryDirectory(prefix="guide-print-") as tmp:
            env = {k: v for k, v in os.environ.items() if k not in (ENV_ZIP, ENV_PDF)}
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                                     "--site-dir", tmp], cwd=ROOT, env=env,
                                    capture_output=True, text=True)
            if result.returncode:
                print(result.stdout + result.stderr, file=sys.stderr)
                return 1
            build_pdf(Path(tmp), target)
        print(f"{target} ({_file_size(target.stat().st_size)})")
        return 0
    print(usage, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
