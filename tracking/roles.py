"""The title a text gives a person where it names them: "Hangzhou Party secretary Zhou Jiangyong",
"Zhang Zhongcan, deputy secretary of the ... Committee,", 杭州市委副书记张仲灿, and a Chinese title
after the name (王建国副市长, with the body before the name when one stands there:
杭州市王建国副市长 → 杭州市副市长).

Titles change (a person is deputy secretary in 2019, secretary in 2021), so a role belongs to the
mention, not to the entity; the warehouse lists every role an entity was given. A role is only
taken when it holds a title word: "John Lee, a British tourist" gives none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from tracking.folding import Folded

# Words that head an English title, and words that may stand before a head inside one.
TITLE_HEADS = frozenset(
    [
        "secretary", "mayor", "governor", "president", "chairman", "chairwoman", "chairperson",
        "chair", "director", "minister", "premier", "ambassador", "commissioner", "executive",
        "ceo", "head", "leader", "founder", "co-founder", "spokesman", "spokeswoman",
        "spokesperson", "consul", "consul-general", "secretary-general", "director-general",
        "vice-president", "vice-chairman", "vice-mayor", "vice-governor", "manager",
        "principal", "dean", "professor", "lawmaker", "legislator", "councillor", "convenor",
        "chief",
    ]
)  # fmt: skip
_TITLE_MODIFIERS = frozenset(
    [
        "deputy", "vice", "executive", "acting", "party", "chief", "financial", "permanent",
        "under", "general", "managing", "senior", "assistant", "honorary", "founding", "first",
        "former", "municipal", "provincial", "district",
    ]
)  # fmt: skip
_PORTFOLIO_LINKS = frozenset(["for", "of"])
_EN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|&")
_ARTICLES = frozenset(["the", "a", "an"])
_APPOSITIVE = re.compile(r"\s*,\s*(?P<role>[^,;()\n]+?)\s*(?=[,;)\n]|\.(?:\s|$)|$)")
_ZH_TITLE = re.compile(
    r"(?:副书记|书记|副市长|市长|副省长|省长|行政长官|特首|副局长|局长|司长|署长|处长|副主席|主席|"
    r"副总裁|总裁|总经理|董事长|副主任|主任|副部长|部长|副会长|会长|秘书长|院长|校长|总监|常委|"
    r"委员|理事长|执行董事|总干事|负责人|总领事|领事|大使)$"
)
_ZH_CUT = re.compile(
    r".*(?:[，,、。；;：:（(）)“”\"「」『』\s]|以及|与|和|同|跟|暨|会见|会晤|见证|出席|陪同|率领|带领|"
    r"由|在|是|为|向|对|获|等|了)"
)
_CJK = re.compile(r"[\u3400-\u9fff]")


def find_role(
    text: str, folded: Folded, start: int, end: int, others: Sequence[tuple[int, int]] = ()
) -> str | None:
    """The title beside the name at text[start:end]: before it, else in an appositive after it.

    `others` are the spans of other people named in the text: a title belongs to the name
    closest to it, and an appositive that names someone else is a list, not a title.
    """
    floor = max([e for s, e in others if e <= start], default=0)
    if _CJK.search(text[max(floor, start - 1) : start + 1]):
        found = _zh_before(text, folded, start, floor) or _zh_after(text, folded, start, end)
        if found:
            return found
    return _en_before(text, start, floor) or _en_after(text, end, others)


def _en_before(text: str, start: int, floor: int) -> str | None:
    """ "Hong Kong's Secretary for Innovation and Technology | Nicholas Yang"."""
    before = text[floor:start]
    tokens = list(_EN_TOKEN.finditer(before))
    # only a run of words separated by spaces reaches the name
    run: list[re.Match[str]] = []
    edge = len(before)
    for token in reversed(tokens):
        if before[token.end() : edge].strip():
            break
        run.insert(0, token)
        edge = token.start()
    if not run:
        return None
    words = [t.group() for t in run]
    i = len(words) - 1
    if _plain(words[i]) not in TITLE_HEADS:  # "Secretary for Innovation and Technology"
        j = i
        while j >= 0 and (words[j][0].isupper() or words[j] in ("and", "&")):
            j -= 1
        if not (j >= 1 and words[j] in _PORTFOLIO_LINKS and _plain(words[j - 1]) in TITLE_HEADS):
            return None
        i = j - 1
    while i >= 0 and (_plain(words[i]) in TITLE_HEADS or _plain(words[i]) in _TITLE_MODIFIERS):
        i -= 1
    qualifier = i
    while i >= 0 and words[i][0].isupper() and words[i].lower() not in _ARTICLES:
        i -= 1
        if qualifier - i >= 5:
            break
    first = run[i + 1].start()
    return " ".join(before[first:].split()) or None


def _plain(word: str) -> str:
    return re.sub(r"['’]s$", "", word).lower()


def _en_after(text: str, end: int, others: Sequence[tuple[int, int]]) -> str | None:
    """ "Timothy Fok Tsun-ting|, vice-president of the Olympic Council of Asia."."""
    m = _APPOSITIVE.match(text, end)
    if m is None or len(m.group("role")) > 120:
        return None
    role_start, role_end = m.span("role")
    if any(role_start < e and s < role_end for s, e in others):
        return None  # "Carrie Lam, Nicholas W. Yang and ...": a list of people
    role = m.group("role")
    words = [_plain(w) for w in _EN_TOKEN.findall(role)]
    if not any(w in TITLE_HEADS or w.split("-")[-1] in TITLE_HEADS for w in words):
        return None
    return " ".join(role.split())


def _zh_before(text: str, folded: Folded, start: int, floor: int) -> str | None:
    """杭州市委副书记|张仲灿: the run of characters after the last break, ending in a title."""
    f_start = _folded_index(folded, start)
    f_floor = _folded_index(folded, floor)
    before = folded.text[f_floor:f_start]
    if not _ZH_TITLE.search(before):
        return None
    cut = _ZH_CUT.match(before)
    role_start = f_floor + (cut.end() if cut else 0)
    while role_start < f_start and folded.text[role_start] in "及、":
        role_start += 1
    if f_start - role_start < 2 or f_start - role_start > 24:
        return None
    s, e = folded.span(role_start, f_start)
    return text[s:e]


_ZH_TITLE_AFTER = re.compile(
    r"^(?:常务)?(?:副书记|书记|副市长|市长|副省长|省长|副局长|局长|司长|署长|处长|副主席|主席|副总裁|总裁|"
    r"总经理|董事长|副主任|主任|副部长|部长|副会长|会长|秘书长|院长|校长|总监|理事长|总干事|总领事|大使|"
    r"区长|副区长|先生|女士)"
)
_ZH_BODY_BEFORE = re.compile(
    r"(?:[\u4e00-\u9fff]{1,12}?(?:市委|省委|区委|市|省|区|局|政府|公司|集团))$"
)


def _zh_after(text: str, folded: Folded, start: int, end: int) -> str | None:
    """王建国副市长: a title right after the name; the body just before the name, if one stands
    there, says whose (杭州市王建国副市长 → 杭州市副市长). Honorifics (先生) are no title."""
    f_start, f_end = _folded_index(folded, start), _folded_index(folded, end)
    title = _ZH_TITLE_AFTER.match(folded.text[f_end:])
    if title is None or title.group() in ("先生", "女士"):
        return None
    before = folded.text[max(0, f_start - 14) : f_start]
    cut = _ZH_CUT.match(before)
    body = _ZH_BODY_BEFORE.search(before[cut.end() if cut else 0 :])
    s, e = folded.span(f_end, f_end + title.end())
    if body is None:
        return text[s:e]
    b_start, _ = folded.span(f_start - len(body.group()), f_start)
    return text[b_start:start] + text[s:e]


def _folded_index(folded: Folded, original: int) -> int:
    """The first folded position at or after an original offset (the map never decreases)."""
    return min(bisect.bisect_left(folded.to_original, original), len(folded.text))
