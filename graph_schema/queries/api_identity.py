"""Who a token's subject is, and the demo identities offered by the sign-in picker."""

from __future__ import annotations

from graph_schema import model as m

MEMBER_NAME = f"MATCH (n:{m.MEMBER} {{id: $id}}) RETURN n.name AS name"

PARTNER_NAME = f"MATCH (n:{m.PARTNER} {{id: $id}}) RETURN n.name AS name"

# Members who wrote ideas first (journey 1), then early-career members; stable by id.
DEMO_MEMBERS = (
    f"MATCH (n:{m.MEMBER}) WHERE coalesce(n.open_to_matching, true) "
    f"WITH n, COUNT {{ (:{m.IDEA})-[:{m.SUBMITTED_BY}]->(n) }} AS ideas "
    "ORDER BY ideas DESC, n.id LIMIT $limit "
    "RETURN n.id AS id, n.name AS name, n.discipline AS discipline, ideas"
)

# Visible partners, those in a network first (journey 3).
DEMO_PARTNERS = (
    f"MATCH (n:{m.PARTNER}) WHERE coalesce(n.visible, true) "
    f"WITH n, COUNT {{ (n)-[:{m.PART_OF}]->() }} AS networks "
    "ORDER BY networks DESC, n.id LIMIT $limit "
    "RETURN n.id AS id, n.name AS name, n.kind AS kind"
)
