"""The API's writes. Each runs in one transaction with its AuditEvent (api_audit.RECORD).

Property names in `$changes` maps come from the services' fixed lists, never from input.
A write that changes what an import wrote (a node's fields or links, a membership's role)
removes the import fingerprint there, so a later import of the same row writes it again
instead of taking it as unchanged (matchmaker.importing.fingerprint).
"""

from __future__ import annotations

from graph_schema import model as m

SET_MEMBER = (
    f"MATCH (n:{m.MEMBER} {{id: $id}}) SET n += $changes "
    f"REMOVE n.{m.IMPORT_FINGERPRINT} RETURN n.id AS id"
)

CREATE_IDEA = (
    f"MATCH (a:{m.MEMBER} {{id: $member_id}}) "
    f"CREATE (n:{m.IDEA} {{id: $id, created: $created}})-[:{m.SUBMITTED_BY}]->(a) "
    "SET n += $changes RETURN n.id AS id"
)

SET_IDEA = (
    f"MATCH (n:{m.IDEA} {{id: $id}}) SET n += $changes "
    f"REMOVE n.{m.IMPORT_FINGERPRINT} RETURN n.id AS id"
)

SET_IDEA_CALL = (
    f"MATCH (n:{m.IDEA} {{id: $id}}) OPTIONAL MATCH (n)-[r:{m.RESPONDS_TO}]->() DELETE r "
    f"WITH DISTINCT n REMOVE n.{m.IMPORT_FINGERPRINT} "
    f"WITH n MATCH (c:{m.CALL} {{id: $call_id}}) MERGE (n)-[:{m.RESPONDS_TO}]->(c)"
)

CLEAR_IDEA_CALL = (
    f"MATCH (n:{m.IDEA} {{id: $id}})-[r:{m.RESPONDS_TO}]->() DELETE r "
    f"REMOVE n.{m.IMPORT_FINGERPRINT}"
)


def set_themes(label: str) -> str:
    """Replace the ADDRESSES edges of the `label` node $id with edges to $theme_ids."""
    return (
        f"MATCH (n:{label} {{id: $id}}) OPTIONAL MATCH (n)-[r:{m.ADDRESSES}]->(:{m.THEME}) "
        f"DELETE r WITH DISTINCT n REMOVE n.{m.IMPORT_FINGERPRINT} WITH n UNWIND $theme_ids AS tid "
        f"MATCH (t:{m.THEME} {{id: tid}}) MERGE (n)-[:{m.ADDRESSES}]->(t)"
    )


def express_interest(label: str) -> str:
    """`label` is Member or Partner: (who)-[:INTERESTED_IN {at}]->(idea), once."""
    return (
        f"MATCH (w:{label} {{id: $who}}), (i:{m.IDEA} {{id: $idea_id}}) "
        f"MERGE (w)-[r:{m.INTERESTED_IN}]->(i) ON CREATE SET r.at = datetime() "
        "RETURN i.id AS id"
    )


INVITE = (
    f"MATCH (w:{m.MEMBER} {{id: $member_id}}), (i:{m.IDEA} {{id: $idea_id}}) "
    f"MERGE (w)-[r:{m.INVITED_TO}]->(i) "
    "ON CREATE SET r.by = $by, r.at = datetime(), r.status = 'pending' "
    "RETURN i.id AS id"
)

UNINVITE = (
    f"MATCH (:{m.MEMBER} {{id: $member_id}})-[r:{m.INVITED_TO}]->(i:{m.IDEA} {{id: $idea_id}}) "
    # A declined invitation stays: the decline is final, so it cannot be sent again.
    "WHERE coalesce(r.status, 'pending') <> 'declined' "
    "DELETE r RETURN i.id AS id"
)

ADD_GROUP_MEMBER = (
    f"MATCH (a:{m.MEMBER} {{id: $member_id}}), (g:{m.GROUP} {{id: $group_id}}) "
    f"MERGE (a)-[r:{m.MEMBER_OF}]->(g) SET r.role = $role "
    f"REMOVE r.{m.IMPORT_FINGERPRINT} RETURN g.id AS id"
)

REMOVE_GROUP_MEMBER = (
    f"MATCH (:{m.MEMBER} {{id: $member_id}})-[r:{m.MEMBER_OF}]->(:{m.GROUP} {{id: $group_id}}) "
    "DELETE r RETURN count(*) AS removed"
)

MEMBERSHIP = (
    f"MATCH (:{m.MEMBER} {{id: $member_id}})-[r:{m.MEMBER_OF}]->(:{m.GROUP} {{id: $group_id}}) "
    "RETURN coalesce(r.role, 'member') AS role"
)

IDEA_OWNER = (
    f"MATCH (i:{m.IDEA} {{id: $id}}) RETURN head([(i)-[:{m.SUBMITTED_BY}]->(a) | a.id]) AS owner"
)

EXISTING = {
    label: f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS id"
    for label in (m.MEMBER, m.THEME, m.CALL, m.GROUP, m.IDEA, m.PARTNER)
}
