"""Names the gazetteer lacks, proposed for review: people, organisations and places.

English: runs of capitalised words, split where a known name or a title stands inside them
("Hangzhou Mayor Yao Gaoyuan" proposes the person "Yao Gaoyuan"; the title makes it a person) and
where a connector joins two names ("Tony Chan of Lion Rock Capital"). A run that extends a known
name into a longer one ("Zhejiang University", "Alibaba Cloud", 香港科技大学) is a different
entity: it is proposed, and the shorter known name inside it is no mention.

Chinese: jieba's part-of-speech tags for people, places and organisations (nr, ns, nt), and an
organisation-suffix rule (…大学, …集团, …局) for the names its dictionary lacks (吉利控股集团).

Candidates are never attached to a known entity; a reviewer promotes them into the gazetteer.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from records.facts import Candidate, Mention
from tracking.chinese_words import NAME_FLAGS, frequency, tagger
from tracking.entities import Gazetteer
from tracking.folding import Folded, Span, split_sentences

_LATIN = r"[A-Za-z\u00c0-\u024f’'\-]"
_CAP_WORD = rf"(?:[A-Z]{_LATIN}*|\d+[A-Z][A-Za-z]*)"  # "5G" is a name part, "88bn" is not
_CAP_PHRASE = re.compile(
    rf"(?<![\w$]){_CAP_WORD}(?:(?:\s+(?:of|and|for|the|de|&))*\s+{_CAP_WORD})*"
)
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s+")
_POSSESSIVE = re.compile(r"[’']s$")
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")  # NGOs, SMEs: kinds of things, not names
# Titles that say the name after them is a person's ("Mayor Yao Gaoyuan", "Party secretary Zhou").
_TITLE = re.compile(
    r"\b(?:(?:(?:Executive|Deputy|Vice|Acting|Permanent|Under|Assistant)[ -])?"
    r"(?:Secretary(?:[ -]General)?|Mayor|Governor|President|Chairman|Chairwoman|"
    r"Director(?:-General)?|Minister|Premier|Commissioner|Ambassador)|"
    r"Chief Executive(?: Officer)?|Chief Secretary|Financial Secretary|Executive Director|"
    r"Consul[ -]General|CEO|Party [Ss]ecretary|Party [Cc]hief)\b"
)
_TYPE_HEADS = {
    "organization": frozenset(
        [
            "association", "agency", "authority", "bank", "board", "bureau", "chamber",
            "commission", "committee", "company", "corporation", "council", "department",
            "federation", "foundation", "fund", "group", "holdings", "institute", "ltd",
            "limited", "ministry", "office", "party", "society", "university", "college",
            "school", "government", "exchange", "exchanges", "academy", "hospital",
        ]
    ),
    "place": frozenset(
        [
            "avenue", "bay", "center", "centre", "hall", "city", "county", "district",
            "island", "park", "province", "road", "street", "town", "zone",
        ]
    ),
}  # fmt: skip
# Names ending in these are happenings, which event cues report; they are not entities.
_EVENT_HEADS = frozenset(
    ["Forum", "Conference", "Summit", "Expo", "Week", "Meeting", "Fair", "Exhibition", "Session",
     "Games"]
)  # fmt: skip
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Madam)\.? \S+$")
_JIEBA_TYPES = {"nr": "person", "ns": "place", "nt": "organization"}
_CJK = re.compile(r"[\u3400-\u9fff]")
_ORG_SUFFIX = re.compile(
    r"(?:大学|学院|集团|公司|委员会|协会|银行|研究院|研究所|交易所|商会|基金会|联合会|总会|办事处|"
    r"事务所|医院|科学院|实验室|控股|[^当格布大结开终饭赌]局)$"
)
_COMMON_WORD = 100  # count in jieba's dictionary above which a tagged name is a common word
_LONGEST_ZH_NAME = 14


@dataclass(frozen=True)
class Proposals:
    candidates: list[Candidate]
    superseded: list[Mention]  # known names inside a longer unknown one: not mentions after all


def find_candidates(
    text: str, folded: Folded, field_name: str, gazetteer: Gazetteer, mentions: list[Mention]
) -> Proposals:
    """Candidates in one field, given the known mentions found there."""
    fields = gazetteer.field_matcher.find(folded.text)
    blocked = [Span(*folded.span(h.start, h.end)) for h in fields]  # 智慧城市 is no name
    found, superseded = _english(text, gazetteer, mentions, blocked)
    if _CJK.search(text):
        more, replaced = _chinese(text, folded, gazetteer, mentions, blocked)
        found += more
        superseded += replaced
    found.sort(key=lambda c: c[0])
    candidates = [
        Candidate(
            name=text[s:e], entity_type=t, surface=text[s:e], field=field_name, start=s, end=e
        )
        for s, e, t in found
    ]
    return Proposals(candidates, superseded)


def _overlaps(start: int, end: int, spans: Sequence[Span | Mention]) -> bool:
    return any(start < t.end and t.start < end for t in spans)


def _guess_type(name: str) -> str | None:
    last = name.split()[-1].lower()
    for entity_type, heads in _TYPE_HEADS.items():
        if last in heads:
            return entity_type
    return None


def _english(
    text: str, gazetteer: Gazetteer, mentions: list[Mention], blocked: list[Span]
) -> tuple[list[tuple[int, int, str | None]], list[Mention]]:
    sentence_starts = {s.start for s in split_sentences(text)}
    titles = [Span(m.start(), m.end()) for m in _TITLE.finditer(text)]
    found: list[tuple[int, int, str | None]] = []
    superseded: list[Mention] = []
    for phrase in _CAP_PHRASE.finditer(text):
        for start, end in _segments(text, phrase.start(), phrase.end(), mentions, titles):
            for piece_start, piece_end in _name_pieces(text, start, end):
                piece = _clean(text, piece_start, piece_end)
                if piece is None or _overlaps(*piece, blocked):
                    continue
                s, e = piece
                before = _known_before(text, s, mentions)
                if before is not None and text[s:e].split()[0] not in ("and", "of"):
                    longer = _longer_name(text, before, e, gazetteer)
                    if longer is not None:
                        found.append(longer)
                        superseded.append(before)
                    continue  # "Hong Kong Chief ...": the rest is no name of its own
                if not _worth_proposing(text, s, e, gazetteer, sentence_starts):
                    continue
                entity_type = "person" if _after_title(text, s, titles) else _guess_type(text[s:e])
                found.append((s, e, entity_type))
    return found, superseded


def _segments(
    text: str, start: int, end: int, mentions: list[Mention], titles: list[Span]
) -> list[tuple[int, int]]:
    """The parts of a capitalised run left between known names and titles."""
    cut = sorted(
        [(m.start, m.end) for m in mentions if m.start < end and start < m.end]
        + [(t.start, t.end) for t in titles if t.start < end and start < t.end]
    )
    parts: list[tuple[int, int]] = []
    position = start
    for s, e in cut:
        if s > position:
            parts.append((position, s))
        position = max(position, e)
    if position < end:
        parts.append((position, end))
    found = []
    for s, e in parts:
        words = list(re.finditer(_CAP_WORD, text[s:e]))
        if words:
            found.append((s + words[0].start(), s + words[-1].end()))
    return found


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    lead = _LEADING_ARTICLE.match(text[start:end])
    if lead:
        start += lead.end()
    possessive = _POSSESSIVE.search(text[start:end])
    if possessive:
        end -= len(possessive.group())
    return (start, end) if end > start else None


def _worth_proposing(
    text: str, start: int, end: int, gazetteer: Gazetteer, sentence_starts: set[int]
) -> bool:
    name = text[start:end]
    words = name.casefold().split()
    if len(name) < 2 or text.startswith("$", end) or _PLURAL_ACRONYM.match(name):
        return False
    if len(words) == 1 and (start in sentence_starts or _LEADING_ARTICLE.match(text[start - 4 :])):
        return False  # a capital that only marks the start of a sentence
    if name.casefold() in gazetteer.ignore or all(w in gazetteer.ignore for w in words):
        return False
    if all(w in gazetteer.known_words for w in words) or _HONORIFIC.match(name):
        return False  # "Mr Lee" refers back to someone already named
    return name.split()[-1] not in _EVENT_HEADS


def _known_before(text: str, start: int, mentions: list[Mention]) -> Mention | None:
    """The known place or organisation directly before a name part ("Zhejiang| University")."""
    for m in mentions:
        if m.end + 1 == start and text[m.end] == " " and m.entity_type != "person" and not m.weak:
            return m
    return None


def _longer_name(
    text: str, known: Mention, end: int, gazetteer: Gazetteer
) -> tuple[int, int, str | None] | None:
    """A known name and the capitalised words after it, as one longer name, when it is one.

    Titles never get here ("Hangzhou Mayor" is cut at the title); a happening's name
    ("Hong Kong Innovation Forum") is no entity, so the place in it stays a mention.
    """
    name = text[known.start : end]
    added = text[known.end : end].casefold().split()
    if name.split()[-1] in _EVENT_HEADS or all(w in gazetteer.ignore for w in added):
        return None  # "Zhejiang GDP" is Zhejiang's GDP
    guessed = _guess_type(name)
    if guessed is None and known.entity_type == "organization":
        guessed = "organization"  # Alibaba Cloud: a part of a known organisation
    return (known.start, end, guessed)


def _after_title(text: str, start: int, titles: list[Span]) -> bool:
    return any(t.end < start and not text[t.end : start].strip() for t in titles)


def _is_head(word: str) -> bool:
    lower = word.lower()
    return any(lower in heads for heads in _TYPE_HEADS.values()) or word in _EVENT_HEADS


def _name_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a run of capitalised words where a connector joins two names, not one.

    "Olympic Council of Asia" and "Science and Technology Parks Corporation" are one name each;
    "Tony Chan of Lion Rock Capital" and "Alibaba and Tencent" are two.
    """
    words = list(re.finditer(_CAP_WORD, text[start:end]))
    last = words[-1].group() if words else ""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for left, right in itertools.pairwise(words):
        connector = text[start + left.end() : start + right.start()].split()
        if not connector:
            continue
        joined = (connector[0] in ("of", "for", "de") and _is_head(left.group())) or (
            connector in (["and"], ["&"]) and _is_head(last) and not _is_head(left.group())
        )
        if not joined:
            pieces.append((piece_start, start + left.end()))
            piece_start = start + right.start()
    pieces.append((piece_start, end))
    return pieces


def _chinese(
    text: str, folded: Folded, gazetteer: Gazetteer, mentions: list[Mention], blocked: list[Span]
) -> tuple[list[tuple[int, int, str | None]], list[Mention]]:
    """People, places and organisations by jieba's tags, and organisations by their suffix."""
    tokens = _tokens(folded.text)
    found: list[tuple[int, int, str | None]] = []
    superseded: list[Mention] = []
    for index, (word, flag, word_start, word_end) in enumerate(tokens):
        entity_type = _JIEBA_TYPES.get(flag[:2])
        org_start = _org_start(tokens, index, mentions, folded)
        if org_start is not None:
            entity_type, word_start = "organization", org_start
            word = folded.text[word_start:word_end]
        elif entity_type is None or len(word) < 2 or not _CJK.search(word):
            continue
        start, end = folded.span(word_start, word_end)
        if word in gazetteer.ignore or _overlaps(start, end, blocked):
            continue
        inside = [m for m in mentions if start < m.end and m.start < start + (end - start)]
        if inside:
            covered = all(start <= m.start and m.end <= end for m in inside)
            longer = (
                covered
                and entity_type == "organization"
                and (end - start) > max(m.end - m.start for m in inside)
            )
            if not longer or any(m.entity_type == "organization" for m in inside):
                continue
            superseded += inside
        elif frequency(word) >= _COMMON_WORD:
            continue  # jieba tags common words too (嘉宾 ns, 范畴 nr); real names are rare there
        found.append((start, end, entity_type))
    return _outermost(found), superseded


def _tokens(folded_text: str) -> list[tuple[str, str, int, int]]:
    posseg = tagger()
    tokens = []
    position = 0
    for pair in posseg.cut(folded_text):
        word, flag = str(pair.word), str(pair.flag)
        start = folded_text.find(word, position)
        if start < 0:
            continue
        position = start + len(word)
        tokens.append((word, flag, start, position))
    return tokens


def _org_start(
    tokens: list[tuple[str, str, int, int]], index: int, mentions: list[Mention], folded: Folded
) -> int | None:
    """Where an organisation named by its suffix begins (吉利|控股集团, 杭州市|商务局), if any.

    The name runs back over noun-like words, never over a known organisation, and needs more
    than the suffix itself.
    """
    word, flag, start, end = tokens[index]
    if not _ORG_SUFFIX.search(word) or not flag.startswith(NAME_FLAGS):
        return None
    org_starts = {
        i for m in mentions if m.entity_type == "organization" for i in range(m.start, m.end)
    }
    first = start
    for before in range(index - 1, -1, -1):
        b_word, b_flag, b_start, _ = tokens[before]
        original = folded.span(b_start, b_start + 1)[0]
        if (
            not (b_flag.startswith(NAME_FLAGS) or b_flag in ("ns", "nr", "nt", "nz"))
            or not _CJK.search(b_word)
            or original in org_starts
            or end - b_start > _LONGEST_ZH_NAME
        ):
            break
        first = b_start
    if first == start and (len(word) < 3 or frequency(word) >= _COMMON_WORD):
        return None  # 大学 alone, 布局: a common word, not a name
    return first


def _outermost(found: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None]]:
    """Names inside a longer proposed name are part of it (余杭区 in 杭州市余杭区政府)."""
    return [f for f in found if not any(o != f and o[0] <= f[0] and f[1] <= o[1] for o in found)]
