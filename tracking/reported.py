"""Which happening an article reports, out of all it names: the one event clustering keeps.

News recalls other happenings ("the 2016 G20 Hangzhou Summit"), lists them ("co-operation items
such as the Belt and Road Summit held in Hong Kong") and anchors time on them ("ahead of a
promotion event"). Naming an event, dating it or placing it after one of those is the error a
reader sees first. So every cue of the article is scored on how the article speaks of it, as a
newsroom would write the happening it reports:

- in the headline (its name, or its kind) and in the lead (the first paragraphs);
- dated within the article's own time frame (the days before publication, or the coming weeks
  for a happening the article announces);
- recalled (its clause looks back, or its own date lies weeks before publication) or listed in
  passing: strongly against;
- a name a reader can tell apart, and a place the text gives it: a little for.

The best-scoring cue is the article's happening (ties go to the earlier one); an article whose
every cue is recalled or listed reports none of its own. When its sentence says no place, the
surest place another sentence about it gives stands in, then the headline's. It may found an
event only when reported as news: dated in the article's time frame, and in the headline, the
first paragraph or dated in its own paragraph; never in an opinion piece or explainer. Every
cue's score and the reasons behind it are kept as evidence, chosen or not, so
`v_event_reasons` can say why an event was named after one happening and not another.

Its parts are the other happenings it reports within the happening's days (`_parts`): one per
kind and day, never recalled, listed or announced, never the happening itself in other words nor
the week it belongs to; a signing among them is named by what was signed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from records.facts import Agreement, EventCue, Evidence, Happening, Part
from tracking.agreements import SIGNING
from tracking.cues import is_container
from tracking.folding import fold
from tracking.names import sound

HEADLINE_NAME = 3.0  # the cue's name stands in the headline
HEADLINE_KIND = 1.0  # the headline names the cue's kind of happening
LEAD = (2.0, 1.0)  # the cue stands in the first, the second paragraph
IN_FRAME = 1.5  # dated in the days before publication
ANNOUNCED = 1.0  # announced for the coming weeks
NAMED = 0.5  # a name a reader can tell apart
PLACED = 0.25  # per step of place strength (held in X: 3)
RECALLED = -5.0
LISTED = -4.0
FRAME_BEFORE = timedelta(days=10)
FRAME_AFTER = timedelta(days=1)
ANNOUNCED_WITHIN = timedelta(days=60)
PART_WITHIN = timedelta(days=3)

_STRENGTH = {3: "held in", 2: "in, visited or datelined", 1: "at or to"}


@dataclass(frozen=True)
class _Scored:
    cue: EventCue
    score: float
    reasons: tuple[str, ...]


def score_cues(
    cues: Sequence[EventCue], title: str | None, reference: date | None, title_kind: str | None
) -> list[tuple[EventCue, float, str]]:
    """Every cue with its score and the reasons for it, in text order."""
    return [
        (s.cue, round(s.score, 4), "; ".join(s.reasons) or "reported in the body")
        for s in (_score(c, title, reference, title_kind) for c in cues)
    ]


def choose_happening(
    cues: Sequence[EventCue],
    title: str | None,
    reference: date | None,
    agreements: Sequence[Agreement],
    title_kind: str | None,
    title_place: tuple[str, str | None] | None = None,
) -> Happening | None:
    """The happening the article reports, with the evidence for every cue; None when its every
    cue is recalled or listed (or it names none). `title_kind` is the kind its headline names,
    `title_place` where the headline sets it (city, detail): the last place to look for one."""
    if not cues:
        return None
    scored = [_score(c, title, reference, title_kind) for c in cues]
    best = max(scored, key=lambda s: (s.score, -s.cue.index, s.cue.name is not None))
    if best.cue.recalled or best.cue.listed:
        return None
    placed = _placed(best, scored)
    evidence = [e for s in scored for e in _evidence(s) if s is not best]
    chosen = _evidence(best)
    if placed is not best:
        chosen.append(_borrowed_place(placed, best))
    where = placed.cue
    cue = replace(
        best.cue,
        place=where.place,
        place_detail=where.place_detail,
        place_strength=where.place_strength,
    )
    if (cue.place is None or cue.place_strength == 0) and title_place is not None:
        cue = replace(cue, place=title_place[0], place_detail=title_place[1], place_strength=2)
        chosen.append(
            Evidence("place", title_place[0], "the headline sets it there", title or "",
                     round(best.score, 4))
        )  # fmt: skip
    return Happening(
        cue=cue,
        score=round(best.score, 4),
        chosen=tuple(chosen),
        evidence=tuple(evidence),
        parts=tuple(_parts(best.cue, scored, agreements)),
        founding=_founding(best, reference) and not _commentary(title),
    )


def _placed(best: _Scored, scored: Sequence[_Scored]) -> _Scored:
    """Where the happening was, when its own sentence does not say: the surest place another
    cue of the same days gives (the article's other sentences about it, its dateline)."""
    if best.cue.place is not None and best.cue.place_strength > 0:
        return best
    others = [
        s
        for s in scored
        if s.cue.place is not None
        and not (s.cue.recalled or s.cue.listed)
        and _same_days(s.cue.date, best.cue.date)
    ]
    if best.cue.place is not None:  # a signing district's home (strength 0): said no better
        others = [s for s in others if s.cue.place_strength > 0]
    return max(others, key=lambda s: (s.cue.place_strength, -s.cue.index), default=best)


def _borrowed_place(placed: _Scored, best: _Scored) -> Evidence:
    how = _STRENGTH.get(placed.cue.place_strength, "named")
    return Evidence(
        "place", placed.cue.place or "", f"{how}, said of it in another sentence",
        placed.cue.sentence, round(best.score, 4),
    )  # fmt: skip


_COMMENTARY = re.compile(
    r"^\s*(?:opinion|comment|commentary|editorial|analysis|explainer|view|观点|評論|评论|社评|"
    r"社论|时评|短评|专栏|论坛观察)\s*[:：|｜]",
    re.IGNORECASE,
)


def _commentary(title: str | None) -> bool:
    """An opinion piece or explainer ("Opinion: ...", 觀點：) reports no happening of its own:
    it may join the event it discusses, never found one."""
    return bool(title and _COMMENTARY.search(fold(title).text))


def _founding(best: _Scored, reference: date | None) -> bool:
    """Whether the happening is reported as news: dated within the article's time frame, and in
    the headline or the first paragraph or dated in its own paragraph (not a date borrowed from
    elsewhere for a happening the body only discusses)."""
    cue = best.cue
    if cue.date is None:
        return False
    if reference is not None and not (
        reference - FRAME_BEFORE <= cue.date <= reference + ANNOUNCED_WITHIN
    ):
        return False
    own = cue.date_paragraph is None or cue.date_paragraph == cue.paragraph
    headline = any(r.startswith(("named in the headline", "the headline")) for r in best.reasons)
    return own or headline or cue.paragraph == 0


def _score(cue: EventCue, title: str | None, reference: date | None, title_kind: str | None
           ) -> _Scored:  # fmt: skip
    score = 0.0
    reasons: list[str] = []
    headline = fold(title or "").text
    if cue.name and not cue.generic and fold(cue.name).text in headline:
        score += HEADLINE_NAME
        reasons.append("named in the headline")
    elif title_kind is not None and title_kind == cue.event_type:
        score += HEADLINE_KIND
        reasons.append(f"the headline reports a {_words(cue.event_type)}")
    if cue.paragraph < len(LEAD):
        score += LEAD[cue.paragraph]
        reasons.append("in the lead" if cue.paragraph == 0 else "in the second paragraph")
    if cue.date is not None and reference is not None:
        if reference - FRAME_BEFORE <= cue.date <= reference + FRAME_AFTER:
            score += IN_FRAME
            reasons.append("dated in the days before publication")
        elif cue.planned and reference <= cue.date <= reference + ANNOUNCED_WITHIN:
            score += ANNOUNCED
            reasons.append("announced for the coming weeks")
    if cue.name and not cue.generic:
        score += NAMED
        reasons.append("named")
    if cue.generic:
        reasons.append("its name is generic")
    if cue.place_strength:
        score += PLACED * cue.place_strength
    if cue.recalled:
        score += RECALLED
        reasons.append("recalled: the article looks back on it")
    if cue.listed:
        score += LISTED
        reasons.append("named in passing: a list item or a time anchor")
    return _Scored(cue, score, tuple(reasons))


def _words(event_type: str) -> str:
    return event_type.replace("_", " ")


def _evidence(s: _Scored) -> list[Evidence]:
    """The candidate values one cue offers, each with why and how much it was trusted."""
    cue = s.cue
    why = "; ".join(s.reasons) or "reported in the body"
    found = []
    if cue.venue:
        kind = f"a {_words(cue.event_type)} reported at {cue.name}"
    elif cue.name:
        kind = f"the kind its name says ({why})"
    else:
        kind = f"the kind its sentence names first ({why})"
    found.append(Evidence("type", cue.event_type, kind, cue.sentence, round(s.score, 4)))
    if cue.date is not None:
        own = cue.date_sentence is None or cue.date_sentence == cue.sentence
        where = "its own sentence" if own else "the nearest sentence that gives one"
        found.append(
            Evidence(
                "date", cue.date.isoformat(), f"read in {where} ({why})",
                cue.date_sentence or cue.sentence, round(s.score, 4),
            )
        )  # fmt: skip
    if cue.place is not None:
        how = _STRENGTH.get(cue.place_strength, "named")
        detail = f", at {cue.place_detail}" if cue.place_detail else ""
        found.append(
            Evidence(
                "place", cue.place, f"{how}{detail} ({why})", cue.sentence,
                round(s.score + PLACED * cue.place_strength, 4),
            )
        )  # fmt: skip
    return found


def _parts(
    best: EventCue, scored: Sequence[_Scored], agreements: Sequence[Agreement]
) -> list[Part]:
    """The other happenings the article reports inside this one's frame, one per kind and day:
    its cues of those days that it neither recalls, lists nor announces, that are not the
    happening itself in other words (its own kind on its own day, unless named inside it) nor
    a week or festival (the frame it belongs to, never a part) nor the gathering its own
    sentence holds it at or during, and the agreements a sentence
    says were signed then. An unnamed cue counts
    only when its own sentence dates it (a sentence that merely names a kind of happening is
    no happening of its own)."""
    found: dict[tuple[str, date | None], Part] = {}
    container = fold(best.within).text if best.within else None
    for s in scored:
        c = s.cue
        if c is best or c.recalled or c.listed or c.planned or not _same_days(c.date, best.date):
            continue
        name = c.name if c.name and not c.generic and not c.venue and sound(c.name) else None
        if c.name and (fold(c.name).text == container or is_container(c.name)):
            continue  # the week a forum belongs to holds it, not the other way round
        if c.setting and c.sentence == best.sentence:
            continue  # the expo during which the meeting was held (在X期间): its setting
        inside = bool(c.within and best.name and fold(c.within).text == fold(best.name).text)
        day = c.date or (best.date if name or inside else None)
        if c.event_type == best.event_type and (day is None or day == best.date) and not inside:
            continue  # the happening itself, in another sentence or under another name
        if c.name is None and (c.date is None or c.date_sentence != c.sentence):
            continue
        _keep(found, Part(c.event_type, day, name, c.sentence))
    if best.event_type != "agreement_signing":  # else the signing is the happening itself
        for a in signed(agreements, best.date):
            what = f"signing of {agreement_words(a)}"
            _keep(found, Part("agreement_signing", a.signed_on or best.date, what, a.sentence))
    return list(found.values())


def signed(agreements: Sequence[Agreement], day: date | None) -> list[Agreement]:
    """The agreements a sentence says were signed within `PART_WITHIN` of `day`."""
    return [
        a
        for a in agreements
        if a.status == "signed"
        and SIGNING.search(fold(a.sentence).text) is not None
        and _same_days(a.signed_on, day)
    ]


def signing_name(agreements: Sequence[Agreement], day: date | None) -> str | None:
    """What a signing of `day` signed, counted ("signing of 8 memoranda of understanding")."""
    found = [f"signing of {agreement_words(a)}" for a in signed(agreements, day)]
    return max(found, key=_name_rank) if found else None


def _keep(found: dict[tuple[str, date | None], Part], part: Part) -> None:
    """One part per kind and day: a name beats none, a counted signing an uncounted one."""
    key = (part.kind, part.day)
    held = found.get(key)
    if held is None or _name_rank(part.name) > _name_rank(held.name):
        found[key] = part


def _name_rank(name: str | None) -> tuple[bool, bool, int]:
    return (name is not None, bool(name and re.search(r"\d", name)), len(name or ""))


_PLURAL = {
    "memorandum of understanding": "memoranda of understanding",
    "agreement": "agreements",
    "cooperation project": "cooperation projects",
}


def agreement_words(agreement: Agreement) -> str:
    """ "8 memoranda of understanding", "agreement": what was signed, counted."""
    if agreement.count and agreement.count > 1:
        return f"{agreement.count} {_PLURAL.get(agreement.kind, agreement.kind + 's')}"
    return agreement.kind


def _same_days(one: date | None, other: date | None) -> bool:
    return one is None or other is None or abs(one - other) <= PART_WITHIN
