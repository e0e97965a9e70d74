"""A relevance judgement and the reasons for it, as tracking makes it and the warehouse keeps it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Field = Literal["title", "body", "article"]


@dataclass(frozen=True)
class Reason:
    """One contribution to the score: which term (or pair of terms), which group, and where.

    `field` is "article" for judgements about the whole article (the co-occurrence cap, another
    place as the subject); a rule that withheld credit shows with contribution 0.
    """

    term: str  # as written in the article; "A + B" for a pair, "A / B" for a term and its cause
    group: str  # a gazetteer group, or a rule: pair_sentence, action_with_pair, market_context ...
    field: Field
    sentence: int  # index of the sentence within its field (title: 0)
    contribution: float


@dataclass(frozen=True)
class Relevance:
    score: float
    is_relevant: bool
    reasons: tuple[Reason, ...]
