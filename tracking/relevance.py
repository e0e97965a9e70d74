"""Is an article about Hangzhou–Hong Kong cooperation? A score, and the reasons for it.

The gazetteer (`config/relevance.toml`) lists terms for each side, joint terms, action words,
topics and traps. Evidence is strong when both sides meet in one sentence, stronger in the title
or with an action word beside them, and weak when they only share a paragraph; a side named
alone is never enough. Traps are longer terms that contain a side's term ("杭州湾", "港口",
"Hong Kong-listed"): the longest match wins, so they hide the side term and score against it.
Every contribution is kept as a `Reason`, so a stored score can be explained in SQL.
"""

from __future__ import annotations

import tomllib
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tracking.matching import PhraseMatcher
from tracking.text import Span, fold, split_paragraphs, split_sentences

Role = Literal["hangzhou", "hongkong", "joint", "action", "topic", "trap"]
ROLES: tuple[Role, ...] = ("hangzhou", "hongkong", "joint", "action", "topic", "trap")
SIDES: tuple[Role, Role] = ("hangzhou", "hongkong")


class RelevanceConfigError(Exception):
    """`relevance.toml` is missing or malformed; the message names the entry."""


@dataclass(frozen=True)
class Weights:
    mention: float
    mentions_counted: int
    pair_sentence: float
    pair_sentence_more: float
    pair_sentences_counted: int
    pair_paragraph: float
    action_with_pair: float
    actions_counted: int
    topic: float
    topics_counted: int
    title_factor: float
    trap_cap: float


@dataclass(frozen=True)
class Group:
    name: str
    role: Role
    weight: float


@dataclass(frozen=True)
class RelevanceGazetteer:
    """The loaded relevance configuration: groups, weights, threshold and the term matcher."""

    groups: dict[str, Group]
    weights: Weights
    threshold: float
    matcher: PhraseMatcher


@dataclass(frozen=True)
class Reason:
    """One contribution to the score: which term (or pair of terms), which group, and where."""

    term: str  # as written in the article; "A + B" for a pair
    group: str  # a gazetteer group, or pair_sentence / pair_paragraph / action_with_pair
    field: Literal["title", "body"]
    sentence: int  # index of the sentence within its field (title: 0)
    contribution: float


@dataclass(frozen=True)
class Relevance:
    score: float
    is_relevant: bool
    reasons: tuple[Reason, ...]


def load_relevance(config_dir: Path, threshold: float | None = None) -> RelevanceGazetteer:
    """Read `relevance.toml`; `threshold` (from settings) overrides the file's default."""
    path = config_dir / "relevance.toml"
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RelevanceConfigError(f"cannot read {path}: {exc}") from exc
    try:
        weights = Weights(**data["weights"])
        groups: dict[str, Group] = {}
        phrases: list[tuple[str, str]] = []
        for i, entry in enumerate(data["group"]):
            name, role = str(entry["name"]), entry["role"]
            if role not in ROLES:
                raise RelevanceConfigError(f"{path}: group {name!r} has unknown role {role!r}")
            groups[name] = Group(name, role, float(entry["weight"]))
            phrases.extend((str(term), name) for term in entry["terms"])
            if not entry["terms"]:
                raise RelevanceConfigError(f"{path}: group #{i + 1} {name!r} lists no terms")
        chosen = float(data["threshold"] if threshold is None else threshold)
    except KeyError as exc:
        raise RelevanceConfigError(f"{path}: missing {exc.args[0]!r}") from exc
    except (TypeError, ValueError) as exc:
        raise RelevanceConfigError(f"{path}: malformed entry ({exc})") from exc
    return RelevanceGazetteer(groups, weights, chosen, PhraseMatcher(phrases))


@dataclass(frozen=True)
class _Found:
    group: Group
    surface: str
    field: Literal["title", "body"]
    sentence: int
    paragraph: int


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
            )
        )
    return found


def score_article(title: str | None, body: str, gazetteer: RelevanceGazetteer) -> Relevance:
    """Score an article's title and body against the gazetteer."""
    w = gazetteer.weights
    found = _find(title or "", "title", gazetteer) + _find(body, "body", gazetteer)
    reasons: list[Reason] = []

    def add(term: str, group: str, where: _Found, value: float) -> None:
        factor = w.title_factor if where.field == "title" else 1.0
        reasons.append(Reason(term, group, where.field, where.sentence, round(value * factor, 4)))

    seen_terms: set[tuple[str, str, str]] = set()
    topics = 0
    mentions = dict.fromkeys(SIDES, 0)
    trap_total = 0.0
    for f in found:
        key = (f.group.name, f.surface.casefold(), f.field)
        if key in seen_terms:
            continue
        seen_terms.add(key)
        role = f.group.role
        if role in SIDES and mentions[role] < w.mentions_counted:
            mentions[role] += 1
            add(f.surface, f.group.name, f, w.mention * f.group.weight)
        elif role == "joint":
            add(f.surface, f.group.name, f, f.group.weight)
        elif role == "topic" and topics < w.topics_counted:
            topics += 1
            add(f.surface, f.group.name, f, w.topic * f.group.weight)
        elif role == "trap":
            factor = w.title_factor if f.field == "title" else 1.0
            value = max(f.group.weight * factor, w.trap_cap - trap_total)
            trap_total += value
            add(f.surface, f.group.name, f, value / factor)

    _score_pairs(found, w, add)
    score = round(sum(r.contribution for r in reasons), 4)
    return Relevance(score, score >= gazetteer.threshold, tuple(reasons))


_Adder = Callable[[str, str, _Found, float], None]


def _score_pairs(found: list[_Found], w: Weights, add: _Adder) -> None:
    """Both sides in one sentence (or only in one paragraph), and action words beside them."""
    by_sentence: dict[tuple[str, int], list[_Found]] = {}
    by_paragraph: dict[tuple[str, int], list[_Found]] = {}
    for f in found:
        by_sentence.setdefault((f.field, f.sentence), []).append(f)
        by_paragraph.setdefault((f.field, f.paragraph), []).append(f)

    paired_paragraphs: set[tuple[str, int]] = set()
    pairs = actions = 0
    for (field, _), items in by_sentence.items():
        joint = any(f.group.role == "joint" for f in items)
        a, b = _strongest(items, "hangzhou"), _strongest(items, "hongkong")
        if a is not None and b is not None:
            paired_paragraphs.add((field, a.paragraph))
        if a is not None and b is not None and pairs < w.pair_sentences_counted:
            base = w.pair_sentence if pairs == 0 else w.pair_sentence_more
            pairs += 1
            add(
                f"{a.surface} + {b.surface}",
                "pair_sentence",
                a,
                base * min(a.group.weight, b.group.weight),
            )
        if (joint or (a is not None and b is not None)) and actions < w.actions_counted:
            action = next((f for f in items if f.group.role == "action"), None)
            if action is not None:
                actions += 1
                add(
                    action.surface,
                    "action_with_pair",
                    action,
                    w.action_with_pair * action.group.weight,
                )

    for key, items in sorted(by_paragraph.items()):
        if key in paired_paragraphs or key[0] == "title":
            continue
        a, b = _strongest(items, "hangzhou"), _strongest(items, "hongkong")
        if a is not None and b is not None:
            add(
                f"{a.surface} + {b.surface}",
                "pair_paragraph",
                a,
                w.pair_paragraph * min(a.group.weight, b.group.weight),
            )


def _strongest(items: list[_Found], role: Role) -> _Found | None:
    sided = [f for f in items if f.group.role == role]
    return max(sided, key=lambda f: f.group.weight) if sided else None
