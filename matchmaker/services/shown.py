"""Use case: record that a suggested team was shown, through a mutation, from a signed slip.

suggestTeam is a read: it answers with a `shown_token`, a slip signed with the service's
secret that names the viewer, the target and the members it showed. The app passes it to
the recordTeamShown mutation once the team is on screen, and only then are the "shown" marks
written (services.feedback.record_shown). A slip cannot be made up or edited, so no one can
mark people as shown who were not suggested to them; it is good for SLIP_TTL_S seconds and
only for the viewer it was issued to.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import jwt

from matchmaker.adapters.graph import Graph
from matchmaker.adapters.suggestions import write_shown
from matchmaker.auth.roles import Viewer
from matchmaker.auth.tokens import ALGORITHM
from matchmaker.errors import InvalidInput
from matchmaker.services.team_report import TeamResult

SLIP_TTL_S = 3600
AUDIENCE = "matchmaker-shown"


def shown_slip(result: TeamResult, viewer: Viewer, secret: str, now: float | None = None) -> str:
    """The signed slip for a team answered to `viewer`."""
    issued = int(time.time() if now is None else now)
    payload = {
        "sub": viewer.id, "aud": AUDIENCE, "exp": issued + SLIP_TTL_S,
        "tgt": result.target.id, "kind": result.target.kind,
        "mem": [m.member_id for m in result.members],
    }  # fmt: skip
    return jwt.encode(payload, secret, algorithm=ALGORITHM)


def record_team_shown(graph: Graph, viewer: Viewer, slip: str, secret: str) -> int:
    """Write the shown marks a slip names; how many members were marked. Raises InvalidInput
    for a slip that is not valid, expired or issued to someone else; Neo4jUnavailable."""
    try:
        claims = jwt.decode(
            slip, secret, algorithms=[ALGORITHM], audience=AUDIENCE,
            options={"require": ["sub", "exp", "aud"]},
        )  # fmt: skip
    except jwt.PyJWTError as e:
        raise InvalidInput("shownToken", "not a slip this service issued, or expired") from e
    if claims["sub"] != viewer.id:
        raise InvalidInput("shownToken", "not a slip this service issued, or expired")
    at = datetime.now(UTC).isoformat()
    members = [str(m) for m in claims["mem"]]
    return write_shown(graph, str(claims["tgt"]), str(claims["kind"]), members, viewer.id, at)
