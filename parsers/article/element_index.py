"""Page-wide CSS lookups for the selectors parsers mostly use, answered from an index of the page.

soupsieve matches in Python, element by element over the whole tree: on a 40 KB news page (about
640 elements, most of them menus and link lists) one page-wide `select_one` cost about 1 ms, a
miss the most, and a publisher's parser asks for 6 to 13 of them (its layout versions' containers,
date lines, bylines). Measured on the ingest benchmark's pages, selectors were a quarter of
parsing's CPU. Most of those selectors are tag names, ids and classes, alone or as a descendant
chain ("#Content", ".info_l", ".lft_art h1"), so one pass over the page indexes every element by
id, class and name, and such a selector is answered from the shortest list it names, checking
ancestors for a chain. Every other selector (attributes, pseudo-classes, `>`, `+`, `~`, escapes)
goes to soupsieve, which remains the definition: the answers are the same elements in the same
document order, which `tests/parsers/test_element_index.py` checks against soupsieve on every
fixture page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bs4 import BeautifulSoup, Tag

_IDENT = r"-?[_a-zA-Z][_a-zA-Z0-9-]*"
_COMPOUND = re.compile(rf"(?P<name>[a-zA-Z][a-zA-Z0-9-]*)?(?P<rest>(?:[#.]{_IDENT})*)", re.ASCII)
_PART = re.compile(rf"[#.]{_IDENT}", re.ASCII)


@dataclass(frozen=True, slots=True)
class Compound:
    """One compound selector: a tag name (lower case), ids and classes, all required."""

    name: str | None
    ids: tuple[str, ...]
    classes: tuple[str, ...]

    def matches(self, tag: Tag) -> bool:
        if self.name is not None and tag.name != self.name:
            return False
        if self.ids and any(tag.get("id") != i for i in self.ids):
            return False
        if self.classes:
            present = classes_of(tag)
            return all(c in present for c in self.classes)
        return True


Chain = tuple[Compound, ...]  # ancestors first, the selected element's compound last


@lru_cache(maxsize=512)
def compile_simple(selector: str) -> tuple[Chain, ...] | None:
    """A selector list of descendant chains of names, ids and classes, or None for any other
    selector (soupsieve answers those)."""
    chains: list[Chain] = []
    for group in selector.split(","):
        words = group.split()
        if not words:
            return None
        chain: list[Compound] = []
        for word in words:
            found = _COMPOUND.fullmatch(word)
            if found is None:
                return None
            rest = _PART.findall(found.group("rest"))
            name = found.group("name")
            chain.append(
                Compound(
                    name.lower() if name else None,
                    tuple(p[1:] for p in rest if p[0] == "#"),
                    tuple(p[1:] for p in rest if p[0] == "."),
                )
            )
        chains.append(tuple(chain))
    return tuple(chains)


def classes_of(tag: Tag) -> list[str]:
    value = tag.get("class")
    if value is None:
        return []
    return value.split() if isinstance(value, str) else list(value)


class ElementIndex:
    """Every element of a page in document order, by id, class and tag name.

    Like soupsieve selecting from the document, the contents of a `<template>` are not on the
    page (the template element itself is).
    """

    def __init__(self, soup: BeautifulSoup) -> None:
        self.order: dict[int, int] = {}
        self.by_id: dict[str, list[Tag]] = {}
        self.by_class: dict[str, list[Tag]] = {}
        self.by_name: dict[str, list[Tag]] = {}
        self.every: list[Tag] = []
        skip_until: object = None
        for element in soup.descendants:
            if skip_until is not None:
                if element is not skip_until:
                    continue
                skip_until = None
            if not isinstance(element, Tag):
                continue
            self.order[id(element)] = len(self.every)
            self.every.append(element)
            self.by_name.setdefault(element.name, []).append(element)
            ident = element.get("id")
            if isinstance(ident, str):
                self.by_id.setdefault(ident, []).append(element)
            for name in dict.fromkeys(classes_of(element)):
                self.by_class.setdefault(name, []).append(element)
            if element.name == "template":
                skip_until = _after(element)
                if skip_until is None:  # the template ends the document
                    break

    def select(self, chains: tuple[Chain, ...]) -> list[Tag]:
        """The elements any chain selects, once each, in document order."""
        found: dict[int, Tag] = {}
        for chain in chains:
            for tag in self._candidates(chain[-1]):
                if chain[-1].matches(tag) and _has_ancestors(tag, chain[:-1]):
                    found[id(tag)] = tag
        return sorted(found.values(), key=lambda t: self.order[id(t)])

    def _candidates(self, last: Compound) -> list[Tag]:
        lists = [self.by_id.get(i, []) for i in last.ids]
        lists += [self.by_class.get(c, []) for c in last.classes]
        if last.name is not None:
            lists.append(self.by_name.get(last.name, []))
        return min(lists, key=len) if lists else self.every


def _has_ancestors(tag: Tag, ancestors: Chain) -> bool:
    """Whether the chain's compounds match ancestors of `tag`, nearest last (a descendant
    combinator: the nearest matching ancestor is as good as any, so the walk is greedy)."""
    needed = len(ancestors) - 1
    parent = tag.parent
    while needed >= 0 and parent is not None:
        is_element = isinstance(parent, Tag) and not isinstance(parent, BeautifulSoup)
        if is_element and ancestors[needed].matches(parent):
            needed -= 1
        parent = parent.parent
    return needed < 0


def _after(template: Tag) -> object:
    """The first node after a template's contents (None at the end of the document)."""
    if template.next_sibling is not None:
        return template.next_sibling
    last: object = template
    while isinstance(last, Tag) and last.contents:
        last = last.contents[-1]
    return getattr(last, "next_element", None)
