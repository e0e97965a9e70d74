"""What an article names, sentence by sentence, as frozen records the relevance rules read.

Reading comes before scoring and is done once: every term the gazetteer finds (a `Hit`), grouped
into sentences (the title is one), each `Sentence` saying which hits stand for which side there.
Which side a hit stands for depends on the sentence around it, and every such decision is data
in the gazetteer (config/relevance.toml and relevance_places.toml), not a place named in code:
- a term of a `province = true` group stands in for its side (Zhejiang for Hangzhou; CE, 特首,
  the SAR for Hong Kong: Macao has a Chief Executive too) only where no other place
  (`role = "other"`: Ningbo, Shenzhen, Macao ...) is in the sentence, and nowhere in an article
  whose cooperation is another place's; a title that pairs only stand-ins ("CE discusses ties
  with Zhejiang") leaves it to the body to say whose cooperation the article reports;
- a place inside an organisation's name ("the American Chamber of Commerce in Shanghai",
  上海美国商会) is not that place acting, so it makes no sentence another place's;
- a Hong Kong term beside market vocabulary (`market = true`) is a stock market, not a side,
  unless a government signs with it there; an exchange operator (`official_side = "hongkong"`,
  HKEX) then counts as the Hong Kong side;
- a joint term (杭港) in a tourism, sport or court sentence (`role = "context"`) only names both
  sides unless a government acts or a strong action is there; a context word that only names an
  organisation's trade (航空企业, "airline companies") makes no such sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from config.knowledge import Group, Role
from tracking.folding import Span, fold, split_paragraphs, split_sentences
from tracking.matching import PhraseMatcher

TextField = Literal["title", "body"]


@dataclass(frozen=True)
class Hit:
    """One term of the gazetteer found in the article, where it stands in the original text."""

    group: Group
    surface: str
    field: TextField
    sentence: int
    paragraph: int
    start: int  # in the field's original text
    end: int

    @property
    def side_weight(self) -> float:
        """What this hit weighs as a side: an exchange operator's own side weight."""
        return self.group.side_weight if self.group.official_side else self.group.weight


@dataclass(frozen=True)
class Sentence:
    """What one sentence (the title is one) names, and which hits stand for which side there."""

    where: TextField
    index: int
    paragraph: int
    items: tuple[Hit, ...]
    hangzhou: tuple[Hit, ...]  # the city, its institutions and firms
    province: tuple[Hit, ...]  # Zhejiang, where it stands in for Hangzhou
    province_dropped: tuple[Hit, ...]  # Zhejiang, where another place's story claims it
    hongkong: tuple[Hit, ...]  # the Hong Kong side (an exchange operator too, when official)
    market_dropped: tuple[Hit, ...]  # Hong Kong named as a stock market
    joint: tuple[Hit, ...]  # joint terms scored as such (杭港)
    named_pairs: tuple[Hit, ...]  # joint terms that only name both sides
    official: bool  # a government side signs with the other side here
    sides_adjacent: bool  # "Hangzhou and Hong Kong", 杭州与香港: the two as joint subject
    other_adjacent: bool  # "Shanghai, Hong Kong": another place joined to Hong Kong
    stand_ins: tuple[Hit, ...] = ()  # CE, 特首, the SAR: counted in `hongkong` here
    stand_ins_dropped: tuple[Hit, ...] = ()  # ... where another place claims them
    in_names: tuple[Hit, ...] = ()  # other places inside an organisation's name: not acting
    based: bool = False  # "a Hong Kong-based group": a side's body, though no word says which

    def of(self, role: Role) -> tuple[Hit, ...]:
        return tuple(f for f in self.items if f.group.role == role)

    @property
    def government(self) -> bool:
        return any(f.group.actor == "government" for f in self.items)

    @property
    def organisation(self) -> bool:
        return self.based or any(f.group.actor == "organisation" for f in self.items)

    @property
    def strong(self) -> bool:
        return any(f.group.strength == "strong" for f in self.items)

    @property
    def context(self) -> tuple[Hit, ...]:
        return self.of("context")

    @property
    def other(self) -> tuple[Hit, ...]:
        return tuple(f for f in self.items if f.group.role == "other" and not f.group.pair)

    @property
    def other_pairs(self) -> tuple[Hit, ...]:
        return tuple(f for f in self.items if f.group.role == "other" and f.group.pair)

    def hangzhou_side(self) -> tuple[Hit, ...]:
        return self.hangzhou + self.province

    def names_pair(self) -> bool:
        """Both sides named here, by side terms or by a term naming both.

        Not when Hong Kong stands joined to another place and not to Hangzhou ("Shanghai and
        Hong Kong signed ..., Hangzhou firms attended").
        """
        if self.joint or self.named_pairs:
            return True
        theirs = self.other_adjacent and not self.sides_adjacent
        return bool(self.hangzhou_side() and self.hongkong) and not theirs

    def names_other_pair(self) -> bool:
        """Another place paired with Hong Kong or with Hangzhou, and this is not our pair."""
        if self.other_pairs:
            return True
        if not self.other or self.joint or self.named_pairs:
            return False
        if self.other_adjacent and not self.sides_adjacent:
            return True
        claimed = self.province_dropped or self.stand_ins_dropped
        if claimed and not (self.hongkong or self.hangzhou) and self.of("action"):
            return True  # "Macao's CE met Zhejiang's Party chief": the two are theirs
        return bool(self.hongkong) != bool(self.hangzhou)

    def pairs_only_stand_ins(self) -> bool:
        """Whether the sides it names are all stand-ins ("CE ... Zhejiang")."""
        proper_hongkong = [f for f in self.hongkong if f not in self.stand_ins]
        return not (self.hangzhou or proper_hongkong or self.joint or self.named_pairs)

    def conjoined(self) -> bool:
        """Whether the two sides are its joint subject ("Hangzhou and Hong Kong", 杭港)."""
        return bool(self.joint or self.named_pairs or self.of("joint_ref") or self.sides_adjacent)

    def without_province(self) -> Sentence:
        """This sentence in an article about another place's cooperation: Zhejiang, the CE and
        the SAR are not ours."""
        return replace(
            self,
            province=(),
            province_dropped=self.province_dropped + self.province,
            hongkong=tuple(f for f in self.hongkong if f not in self.stand_ins),
            stand_ins=(),
            stand_ins_dropped=self.stand_ins_dropped + self.stand_ins,
        )


@dataclass(frozen=True)
class Reading:
    """The whole article as the rules see it."""

    found: tuple[Hit, ...]  # every hit, title first, in text order
    sentences: tuple[Sentence, ...]
    elsewhere: Sentence | None  # the sentence showing the cooperation is another place's
    official: Sentence | None  # the first sentence where a government side signs with ours


def find_hits(
    text: str, field: TextField, matcher: PhraseMatcher, groups: dict[str, Group]
) -> list[Hit]:
    folded = fold(text)
    sentences = split_sentences(text) or [Span(0, len(text))]
    paragraphs = split_paragraphs(text) or [Span(0, len(text))]
    found = []
    for hit in matcher.find(folded.text):
        start, end = folded.span(hit.start, hit.end)
        found.append(
            Hit(
                groups[hit.key],
                text[start:end],
                field,
                _locate(sentences, start),
                _locate(paragraphs, start),
                start,
                end,
            )
        )
    return found


def _locate(spans: Sequence[Span], at: int) -> int:
    return max(bisect_right([s.start for s in spans], at) - 1, 0)


def read_article(
    found: Sequence[Hit], texts: dict[str, str], connectors: frozenset[str]
) -> Reading:
    """Sentences from the hits; then whose cooperation the article reports, and its first
    official signing (none when the story is another place's)."""
    by_key: dict[tuple[str, int], list[Hit]] = {}
    for f in found:
        by_key.setdefault((f.field, f.sentence), []).append(f)
    sentences = [
        read_sentence(tuple(items), texts[items[0].field], connectors) for items in by_key.values()
    ]
    elsewhere = _other_subject(sentences)
    if elsewhere is not None:
        sentences = [s.without_province() for s in sentences]
    official = (
        None if elsewhere else next((s for s in sentences if s.official and s.names_pair()), None)
    )
    return Reading(tuple(found), tuple(sentences), elsewhere, official)


def read_sentence(items: tuple[Hit, ...], text: str, connectors: frozenset[str]) -> Sentence:
    """Which hits of one sentence stand for which side (see the module's docstring)."""
    first = items[0]
    in_names = tuple(f for f in items if _in_organisation_name(f, text))
    items = tuple(f for f in items if f not in in_names and not _industry(f, items, text))
    government = any(f.group.actor == "government" for f in items)
    strong = any(f.group.strength == "strong" for f in items)
    context = any(f.group.role == "context" for f in items)
    other = any(f.group.role == "other" and not f.group.pair for f in items)
    hangzhou = tuple(f for f in items if f.group.role == "hangzhou" and not f.group.province)
    zhejiang = tuple(f for f in items if f.group.role == "hangzhou" and f.group.province)
    # "Ningbo, Zhejiang province": Zhejiang is the other city's, not Hangzhou's.
    empty: tuple[Hit, ...] = ()
    province, province_dropped = (empty, zhejiang) if other else (zhejiang, empty)
    joint_terms = [f for f in items if f.group.role == "joint"]
    downgraded = context and not government and not strong
    joint = tuple(f for f in joint_terms if not f.group.pair and not downgraded)
    named_pairs = tuple(f for f in joint_terms if f.group.pair or downgraded)
    all_stand_ins = tuple(f for f in items if f.group.role == "hongkong" and f.group.province)
    stand_ins, stand_ins_dropped = (empty, all_stand_ins) if other else (all_stand_ins, empty)
    hongkong_terms = (
        tuple(f for f in items if f.group.role == "hongkong" and not f.group.province) + stand_ins
    )
    exchanges = tuple(f for f in items if f.group.official_side == "hongkong")
    official = (
        government
        and strong
        and bool(hangzhou or province or joint)
        and bool(hongkong_terms or exchanges or joint)
    )
    market = any(f.group.market for f in items)
    if official:
        hongkong, market_dropped = hongkong_terms + exchanges, empty
    elif market:
        hongkong, market_dropped = empty, hongkong_terms
    else:
        hongkong, market_dropped = hongkong_terms, empty
    others = [f for f in items if f.group.role == "other" and not f.group.pair]
    return Sentence(
        where=first.field,
        index=first.sentence,
        paragraph=first.paragraph,
        items=items,
        hangzhou=hangzhou,
        province=province,
        province_dropped=province_dropped,
        hongkong=hongkong,
        market_dropped=market_dropped,
        joint=joint,
        named_pairs=named_pairs,
        official=official,
        sides_adjacent=_adjacent(hangzhou + province, hongkong, text, connectors),
        other_adjacent=_adjacent(others, hongkong, text, connectors),
        stand_ins=tuple(f for f in stand_ins if f in hongkong),
        stand_ins_dropped=stand_ins_dropped,
        in_names=in_names,
        based=any(
            f.group.role in ("hangzhou", "hongkong") and _BASED.match(text, f.end) for f in items
        ),
    )


# Only a body is based, headquartered or funded somewhere: a company, a fund, a group.
_BASED = re.compile(r"[-‐‑]\s?(?:based|headquartered|funded|invested|backed|owned)\b", re.I)


_ORGANISATION_BEFORE = re.compile(
    r"(?:Chamber of Commerce|Council|Association|University|Bank|Exchange|Office|"
    r"Consulate(?:-General)?|Institute|Federation|Society|School|Academy|Club|Committee|Bureau|"
    r"Centre|Center|Fund)\s+(?:in|of|for)\s+(?:the\s+)?$"
)
_ORGANISATION_AFTER = re.compile(
    r"^\s+(?:[A-Z][\w&'’\-]*\s+){0,3}(?:University|Chamber|Bank|Exchange|Association|Institute|"
    r"Council|Academy|Society|Federation|Consulate)\b|"
    r"^[^\W和与及、]{0,6}?(?:商会|大学|交易所|协会|学会|银行|学院|研究院|领事馆|联合会)"
)


def _in_organisation_name(hit: Hit, text: str) -> bool:
    """Whether another place's name stands inside an organisation's ("the American Chamber of
    Commerce in Shanghai", "Shanghai Jiao Tong University", 上海美国商会): not that place acting."""
    if hit.group.role != "other" or hit.group.pair:
        return False
    before, after = text[: hit.start], text[hit.end :]
    return bool(_ORGANISATION_BEFORE.search(before) or _ORGANISATION_AFTER.match(after))


def _industry(hit: Hit, items: Sequence[Hit], text: str) -> bool:
    """Whether a context word only says which trade an organisation is in (航空企业, "airline
    companies"): the firms act, the sentence is not about flights or tourists."""
    return hit.group.role == "context" and any(
        o.group.actor == "organisation"
        and o.start >= hit.end
        and not text[hit.end : o.start].strip()
        for o in items
    )


def _adjacent(
    left: Sequence[Hit], right: Sequence[Hit], text: str, connectors: frozenset[str]
) -> bool:
    """Whether a term of one list and a term of the other stand joined by a connector only."""
    for a in left:
        for b in right:
            first, second = (a, b) if a.start < b.start else (b, a)
            if first.end <= second.start:
                gap = fold(text[first.end : second.start]).text.strip()
                if gap in connectors:
                    return True
    return False


def _other_subject(sentences: Sequence[Sentence]) -> Sentence | None:
    """The sentence showing the article is about another place's cooperation, if it is.

    The title decides when it pairs someone; otherwise the body's sentences vote.
    """
    titles = [s for s in sentences if s.where == "title"]
    if any(s.names_pair() and not s.pairs_only_stand_ins() for s in titles):
        return None
    other_title = next((s for s in titles if s.names_other_pair()), None)
    if other_title is not None:
        return other_title
    body = [s for s in sentences if s.where == "body"]
    ours = sum(1 for s in body if s.names_pair())
    theirs = [s for s in body if s.names_other_pair()]
    return theirs[0] if len(theirs) > ours else None
