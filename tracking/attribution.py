"""Whom a sentence credits for what it states: "according to the Hangzhou Venture Capital
Association", "Zhang Zhongcan ... said", 据杭州市统计局数据, 周江勇介绍.

A figure is only as good as its source, and two outlets quoting different sources for one number
is worth seeing; so each figure keeps the source its sentence names. A known entity is given by
its canonical name, anything else by the words of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from records.facts import Mention
from tracking.folding import Sentence

_ACCORDING_TO = re.compile(
    r"\b(?:according to|data from|figures from|statistics from|a report by|estimates by)\s+"
    r"(?:the\s+)?(?P<who>[^,.;:]{2,80})",
    re.IGNORECASE,
)
_SAID = re.compile(
    r"\b(?:said|says|told|announced|estimated|reported|noted|added|disclosed|revealed)\b"
)
# between a speaker and the verb, an appositive may stand: "Zhang, deputy secretary of ..., said"
_BETWEEN_SUBJECT_AND_VERB = re.compile(r"\s*(?:,[^,]{1,160},\s*)?$")
_ZH_ACCORDING = re.compile(
    r"据(?P<who>[^，。；：,]{2,20}?)(?:的)?(?:统计|介绍|数据|显示|测算|报道|调查|公布|发布)"
)
_ZH_SAID = re.compile(r"^\s*(?:表示|介绍|说|称|透露|指出|宣布|称赞|强调)")
_SOURCE_TYPES = ("person", "organization")


def sentence_source(sentence: Sentence, mentions: Sequence[Mention]) -> str | None:
    """The source one sentence credits, if it names one."""
    inside = [m for m in mentions if sentence.holds(m.start) and m.entity_type in _SOURCE_TYPES]
    text = sentence.text
    according = _ACCORDING_TO.search(text) or _ZH_ACCORDING.search(text)
    if according:
        start, end = (sentence.start + i for i in according.span("who"))
        named = [m for m in inside if start <= m.start < end]
        if named:
            return named[0].name
        who = according.group("who").strip()
        return who if who.lower() not in ("reports", "data", "statistics", "介绍") else None
    for m in inside:
        after = text[m.end - sentence.start :]
        verb = _SAID.search(after)
        if verb and _BETWEEN_SUBJECT_AND_VERB.match(after[: verb.start()]):
            return m.name
        if _ZH_SAID.match(after):
            return m.name
    return None
