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

STAFF = "$audience IN ['staff', 'admin']"
SIGNED_IN = "$audience IN ['member', 'staff', 'partner', 'admin']"

PUBLIC_LABELS: frozenset[str] = frozenset({m.SIG, m.COI, m.CALL, m.THEME})


def _member(v: str) -> str:
    return (
        f"({STAFF} "
        f"OR ($audience = 'member' AND (coalesce({v}.visible_to_members, true) "
        f"OR {v}.id = $viewer)) "
        f"OR ($audience = 'partner' AND coalesce({v}.visible_to_partners, false) "
        f"AND coalesce({v}.open_to_matching, true)))"
    )


def _idea(v: str) -> str:
    mine = (
        f"EXISTS {{ ({v})-[:{m.SUBMITTED_BY}]->(:{m.MEMBER} {{id: $viewer}}) }} "
        f"OR EXISTS {{ (:{m.MEMBER} {{id: $viewer}})-[:{m.INVITED_TO}]->({v}) }}"
    )
    return (
        f"({STAFF} OR ($audience IN ['member', 'partner'] AND {v}.status <> 'draft') "
        f"OR ($audience = 'member' AND ({mine})))"
    )


def _partner(v: str) -> str:
    return (
        f"({STAFF} OR ({SIGNED_IN} AND coalesce({v}.visible, true)) "
        f"OR ($audience = 'partner' AND {v}.id = $viewer))"
    )


def _group(v: str) -> str:
    forming = f"coalesce({v}.status, 'active') IN ['draft', 'invitations_sent']"
    return f"({STAFF} OR ({SIGNED_IN} AND NOT {forming}) OR {v}:{m.SIG} OR {v}:{m.COI})"


RULES = {m.MEMBER: _member, m.IDEA: _idea, m.PARTNER: _partner, m.GROUP: _group}


def visible(label: str, v: str) -> str:
    """A Cypher predicate: node `v` (with `label`) exists for `$audience` / `$viewer`."""
    rule = RULES.get(label)
    if rule is not None:
        return rule(v)
    if label in PUBLIC_LABELS:
        return "true"
    return f"({SIGNED_IN})"


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
