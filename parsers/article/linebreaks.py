"""Paragraphs of containers that separate them with `<br>` instead of `<p>` (no publisher here).

info.gov.hk press releases and RTHK stories put the whole text in one element, one paragraph per
line and `<br /><br />` between paragraphs, so the framework's paragraph selector finds nothing.
"""

from __future__ import annotations

from bs4 import Tag
from bs4.element import NavigableString

from parsers.whitespace import clean_text

_BLOCKS = {"p", "div", "li", "tr", "h2", "h3", "h4", "blockquote"}


def br_paragraphs(container: Tag) -> list[str]:
    """One cleaned text per `<br>`-separated line (or block element), empty lines dropped.

    Newlines inside text nodes are only source formatting, so they become spaces; only `<br>`
    and block elements break lines. Comments and script/style text are not article text.
    """
    parts: list[str] = []
    for node in container.descendants:
        if isinstance(node, Tag):
            if node.name == "br" or node.name in _BLOCKS:
                parts.append("\n")
        elif type(node) is NavigableString:
            parts.append(str(node).replace("\r", " ").replace("\n", " "))
    lines = (clean_text(line) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]
