"""Folding and splitting: a match on folded text lands on the right characters of the original."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tracking.folding import fold, split_paragraphs, split_sentences
from tracking.text_dates import find_as_of, find_dates, reference_date


def test_fold_makes_traditional_simplified_and_latin_lower_case() -> None:
    assert fold("香港貿發局與HKTDC").text == "香港贸发局与hktdc"


def test_fold_normalises_full_width_forms() -> None:
    assert fold("ＨＫ＄１．１").text == "hk$1.1"


def test_offsets_survive_characters_that_grow_when_folded() -> None:
    original = "Straße to 杭州"
    folded = fold(original)
    assert folded.text == "strasse to 杭州"
    start = folded.text.index("杭州")
    assert original[slice(*folded.span(start, start + 2))] == "杭州"
    assert original[slice(*folded.span(0, 7))] == "Straße"


def test_combining_marks_fold_with_their_letter() -> None:
    original = "Cafe\u0301 Hangzhou"
    folded = fold(original)
    assert folded.text == "café hangzhou"
    start = folded.text.index("hangzhou")
    assert original[slice(*folded.span(start, start + 8))] == "Hangzhou"


@given(st.text(max_size=40))
def test_every_folded_character_maps_into_the_original(text: str) -> None:
    folded = fold(text)
    assert len(folded.to_original) == len(folded.text) + 1
    assert all(0 <= i <= len(text) for i in folded.to_original)
    assert folded.to_original == sorted(folded.to_original)


def pieces(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_english_sentences_keep_abbreviations_and_initials() -> None:
    text = "Dr. Chan met Nicholas W. Yang in the U.S. on Monday. The deal is worth US$1.5 billion."
    assert pieces(text) == [
        "Dr. Chan met Nicholas W. Yang in the U.S. on Monday.",
        "The deal is worth US$1.5 billion.",
    ]


def test_chinese_sentences_end_at_full_width_stops_and_keep_closing_quotes() -> None:
    text = "雙方簽署了協議。他說：「合作很好！」會議明天結束；記者到場"
    assert pieces(text) == [
        "雙方簽署了協議。",
        "他說：「合作很好！」",
        "會議明天結束；",
        "記者到場",
    ]


def test_sentences_never_cross_paragraphs() -> None:
    text = "First paragraph without a stop\n\nSecond one. Third"
    assert pieces(text) == ["First paragraph without a stop", "Second one.", "Third"]
    assert len(split_paragraphs(text)) == 2


def test_publication_day_is_taken_in_hong_kong_time() -> None:
    late_utc = datetime(2019, 6, 17, 16, 30, tzinfo=UTC)
    assert reference_date(late_utc) == date(2019, 6, 18)
    assert reference_date(None) is None


def test_weekdays_and_dates_resolve_against_the_publication_day() -> None:
    tuesday = date(2019, 6, 18)

    def first(text: str) -> date | None:
        hits = find_dates(fold(text).text, tuesday)
        return hits[0].value if hits else None

    assert first("signed on Thursday") == date(2019, 6, 13)
    assert first("met on Tuesday") == tuesday  # the day the story is dated
    assert first("signed on June 13") == date(2019, 6, 13)
    assert first("13 December") == date(2018, 12, 13)  # not six months ahead
    assert first("雙方於6月13日簽約") == date(2019, 6, 13)
    assert first("昨日舉行") == tuesday - timedelta(days=1)
    assert first("上週四") == date(2019, 6, 13)
    assert first("nothing here") is None


def test_as_of_dates() -> None:
    reference = date(2019, 6, 18)
    assert find_as_of("as of the end of last year", reference) == date(2018, 12, 31)
    assert find_as_of("by end-2017, about 6,000 projects", reference) == date(2017, 12, 31)
    assert find_as_of("截至去年底", reference) == date(2018, 12, 31)
    assert find_as_of("截至2024年6月底", reference) == date(2024, 6, 30)
    assert find_as_of("as of the end of last year", None) is None


def test_an_implausible_publication_date_gives_no_reference_day() -> None:
    from datetime import UTC, datetime

    from tracking.text_dates import reference_date

    assert reference_date(datetime(1, 1, 1, tzinfo=UTC)) is None  # a window around it overflows
    assert str(reference_date(datetime(2019, 6, 17, 16, tzinfo=UTC))) == "2019-06-18"
