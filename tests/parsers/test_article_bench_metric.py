"""The ScrapingHub shingle metric used by bench/extraction.py, on small hand-made texts."""

from __future__ import annotations

import pytest

from bench.extraction import Counts, body_f1, score, shingle_counts

TRUE = "Hangzhou and Hong Kong signed eight agreements on Thursday in five fields"


def test_identical_text_scores_one() -> None:
    counts = shingle_counts(TRUE, TRUE)
    assert counts == Counts(1.0, 0.0, 0.0)
    assert score([counts]).f1 == 1.0


def test_unrelated_text_scores_zero() -> None:
    counts = shingle_counts(TRUE, "Completely different words about the weather in another city")
    assert counts.tp == 0.0
    assert score([counts]).f1 == 0.0


def test_extra_text_costs_precision_and_missing_text_costs_recall() -> None:
    extra = score([shingle_counts(TRUE, TRUE + " Share this story on social media now")])
    missing = score([shingle_counts(TRUE, "Hangzhou and Hong Kong signed eight agreements")])
    assert extra.recall == 1.0 and extra.precision < 1.0
    assert missing.precision == 1.0 and missing.recall < 1.0


def test_each_page_weighs_the_same_however_long() -> None:
    long_page = shingle_counts(TRUE * 50, TRUE * 50)
    short_page = shingle_counts(TRUE, "")
    assert sum((long_page.tp, long_page.fp, long_page.fn)) == pytest.approx(1.0)
    result = score([long_page, short_page])
    assert result.precision == 1.0  # the empty prediction has no shingles: skipped here
    assert result.recall == 0.5


def test_chinese_body_f1_counts_characters_not_whole_sentences() -> None:
    true = "杭州与香港签署八项合作协议，涉及智慧城市建设等五个领域。"
    almost = "杭州与香港签署八项合作协议，涉及智慧城市建设等领域。"
    assert 0.5 < body_f1(true, almost) < 1.0
