"""Versioned, idempotent schema migrations.

Each migration is a numbered list of statements built from the constants in graph_schema.model.
What was applied is recorded as (:SchemaMigration {id, name, applied_at}) nodes, so running the
migrations twice applies nothing twice; every statement also uses IF NOT EXISTS so a half-applied
migration can be re-run safely.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph_schema import model as m
from graph_schema.queries.api_nodes import ORDER, PAGED_LABELS


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: Callable[[int], tuple[str, ...]]  # vector dimension -> statements


def _constraints(_: int) -> tuple[str, ...]:
    return tuple(
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in (*m.ID_LABELS, m.MIGRATION)
    )


def _fulltext(_: int) -> tuple[str, ...]:
    statements = []
    for name, (label, props) in m.FULLTEXT_INDEXES.items():
        fields = ", ".join(f"n.{p}" for p in props)
        statements.append(
            f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR (n:{label}) ON EACH [{fields}]"
        )
    return tuple(statements)


def _vector(dimension: int) -> tuple[str, ...]:
    return tuple(
        f"CREATE VECTOR INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{m.EMBEDDING}) "
        f"OPTIONS {{indexConfig: {{`vector.dimensions`: {int(dimension)}, "
        f"`vector.similarity_function`: 'cosine'}}}}"
        for label, name in m.VECTOR_INDEXES.items()
    )


def _lookup_indexes(_: int) -> tuple[str, ...]:
    return (
        f"CREATE INDEX member_region IF NOT EXISTS FOR (n:{m.MEMBER}) ON (n.region)",
        f"CREATE INDEX member_stage IF NOT EXISTS FOR (n:{m.MEMBER}) ON (n.career_stage)",
        f"CREATE INDEX organisation_sector IF NOT EXISTS FOR (n:{m.ORGANISATION}) ON (n.sector)",
        f"CREATE INDEX output_hash IF NOT EXISTS FOR (n:{m.OUTPUT}) ON (n.{m.EMBEDDING_HASH})",
        f"CREATE INDEX audit_at IF NOT EXISTS FOR (n:{m.AUDIT}) ON (n.at)",
        f"CREATE INDEX suggestion_target IF NOT EXISTS FOR (n:{m.SUGGESTION}) ON (n.target_id)",
    )


def _shown_marks(_: int) -> tuple[str, ...]:
    return (
        f"CREATE CONSTRAINT suggestion_shown IF NOT EXISTS FOR (n:{m.SUGGESTION}) "
        f"REQUIRE n.{m.SHOWN_KEY} IS UNIQUE",
    )


def _group_lifecycle(_: int) -> tuple[str, ...]:
    # Groups saved before the lifecycle read as active, their memberships as accepted.
    return (f"MATCH (g:{m.TASK_GROUP}) WHERE g.status IS NULL SET g.status = 'active'",)


def _outbox(_: int) -> tuple[str, ...]:
    # Unique ids for notices and introductions; the sender looks for due notices by status.
    return (
        f"CREATE CONSTRAINT notice_id IF NOT EXISTS FOR (n:{m.NOTICE}) REQUIRE n.id IS UNIQUE",
        f"CREATE CONSTRAINT introduction_id IF NOT EXISTS FOR (n:{m.INTRODUCTION}) "
        "REQUIRE n.id IS UNIQUE",
        f"CREATE INDEX notice_status IF NOT EXISTS FOR (n:{m.NOTICE}) ON (n.status)",
        f"CREATE INDEX notice_created IF NOT EXISTS FOR (n:{m.NOTICE}) ON (n.created)",
    )


def _page_order(_: int) -> tuple[str, ...]:
    # Range indexes on each paged label's order key: a page walks the index in order and
    # stops after the page, where it sorted every visible node before.
    return tuple(
        f"CREATE INDEX {label.lower()}_order IF NOT EXISTS "
        f"FOR (n:{label}) ON (n.{ORDER.get(label, 'name')})"
        for label in PAGED_LABELS
    )


def _retire_unread_indexes(_: int) -> tuple[str, ...]:
    # Vector and full-text indexes on ideas, calls, groups and organisation names that no
    # query reads, while every write to those labels paid to keep them up to date.
    return tuple(f"DROP INDEX {name} IF EXISTS" for name in m.RETIRED_INDEXES)


def _hidden_members(_: int) -> tuple[str, ...]:
    # Members hidden from other members, found by an index seek: a members page counts its
    # total as every member less these, where it read every member's consent flag.
    return (
        f"CREATE INDEX member_hidden IF NOT EXISTS FOR (n:{m.MEMBER}) ON (n.visible_to_members)",
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "uniqueness constraints on every id", _constraints),
    Migration(2, "full-text indexes on names and texts", _fulltext),
    Migration(3, "cosine vector indexes on embedded labels", _vector),
    Migration(4, "lookup indexes for filters and feedback", _lookup_indexes),
    Migration(5, "one shown mark per target and member", _shown_marks),
    Migration(6, "task groups saved before the lifecycle are active", _group_lifecycle),
    Migration(7, "the e-mail outbox and introductions", _outbox),
    Migration(8, "range indexes on the keys pages are ordered by", _page_order),
    Migration(9, "drop the vector and full-text indexes no query reads", _retire_unread_indexes),
    Migration(10, "a range index on members' consent to be seen by members", _hidden_members),
)

LATEST_VERSION = MIGRATIONS[-1].version

APPLIED_VERSIONS = f"MATCH (s:{m.MIGRATION}) RETURN s.id AS version ORDER BY version"

RECORD_MIGRATION = (
    f"MERGE (s:{m.MIGRATION} {{id: $version}}) "
    "ON CREATE SET s.name = $name, s.applied_at = datetime()"
)

SCHEMA_VERSION = f"MATCH (s:{m.MIGRATION}) RETURN max(s.id) AS version"

VECTOR_INDEX_DIMENSIONS = (
    "SHOW INDEXES YIELD name, type, options WHERE type = 'VECTOR' "
    "RETURN name, options.indexConfig['vector.dimensions'] AS dimension"
)

AWAIT_INDEXES = "CALL db.awaitIndexes(300)"
