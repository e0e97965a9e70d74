"""Reading a page's lxml tree the way the publisher parsers need: CSS selection, text, removal.

The parsers were first written on BeautifulSoup, whose tree cost ~9 ms a 40 KB page to build on
top of the lxml tree the page already had for its metadata, and whose selectors (soupsieve) match
in Python element by element. Here the same selectors are translated once to XPath (cssselect)
and run in libxml2 on that one tree. What the parsers read stays what they read on BeautifulSoup,
and `tests/parsers/test_elements.py` holds both to it on every page we have:
- a selection from an element finds its descendants only, as soupsieve's `select` does;
- text is the element's text strings joined by a separator, without comments and without the
  text of `<script>`, `<style>`, `<template>`, `<rt>` and `<rp>` below the element (BeautifulSoup
  gives those strings other types, which `get_text` leaves out);
- a removed element leaves the strings around it separate (BeautifulSoup's `decompose`), where
  lxml's own `drop_tree` would glue the text before it to the text after it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from functools import lru_cache

from cssselect import HTMLTranslator
from lxml.etree import XPath
from lxml.html import HtmlElement

# Elements whose text BeautifulSoup types apart from the page's text (Script, Stylesheet,
# TemplateString, RubyTextString, RubyParenthesisString).
_HIDDEN_TEXT = frozenset({"script", "style", "template", "rt", "rp"})
# What a removed element becomes where text touches it on both sides (see `remove`): no name a
# selector uses, no attributes, no content; its tail (the text after it) stays its own string.
_REMOVED = "hzhk-removed"


@lru_cache(maxsize=1024)
def compiled(selector: str) -> XPath:
    """A CSS selector as compiled XPath, once per process: translating costs ~0.1-1 ms, running
    a few microseconds. Raises cssselect's SelectorError for a selector it cannot read."""
    return XPath(HTMLTranslator().css_to_xpath(selector, prefix="descendant-or-self::"))


def select(root: HtmlElement, selector: str) -> list[HtmlElement]:
    """Elements below `root` matching the selector, in document order (not `root` itself)."""
    return [el for el in compiled(selector)(root) if el is not root]


def select_one(root: HtmlElement, selector: str | None) -> HtmlElement | None:
    """The first element below `root` matching the selector (None for no selector or match)."""
    if not selector:
        return None
    return next(iter(select(root, selector)), None)


def matches(element: HtmlElement, selector: str) -> bool:
    """Whether the element matches the selector where it stands in its tree (its siblings and
    ancestors count, as in `p + p`)."""
    top = element.getroottree().getroot()
    return any(found is element for found in compiled(selector)(top))


def pieces(element: HtmlElement, breaks: AbstractSet[str] = frozenset()) -> Iterator[str | None]:
    """The element's text strings in document order, as BeautifulSoup reads its descendants,
    and None where an element below it named in `breaks` begins (`<br>`, a block).

    Iterative, as BeautifulSoup's `descendants` is: a page nested deeper than Python's recursion
    limit is still read. Text inside a script, style, template or ruby annotation below the
    element is not yielded, though its elements still break lines; comments and processing
    instructions give only the text after them.
    """
    stack: list[tuple[HtmlElement, bool, bool]] = [(element, False, False)]  # node, tail, hidden
    while stack:
        node, tail_only, hidden = stack.pop()
        if tail_only:
            if node.tail and not hidden:
                yield node.tail
            continue
        if node is not element and node.tag in breaks:
            yield None
        if node.text and not hidden:
            yield node.text
        for child in reversed(node):
            stack.append((child, True, hidden))
            if isinstance(child.tag, str):
                stack.append((child, False, hidden or child.tag in _HIDDEN_TEXT))


def strings(element: HtmlElement) -> Iterator[str]:
    """The element's text strings in document order, as BeautifulSoup's `get_text` reads them."""
    return (piece for piece in pieces(element) if piece is not None)


def text(element: HtmlElement, separator: str = "") -> str:
    """The element's text (see `strings`), joined by `separator`."""
    return separator.join(strings(element))


def detached_copy(element: HtmlElement) -> HtmlElement:
    """A copy of the element and everything in it, outside the page: cleaning it leaves the
    page's shared tree as every other getter reads it."""
    clone: HtmlElement = copy.deepcopy(element)
    clone.tail = None
    return clone


def remove(element: HtmlElement) -> None:
    """Take the element and its content out of the page, keeping the strings either side of it
    apart (see the module's docstring).

    Most removed elements (a script, a share bar, a caption between paragraphs) have only
    whitespace on one side, and leave the tree: the elements either side become neighbours, as
    a `p + p` selector and a caption's search for the paragraph after an image expect. Where
    text touches it on both sides (`Hang<script/>zhou`), dropping it would glue the two into one
    word, so it stays as an empty element without a name any selector uses. An element without
    a parent (a copy's own root) is left as it is.
    """
    parent = element.getparent()
    if parent is None:
        return
    previous = element.getprevious()
    before = previous.tail if previous is not None else parent.text
    after = element.tail
    if not (before and after and _touching(before[-1], after[0])):
        element.drop_tree()  # its tail joins the text before it, across whitespace
        return
    element.clear(keep_tail=True)
    element.tag = _REMOVED


def _touching(left: str, right: str) -> bool:
    return not (left.isspace() or right.isspace())


def next_element(element: HtmlElement) -> HtmlElement | None:
    """The next element beside this one: comments, processing instructions and removed
    elements skipped, as BeautifulSoup's `find_next_sibling()` finds the next tag."""
    for sibling in element.itersiblings():
        if isinstance(sibling.tag, str) and sibling.tag != _REMOVED:
            return sibling
    return None


def inside(element: HtmlElement, root: HtmlElement) -> bool:
    """Whether the element is still in `root`'s tree: False once it or an element holding it
    was removed."""
    if element.tag == _REMOVED:
        return False
    return element is root or any(a is root for a in element.iterancestors())
