"""Plain text from the HTML fragments feeds put in titles and descriptions."""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.exceptions import ParserRejectedMarkup

from parsers.errors import ParseError
from parsers.whitespace import clean_text

_MARKUP = re.compile(r"<[a-zA-Z/!]|&[#a-zA-Z0-9]+;")


def soup(markup: str, parser: str = "html.parser") -> BeautifulSoup:
    """BeautifulSoup without its advice: an XML error page or a bare URL read as HTML is
    expected here, not a mistake."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        try:
            return BeautifulSoup(markup, parser)
        except ParserRejectedMarkup:
            # html.parser gives up on some broken declarations (`<![<`); lxml recovers from them.
            try:
                return BeautifulSoup(markup, "lxml")
            except ParserRejectedMarkup as error:
                raise ParseError(f"markup no HTML parser can read: {error}") from error


def fragment_text(value: str | None) -> str | None:
    """A feed's HTML fragment as text (tags and entities resolved); None when nothing is left."""
    if value is None:
        return None
    if _MARKUP.search(value):
        value = soup(value).get_text(" ")
    return clean_text(value) or None
