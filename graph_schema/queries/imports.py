"""Cypher for imports: how each kind of record becomes nodes and relationships.

A node kind's record maps to one node (its `properties`) and to relationships (its `links`),
each replaced as a whole when the record is written again. Rows arrive as parameters shaped
{id, props: {...}, links: {field: [ids]}}; labels and types come from graph_schema.model only.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph_schema import model as m


@dataclass(frozen=True)
class Link:
    """A record field naming other nodes, stored as relationships of one type."""

    field: str
    rel: str
    target: str  # the label of the nodes it names
    many: bool = False  # a list of ids rather than one (possibly empty) id
    incoming: bool = False  # (target)-[rel]->(node) rather than (node)-[rel]->(target)
    ordered: bool = False  # keep the list's order in a `position` property

    def pattern(self, rel_var: str = "") -> str:
        """`(n)-[r:REL]->(t:Target)` or its reverse, for the node `n`."""
        rel = f"[{rel_var}:{self.rel}]"
        target = f"(t:{self.target})"
        return f"(n)<-{rel}-{target}" if self.incoming else f"(n)-{rel}->{target}"


@dataclass(frozen=True)
class NodeShape:
    label: str
    properties: tuple[str, ...]
    links: tuple[Link, ...] = ()
    kind_labels: tuple[str, ...] = ()  # extra labels chosen by the `kind` property


_THEMES = Link("themes", m.ADDRESSES, m.THEME, many=True)

NODE_SHAPES: dict[str, NodeShape] = {
    "themes": NodeShape(m.THEME, ("id", "name", "kind", "description")),
    "organisations": NodeShape(m.ORGANISATION, ("id", "name", "sector", "region", "town")),
    "members": NodeShape(
        m.MEMBER,
        ("id", "name", "email", "discipline", "career_stage", "region", "availability_hours",
         "max_groups", "open_to_matching", "visible_to_members", "visible_to_partners",
         "expertise_statement"),
        (Link("organisation_id", m.WORKS_AT, m.ORGANISATION),),
    ),
    "groups": NodeShape(
        m.GROUP, ("id", "kind", "name", "description", "status"), (_THEMES,),
        kind_labels=m.GROUP_KIND_LABELS,
    ),
    "networks": NodeShape(m.NETWORK, ("id", "name", "description")),
    "partners": NodeShape(
        m.PARTNER,
        ("id", "name", "kind", "sector", "region", "description", "fte", "visible"),
        (Link("networks", m.PART_OF, m.NETWORK, many=True),),
    ),
    "calls": NodeShape(
        m.CALL, ("id", "title", "description", "opens", "closes", "status"), (_THEMES,)
    ),
    "ideas": NodeShape(
        m.IDEA,
        ("id", "title", "summary", "required_skills", "status", "created"),
        (Link("submitted_by", m.SUBMITTED_BY, m.MEMBER),
         Link("call_id", m.RESPONDS_TO, m.CALL), _THEMES),
    ),
    "outputs": NodeShape(
        m.OUTPUT,
        ("id", "title", "abstract", "year", "kind", "source", "licence"),
        (Link("authors", m.AUTHORED, m.MEMBER, many=True, incoming=True, ordered=True),),
    ),
    "ktps": NodeShape(
        m.KTP,
        ("id", "title", "start_year", "status"),
        (Link("business_partner_id", m.BUSINESS, m.PARTNER),
         Link("knowledge_base_partner_id", m.KNOWLEDGE_BASE, m.PARTNER),
         Link("supervisor_id", m.SUPERVISOR, m.MEMBER)),
    ),
}  # fmt: skip

# The label whose ids each kind's references name (memberships and conflicts have no ids).
LABEL_OF_KIND: dict[str, str] = {kind: shape.label for kind, shape in NODE_SHAPES.items()}


def existing_ids(label: str) -> str:
    """The ids in $ids that nodes of `label` carry."""
    return f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS id"


def upsert_nodes(shape: NodeShape) -> str:
    """Merge each row's node, set its properties, replace its links; returns counts."""
    parts = [
        f"UNWIND $rows AS row MERGE (n:{shape.label} {{id: row.id}}) SET n += row.props, "
        f"n.{m.IMPORT_FINGERPRINT} = row.fingerprint",
        *_kind_labels(shape),
        "WITH n, row",
        *(_replace_link(i, link) for i, link in enumerate(shape.links)),
        f"RETURN count(n) AS written, {_linked(shape)} AS linked",
    ]
    return "\n".join(parts)


def _kind_labels(shape: NodeShape) -> list[str]:
    if not shape.kind_labels:
        return []
    clauses = ["REMOVE n:" + ":".join(shape.kind_labels)]
    clauses += [
        f"FOREACH (_ IN CASE WHEN row.props.kind = '{label}' THEN [1] ELSE [] END | SET n:{label})"
        for label in shape.kind_labels
    ]
    return clauses


def _replace_link(i: int, link: Link) -> str:
    position = " {position: i}" if link.ordered else ""
    made = f"(n)<-[:{link.rel}{position}]-(t)" if link.incoming else f"(n)-[:{link.rel}]->(t)"
    return (
        f"CALL (n) {{ MATCH {link.pattern('old')} DELETE old }}\n"
        f"CALL (n, row) {{ WITH n, row.links.{link.field} AS ids "
        f"UNWIND range(0, size(ids) - 1) AS i WITH n, i, ids[i] AS target "
        f"MATCH (t:{link.target} {{id: target}}) "
        f"CREATE {made} RETURN count(t) AS made{i} }}"
    )


def _linked(shape: NodeShape) -> str:
    return " + ".join(f"sum(made{i})" for i in range(len(shape.links))) or "0"


UPSERT_MEMBERSHIPS = f"""
UNWIND $rows AS row
MATCH (a:{m.MEMBER} {{id: row.member_id}}), (g:{m.GROUP} {{id: row.group_id}})
MERGE (a)-[r:{m.MEMBER_OF}]->(g)
SET r.role = row.role, r.{m.IMPORT_FINGERPRINT} = row.fingerprint
RETURN count(r) AS written, count(r) AS linked
"""

UPSERT_CONFLICTS = f"""
UNWIND $rows AS row
MATCH (a:{m.MEMBER} {{id: row.member_id}})
OPTIONAL MATCH (om:{m.MEMBER} {{id: row.other_id}})
OPTIONAL MATCH (op:{m.PARTNER} {{id: row.other_id}})
WITH a, row, coalesce(om, op) AS other
MERGE (a)-[r:{m.DECLARED_CONFLICT}]->(other)
SET r.reason = row.reason, r.{m.IMPORT_FINGERPRINT} = row.fingerprint
RETURN count(r) AS written, count(r) AS linked
"""

# COLLABORATED_WITH is derived from AUTHORED: one edge per pair of co-authors, from the lower
# id to the higher, with the number of outputs they share and the earliest year among them.
FORGET_COLLABORATIONS = f"""
UNWIND $ids AS id
MATCH (:{m.MEMBER} {{id: id}})-[r:{m.COLLABORATED_WITH}]-(:{m.MEMBER})
WITH DISTINCT r
DELETE r
"""

DERIVE_COLLABORATIONS = f"""
UNWIND $ids AS id
MATCH (a:{m.MEMBER} {{id: id}})-[:{m.AUTHORED}]->(o:{m.OUTPUT})<-[:{m.AUTHORED}]-(b:{m.MEMBER})
WHERE a <> b
WITH a, b, count(DISTINCT o) AS together, min(CASE WHEN o.year > 0 THEN o.year END) AS first
WITH DISTINCT
  CASE WHEN a.id < b.id THEN a ELSE b END AS low,
  CASE WHEN a.id < b.id THEN b ELSE a END AS high,
  together, coalesce(first, 0) AS since
MERGE (low)-[r:{m.COLLABORATED_WITH}]->(high)
SET r.count = together, r.since = since
"""

# SAME_AS is derived from names: a partner and an organisation with the same name (ignoring
# case and surrounding spaces) are taken to be one real-world body.
_SAME_BODY = """
UNWIND $ids AS id
MATCH (a:{this} {{id: id}})
CALL (a) {{ MATCH (a){old}(:{other}) DELETE old }}
WITH a, toLower(trim(a.name)) AS name
MATCH (b:{other}) WHERE toLower(trim(b.name)) = name
MERGE {link}
"""
RELINK_SAME_AS_OF_PARTNERS = _SAME_BODY.format(
    this=m.PARTNER,
    other=m.ORGANISATION,
    old=f"-[old:{m.SAME_AS}]->",
    link=f"(a)-[:{m.SAME_AS}]->(b)",
)
RELINK_SAME_AS_OF_ORGANISATIONS = _SAME_BODY.format(
    this=m.ORGANISATION,
    other=m.PARTNER,
    old=f"<-[old:{m.SAME_AS}]-",
    link=f"(b)-[:{m.SAME_AS}]->(a)",
)

MERGE_KTP_RULES = f"""
UNWIND $rules AS rule
MERGE (r:{m.KTP_RULE} {{id: rule.id}})
SET r.round = rule.round, r.min_business_fte = rule.min_business_fte,
    r.public_sector_business_allowed = rule.public_sector_business_allowed,
    r.business_kinds = rule.business_kinds
"""

COUNT_MEMBERS = f"MATCH (n:{m.MEMBER}) RETURN count(n) AS count"


# Fingerprints of import rows (matchmaker.importing.fingerprint). $rows: [{key, fingerprint}]
# with key the list of key values (one id for nodes; member and group, or member and other,
# for links). -> i: the position of each row the graph does not hold with that fingerprint.
def node_differs(label: str) -> str:
    return (
        "UNWIND range(0, size($rows) - 1) AS i WITH i, $rows[i] AS row "
        f"OPTIONAL MATCH (n:{label} {{id: row.key[0]}}) "
        f"WITH i, row, n WHERE coalesce(n.{m.IMPORT_FINGERPRINT}, '') <> row.fingerprint "
        "RETURN DISTINCT i"
    )


def stamp_nodes(label: str) -> str:
    """Set the fingerprint of nodes whose fields already equal their rows.

    $rows: [{key, fingerprint}]."""
    return (
        f"UNWIND $rows AS row MATCH (n:{label} {{id: row.key[0]}}) "
        f"SET n.{m.IMPORT_FINGERPRINT} = row.fingerprint"
    )


_MEMBERSHIP_BY_KEY = (
    f"MATCH (:{m.MEMBER} {{id: key[0]}})-[r:{m.MEMBER_OF}]->(:{m.GROUP} {{id: key[1]}})"
)
_CONFLICT_BY_KEY = (
    f"MATCH (:{m.MEMBER} {{id: key[0]}})-[r:{m.DECLARED_CONFLICT}]->(o) "
    f"WHERE o.id = key[1] AND (o:{m.MEMBER} OR o:{m.PARTNER})"
)
LINK_DIFFERS = {
    kind: "UNWIND range(0, size($rows) - 1) AS i WITH i, $rows[i] AS row, $rows[i].key AS key "
    f"OPTIONAL {match} "
    f"WITH i, row, r WHERE coalesce(r.{m.IMPORT_FINGERPRINT}, '') <> row.fingerprint "
    "RETURN DISTINCT i"
    for kind, match in (("memberships", _MEMBERSHIP_BY_KEY), ("conflicts", _CONFLICT_BY_KEY))
}
STAMP_LINKS = {
    kind: f"UNWIND $rows AS row WITH row, row.key AS key {match} "
    f"SET r.{m.IMPORT_FINGERPRINT} = row.fingerprint"
    for kind, match in (("memberships", _MEMBERSHIP_BY_KEY), ("conflicts", _CONFLICT_BY_KEY))
}


# The file last imported for each kind. A kind's "fingerprinted" count is how many of its
# nodes (or relationships) carry an import fingerprint; API writes remove fingerprints, so a
# lower count than recorded means something was changed since.
def fingerprinted(kind: str) -> str:
    """The count expression for `kind`, usable inside a RETURN or SET."""
    link = LINK_TYPE_OF_KIND.get(kind)
    if link is not None:
        return f"COUNT {{ MATCH ()-[r:{link}]->() WHERE r.{m.IMPORT_FINGERPRINT} IS NOT NULL }}"
    label = LABEL_OF_KIND[kind]
    return f"COUNT {{ MATCH (n:{label}) WHERE n.{m.IMPORT_FINGERPRINT} IS NOT NULL }}"


LINK_TYPE_OF_KIND: dict[str, str] = {"memberships": m.MEMBER_OF, "conflicts": m.DECLARED_CONFLICT}


def last_file(kind: str) -> str:
    """-> digest, rows, recorded (fingerprinted count then), now (fingerprinted count now)."""
    return (
        f"OPTIONAL MATCH (f:{m.IMPORT_FILE} {{kind: $kind}}) "
        f"RETURN f.digest AS digest, f.rows AS rows, f.fingerprinted AS recorded, "
        f"{fingerprinted(kind)} AS now"
    )


def record_file(kind: str) -> str:
    """Remember $digest and $rows as the file last imported for $kind, with the count now."""
    return (
        f"MERGE (f:{m.IMPORT_FILE} {{kind: $kind}}) SET f.digest = $digest, f.rows = $rows, "
        f"f.at = datetime(), f.fingerprinted = {fingerprinted(kind)}"
    )


FORGET_FILE = f"MATCH (f:{m.IMPORT_FILE} {{kind: $kind}}) DELETE f"
