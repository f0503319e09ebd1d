"""Introductions (a member or partner asks to meet a member) and answers to idea invitations.

`label` arguments are m.MEMBER or m.PARTNER, chosen by the services from the viewer's role."""

from __future__ import annotations

from graph_schema import model as m


def create(label: str) -> str:
    """A pending request by ($requester_id: `label`) to meet $member_id, about $idea_id if
    that is not null."""
    return (
        f"MATCH (who:{label} {{id: $requester_id}}), (to:{m.MEMBER} {{id: $member_id}}) "
        f"CREATE (x:{m.INTRODUCTION} {{id: $id, status: 'pending', topic: $topic, "
        "message: $message, contact_email: $contact_email, requester_kind: $requester_kind, "
        f"created: datetime()}}), (x)-[:{m.REQUESTED_BY}]->(who), (x)-[:{m.INTRODUCES}]->(to) "
        f"WITH x OPTIONAL MATCH (i:{m.IDEA} {{id: $idea_id}}) "
        f"FOREACH (_ IN CASE WHEN i IS NULL THEN [] ELSE [1] END | CREATE (x)-[:{m.ABOUT}]->(i)) "
        "RETURN x.id AS id"
    )


def requester_state(label: str) -> str:
    """How many requests the requester made in the last 24 hours, and the statuses of their
    requests to $member_id."""
    mine = f"(x:{m.INTRODUCTION})-[:{m.REQUESTED_BY}]->(:{label} {{id: $requester_id}})"
    return (
        f"OPTIONAL MATCH {mine} WHERE x.created > datetime() - duration('P1D') "
        "WITH count(x) AS last_day "
        f"OPTIONAL MATCH {mine.replace('(x:', '(p:')}, "
        f"(p)-[:{m.INTRODUCES}]->(:{m.MEMBER} {{id: $member_id}}) "
        "RETURN last_day, collect(p.status) AS previous"
    )


_ROW = (
    "RETURN x.id AS id, x.status AS status, x.topic AS topic, x.message AS message, "
    "toString(x.created) AS created, x.requester_kind AS requester_kind, "
    "who.id AS requester_id, who.name AS requester_name, "
    "coalesce(x.contact_email, who.email) AS requester_email, "
    "to.id AS member_id, to.name AS member_name, to.email AS member_email, "
    "i.id AS idea_id, i.title AS idea_title ORDER BY x.created DESC"
)
_ENDS = (
    f"MATCH (x)-[:{m.REQUESTED_BY}]->(who), (x)-[:{m.INTRODUCES}]->(to:{m.MEMBER}) "
    f"OPTIONAL MATCH (x)-[:{m.ABOUT}]->(i:{m.IDEA}) "
)

TO_MEMBER = (
    f"MATCH (x:{m.INTRODUCTION})-[:{m.INTRODUCES}]->(:{m.MEMBER} {{id: $member_id}}) {_ENDS}{_ROW}"
)


def by_requester(label: str) -> str:
    return (
        f"MATCH (x:{m.INTRODUCTION})-[:{m.REQUESTED_BY}]->(:{label} {{id: $requester_id}}) "
        f"{_ENDS}{_ROW}"
    )


ONE = f"MATCH (x:{m.INTRODUCTION} {{id: $id}}) {_ENDS}{_ROW}"

# Only a pending request changes; no row back means it was answered meanwhile.
DECIDE = (
    f"MATCH (x:{m.INTRODUCTION} {{id: $id}})-[:{m.INTRODUCES}]->(:{m.MEMBER} {{id: $member_id}}) "
    "SET x.decide_lock = true "
    "WITH x, x.status = 'pending' AS open REMOVE x.decide_lock "
    "WITH x WHERE open "
    "SET x.status = $status, x.decided_at = datetime() "
    "RETURN x.id AS id"
)


def introduced(label: str) -> str:
    """Which of $ids are members the viewer ($viewer: `label`) was introduced to, either way
    round, by an accepted introduction."""
    asked = (
        f"MATCH (x:{m.INTRODUCTION} {{status: 'accepted'}})-[:{m.REQUESTED_BY}]->"
        f"(:{label} {{id: $viewer}}), (x)-[:{m.INTRODUCES}]->(to:{m.MEMBER}) "
        "WHERE to.id IN $ids RETURN to.id AS id"
    )
    if label != m.MEMBER:
        return asked
    return (
        f"{asked} UNION "
        f"MATCH (x:{m.INTRODUCTION} {{status: 'accepted'}})-[:{m.INTRODUCES}]->"
        f"(:{m.MEMBER} {{id: $viewer}}), (x)-[:{m.REQUESTED_BY}]->(from:{m.MEMBER}) "
        "WHERE from.id IN $ids RETURN from.id AS id"
    )


# Invitations to ideas: (Member)-[:INVITED_TO {by, at, status}]->(Idea), status pending when
# missing (invitations written before answers existed).
INVITATION_STATUS = (
    f"MATCH (:{m.MEMBER} {{id: $member_id}})-[r:{m.INVITED_TO}]->(:{m.IDEA} {{id: $idea_id}}) "
    "RETURN coalesce(r.status, 'pending') AS status"
)

# Accepting joins the idea's interested members, the team its submitter builds from.
ANSWER_INVITATION = (
    f"MATCH (w:{m.MEMBER} {{id: $member_id}})-[r:{m.INVITED_TO}]->(i:{m.IDEA} {{id: $idea_id}}) "
    "SET r.answer_lock = true "
    "WITH w, r, i, coalesce(r.status, 'pending') = 'pending' AS open REMOVE r.answer_lock "
    "WITH w, r, i WHERE open "
    "SET r.status = $status, r.answered_at = datetime() "
    "FOREACH (_ IN CASE WHEN $status = 'accepted' THEN [1] ELSE [] END | "
    f"MERGE (w)-[x:{m.INTERESTED_IN}]->(i) ON CREATE SET x.at = datetime()) "
    "RETURN i.id AS id"
)

MY_INVITATIONS = (
    f"MATCH (:{m.MEMBER} {{id: $member_id}})-[r:{m.INVITED_TO}]->(i:{m.IDEA}) "
    f"OPTIONAL MATCH (i)-[:{m.SUBMITTED_BY}]->(by:{m.MEMBER}) "
    "RETURN i.id AS idea_id, i.title AS idea_title, coalesce(r.status, 'pending') AS status, "
    "toString(r.at) AS at, by.name AS invited_by ORDER BY r.at DESC"
)

IDEA_INVITATIONS = (
    f"MATCH (w:{m.MEMBER})-[r:{m.INVITED_TO}]->(:{m.IDEA} {{id: $idea_id}}) "
    "RETURN w.id AS member_id, coalesce(r.status, 'pending') AS status, toString(r.at) AS at "
    "ORDER BY r.at"
)
