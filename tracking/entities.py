"""The entity gazetteer (config/entities.toml and fields.toml, read by `config.knowledge`) and
mentions of known entities.

Known names are matched on folded text, so one entry serves English, Simplified and Traditional
Chinese. A weak alias ("TDC", "John Lee", "Mrs Lam") is one other people share: it is attributed
only when the article also names the entity by a strong name, or a title of the entity stands
beside it; otherwise the mention is kept for review, never silently merged, because a wrong
merge corrupts every later count. Names the gazetteer lacks are proposed as candidates
(tracking/candidates.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from config.knowledge import (
    EntitiesFile,
    Entity,
    FieldName,
    FieldsFile,
    Happening,
    Measure,
    RelevanceConfig,
)
from records.facts import Mention
from tracking.folding import Folded, fold, split_sentences
from tracking.matching import PhraseMatcher
from tracking.measures import CompiledMeasure, compile_measures

_CONTEXTUAL = "\x00"  # key prefix of phrases that need their antecedent first
_NOT_A_NAME = "\x01"  # key of phrases that block a shorter name inside them (港口 is no 港)
_WEAK = "\x02"  # key prefix of weak aliases: attributed only when confirmed
_NOT_A_KIND = "\x03"  # key of words that hold a kind's word without naming it (立法会议员)
NOT_CONFIRMED = "weak alias, and the article names the entity no other way"
SOMEONE_ELSE = "weak alias, described as someone else"


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Every name list tracking matches: entities, and the fields agreements are filed under."""

    entities: tuple[Entity, ...]
    ignore: frozenset[str]  # folded names never proposed as candidates
    fields: tuple[FieldName, ...] = ()
    not_names: tuple[str, ...] = ()
    happenings: tuple[Happening, ...] = ()
    measures: tuple[CompiledMeasure, ...] = ()  # what figures are filed under (measures.toml)
    sides: tuple[tuple[str, str], ...] = ()  # (term, hangzhou | hongkong | joint): relevance's
    by_id: dict[str, Entity] = field(init=False)
    matcher: PhraseMatcher = field(init=False)
    field_matcher: PhraseMatcher = field(init=False)
    happening_matcher: PhraseMatcher = field(init=False)
    side_matcher: PhraseMatcher = field(init=False)
    side_of: dict[str, str] = field(init=False)  # entity id -> hangzhou | hongkong, when one
    known_words: frozenset[str] = field(init=False)
    cities: dict[str, str] = field(init=False)  # place or venue id -> the city it lies in

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {e.entity_id: e for e in self.entities})
        phrases = [(n, e.entity_id) for e in self.entities for n in e.names]
        phrases += [(c, _CONTEXTUAL + e.entity_id) for e in self.entities for c in e.contextual]
        phrases += [(w, _WEAK + e.entity_id) for e in self.entities for w in e.weak_aliases]
        phrases += [(n, _NOT_A_NAME) for n in self.not_names]
        object.__setattr__(self, "matcher", PhraseMatcher(phrases))
        field_phrases = [(n, f.name) for f in self.fields for n in f.names]
        object.__setattr__(self, "field_matcher", PhraseMatcher(field_phrases))
        kinds = [(w, h.event_type) for h in self.happenings for w in h.words]
        kinds += [(w, _NOT_A_KIND) for h in self.happenings for w in h.not_words]
        object.__setattr__(self, "happening_matcher", PhraseMatcher(kinds))
        object.__setattr__(self, "side_matcher", PhraseMatcher(list(self.sides)))
        object.__setattr__(self, "side_of", self._sides_of_entities())
        names = [n for e in self.entities for n in (*e.names, *e.weak_aliases)]
        words = {w for n in names for w in fold(n).text.split()}
        object.__setattr__(self, "known_words", frozenset(words))
        object.__setattr__(self, "cities", _cities(self.entities))

    def _sides_of_entities(self) -> dict[str, str]:
        """The side each place or body is on, when its names put it on one only (Zhejiang and
        Hangzhou's districts on Hangzhou's, the HKSAR Government on Hong Kong's)."""
        found = {}
        for e in self.entities:
            roles = {
                hit.key
                for name in (e.name, e.name_zh_hans, *e.aliases)
                if name
                for hit in self.side_matcher.find(fold(name).text)
            }
            one = roles & {"hangzhou", "hongkong"}
            if len(one) == 1 and "joint" not in roles:
                found[e.entity_id] = one.pop()
        return found

    def names_both_sides(self, name: str) -> bool:
        """Whether a name is the two sides' own ("Hangzhou-Hong Kong ... Forum", 杭港…论坛,
        "Zhejiang/Hong Kong ..."): a joint term, or a term of each side, as relevance reads
        them."""
        roles = {hit.key for hit in self.side_matcher.find(fold(name).text)}
        return "joint" in roles or {"hangzhou", "hongkong"} <= roles

    def happening_types(self, folded_text: str) -> list[str]:
        """The kinds of happening named in folded text, in the configured order of precedence."""
        found = {hit.key for hit in self.happening_matcher.find(folded_text)} - {_NOT_A_KIND}
        return [h.event_type for h in self.happenings if h.event_type in found]

    def happening_hits(self, folded_text: str) -> list[tuple[int, int, str]]:
        """Every word of a kind of happening in folded text: (start, end, kind), in text order."""
        hits = self.happening_matcher.find(folded_text)
        return [(h.start, h.end, h.key) for h in hits if h.key != _NOT_A_KIND]

    @property
    def fallback_kind(self) -> str | None:
        """The last kind listed: it types a happening only when no other kind is named (a
        delegation that holds a promotion event is on a promotion trip, not a mere visit)."""
        return self.happenings[-1].event_type if self.happenings else None

    def city_of(self, entity_id: str) -> str | None:
        """The city a place or venue lies in (a city is its own), by its English name."""
        return self.cities.get(entity_id)


_INSIDE_A_CITY = frozenset({"district", "park", "venue", "zone"})


def _cities(entities: Sequence[Entity]) -> dict[str, str]:
    """Each city is its own city; a district, park or venue lies in the city its description
    names first ("District of Hangzhou", "Technology park in Yuhang district, Hangzhou")."""
    cities = {e.entity_id: e.name for e in entities if e.level == "city"}
    found = dict(cities)
    for e in entities:
        if e.level not in _INSIDE_A_CITY or not e.description:
            continue
        named = [
            (m.start(), name)
            for name in cities.values()
            if (m := re.search(rf"\b{re.escape(name)}\b", e.description)) is not None
        ]
        if named:
            found[e.entity_id] = min(named)[1]
    return found


def build_gazetteer(
    entities: EntitiesFile,
    fields: FieldsFile | None = None,
    happenings: Sequence[Happening] = (),
    measures: Sequence[Measure] = (),
    sides: Sequence[tuple[str, str]] = (),
) -> Gazetteer:
    """The matchers over every known name, from the checked configuration; `sides` are
    relevance's terms for each side and for both (`side_terms`)."""
    return Gazetteer(
        entities.entity,
        frozenset(fold(n).text for n in entities.candidates.ignore),
        fields.field if fields else (),
        entities.not_names,
        tuple(happenings),
        compile_measures(measures),
        tuple(sides),
    )


def side_terms(relevance: RelevanceConfig) -> list[tuple[str, str]]:
    """Each term relevance.toml gives a side (or both sides) with that role: what tells a
    gathering of the two sides ("Hangzhou-Hong Kong ... Forum") from anybody's."""
    return [
        (term, group.role)
        for group in relevance.groups
        if group.role in ("hangzhou", "hongkong", "joint")
        for term in group.terms
    ]


def find_mentions(
    text: str, folded: Folded, field_name: str, gazetteer: Gazetteer, seen: set[str]
) -> list[Mention]:
    """Known entities in one field; `seen` carries the ids mentioned earlier in the article.

    Weak-alias mentions come back with `weak` set; `review_weak` settles them once the whole
    article is known.
    """
    found: list[Mention] = []
    for hit in gazetteer.matcher.find(folded.text):
        if hit.key == _NOT_A_NAME:
            continue
        entity_id = hit.key.removeprefix(_CONTEXTUAL).removeprefix(_WEAK)
        entity = gazetteer.by_id[entity_id]
        if hit.key.startswith(_CONTEXTUAL) and entity.after not in seen:
            continue
        start, end = folded.span(hit.start, hit.end)
        weak = hit.key.startswith(_WEAK)
        if not weak:
            seen.add(entity_id)
        found.append(
            Mention(
                entity_id=entity_id,
                name=entity.name,
                entity_type=entity.entity_type,
                surface=text[start:end],
                field=field_name,
                start=start,
                end=end,
                weak=weak,
            )
        )
    return found


_APPOSITION = re.compile(r"\s*,\s+(?:a|an)\s+(?P<what>[^,;.]{1,60})")


def review_weak(
    mentions: list[Mention], texts: dict[str, str], gazetteer: Gazetteer
) -> list[Mention]:
    """Accept a weak-alias mention only when the article confirms whom it means.

    Confirmed: the entity is also named by a strong name somewhere in the article, or one of its
    titles stands in the same sentence (a role found beside it counts too: "Chief Executive
    John Lee"). A weak alias followed by "a/an ..." that is no title of the entity ("John Lee, a
    British tourist") means someone else even when the entity is named elsewhere. Unconfirmed
    mentions stay, with status `needs_review` and the reason, so a reviewer sees the guess.
    """
    strong = {m.entity_id for m in mentions if not m.weak}
    reviewed: list[Mention] = []
    for m in mentions:
        if not m.weak:
            reviewed.append(m)
            continue
        entity = gazetteer.by_id[m.entity_id]
        text = texts[m.field]
        titles = [fold(t).text for t in entity.titles]
        apposition = _APPOSITION.match(text, m.end)
        if apposition and not _has_title(fold(apposition.group("what")).text, titles):
            reviewed.append(replace(m, status="needs_review", review_reason=SOMEONE_ELSE))
            continue
        sentence = next(
            (text[s.start : s.end] for s in split_sentences(text) if s.start <= m.start < s.end),
            text,
        )
        context = fold(f"{sentence} {m.role or ''}").text
        if m.entity_id in strong or _has_title(context, titles):
            reviewed.append(m)
        else:
            reviewed.append(replace(m, status="needs_review", review_reason=NOT_CONFIRMED))
    return reviewed


def _has_title(folded_text: str, titles: list[str]) -> bool:
    return any(re.search(rf"(?<![a-z]){re.escape(t)}(?![a-z])", folded_text) for t in titles if t)
