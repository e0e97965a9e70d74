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

How it reads: `tracking/relevance_reading.py` turns the article into frozen sentence records
(which hits stand for which side where); then each rule in `RULES` below, a small function over
that reading, returns its reasons. The score is their sum. A new rule is one more function and
one more line in `RULES`; the places and words it concerns belong in the gazetteer, not in code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from config.knowledge import Group, RelevanceConfig, Role, Weights
from records.relevance import Field, Reason, Relevance
from tracking.folding import fold
from tracking.matching import PhraseMatcher
from tracking.relevance_reading import Hit, Reading, Sentence, find_hits, read_article

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


# --- the rules ------------------------------------------------------------------------------
# Each rule reads the article and the reasons given before it (the co-occurrence cap reads what
# naming both sides added) and returns its own reasons, in the order they are stored.

Rule = Callable[[Reading, Sequence[Reason], Weights], list[Reason]]


def _reason(w: Weights, term: str, group: str, where: Field, sentence: int, value: float) -> Reason:
    """One contribution; anything found in the title counts `title_factor` times more."""
    factor = w.title_factor if where == "title" else 1.0
    return Reason(term, group, where, sentence, round(value * factor, 4))


def term_reasons(reading: Reading, _: Sequence[Reason], w: Weights) -> list[Reason]:
    """Each distinct term once per field: side mentions (a few per side), joint terms scored as
    such, topics (a few), and traps (together never below `trap_cap`)."""
    sides = {f for s in reading.sentences for f in (*s.hangzhou, *s.province, *s.hongkong)}
    joint = {f for s in reading.sentences for f in s.joint}
    seen: set[tuple[str, str, str]] = set()
    mentions = dict.fromkeys(SIDES, 0)
    topics = 0
    traps = 0.0
    reasons: list[Reason] = []
    for f in reading.found:
        counted = f in sides
        side = (f.group.official_side or f.group.role) if counted else f.group.role
        key = (f.group.name, fold(f.surface).text, f.field)
        if key in seen or (side in SIDES and not counted):
            continue
        seen.add(key)
        if side in SIDES:
            if mentions[side] < w.mentions_counted:
                mentions[side] += 1
                group = "official_side" if f.group.official_side else f.group.name
                reasons.append(_mention(w, f, group))
        elif f.group.role == "joint" and f in joint:
            reasons.append(_reason(w, f.surface, f.group.name, f.field, f.sentence, f.group.weight))
        elif f.group.role == "topic" and topics < w.topics_counted:
            topics += 1
            value = w.topic * f.group.weight
            reasons.append(_reason(w, f.surface, f.group.name, f.field, f.sentence, value))
        elif f.group.role in ("trap", "other") and f.group.weight < 0:
            trap = _trap(w, f, reading.official is not None, traps)
            traps += trap.budget_used
            reasons.append(trap.reason)
    return reasons


def _mention(w: Weights, f: Hit, group: str) -> Reason:
    """A side named: HKEX signing with a government counts as the Hong Kong side."""
    return _reason(w, f.surface, group, f.field, f.sentence, w.mention * f.side_weight)


@dataclass(frozen=True)
class _Trap:
    reason: Reason
    budget_used: float  # what it took from `trap_cap`, before the title's factor


def _trap(w: Weights, f: Hit, official: bool, so_far: float) -> _Trap:
    factor = w.title_factor if f.field == "title" else 1.0
    weight = f.group.weight
    if official and f.group.market:  # market words matter less where a government signs
        weight *= w.market_factor_with_official_agreement
    value = max(weight * factor, w.trap_cap - so_far)
    return _Trap(_reason(w, f.surface, f.group.name, f.field, f.sentence, value / factor), value)


def pair_sentence_reasons(reading: Reading, _: Sequence[Reason], w: Weights) -> list[Reason]:
    """Both sides in one sentence: the first counts most, a few more count less."""
    reasons: list[Reason] = []
    for s in reading.sentences:
        sides = _pair(s)
        if sides is None or len(reasons) >= w.pair_sentences_counted:
            continue
        base = w.pair_sentence if not reasons else w.pair_sentence_more
        term, weight = sides
        reasons.append(_reason(w, term, "pair_sentence", s.where, s.index, base * weight))
    return reasons


def pair_paragraph_reasons(reading: Reading, _: Sequence[Reason], w: Weights) -> list[Reason]:
    """Both sides in one body paragraph but in no one sentence of it."""
    paired = {(s.where, s.paragraph) for s in reading.sentences if _pair(s) is not None}
    by_paragraph: dict[tuple[str, int], list[Sentence]] = {}
    for s in reading.sentences:
        by_paragraph.setdefault((s.where, s.paragraph), []).append(s)
    reasons: list[Reason] = []
    for key, group in sorted(by_paragraph.items()):
        if key in paired or key[0] == "title":
            continue
        a = _strongest(f for s in group for f in s.hangzhou_side())
        b = _strongest(f for s in group for f in s.hongkong)
        if a is not None and b is not None:
            value = w.pair_paragraph * min(a.side_weight, b.side_weight)
            term = f"{a.surface} + {b.surface}"
            reasons.append(_reason(w, term, "pair_paragraph", a.field, a.sentence, value))
    return reasons


def cooccurrence_cap(reading: Reading, so_far: Sequence[Reason], w: Weights) -> list[Reason]:
    """Naming both cities, however often, stays below the threshold: tourists and concerts do."""
    sides = {g.name for g in _groups(reading) if g.role in SIDES} | _NAMING_BOTH
    named = 0.0
    for r in so_far:
        if r.group in sides:
            named += r.contribution
    if named <= w.cooccurrence_cap:
        return []
    return [_reason(w, "", "cooccurrence_cap", "article", 0, w.cooccurrence_cap - named)]


_NAMING_BOTH = frozenset({"official_side", "pair_sentence", "pair_paragraph"})


def _groups(reading: Reading) -> set[Group]:
    return {f.group for f in reading.found}


def action_reasons(reading: Reading, _: Sequence[Reason], w: Weights) -> list[Reason]:
    """Actions that count: beside both sides, done by an institution or by the two sides.

    Beside means in the sentence naming both (best); in, or just after, a paragraph naming both,
    or anywhere under a title naming both ("The delegation signed five agreements"); or, for a
    government actor, in a sentence naming one side once the article has paired the two.
    """
    sentences = reading.sentences
    paired = reading.elsewhere is None and any(s.names_pair() for s in sentences)
    near = _near_pair(sentences) if paired else set()
    limits = {
        "action_with_pair": (w.actions_counted, w.action_with_pair),
        "action_near_pair": (w.near_pair_actions_counted, w.action_near_pair),
        "action_one_side": (w.one_side_actions_counted, w.action_one_side),
    }
    counted = dict.fromkeys(limits, 0)
    reasons: list[Reason] = []
    for s in sentences:
        actions = sorted(s.of("action"), key=lambda f: f.group.strength != "strong")
        rule = _action_rule(s, paired, near) if actions else None
        if rule is None:
            continue
        action, blocked = _counting_action(s, actions, rule == "action_with_pair" and s.conjoined())
        limit, weight = limits[rule]
        if action is None:
            term = f"{actions[0].surface} / {blocked}"
            reasons.append(_reason(w, term, "action_not_counted", s.where, s.index, 0.0))
        elif counted[rule] < limit:
            counted[rule] += 1
            value = weight * action.group.weight
            reasons.append(_reason(w, action.surface, rule, s.where, s.index, value))
    return reasons


def _action_rule(s: Sentence, paired: bool, near: set[int]) -> str | None:
    if s.names_pair() or (paired and bool(s.of("joint_ref"))):
        return "action_with_pair"
    if s.where == "body" and s.paragraph in near:
        return "action_near_pair"
    if paired and (s.hangzhou_side() or s.hongkong) and s.government:
        return "action_one_side"
    return None


def _near_pair(sentences: Sequence[Sentence]) -> set[int]:
    """Body paragraphs in or just after one naming both sides; all of them under such a title."""
    near: set[int] = set()
    last = max((s.paragraph for s in sentences if s.where == "body"), default=0)
    if any(s.where == "title" and s.names_pair() for s in sentences):
        near = set(range(last + 1))
    for paragraph in _paragraphs_naming_both(sentences):
        near |= {paragraph, paragraph + 1}
    return near


def _paragraphs_naming_both(sentences: Sequence[Sentence]) -> set[int]:
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
    s: Sentence, actions: Sequence[Hit], conjoined: bool
) -> tuple[Hit | None, str]:
    """The first action that counts here, or None and why none does."""
    if s.context and not s.government:
        return None, s.context[0].surface  # tourists visiting, a club's cooperation
    for action in actions:
        if action.group.strength == "strong":
            return action, ""
        if s.government or s.organisation or conjoined:
            return action, ""
    return None, "no institution acts"


def official_agreement(reading: Reading, _: Sequence[Reason], w: Weights) -> list[Reason]:
    """A government side signing with the other side."""
    s = reading.official
    if s is None:
        return []
    actions = s.of("action")
    term = actions[0].surface if actions else ""
    return [_reason(w, term, "official_agreement", s.where, s.index, w.official_agreement)]


def other_city_subject(reading: Reading, _: Sequence[Reason], w: Weights) -> list[Reason]:
    """The article's cooperation is another place's (the title's, or most sentences')."""
    s = reading.elsewhere
    if s is None:
        return []
    if s.other_pairs:
        term = s.other_pairs[0].surface
    else:
        partners = s.hongkong or s.hangzhou
        term = f"{s.other[0].surface} + {partners[0].surface}" if partners else s.other[0].surface
    return [_reason(w, term, "other_city_subject", "article", s.index, w.other_subject)]


def withheld_reasons(reading: Reading, _: Sequence[Reason], w: Weights) -> list[Reason]:
    """Credit withheld, shown with contribution 0: Hong Kong as a stock market, Zhejiang as
    another city's province, a CE or SAR that is another place's, a place that is only part of
    an organisation's name."""
    reasons: list[Reason] = []
    for s in reading.sentences:
        market = next((f.surface for f in s.items if f.group.market), "")
        for f in s.market_dropped:
            term = f"{f.surface} / {market}"
            reasons.append(_reason(w, term, "market_context", s.where, s.index, 0.0))
        for f in s.province_dropped:
            cause = s.other[0].surface if s.other else "another city's story"
            term = f"{f.surface} / {cause}"
            reasons.append(_reason(w, term, "province_other_city", s.where, s.index, 0.0))
        for f in s.stand_ins_dropped:
            cause = s.other[0].surface if s.other else "another place's story"
            term = f"{f.surface} / {cause}"
            reasons.append(_reason(w, term, "stand_in_other_place", s.where, s.index, 0.0))
        for f in s.in_names:
            term = f"{f.surface} / in an organisation's name"
            reasons.append(_reason(w, term, "place_in_name", s.where, s.index, 0.0))
    return reasons


RULES: tuple[Rule, ...] = (
    term_reasons,
    pair_sentence_reasons,
    pair_paragraph_reasons,
    cooccurrence_cap,
    action_reasons,
    official_agreement,
    other_city_subject,
    withheld_reasons,
)


def score_article(title: str | None, body: str, gazetteer: RelevanceGazetteer) -> Relevance:
    """Score an article's title and body: every rule's reasons, and their sum."""
    texts = {"title": title or "", "body": body}
    found = find_hits(texts["title"], "title", gazetteer.matcher, gazetteer.groups)
    found += find_hits(body, "body", gazetteer.matcher, gazetteer.groups)
    reading = read_article(found, texts, gazetteer.connectors)
    reasons: list[Reason] = []
    for rule in RULES:
        reasons += rule(reading, reasons, gazetteer.weights)
    score = round(sum(r.contribution for r in reasons), 4)
    return Relevance(score, score >= gazetteer.threshold, tuple(reasons))


def _pair(s: Sentence) -> tuple[str, float] | None:
    """The pair a sentence names by side terms or by a term naming both, with its weight."""
    a, b = _strongest(s.hangzhou_side()), _strongest(s.hongkong)
    if a is not None and b is not None:
        return f"{a.surface} + {b.surface}", min(a.side_weight, b.side_weight)
    if s.named_pairs:
        named = s.named_pairs[0]
        return named.surface, named.group.weight
    return None


def _strongest(items: Iterable[Hit]) -> Hit | None:
    return max(items, key=lambda f: f.side_weight, default=None)
