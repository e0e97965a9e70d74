"""Paragraphs of containers that separate them with `<br>` instead of `<p>` (no publisher here).

info.gov.hk press releases and RTHK stories put the whole text in one element, one paragraph per
line and `<br /><br />` between paragraphs, so the framework's paragraph selector finds nothing.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from parsers.article.elements import pieces
from parsers.whitespace import clean_text

_BREAKS = frozenset({"br", "p", "div", "li", "tr", "h2", "h3", "h4", "blockquote"})


def br_paragraphs(container: HtmlElement) -> list[str]:
    """One cleaned text per `<br>`-separated line (or block element), empty lines dropped.

    Newlines inside text nodes are only source formatting, so they become spaces; only `<br>`
    and block elements break lines. Comments and script/style text are not article text.
    """
    parts = [
        "\n" if piece is None else piece.replace("\r", " ").replace("\n", " ")
        for piece in pieces(container, _BREAKS)
    ]
    lines = (clean_text(line) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]
