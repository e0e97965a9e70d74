"""A name others share ("Mrs Lam", "John Lee", "TDC") is attributed only when the article confirms
whom it means; otherwise the mention is kept for review, never merged silently."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from records.facts import ArticleFacts
from tracking.entities import NOT_CONFIRMED, SOMEONE_ELSE, Gazetteer
from tracking.extraction import extract_facts

PUBLISHED = datetime(2023, 6, 27, 8, tzinfo=timezone(timedelta(hours=8)))


def facts(gazetteer: Gazetteer, body: str, title: str | None = None) -> ArticleFacts:
    return extract_facts(title, body, "en", PUBLISHED, gazetteer)


def statuses(found: ArticleFacts, entity_id: str) -> list[tuple[str, str, str | None]]:
    return [
        (m.surface, m.status, m.review_reason) for m in found.mentions if m.entity_id == entity_id
    ]


@pytest.mark.parametrize(
    ("body", "entity_id", "surface"),
    [
        ("Mrs Lam, a Kowloon shopkeeper, said business was slow.", "carrie-lam", "Mrs Lam"),
        ("John Lee, a British tourist, said Hangzhou was lovely.", "john-lee", "John Lee"),
    ],
)
def test_a_weak_alias_described_as_someone_else_awaits_review(
    gazetteer: Gazetteer, body: str, entity_id: str, surface: str
) -> None:
    assert statuses(facts(gazetteer, body), entity_id) == [(surface, "needs_review", SOMEONE_ELSE)]


def test_someone_else_stays_someone_else_even_when_the_entity_is_named_too(
    gazetteer: Gazetteer,
) -> None:
    body = "Chief Executive John Lee opened the fair. John Lee, a British tourist, liked it."
    found = statuses(facts(gazetteer, body), "john-lee")
    assert found == [
        ("John Lee", "accepted", None),
        ("John Lee", "needs_review", SOMEONE_ELSE),
    ]


def test_a_weak_alias_alone_awaits_review(gazetteer: Gazetteer) -> None:
    found = facts(gazetteer, "The TDC said exports of toys rose last year.")
    assert statuses(found, "hktdc") == [("TDC", "needs_review", NOT_CONFIRMED)]
    assert found.accepted_mentions == ()


def test_a_strong_name_elsewhere_in_the_article_confirms_a_weak_alias(
    gazetteer: Gazetteer,
) -> None:
    found = facts(
        gazetteer, "The TDC said exports rose.", title="HKTDC: exports up in Hangzhou and Hong Kong"
    )
    assert statuses(found, "hktdc") == [("HKTDC", "accepted", None), ("TDC", "accepted", None)]


def test_a_title_beside_a_weak_alias_confirms_it(gazetteer: Gazetteer) -> None:
    found = facts(gazetteer, "Chief Executive John Lee visited Hangzhou on Monday.")
    assert statuses(found, "john-lee") == [("John Lee", "accepted", None)]
    assert [m.role for m in found.mentions if m.entity_id == "john-lee"] == ["Chief Executive"]


def test_mrs_lam_after_carrie_lam_is_carrie_lam(gazetteer: Gazetteer) -> None:
    found = facts(gazetteer, "Carrie Lam opened the show. Mrs Lam said ties would grow.")
    assert statuses(found, "carrie-lam") == [
        ("Carrie Lam", "accepted", None),
        ("Mrs Lam", "accepted", None),
    ]


def test_a_mention_awaiting_review_names_no_party_and_joins_no_event(
    gazetteer: Gazetteer,
) -> None:
    found = facts(gazetteer, "The TDC and Hangzhou signed a memorandum of understanding on Monday.")
    (agreement,) = found.agreements
    assert agreement.parties == ("Hangzhou",)
    assert "hktdc" not in {m.entity_id for m in found.accepted_mentions}
