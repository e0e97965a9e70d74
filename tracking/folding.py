"""Bilingual text folding and sentence splitting, with every position traceable to the original.

Matching runs on folded text (NFKC, Traditional→Simplified, casefolded) so one list of names
serves English, Simplified and Traditional Chinese; the offset map turns a match on the folded
text back into a span of the string the reader sees.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import opencc


@dataclass(frozen=True)
class Folded:
    """Folded text; `to_original[i]` is the original index of folded character i.

    The map has one extra entry (the original length) so an exclusive end maps too.
    """

    text: str
    to_original: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded characters [start, end)."""
        if end <= start:
            at = self.to_original[start]
            return at, at
        return self.to_original[start], self.to_original[end - 1] + 1


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _nfkc(text: str) -> tuple[str, list[int]]:
    """NFKC per run of a base character and its combining marks, so each output knows its source."""
    if unicodedata.is_normalized("NFKC", text):
        return text, list(range(len(text)))
    out: list[str] = []
    mapping: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFKC", text[i:j])
        out.append(piece)
        mapping.extend([i] * len(piece))
        i = j
    return "".join(out), mapping


def _to_simplified(text: str) -> str:
    """Phrase-level conversion when it keeps the length (nearly always), else char by char.

    Phrase conversion picks the right character for ambiguous ones (乾 in 乾淨 vs 乾隆), but an
    offset map needs one output character per input character.
    """
    converted = str(_t2s().convert(text))
    if len(converted) == len(text):
        return converted
    chars = []
    for ch in text:
        single = str(_t2s().convert(ch))
        chars.append(single if len(single) == 1 else ch)
    return "".join(chars)


def fold(text: str) -> Folded:
    normalized, mapping = _nfkc(text)
    simplified = _to_simplified(normalized)
    lowered = simplified.casefold()
    if len(lowered) == len(simplified):  # casefold maps each character on its own
        return Folded(lowered, [*mapping, len(text)])
    out: list[str] = []
    to_original: list[int] = []
    for ch, source in zip(simplified, mapping, strict=True):
        folded_ch = ch.casefold()
        out.append(folded_ch)
        to_original.extend([source] * len(folded_ch))
    to_original.append(len(text))
    return Folded("".join(out), to_original)


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")

# Abbreviations that end with a full stop without ending the sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "no",
        "nos",
        "vol",
        "gov",
        "sen",
        "rep",
        "gen",
        "col",
        "lt",
        "capt",
        "co",
        "corp",
        "inc",
        "ltd",
        "dept",
        "univ",
        "est",
        "approx",
        "fig",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
)
_CJK_END = "。！？；!?"
_CLOSERS = "\"'”’」』)）]】"


def split_paragraphs(text: str) -> list[Span]:
    """Paragraphs are separated by line breaks (stored bodies use a blank line)."""
    spans: list[Span] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.extend(_trimmed(text, start, m.start()))
        start = m.end()
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Span(start, end)] if end > start else []


def _ends_sentence(text: str, dot: int, para_end: int) -> bool:
    """Whether the '.' at `dot` ends an English sentence."""
    after = dot + 1
    while after < para_end and text[after] in _CLOSERS:
        after += 1
    if after >= para_end:
        return True
    if not text[after].isspace():
        return False  # 1.4, U.S., example.com
    begin = dot
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "._"):
        begin -= 1
    token = text[begin:dot].lower()
    if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return False  # "Dr. Lee", "Nicholas W. Yang"
    nxt = after
    while nxt < para_end and text[nxt].isspace():
        nxt += 1
    return nxt >= para_end or not text[nxt].islower()


def split_sentences(text: str) -> list[Span]:
    """Sentences of English and Chinese text, never crossing a paragraph break."""
    spans: list[Span] = []
    for para in split_paragraphs(text):
        start = para.start
        i = para.start
        while i < para.end:
            ch = text[i]
            is_end = ch in _CJK_END or (ch == "." and _ends_sentence(text, i, para.end))
            if ch in "!?" and i + 1 < para.end and not text[i + 1].isspace():
                is_end = text[i + 1] in _CLOSERS or not text[i + 1].isascii()
            if is_end:
                end = i + 1
                while end < para.end and text[end] in _CLOSERS + _CJK_END:
                    end += 1
                spans.extend(_trimmed(text, start, end))
                start = i = end
                continue
            i += 1
        spans.extend(_trimmed(text, start, para.end))
    return spans


@dataclass(frozen=True)
class Sentence:
    """One sentence of a body: its original span and text, its paragraph number, its folding."""

    start: int
    end: int
    paragraph: int
    text: str
    folded: Folded

    def holds(self, position: int) -> bool:
        """Whether a body offset (a mention's start, say) falls inside this sentence."""
        return self.start <= position < self.end

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Body offsets of folded sentence positions [start, end)."""
        s, e = self.folded.span(start, end)
        return self.start + s, self.start + e


def sentences(text: str) -> list[Sentence]:
    paragraphs = split_paragraphs(text)
    found = []
    for span in split_sentences(text):
        paragraph = next(i for i, p in enumerate(paragraphs) if p.start <= span.start < p.end)
        piece = text[span.start : span.end]
        found.append(Sentence(span.start, span.end, paragraph, piece, fold(piece)))
    return found
