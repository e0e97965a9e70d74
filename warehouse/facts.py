"""Storing extracted facts: entities, mentions, figures and agreements for a batch of articles.

An article's facts are replaced as a whole (delete, then insert, in one transaction), so running
tracking again over the same articles leaves the same rows with the same ids. Rows go in as one
JSON parameter per table, never one statement per row.

Adding a column: a migration, one line in the table's columns below and its value in the rows;
`entities` is merged from its declaration (`warehouse.merge`), the other tables are inserted
`BY NAME`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import duckdb

from config.knowledge import Entity
from records.facts import ArticleFacts, Candidate, Mention
from records.ids import stable_id
from warehouse.batch import Columns, rows_table, to_json, values_table
from warehouse.db import transaction
from warehouse.merge import Table, merge

# Column types of each batch; rows travel as one JSON parameter (warehouse.batch, bench.facts).
_ENTITY: Columns = {
    "entity_id": "VARCHAR", "name": "VARCHAR", "entity_type": "VARCHAR",
    "name_zh_hans": "VARCHAR", "name_zh_hant": "VARCHAR", "aliases": ["VARCHAR"],
    "status": "VARCHAR", "description": "VARCHAR",
}  # fmt: skip
_MENTION: Columns = {
    "mention_id": "VARCHAR", "article_id": "VARCHAR", "entity_id": "VARCHAR",
    "surface": "VARCHAR", "field": "VARCHAR", "start_offset": "INTEGER", "end_offset": "INTEGER",
    "status": "VARCHAR", "review_reason": "VARCHAR", "role": "VARCHAR",
}  # fmt: skip
_FIGURE: Columns = {
    "figure_id": "VARCHAR", "article_id": "VARCHAR", "subject": "VARCHAR", "value": "DOUBLE",
    "unit": "VARCHAR", "currency": "VARCHAR", "qualifier": "VARCHAR", "as_of": "DATE",
    "sentence": "VARCHAR", "start_offset": "INTEGER", "source": "VARCHAR", "measure": "VARCHAR",
}  # fmt: skip
_AGREEMENT: Columns = {
    "agreement_id": "VARCHAR", "event_id": "VARCHAR", "article_id": "VARCHAR",
    "signed_on": "DATE", "agreement_count": "INTEGER", "kind": "VARCHAR",
    "fields": ["VARCHAR"], "parties": ["VARCHAR"], "sentence": "VARCHAR", "status": "VARCHAR",
    "planned_on": "DATE",
}  # fmt: skip


# Known entities are refreshed from the configuration (the last of an id wins); candidates are only
# ever inserted, never overwriting a row (a known entity, or a candidate a reviewer edited).
ENTITIES = Table(name="entities", columns=_ENTITY, key=("entity_id",))
CANDIDATES = replace(ENTITIES, insert_only=True)


@dataclass(frozen=True)
class StoredFacts:
    articles: int
    known_entities: int
    candidates: int
    mentions: int
    figures: int
    agreements: int


def candidate_id(candidate: Candidate) -> str:
    """Candidates get their own id space: a proposal never lands on a known entity's row."""
    return "candidate:" + stable_id(
        candidate.entity_type, " ".join(candidate.name.split()).casefold()
    )


def store_facts(
    con: duckdb.DuckDBPyConnection,
    batch: Sequence[tuple[str, ArticleFacts]],
    entities: Sequence[Entity],
) -> StoredFacts:
    """Replace the facts of every (article_id, facts) in the batch, in one transaction.

    Known entities are refreshed from the configured ones (`entities`); candidates are added with
    status 'candidate' and never overwrite an existing row (a reviewer may have edited it).
    """
    article_ids = sorted({article_id for article_id, _ in batch})
    known = _known_rows(entities)
    candidates: dict[str, dict[str, Any]] = {}
    mentions: dict[str, dict[str, Any]] = {}
    figures: dict[str, dict[str, Any]] = {}
    agreements: dict[str, dict[str, Any]] = {}
    for article_id, facts in batch:
        for m in facts.mentions:
            _mention(mentions, article_id, m.entity_id, m, m.status, m.review_reason)
        for c in facts.candidates:
            entity_id = candidate_id(c)
            candidates.setdefault(entity_id, _candidate_row(entity_id, c))
            _mention(mentions, article_id, entity_id, c, "accepted", None)
        for f in facts.figures:
            figure_id = stable_id("figure", article_id, f.start, f.unit, f.subject, f.value)
            figures[figure_id] = {
                "figure_id": figure_id, "article_id": article_id, "subject": f.subject,
                "value": f.value, "unit": f.unit, "currency": f.currency,
                "qualifier": f.qualifier, "as_of": f.as_of, "sentence": f.sentence,
                "start_offset": f.start, "source": f.source, "measure": f.measure,
            }  # fmt: skip
        for index, g in enumerate(facts.agreements):
            agreement_id = stable_id("agreement", article_id, index, g.sentence)
            agreements[agreement_id] = {
                "agreement_id": agreement_id, "event_id": None, "article_id": article_id,
                "signed_on": g.signed_on, "agreement_count": g.count, "kind": g.kind,
                "fields": list(g.fields), "parties": list(g.parties), "sentence": g.sentence,
                "status": g.status, "planned_on": g.planned_on,
            }  # fmt: skip
    with transaction(con):
        merge(con, ENTITIES, known)
        merge(con, CANDIDATES, candidates.values())
        for table in ("mentions", "figures", "agreements"):
            con.execute(
                f"DELETE FROM {table} WHERE article_id IN ({values_table()})",
                [to_json(article_ids)],
            )
        _insert(con, "mentions", _MENTION, list(mentions.values()))
        _insert(con, "figures", _FIGURE, list(figures.values()))
        _insert(con, "agreements", _AGREEMENT, list(agreements.values()))
    return StoredFacts(
        articles=len(article_ids),
        known_entities=len(known),
        candidates=len(candidates),
        mentions=len(mentions),
        figures=len(figures),
        agreements=len(agreements),
    )


def _mention(
    rows: dict[str, dict[str, Any]],
    article_id: str,
    entity_id: str,
    found: Mention | Candidate,
    status: str,
    review_reason: str | None,
) -> None:
    """One mention row; a candidate's mention is accepted (it names the candidate itself)."""
    mention_id = stable_id("mention", article_id, found.field, found.start, found.end, entity_id)
    rows[mention_id] = {
        "mention_id": mention_id, "article_id": article_id, "entity_id": entity_id,
        "surface": found.surface, "field": found.field, "start_offset": found.start,
        "end_offset": found.end, "status": status, "review_reason": review_reason,
        "role": found.role,
    }  # fmt: skip


def _known_rows(entities: Sequence[Entity]) -> list[dict[str, Any]]:
    return [
        {
            "entity_id": e.entity_id,
            "name": e.name,
            "entity_type": e.entity_type,
            "name_zh_hans": e.name_zh_hans,
            "name_zh_hant": e.name_zh_hant,
            # names people use; "在[杭]" is a matching rule (杭 after 在), not a name
            "aliases": [a for a in dict.fromkeys([*e.aliases, *e.weak_aliases]) if "[" not in a],
            "status": "known",
            "description": e.description,
        }
        for e in entities
    ]


def _candidate_row(entity_id: str, c: Candidate) -> dict[str, Any]:
    return {
        "entity_id": entity_id, "name": " ".join(c.name.split()),
        "entity_type": c.entity_type or "unknown", "name_zh_hans": None, "name_zh_hant": None,
        "aliases": [], "status": "candidate", "description": None,
    }  # fmt: skip


def _insert(
    con: duckdb.DuckDBPyConnection, table: str, columns: Columns, rows: list[dict[str, Any]]
) -> None:
    if rows:
        con.execute(f"INSERT INTO {table} BY NAME {rows_table(columns)}", [to_json(rows)])
