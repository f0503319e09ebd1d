"""What a suggestion is for, and how candidates connect to the proposer, from the graph.

Every function raises Neo4jUnavailable when the graph cannot be reached.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from graph_schema import model as m
from graph_schema.queries import suggestions as q
from matchmaker.adapters.graph import Graph, Record
from matchmaker.errors import NotFound

# Labels a path node may carry, most specific first (Group nodes also carry SIG, CoI, ...).
_NODE_KINDS: tuple[str, ...] = (
    m.MEMBER, m.ORGANISATION, m.SIG, m.COI, m.TASK_GROUP, m.COMMITTEE, m.GROUP,
)  # fmt: skip


@dataclass(frozen=True)
class Target:
    kind: str  # idea | call | task_group | text
    id: str
    title: str
    text: str  # the text matched against (title and body)
    skills: tuple[str, ...] = ()  # required skills stated on the node
    proposer_id: str | None = None
    proposer_region: str | None = None
    call_id: str = ""


@dataclass(frozen=True)
class PathNode:
    id: str
    kind: str  # Member | Organisation | SIG | CoI | TaskGroup | Committee
    name: str


@dataclass(frozen=True)
class GraphPath:
    """A chain from the proposer to a member: nodes[0] is the proposer."""

    nodes: tuple[PathNode, ...]
    relationships: tuple[str, ...]  # types between consecutive nodes

    @property
    def hops(self) -> int:
        return len(self.relationships)


def _text(title: str, body: str) -> str:
    title, body = title.strip(), body.strip()
    if not title or not body:
        return title or body
    return f"{title}. {body}" if not title.endswith((".", "?", "!")) else f"{title} {body}"


def read_target(graph: Graph, kind: str, target_id: str) -> Target:
    """The idea, call or task group `target_id`; raises NotFound when there is none and
    ValueError for another kind."""
    if kind not in q.TARGETS:
        raise ValueError(f"target kind must be one of {list(q.TARGETS)}, got {kind!r}")
    rows = graph.read(q.TARGETS[kind], id=target_id)
    if not rows:
        raise NotFound(kind.replace("_", " "), target_id)
    row = rows[0]
    return Target(
        kind=kind,
        id=row["id"],
        title=row["title"] or "",
        text=_text(row["title"] or "", row["text"] or ""),
        skills=tuple(s for s in row["skills"] if isinstance(s, str) and s.strip()),
        proposer_id=row["proposer_id"],
        proposer_region=row["region"],
        call_id=row["call_id"] or "",
    )


def _node(data: Record) -> PathNode:
    labels = set(data["labels"])
    kind = next((k for k in _NODE_KINDS if k in labels), sorted(labels)[0] if labels else "")
    return PathNode(str(data["id"]), kind, str(data["name"]))


def paths_to(
    graph: Graph, proposer_id: str, member_ids: Iterable[str], members_only: bool = True
) -> dict[str, GraphPath]:
    """The shortest path (at most 4 hops over collaborations, shared groups and employers)
    from the proposer to each member; members with no such path are left out. No path
    passes through a member who opted out of matching, nor, with `members_only` (a member
    asks), through one who is not visible to members."""
    ids = sorted(set(member_ids) - {proposer_id})
    if not ids:
        return {}
    rows = graph.read(q.PATHS_TO_PROPOSER, proposer=proposer_id, ids=ids, members_only=members_only)
    return {
        row["id"]: GraphPath(tuple(_node(n) for n in row["nodes"]), tuple(row["rels"]))
        for row in rows
        if row["nodes"]
    }


def _latest(rows: Sequence[Sequence[str]]) -> list[tuple[str, str, str]]:
    """(candidate id, target id, decision) of the first row of each candidate and target,
    from rows latest first."""
    seen: set[tuple[str, str]] = set()
    latest = []
    for candidate, target, decision in rows:
        if (candidate, target) not in seen:
            seen.add((candidate, target))
            latest.append((str(candidate), str(target), str(decision)))
    return latest


def declined_for(
    graph: Graph, target_id: str, scope: Sequence[str], kind: str = "member"
) -> frozenset[str]:
    """Candidates whose latest decision for this target, among the decisions recorded by
    `scope` (ids), is a decline."""
    rows = graph.read(q.DECLINED_FOR, target=target_id, kind=kind, by=list(scope))
    return frozenset(r["id"] for r in rows)


def decisions(
    graph: Graph, candidate_ids: Sequence[str], target_id: str, scope: Sequence[str]
) -> tuple[list[tuple[str, str, str]], frozenset[str]]:
    """Each candidate's latest decision per target, as (candidate id, target id, decision),
    and who declined this target (as declined_for); decisions recorded by `scope` (ids)."""
    rows = graph.read(
        q.DECISIONS_ABOUT, ids=list(candidate_ids), target=target_id, kind="member", by=list(scope)
    )
    row = rows[0]
    return _latest(row["history"]), frozenset(str(i) for i in row["declined"])
