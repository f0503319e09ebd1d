"""Use cases: a member updates their own profile and their consent. Both are audited."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from embeddings import Embedder
from graph_schema import model as m
from graph_schema.queries import api_writes as q
from matchmaker.adapters import reads
from matchmaker.adapters.audit import AuditEntry, write_audited
from matchmaker.adapters.graph import Graph
from matchmaker.auth.roles import Viewer
from matchmaker.domain.model import Member
from matchmaker.errors import NotFound, PermissionDenied
from matchmaker.services.embedding import embed_nodes
from matchmaker.services.validation import Checks


@dataclass(frozen=True)
class ProfileChanges:
    """The fields a member may change; None leaves a field as it is."""

    name: str | None = None
    discipline: str | None = None
    expertise_statement: str | None = None
    availability_hours: int | None = None
    max_groups: int | None = None


@dataclass(frozen=True)
class ConsentChanges:
    open_to_matching: bool | None = None
    visible_to_members: bool | None = None
    visible_to_partners: bool | None = None


def _check_profile(changes: ProfileChanges) -> None:
    checks = Checks()
    checks.text("name", changes.name, 2, 120)
    checks.text("discipline", changes.discipline, 2, 120)
    checks.text("expertiseStatement", changes.expertise_statement, 0, 4000)
    checks.number("availabilityHours", changes.availability_hours, 0, 160)
    checks.number("maxGroups", changes.max_groups, 0, 10)
    checks.done()


def _set(changes: object) -> dict[str, object]:
    values = asdict(changes)  # type: ignore[call-overload]
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items() if v is not None}


def _member_of(graph: Graph, viewer: Viewer) -> str:
    if viewer.member_id is None:
        raise PermissionDenied("Only a signed-in member has a profile to change.")
    return viewer.member_id


def _save(
    graph: Graph, viewer: Viewer, action: str, values: dict[str, object], detail: str
) -> Member:
    member_id = _member_of(graph, viewer)
    entry = AuditEntry(viewer.id, viewer.audience, action, member_id, detail)
    write_audited(graph, entry, [(q.SET_MEMBER, {"id": member_id, "changes": values})])
    member = reads.one(graph, m.MEMBER, member_id, viewer)
    if member is None:
        raise NotFound("member", member_id)
    return member  # type: ignore[no-any-return]


def update_profile(
    graph: Graph, embedder: Embedder, viewer: Viewer, changes: ProfileChanges
) -> Member:
    """Change the viewer's own profile, re-embedding a changed expertise statement.

    Raises InvalidFields, PermissionDenied (not a member), NotFound, Neo4jUnavailable.
    """
    _check_profile(changes)
    values = _set(changes)
    member = _save(graph, viewer, "updateMyProfile", values, "changed " + ", ".join(sorted(values)))
    if changes.expertise_statement is not None:
        embed_nodes(graph, embedder, m.MEMBER, [member.id])
    return member


def set_consent(graph: Graph, viewer: Viewer, changes: ConsentChanges) -> Member:
    """Change the viewer's own consent flags; raises PermissionDenied, NotFound."""
    values = _set(changes)
    detail = ", ".join(f"{k}={str(v).lower()}" for k, v in sorted(values.items()))
    return _save(graph, viewer, "setMyConsent", values, detail)
