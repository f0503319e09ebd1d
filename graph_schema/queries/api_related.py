"""Batched reads of a relationship's far ends, for the API's DataLoaders (one query per hop).

A Hop names a source label, a relationship type (or `A|B`) with its direction and a target
label; `related(hop)` returns rows {id, items: [{node, rel}]} for every source id in $ids,
keeping only targets that are visible to the audience (given, or $audience) and $viewer, at
most $per_source each.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from graph_schema import model as m
from graph_schema.queries.api_nodes import ORDER, node
from graph_schema.queries.api_visibility import visible


@dataclass(frozen=True)
class Hop:
    source: str
    rel: str
    target: str
    direction: str = "out"  # out | in | both


def _arrow(hop: Hop) -> str:
    if hop.direction == "out":
        return f"-[r:{hop.rel}]->"
    if hop.direction == "in":
        return f"<-[r:{hop.rel}]-"
    return f"-[r:{hop.rel}]-"


@lru_cache(maxsize=512)
def related(hop: Hop, audience: str | None = None) -> str:
    """The hop's query, for `audience` (a read built for it) or for $audience."""
    key = ORDER.get(hop.target, "name")
    return (
        f"UNWIND $ids AS id MATCH (s:{hop.source} {{id: id}}){_arrow(hop)}(n:{hop.target}) "
        f"WHERE {visible(hop.target, 'n', audience)} WITH id, n, r ORDER BY n.{key}, n.id "
        f"WITH id, collect({{node: {node(hop.target)}, rel: properties(r)}}) AS items "
        "RETURN id, items[..$per_source] AS items"
    )


MEMBER_GROUPS = Hop(m.MEMBER, m.MEMBER_OF, m.GROUP)
MEMBER_OUTPUTS = Hop(m.MEMBER, m.AUTHORED, m.OUTPUT)
MEMBER_SKILLS = Hop(m.MEMBER, m.HAS_SKILL, m.SKILL)
MEMBER_IDEAS = Hop(m.MEMBER, m.SUBMITTED_BY, m.IDEA, "in")
MEMBER_COLLABORATORS = Hop(m.MEMBER, m.COLLABORATED_WITH, m.MEMBER, "both")
MEMBER_KTPS = Hop(m.MEMBER, m.SUPERVISOR, m.KTP, "in")
ORGANISATION_MEMBERS = Hop(m.ORGANISATION, m.WORKS_AT, m.MEMBER, "in")
ORGANISATION_PARTNERS = Hop(m.ORGANISATION, m.SAME_AS, m.PARTNER, "in")
GROUP_MEMBERS = Hop(m.GROUP, m.MEMBER_OF, m.MEMBER, "in")
THEME_GROUPS = Hop(m.THEME, m.ADDRESSES, m.GROUP, "in")
THEME_IDEAS = Hop(m.THEME, m.ADDRESSES, m.IDEA, "in")
THEME_CALLS = Hop(m.THEME, m.ADDRESSES, m.CALL, "in")
CALL_IDEAS = Hop(m.CALL, m.RESPONDS_TO, m.IDEA, "in")
IDEA_INTERESTED_MEMBERS = Hop(m.IDEA, m.INTERESTED_IN, m.MEMBER, "in")
IDEA_INTERESTED_PARTNERS = Hop(m.IDEA, m.INTERESTED_IN, m.PARTNER, "in")
IDEA_INVITED = Hop(m.IDEA, m.INVITED_TO, m.MEMBER, "in")
PARTNER_NETWORKS = Hop(m.PARTNER, m.PART_OF, m.NETWORK)
PARTNER_ORGANISATIONS = Hop(m.PARTNER, m.SAME_AS, m.ORGANISATION)
PARTNER_KTPS = Hop(m.PARTNER, f"{m.BUSINESS}|{m.KNOWLEDGE_BASE}", m.KTP, "in")
PARTNER_INTERESTS = Hop(m.PARTNER, m.INTERESTED_IN, m.IDEA)
NETWORK_PARTNERS = Hop(m.NETWORK, m.PART_OF, m.PARTNER, "in")
OUTPUT_AUTHORS = Hop(m.OUTPUT, m.AUTHORED, m.MEMBER, "in")
SKILL_MEMBERS = Hop(m.SKILL, m.HAS_SKILL, m.MEMBER, "in")
