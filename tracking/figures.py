"""Amounts, counts and percentages in English and Chinese news sentences.

Values are stored in full (US$140 billion → 1.4e11, 1.4万亿元 → 1.4e12) so figures from sources in
different languages compare directly. `unit` says what kind of figure it is (money, count,
percent); `currency` is an ISO code. Patterns run on folded text (lower case, Simplified Chinese).

Every figure has a subject, since a number nobody can name is no fact: the words before it ("a
total investment of", "with total investment above", "exports rose"), a verb that names it
("have invested US$1.1 billion": investment), the words after it ("US$2 billion in trade",
"US$1.1 billion invested"), the thing counted beside it ("294 projects ... worth"), the measure
it reports (config/measures.toml), and last the kind of figure ("amount", "percentage").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from records.facts import Figure, Mention
from tracking.attribution import sentence_source
from tracking.folding import Sentence
from tracking.measures import CompiledMeasure, measure_of
from tracking.text_dates import find_as_of, find_dates

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNITS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORDS.update({"a dozen": 12, "dozen": 12, "a hundred": 100, "one hundred": 100})
_WORD_NUM = (
    rf"(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_UNITS[:9])}))?"
    rf"|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}"
)
_QUAL_EN = (
    r"about|around|approximately|roughly|some|nearly|almost|close to|over|more than|above|"
    r"exceeding|in excess of|at least|no less than|no fewer than|up to|less than|fewer than|under"
)
_SCALE_EN = r"thousand|million|billion|trillion|bn|mn|m|b|k"
_CUR_PRE = r"us\$|hk\$|s\$|nt\$|rmb|usd|hkd|cny|eur|gbp|\$|¥|€|£"
_CUR_POST = r"yuan|renminbi|(?:hong kong |hk |us |u\.s\. )?dollars|euros|pounds"

_AMOUNT_PRE = re.compile(
    rf"(?:\b(?P<q>{_QUAL_EN})\s+)?(?P<cur>{_CUR_PRE})\s?(?P<num>{_NUM})"
    rf"(?:\s?(?P<scale>{_SCALE_EN})\b)?"
)
_AMOUNT_POST = re.compile(
    rf"(?:\b(?P<q>{_QUAL_EN})\s+)?\b(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE_EN}))?"
    rf"\s+(?P<cur>{_CUR_POST})\b"
)
_PERCENT = re.compile(
    rf"(?:\b(?P<q>{_QUAL_EN})\s+)?(?P<num>{_NUM})\s?(?:%|percent\b|per cent\b)|"
    rf"百分之(?P<zh>[\d.]+)"
)
_COUNT_EN = re.compile(
    rf"(?:\b(?P<q>{_QUAL_EN})\s+)?(?<![\w.,$-])(?P<num>{_NUM}|\b(?:{_WORD_NUM}))"
    rf"(?:\s(?P<scale>thousand|million|billion|dozen))?(?=\s)"
)
# "US$1 billion or more": the figure is a floor (or a ceiling), said after the number.
_OPEN_END = re.compile(r"\s+(?:or|and) (?P<way>more|above|higher|over|less|below|fewer|under)\b")

_NUM_ZH = r"\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百千]+"
_QUAL_ZH = r"大约|约|超过|多于|逾|将近|接近|近|至少|不少于|不低于|超|高达|多达|达|共计|共|累计"
_SCALE_ZH = r"万亿|亿|万|千"
_CUR_ZH = r"美元|港元|港币|人民币|元|欧元|英镑"
_CLASSIFIERS = r"个|家|项|份|名|座|宗|间|所|位|条|批|类|场|次|件|支|只|款"
_AMOUNT_ZH = re.compile(
    rf"(?P<q>{_QUAL_ZH})?(?P<num>{_NUM_ZH})(?P<more>多)?(?P<scale>{_SCALE_ZH})?(?P<more2>多)?"
    rf"(?P<cur>{_CUR_ZH})"
)
_COUNT_ZH = re.compile(
    rf"(?<!第)(?P<q>{_QUAL_ZH})?(?P<num>{_NUM_ZH})(?P<more>多)?(?P<scale>万|亿|千)?"
    rf"(?:{_CLASSIFIERS})(?P<subject>[\u4e00-\u9fff]{{0,8}})"
)

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
    "bn": 1e9, "b": 1e9, "trillion": 1e12, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12,
    "dozen": 12,
}  # fmt: skip
_CURRENCIES = {
    "us$": "USD", "usd": "USD", "$": "USD", "dollars": "USD", "us dollars": "USD",
    "u.s. dollars": "USD", "美元": "USD", "hk$": "HKD", "hkd": "HKD", "hong kong dollars": "HKD",
    "hk dollars": "HKD", "港元": "HKD", "港币": "HKD", "rmb": "CNY", "cny": "CNY", "¥": "CNY",
    "yuan": "CNY", "renminbi": "CNY", "元": "CNY", "人民币": "CNY", "eur": "EUR", "€": "EUR",
    "euros": "EUR", "欧元": "EUR", "gbp": "GBP", "£": "GBP", "pounds": "GBP", "英镑": "GBP",
    "s$": "SGD", "nt$": "TWD",
}  # fmt: skip
_QUALIFIERS: dict[str, str | None] = {
    "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "大约": "about", "约": "about", "almost": "nearly", "close to": "nearly", "将近": "nearly",
    "接近": "nearly", "近": "nearly", "over": "more than", "above": "more than",
    "exceeding": "more than", "in excess of": "more than", "超过": "more than",
    "多于": "more than", "逾": "more than", "超": "more than", "no less than": "at least",
    "no fewer than": "at least", "至少": "at least", "不少于": "at least", "不低于": "at least",
    "高达": "up to", "多达": "up to", "fewer than": "less than", "under": "less than",
    "共计": "in total", "共": "in total", "累计": "in total", "达": None,
}  # fmt: skip

# Words that end a count's subject ("6,400 projects | in Hangzhou").
_SUBJECT_STOP = frozenset(
    [
        "in",
        "of",
        "to",
        "and",
        "or",
        "with",
        "for",
        "from",
        "on",
        "at",
        "by",
        "worth",
        "that",
        "which",
        "who",
        "whose",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "as",
        "the",
        "a",
        "an",
        "across",
        "including",
        "valued",
        "between",
        "under",
        "over",
        "into",
        "than",
        "per",
        "each",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "it",
        "they",
        "we",
        "said",
        "signed",
        "set",
        "last",
        "next",
        "yesterday",
        "today",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
# Counts of these are times or ranks, not things.
_NOT_SUBJECTS = frozenset(
    [
        "year",
        "years",
        "month",
        "months",
        "day",
        "days",
        "week",
        "weeks",
        "hour",
        "hours",
        "minute",
        "minutes",
        "second",
        "seconds",
        "times",
        "time",
        "am",
        "pm",
        "percent",
        "per",
        "st",
        "nd",
        "rd",
        "th",
        "o'clock",
        "decades",
        "decade",
        "century",
        "centuries",
    ]
)
_DETERMINERS = re.compile(r"\b(?:the|these|those|all|both|its|their|our)\s+$")
_SUBJECT_WORD = re.compile(r"\s+[\"“”‘’']?([a-z][a-z\-]*)[\"“”‘’']?")
_ZH_STOP = re.compile(
    r"[的在和与及等于中是为将已向从把被对让也都，。、；：]|开展|深化|加强|推进|推动|涵盖|涉及|包括|"
    r"签署|达成|必须|之间|应当|应该|可以|能够|正在|共同|参加|出席|参与|参展|落户|入驻"
)
_ZH_PREFIX_TRIM = re.compile(rf"(?:{_QUAL_ZH}|为|是|的|总计|合计)+$")
_ZH_AS_OF = re.compile(r"截至[^，。]*?[底末日]|去年[底末]|去年|今年|全年|上半年|下半年")
_EN_VERB_BEFORE = re.compile(
    r"(?:^|[^a-z-])((?:[a-z][a-z\-]*\s+){0,3}?[a-z][a-z\-]*)\s+"
    r"(?:of|was|is|reached|totall?ed|amounted to|stood at|hit|topped)\s*$"
)
_VALUED = re.compile(
    r"(?:\b(?P<thing>[a-z][a-z\-]*)\s+)?(?:with an? (?P<measure>[a-z][a-z\-]*) of|valued at|worth)$"
)
_ARTICLES = frozenset({"a", "an", "the", "its", "their"})


@dataclass(frozen=True)
class _Found:
    start: int  # in the folded sentence
    end: int
    value: float
    unit: str
    currency: str | None
    qualifier: str | None
    subject: str | None


_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}


def zh_number(text: str) -> float | None:
    """'51', '1.4', '十三', '两千' as numbers; None when it is not one."""
    if not text:
        return None
    if text[0].isdigit():
        try:
            return float(text)
        except ValueError:
            return None
    digits = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in _ZH_UNITS:
            total += (current or 1) * _ZH_UNITS[ch]
            current = 0
        else:
            return None
    return float(total + current)


def _en_number(text: str) -> float:
    if text[0].isdigit():
        return float(text.replace(",", ""))
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    tens, _, unit = text.partition("-")
    return float(NUMBER_WORDS[tens] + NUMBER_WORDS.get(unit, 0))


def _qualifier(raw: str | None, more: bool = False) -> str | None:
    if raw:
        return _QUALIFIERS.get(raw, raw) or None
    return "more than" if more else None


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def extract_figures(
    sentences: list[Sentence],
    reference: date | None,
    mentions: Sequence[Mention] = (),
    measures: Sequence[CompiledMeasure] = (),
) -> list[Figure]:
    """Every figure of every sentence, with its as-of date, the source the sentence credits and
    the measure it reports (tracking/measures.py)."""
    figures: list[Figure] = []
    for sentence in sentences:
        as_of = find_as_of(sentence.folded.text, reference)
        source = sentence_source(sentence, mentions)
        for f in _sentence_figures(sentence.folded.text):
            if not math.isfinite(f.value):
                continue  # a 400-digit "number" is noise, and JSON cannot carry infinity
            start, _ = sentence.original(f.start, f.end)
            figures.append(
                Figure(
                    subject=f.subject,
                    value=float(f"{f.value:.12g}"),  # 8.3万亿 is 8.3e12, not 8300000000000.001
                    unit=f.unit,
                    currency=f.currency,
                    qualifier=f.qualifier,
                    as_of=as_of,
                    sentence=sentence.text,
                    start=start,
                    source=source,
                    measure=(
                        measure := measure_of(
                            sentence.folded.text, f.start, f.end, f.unit, f.subject, measures
                        )
                    ),
                )
            )
            if figures[-1].subject is None:
                figures[-1] = replace(figures[-1], subject=_fallback_subject(f, measure, measures))
    return figures


def _fallback_subject(
    found: _Found, measure: str | None, measures: Sequence[CompiledMeasure]
) -> str:
    """The measure's name when the sentence gives none, else the kind of figure."""
    named = next((m.en for m in measures if m.key == measure and m.en), None)
    return named or {"money": "amount", "percent": "percentage"}.get(found.unit, found.unit)


def _sentence_figures(s: str) -> list[_Found]:
    found: list[_Found] = []
    # Dates and years are never figures; a fixed reference resolves dates without a year.
    taken = [(h.start, h.end) for h in find_dates(s, date(2000, 1, 1))]
    for pattern in (_AMOUNT_PRE, _AMOUNT_POST):
        for m in pattern.finditer(s):
            if _overlaps(m.start("num"), m.end(), taken):
                continue
            scale = _SCALES.get(m.group("scale") or "", 1.0)
            qualifier, end = _qualifier(m.group("q")), m.end()
            open_end = _OPEN_END.match(s, end)
            if open_end and qualifier is None:
                floor = open_end.group("way") in ("more", "above", "higher", "over")
                qualifier, end = ("at least" if floor else "at most"), open_end.end()
            found.append(
                _Found(
                    start=min(m.start("cur"), m.start("num")),
                    end=end,
                    value=_en_number(m.group("num")) * scale,
                    unit="money",
                    currency=_CURRENCIES[m.group("cur")],
                    qualifier=qualifier,
                    subject=None,
                )
            )
            taken.append((m.start(), end))
    for m in _AMOUNT_ZH.finditer(s):
        value = zh_number(m.group("num"))
        if value is None or _overlaps(m.start(), m.end(), taken):
            continue
        found.append(
            _Found(
                start=m.start("num"),
                end=m.end(),
                value=value * _SCALES.get(m.group("scale") or "", 1.0),
                unit="money",
                currency=_CURRENCIES[m.group("cur")],
                qualifier=_qualifier(m.group("q"), bool(m.group("more") or m.group("more2"))),
                subject=None,
            )
        )
        taken.append((m.start(), m.end()))
    for m in _PERCENT.finditer(s):
        if _overlaps(m.start(), m.end(), taken):
            continue
        number = m.group("num") or m.group("zh")
        found.append(
            _Found(
                m.start(),
                m.end(),
                float(number.replace(",", "")),
                "percent",
                None,
                _qualifier(m.group("q")),
                None,
            )
        )
        taken.append((m.start(), m.end()))
    found += _counts(s, taken)
    found.sort(key=lambda f: f.start)
    return _with_amount_subjects(s, found)


def _counts(s: str, taken: list[tuple[int, int]]) -> list[_Found]:
    found: list[_Found] = []
    for m in _COUNT_EN.finditer(s):
        num = m.group("num")
        if _overlaps(m.start("num"), m.end(), taken) or num == "one":
            continue
        if re.fullmatch(r"(19|20)\d\d", num) or (
            num.isalpha() and _DETERMINERS.search(s[: m.start("num")])
        ):
            continue  # a year, or "the two cities" naming a known set
        subject = _en_subject(s, m.end())
        if subject is None:
            continue
        found.append(
            _Found(
                start=m.start("num"),
                end=m.end(),
                value=_en_number(num) * _SCALES.get(m.group("scale") or "", 1.0),
                unit="count",
                currency=None,
                qualifier=_qualifier(m.group("q")),
                subject=subject,
            )
        )
    for m in _COUNT_ZH.finditer(s):
        value = zh_number(m.group("num"))
        if value is None or _overlaps(m.start(), m.end(), taken):
            continue
        if m.group("num") in ("一", "几"):
            continue  # "一个" is an article more often than a count
        after = _ZH_STOP.split(m.group("subject"), maxsplit=1)[0][:6]
        end = m.start("subject") + len(after)
        # "投资项目约6400个": the thing counted may come first
        zh_subject = after or _zh_subject(s[: m.start()])
        if not zh_subject:
            continue
        found.append(
            _Found(
                start=m.start("num"),
                end=end,
                value=value * _SCALES.get(m.group("scale") or "", 1.0),
                unit="count",
                currency=None,
                qualifier=_qualifier(m.group("q"), bool(m.group("more"))),
                subject=zh_subject,
            )
        )
    return found


def _en_subject(s: str, position: int) -> str | None:
    words: list[str] = []
    while len(words) < 3:
        m = _SUBJECT_WORD.match(s, position)
        if m is None:
            break
        word = m.group(1)
        if word in _SUBJECT_STOP or (words and re.search(r"(?:ed|ing)$", word)):
            break
        words.append(word)
        position = m.end()
        if m.group().rstrip()[-1:] in "\"“”‘’'" and len(words) > 1:
            break
    if not words or words[0] in _NOT_SUBJECTS:
        return None
    return " ".join(words)


def _singular(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return f"{head} {last}".strip()


def _with_amount_subjects(s: str, found: list[_Found]) -> list[_Found]:
    """Name what each amount measures from the words around it; counts already have a subject."""
    named: list[_Found] = []
    last_count: str | None = None
    for f in found:
        if f.unit == "count":
            last_count = f.subject
            named.append(f)
            continue
        prefix = s[: _qualifier_start(s, f)]
        subject = _zh_subject(prefix) if re.search(r"[\u4e00-\u9fff]$", prefix) else None
        if subject is None:
            subject = _en_amount_subject(prefix, f, last_count)
        if subject is None:
            subject = _en_subject_after(s[f.end :], f)
        if subject is None and last_count is not None and f.unit == "money":
            subject = f"value of {last_count}"
        named.append(_Found(f.start, f.end, f.value, f.unit, f.currency, f.qualifier, subject))
    return named


_VERB_SUBJECTS = {
    "invested": "investment", "invest": "investment", "committed": "investment",
    "injected": "investment", "pledged": "investment pledged", "put": "investment",
    "raised": "funds raised", "raise": "funds raised", "spent": "spending",
    "attracted": "investment attracted", "earned": "earnings", "generated": "revenue",
}  # fmt: skip
_VERB_BEFORE = re.compile(rf"\b({'|'.join(_VERB_SUBJECTS)})(?: (?:a total of|about|some))?\s*$")
_NOUN_AFTER = re.compile(
    r"^\s+(?:in|of|worth of) (?:new |fresh |foreign |total |direct |actual )?"
    r"(investment|funding|trade|exports|imports|contracts?|deals?|capital|revenue|sales|"
    r"orders|loans|financing)\b|^\s+(invested|raised|committed|spent)\b"
)
_WITH_BEFORE = re.compile(r"\bwith (?:an? |the )?((?:[a-z\-]+ ){0,2}[a-z\-]+)\s*$")
_CHANGE_BEFORE = re.compile(
    r"(?:^|[^a-z-])((?:[a-z][a-z'\-]* ){0,2}[a-z][a-z\-]*) (?:has |have |had )?"
    r"(rose|rise|grew|grow|grows|increased|jumped|climbed|fell|fall|dropped|declined|decreased)"
    r"(?: by)?\s*$"
)


def _en_subject_after(after: str, f: _Found) -> str | None:
    """ "US$2 billion in trade", "US$1.1 billion invested": the words after an amount."""
    m = _NOUN_AFTER.match(after)
    if m is None:
        return None
    if m.group(1):
        return m.group(1)
    return _VERB_SUBJECTS.get(m.group(2), "investment")


def _qualifier_start(s: str, f: _Found) -> int:
    """Where the figure's words begin, its qualifier included."""
    if f.qualifier is None:
        return f.start
    head = s[: f.start].rstrip()
    for raw, norm in [*_QUALIFIERS.items(), *[(q, q) for q in _QUAL_EN.split("|")]]:
        if norm == f.qualifier and head.endswith(raw):
            return len(head) - len(raw)
    return f.start


def _en_amount_subject(prefix: str, f: _Found, last_count: str | None) -> str | None:
    """What an amount measures, from the words before it.

    A floor on a valuation ("startups with a valuation of at least US$1 billion", "a start-up
    valued at US$1 billion or more") is a threshold of the thing counted in the sentence, else
    of the thing valued: "unicorn company valuation threshold", "start-up valuation threshold".
    """
    prefix = prefix.rstrip()
    valued = _VALUED.search(prefix)
    if valued:
        named = valued.group("thing")
        thing = last_count or (named if named not in _SUBJECT_STOP else None)
        measure = valued.group("measure") or ("value" if prefix.endswith("worth") else "valuation")
        if f.qualifier == "at least":
            return f"{_singular(thing)} {measure} threshold" if thing else None
        return f"value of {thing}" if thing else None
    verb = _VERB_BEFORE.search(prefix)
    if verb:
        return _VERB_SUBJECTS[verb.group(1)]  # "have invested US$1.1 billion": investment
    change = _CHANGE_BEFORE.search(prefix)
    if change and f.unit == "percent":
        words = [w for w in change.group(1).split() if w not in _ARTICLES | _SUBJECT_STOP]
        falls = change.group(2) in ("fell", "fall", "dropped", "declined", "decreased")
        return f"{' '.join(words)} {'decline' if falls else 'growth'}".strip() if words else None
    m = _EN_VERB_BEFORE.search(prefix)
    if m is None:
        with_noun = _WITH_BEFORE.search(prefix)
        if with_noun is None:
            return None
        words = [w for w in with_noun.group(1).split() if w not in _ARTICLES | _SUBJECT_STOP]
        return " ".join(words) or None
    words = m.group(1).split()
    stops = [i for i, w in enumerate(words) if w in _ARTICLES | _SUBJECT_STOP]
    if stops:
        words = words[stops[-1] + 1 :]  # "loans and a budget of" → "budget"
    return " ".join(words) or None


def _zh_subject(prefix: str) -> str | None:
    clause = re.split(r"[，,、；;：:。]", prefix)[-1]
    clause = _ZH_AS_OF.sub("", clause)
    clause = _ZH_PREFIX_TRIM.sub("", clause)
    pieces = re.split(r"[的在和与及于是为有对向]|累计|共计|总计|合计", clause)
    subject = pieces[-1][-8:]
    if len(pieces) > 1:  # "在港投资额": a one-character place after 在 says where, not what
        subject = re.sub(r"^[港杭浙澳沪京深穗](?![州江门海圳])(?=..)", "", subject)
    if not subject or re.search(r"\d", subject):
        return None
    return subject
