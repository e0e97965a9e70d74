"""What may stand as the name of a happening: in a cue, a part or a title.

A reader takes a name as telling one happening from another. So a name is never:
- a demonstrative or a generic back-reference ("this forum", "the meeting", 这次会议, 此次推介会,
  本届论坛, 该论坛, 上述会议): it points at a happening named elsewhere, or at none;
- a happening of another time frame said by its order (下次全体会议, 下届, "the next plenary"):
  that one has not happened;
- begun by the verb of its sentence (作为“…周, 举办…, 出席…, 部署…会议): the name starts after it;
- holding half a pair of quotes or brackets (“香港澳门·浙江周 without its ”).

`span` trims a name found in a sentence to what may stand (its start after a verb, its quotes
balanced); `sound` says whether a finished name may stand at all.
"""

from __future__ import annotations

import re

# Demonstratives and ordinal back-references at a name's start, read on folded text.
_ANAPHOR_ZH = re.compile(
    r"^(?:这|那|此|该|其|上述|前述|所述|有关|相关|"
    r"(?:本|今|是|当|上|下|前|后|这一|那一|下一|上一)(?:次|场|届|轮|期|个|项))"
)
_DEMONSTRATIVE_EN = re.compile(r"^(?:this|that|these|those|such|said|same)\b", re.IGNORECASE)
_ARTICLE_EN = re.compile(
    r"^(?:the|its|their|our|his|her|next|last|previous|upcoming|coming|a|an)\b", re.IGNORECASE
)
_FUTURE_ZH = re.compile(r"^(?:下|下一)(?:次|场|届|轮|期)")
# Verbs (and the preposition-like verbs of Chinese) a name never starts with.
VERBS_ZH = (
    "作为|举办|举行|召开|出席|参加|参与|部署|推进|落实|筹备|主持|围绕|通过|借助|依托|迎来|启动|"
    "组织|开展|亮相|来到|赴|以(?!色列)"
)
_VERB_ZH = re.compile(rf"^(?:{VERBS_ZH}|在|于)")
_VERB_EN = re.compile(
    r"^(?:attend(?:s|ed|ing)?|host(?:s|ed|ing)?|hold(?:s|ing)?|held|as|at|during|organis(?:e|ed|ing)|"
    r"organiz(?:e|ed|ing)|join(?:s|ed|ing)?|open(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", "(": ")", "（": "）", "[": "]", "‘": "’"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}


def anaphoric(name: str) -> bool:
    """Whether a name only points back at a happening (这次会议, "this forum")."""
    stripped = name.strip(" \"'“”「」")
    if _ANAPHOR_ZH.match(stripped):
        return True
    if _DEMONSTRATIVE_EN.match(stripped):
        return True
    if _ARTICLE_EN.match(stripped):
        rest = _ARTICLE_EN.sub("", stripped, count=1).strip()
        return not rest or rest[0].islower()  # "the meeting", not "the Hangzhou Forum"
    return False


def anaphor_zh(text: str, start: int) -> int | None:
    """Where a Chinese name goes on after the demonstrative it starts with at `start` (本届, 此次,
    该), or None when it starts with none."""
    found = _ANAPHOR_ZH.match(text, start)
    return found.end() if found else None


def future(name: str) -> bool:
    """Whether a name gives a happening by its place in a series still to come (下次全体会议)."""
    return bool(_FUTURE_ZH.match(name.strip(" \"'“”「」")))


def balanced(name: str) -> bool:
    """Whether every quote and bracket in a name is closed, in order."""
    stack: list[str] = []
    for ch in name:
        if ch in _PAIRS:
            stack.append(ch)
        elif ch in _CLOSERS:
            if not stack or stack.pop() != _CLOSERS[ch]:
                return False
        elif ch == '"':
            if stack and stack[-1] == '"':
                stack.pop()
            else:
                stack.append(ch)
    return not stack


def sound(name: str | None) -> bool:
    """Whether a name may stand for a happening: not a back-reference, not begun by a verb,
    its quotes and brackets closed."""
    if not name or not name.strip():
        return False
    text = name.strip()
    return not (
        anaphoric(text) or _VERB_ZH.match(text) or _VERB_EN.match(text) or not balanced(text)
    )


def span(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of `text[start:end]` that may stand as a name: after a verb it begins with, with
    a quote it opens closed by the one right after it ("作为“X周”" gives “X周”), then without
    quotes or brackets left open, and without a pair wrapping it whole (“X周” gives X周)."""
    verb = _VERB_ZH.match(text, start, end)
    while verb is not None and verb.end() < end:
        start = verb.end()
        verb = _VERB_ZH.match(text, start, end)
    name = text[start:end]
    opened = [ch for ch in name if ch in _PAIRS and _PAIRS[ch] not in name]
    if opened and end < len(text) and text[end] == _PAIRS[opened[-1]]:
        end += 1
    while start < end and not balanced(text[start:end]):
        if text[start] in _PAIRS or text[start] == '"':
            start += 1
        elif text[end - 1] in _CLOSERS or text[end - 1] == '"':
            end -= 1
        else:
            break
    while end - start > 2 and text[end - 1] == _PAIRS.get(text[start], "\0"):
        if not balanced(text[start + 1 : end - 1]):
            break
        start, end = start + 1, end - 1
    return start, end
