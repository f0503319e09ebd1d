"""Reads of nodes by id and in pages, each filtered by api_visibility for the caller.

Every returned node is projected with `node(label, v)`: the properties its record reads,
plus the ids of its single-valued neighbours, named like matchmaker.domain.model's fields.
Parameters: $audience and $viewer (only $viewer, where needed, in a read built for one
audience), and for pages $skip, $limit and the label's filters.
"""

from __future__ import annotations

from functools import lru_cache

from graph_schema import model as m
from graph_schema.queries.api_visibility import hidden_from, visible

KIND_LABELS = "[" + ", ".join(f"'{k}'" for k in m.GROUP_KIND_LABELS) + "]"


def _one(v: str, pattern: str, target: str) -> str:
    """The id of the one `target` node (written `x:Label`) at the end of `pattern`."""
    return f"head({_many(v, pattern, target)})"


def _many(v: str, pattern: str, target: str) -> str:
    alias = target.split(":")[0]
    return f"[({v}){pattern}({target}) | {alias}.id]"


def _extras(label: str, v: str) -> dict[str, str]:
    """The fields of `label`'s records that come from its neighbours, as expressions."""
    themes = _many(v, f"-[:{m.ADDRESSES}]->", f"t:{m.THEME}")
    extras: dict[str, dict[str, str]] = {
        m.MEMBER: {"organisation_id": _one(v, f"-[:{m.WORKS_AT}]->", f"o:{m.ORGANISATION}")},
        m.GROUP: {"kind": f"head([l IN labels({v}) WHERE l IN {KIND_LABELS}])", "themes": themes},
        m.IDEA: {
            "submitted_by": _one(v, f"-[:{m.SUBMITTED_BY}]->", f"x:{m.MEMBER}"),
            "call_id": _one(v, f"-[:{m.RESPONDS_TO}]->", f"c:{m.CALL}"),
            "themes": themes,
        },
        m.CALL: {"themes": themes},
        m.PARTNER: {"networks": _many(v, f"-[:{m.PART_OF}]->", f"w:{m.NETWORK}")},
        m.KTP: {
            "business_partner_id": _one(v, f"-[:{m.BUSINESS}]->", f"b:{m.PARTNER}"),
            "knowledge_base_partner_id": _one(v, f"-[:{m.KNOWLEDGE_BASE}]->", f"k:{m.PARTNER}"),
            "supervisor_id": _one(v, f"-[:{m.SUPERVISOR}]->", f"s:{m.MEMBER}"),
        },
        m.OUTPUT: {"authors": f"[(a:{m.MEMBER})-[:{m.AUTHORED}]->({v}) | a.id]"},
    }
    return extras.get(label, {})


def record_fields(label: str) -> tuple[str, ...]:
    """The fields a node row of `label` carries: its stored properties, then its neighbours'."""
    return (*m.API_PROPERTIES[label], *_extras(label, "n"))


def node(label: str, v: str = "n") -> str:
    """A map projection of node `v`: the properties its record reads (never the vector),
    plus neighbour ids."""
    parts = [f".{name}" for name in m.API_PROPERTIES[label]]
    parts += [f"{name}: {expression}" for name, expression in _extras(label, v).items()]
    return f"{v} {{{', '.join(parts)}}}"


@lru_cache(maxsize=256)
def by_ids(label: str, audience: str | None = None) -> str:
    """Rows {id, node} for the nodes among $ids visible to `audience` (or $audience)."""
    return (
        f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) WHERE {visible(label, 'n', audience)} "
        f"RETURN id, {node(label)} AS node"
    )


# Optional filters per label: parameter -> the condition it sets. A page read built for the
# filters a caller set tests only those; built for none given (`filters=None`), it tests
# each as `($name IS NULL OR condition)` and takes every parameter, null when not set.
FILTER_CONDITIONS: dict[str, dict[str, str]] = {
    m.MEMBER: {
        "discipline": "n.discipline = $discipline",
        "region": "n.region = $region",
        "career_stage": "n.career_stage = $career_stage",
        "organisation_id": (
            f"EXISTS {{ (n)-[:{m.WORKS_AT}]->(:{m.ORGANISATION} {{id: $organisation_id}}) }}"
        ),
    },
    m.GROUP: {"kind": "$kind IN labels(n)", "status": "n.status = $status"},
    m.IDEA: {
        "status": "n.status = $status",
        "call_id": f"EXISTS {{ (n)-[:{m.RESPONDS_TO}]->(:{m.CALL} {{id: $call_id}}) }}",
    },
    m.PARTNER: {"kind": "n.kind = $kind", "sector": "n.sector = $sector"},
    m.ORGANISATION: {"sector": "n.sector = $sector", "region": "n.region = $region"},
    m.CALL: {"status": "n.status = $status"},
    m.THEME: {"kind": "n.kind = $kind"},
    m.KTP: {"status": "n.status = $status"},
}

# The parameters of each label's filters, named.
FILTER_PARAMETERS: dict[str, tuple[str, ...]] = {
    label: tuple(conditions) for label, conditions in FILTER_CONDITIONS.items()
}


def _filters(label: str, given: frozenset[str] | None) -> str:
    """The filter conditions of `label`: those in `given`, or every one optional."""
    conditions = FILTER_CONDITIONS.get(label, {})
    if given is None:
        parts = [f"(${name} IS NULL OR {c})" for name, c in conditions.items()]
    else:
        parts = [c for name, c in conditions.items() if name in given]
    return " AND ".join(parts)


# The property each label's pages are ordered by (then id, so pages are stable).
ORDER: dict[str, str] = {m.IDEA: "title", m.CALL: "title", m.OUTPUT: "title", m.KTP: "title"}

# Every label the API reads in pages (each has a range index on its order key, migration 8).
PAGED_LABELS: tuple[str, ...] = (
    m.MEMBER, m.ORGANISATION, m.GROUP, m.PARTNER, m.NETWORK, m.KTP,
    m.CALL, m.IDEA, m.THEME, m.SKILL, m.OUTPUT,
)  # fmt: skip


def _where(label: str, audience: str | None, given: frozenset[str] | None) -> str:
    extra = _filters(label, given)
    return visible(label, "n", audience) + (f" AND {extra}" if extra else "")


def count(label: str) -> str:
    """The number of visible nodes that pass the filters: one row {total}."""
    return f"MATCH (n:{label}) WHERE {_where(label, None, None)} RETURN count(n) AS total"


# Nodes a page of a label nearly always needs next, read with the page so that the API's
# loaders hold them already: (label of the neighbour, the pattern from the page's node).
LINKED: dict[str, tuple[str, str]] = {
    m.MEMBER: (m.ORGANISATION, f"-[:{m.WORKS_AT}]->"),
    m.IDEA: (m.MEMBER, f"-[:{m.SUBMITTED_BY}]->"),
}


def linked_label(label: str) -> str | None:
    """The label of the neighbours a page of `label` reads with it, if any."""
    found = LINKED.get(label)
    return None if found is None else found[0]


@lru_cache(maxsize=512)
def page_with_total(
    label: str, audience: str | None = None, filters: frozenset[str] | None = None
) -> str:
    """One page, its total and the page's linked neighbours, in one row {rows, linked, total}:
    one round trip where three were sent.

    Built for one audience and the filters a caller set, the query tests only what applies
    to them: Neo4j evaluates the WHERE once per node of the label to count the total, and
    the general form (every audience's rule, every filter optional) cost about 40% more
    CPU on the demo's 1,500 members. With no audience or filters given, the general form.

    The order key is required (`IS NOT NULL`), so the planner walks the key's range index in
    order and stops after the page instead of sorting every visible node."""
    where = _page_where(label, audience, filters)
    return f"{_page(label, audience, where)}, {_total(label, audience, filters, where)} AS total"


def _total(label: str, audience: str | None, filters: frozenset[str] | None, where: str) -> str:
    """The number of nodes that pass `where`. Without filters, and for an audience whose
    hidden nodes an index finds, the nodes with an order key (the key's index, no property
    read) less the hidden ones (an index seek); otherwise a walk of every node."""
    hidden = hidden_from(label, "n", audience) if audience is not None and not filters else None
    if hidden is None:
        return f"COUNT {{ MATCH (n:{label}) WHERE {where} }}"
    keyed = f"n.{ORDER.get(label, 'name')} IS NOT NULL"
    every = f"COUNT {{ MATCH (n:{label}) WHERE {keyed} }}"
    if hidden == "false":
        return every
    return f"{every} - COUNT {{ MATCH (n:{label}) WHERE {keyed} AND {hidden} }}"


@lru_cache(maxsize=512)
def page_only(
    label: str, audience: str | None = None, filters: frozenset[str] | None = None
) -> str:
    """One page and its linked neighbours, without the total: one row {rows, linked}.

    Counting walks every node of the label the caller may see (for a member, every idea and
    the drafts' authors and invitations); a page alone walks the order key's index and stops
    after $limit visible nodes. For a caller who did not ask for the total: ask for one
    more than the page to learn whether another page follows."""
    return _page(label, audience, _page_where(label, audience, filters))


def _page_where(label: str, audience: str | None, filters: frozenset[str] | None) -> str:
    return f"n.{ORDER.get(label, 'name')} IS NOT NULL AND {_where(label, audience, filters)}"


def _page(label: str, audience: str | None, where: str) -> str:
    key = ORDER.get(label, "name")
    return (
        f"MATCH (n:{label}) WHERE {where} WITH n ORDER BY n.{key}, n.id "
        "SKIP $skip LIMIT $limit WITH collect(n) AS page "
        f"RETURN [n IN page | {node(label)}] AS rows, {_linked(label, audience)} AS linked"
    )


def _linked(label: str, audience: str | None) -> str:
    if label not in LINKED:
        return "[]"
    target, pattern = LINKED[label]
    return (
        f"[n IN page | [(n){pattern}(nb:{target}) WHERE {visible(target, 'nb', audience)} "
        f"| {node(target, 'nb')}]]"
    )
