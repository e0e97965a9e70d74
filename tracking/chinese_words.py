"""jieba's word dictionary and tag table, held in DAWGs instead of Python dicts.

jieba keeps its dictionary as a dict of 498,113 strings (349,045 words and every prefix of them,
the prefixes with a count of 0) and posseg's tags as a second dict, which a tracking process held
to its end. A DAWG (a minimal automaton over the same keys, `dawg2`, C++) answers the same
questions (`in`, `[]`, `get`) from a few MB: jieba's share of a process fell from 114 to 46 MB,
and a tracking run's peak by 50-60 MB (issue 13, P4; docs/benchmarks.md).

What jieba cuts and tags is unchanged: it builds its dictionary as before (its own loader and
cache), and the DAWGs are made from those very entries before the dicts are let go. Tests compare
every entry and the cuts with a tokenizer that keeps jieba's dicts.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from types import ModuleType

import dawg

# The tags tracking reads (tracking/candidates.py): nouns with the names among them (nr, ns, nt,
# nz, n…), abbreviations (j) and foreign words (eng), which may stand inside an organisation's name.
NAME_FLAGS = ("n", "j", "eng")
_LOADING = threading.Lock()  # jieba's tokenizers are process-wide: one thread swaps their tables


class TagTable:
    """posseg's word -> tag table, cut to the words whose tags start with one of `kept`.

    posseg asks it only `get(word, "x")`. A word it no longer finds is tagged "x", which a caller
    reading names reads as it reads a verb's "v": not a name. What posseg cuts is unchanged, for
    the cut is decided by the dictionary's counts and its HMM, not by this table.
    """

    def __init__(self, table: dict[str, str], kept: tuple[str, ...]) -> None:
        read = {word: tag for word, tag in table.items() if tag.startswith(kept)}
        self._tags = sorted(set(read.values()))
        code = {tag: number for number, tag in enumerate(self._tags)}
        self._codes = dawg.IntDAWG((word, code[tag]) for word, tag in read.items())

    def get(self, word: str, default: str | None = None) -> str | None:
        number = self._codes.get(word)
        return default if number is None else self._tags[number]


@cache
def _dictionary() -> ModuleType:
    """jieba, its dictionary loaded (jieba's own loader and cache) and moved into a DAWG."""
    import jieba

    with _LOADING:
        jieba.setLogLevel(logging.WARNING)
        jieba.dt.initialize()
        if isinstance(jieba.dt.FREQ, dict):
            jieba.dt.FREQ = dawg.IntDAWG(jieba.dt.FREQ)
    loaded: ModuleType = jieba  # untyped: no stubs
    return loaded


@cache
def tagger() -> ModuleType:
    """jieba.posseg on the DAWG dictionary, its tag table cut to `NAME_FLAGS` (jieba.posseg
    keeps one tokenizer per process)."""
    _dictionary()
    import jieba.posseg

    with _LOADING:
        if isinstance(jieba.posseg.dt.word_tag_tab, dict):
            jieba.posseg.dt.word_tag_tab = TagTable(jieba.posseg.dt.word_tag_tab, NAME_FLAGS)
    posseg: ModuleType = jieba.posseg
    return posseg


def frequency(word: str) -> int:
    """How often jieba's dictionary counts `word`: 0 for a word it lacks, or has only as the
    beginning of longer words."""
    return int(_dictionary().dt.FREQ.get(word) or 0)
