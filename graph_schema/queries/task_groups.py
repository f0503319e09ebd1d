"""The life of a Task-and-Finish group: its state, seats and invitations.

A seat is a membership, (Member)-[:MEMBER_OF {role}]->(TaskGroup), once the member accepted and
the group was active (every membership saved before the lifecycle existed reads as such), or a
proposal, (Member)-[:PROPOSED_FOR {invitation, role, since, changed}]->(TaskGroup), until then
(and for good when declined). A group's `status` is draft | invitations_sent | active | closed;
a missing one reads as active. The rules live in matchmaker.domain.group_lifecycle.
"""

from __future__ import annotations

from graph_schema import model as m

_TG = m.TASK_GROUP
_SEATS = (
    f"[(a:{m.MEMBER})-[r:{m.MEMBER_OF}]->(g) | {{member_id: a.id, invitation: 'accepted', "
    "role: coalesce(r.role, 'member'), joined: true}] + "
    f"[(a:{m.MEMBER})-[r:{m.PROPOSED_FOR}]->(g) | {{member_id: a.id, invitation: r.invitation, "
    "role: coalesce(r.role, 'member'), joined: false}] AS seats"
)
_FIELDS = (
    "g.id AS id, coalesce(g.status, 'active') AS state, "
    "coalesce(g.minimum_accepted, 3) AS minimum, g.name AS name, "
    "coalesce(g.description, '') AS remit, toString(g.created) AS created, "
    f"[(g)-[:{m.ADDRESSES}]->(t:{m.THEME}) | t.id] AS theme_ids, "
)

READ = f"MATCH (g:{_TG} {{id: $id}}) RETURN {_FIELDS}{_SEATS}"

# Taken first in every change: the write lock on the group node serialises changes to one
# group, so each is decided on the seats as they are.
LOCK = (
    f"MATCH (g:{_TG} {{id: $id}}) SET g.revision = coalesce(g.revision, 0) + 1 "
    f"RETURN {_FIELDS}{_SEATS}"
)

CREATE = (
    f"CREATE (g:{m.GROUP}:{_TG} {{id: $id, kind: '{_TG}', status: $state, created: $created, "
    "minimum_accepted: $minimum, revision: 0}) SET g += $changes RETURN g.id AS id"
)

# `$changes` holds only name and description (the service's fixed list).
SET_GROUP = (
    f"MATCH (g:{_TG} {{id: $id}}) SET g.status = $state, g.minimum_accepted = $minimum "
    f"SET g += $changes REMOVE g.{m.IMPORT_FINGERPRINT}"
)

PUT_PROPOSALS = (
    f"MATCH (g:{_TG} {{id: $group_id}}) UNWIND $seats AS s "
    f"MATCH (a:{m.MEMBER} {{id: s.member_id}}) "
    f"OPTIONAL MATCH (a)-[old:{m.MEMBER_OF}]->(g) DELETE old "
    f"WITH DISTINCT g, a, s MERGE (a)-[r:{m.PROPOSED_FOR}]->(g) "
    "ON CREATE SET r.since = datetime() "
    "SET r.invitation = s.invitation, r.role = s.role, r.changed = datetime()"
)

PUT_MEMBERSHIPS = (
    f"MATCH (g:{_TG} {{id: $group_id}}) UNWIND $seats AS s "
    f"MATCH (a:{m.MEMBER} {{id: s.member_id}}) "
    f"OPTIONAL MATCH (a)-[old:{m.PROPOSED_FOR}]->(g) DELETE old "
    f"WITH DISTINCT g, a, s MERGE (a)-[r:{m.MEMBER_OF}]->(g) "
    f"SET r.role = s.role REMOVE r.{m.IMPORT_FINGERPRINT}"
)

DROP_SEATS = (
    f"MATCH (a:{m.MEMBER})-[r:{m.MEMBER_OF}|{m.PROPOSED_FOR}]->(g:{_TG} {{id: $group_id}}) "
    "WHERE a.id IN $member_ids DELETE r"
)

# A member's own invitations to groups that are asking (or have begun): never another's.
MY_INVITATIONS = (
    f"MATCH (:{m.MEMBER} {{id: $member_id}})-[r:{m.PROPOSED_FOR}]->(g:{_TG}) "
    "WHERE r.invitation IN ['invited', 'accepted', 'declined'] "
    "AND g.status IN ['invitations_sent', 'active'] "
    "RETURN g.id AS group_id, g.name AS name, coalesce(g.description, '') AS remit, "
    "r.invitation AS invitation, r.role AS role, toString(r.changed) AS changed "
    "ORDER BY r.changed DESC, g.id"
)

# Members whose name holds the text, for staff adding someone to a group.
MEMBERS_NAMED = (
    f"MATCH (n:{m.MEMBER}) WHERE toLower(n.name) CONTAINS toLower($text) "
    "RETURN n.id AS id ORDER BY n.name, n.id LIMIT $limit"
)
