"""Paragraphs of containers that separate them with `<br>` instead of `<p>` (no publisher here).

info.gov.hk press releases and RTHK stories put the whole text in one element, one paragraph per
line and `<br /><br />` between paragraphs, so the framework's paragraph selector finds nothing.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from parsers.article.elements import HIDDEN_TEXT
from parsers.whitespace import clean_text

_BLOCKS = {"p", "div", "li", "tr", "h2", "h3", "h4", "blockquote"}


def br_paragraphs(container: HtmlElement) -> list[str]:
    """One cleaned text per `<br>`-separated line (or block element), empty lines dropped.

    Newlines inside text nodes are only source formatting, so they become spaces; only `<br>`
    and block elements break lines. Comments and script/style text are not article text.
    """
    parts: list[str] = []
    _lines(container, parts, hidden=False)
    lines = (clean_text(line) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _lines(element: HtmlElement, parts: list[str], *, hidden: bool) -> None:
    """Append the element's content to `parts`: its text, then each child (a line break for a
    break or block, then the child's content, then the text after it)."""
    if element.text and not hidden:
        parts.append(element.text.replace("\r", " ").replace("\n", " "))
    for child in element:
        if isinstance(child.tag, str):
            if child.tag == "br" or child.tag in _BLOCKS:
                parts.append("\n")
            _lines(child, parts, hidden=hidden or child.tag in HIDDEN_TEXT)
        if child.tail and not hidden:
            parts.append(child.tail.replace("\r", " ").replace("\n", " "))
