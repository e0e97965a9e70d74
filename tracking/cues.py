"""Event cues: the happenings an article reports (named forums, signings, visits, policies), with
the place and date it gives them, so event clustering can join coverage across languages.

Rules, not a model:
- Named happenings ("... Cooperation Forum", 浙港合作主题论坛) come first. One is an agreement
  signing when its paragraph or the next reports a signing; else it takes the kind of happening
  its name, then its sentence, names (config/fields.toml `[[happening]]`); else it is a
  forum/expo.
- An article that names no happening gives every sentence that reports one as an unnamed cue:
  a signing, or a kind of happening with someone or somewhere named in the sentence.
- The date is the sentence's own or the nearest one around it ("The two cities on Thursday
  signed ... The ceremony took place at the ... Forum"); a happening the sentence announces
  ("will be held on Friday", 将于15日举行) is dated forward.
- The place is where the happening is said to be: "held in X" / 在X举行 beats "in X" / 在X /
  "visited X", which beat "at X" / "to X"; a dateline ("HONG KONG, June 13 (Xinhua) --",
  杭州讯) stands in when the sentence says no better. A city named as an exhibitor's, a
  delegation's or a pavilion's origin ("the Hangzhou pavilion", "a delegation from Hangzhou",
  "Hangzhou's Future Sci-Tech City") is not where the happening was.
"""

from __future__ import annotations

import re
from datetime import date

from records.facts import EventCue, Mention
from tracking.agreements import AGREEMENT_TERM, SIGNING
from tracking.entities import Gazetteer
from tracking.folding import Sentence, fold
from tracking.text_dates import is_planned, nearby_date

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
_NO_NAMED_TYPE = "forum_expo"  # a named happening of no listed kind: its name is a gathering's

# Place evidence, read on folded text around a place mention.
_ORIGIN_AFTER = re.compile(
    r"^(?:['’]s\b|\s+(?:pavilion|booth|stand|delegation|team|exhibitors?|compan(?:y|ies)|firms?|"
    r"enterprises?|officials?|investors?|government|authorities|party|side|youths?|students?|"
    r"entrepreneurs?|business(?:es)?|people|residents?|mayor|secretary|municipal|brands?|"
    r"products?|start-?ups?)\b)|"
    r"^(?:馆|代表团|企业|官员|方面|市委|市政府|政府|籍|青年|团|展区|展台|客商|投资者|商人|市民|学生|"
    r"高校|港商|企)"
)
_ORIGIN_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$|来自$")
_HELD_IN = re.compile(
    r"\b(?:held|hosted|staged|convened|opened|took place|takes place|take place)\s+"
    r"(?:[\w'’\-]+\s+){0,5}?in\s+(?:the\s+)?$"
)
_HELD_AFTER_ZH = re.compile(
    r"^(?:市|省)?(?:举行|举办|召开|开幕|展出|签署|签约|隆重|成功举办|会见|访问|出席)"
)
_IN = re.compile(r"\bin\s+(?:the\s+)?$|(?:在|于)$")
_VISITED = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|toured|arrived in|was in|were in)\s+(?:the\s+)?$|"
    r"(?:访问|到访|访|赴|抵|到|来)$"
)
_AT_OR_TO = re.compile(r"\b(?:at|to)\s+(?:the\s+)?$")
_DATELINE_EN = re.compile(
    r"^\s*(?P<where>[A-Z][A-Za-z .'’-]{1,40}?)\s*,\s*"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?(?:\([^)]{1,40}\)\s*)?(?:--|—|–|-)"
)
_DATELINE_ZH = re.compile(r"^\s*(?P<where>[^，。\n]{1,24}?)(?:电|讯)(?=[\s（(，,:：]|$)")
_DATELINE_STRENGTH = 2


def extract_cues(
    sentences: list[Sentence],
    mentions: list[Mention],
    body: str,
    reference: date | None,
    gazetteer: Gazetteer,
) -> list[EventCue]:
    """Named happenings; when an article names none, the sentences that report a happening."""
    dateline = _dateline(body, mentions)
    cues: dict[str, EventCue] = {}
    for index, sentence in enumerate(sentences):
        for start, end in _named(sentence):
            name = _dashed(body, start, end, mentions)
            place, strength = _place(sentence, mentions, (start, end), dateline)
            cue = EventCue(
                name=name,
                event_type=_named_type(name, sentence, sentences, gazetteer),
                place=place,
                date=_date(sentences, index, reference),
                sentence=sentence.text,
                place_strength=strength,
            )
            cues.setdefault(name.casefold(), cue)
    if cues:
        return list(cues.values())
    unnamed: list[EventCue] = []
    for index, sentence in enumerate(sentences):
        event_type = _sentence_type(sentence, mentions, gazetteer)
        if event_type is None:
            continue
        place, strength = _place(sentence, mentions, None, dateline)
        unnamed.append(
            EventCue(
                name=None,
                event_type=event_type,
                place=place,
                date=_date(sentences, index, reference),
                sentence=sentence.text,
                place_strength=strength,
            )
        )
    return unnamed


def _date(sentences: list[Sentence], index: int, reference: date | None) -> date | None:
    planned = is_planned(sentences[index].folded.text)
    return nearby_date(sentences, index, reference, forward=planned)


def _signing(folded: str) -> bool:
    return bool(SIGNING.search(folded) and AGREEMENT_TERM.search(folded))


def _sentence_type(sentence: Sentence, mentions: list[Mention], gazetteer: Gazetteer) -> str | None:
    """The kind of happening a sentence reports, if it reports one with someone or somewhere."""
    folded = sentence.folded.text
    if _signing(folded):
        return "agreement_signing"
    kinds = gazetteer.happening_types(folded)
    named = any(sentence.start <= m.start < sentence.end for m in mentions)
    return kinds[0] if kinds and named else None


def _named_type(
    name: str, sentence: Sentence, sentences: list[Sentence], gazetteer: Gazetteer
) -> str:
    """A signing reported around a named happening makes it one; else its name says its kind."""
    near = (sentence.paragraph, sentence.paragraph + 1)
    context = " ".join(s.folded.text for s in sentences if s.paragraph in near)
    if SIGNING.search(context) and (AGREEMENT_TERM.search(context) or "ceremony" in context):
        return "agreement_signing"
    for text in (fold(name).text, sentence.folded.text):
        kinds = gazetteer.happening_types(text)
        if kinds:
            return kinds[0]
    return _NO_NAMED_TYPE


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


def _place(
    sentence: Sentence,
    mentions: list[Mention],
    name: tuple[int, int] | None,
    dateline: str | None,
) -> tuple[str | None, int]:
    """The surest place the sentence gives its happening, and how sure (see EventCue)."""
    best: tuple[str | None, int] = (None, 0)
    for m in mentions:
        if not (sentence.start <= m.start < sentence.end) or m.entity_type != "place":
            continue
        if name and name[0] <= m.start < name[1]:
            continue  # "Hangzhou" in "Hangzhou–Hong Kong Forum" says nothing of where it was
        before = fold(sentence.text[: m.start - sentence.start]).text
        after = fold(sentence.text[m.end - sentence.start :]).text
        strength = _strength(before, after)
        if strength > best[1]:
            best = (m.name, strength)
    if best[1] < _DATELINE_STRENGTH and dateline is not None:
        return dateline, _DATELINE_STRENGTH
    return best


def _strength(before: str, after: str) -> int:
    if _ORIGIN_AFTER.match(after) or _ORIGIN_BEFORE.search(before):
        return 0
    if _HELD_IN.search(before) or (_IN.search(before) and _HELD_AFTER_ZH.match(after)):
        return 3
    if _IN.search(before) or _VISITED.search(before):
        return 2
    if _AT_OR_TO.search(before):
        return 1
    return 0


def _dateline(body: str, mentions: list[Mention]) -> str | None:
    """The place of a dateline opening the body, if it names a known place."""
    m = _DATELINE_EN.match(body) or _DATELINE_ZH.match(body)
    if m is None:
        return None
    start, end = m.span("where")
    places = [p for p in mentions if p.entity_type == "place" and start <= p.start < end]
    return places[0].name if places else None
