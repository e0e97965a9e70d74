"""Agreements and MoUs: how many, what kind, between whom, in which fields, signed when.

News often splits one signing over several sentences: "The two cities on Thursday signed eight
agreements." then, a paragraph later, "The memorandums of understanding on smart city ... and new
energy ...". A sentence that names agreements without a signing verb is read as detail of the
latest signing within the next paragraph, not as a second signing.

A signing the article announces ("will sign ... on Friday", 将签署, 拟签) is stored as `planned`
with the coming date, never as signed. The kind is the one of the term counted ("签署8项协议，
确定51个合作项目" signs agreements), else the first agreement term of the sentence.

An agreement count is only what is signed: a count of agreements (备忘录, 协议, MoUs), or of
projects that a signing verb governs (签署12个合作项目, 签约项目32个). A count of projects or
areas the sentence only totals or announces ("共51个项目", "推出51个合作项目") is a figure, not an
agreement count, however near the signing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from records.facts import Agreement, Mention
from tracking.entities import Gazetteer
from tracking.figures import NUMBER_WORDS, zh_number
from tracking.folding import Sentence
from tracking.text_dates import is_planned, nearby_date

_MOU = r"memorand(?:um|a|ums)(?: of understanding)?|mous?|备忘录"
AGREEMENT_TERM = re.compile(
    rf"\b(?:{_MOU}|(?:co-?operation |framework )?agreements?|accords?|deals?|contracts?|pacts?|"
    r"letters? of intent|(?:co-?operation|investment|joint) projects?)\b|"
    r"备忘录|框架协议|合作协议|协议|合同|意向书|协定|合作项目|签约项目"
)
SIGNING = re.compile(
    r"\b(?:sign(?:s|ed|ing)?|inked|inks|seal(?:s|ed)?|concluded|struck|penned|"
    r"put (?:their|its) names? to)\b|签署|签订|签约|签下|订立|签了"
)
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_COUNT_EN = re.compile(
    rf"\b(?P<num>\d+|{_NUMBER_WORD})(?:\s+(?P<dozen>dozen))?\s+"
    rf"(?:(?!(?:{_NUMBER_WORD}|signed|the)\b)[a-z\-]+\s+){{0,3}}?"
    rf"(?P<term>{_MOU}|(?:co-?operation |framework )?agreements|accords|deals|contracts|pacts)\b"
)
_COUNT_ZH = re.compile(
    r"(?P<num>\d+|[一二两三四五六七八九十百]+)(?:项|个|份|宗)[\u4e00-\u9fff]{0,6}?"
    r"(?P<term>备忘录|协议|合同|协定|意向书|项目)"
)
_DEFINITE = re.compile(
    rf"^(?:the|these|those|all|both)\s+(?:[a-z\-]+\s+){{0,2}}?(?:{_MOU}|agreements?|deals?)\b|"
    r"^(?:it|they|this|these)\s+(?:covers?|involves?|includes?|spans?|focus(?:es)? on)\b|"
    r"^(?:该|这些|上述|此次|本次)"
)
_GROUP_PARTIES = re.compile(
    r"\b(?:the two|both) (?:cities|sides|parties|governments|places)\b|双方|两地"
)
_BETWEEN = re.compile(r"\bbetween\b(?P<rest>.*)")
_PARTY_TYPES = ("place", "organization")


@dataclass
class _Draft:
    sentence: Sentence
    count: int | None
    kind: str
    fields: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    signed_on: date | None = None
    planned: bool = False
    planned_on: date | None = None


def _counted(folded: str) -> re.Match[str] | None:
    """The count of signed things in a sentence: agreements first, then signed projects."""
    english = _COUNT_EN.search(folded)
    if english:
        return english
    chinese = list(_COUNT_ZH.finditer(folded))
    agreements = [m for m in chinese if m.group("term") != "项目"]
    signed = [m for m in chinese if m.group("term") == "项目" and _signed_projects(folded, m)]
    found = agreements or signed
    return found[0] if found else None


_SIGNED_BEFORE = re.compile(r"(?:签署|签订|签约|签下|签了)(?:了|的)?(?:合作)?(?:项目)?\s*$")


def _signed_projects(folded: str, m: re.Match[str]) -> bool:
    """签署了12个合作项目 / 签约项目32个: projects a signing verb governs, not a total."""
    return bool(_SIGNED_BEFORE.search(folded[: m.start()])) or "签约项目" in m.group()


def _kind(folded: str) -> str:
    """The kind of the agreements counted, else of the first agreement term named."""
    counted = _counted(folded)
    if counted:
        return _kind_of(counted.group("term"), folded[counted.start() : counted.end()])
    term = AGREEMENT_TERM.search(folded)
    return _kind_of(term.group(), term.group()) if term else "agreement"


def _kind_of(term: str, phrase: str) -> str:
    if re.search(_MOU, term):
        return "memorandum of understanding"
    projects = re.compile(r"合作项目|签约项目")
    if projects.fullmatch(term) or (term == "项目" and projects.search(phrase)):
        return "cooperation project"
    return "agreement"


def _count(folded: str) -> int | None:
    m = _counted(folded)
    if m is None:
        return None
    if m.re is _COUNT_EN:
        num = m.group("num")
        value = int(num) if num.isdigit() else NUMBER_WORDS.get(num)
        return value * 12 if value is not None and m.group("dozen") else value
    number = zh_number(m.group("num"))
    return int(number) if number is not None else None


def _unique(names: list[str]) -> list[str]:
    return sorted(set(names))


def _parties(sentence: Sentence, mentions: list[Mention], gazetteer: Gazetteer) -> list[str]:
    inside = [
        m
        for m in mentions
        if sentence.holds(m.start)
        and m.entity_type in _PARTY_TYPES
        and not _modifies_next(m, mentions, sentence)
        and not _holds_next(m, mentions, gazetteer)
    ]
    between = _BETWEEN.search(sentence.folded.text)
    if between:
        start, _ = sentence.original(between.start("rest"), between.end("rest"))
        after = [m for m in inside if m.start >= start]
        if after:
            inside = after
    where = {m.name for m in inside if _locative(m, sentence)}
    acting = {m.name for m in inside if not _locative(m, sentence)}
    if acting - where:  # "signed ... with the Hangzhou government in Hangzhou": where, not who
        inside = [m for m in inside if m.name in acting]
    return _unique([m.name for m in inside])


def _one_a_side(
    acting: list[Mention], places: Counter[str], gazetteer: Gazetteer, bodies: bool
) -> list[str] | None:
    """The most-named acting place of each side, else (`bodies`) the side's most-named body;
    None unless both sides have one (the sides' terms are relevance's: tracking/entities.py)."""
    chosen = []
    for side in ("hangzhou", "hongkong"):
        ours = [m for m in acting if gazetteer.side_of.get(m.entity_id) == side]
        for kind in ("place", "organization") if bodies else ("place",):
            counts = Counter(m.name for m in ours if m.entity_type == kind
                             and (kind != "place" or m.name in places))  # fmt: skip
            if counts:
                chosen.append(min(counts, key=lambda n: (-counts[n], n)))
                break
    named = Counter(m.name for m in acting)
    first = {m.name: i for i, m in reversed(list(enumerate(acting)))}
    return sorted(chosen, key=lambda n: (-named[n], first[n])) if len(chosen) == 2 else None


def _hosts(mention: Mention, sentences: list[Sentence]) -> bool:
    """The mention names where something took place (`_locative`) in the sentence holding it."""
    holding = (s for s in sentences if s.start <= mention.start < s.end)
    sentence = next(holding, None)
    return sentence is not None and _locative(mention, sentence)


_LOCATIVE = re.compile(
    r"\b(?:in|at|arrived in|came to)\s+(?:the\s+)?$|(?:在|于|来到|到达|抵达|本报)$"
)


def _locative(mention: Mention, sentence: Sentence) -> bool:
    """A place named as where a signing took place ("in Hangzhou", 在杭州), not a party to it."""
    if mention.entity_type != "place":
        return False
    return _LOCATIVE.search(sentence.text[: mention.start - sentence.start]) is not None


def _modifies_next(mention: Mention, mentions: list[Mention], sentence: Sentence) -> bool:
    """ "Hangzhou's Shangcheng district government": the place only says whose body signed."""
    after = sentence.text[mention.end - sentence.start :]
    possessive = re.match(r"[’']s\s+", after)
    return possessive is not None and any(
        m.start == mention.end + possessive.end() for m in mentions
    )


def _holds_next(mention: Mention, mentions: list[Mention], gazetteer: Gazetteer) -> bool:
    """ "杭州市滨江区", "Hangzhou Binjiang district": the city only says whose district signed;
    the district is the party (and it stands for its city)."""
    return any(
        0 <= m.start - mention.end <= 1
        and m.entity_id != mention.entity_id
        and gazetteer.city_of(m.entity_id) == mention.name
        for m in mentions
    )


def _fields(sentence: Sentence, gazetteer: Gazetteer) -> list[str]:
    return [hit.key for hit in gazetteer.field_matcher.find(sentence.folded.text)]


def extract_agreements(
    sentences: list[Sentence],
    mentions: list[Mention],
    gazetteer: Gazetteer,
    reference: date | None,
) -> list[Agreement]:
    drafts: list[tuple[int, _Draft]] = []
    for index, sentence in enumerate(sentences):
        folded = sentence.folded.text
        term, signing = AGREEMENT_TERM.search(folded), SIGNING.search(folded)
        definite = _DEFINITE.search(folded) is not None
        fields = _fields(sentence, gazetteer)
        count = _count(folded)
        latest = drafts[-1][1] if drafts else None
        is_detail = (
            latest is not None
            and sentence.paragraph - latest.sentence.paragraph <= 1
            and (count is None or count == latest.count)
            and (definite or (bool(term) and not signing and bool(fields)))
        )
        if latest is not None and is_detail:
            _add_detail(latest, sentence, mentions, fields, gazetteer)
            continue
        if not term or not (signing or fields):
            continue  # agreements talked about or projects announced, none signed or described
        draft = _Draft(
            sentence, count, _kind(folded), fields, _parties(sentence, mentions, gazetteer)
        )
        drafts.append((index, draft))
    for index, draft in drafts:
        draft.parties = _resolve_parties(draft, sentences, mentions, gazetteer)
        draft.planned = is_planned(draft.sentence.folded.text)
        day = nearby_date(sentences, index, reference, forward=draft.planned)
        if draft.planned:
            draft.planned_on = day if day is None or reference is None or day >= reference else None
        else:
            draft.signed_on = day
    return [
        Agreement(
            count=d.count,
            kind=d.kind,
            fields=tuple(dict.fromkeys(d.fields)),
            parties=tuple(d.parties),
            signed_on=d.signed_on,
            sentence=d.sentence.text,
            status="planned" if d.planned else "signed",
            planned_on=d.planned_on,
        )
        for _, d in drafts
    ]


def _add_detail(
    draft: _Draft,
    sentence: Sentence,
    mentions: list[Mention],
    fields: list[str],
    gazetteer: Gazetteer,
) -> None:
    """Fold a describing sentence into the signing it describes."""
    draft.fields += fields
    if draft.kind == "agreement":
        draft.kind = _kind(sentence.folded.text)
    if not draft.parties:
        draft.parties = _parties(sentence, mentions, gazetteer)


def _resolve_parties(
    draft: _Draft, sentences: list[Sentence], mentions: list[Mention], gazetteer: Gazetteer
) -> list[str]:
    """Named parties, else those around the signing; "the two cities" (双方) means the article's
    most-named place on each side, counting only where a place acts: the city a meeting was
    held in (出席在杭州举行的…, 来到杭州) hosts it, and is no side of it. A side that no place
    acts for is its most-named body (香港特区政府代表团 … 同我省召开: Zhejiang and the HKSAR
    Government, not Hangzhou and Zhejiang)."""
    group = _GROUP_PARTIES.search(draft.sentence.folded.text)
    if group:
        cities = "cities" in group.group()
        acting = [m for m in mentions if not _hosts(m, sentences)]
        places = Counter(
            m.name
            for m in acting
            if m.entity_type == "place"
            and (not cities or gazetteer.by_id[m.entity_id].level == "city")
        )
        named = [p for p in draft.parties if p in places]
        if len(named) >= 2:
            return named
        sides = _one_a_side(acting, places, gazetteer, bodies=not cities)
        return sides or _unique([name for name, _ in places.most_common(2)])
    if draft.parties:
        return draft.parties
    names: list[str] = []
    for s in sentences:
        if s.paragraph == draft.sentence.paragraph:
            names += _parties(s, mentions, gazetteer)
    return _unique(names)
