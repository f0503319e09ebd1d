"""Which nodes exist for which audience, as Cypher pre-filters of the privacy policy.

The policy is matchmaker.domain.privacy (docs/privacy.md); these predicates state its
existence rules in Cypher so that pages, counts and hops never ship a hidden row (a Python
filter after the read would get totals and page sizes wrong). They must say what
privacy.sees_member says; the property test (tests/integration/test_privacy_property.py)
compares the two on random consent flags.

Every API read that returns nodes ANDs `visible(label, var)` into its WHERE clause, with the
parameters `$audience` (anonymous | member | staff | partner | admin) and `$viewer` (the
signed-in member's or partner's id, or ''). The rules:

- Members: staff and admins see all; members see themselves and members who agreed to be
  visible to members; partners see only members who agreed to be visible to partners and are
  open to matching; anonymous callers see none.
- Ideas: staff and admins see all; members and partners see submitted ideas, and members also
  the drafts they wrote or were invited to; anonymous callers see none.
- Partners: hidden partners (`visible = false`) only to staff, admins and themselves.
- SIGs, CoIs, calls and themes are public; everything else needs a sign-in. A Task-and-Finish
  group that is still forming (a draft, or its invitations out) exists only for staff; its
  invited members read their own invitation (graph_schema.queries.task_groups).
- Opting out of matching (`open_to_matching = false`) is applied by the matching reads
  (graph_schema.queries.matching.member_filter and privacy.admits).
"""

from __future__ import annotations

from graph_schema import model as m

STAFF_AUDIENCES = ("staff", "admin")
SIGNED_IN_AUDIENCES = ("member", "partner", *STAFF_AUDIENCES)
AUDIENCES = ("anonymous", *SIGNED_IN_AUDIENCES)
SIGNED_IN = "$audience IN ['member', 'staff', 'partner', 'admin']"

PUBLIC_LABELS: frozenset[str] = frozenset({m.SIG, m.COI, m.CALL, m.THEME})

# Each rule says, for one audience, which nodes exist for it: "true", "false" or a predicate
# on node `v` that may read $viewer. The predicate for an audience not known in advance is
# built from these (`visible`), so the two forms cannot drift apart.


def _member(v: str, audience: str) -> str:
    if audience == "member":
        return f"(coalesce({v}.visible_to_members, true) OR {v}.id = $viewer)"
    if audience == "partner":
        return (
            f"(coalesce({v}.visible_to_partners, false) AND coalesce({v}.open_to_matching, true))"
        )
    return "false"


def _idea(v: str, audience: str) -> str:
    submitted = f"{v}.status <> 'draft'"
    if audience == "partner":
        return f"({submitted})"
    if audience == "member":
        return (
            f"({submitted} "
            f"OR EXISTS {{ ({v})-[:{m.SUBMITTED_BY}]->(:{m.MEMBER} {{id: $viewer}}) }} "
            f"OR EXISTS {{ (:{m.MEMBER} {{id: $viewer}})-[:{m.INVITED_TO}]->({v}) }})"
        )
    return "false"


def _partner(v: str, audience: str) -> str:
    if audience == "member":
        return f"(coalesce({v}.visible, true))"
    if audience == "partner":
        return f"(coalesce({v}.visible, true) OR {v}.id = $viewer)"
    return "false"


def _group(v: str, audience: str) -> str:
    open_group = f"{v}:{m.SIG} OR {v}:{m.COI}"
    if audience in SIGNED_IN_AUDIENCES:
        forming = f"coalesce({v}.status, 'active') IN ['draft', 'invitations_sent']"
        return f"(NOT {forming} OR {open_group})"
    return f"({open_group})"


RULES = {m.MEMBER: _member, m.IDEA: _idea, m.PARTNER: _partner, m.GROUP: _group}


def visible_to(label: str, v: str, audience: str) -> str:
    """A Cypher predicate: node `v` (with `label`) exists for `audience`, a value known
    when the query is built (one of AUDIENCES); it reads at most $viewer. Raises ValueError
    for an unknown audience."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; expected one of {', '.join(AUDIENCES)}")
    if audience in STAFF_AUDIENCES or label in PUBLIC_LABELS:
        return "true"
    rule = RULES.get(label)
    if rule is not None:
        return rule(v, audience)
    return "true" if audience in SIGNED_IN_AUDIENCES else "false"


# The nodes an audience may not see, for the rules whose complement a range index finds
# (Member.visible_to_members, migration 10): a count of a label less these is a count of
# what the audience sees, where testing the rule would read every node of the label.
# Each says `NOT visible_to(label, v, audience)`: the property test counts a members page
# both ways on random consent flags.
_HIDDEN = {
    (m.MEMBER, "member"): "{v}.visible_to_members = false AND {v}.id <> $viewer",
}


def hidden_from(label: str, v: str, audience: str) -> str | None:
    """A predicate, `NOT visible_to(label, v, audience)`, that an index answers: "false"
    when the audience sees every node, None when no index answers the complement."""
    if visible_to(label, v, audience) == "true":
        return "false"
    found = _HIDDEN.get((label, audience))
    return None if found is None else found.format(v=v)


def visible(label: str, v: str, audience: str | None = None) -> str:
    """A Cypher predicate: node `v` (with `label`) exists for `audience`, or, with none
    given, for `$audience` / `$viewer` (each audience's rule, chosen by $audience)."""
    if audience is not None:
        return visible_to(label, v, audience)
    rules = {a: visible_to(label, v, a) for a in AUDIENCES}
    if set(rules.values()) == {"true"}:
        return "true"
    cases = [
        f"($audience = '{a}'" + ("" if rule == "true" else f" AND {rule}") + ")"
        for a, rule in rules.items()
        if rule != "false"
    ]
    return f"({' OR '.join(cases)})"


# The parameters each rule reads, named here so that a read passes exactly these.
_RULE_PARAMETERS: dict[str, tuple[str, ...]] = {
    m.MEMBER: ("audience", "viewer"),
    m.IDEA: ("audience", "viewer"),
    m.PARTNER: ("audience", "viewer"),
    m.GROUP: ("audience",),
}


def parameters(label: str) -> tuple[str, ...]:
    """The parameters `visible(label, v)` reads: some of $audience and $viewer, or none."""
    if label in _RULE_PARAMETERS:
        return _RULE_PARAMETERS[label]
    return () if label in PUBLIC_LABELS else ("audience",)


def visible_any(v: str) -> str:
    """The predicate for a node whose label is not known in advance (the graph view)."""
    cases = [f"WHEN {v}:{label} THEN {visible(label, v)}" for label in RULES]
    public = " OR ".join(f"{v}:{label}" for label in sorted(PUBLIC_LABELS))
    return f"(CASE {' '.join(cases)} WHEN {public} THEN true ELSE {SIGNED_IN} END)"
