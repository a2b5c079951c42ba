"""HTML reader: navigation and scripts dropped, headings, lists and paragraphs kept as blocks."""

from __future__ import annotations

from nlp.ingest.read_text import decode_text
from nlp.records import Extracted, RawBlock

_HTML_SKIP = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "svg",
    "button",
    "template",
}
_HTML_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HTML_BLOCKS = {
    "p",
    "li",
    "td",
    "th",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "table",
    "tr",
    "tbody",
    "thead",
    "body",
    "figure",
    "figcaption",
} | set(_HTML_HEADINGS)


def _read_html(data: bytes, name: str) -> Extracted:
    from bs4 import BeautifulSoup, NavigableString, Tag
    from bs4.element import Comment

    text = decode_text(data, name)
    soup = BeautifulSoup(text, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(list(_HTML_SKIP)):
        tag.decompose()
    blocks: list[RawBlock] = []

    def emit(kind: str, parts: list[str], level: int = 0, marker: str = "") -> None:
        joined = " ".join("".join(parts).split())
        if joined:
            blocks.append(RawBlock(kind, joined, level=level, marker=marker))  # type: ignore[arg-type]

    def walk(node: Tag, kind: str, level: int = 0, marker: str = "") -> None:
        parts: list[str] = []
        counter = 0
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child))
            elif isinstance(child, Tag) and child.name in _HTML_BLOCKS:
                emit(kind, parts, level, marker)
                parts = []
                if child.name in _HTML_HEADINGS:
                    emit("heading", [child.get_text(" ")], _HTML_HEADINGS[child.name])
                elif child.name == "li":
                    counter += 1
                    ordered = node.name == "ol"
                    walk(child, "item", level + 1, f"{counter}." if ordered else "•")
                elif child.name in ("figcaption",):
                    continue
                else:
                    walk(child, "paragraph" if kind == "paragraph" else kind, level, marker)
                    marker = "" if kind == "item" else marker
            elif isinstance(child, Tag):
                if child.name == "br":
                    parts.append(" ")
                else:
                    parts.append(child.get_text(""))
        emit(kind, parts, level, marker)

    body = soup.body or soup
    walk(body, "paragraph")
    return Extracted(path=name, fmt="html", blocks=tuple(blocks), title=title)
