"""Who may learn what about whom: the service's privacy policy, in one place.

docs/privacy.md is the same policy in prose. Every read path asks this module:
- the matching reads (search, team suggestions, supervisors), from the in-memory index
  (adapters.match_index.passes) and from the graph (services.audience.may_see on every
  profile read), through `admits` with the rule `consent_rule` makes for the looker;
- the graph view (services.graph_view), through `sees_member` and `shows_edge`;
- team answers (services.teams), through `in_team_pool` and `counted_not_named`;
- search filters (services.search), through `check_filters`;
- contact details (api.permissions.CanSeeContact), through `sees_contact`, and what the two
  sides of an introduction or an idea invitation learn (services.introductions,
  services.invitations), through `contact_shared` and `told_requester`.
The Cypher in graph_schema/queries/api_visibility.py and graph_schema/queries/matching.py
(`member_filter`) states the same rules as pre-filters, so that pages, counts and index
look-ups do not ship hidden rows; where this module and a pre-filter disagree this module
wins, because every result is checked here again before it leaves a service.

Hiding means the answer is the one a person who does not exist (or does not fit) would get.

Inputs are plain facts: the looker's audience ("anonymous", "member", "partner", "staff",
"admin") and id, and a member's consent flags.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

STAFF_AUDIENCES = frozenset({"staff", "admin"})

# Relationship types of the graph view that only some lookers see, and why:
# declared conflicts of interest are between the declarer and staff; who is interested in or
# invited to an idea is for the idea's team to know (idea.interested / idea.invited), so the
# graph view shows such an edge only to staff and to the person it starts from. A proposal for
# a task group (PROPOSED_FOR: proposed, invited, declined) is between the member and staff.
PRIVATE_EDGES = frozenset({"DECLARED_CONFLICT", "INTERESTED_IN", "INVITED_TO", "PROPOSED_FOR"})


@dataclass(frozen=True)
class Looker:
    """Who asks: an audience and, for members and partners, their own id."""

    audience: str
    id: str = ""

    @property
    def is_staff(self) -> bool:
        return self.audience in STAFF_AUDIENCES


@dataclass(frozen=True)
class Consent:
    """A member's consent flags, with the domain's defaults for missing ones."""

    open_to_matching: bool = True
    visible_to_members: bool = True
    visible_to_partners: bool = False


@dataclass(frozen=True)
class ConsentRule:
    """Which consent a member must have given to be read for a looker; the parameters of
    graph_schema.queries.matching.member_filter ($open_only, $partners_only, $members_only,
    $looker)."""

    open_only: bool = True
    partners_only: bool = False
    members_only: bool = False
    looker: str = ""


def sees_member(looker: Looker, member_id: str, consent: Consent) -> bool:
    """Whether the member exists for the looker at all (directory, graph view, lists).

    Staff see everyone; a member sees themselves and members who agreed to be visible to
    members; a partner sees members who agreed to be visible to partners and are open to
    matching (a partner's only use of the membership is finding people to work with)."""
    if looker.is_staff or (looker.audience == "member" and looker.id == member_id):
        return True
    if looker.audience == "member":
        return consent.visible_to_members
    if looker.audience == "partner":
        return consent.visible_to_partners and consent.open_to_matching
    return False


def consent_rule(looker: Looker, purpose: str = "search") -> ConsentRule:
    """The rule for reading candidates: `purpose` "search" (named results) or "team" (a
    team's pool, where staff also read members who opted out, to count them)."""
    staff_pool = looker.is_staff and purpose == "team"
    return ConsentRule(
        open_only=not staff_pool,
        partners_only=looker.audience == "partner",
        members_only=looker.audience == "member",
        looker=looker.id,
    )


def admits(rule: ConsentRule, member_id: str, consent: Consent) -> bool:
    """Whether a member with `consent` passes `rule` (the index path and the graph path)."""
    return (
        (not rule.open_only or consent.open_to_matching)
        and (not rule.partners_only or consent.visible_to_partners)
        and (not rule.members_only or consent.visible_to_members or member_id == rule.looker)
    )


def matchable(looker: Looker, member_id: str, consent: Consent) -> bool:
    """Whether the member may be named to the looker in a search or a suggestion: open to
    matching (for every looker, staff included) and visible to the looker."""
    return consent.open_to_matching and sees_member(looker, member_id, consent)


@dataclass(frozen=True)
class PoolFacts:
    """What decides whether a candidate enters a team's pool for a looker."""

    member_id: str
    consent: Consent
    conflicted_with_proposer: bool
    has_capacity: bool


def in_team_pool(looker: Looker, facts: PoolFacts, require_capacity: bool) -> bool:
    """Whether a candidate is considered for a team at all. For members, facts they may not
    know (someone else's consent, a conflict declared with the proposer, capacity) leave
    the candidate out before the solver runs, so every answer (team, why-not, gaps, a
    lock's failure) is the one a person who does not exist would get. Staff consider those
    too, so that the solver can say why; consent is then reported as a count
    (`counted_not_named`)."""
    if looker.is_staff:
        return True
    if not matchable(looker, facts.member_id, facts.consent):
        return False
    if facts.conflicted_with_proposer:
        return False
    return facts.has_capacity or not require_capacity


def capacity_required(looker: Looker, asked: bool) -> bool:
    """Members and partners always get teams of people with capacity: letting them turn it
    off would tell them, by who appears, who lacks it."""
    return asked or not looker.is_staff


def counted_not_named(reason: str) -> bool:
    """Whether a why-not reason is reported as a count rather than by name (to everyone,
    staff included): a member who did not opt in to matching is never named as a strong
    match."""
    return reason == "consent"


def check_filters(looker: Looker, min_hours: int, with_capacity: bool) -> str | None:
    """Why these search filters are refused for the looker, or None. Availability and
    capacity are visible to the member and staff only, so filtering by them is staff's."""
    if looker.is_staff or (min_hours <= 0 and not with_capacity):
        return None
    return "only STERIC staff filter by availability or capacity"


def shows_edge(looker: Looker, rel_type: str, source_id: str) -> bool:
    """Whether the graph view shows a relationship between two nodes the looker sees."""
    if rel_type not in PRIVATE_EDGES or looker.is_staff:
        return True
    return bool(looker.id) and looker.id == source_id


def decision_scope(looker: Looker, staff_ids: Iterable[str]) -> tuple[str, ...]:
    """Whose recorded decisions (accepts, declines) shape the looker's suggestions: their own;
    for staff, every staff account's. No one changes another person's suggestions."""
    return tuple(sorted(staff_ids)) if looker.is_staff else (looker.id,)


# What the person who asked (for an introduction, or by inviting someone to an idea) is told
# of each answer: a decline is never passed on as such, let alone with a reason.
TOLD_REQUESTER = {"pending": "pending", "accepted": "accepted", "declined": "not_available"}


def sees_contact(
    looker: Looker, member_id: str, visible_to_members: bool, introduced: bool
) -> bool:
    """Whether the looker may read a member's contact details (e-mail).

    Staff always; a member their own, and those of members who agreed to be visible to
    members; anyone (member or partner) those of a member who accepted an introduction
    between the two (`introduced`), never before the acceptance."""
    if looker.is_staff or (looker.audience == "member" and looker.id == member_id):
        return True
    if looker.audience not in ("member", "partner"):
        return False
    return introduced or (looker.audience == "member" and visible_to_members)


def contact_shared(status: str) -> bool:
    """Whether an introduction in `status` shows each side the other's contact details."""
    return status == "accepted"


def told_requester(status: str) -> str:
    """The state of a request as its maker sees it: pending, accepted or not_available."""
    return TOLD_REQUESTER.get(status, "not_available")
