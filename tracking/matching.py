"""Many-phrase matching on folded text: Aho-Corasick, longest match wins, Latin word boundaries.

One automaton finds every listed phrase in a single pass whatever the size of the list; Chinese
needs no word segmentation for this, and Latin phrases only count as whole words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from tracking.folding import fold


@dataclass(frozen=True)
class Hit:
    """A phrase found in folded text: [start, end) in folded positions and what it stands for."""

    key: str
    start: int
    end: int


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class PhraseMatcher:
    """An automaton over phrases, each pointing to a key (an entity id, a field id, ...).

    State is real here: building the automaton is the expensive part, matching is cheap.
    """

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        """A phrase may name its context in brackets: "在[港]" matches 在港 and reports 港."""
        self._automaton = ahocorasick.Automaton()
        count = 0
        for phrase, key in phrases:
            lead, _, rest = phrase.partition("[") if "[" in phrase else ("", "", phrase)
            name, _, tail = rest.partition("]")
            parts = [fold(part).text for part in (lead, name, tail)]
            folded = "".join(parts).strip()
            if folded and parts[1]:
                self._automaton.add_word(folded, (len(folded), key, len(parts[0]), len(parts[2])))
                count += 1
        if count:
            self._automaton.make_automaton()
        self._empty = count == 0

    def find(self, folded_text: str) -> list[Hit]:
        """Non-overlapping hits, leftmost-longest; Latin hits must sit between word boundaries."""
        if self._empty:
            return []
        found: list[Hit] = []
        for end_index, (length, key, lead, tail) in self._automaton.iter(folded_text):
            start, end = end_index - length + 1, end_index + 1
            if _bounded(folded_text, start, end):
                found.append(Hit(key, start + lead, end - tail))
        # Overlaps are settled on the names themselves, so 杭州 in 在杭州 beats the context
        # phrase 在[杭] (same start, longer name), and a longer blocking phrase beats both.
        found.sort(key=lambda h: (h.start, h.start - h.end))
        chosen: list[Hit] = []
        last_end = 0
        for hit in found:
            if hit.start >= last_end:
                chosen.append(hit)
                last_end = hit.end
        return chosen


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether a hit is a whole word where it touches Latin letters or digits.

    A '$' after a hit means a currency code (HK$), not the name.
    """
    if _is_word_char(text[start]) and start > 0 and _is_word_char(text[start - 1]):
        return False
    if end < len(text) and text[end] == "$":
        return False
    return not (_is_word_char(text[end - 1]) and end < len(text) and _is_word_char(text[end]))
