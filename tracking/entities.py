"""The entity gazetteer (config/entities.toml), mentions of known entities, and candidate names.

Known names are matched on folded text, so one entry serves English, Simplified and Traditional
Chinese. Names the gazetteer lacks are proposed as candidates for a person to review; they are
never attached to a known entity, because a wrong merge silently corrupts every later count.
"""

from __future__ import annotations

import itertools
import logging
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tracking.matching import PhraseMatcher
from tracking.records import Candidate, Mention
from tracking.text import Folded, Span, fold, split_sentences

ENTITY_TYPES = ("person", "organization", "place")
_CONTEXTUAL = "\x00"  # key prefix of phrases that need their antecedent first
_NOT_A_NAME = "\x01"  # key of phrases that block a shorter name inside them (港口 is no 港)


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

    @property
    def names(self) -> tuple[str, ...]:
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


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Every name list tracking matches: entities, and the fields agreements are filed under."""

    entities: tuple[Entity, ...]
    ignore: frozenset[str]  # folded names never proposed as candidates
    fields: tuple[FieldName, ...] = ()
    not_names: tuple[str, ...] = ()
    by_id: dict[str, Entity] = field(init=False)
    matcher: PhraseMatcher = field(init=False)
    field_matcher: PhraseMatcher = field(init=False)
    known_words: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {e.entity_id: e for e in self.entities})
        phrases = [(n, e.entity_id) for e in self.entities for n in e.names]
        phrases += [(c, _CONTEXTUAL + e.entity_id) for e in self.entities for c in e.contextual]
        phrases += [(n, _NOT_A_NAME) for n in self.not_names]
        object.__setattr__(self, "matcher", PhraseMatcher(phrases))
        field_phrases = [(n, f.name) for f in self.fields for n in f.names]
        object.__setattr__(self, "field_matcher", PhraseMatcher(field_phrases))
        words = {w for e in self.entities for n in e.names for w in fold(n).text.split()}
        object.__setattr__(self, "known_words", frozenset(words))


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
    )


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
    )


def find_mentions(
    text: str, folded: Folded, field_name: str, gazetteer: Gazetteer, seen: set[str]
) -> list[Mention]:
    """Known entities in one field; `seen` carries the ids mentioned earlier in the article."""
    found: list[Mention] = []
    for hit in gazetteer.matcher.find(folded.text):
        if hit.key == _NOT_A_NAME:
            continue
        entity_id = hit.key.removeprefix(_CONTEXTUAL)
        entity = gazetteer.by_id[entity_id]
        if hit.key.startswith(_CONTEXTUAL) and entity.after not in seen:
            continue
        start, end = folded.span(hit.start, hit.end)
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
            )
        )
    return found


_CAP_WORD = r"(?:[A-Z][\w’'\-]*|\d+[A-Za-z]\w*)"
_CAP_PHRASE = re.compile(rf"{_CAP_WORD}(?:(?:\s+(?:of|and|for|the|de|&))*\s+{_CAP_WORD})*")
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s+")
_POSSESSIVE = re.compile(r"[’']s$")
_TYPE_HEADS = {
    "organization": [
        "association",
        "agency",
        "authority",
        "bank",
        "board",
        "bureau",
        "chamber",
        "commission",
        "committee",
        "company",
        "corporation",
        "council",
        "department",
        "federation",
        "foundation",
        "fund",
        "group",
        "holdings",
        "institute",
        "ltd",
        "limited",
        "ministry",
        "office",
        "party",
        "society",
        "university",
        "college",
        "school",
        "government",
    ],
    "place": [
        "avenue",
        "bay",
        "center",
        "centre",
        "hall",
        "city",
        "county",
        "district",
        "island",
        "park",
        "province",
        "road",
        "street",
        "town",
        "zone",
    ],
}
# Names ending in these are happenings, which event cues report; they are not entities.
_EVENT_HEADS = frozenset(
    ["Forum", "Conference", "Summit", "Expo", "Week", "Meeting", "Fair", "Exhibition", "Session"]
)
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Madam)\.? \S+$")
_JIEBA_TYPES = {"nr": "person", "ns": "place", "nt": "organization"}
_CJK = re.compile(r"[\u3400-\u9fff]")


def _guess_type(name: str) -> str | None:
    last = name.split()[-1].lower()
    for entity_type, heads in _TYPE_HEADS.items():
        if last in heads:
            return entity_type
    return None


def find_candidates(
    text: str, folded: Folded, field_name: str, gazetteer: Gazetteer, taken: list[Span]
) -> list[Candidate]:
    """Names that look like entities, are not known ones, and do not overlap `taken` spans."""
    fields = gazetteer.field_matcher.find(folded.text)
    taken = taken + [Span(*folded.span(h.start, h.end)) for h in fields]  # 智慧城市 is no name
    found = _english_candidates(text, gazetteer, taken)
    if _CJK.search(text):
        found += _chinese_candidates(text, folded, gazetteer, taken)
    found.sort(key=lambda c: c[0])
    return [
        Candidate(
            name=text[s:e],
            entity_type=t,
            surface=text[s:e],
            field=field_name,
            start=s,
            end=e,
        )
        for s, e, t in found
    ]


def _overlaps(start: int, end: int, taken: list[Span]) -> bool:
    return any(start < t.end and t.start < end for t in taken)


def _english_candidates(
    text: str, gazetteer: Gazetteer, taken: list[Span]
) -> list[tuple[int, int, str | None]]:
    sentence_starts = {s.start for s in split_sentences(text)}
    found: list[tuple[int, int, str | None]] = []
    for m in _CAP_PHRASE.finditer(text):
        for start, end in _name_pieces(text, m.start(), m.end()):
            lead = _LEADING_ARTICLE.match(text[start:end])
            if lead:
                start += lead.end()
            possessive = _POSSESSIVE.search(text[start:end])
            if possessive:
                end -= len(possessive.group())
            name = text[start:end]
            words = fold(name).text.split()
            if not words or _overlaps(start, end, taken) or text.startswith("$", end):
                continue
            if len(words) == 1 and (start in sentence_starts or lead):
                continue  # a capital that only marks the start of a sentence
            if fold(name).text in gazetteer.ignore or all(w in gazetteer.ignore for w in words):
                continue
            if all(w in gazetteer.known_words for w in words) or _HONORIFIC.match(name):
                continue  # "Mr Lee" refers back to someone already named
            if name.split()[-1] in _EVENT_HEADS:
                continue
            found.append((start, end, _guess_type(name)))
    return found


def _is_head(word: str) -> bool:
    return any(word.lower() in heads for heads in _TYPE_HEADS.values()) or word in _EVENT_HEADS


def _name_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a run of capitalised words where a connector joins two names, not one.

    "Olympic Council of Asia" and "Science and Technology Parks Corporation" are one name each;
    "Tony Chan of Lion Rock Capital" and "Alibaba and Tencent" are two.
    """
    words = list(re.finditer(_CAP_WORD, text[start:end]))
    last = words[-1].group() if words else ""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for left, right in itertools.pairwise(words):
        connector = text[start + left.end() : start + right.start()].split()
        if not connector:
            continue
        joined = (connector[0] in ("of", "for", "de") and _is_head(left.group())) or (
            connector in (["and"], ["&"]) and _is_head(last)
        )
        if not joined:
            pieces.append((piece_start, start + left.end()))
            piece_start = start + right.start()
    pieces.append((piece_start, end))
    return pieces


_COMMON_WORD = 100  # count in jieba's dictionary above which a tagged name is a common word


def _jieba_frequency(word: str) -> int:
    import jieba

    return int(jieba.dt.FREQ.get(word) or 0)


@cache
def _jieba_posseg() -> object:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def _chinese_candidates(
    text: str, folded: Folded, gazetteer: Gazetteer, taken: list[Span]
) -> list[tuple[int, int, str | None]]:
    """Person, place and organisation names by jieba's part-of-speech tags (nr, ns, nt)."""
    posseg = _jieba_posseg()
    found: list[tuple[int, int, str | None]] = []
    position = 0
    for pair in posseg.cut(folded.text):  # type: ignore[attr-defined]
        word, flag = str(pair.word), str(pair.flag)
        word_start = folded.text.find(word, position)
        if word_start < 0:
            continue
        position = word_start + len(word)
        entity_type = _JIEBA_TYPES.get(flag[:2])
        if entity_type is None or len(word) < 2 or not _CJK.search(word):
            continue
        start, end = folded.span(word_start, position)
        if word in gazetteer.ignore or _overlaps(start, end, taken):
            continue
        if _jieba_frequency(word) >= _COMMON_WORD:
            continue  # jieba tags common words too (嘉宾 ns, 范畴 nr); real names are rare there
        found.append((start, end, entity_type))
    return found
