"""XML parsing that refuses entity declarations and external references (billion laughs, XXE).

Every XML document a feed parser reads goes through here first, including the ones handed on to
feedparser: feedparser strips DOCTYPEs itself, but refusing them here gives one clear error for
every hostile document instead of an item titled "&lol9;".
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element
from xml.etree.ElementTree import ParseError as XMLSyntaxError

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree

from parsers.errors import ParseError

# expat codes that mean the document stops early: nothing after this point can be trusted.
NO_ELEMENTS, UNCLOSED_TOKEN, PARTIAL_CHAR, UNCLOSED_CDATA = 3, 5, 6, 20
TRUNCATION_CODES = frozenset({NO_ELEMENTS, UNCLOSED_TOKEN, PARTIAL_CHAR, UNCLOSED_CDATA})


@dataclass(frozen=True, slots=True)
class Checked:
    """The strict parse of a document; `root` is None when it is not well-formed."""

    root: Element | None
    problem: str | None


def check_xml(data: bytes, what: str) -> Checked:
    """Strictly parse `data`; hostile, empty or truncated documents raise ParseError.

    Documents with other well-formedness errors (an undeclared `&nbsp;`, a stray `&`) come back
    with `root=None`, so a lenient reader such as feedparser may still try them.
    """
    if not data.strip():
        raise ParseError(f"{what}: empty document")
    try:
        return Checked(SafeElementTree.fromstring(data, forbid_dtd=False), None)
    except DefusedXmlException as error:
        raise ParseError(
            f"{what}: refused hostile XML ({type(error).__name__}: entity declarations and "
            "external references are not allowed)"
        ) from error
    except XMLSyntaxError as error:
        if getattr(error, "code", None) in TRUNCATION_CODES:
            raise ParseError(f"{what}: truncated or empty XML ({error})") from error
        return Checked(None, f"not well-formed XML ({error})")
    except (ValueError, LookupError) as error:  # LookupError: an unknown declared encoding
        raise ParseError(f"{what}: unreadable XML ({error})") from error


def parse_xml(data: bytes, what: str) -> Element:
    """The root element of a well-formed, harmless document, else ParseError."""
    checked = check_xml(data, what)
    if checked.root is None:
        raise ParseError(f"{what}: {checked.problem}")
    return checked.root


def local_name(tag: str) -> str:
    """`{http://www.sitemaps.org/schemas/sitemap/0.9}loc` -> `loc`."""
    return tag.rpartition("}")[2]
