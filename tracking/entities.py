"""The entity gazetteer (config/entities.toml and fields.toml) and mentions of known entities.

Known names are matched on folded text, so one entry serves English, Simplified and Traditional
Chinese. A weak alias ("TDC", "John Lee", "Mrs Lam") is one other people share: it is attributed
only when the article also names the entity by a strong name, or a title of the entity stands
beside it; otherwise the mention is kept for review, never silently merged, because a wrong
merge corrupts every later count. Names the gazetteer lacks are proposed as candidates
(tracking/candidates.py).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from records.facts import EVENT_TYPES, Mention
from tracking.folding import Folded, fold, split_sentences
from tracking.matching import PhraseMatcher

ENTITY_TYPES = ("person", "organization", "place")
_CONTEXTUAL = "\x00"  # key prefix of phrases that need their antecedent first
_NOT_A_NAME = "\x01"  # key of phrases that block a shorter name inside them (港口 is no 港)
_WEAK = "\x02"  # key prefix of weak aliases: attributed only when confirmed
NOT_CONFIRMED = "weak alias, and the article names the entity no other way"
SOMEONE_ELSE = "weak alias, described as someone else"


class GazetteerError(Exception):
    """The gazetteer file is malformed; the message names the entry."""


@dataclass(frozen=True)
class Entity:
    entity_id: str
    entity_type: str
    name: str
    name_zh_hans: str | None
    name_zh_hant: str | None
    aliases: tuple[str, ...]
    contextual: tuple[str, ...]
    after: str | None
    description: str | None
    level: str | None = None  # places only: city, province, district, park, ...
    weak_aliases: tuple[str, ...] = ()  # names others share: attributed only when confirmed
    titles: tuple[str, ...] = ()  # titles that confirm a weak alias beside them

    @property
    def names(self) -> tuple[str, ...]:
        """The strong names: canonical, Chinese, aliases (weak aliases are apart)."""
        found = (self.name, self.name_zh_hans, self.name_zh_hant, *self.aliases)
        return tuple(n for n in found if n)


@dataclass(frozen=True)
class FieldName:
    """A field of co-operation (config/fields.toml); agreements store `name`."""

    name: str
    name_zh_hans: str | None
    name_zh_hant: str | None
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        found = (self.name, self.name_zh_hans, self.name_zh_hant, *self.aliases)
        return tuple(n for n in found if n)


@dataclass(frozen=True)
class Happening:
    """A kind of happening (config/fields.toml `[[happening]]`): event cues take its type from
    its words."""

    event_type: str
    words: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Every name list tracking matches: entities, and the fields agreements are filed under."""

    entities: tuple[Entity, ...]
    ignore: frozenset[str]  # folded names never proposed as candidates
    fields: tuple[FieldName, ...] = ()
    not_names: tuple[str, ...] = ()
    happenings: tuple[Happening, ...] = ()
    by_id: dict[str, Entity] = field(init=False)
    matcher: PhraseMatcher = field(init=False)
    field_matcher: PhraseMatcher = field(init=False)
    happening_matcher: PhraseMatcher = field(init=False)
    known_words: frozenset[str] = field(init=False)

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
        object.__setattr__(self, "happening_matcher", PhraseMatcher(kinds))
        names = [n for e in self.entities for n in (*e.names, *e.weak_aliases)]
        words = {w for n in names for w in fold(n).text.split()}
        object.__setattr__(self, "known_words", frozenset(words))

    def happening_types(self, folded_text: str) -> list[str]:
        """The kinds of happening named in folded text, in the configured order of precedence."""
        found = {hit.key for hit in self.happening_matcher.find(folded_text)}
        return [h.event_type for h in self.happenings if h.event_type in found]


def load_gazetteer(config_dir: Path) -> Gazetteer:
    """Read config/entities.toml and config/fields.toml (the latter may be absent)."""
    data = _read_toml(config_dir / "entities.toml")
    fields_path = config_dir / "fields.toml"
    fields = _read_toml(fields_path) if fields_path.exists() else {}
    return gazetteer_from_dict(data, fields, str(config_dir))


def _read_toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GazetteerError(f"cannot read {path}: {exc}") from exc


def gazetteer_from_dict(
    data: dict[str, object], fields: dict[str, object] | None = None, origin: str = "gazetteer"
) -> Gazetteer:
    raw = data.get("entity", [])
    if not isinstance(raw, list):
        raise GazetteerError(f"{origin}: [[entity]] must be an array of tables")
    entities = [_entity(item, origin) for item in raw]
    ids = [e.entity_id for e in entities]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise GazetteerError(f"{origin}: duplicate entity ids {duplicated}")
    for e in entities:
        if e.contextual and e.after not in ids:
            raise GazetteerError(f"{origin}: {e.entity_id}: `after` must name a known entity id")
    section = data.get("candidates", {})
    ignore = section.get("ignore", []) if isinstance(section, dict) else []
    return Gazetteer(
        tuple(entities),
        frozenset(fold(str(n)).text for n in ignore),
        _fields((fields or {}).get("field", []), origin),
        _strings(data.get("not_names", []), f"{origin}: not_names"),
        _happenings((fields or {}).get("happening", []), origin),
    )


def _happenings(raw: object, origin: str) -> tuple[Happening, ...]:
    if not isinstance(raw, list):
        raise GazetteerError(f"{origin}: [[happening]] must be an array of tables")
    found = []
    for item in raw:
        if not (isinstance(item, dict) and item.get("type") in EVENT_TYPES):
            raise GazetteerError(f"{origin}: happening {item!r}: type must be one of {EVENT_TYPES}")
        words = _strings(item.get("words", []), f"{origin}: happening {item['type']}: `words`")
        found.append(Happening(str(item["type"]), words))
    return tuple(found)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GazetteerError(f"{where} must be a list of strings")
    return tuple(value)


def _fields(raw: object, origin: str) -> tuple[FieldName, ...]:
    if not isinstance(raw, list):
        raise GazetteerError(f"{origin}: [[field]] must be an array of tables")
    found = []
    for item in raw:
        if not (isinstance(item, dict) and isinstance(item.get("en"), str) and item["en"]):
            raise GazetteerError(f"{origin}: field {item!r} needs a non-empty `en`")
        aliases = _strings(item.get("aliases", []), f"{origin}: field {item['en']}: `aliases`")
        found.append(
            FieldName(item["en"], item.get("zh_hans"), item.get("zh_hant"), tuple(aliases))
        )
    return tuple(found)


def _entity(item: object, origin: str) -> Entity:
    if not isinstance(item, dict):
        raise GazetteerError(f"{origin}: each [[entity]] must be a table")
    entity_id, entity_type, name = item.get("id"), item.get("type"), item.get("en")
    if not (isinstance(entity_id, str) and entity_id and isinstance(name, str) and name):
        raise GazetteerError(f"{origin}: entity {item!r} needs a non-empty `id` and `en`")
    if entity_type not in ENTITY_TYPES:
        raise GazetteerError(f"{origin}: {entity_id}: type must be one of {ENTITY_TYPES}")

    def strings(key: str) -> tuple[str, ...]:
        return _strings(item.get(key, []), f"{origin}: {entity_id}: `{key}`")

    def optional(key: str) -> str | None:
        value = item.get(key)
        return str(value) if value else None

    return Entity(
        entity_id=entity_id,
        entity_type=str(entity_type),
        name=name,
        name_zh_hans=optional("zh_hans"),
        name_zh_hant=optional("zh_hant"),
        aliases=strings("aliases"),
        contextual=strings("contextual"),
        after=optional("after"),
        description=optional("description"),
        level=optional("level"),
        weak_aliases=strings("weak_aliases"),
        titles=strings("titles"),
    )


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
