"""Is an article about Hangzhou–Hong Kong cooperation? A score, and the reasons for it.

The gazetteer (`config/relevance.toml` and the files it includes, read by `config.knowledge`)
lists terms for each side, joint
terms, other places, action words, actors, contexts, market vocabulary, topics and traps. Naming
both cities is weak evidence, capped below the threshold however often it happens: tourists,
concerts, flights and court cases name both cities too. What passes is cooperation: a joint term
(杭港), or an action beside both sides that an institution performs (an MoU counts on its own; a
visit, 合作 or 签约 only with a government, a company or a university in the sentence, or with the
two sides as its joint subject; in a tourism, sport, transport, weather or court sentence only
with a government). Hong Kong named beside listing vocabulary is a stock market, not a side,
unless a government side signs with it (HKEX and the Hangzhou government). Zhejiang stands in for
Hangzhou only where no other city does, and an article whose cooperation is another place's
(Ningbo and Hong Kong, Hangzhou and Macao) is marked down. Every contribution, including each rule
that withheld one, is kept as a `Reason`, so a stored score can be explained in SQL.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from config.knowledge import Group, RelevanceConfig, Role, Weights
from records.relevance import Field, Reason, Relevance
from tracking.folding import Span, fold, split_paragraphs, split_sentences
from tracking.matching import PhraseMatcher

SIDES: tuple[Role, Role] = ("hangzhou", "hongkong")


@dataclass(frozen=True)
class RelevanceGazetteer:
    """The loaded relevance configuration: groups, weights, threshold and the term matcher."""

    groups: dict[str, Group]
    weights: Weights
    threshold: float
    matcher: PhraseMatcher
    connectors: frozenset[str] = frozenset()


def compile_relevance(config: RelevanceConfig) -> RelevanceGazetteer:
    """The matcher over every group's terms, from the checked configuration."""
    groups = {g.name: g for g in config.groups}
    phrases = [(str(term), g.name) for g in config.groups for term in g.terms]
    connectors = frozenset(fold(str(c)).text.strip() for c in config.connectors)
    return RelevanceGazetteer(
        groups, config.weights, config.threshold, PhraseMatcher(phrases), connectors
    )


@dataclass(frozen=True)
class _Found:
    group: Group
    surface: str
    field: Literal["title", "body"]
    sentence: int
    paragraph: int
    start: int  # in the field's original text
    end: int


def _locate(spans: Sequence[Span], at: int) -> int:
    return max(bisect_right([s.start for s in spans], at) - 1, 0)


def _find(
    text: str, field: Literal["title", "body"], gazetteer: RelevanceGazetteer
) -> list[_Found]:
    folded = fold(text)
    sentences = split_sentences(text) or [Span(0, len(text))]
    paragraphs = split_paragraphs(text) or [Span(0, len(text))]
    found = []
    for hit in gazetteer.matcher.find(folded.text):
        start, end = folded.span(hit.start, hit.end)
        found.append(
            _Found(
                gazetteer.groups[hit.key],
                text[start:end],
                field,
                _locate(sentences, start),
                _locate(paragraphs, start),
                start,
                end,
            )
        )
    return found


@dataclass
class _Sentence:
    """What one sentence (the title is one) names, and what that makes of it."""

    where: Literal["title", "body"]  # the field
    index: int
    paragraph: int
    items: list[_Found]
    hangzhou: list[_Found] = field(default_factory=list)  # city, institutions, firms
    province: list[_Found] = field(default_factory=list)  # Zhejiang, where it may stand in
    hongkong: list[_Found] = field(default_factory=list)  # after market context
    market_dropped: list[_Found] = field(default_factory=list)
    province_dropped: list[_Found] = field(default_factory=list)
    joint: list[_Found] = field(default_factory=list)  # scored as joint terms
    named_pairs: list[_Found] = field(default_factory=list)  # joint terms that only name both
    other: list[_Found] = field(default_factory=list)
    other_pairs: list[_Found] = field(default_factory=list)
    official: bool = False  # a government side signs with the other side here
    government: bool = False
    organisation: bool = False
    context: list[_Found] = field(default_factory=list)
    sides_adjacent: bool = False  # "Hangzhou and Hong Kong", 杭州与香港
    other_adjacent: bool = False  # "Shanghai, Hong Kong": another place joined to Hong Kong

    def of(self, role: Role) -> list[_Found]:
        return [f for f in self.items if f.group.role == role]

    def hangzhou_side(self) -> list[_Found]:
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
        return bool(self.hongkong) != bool(self.hangzhou)


def _sentences(
    found: list[_Found], texts: dict[str, str], connectors: frozenset[str]
) -> list[_Sentence]:
    by_key: dict[tuple[str, int], _Sentence] = {}
    for f in found:
        key = (f.field, f.sentence)
        if key not in by_key:
            by_key[key] = _Sentence(f.field, f.sentence, f.paragraph, [])
        by_key[key].items.append(f)
    sentences = list(by_key.values())
    for s in sentences:
        _read_sentence(s)
        text = texts[s.where]
        s.sides_adjacent = _adjacent(s.hangzhou_side(), s.hongkong, text, connectors)
        s.other_adjacent = _adjacent(s.other, s.hongkong, text, connectors)
    return sentences


def _read_sentence(s: _Sentence) -> None:
    actors = {f.group.actor for f in s.items if f.group.actor is not None}
    s.government = "government" in actors
    s.organisation = "organisation" in actors
    s.context = s.of("context")
    s.other = [f for f in s.items if f.group.role == "other" and not f.group.pair]
    s.other_pairs = [f for f in s.items if f.group.role == "other" and f.group.pair]
    hangzhou = [f for f in s.items if f.group.role == "hangzhou"]
    s.hangzhou = [f for f in hangzhou if not f.group.province]
    province = [f for f in hangzhou if f.group.province]
    if s.other:  # "Ningbo, Zhejiang province": Zhejiang is the other city's, not Hangzhou's
        s.province_dropped = province
    else:
        s.province = province
    joint = s.of("joint")
    downgraded = bool(s.context) and not s.government and not _strong(s)
    s.joint = [f for f in joint if not f.group.pair and not downgraded]
    s.named_pairs = [f for f in joint if f.group.pair or downgraded]
    hongkong = s.of("hongkong")
    exchanges = [f for f in s.items if f.group.official_side == "hongkong"]
    s.official = (
        s.government
        and _strong(s)
        and bool(s.hangzhou_side() or s.joint)
        and bool(hongkong or exchanges or s.joint)
    )
    if s.official:
        s.hongkong = hongkong + exchanges
    elif any(f.group.market for f in s.items):
        s.market_dropped = hongkong
    else:
        s.hongkong = hongkong


def _strong(s: _Sentence) -> bool:
    return any(f.group.strength == "strong" for f in s.items)


def _conjoined(s: _Sentence) -> bool:
    """Whether the two sides are the sentence's joint subject: "Hangzhou and Hong Kong", 杭港."""
    return bool(s.joint or s.named_pairs or s.of("joint_ref") or s.sides_adjacent)


def _adjacent(
    left: Sequence[_Found], right: Sequence[_Found], text: str, connectors: frozenset[str]
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


@dataclass
class _Scorer:
    """Collects reasons; every contribution is added through `add` so it can be explained."""

    weights: Weights
    reasons: list[Reason] = field(default_factory=list)

    def add(
        self,
        term: str,
        group: str,
        where: Field,
        sentence: int,
        value: float,
    ) -> Reason:
        factor = self.weights.title_factor if where == "title" else 1.0
        reason = Reason(term, group, where, sentence, round(value * factor, 4))
        self.reasons.append(reason)
        return reason


def score_article(title: str | None, body: str, gazetteer: RelevanceGazetteer) -> Relevance:
    """Score an article's title and body against the gazetteer."""
    w = gazetteer.weights
    texts = {"title": title or "", "body": body}
    found = _find(texts["title"], "title", gazetteer) + _find(body, "body", gazetteer)
    sentences = _sentences(found, texts, gazetteer.connectors)
    scorer = _Scorer(w)

    elsewhere = _other_subject(sentences)
    if elsewhere is not None:
        for s in sentences:  # Zhejiang is not Hangzhou's when the story is another city's
            s.province_dropped += s.province
            s.province = []
    official = (
        None if elsewhere else next((s for s in sentences if s.official and s.names_pair()), None)
    )

    cooccurrence = _score_terms(found, sentences, official is not None, scorer)
    cooccurrence += _score_pairs(sentences, scorer)
    if cooccurrence > w.cooccurrence_cap:
        scorer.add("", "cooccurrence_cap", "article", 0, w.cooccurrence_cap - cooccurrence)
    _score_actions(sentences, elsewhere is not None, scorer)
    if official is not None:
        scorer.add(_first_action(official), "official_agreement", official.where,
                   official.index, w.official_agreement)  # fmt: skip
    if elsewhere is not None:
        scorer.add(_pair_term(elsewhere), "other_city_subject", "article",
                   elsewhere.index, w.other_subject)  # fmt: skip
    for s in sentences:
        for f in s.market_dropped:
            scorer.add(f"{f.surface} / {_market_term(s)}", "market_context", s.where, s.index, 0.0)
        for f in s.province_dropped:
            cause = s.other[0].surface if s.other else "another city's story"
            scorer.add(f"{f.surface} / {cause}", "province_other_city", s.where, s.index, 0.0)

    score = round(sum(r.contribution for r in scorer.reasons), 4)
    return Relevance(score, score >= gazetteer.threshold, tuple(scorer.reasons))


def _other_subject(sentences: list[_Sentence]) -> _Sentence | None:
    """The sentence showing the article is about another place's cooperation, if it is.

    The title decides when it pairs someone; otherwise the body's sentences vote.
    """
    titles = [s for s in sentences if s.where == "title"]
    if any(s.names_pair() for s in titles):
        return None
    other_title = next((s for s in titles if s.names_other_pair()), None)
    if other_title is not None:
        return other_title
    body = [s for s in sentences if s.where == "body"]
    ours = sum(1 for s in body if s.names_pair())
    theirs = [s for s in body if s.names_other_pair()]
    return theirs[0] if len(theirs) > ours else None


def _score_terms(
    found: list[_Found], sentences: list[_Sentence], official: bool, scorer: _Scorer
) -> float:
    """Side mentions, joint terms, topics and traps; returns what the mentions added."""
    w = scorer.weights
    counted_sides = {id(f) for s in sentences for f in (*s.hangzhou, *s.province, *s.hongkong)}
    joint = {id(f) for s in sentences for f in s.joint}
    seen: set[tuple[str, str, str]] = set()
    mentions = dict.fromkeys(SIDES, 0)
    topics = 0
    traps = 0.0
    cooccurrence = 0.0
    for f in found:
        key = (f.group.name, fold(f.surface).text, f.field)
        as_side = id(f) in counted_sides and f.group.official_side is not None
        side = (f.group.official_side or f.group.role) if id(f) in counted_sides else f.group.role
        if key in seen or (side in SIDES and id(f) not in counted_sides):
            continue
        seen.add(key)
        factor = w.title_factor if f.field == "title" else 1.0
        if side in SIDES and mentions[side] < w.mentions_counted:
            mentions[side] += 1
            weight = f.group.side_weight if f.group.official_side else f.group.weight
            group = "official_side" if as_side else f.group.name  # HKEX signing with a government
            cooccurrence += scorer.add(
                f.surface, group, f.field, f.sentence, w.mention * weight
            ).contribution
        elif f.group.role == "joint" and id(f) in joint:
            scorer.add(f.surface, f.group.name, f.field, f.sentence, f.group.weight)
        elif f.group.role == "topic" and topics < w.topics_counted:
            topics += 1
            scorer.add(f.surface, f.group.name, f.field, f.sentence, w.topic * f.group.weight)
        elif f.group.role in ("trap", "other") and f.group.weight < 0 and side not in SIDES:
            weight = f.group.weight
            if official and f.group.market:
                weight *= w.market_factor_with_official_agreement
            value = max(weight * factor, w.trap_cap - traps)
            traps += value
            scorer.add(f.surface, f.group.name, f.field, f.sentence, value / factor)
    return cooccurrence


def _score_pairs(sentences: list[_Sentence], scorer: _Scorer) -> float:
    """Both sides in one sentence, or only in one paragraph; returns what they added."""
    w = scorer.weights
    added = 0.0
    pairs = 0
    paired_paragraphs: set[tuple[str, int]] = set()
    for s in sentences:
        sides = _pair(s)
        if sides is None:
            continue
        paired_paragraphs.add((s.where, s.paragraph))
        if pairs < w.pair_sentences_counted:
            base = w.pair_sentence if pairs == 0 else w.pair_sentence_more
            pairs += 1
            term, weight = sides
            added += scorer.add(term, "pair_sentence", s.where, s.index, base * weight).contribution
    by_paragraph: dict[tuple[str, int], list[_Sentence]] = {}
    for s in sentences:
        by_paragraph.setdefault((s.where, s.paragraph), []).append(s)
    for key, group in sorted(by_paragraph.items()):
        if key in paired_paragraphs or key[0] == "title":
            continue
        a = _strongest(f for s in group for f in s.hangzhou_side())
        b = _strongest(f for s in group for f in s.hongkong)
        if a is not None and b is not None:
            value = w.pair_paragraph * min(_side_weight(a), _side_weight(b))
            added += scorer.add(f"{a.surface} + {b.surface}", "pair_paragraph", a.field,
                                a.sentence, value).contribution  # fmt: skip
    return added


def _pair(s: _Sentence) -> tuple[str, float] | None:
    """The pair a sentence names by side terms or by a term naming both, with its weight."""
    a, b = _strongest(s.hangzhou_side()), _strongest(s.hongkong)
    if a is not None and b is not None:
        return f"{a.surface} + {b.surface}", min(_side_weight(a), _side_weight(b))
    if s.named_pairs:
        named = s.named_pairs[0]
        return named.surface, named.group.weight
    return None


def _score_actions(sentences: list[_Sentence], elsewhere: bool, scorer: _Scorer) -> None:
    """Actions that count: beside both sides, done by an institution or by the two sides.

    Beside means in the sentence naming both (best); in, or just after, a paragraph naming both,
    or anywhere under a title naming both ("The delegation signed five agreements"); or, for a
    government actor, in a sentence naming one side once the article has paired the two.
    """
    w = scorer.weights
    paired = not elsewhere and any(s.names_pair() for s in sentences)
    near: set[int] = set()  # body paragraphs
    if paired:
        last = max((s.paragraph for s in sentences if s.where == "body"), default=0)
        if any(s.where == "title" and s.names_pair() for s in sentences):
            near = set(range(last + 1))
        for paragraph in _paragraphs_naming_both(sentences):
            near |= {paragraph, paragraph + 1}
    counted = {"action_with_pair": 0, "action_near_pair": 0, "action_one_side": 0}
    limits = {
        "action_with_pair": (w.actions_counted, w.action_with_pair),
        "action_near_pair": (w.near_pair_actions_counted, w.action_near_pair),
        "action_one_side": (w.one_side_actions_counted, w.action_one_side),
    }
    for s in sentences:
        actions = sorted(s.of("action"), key=lambda f: f.group.strength != "strong")
        if not actions:
            continue
        if s.names_pair() or (paired and bool(s.of("joint_ref"))):
            rule = "action_with_pair"
        elif s.where == "body" and s.paragraph in near:
            rule = "action_near_pair"
        elif paired and (s.hangzhou_side() or s.hongkong) and s.government:
            rule = "action_one_side"
        else:
            continue
        conjoined = rule == "action_with_pair" and _conjoined(s)
        action, blocked = _counting_action(s, actions, conjoined)
        limit, weight = limits[rule]
        if action is None:
            scorer.add(f"{actions[0].surface} / {blocked}", "action_not_counted", s.where,
                       s.index, 0.0)  # fmt: skip
        elif counted[rule] < limit:
            counted[rule] += 1
            scorer.add(action.surface, rule, s.where, s.index, weight * action.group.weight)


def _paragraphs_naming_both(sentences: list[_Sentence]) -> set[int]:
    """Body paragraphs that name both sides, in one sentence or across two."""
    sides: dict[int, set[str]] = {}
    for s in sentences:
        if s.where != "body":
            continue
        found = sides.setdefault(s.paragraph, set())
        found |= {"joint"} if s.names_pair() else set()
        found |= {"hangzhou"} if s.hangzhou_side() else set()
        found |= {"hongkong"} if s.hongkong else set()
    return {p for p, found in sides.items() if "joint" in found or len(found) == 2}


def _counting_action(
    s: _Sentence, actions: list[_Found], conjoined: bool
) -> tuple[_Found | None, str]:
    """The first action that counts here, or None and why none does."""
    if s.context and not s.government:
        return None, s.context[0].surface  # tourists visiting, a club's cooperation
    for action in actions:
        if action.group.strength == "strong":
            return action, ""
        if s.government or s.organisation or conjoined:
            return action, ""
    return None, "no institution acts"


def _first_action(s: _Sentence) -> str:
    actions = s.of("action")
    return actions[0].surface if actions else ""


def _pair_term(s: _Sentence) -> str:
    if s.other_pairs:
        return s.other_pairs[0].surface
    partners = s.hongkong or s.hangzhou
    return f"{s.other[0].surface} + {partners[0].surface}" if partners else s.other[0].surface


def _market_term(s: _Sentence) -> str:
    return next((f.surface for f in s.items if f.group.market), "")


def _side_weight(f: _Found) -> float:
    return f.group.side_weight if f.group.official_side else f.group.weight


def _strongest(items: Iterable[_Found]) -> _Found | None:
    return max(items, key=_side_weight, default=None)
