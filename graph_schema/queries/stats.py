"""Counts for /healthz and `matchmaker stats`."""

from __future__ import annotations

from graph_schema import model as m

COUNTED_LABELS: tuple[str, ...] = (
    m.MEMBER, m.ORGANISATION, m.SIG, m.COI, m.TASK_GROUP, m.COMMITTEE, m.PARTNER, m.NETWORK,
    m.KTP, m.CALL, m.IDEA, m.THEME, m.SKILL, m.OUTPUT, m.SUGGESTION,
)  # fmt: skip


def _count(label: str) -> str:
    # Aggregating before naming the label gives a row even when no node has it.
    return f"MATCH (n:{label}) WITH count(n) AS count RETURN '{label}' AS label, count"


def _embedded(label: str) -> str:
    return (
        f"MATCH (n:{label}) WITH count(n) AS total, count(n.{m.EMBEDDING}) AS embedded "
        f"RETURN '{label}' AS label, total, embedded"
    )


COUNTS_BY_LABEL = " UNION ALL ".join(_count(label) for label in COUNTED_LABELS)

EMBEDDING_COVERAGE = " UNION ALL ".join(_embedded(label) for label in m.EMBEDDED_LABELS)

RELATIONSHIP_COUNT = "MATCH ()-[r]->() RETURN count(r) AS count"
