"""What tracking knows, as typed data: term lists, gazetteers, fields, kinds of happening.

One model per file, `extra="forbid"` everywhere, read by `load_knowledge(config_dir)`:
- `relevance.toml` (+ the files its `include` names, e.g. `relevance_places.toml`): term groups,
  weights, connectors, the threshold;
- `entities.toml`: people, organisations and places in three scripts, weak aliases, titles;
- `fields.toml`: the fields of co-operation agreements are filed under;
- `events.toml`: how coverage is grouped into events (`[clustering]`) and the kinds of happening
  events are typed by (`[[happening]]`).
Tracking receives these models and compiles its matchers from them; it never opens a file. A
problem in any file is one `ConfigError` naming the file, the key (with the entry's name or id)
and the reason.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from config.errors import ConfigError, invalid
from records.facts import EVENT_TYPES

M = TypeVar("M", bound=BaseModel)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _strings(value: Any, what: str) -> Any:
    """A list of strings, said plainly: `aliases = "Y"` is a common slip for `["Y"]`."""
    if value is None:
        return ()
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what} must be a list of strings")
    return tuple(value)


# --- relevance.toml ------------------------------------------------------------------------

Role = Literal[
    "hangzhou",
    "hongkong",
    "joint",
    "joint_ref",
    "other",
    "action",
    "actor",
    "context",
    "market",
    "topic",
    "trap",
]
ROLES: tuple[Role, ...] = get_args(Role)
Side = Literal["hangzhou", "hongkong"]


class Group(_Model):
    """One list of terms and what finding one of them means (see relevance.toml's header)."""

    name: str = Field(min_length=1)
    role: Role
    weight: float
    terms: tuple[str, ...] = Field(min_length=1)
    actor: Literal["government", "organisation"] | None = None
    strength: Literal["strong", "weak"] | None = None
    province: bool = False
    pair: bool = False
    market: bool = False  # set for every group of role `market`
    official_side: Side | None = None
    side_weight: float = 0.0

    @model_validator(mode="before")
    @classmethod
    def _market_role(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("role") == "market":
            data = {**data, "market": True}
        return data

    @model_validator(mode="after")
    def _actions_have_strength(self) -> Group:
        if (self.role == "action") != (self.strength is not None):
            raise ValueError(f"group {self.name!r}: actions need strength strong/weak")
        return self


class Weights(_Model):
    mention: float
    mentions_counted: int
    pair_sentence: float
    pair_sentence_more: float
    pair_sentences_counted: int
    pair_paragraph: float
    cooccurrence_cap: float
    action_with_pair: float
    actions_counted: int
    action_near_pair: float
    near_pair_actions_counted: int
    action_one_side: float
    one_side_actions_counted: int
    official_agreement: float
    market_factor_with_official_agreement: float
    other_subject: float
    topic: float
    topics_counted: int
    title_factor: float
    trap_cap: float


class RelevanceFile(_Model):
    threshold: float
    include: tuple[str, ...] = ()
    connectors: tuple[str, ...] = ()
    weights: Weights
    group: tuple[Group, ...]


class GroupsFile(_Model):
    """A file `relevance.toml` includes: more `[[group]]` tables."""

    group: tuple[Group, ...] = ()


@dataclass(frozen=True)
class RelevanceConfig:
    """relevance.toml with its includes: every group once, the threshold settings may override."""

    threshold: float
    connectors: tuple[str, ...]
    weights: Weights
    groups: tuple[Group, ...]


# --- entities.toml -------------------------------------------------------------------------

EntityType = Literal["person", "organization", "place"]
ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)


class Entity(_Model):
    entity_id: str = Field(alias="id")
    entity_type: EntityType = Field(alias="type")
    name: str = Field(alias="en")
    name_zh_hans: str | None = Field(default=None, alias="zh_hans")
    name_zh_hant: str | None = Field(default=None, alias="zh_hant")
    aliases: tuple[str, ...] = ()
    contextual: tuple[str, ...] = ()  # names meaning this entity once `after` was named
    after: str | None = None
    description: str | None = None
    level: str | None = None  # places only: city, province, district, park, ...
    weak_aliases: tuple[str, ...] = ()  # names others share: attributed only when confirmed
    titles: tuple[str, ...] = ()  # titles that confirm a weak alias beside them

    @model_validator(mode="before")
    @classmethod
    def _named(cls, data: Any) -> Any:
        if isinstance(data, dict) and not (data.get("id") and data.get("en")):
            raise ValueError(f"entity {data!r} needs a non-empty `id` and `en`")
        return data

    @field_validator("entity_type", mode="before")
    @classmethod
    def _known_type(cls, value: Any) -> Any:
        if value not in ENTITY_TYPES:
            raise ValueError(f"type must be one of {ENTITY_TYPES}, not {value!r}")
        return value

    @field_validator("aliases", "contextual", "weak_aliases", "titles", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        return _strings(value, "names")

    @property
    def names(self) -> tuple[str, ...]:
        """The strong names: canonical, Chinese, aliases (weak aliases are apart)."""
        found = (self.name, self.name_zh_hans, self.name_zh_hant, *self.aliases)
        return tuple(n for n in found if n)


class Candidates(_Model):
    ignore: tuple[str, ...] = ()  # names never proposed as candidates


class EntitiesFile(_Model):
    not_names: tuple[str, ...] = ()  # words that contain a short name without meaning it
    candidates: Candidates = Candidates()
    entity: tuple[Entity, ...] = ()

    @field_validator("not_names", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        return _strings(value, "not_names")

    @model_validator(mode="after")
    def _consistent(self) -> EntitiesFile:
        ids = [e.entity_id for e in self.entity]
        duplicated = sorted({i for i in ids if ids.count(i) > 1})
        if duplicated:
            raise ValueError(f"duplicate entity ids {duplicated}")
        for e in self.entity:
            if e.contextual and e.after not in ids:
                raise ValueError(f"{e.entity_id}: `after` must name a known entity id")
        return self


# --- fields.toml ---------------------------------------------------------------------------


class FieldName(_Model):
    """A field of co-operation; agreements store `name`."""

    name: str = Field(alias="en", min_length=1)
    name_zh_hans: str | None = Field(default=None, alias="zh_hans")
    name_zh_hant: str | None = Field(default=None, alias="zh_hant")
    aliases: tuple[str, ...] = ()

    @field_validator("aliases", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        return _strings(value, "aliases")

    @property
    def names(self) -> tuple[str, ...]:
        found = (self.name, self.name_zh_hans, self.name_zh_hant, *self.aliases)
        return tuple(n for n in found if n)


class FieldsFile(_Model):
    field: tuple[FieldName, ...] = ()


# --- events.toml ---------------------------------------------------------------------------


class Happening(_Model):
    """A kind of happening: event cues take its type from its words (first listed wins)."""

    event_type: str = Field(alias="type")
    words: tuple[str, ...] = ()
    # words that hold one of `words` without naming this kind (立法会议员 is a legislator, no 会议)
    not_words: tuple[str, ...] = ()

    @field_validator("event_type")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in EVENT_TYPES:
            raise ValueError(f"type must be one of {EVENT_TYPES}")
        return value

    @field_validator("words", "not_words", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        return _strings(value, "words")


class EventSettings(_Model):
    """How similar an article must be to an event, and what each kind of overlap is worth."""

    window_days: int = Field(gt=0, le=3660)
    span_days: int = Field(gt=0, le=3660)  # the dates one happening's reports give, first to last
    threshold: float
    entity_weights: dict[str, float]  # by entity type: person, organization, place
    generic_entities: frozenset[str]  # named by nearly every relevant article: no evidence
    entity_cap: float
    figure_weight: float  # an amount, or a count of at least `small_count`
    small_figure_weight: float
    small_count: float
    figure_cap: float
    date_weight: float
    name_weight: float
    text_weight: float  # times the MinHash similarity to the closest member (same script)
    # dated the same day as the event: the same kind of happening, and at the same place
    same_day_kind_weight: float = Field(ge=0, le=100)
    same_day_place_weight: float = Field(ge=0, le=100)
    same_day_venue_weight: float = Field(ge=0, le=100)  # dated the same day at the same venue
    # a report without a date of its own that shares someone (or distinctive words) with an event
    undated_kind_weight: float = Field(ge=0, le=100)  # the same kind of happening
    undated_place_weight: float = Field(ge=0, le=100)  # at the same place
    undated_days_weight: float = Field(ge=0, le=100)  # published within `undated_days` after it
    undated_days: int = Field(gt=0, le=366)
    undated_terms_weight: float = Field(ge=0, le=100)  # names the event's happening in other words
    distinct_terms: int = Field(ge=1, le=50)  # ... this many distinctive words of its name
    shared_terms: int = Field(ge=1, le=50)  # ... or this many rare words of its reports
    rare_share: float = Field(gt=0, le=1)  # rare: held by at most this share of a batch (or 3)


class EventsFile(_Model):
    clustering: EventSettings
    happening: tuple[Happening, ...] = ()


# --- measures.toml -------------------------------------------------------------------------


class Measure(_Model):
    """A quantity that is the same whichever article reports it (see measures.toml)."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    en: str = Field(min_length=1)
    zh: str | None = None
    kind: Literal["count", "amount"]
    subject: tuple[str, ...] = Field(min_length=1)
    cues: tuple[str, ...] = Field(min_length=1)
    against: tuple[str, ...] = ()

    @field_validator("subject", "cues", "against", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        return _strings(value, "subject, cues and against")


class MeasuresFile(_Model):
    measure: tuple[Measure, ...] = ()

    @model_validator(mode="after")
    def _unique(self) -> MeasuresFile:
        keys = [m.key for m in self.measure]
        duplicated = sorted({k for k in keys if keys.count(k) > 1})
        if duplicated:
            raise ValueError(f"duplicate measure keys {duplicated}")
        return self


# --- all of it -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Knowledge:
    """Everything tracking is told, read once per run."""

    relevance: RelevanceConfig
    entities: EntitiesFile
    fields: FieldsFile
    events: EventsFile
    measures: MeasuresFile


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc


def _validated(model: type[M], path: Path, data: dict[str, Any]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise invalid(path, exc) from exc


def load_relevance_config(config_dir: Path, threshold: float | None = None) -> RelevanceConfig:
    """relevance.toml and its includes; `threshold` (from settings) overrides the file's."""
    path = config_dir / "relevance.toml"
    main = _validated(RelevanceFile, path, read_toml(path))
    groups = list(main.group)
    for name in main.include:
        included = config_dir / name
        groups += _validated(GroupsFile, included, read_toml(included)).group
    seen: set[str] = set()
    for group in groups:
        if group.name in seen:
            raise ConfigError(f"{path}: group {group.name!r} is defined twice")
        seen.add(group.name)
    chosen = main.threshold if threshold is None else threshold
    return RelevanceConfig(chosen, main.connectors, main.weights, tuple(groups))


def load_entities(config_dir: Path) -> EntitiesFile:
    path = config_dir / "entities.toml"
    return _validated(EntitiesFile, path, read_toml(path))


def load_fields(config_dir: Path) -> FieldsFile:
    path = config_dir / "fields.toml"
    return _validated(FieldsFile, path, read_toml(path)) if path.exists() else FieldsFile()


def load_events(config_dir: Path) -> EventsFile:
    path = config_dir / "events.toml"
    return _validated(EventsFile, path, read_toml(path))


def load_measures(config_dir: Path) -> MeasuresFile:
    path = config_dir / "measures.toml"
    return _validated(MeasuresFile, path, read_toml(path)) if path.exists() else MeasuresFile()


def load_knowledge(config_dir: Path, threshold: float | None = None) -> Knowledge:
    """Every knowledge file of a config folder, checked; the first problem is the error."""
    return Knowledge(
        load_relevance_config(config_dir, threshold),
        load_entities(config_dir),
        load_fields(config_dir),
        load_events(config_dir),
        load_measures(config_dir),
    )
