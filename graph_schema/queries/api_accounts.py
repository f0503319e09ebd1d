"""Finding the member an identity provider's account belongs to."""

from __future__ import annotations

from graph_schema import model as m

# E-mail addresses compare without regard to case; two members with one address are a
# conflict the caller reports, so up to two come back.
MEMBERS_BY_EMAIL = (
    f"MATCH (n:{m.MEMBER}) WHERE toLower(n.email) = $email "
    "RETURN n.id AS id, n.name AS name ORDER BY n.id LIMIT 2"
)
