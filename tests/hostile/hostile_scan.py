"""A static scan of built HTML for markup that came alive: what the browser would run or load.

Two scopes. The whole page may hold no event attribute (``on...``) and no
``javascript:``, ``data:`` or ``vbscript:`` address anywhere, chrome included.
The content (the page's ``<article>``) may hold only the elements Markdown and
the normaliser write: no script, style, iframe, object, embed, svg, math,
form or input of any kind, and images only from the site itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcset", "background", "cite"}
BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript)\s*:", re.I)
# Material's own header links (the search toggle) are "javascript:void(0)"; nothing else may be.
THEME_URLS = {"javascript:void(0)"}
# What Markdown, its extensions and the normaliser's renderer put into an article.
CONTENT_TAGS = {
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "a",
    "code",
    "pre",
    "span",
    "div",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "br",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "kbd",
    "blockquote",
    "details",
    "summary",
    "sup",
    "sub",
    "nav",
    "label",
}


@dataclass
class Finding:
    tag: str
    detail: str

    def __str__(self) -> str:
        return f"<{self.tag}> {self.detail}"


@dataclass
class _Scan(HTMLParser):
    findings: list[Finding] = field(default_factory=list)
    depth: int = 0  # open elements inside the article; 0 = outside

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.findings.append(Finding(tag, f"event attribute {name}={value!r}"))
            if name in URL_ATTRIBUTES and BAD_SCHEME.match(value) and (self.depth or value not in THEME_URLS):
                self.findings.append(Finding(tag, f"{name}={value!r}"))
            if name == "style" and self.depth:
                self.findings.append(Finding(tag, f"style attribute {value!r} in the content"))
        if tag == "article" or self.depth:
            if tag not in CONTENT_TAGS:
                if tag == "img" and not re.match(r"^[a-z][\w+.-]*:|^//", values.get("src", ""), re.I):
                    pass  # an image of the site's own
                else:
                    self.findings.append(Finding(tag, "element not expected in the content"))
            if tag not in VOID:
                self.depth += 1
        href = values.get("href", "")
        if (
            self.depth
            and tag == "a"
            and re.match(r"^\s*[a-z][\w+.-]*:", href, re.I)
            and not re.match(r"^(https?|mailto):", href, re.I)
        ):
            self.findings.append(Finding(tag, f"link to {href!r}"))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.depth and tag not in VOID and tag != "article":
            self.depth -= 1

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            self.depth -= 1

    def handle_comment(self, data):
        if self.depth:
            self.findings.append(Finding("!--", f"comment {data[:40]!r} in the content"))


def scan(html: str) -> list[Finding]:
    parser = _Scan()
    parser.feed(html)
    parser.close()
    return parser.findings


def scan_fragment(html: str) -> list[Finding]:
    """A piece of content on its own (a search result), held to the content's rules."""
    return scan(f"<article>{html}</article>")
