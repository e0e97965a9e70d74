"""Event cues: the happenings an article names or reports (named forums, signings, visits,
launches, policies), with the place and date it gives them and how it speaks of each, so that
tracking/reported.py can tell the happening the article reports from those it only recalls or
lists, and event clustering can join coverage across languages.

Rules, not a model:
- Named happenings ("... Cooperation Forum", 浙港合作主题论坛) are cues wherever they stand. A name
  made only of generic words ("Opening Ceremony & Press Conference", 开幕式) is kept but marked
  `generic`: it tells no reader which happening it was.
- A sentence that reports a happening (a signing, or a kind of happening with someone or
  somewhere named, not only as where something else happened) is an unnamed cue, unless a named
  happening of its paragraph that is neither recalled, listed nor generic stands for it ("The
  two cities on Thursday signed eight agreements. The ceremony took place at the ... Forum" is
  one happening). A passing name elsewhere never silences the lead.
- The kind is the one whose word comes first (config/events.toml `[[happening]]`); a gathering
  named only as where a signing took place ("signed ... at the X Forum", 在X上签署) makes the cue a
  signing, marked `venue`; the fallback kind (a visit) counts only when no other is named.
- How the article speaks of it: `recalled` when its clause looks back ("the 2016 G20 Summit",
  "had visited", 去年, 曾) or its own date lies weeks before publication; `listed` when it is an
  item of a list, a time anchor or of another time frame ("such as the Belt and Road Summit",
  "ahead of a promotion event", 包括…等, "next year"); `planned` when the sentence announces it.
- The date is the sentence's own or the nearest one around it; a happening the sentence announces
  ("will be held on Friday", 将于15日举行) is dated forward.
- The place is where the happening is said to be: "held in X" / 在X举行 beats "in X" / 在X /
  "visited X", which beat "at X" / "to X"; a dateline ("HONG KONG, June 13 (Xinhua) --", 杭州讯)
  stands in when the sentence says no better. A city named as an exhibitor's, a delegation's or a
  pavilion's origin ("the Hangzhou pavilion", "a delegation from Hangzhou") is not where the
  happening was, nor is a place that belongs to a happening named in passing ("the Belt and
  Road Summit held in Hong Kong"). A district or park is placed in its city, and kept as detail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from records.facts import EventCue, Mention
from tracking.agreements import AGREEMENT_TERM, SIGNING
from tracking.entities import Gazetteer
from tracking.figures import zh_number
from tracking.folding import Sentence, fold, sentences
from tracking.names import VERBS_ZH, anaphor_zh, future, sound
from tracking.names import span as name_span
from tracking.text_dates import is_planned, nearby_date_at, years_named

_HEADS_EN = (
    "Forum|Conference|Summit|Expo|Exposition|Week|Meeting|Fair|Exhibition|Symposium|Session|"
    "Dialogue|Festival|Roadshow|Seminar|Convention|Ceremony|Competition|Contest|Salon|Roundtable"
)
_NAMED_EN = re.compile(  # a word may be a bracketed place ("China (Hangzhou) ... Expo") or a
    # quoted phrase (the “Smart Hangzhou” Innovation Expo)
    r"(?<![\w-])((?:(?:[A-Z0-9][\w'’&/\-–]*|\((?!(?:[A-Z][a-z]+day|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)[A-Z][A-Za-z'’&/\-– ]*"
    r"\)|[“‘\"'][A-Z][\w&/\-– ]*[”’\"'])\s+"
    r"(?:(?:of|and|for|on|the|cum|&)\s+)*)+)"
    rf"(?:{_HEADS_EN})\b(?!\s+(?:(?:and|of|&)\s+)?[A-Z])"  # "... Exhibition Centre" is a building
)
_LEADING = re.compile(
    r"^(?:(?:The|the|A|An|At|In|On|During|Also|And|This|That|These|Those|Its|Their|Our|Next|"
    r"Last|Such|(?:Ahead|Prior|Because|Instead|Regardless) of|In the run-up to|Following|"
    r"After|Before|Since|Until|Besides|Despite|Like|Unlike|Beyond|Amid)\s+)+"
)
_HEADS_ZH = re.compile(
    r"论坛|联席会议|会议(?!员)|活动周|推介会|峰会|博览会|交流会|洽谈会|签约仪式|大会|年会|展览会|"
    r"座谈会|合作周|经贸周|推介周|大赛|启动仪式|开幕式|沙龙|圆桌会|"
    # an exhibition named for what or whose it shows (“杭州好物”香港展), not 发展 or 展开
    r"(?<=[\u4e00-\u9fff”」])(?<!发)展(?=$|[^\u4e00-\u9fff]|在|于|开幕|揭幕|昨日|今日|正式|期间|上)|"
    r"(?<=[\u4e00-\u9fff·])周(?=$|[^\u4e00-\u9fff]|期间|在|于|的|开幕|闭幕|举行|举办|活动|系列|上|"
    r"将|正式|圆满|启动|昨日|昨天|今日|今天|明日|明天|日前|近日|前日)"  # 港澳·浙江周, not 本周
    # nor the surname in 书记周江勇
)
# A week's name is a place's or a theme's, never a time word: 本周, 上周, 这一周 are no names.
_TIME_WEEK_ZH = re.compile(
    r"(?:本|上|下|每|一|两|这|该|当|同|近|前|后|首|全|整|个|书记|市长|主席|局长|部长|主任|总裁|经理|"
    r"[一二两三四五六七八九十百\d]|为期.*)$"  # 为期六周: six weeks long, no week's name
)
_NAME_CHARS_ZH = re.compile(r"[\u4e00-\u9fff\d·•—–\-/“”\"（）()]+$")
_CUT_ZH = re.compile(
    r".*(?:在|于|出席|参加|举办|举行|召开|期间|的|是|了|将|和|及|，|、|周(?=.)|适逢|正值|恰逢|继|延续|"
    rf"承接|双方|两地|{VERBS_ZH})"
)
_NO_NAMED_TYPE = "forum"  # a named happening of no listed kind: its name is a gathering's

# Words no reader tells one happening from another by: a name made only of these is generic.
_GENERIC_EN = frozenset(
    [
        "opening", "closing", "ceremony", "press", "conference", "signing", "launch", "launching",
        "welcome", "dinner", "banquet", "luncheon", "reception", "award", "awards", "media",
        "briefing", "session", "plenary", "meeting", "first", "second", "third", "annual",
        "high-level", "high", "level", "cum", "and", "&", "of", "the", "on", "for", "joint",
        "official", "grand", "gala", "summit", "forum", "seminar", "week", "fair", "exhibition",
        "expo", "roadshow", "dialogue",
    ]
)  # fmt: skip
_GENERIC_ZH = re.compile(
    r"开幕式|开幕|闭幕式|新闻发布会|发布会|签约仪式|启动仪式|仪式|启动|现场|全体会议|会议|首次|第一次|"
    r"高层|会晤|暨|颁奖|典礼|欢迎|晚宴|活动|大会|论坛|峰会|推介会|主题|专题|专场|合作|交流|工作|系列|"
    r"[\s·]"
)

# How a sentence speaks of a happening, read on folded text around it.
_VENUE_BEFORE_EN = re.compile(
    r"\b(?:at|during|on the sidelines of|on the occasion of|took place at|held at)\s+"
    r"(?:the |a |an |this |its |their )?(?:[\w'’&/\-–]+ ){0,4}$"
)
_VENUE_AFTER_ZH = re.compile(r"^[\u4e00-\u9fff·“”\"]{0,2}?(?:上|期间|间隙|之际|现场|场内|会场)")
_REFERS_BACK = re.compile(
    r"^(?:the (?:ceremony|signing|signing ceremony|event|deals?|agreements?)|it|this)\b|"
    r"^(?:签约仪式|仪式|签约|活动)"
)
_CONTAINER_BEFORE_EN = re.compile(
    r"\b(?:a |the |one )?(?:highlight|part|centrepiece|centerpiece|main event|key event|"
    r"flagship event) of (?:the )?$"
)
_LISTED_EN = re.compile(
    r"\b(?:such as|including|among them|as well as)\b[^.;:]{0,100}$|"
    r"\b(?:ahead of|in the run-up to|prior to|following|follow(?:s|ed)|after|before|since|"
    r"build(?:s|ing)? on|built on|coincid(?:es|ed|ing) with|on the heels of|"
    r"support(?:s|ed|ing)?(?: for)?|participat(?:e|es|ed|ing) in|take part in|took part in)\s+"
    r"(?:the |a |an |its |their |this |next |last )?(?:[\w'’&/\-–]+ ){0,3}$|"
    # a place known by a happening ("the venue of the Digital Trade Expo", "the host city of
    # the Asian Games"): the place is what the sentence speaks of
    r"\b(?:(?:main |former |future )?(?:venues?|site|grounds|home|host(?: city)?)) (?:of|for) "
    r"(?:the |this year's |next year's )?$|"
    # one still to come: prepared for, or guests invited to it
    r"\b(?:preparations?|preparing|prepare[sd]?|bid(?:ding)?) (?:for|of) (?:the |this year's )?$|"
    r"\binvit(?:e|es|ed|ing) (?:[\w'’&\-]+ ){0,4}to (?:attend |join |take part in )?"
    r"(?:the |this year's )?$"
)
_LISTED_NOT = re.compile(r"\b(?:attended|held|hosted|opened|signed|met|visited|launched)\b")
_LISTED_ZH_BEFORE = re.compile(
    r"(?:包括|例如|诸如|比如|如|支持|参与|依托|借助|继|(?<!作)为|适逢|正值|恰逢|延续|承接)[^。；：]{0,40}$|"
    # guests invited to one still to come
    r"邀请[^。；：，]{0,20}(?:参加|出席|参与)[^。；：，]{0,20}$|"
    r"、$"
)
_LISTED_ZH_AFTER = re.compile(
    r"^(?:召开|举行|举办|开幕|闭幕|结束)?(?:等|、|之前|之后|前夕|以来|后(?![续来面]))|"
    # 亚运会场馆: a place, not the happening; 博览会的筹备情况: one still to come
    r"^的?(?:主|举办)?(?:场馆|会址|举办地|会场|场地|旧址)|^的?(?:筹备|筹办|准备|申办)"
)
_MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december"
_RECALLED_EN = re.compile(
    r"\b(?:recalled|recalling|recalls|previous(?:ly)?|earlier this year|last year|last month|"
    r"years? ago|months? ago|former|once hosted|first held|back in|in the past|"
    r"had (?:been )?(?:held|hosted|visited|signed|attended|met|launched|opened)|used to|"
    rf"was held in (?:19|20)\d\d|last (?:{_MONTHS_EN})|over the (?:past )?years|"
    r"in recent years|for (?:years|decades)|traditionally|have long|has long)\b"
)
_RECALLED_ZH = re.compile(
    r"曾|此前|去年|前年|上届|往届|上一届|回顾|早前|早在|先前|昔日|过去|多年来|近年|历来|一直以来|往年|"
    r"上个?月|上周(?![一二三四五六日天])|以来|举办过|举行过"  # 成功举办G20杭州峰会以来: since it
)
# A happening of another time frame ahead, or a recurring one: named in passing too.
_ASIDE_TIME = re.compile(
    r"\b(?:next year|later this (?:year|month)|next month|every year|each year|annual(?:ly)?|"
    rf"(?:every|each) (?:{_MONTHS_EN}|spring|summer|autumn|fall|winter)|"
    r"in the coming years?|next (?:[a-z\-]+ ){0,2}(?:meeting|session|plenary|forum|conference|"
    r"summit|expo|fair|edition|round|week|gathering|visit)s?)\b|"
    r"明年|后年|下个?月|每年|每届|年内|下一?(?:次|届|轮|场|期)|本月(?:中旬|下旬|底)|月底"
)
# A month named without its day ("in September", 9月在杭州举行): the happening's month.
_MONTH_ONLY = re.compile(
    rf"\b(?:in|this|last|next|since|until|from|by) ({_MONTHS_EN})\b(?!\s+\d)|"
    # 今年9月 / 今年九月 (a year named in figures, 2019年9月, is the recalled-year rule's)
    r"(?<![\d一二三四五六七八九十〇零])(?<!\d年)(\d{1,2}|十[一二]?|[一二三四五六七八九])月"
    r"(?![\d一二三四五六七八九十]{1,3}[日号]|底|末|份以来)"
)
_CLAUSE = re.compile(r"[^,，;；]+")
_RECENT = timedelta(days=30)  # a happening's own date further back is recalled, not reported
_AHEAD = timedelta(days=60)  # a date borrowed for a happening lies no further ahead than this

# Place evidence, read on folded text around a place mention.
_ORIGIN_AFTER = re.compile(
    r"^(?:['’]s\b(?!\s+[a-z\-]+ district)|\s+(?:pavilion|booth|stand|delegation|team|exhibitors?|"
    r"compan(?:y|ies)|firms?|"
    r"enterprises?|officials?|investors?|government|authorities|party|side|youths?|students?|"
    r"entrepreneurs?|business(?:es)?|people|residents?|mayor|secretary|municipal|brands?|"
    r"products?|start-?ups?)\b)|"
    r"^(?:馆|展馆|代表团|企业|官员|方面|市委|市政府|政府|籍|青年|团|展区|展台|客商|投资者|商人|市民|学生|"
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
# "in Hangzhou", "in Yuhang district's ...", "in a meeting hall of the ..."
_IN = re.compile(
    r"\bin\s+(?:(?:a|an|the)\s+(?:[a-z\-]+\s+){1,2}of\s+)?(?:the\s+)?"
    r"(?:(?:[a-z\-]+\s+)?[a-z\-]+['’]s\s+)?$|(?:在|于)$"
)
_VISITED = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|toured|arrived in|was in|were in)\s+(?:the\s+)?$|"
    r"(?:访问|到访|访|赴|抵达|到达|前往|来到|抵|到|来)$"
)
_AT_OR_TO = re.compile(r"\b(?:at|to)\s+(?:the\s+)?$")
_DATELINE_EN = re.compile(
    r"^\s*(?P<where>[A-Z][A-Za-z .'’-]{1,40}?)\s*,\s*"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?(?:\([^)]{1,40}\)\s*)?(?:--|—|–|-)"
)
_DATELINE_ZH = re.compile(r"^\s*(?P<where>[^，。\n]{1,24}?)(?:电|讯)(?=[\s（(，,:：]|$)")
_DATELINE_STRENGTH = 2


@dataclass(frozen=True)
class _Place:
    city: str | None
    strength: int
    detail: str | None = None


@dataclass(frozen=True)
class _Named:
    """A named happening in one sentence: its span (body offsets and folded sentence offsets)."""

    start: int
    end: int
    f_start: int
    f_end: int


def extract_cues(
    sentences: list[Sentence],
    mentions: list[Mention],
    body: str,
    reference: date | None,
    gazetteer: Gazetteer,
    headline_kind: str | None = None,
) -> list[EventCue]:
    """Every named happening, and each sentence reporting one that no named one stands for.

    A named happening stands for its paragraph's unnamed ones, except for the kind the headline
    reports when the name is of another kind ("杭州市长率团访港" over a lead saying the delegation
    visited and attended the X交流会): the visit is reported, the gathering it attended is one
    of its parts."""
    dateline = _dateline(body, mentions, gazetteer)
    named = {i: _named(s) for i, s in enumerate(sentences)}
    aside = {i: [n for n in spans if _in_passing(s, n, reference)] for (i, spans), s in
             zip(named.items(), sentences, strict=True)}  # fmt: skip
    cues: dict[str, EventCue] = {}
    prominent: set[int] = set()  # paragraphs a named happening stands for
    frames: dict[int, list[_Named]] = {}  # weeks a sentence sets its happening in
    for index, sentence in enumerate(sentences):
        for span in named[index]:
            name = _dashed(body, span.start, span.end, mentions)
            cue = cues.get(name.casefold()) or _named_cue(
                name, span, sentences, index, mentions, reference, gazetteer, dateline,
                aside[index],
            )  # fmt: skip
            cues.setdefault(name.casefold(), cue)
            if cue.event_type != "agreement_signing" and _frames(sentence, span):
                frames.setdefault(index, []).append(span)
            elif cue.index == index and not (cue.listed or cue.recalled or cue.generic):
                prominent.add(sentence.paragraph)
    found = list(cues.values())
    for index, sentence in enumerate(sentences):
        if sentence.paragraph in prominent:
            headed = _headline_kind_cue(sentences, index, mentions, reference, gazetteer,
                                        dateline, named[index], headline_kind, found)  # fmt: skip
            if headed is not None:
                found.append(headed)
            continue
        unnamed = _unnamed_cue(sentences, index, mentions, reference, gazetteer, dateline,
                               aside[index], frames.get(index, []))  # fmt: skip
        if unnamed is not None:
            found.append(unnamed)
    return sorted(found, key=lambda c: (c.index, c.name is None))


def _named_cue(
    name: str,
    span: _Named,
    sentences: list[Sentence],
    index: int,
    mentions: list[Mention],
    reference: date | None,
    gazetteer: Gazetteer,
    dateline: _Place | None,
    aside: list[_Named],
) -> EventCue:
    sentence = sentences[index]
    folded = sentence.folded.text
    setting = _is_venue(folded, span.f_start, span.f_end)  # "at the X", 在X期间
    previous = sentences[index - 1] if index and sentences[index - 1].paragraph == (
        sentence.paragraph) else None  # fmt: skip
    signing_here = _signing(folded) or (
        previous is not None and _REFERS_BACK.search(folded) is not None
        and _signing(previous.folded.text)
    )  # fmt: skip
    # what was done at a named gathering ("launched ... at the X Forum", 揭牌仪式在X论坛上举行,
    # "announced the measures at the X Conference") is the sentence's happening, the gathering
    # only where it took place
    held_here = "agreement_signing" if signing_here else _done_at(folded, span, gazetteer)
    venue = setting and held_here is not None
    gathering = _name_type(name, gazetteer)
    event_type = held_here if venue and held_here else gathering
    clause = _named_clause(folded, span.f_start, span.f_end)
    planned = is_planned(clause)
    dated = _cue_date(sentences, index, reference, planned)
    place = _place(sentence, mentions, (span.start, span.end), dateline, gazetteer,
                   [a for a in aside if a != span],
                   signing=event_type == "agreement_signing")  # fmt: skip
    own_date = dated[0] if dated and dated[1] == index else None
    return EventCue(
        name=name,
        event_type=event_type,
        place=place.city,
        date=dated[0] if dated else None,
        sentence=sentence.text,
        place_strength=place.strength,
        place_detail=place.detail,
        index=index,
        paragraph=sentence.paragraph,
        recalled=_recalled(folded, span.f_start, span.f_end, clause, own_date, reference),
        listed=_listed(sentence, span) or _other_time(clause, own_date, reference),
        venue=venue,
        gathering=gathering if venue else None,
        setting=setting,
        planned=planned,
        generic=_generic(name),
        within=_container(sentence, span),
        kind_at=span.f_start,
        date_sentence=sentences[dated[1]].text if dated else None,
        date_paragraph=sentences[dated[1]].paragraph if dated else None,
    )


def _aside_reach(folded: str, aside: _Named) -> tuple[int, int]:
    """The words a happening named in passing holds: the rest of its sentence ("..., following
    the Belt and Road Summit, which Hong Kong hosted"), or only its clause when it opens the
    sentence ("Ahead of the Expo, a delegation visited ...", 在博览会开幕前夕，代表团访问…)."""
    lead = _LEADING_CLAUSE.search(folded[aside.f_end :])
    if lead is not None and not re.search(r"[,，;；]", folded[: aside.f_start]):
        return aside.f_start, aside.f_end + lead.end()
    return aside.f_start, len(folded)


_LEADING_CLAUSE = re.compile(r"^[^,，;；。]{0,40}?[,，]")


def _unnamed_cue(
    sentences: list[Sentence],
    index: int,
    mentions: list[Mention],
    reference: date | None,
    gazetteer: Gazetteer,
    dateline: _Place | None,
    aside: list[_Named],
    frames: list[_Named],
) -> EventCue | None:
    """The happening a sentence reports, when it reports one with someone or somewhere named;
    inside the week or festival the sentence sets it in (`frames`), if any."""
    sentence = sentences[index]
    folded = sentence.folded.text
    skip = [_aside_reach(folded, a) for a in aside] + [(f.f_start, f.f_end) for f in frames]
    kind = main_kind(folded, gazetteer, skip)
    if kind is None:
        return None
    paragraph, told = sentence.paragraph, sentence
    if not _names_any(sentence, mentions):
        if not _goes_on(sentences, index, mentions):
            return None
        told = sentences[index - 1]  # it tells on the happening said there, and where
        paragraph = told.paragraph
    if sentence.paragraph > 0 and _is_venue(folded, kind[1], kind[1] + 1):
        return None  # "Also at the conference were ...": no happening of its own
    event_type, at = kind
    clause = _clause_at(folded, at)
    planned = is_planned(clause)
    dated = _cue_date(sentences, index, reference, planned)
    place = _place(told, mentions, None, dateline, gazetteer, aside,
                   signing=event_type == "agreement_signing")  # fmt: skip
    own_date = dated[0] if dated and dated[1] == index else None
    return EventCue(
        name=None,
        event_type=event_type,
        place=place.city,
        date=dated[0] if dated else None,
        sentence=sentence.text,
        place_strength=place.strength,
        place_detail=place.detail,
        index=index,
        paragraph=paragraph,
        recalled=_recalled(folded, at, at, clause, own_date, reference),
        listed=_other_time(clause, own_date, reference),
        kind_at=at,
        planned=planned,
        within=_text(sentence, frames[0]) if frames else None,
        date_sentence=sentences[dated[1]].text if dated else None,
        date_paragraph=sentences[dated[1]].paragraph if dated else None,
    )


def _names_any(sentence: Sentence, mentions: list[Mention]) -> bool:
    return any(sentence.holds(m.start) for m in mentions)


_GOES_ON_EN = re.compile(r"^(?:the|this|these|it|its|they|their)\b")


def _goes_on(sentences: list[Sentence], index: int, mentions: list[Mention]) -> bool:
    """Whether a sentence goes on about what the one before it said of somebody somewhere
    ("A Hong Kong group will invest in Hangzhou. The plant will ..."; 该项目落户…): it reports
    that happening though it names nobody again."""
    if index == 0 or not _names_any(sentences[index - 1], mentions):
        return False
    folded = sentences[index].folded.text.lstrip(" \"'“‘「")
    return bool(_GOES_ON_EN.match(folded) or anaphor_zh(folded, 0) is not None)


def _headline_kind_cue(
    sentences: list[Sentence],
    index: int,
    mentions: list[Mention],
    reference: date | None,
    gazetteer: Gazetteer,
    dateline: _Place | None,
    names: list[_Named],
    headline_kind: str | None,
    found: list[EventCue],
) -> EventCue | None:
    """The happening of the headline's kind a sentence reports besides the named one it holds,
    read with the names left out; only when no named happening of the paragraph is that kind."""
    paragraph = sentences[index].paragraph
    if headline_kind is None or any(
        c.event_type == headline_kind for c in found if c.paragraph == paragraph
    ):
        return None
    folded = sentences[index].folded.text
    if not any(_ATTENDED.search(folded[: n.f_start]) for n in names):
        return None  # the sentence reports the named happening itself, not a visit to it
    cue = _unnamed_cue(sentences, index, mentions, reference, gazetteer, dateline, [], names)
    if cue is None or cue.event_type != headline_kind:
        return None
    return replace(cue, within=None)


# someone attends the named happening: what the sentence reports is their trip, the happening
# is where it took them
_ATTENDED = re.compile(
    r"\b(?:attend(?:s|ed|ing)?|took part in|takes part in|joined)\s+(?:the\s+)?"
    r"(?:[\w'’\-]+\s+){0,3}$|(?:出席|参加|参与)(?:了)?(?:在[^，。；]{0,20}(?:举行|举办|召开)的)?$"
)


def _frames(sentence: Sentence, span: _Named) -> bool:
    """Whether a named week or festival only sets the sentence's happening in its frame ("a
    fair on Tuesday, part of the Zhejiang Week", 浙江周期间举办推介会): it holds that happening,
    it does not stand for it."""
    folded = sentence.folded.text
    return bool(
        _CONTAINER_HEAD.search(folded[span.f_start : span.f_end])
        and (_FRAMED_EN.search(folded[: span.f_start]) or _DURING_ZH.match(folded[span.f_end :]))
    )


_FRAMED_EN = re.compile(r"\b(?:during|as part of|part of|in the frame of) (?:the |this year's )?$")


def _cue_date(
    sentences: list[Sentence], index: int, reference: date | None, planned: bool
) -> tuple[date, int] | None:
    """The date of a cue's happening and the sentence it was read in: its own sentence's, else
    the nearest one around it within the article's time frame (a background paragraph's
    "in June 2016" dates the happening it recalls, not this one)."""
    own = nearby_date_at(sentences[index : index + 1], 0, reference, forward=planned)
    if own is not None:
        return own[0], index
    if planned:
        return None  # a happening announced without its date is not the lead's
    for i in _around(sentences, index):
        found = nearby_date_at(sentences[i : i + 1], 0, reference)
        if found is None:
            continue
        if reference is None or reference - _RECENT <= found[0] <= reference + _AHEAD:
            return found[0], i
    return None


def _around(sentences: list[Sentence], index: int) -> list[int]:
    """Sentences to borrow a date from: earlier ones of the paragraph, later ones of it, then
    earlier ones of the article (news leads carry the date)."""
    paragraph = sentences[index].paragraph
    same = [i for i, s in enumerate(sentences) if s.paragraph == paragraph and i != index]
    earlier = [i for i in same if i < index][::-1]
    later = [i for i in same if i > index]
    before = [i for i in range(index - 1, -1, -1) if i not in same]
    return [*earlier, *later, *before]


# --- kinds ------------------------------------------------------------------------------------


def main_kind(
    folded: str, gazetteer: Gazetteer, skip: list[tuple[int, int]] | None = None
) -> tuple[str, int] | None:
    """The kind of happening a folded text reports, and where its word stands.

    The first kind named wins, a kind named only as a venue ("at the forum") gives way to the
    others, and the fallback kind (a visit) counts only when no other is named; a kind named as
    a time anchor or a list item ("ahead of a promotion event") counts only when nothing else is.
    """
    hits = [(s, e, k) for s, e, k in gazetteer.happening_hits(folded)]
    signing = SIGNING.search(folded)
    if signing and AGREEMENT_TERM.search(folded):
        hits.append((signing.start(), signing.end(), "agreement_signing"))
    hits = [h for h in hits if not any(a <= h[0] < b for a, b in skip or [])]
    fallback = gazetteer.fallback_kind
    free = [h for h in hits if not _anchor(folded, h[0])]
    primary = [h for h in free if h[2] != fallback and not _is_venue(folded, h[0], h[1])]
    for chosen in (primary, [h for h in free if h[2] != fallback], free, hits):
        if chosen:
            start, _, kind = min(chosen, key=lambda h: (h[0], _rank(gazetteer, h[2])))
            return kind, start
    return None


def _anchor(folded: str, start: int) -> bool:
    """Whether the word at `start` names a happening only as a time anchor or a list item
    ("met ... ahead of a promotion event", "items such as the forum")."""
    before = folded[:start]
    english = _LISTED_EN.search(before)
    return bool(english and not _LISTED_NOT.search(before[english.start() :]))


def _rank(gazetteer: Gazetteer, kind: str) -> int:
    kinds = [h.event_type for h in gazetteer.happenings]
    return kinds.index(kind) if kind in kinds else -1  # a signing first


_SIGNING_HEAD = re.compile(r"(?:签约|签署)仪式$|\bsigning ceremony$")


_DONE_AT = ("policy", "launch", "investment_project")  # kinds done at a gathering, not held


def _done_at(folded: str, span: _Named, gazetteer: Gazetteer) -> str | None:
    """The kind of what the sentence does at the named gathering besides holding it: a policy
    announced, something launched, a project started there, by a word outside the name (not
    the gathering's own opening just before it: 当天开幕的X论坛). The first such word wins."""
    for start, end, kind in sorted(gazetteer.happening_hits(folded)):
        outside = end <= span.f_start - 3 or start >= span.f_end
        if kind in _DONE_AT and outside:
            return kind
    return None


def _name_type(name: str, gazetteer: Gazetteer) -> str:
    """The kind a happening's name says; a name of no listed kind is a gathering's. A name
    holding a signing is a gathering's too (a forum's signing session is the forum's), unless
    the signing is what it names (杭港合作项目集中签约仪式: a signing ceremony)."""
    folded = fold(name).text
    if _SIGNING_HEAD.search(folded):
        return "agreement_signing"
    if folded.endswith("展"):
        return "expo"  # 书展, “杭州好物”香港展: an exhibition by its name's last word
    kind = main_kind(folded, gazetteer)
    if kind is not None and kind[0] != "agreement_signing":
        return kind[0]
    return "promotion" if _one_sides_week(folded, gazetteer) else _NO_NAMED_TYPE


_WEEK = re.compile(r"\bweek$|周$")


def _one_sides_week(folded: str, gazetteer: Gazetteer) -> bool:
    """Whether a name is one side's week ("Hangzhou Week", 香港周): a city showing itself on
    the other's ground is promoting itself there, while a week of both (浙港创新周) is their
    gathering."""
    roles = {hit.key for hit in gazetteer.side_matcher.find(folded)}
    return (
        bool(_WEEK.search(folded))
        and len(roles & {"hangzhou", "hongkong"}) == 1
        and ("joint" not in roles)
    )


def _signing(folded: str) -> bool:
    return bool(SIGNING.search(folded) and AGREEMENT_TERM.search(folded))


def _is_venue(folded: str, start: int, end: int) -> bool:
    """Whether the words at [start, end) only say where something else happened."""
    return bool(
        _VENUE_BEFORE_EN.search(folded[:start]) or _VENUE_AFTER_ZH.match(folded[end:])
    ) and not folded[:start].rstrip().endswith(("held", "hosted"))


# --- how the article speaks of it -----------------------------------------------------------


def _clause_at(folded: str, at: int) -> str:
    """The clause (between commas or semicolons) holding position `at`."""
    for m in _CLAUSE.finditer(folded):
        if m.start() <= at < m.end() or at == m.end():
            return m.group()
    return folded


def _named_clause(folded: str, start: int, end: int) -> str:
    """The clause of a name at [start, end), with the clause describing it when one follows
    (", which Hong Kong hosted in September", ", held in Hong Kong every January"): what that
    one says of its time is said of the named happening."""
    clause = _clause_at(folded, start)
    described = _DESCRIBED.match(folded, end)
    return f"{clause} {_clause_at(folded, described.end())}" if described else clause


_DESCRIBED = re.compile(
    r"\s*[,，]\s*(?:which|that|where|held|hosted|staged|organi[sz]ed|launched|first held)\b"
)


def _in_passing(sentence: Sentence, span: _Named, reference: date | None) -> bool:
    """Whether a named happening is only mentioned: listed, recalled or of another time frame.
    Its words and its place are then no evidence for the sentence's own happening."""
    folded = sentence.folded.text
    clause = _named_clause(folded, span.f_start, span.f_end)
    own = nearby_date_at([sentence], 0, reference)
    own_date = own[0] if own else None
    return (
        _listed(sentence, span)
        or _recalled(folded, span.f_start, span.f_end, clause, own_date, reference)
        or _other_time(clause, own_date, reference)
    )


def _listed(sentence: Sentence, span: _Named) -> bool:
    """Whether a named happening is an item of a list or a time anchor, not what is reported."""
    folded = sentence.folded.text
    before, after = folded[: span.f_start], folded[span.f_end :]
    english = _LISTED_EN.search(before)
    if english and not _LISTED_NOT.search(before[english.start() :]):
        return True
    if _BESIDE_BEFORE.search(before) and _BESIDE_AFTER.match(after):
        return True
    return bool(_LISTED_ZH_BEFORE.search(before) or _LISTED_ZH_AFTER.match(after))


# A happening that only shares the reported one's time: "..., as the Food Expo opened in the
# halls below", 推介会与美食博览同日开幕.
_BESIDE_BEFORE = re.compile(
    r"\b(?:as|while|when|where) (?:the |this year's )?(?:[\w'’&/\-–]+ ){0,3}$|与$|和$"
)
_BESIDE_AFTER = re.compile(
    r"^\s*(?:opened|opens|began|begins|kicked off|got under way|gets under way|"
    r"(?:is|was) (?:under way|being held|on)|was held|took place|takes place|closed|"
    r"brings|brought|draws|drew|runs|ran)\b|^同(?:日|期|时|一天)"
)


def _recalled(
    folded: str, start: int, end: int, clause: str, own: date | None, reference: date | None
) -> bool:
    """Whether the happening at [start, end) is one the article looks back on.

    Its clause says so ("the 2016 G20 Summit", "had visited", 去年, 曾), a year before the
    article's stands by its name (or anywhere in its clause when its sentence gives no day:
    "Hangzhou launched the City Brain in 2016"), or its own date lies weeks before publication.
    """
    if reference is not None and own is not None and own < reference - _RECENT:
        return True
    if _RECALLED_EN.search(clause) or _RECALLED_ZH.search(clause):
        return True
    near = folded[max(0, start - 12) : end + 12]
    if own is None:  # "Hangzhou launched the City Brain in 2016": an earlier year, no day
        near += " " + clause
    return reference is not None and any(y < reference.year for y in years_named(near))


def _other_time(clause: str, own: date | None, reference: date | None) -> bool:
    """Whether a clause puts its happening in another time frame: next year, every year, or a
    month of its own ("to be held in Hangzhou in September" in a June story, or in a sentence
    dated June 21: "on June 21 ..., inviting firms to the Yunqi Conference in September")."""
    if _ASIDE_TIME.search(clause):
        return True
    if reference is None:
        return False
    months = {own.month} if own is not None else {reference.month, (reference - _RECENT / 3).month}
    for m in _MONTH_ONLY.finditer(clause):
        month = _MONTHS_EN.split("|").index(m.group(1)) + 1 if m.group(1) else _month(m.group(2))
        if month not in months:
            return True
    return False


def _month(text: str) -> int:
    """9 or 九 or 十二 as a month number."""
    return int(text) if text.isdigit() else int(zh_number(text) or 0)


def _generic(name: str) -> bool:
    """A name made only of generic words ("Opening Ceremony & Press Conference", 开幕式)."""
    folded = fold(name).text
    if re.search(r"[\u4e00-\u9fff]", folded):
        return not _GENERIC_ZH.sub("", folded).strip(" ·&-–—/")
    words = re.findall(r"[\w&'’\-]+", folded)
    return all(w in _GENERIC_EN for w in words)


def _container(sentence: Sentence, span: _Named) -> str | None:
    """The larger happening a named one is part of: named right after it ("the X Forum, a
    highlight of the Y Week"), or a week or festival its sentence sets it in ("during the Y
    Week", 港澳·浙江周期间)."""
    rest = sentence.text[span.end - sentence.start :]
    m = re.match(r"\s*,\s*(?P<link>[^,.;]{0,40}?)(?=[A-Z])", rest)
    others = [n for n in _named(sentence) if n != span]
    if m is not None and _CONTAINER_BEFORE_EN.search(fold(m.group("link")).text):
        following = [n for n in others if n.start == span.end + m.end()]
        if following:
            return _text(sentence, following[0])
    folded = sentence.folded.text
    for n in others:
        name = folded[n.f_start : n.f_end]
        framed = _DURING_EN.search(folded[: n.f_start]) or _DURING_ZH.match(folded[n.f_end :])
        if (
            _CONTAINER_HEAD.search(name)
            and framed
            and not _CONTAINER_HEAD.search(folded[span.f_start : span.f_end])
        ):
            return _text(sentence, n)
    return None


_CONTAINER_HEAD = re.compile(r"\b(?:week|festival)$|(?:活动周|合作周|经贸周|推介周|周)$")


def is_container(name: str) -> bool:
    """Whether a happening's name is a week's or a festival's: a frame that holds others."""
    return bool(_CONTAINER_HEAD.search(fold(name).text.strip()))


_DURING_EN = re.compile(r"\b(?:during|as part of|part of|at|of) (?:the |this year's )?$")
_DURING_ZH = re.compile(r"^(?:期间|上|中|系列活动)")


def _text(sentence: Sentence, span: _Named) -> str:
    return sentence.text[span.start - sentence.start : span.end - sentence.start]


# --- names --------------------------------------------------------------------------------------


def _named(sentence: Sentence) -> list[_Named]:
    """The happenings named in one sentence, with body and folded-sentence offsets."""
    spans: list[tuple[int, int]] = []  # folded sentence offsets
    folded = sentence.folded.text
    for m in _NAMED_EN.finditer(sentence.text):
        lead = _LEADING.match(m.group())
        start = m.start() + (lead.end() if lead else 0)
        if sentence.text[start : m.end()].count(" ") >= 1:
            spans.append(_folded_span(sentence, start, m.end()))
    for m in _HEADS_ZH.finditer(folded):
        before = _NAME_CHARS_ZH.search(folded[: m.start()])
        if before is None:
            continue
        cut = _CUT_ZH.match(before.group())
        name_start = before.start() + (cut.end() if cut else 0)
        if m.group() == "周" and _TIME_WEEK_ZH.search(folded[name_start : m.start()]):
            continue
        back = anaphor_zh(folded, name_start)
        if back is not None and future(folded[name_start : m.end()]):
            continue  # 下次全体会议: a meeting still to come, no name of this article's
        name_start = back or name_start  # 本届浙港合作论坛 is 浙港合作论坛; 这次会议 no name
        if m.start() - name_start >= 2:
            spans.append((name_start, m.end()))
    # "浙港合作会议首次全体会议" holds two heads: keep the whole name only
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    found = []
    for f_start, f_end in sorted(set(kept)):
        f_start, f_end = name_span(folded, f_start, f_end)
        if not sound(folded[f_start:f_end]):
            continue  # 这次会议, 此次推介会, "this forum": a reference back, not a name
        start, end = sentence.original(f_start, f_end)
        found.append(_Named(start, end, f_start, f_end))
    return found


def _folded_span(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """Folded offsets of original sentence offsets [start, end)."""
    to_original = sentence.folded.to_original
    f_start = next(i for i, o in enumerate(to_original) if o >= start)
    f_end = next(i for i, o in enumerate(to_original) if o >= end)
    return f_start, f_end


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


# --- places ---------------------------------------------------------------------------------


def _place(
    sentence: Sentence,
    mentions: list[Mention],
    name: tuple[int, int] | None,
    dateline: _Place | None,
    gazetteer: Gazetteer,
    aside: list[_Named],
    signing: bool = False,
) -> _Place:
    """The surest place the sentence gives its happening, how sure, and the detail inside it.
    A signing that says nowhere else is placed in the city of a district that signs it
    (杭州市滨江区与香港三家企业签署…: Hangzhou, Binjiang district): a district signs at home; that
    place has strength 0, the weakest, so any place another sentence or the headline gives wins."""
    best = _Place(None, 0)
    acting: _Place | None = None
    for m in mentions:
        if not sentence.holds(m.start) or not _locates(m, gazetteer):
            continue
        if name and name[0] <= m.start < name[1]:
            continue  # "Hangzhou" in "Hangzhou–Hong Kong Forum" says nothing of where it was
        if any(a.start <= m.start < _clause_end(sentence, a.end) for a in aside):
            continue  # "the Belt and Road Summit held in Hong Kong": that one's place
        before = fold(sentence.text[: m.start - sentence.start]).text
        after = fold(sentence.text[m.end - sentence.start :]).text
        strength = _strength(before, after)
        city = gazetteer.city_of(m.entity_id)
        if (
            signing
            and acting is None
            and gazetteer.by_id[m.entity_id].level == "district"
            and city not in (None, m.name)
            and not _origin(before, after)
        ):
            acting = _Place(city, 0, m.name)  # strength 0: any other sentence's place beats it
        if strength > best.strength:
            city = gazetteer.city_of(m.entity_id)
            detail = m.name if city is not None and city != m.name else None
            detail = detail or _inside(m, mentions, sentence, gazetteer)
            best = _Place(city or m.name, strength, detail)
    if best.strength < _DATELINE_STRENGTH and dateline is not None:
        return _Place(dateline.city, _DATELINE_STRENGTH, dateline.detail)
    return best if best.city is not None or acting is None else acting


def headline_place(
    title: str | None, mentions: list[Mention], gazetteer: Gazetteer
) -> tuple[str, str | None] | None:
    """Where the headline says the happening was ("... forum in Hangzhou", 在港举行), if it does:
    the city and the detail inside it. Only a place the headline sets the happening in counts,
    never one it names as someone's origin."""
    if not title:
        return None
    found = _Place(None, 0)
    for sentence in sentences(title):
        place = _place(sentence, mentions, None, None, gazetteer, [])
        if place.strength >= _DATELINE_STRENGTH and place.strength > found.strength:
            found = place
    return (found.city, found.detail) if found.city else None


def _inside(
    city: Mention, mentions: list[Mention], sentence: Sentence, gazetteer: Gazetteer
) -> str | None:
    """The district or venue named right after a city, inside it ("Hangzhou's Binjiang
    district", 杭州滨江区, 杭州市萧山区)."""
    for m in mentions:
        gap = sentence.text[city.end - sentence.start : m.start - sentence.start]
        adjacent = 0 <= m.start - city.end <= 3 and re.fullmatch(r"(?:['’]s\s+|\s*|市)", gap)
        if (
            adjacent
            and m.entity_id != city.entity_id
            and gazetteer.city_of(m.entity_id) == (city.name)
        ):
            return m.name
    return None


def _locates(mention: Mention, gazetteer: Gazetteer) -> bool:
    """A place, or an organisation that is also somewhere to go (a venue in a known city)."""
    return mention.entity_type == "place" or gazetteer.city_of(mention.entity_id) is not None


def _clause_end(sentence: Sentence, at: int) -> int:
    """The body offset where the clause holding body offset `at` ends."""
    rest = sentence.text[at - sentence.start :]
    m = re.search(r"[,，;；]", rest)
    return at + m.start() if m else sentence.end


def _origin(before: str, after: str) -> bool:
    """The place is where someone came from ("a delegation from X", X代表团)."""
    return bool(_ORIGIN_AFTER.match(after) or _ORIGIN_BEFORE.search(before))


def _strength(before: str, after: str) -> int:
    if _origin(before, after):
        return 0
    if _HELD_IN.search(before) or (_IN.search(before) and _HELD_AFTER_ZH.match(after)):
        return 3
    if _IN.search(before) or _VISITED.search(before):
        return 2
    if _AT_OR_TO.search(before):
        return 1
    return 0


def _dateline(body: str, mentions: list[Mention], gazetteer: Gazetteer) -> _Place | None:
    """The place of a dateline opening the body, if it names a known place."""
    m = _DATELINE_EN.match(body) or _DATELINE_ZH.match(body)
    if m is None:
        return None
    start, end = m.span("where")
    places = [p for p in mentions if p.entity_type == "place" and start <= p.start < end]
    if not places:
        return None
    city = gazetteer.city_of(places[0].entity_id)
    detail = places[0].name if city is not None and city != places[0].name else None
    return _Place(city or places[0].name, _DATELINE_STRENGTH, detail)
