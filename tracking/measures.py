"""Which measure a figure reports: the key that lets one quantity be followed across articles,
outlets and languages (config/measures.toml says how each measure is recognised).

A figure's own subject is free text ("projects", "total investment", 投资总额); what makes two
figures the same measure is the quantity and its direction: Hong Kong's projects in Hangzhou are
not Hangzhou's projects in Hong Kong, though a sentence often names both ("... 6,000 Hong
Kong-invested projects in Hangzhou, and Hangzhou enterprises' 294 projects in Hong Kong"). So a
measure needs its kind, a subject word (the figure's own subject, else words beside it when its
subject names no measure's) and a cue in its sentence or its subject ("51个合作项目"). Words
before a figure say what it is more often than words after it: the
cue nearest before the figure decides, a measure whose `against` phrase stands nearer on that
side is out, and the words after the figure are read only when no measure has a cue before it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from config.knowledge import Measure
from tracking.folding import fold

SUBJECT_WINDOW = 40  # characters either side of a figure where its subject word may stand
# Subjects that make a count an agreement count, which agreements keep, never a measure.
NOT_MEASURES = ("memorand", "agreement", "mou", "deal", "备忘录", "协议", "协定", "合约")
_KINDS = {"count": "count", "money": "amount"}


@dataclass(frozen=True)
class CompiledMeasure:
    key: str
    kind: str
    subject: tuple[str, ...]
    cues: tuple[str, ...]
    against: tuple[str, ...]
    en: str = ""  # what a reader sees; a figure whose sentence names no subject takes it


def compile_measures(measures: Sequence[Measure]) -> tuple[CompiledMeasure, ...]:
    def folded(words: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(fold(w).text.strip() for w in words if w.strip()))

    return tuple(
        CompiledMeasure(m.key, m.kind, folded(m.subject), folded(m.cues), folded(m.against), m.en)
        for m in measures
    )


def measure_of(
    sentence: str,
    start: int,
    end: int,
    unit: str | None,
    subject: str | None,
    measures: Sequence[CompiledMeasure],
) -> str | None:
    """The key of the measure the figure at [start, end) of the folded `sentence` reports."""
    kind = _KINDS.get(unit or "")
    if kind is None:
        return None
    named = fold(subject or "").text
    if any(w in named for w in NOT_MEASURES):
        return None  # a count of agreements is an agreement (tracking/agreements.py)
    window = sentence[max(0, start - SUBJECT_WINDOW) : end + SUBJECT_WINDOW]
    fitting = _fitting(measures, kind, named) or _fitting(measures, kind, window)
    before, after = sentence[:start], sentence[end:]
    for side, distance in ((before, _gap_before), (after, _gap_after)):
        best: tuple[int, int, str] | None = None  # (distance, order, key)
        for order, m in enumerate(fitting):
            in_subject = any(c in named for c in m.cues)  # 合作项目: the cue is the subject
            cue = 0 if in_subject else _nearest(side, m.cues, distance)
            if cue is None:
                continue
            against = _nearest(side, m.against, distance)
            if against is not None and against < cue:
                continue
            if best is None or (cue, order) < best[:2]:
                best = (cue, order, m.key)
        if best is not None:
            return best[2]
    return None


def _fitting(measures: Sequence[CompiledMeasure], kind: str, words: str) -> list[CompiledMeasure]:
    """The measures of this kind whose subject words stand in `words`."""
    return [m for m in measures if m.kind == kind and any(w in words for w in m.subject)]


def _gap_before(text: str, at: int, phrase: str) -> int:
    return len(text) - (at + len(phrase))


def _gap_after(text: str, at: int, phrase: str) -> int:
    return at


def _nearest(
    text: str, phrases: Sequence[str], distance: Callable[[str, int, str], int]
) -> int | None:
    """Characters between the figure and the nearest of the phrases on this side of it."""
    nearest: int | None = None
    for phrase in phrases:
        at = text.find(phrase)
        while at >= 0:
            gap = distance(text, at, phrase)
            nearest = gap if nearest is None else min(nearest, gap)
            at = text.find(phrase, at + 1)
    return nearest
