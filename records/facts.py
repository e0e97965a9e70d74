"""The typed facts tracking pulls out of one article; offsets are in the original title or body."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The kinds of happening an event is typed by, the one list (config/events.toml types its cues
# with them); on a tie of votes the earlier kind wins.
EVENT_TYPES = (
    "agreement_signing",
    "conference",
    "forum",
    "expo",
    "promotion",
    "launch",
    "visit",
    "investment_project",
    "policy",
)


@dataclass(frozen=True)
class Mention:
    """A known gazetteer entity named in the text.

    `status` is `accepted`, or `needs_review` for a weak alias nothing in the article confirms
    (`review_reason` says why); only accepted mentions count as the entity's. `role` is the
    title the text gives a person there.
    """

    entity_id: str
    name: str
    entity_type: str
    surface: str
    field: str  # title, body
    start: int
    end: int
    weak: bool = False  # matched through a weak alias
    status: str = "accepted"
    review_reason: str | None = None
    role: str | None = None

    @property
    def accepted(self) -> bool:
        return self.status == "accepted"


@dataclass(frozen=True)
class Candidate:
    """A name that looks like an entity but is not in the gazetteer: for review, never merged."""

    name: str
    entity_type: str | None
    surface: str
    field: str
    start: int
    end: int
    role: str | None = None


@dataclass(frozen=True)
class Figure:
    """An amount or a count; `start` is its offset in the body; `source` whom the text credits."""

    subject: str | None
    value: float
    unit: str | None
    currency: str | None
    qualifier: str | None
    as_of: date | None
    sentence: str
    start: int
    source: str | None = None
    measure: str | None = None  # the measure key (config/measures.toml) it reports, if any


@dataclass(frozen=True)
class Agreement:
    """A signing reported (`signed`, on `signed_on`) or announced (`planned`, for `planned_on`)."""

    count: int | None
    kind: str
    fields: tuple[str, ...]
    parties: tuple[str, ...]
    signed_on: date | None
    sentence: str
    status: str = "signed"
    planned_on: date | None = None


@dataclass(frozen=True)
class EventCue:
    """A happening the article names or reports, for event clustering.

    `place_strength` says how sure the place is (0 none, 1 "at/to X", 2 "in X"/在X or a
    dateline, 3 "held in X"/在X举行). `place` is a city; `place_detail` the district, park or
    venue inside it the text names. The rest says how the article speaks of the happening, so
    tracking/reported.py can tell the one it reports from those it recalls or lists in passing:
    where the sentence stands (`index`, `paragraph`), whether its date or its words place it
    outside the article's own time frame (`recalled`: "the 2016 summit", 去年, "had visited"),
    whether it is an item of a list or the object of support ("such as the Belt and Road
    Summit": `listed`), and whether the name is only where something else happened ("signed
    ... at the X Forum": `venue`).
    """

    name: str | None
    event_type: str
    place: str | None
    date: date | None
    sentence: str
    place_strength: int = 0
    place_detail: str | None = None
    index: int = 0
    paragraph: int = 0
    recalled: bool = False
    listed: bool = False
    venue: bool = False
    planned: bool = False
    generic: bool = False  # a name no reader can tell apart ("Opening Ceremony & Press Conference")
    within: str | None = None  # the larger happening it is part of ("..., a highlight of the Y")
    date_sentence: str | None = None  # the sentence its date was read in
    date_paragraph: int | None = None  # ... and that sentence's paragraph
    kind_at: int = 0  # where the word of its kind (or its name) starts in the folded sentence
    gathering: str | None = None  # with `venue`: the kind of the gathering it was done at
    setting: bool = False  # the name stands where or when something else happened (在X期间)


@dataclass(frozen=True)
class Evidence:
    """One reason a candidate value of an attribute (title, type, date, place) was scored."""

    attribute: str  # title, title_zh, type, date, place, part
    value: str
    reason: str
    sentence: str
    score: float


@dataclass(frozen=True)
class Part:
    """A happening reported inside another one's frame: the signing at a forum, the meeting
    during a promotion trip. `kind` is one of EVENT_TYPES; `name` its distinctive name, or for a
    signing what was signed ("signing of 8 memoranda of understanding"), else None; `sentence`
    where the article reports it."""

    kind: str
    day: date | None
    name: str | None = None
    sentence: str = ""


@dataclass(frozen=True)
class Happening:
    """The happening an article reports (not one it recalls or names in passing), and why.

    `cue` is the chosen one of the article's cues and `score` how sure the choice is. `chosen`
    holds the reasons behind its type, date and place, `evidence` the candidates of the cues
    passed over (recalled, listed, less prominent) with their scores, so a reader can see in SQL
    why an event was named, typed, dated and placed as it was.
    `titles` are the titles this article proposes for it, in its own script: the happening's
    name when it has one a reader can tell apart, else one made from its kind, who acts and
    where. `parts` are the other happenings it reports inside this one's frame (the signing at
    a forum, the meeting during a promotion trip), never one it recalls, lists or announces.
    """

    cue: EventCue
    score: float
    chosen: tuple[Evidence, ...] = ()  # why it has its type, date and place
    evidence: tuple[Evidence, ...] = ()  # the passed-over cues' candidates, with their scores
    titles: tuple[Evidence, ...] = ()
    parts: tuple[Part, ...] = ()
    # reported as news: in the headline or the lead, or dated in its own sentence, within the
    # article's time frame; only such a happening founds an event on its own
    founding: bool = False


@dataclass(frozen=True)
class ArticleFacts:
    mentions: tuple[Mention, ...]
    candidates: tuple[Candidate, ...]
    figures: tuple[Figure, ...]
    agreements: tuple[Agreement, ...]
    cues: tuple[EventCue, ...]
    happening: Happening | None = None  # the one the article reports, when it reports one

    @property
    def accepted_mentions(self) -> tuple[Mention, ...]:
        """The mentions attributed to their entity (not those awaiting review)."""
        return tuple(m for m in self.mentions if m.accepted)
