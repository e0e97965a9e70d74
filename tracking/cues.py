"""Event cues: the happenings an article reports (named forums, signings, visits), with the place
and date it gives them, so event clustering can join coverage across languages.

Rules, not a model: a named happening is an agreement signing when its paragraph or the next
reports one, else an investment promotion or a policy event by its name, else a forum/expo; an
article that names no happening gives its signing and visit sentences as unnamed cues. The place
comes from "in X"/"held in X"/"在X", the date from the sentence or the sentences around it ("The
two cities on Thursday signed ... The ceremony took place at the ... Forum").
"""

from __future__ import annotations

import re
from datetime import date

from tracking.agreements import AGREEMENT_TERM, SIGNING
from tracking.dates import nearby_date
from tracking.records import EventCue, Mention
from tracking.text import Sentence, fold

_HEADS_EN = (
    "Forum|Conference|Summit|Expo|Exposition|Week|Meeting|Fair|Exhibition|Symposium|Session|"
    "Dialogue|Festival|Roadshow|Seminar|Convention|Ceremony"
)
_NAMED_EN = re.compile(
    r"(?<![\w-])((?:[A-Z0-9][\w'’&/\-–]*\s+(?:(?:of|and|for|on|the|cum|&)\s+)*)+)"
    rf"(?:{_HEADS_EN})\b(?!\s+(?:(?:and|of|&)\s+)?[A-Z])"  # "... Exhibition Centre" is a building
)
_LEADING = re.compile(r"^(?:(?:The|the|A|An|At|In|On|During|Also|And)\s+)+")
_HEADS_ZH = re.compile(
    r"论坛|联席会议|会议|活动周|推介会|峰会|博览会|交流会|洽谈会|签约仪式|大会|年会|展览会|"
    r"座谈会|合作周|经贸周|推介周"
)
_NAME_CHARS_ZH = re.compile(r"[\u4e00-\u9fff\d·•—–\-/“”\"]+$")
_CUT_ZH = re.compile(r".*(?:在|于|出席|参加|举办|举行|召开|期间|的|是|了|将|和|及|，|、|周)")
_PLACE_BEFORE = re.compile(
    r"(?:\bin|\bat|\bvisit(?:s|ed|ing)?|\bto|在|于|到|赴|访问)\s*(?:the\s+)?$"
)
_VISIT = re.compile(
    r"\bvisit(?:s|ed|ing)?\b|\bdelegation\b|\btour(?:s|ed)?\b|访问|考察|率团|代表团|到访|拜会|会见"
)
_INVESTMENT = re.compile(r"\binvest|推介|招商|投资")
_POLICY = re.compile(r"\bpolic(?:y|ies)\b|\bmeasures\b|政策|措施")


def extract_cues(
    sentences: list[Sentence], mentions: list[Mention], body: str, reference: date | None
) -> list[EventCue]:
    """Named happenings; when an article names none, its signings and visits as unnamed cues."""
    cues: dict[str, EventCue] = {}
    for index, sentence in enumerate(sentences):
        for start, end in _named(sentence):
            name = _dashed(body, start, end, mentions)
            cue = EventCue(
                name=name,
                event_type=_type(name, _context(sentence, sentences)),
                place=_place(sentence, mentions, (start, end)),
                date=nearby_date(sentences, index, reference),
                sentence=sentence.text,
            )
            cues.setdefault(name.casefold(), cue)
    if cues:
        return list(cues.values())
    unnamed: list[EventCue] = []
    for index, sentence in enumerate(sentences):
        folded = sentence.folded.text
        signing = bool(SIGNING.search(folded) and AGREEMENT_TERM.search(folded))
        visit = bool(_VISIT.search(folded)) and any(
            m.entity_type == "person" and sentence.start <= m.start < sentence.end for m in mentions
        )
        if signing or visit:
            unnamed.append(
                EventCue(
                    name=None,
                    event_type="agreement_signing" if signing else "visit",
                    place=_place(sentence, mentions, None),
                    date=nearby_date(sentences, index, reference),
                    sentence=sentence.text,
                )
            )
    return unnamed


def _named(sentence: Sentence) -> list[tuple[int, int]]:
    """Body spans of the happenings named in one sentence."""
    spans = []
    for m in _NAMED_EN.finditer(sentence.text):
        lead = _LEADING.match(m.group())
        start = m.start() + (lead.end() if lead else 0)
        if sentence.text[start : m.end()].count(" ") >= 1:
            spans.append((sentence.start + start, sentence.start + m.end()))
    folded = sentence.folded.text
    for m in _HEADS_ZH.finditer(folded):
        before = _NAME_CHARS_ZH.search(folded[: m.start()])
        if before is None:
            continue
        cut = _CUT_ZH.match(before.group())
        name_start = before.start() + (cut.end() if cut else 0)
        if m.start() - name_start >= 2:
            spans.append(sentence.original(name_start, m.end()))
    # "浙港合作会议首次全体会议" holds two heads: keep the whole name only
    return [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]


def _dashed(body: str, start: int, end: int, mentions: list[Mention]) -> str:
    """'Hangzhou-Hong Kong Forum' → 'Hangzhou–Hong Kong Forum': a hyphen joining two places."""
    ends = {m.end for m in mentions if m.entity_type == "place"}
    starts = {m.start for m in mentions if m.entity_type == "place"}
    chars = list(body[start:end])
    for i, ch in enumerate(chars):
        at = start + i
        if ch == "-" and at in ends and at + 1 in starts:
            chars[i] = "–"
    return "".join(chars)


def _context(sentence: Sentence, sentences: list[Sentence]) -> str:
    """The sentence's paragraph and the next one: a forum named in one paragraph often has its
    signing reported in the next."""
    near = (sentence.paragraph, sentence.paragraph + 1)
    return " ".join(s.folded.text for s in sentences if s.paragraph in near)


def _type(name: str, context: str) -> str:
    if SIGNING.search(context) and (AGREEMENT_TERM.search(context) or "ceremony" in context):
        return "agreement_signing"
    folded_name = name.casefold()
    if _INVESTMENT.search(folded_name):
        return "investment_project"
    if _POLICY.search(folded_name):
        return "policy"
    return "forum_expo"


def _place(sentence: Sentence, mentions: list[Mention], name: tuple[int, int] | None) -> str | None:
    for m in mentions:
        if not (sentence.start <= m.start < sentence.end) or m.entity_type != "place":
            continue
        if name and name[0] <= m.start < name[1]:
            continue  # "Hangzhou" in "Hangzhou–Hong Kong Forum" says nothing of where it was
        before = fold(sentence.text[: m.start - sentence.start]).text
        if _PLACE_BEFORE.search(before):
            return m.name
    return None
