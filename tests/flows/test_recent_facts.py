"""What a track run keeps of the facts it has extracted: only what a later batch may reach."""

from __future__ import annotations

from datetime import UTC, date, datetime

from flows.track import NO_FACTS, RecentFacts


def at(day: int) -> datetime:
    return datetime(2024, 5, day, 12, tzinfo=UTC)


def test_facts_of_articles_published_before_the_day_are_forgotten_later_ones_kept() -> None:
    memo = RecentFacts()
    for day in (1, 5, 9):
        memo.keep(f"a{day}", at(day), NO_FACTS)
    memo.forget_before(date(2024, 5, 5))
    assert memo.get("a1") is None
    assert memo.get("a5") is NO_FACTS
    assert memo.get("a9") is NO_FACTS
    assert len(memo) == 2


def test_an_undated_article_is_not_kept_past_its_batch() -> None:
    memo = RecentFacts()
    memo.keep("undated", None, NO_FACTS)
    assert memo.get("undated") is NO_FACTS
    memo.forget_before(date(2000, 1, 1))
    assert memo.get("undated") is None


def test_a_run_in_many_batches_holds_only_its_recent_window() -> None:
    """A year of articles, a batch a day: what is held stays a few weeks' worth."""
    memo = RecentFacts()
    held = []
    for ordinal in range(date(2024, 1, 1).toordinal(), date(2024, 12, 31).toordinal()):
        day = date.fromordinal(ordinal)
        for n in range(3):
            memo.keep(f"{day}-{n}", datetime(day.year, day.month, day.day, tzinfo=UTC), NO_FACTS)
        memo.forget_before(date.fromordinal(ordinal - 27))
        held.append(len(memo))
    assert max(held) == 3 * 28


def test_the_articles_a_batch_reclustered_are_kept_however_old_or_undated() -> None:
    """An event's older members come back with every batch that touches the event: their facts
    stay while they do, instead of being extracted again batch after batch."""
    memo = RecentFacts()
    memo.keep("old-member", at(1), NO_FACTS)
    memo.keep("undated-member", None, NO_FACTS)
    memo.keep("old-other", at(2), NO_FACTS)
    memo.forget_before(date(2024, 5, 20), keep={"old-member", "undated-member"})
    assert memo.get("old-member") is NO_FACTS
    assert memo.get("undated-member") is NO_FACTS
    assert memo.get("old-other") is None
    memo.forget_before(date(2024, 5, 21))
    assert len(memo) == 0
