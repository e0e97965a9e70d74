"""Turning byline text into a tuple of author names.

Bylines carry prefixes ("By", "作者：", "记者"), places ("in Hangzhou"), outlets ("| China Daily",
"Staff Writer") and several names joined by "and", commas or spaces (Chinese bylines).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from parsers.whitespace import clean_text

_PREFIX = re.compile(
    r"^\s*(written\s+by|reported\s+by|by|作者|撰文|文|通讯员|通訊員|"
    r"[\u4e00-\u9fff]{0,6}?(?:记者|記者)|reporter|author)s?\s*[:：/|]?\s*",
    re.I,
)
_OUTLET = re.compile(
    r"\s*(\||,|-|–|—|\()?\s*(for\s+)?(china\s*daily(\s+(hong\s+kong|asia))?|xinhua|staff\s+(writer|reporter)s?|"
    r"chinadaily(hk)?\.com(\.cn)?|south\s+china\s+morning\s+post|scmp|rthk|"
    r"中国日报网?|中國日報網?|新华社|新華社|新华网|新華網)\)?\s*$",
    re.I,
)
_TIMESTAMP = re.compile(
    r"\s*[|,]?\s*(updated|published|posted|发布时间|發佈時間|發布時間|更新时间|更新時間)\s*[:：].*$",
    re.I,
)
_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'’\-]*$")  # "Wu Kai in Hangzhou", after splitting
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|、|，|；|/|\|)\s*", re.I)
_CJK_NAME = re.compile(r"^[\u3400-\u9fff·]{2,4}$")
_NOT_NAMES = {"staff", "agencies", "editor", "reporter", "and", "by", "in"}


def _names_of(part: str) -> list[str]:
    part = _PREFIX.sub("", clean_text(part)).strip(" .:：|-()（）[]【】")
    if not part:
        return []
    words = part.split(" ")
    if len(words) > 1 and all(_CJK_NAME.match(w) for w in words):
        return words  # "記者 陳大文 李小明": space-separated Chinese names
    if part.isupper() and part.isascii():
        part = part.title()  # "ZHANG XIAO" -> "Zhang Xiao"
    return [part]


def split_authors(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """Author names from a byline string (or several), in order, without duplicates or outlets."""
    if text is None:
        return ()
    texts = [text] if isinstance(text, str) else list(text)
    names: list[str] = []
    for raw in texts:
        line = clean_text(raw)
        for _ in range(3):  # "By A | China Daily | Updated: …" needs more than one pass
            stripped = _OUTLET.sub("", _TIMESTAMP.sub("", _PREFIX.sub("", line)))
            if stripped == line:
                break
            line = stripped
        for part in _SEPARATORS.split(line):
            for name in _names_of(_PLACE.sub("", part)):
                if (
                    name.lower() not in _NOT_NAMES
                    and len(name) <= 60
                    and any(c.isalpha() for c in name)  # "105092": a CMS user id, not a name
                    and name not in names
                ):
                    names.append(name)
    return tuple(names)
