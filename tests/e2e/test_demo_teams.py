"""Team suggestion on the demo graph, through GraphQL over HTTP against the running service.

The same checks as tests/integration/test_matching_teams.py, on the committed demo dataset
with real embeddings: every constraint kind at once, consent, gaps and why-not, infeasible
constraints, determinism and declines. What a returned member is (organisation, sector,
region, career stage, SIGs, capacity, conflicts) is read from the dataset, so a team is
checked against the data rather than against what the API says about it.

The demo service is shared with the other e2e modules: only IDEA_DECLINED, an idea no other
module uses, is given a decline, and that test runs last here.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from bench.load import SIGN_IN, STAFF_SIGN_IN
from matchmaker.demo.dataset import load_dataset
from matchmaker.domain.model import GroupKind, Member, Organisation
from tests.e2e.conftest import Service

IDEA = "idea-001"
IDEAS = ("idea-003", "idea-004", "idea-006", "idea-008", "idea-010")  # submitted ideas
IDEA_DECLINED = "idea-054"
IDEA_CONFLICT = "idea-014"  # the one submitted idea whose proposer declared a member conflict
EARLY = frozenset({"early", "trainee"})
LOAD = frozenset({GroupKind.TASK_GROUP, GroupKind.COMMITTEE})  # what capacity counts
REASONS = {"excluded", "declined", "conflict", "capacity", "constraint", "lower marginal gain"}
SEARCHES = ("MRI safety", "radiotherapy physics quality assurance", "clinical engineering")

TEAM = """query($input: TeamInput!) { suggestTeam(input: $input) { __typename
  ... on TeamSuggestion { members { memberId organisation sector region careerStage sigs
      relevance } coverage { skill covered } gaps { skill detail bestAvailableId }
      whyNot { memberId reason detail } notOpenToMatching }
  ... on InfeasibleConstraints { message constraints { kind detail }
      screenedOut { memberId reason detail } }
  ... on NotFound { message } ... on NotAllowed { message }
  ... on ValidationErrors { errors { field message } } } }"""
SEARCH = """query($text: String!) { search(text: $text, first: 100) { __typename
  ... on MemberSearch { results { nodes { memberId } } } } }"""
FEEDBACK = """mutation($input: FeedbackInput!) { recordSuggestionFeedback(input: $input) {
  __typename ... on FeedbackRecorded { candidateId decision } } }"""


@dataclass(frozen=True)
class Demo:
    """The committed demo dataset, indexed: what each member is, and who proposed each idea."""

    members: dict[str, Member]
    organisations: dict[str, Organisation]
    sigs: dict[str, frozenset[str]]  # member id -> SIG names
    capacity: frozenset[str]  # hours to give and a seat left in active task groups/committees
    conflicts: frozenset[frozenset[str]]
    proposer: dict[str, str]  # idea id -> member id

    @property
    def opted_out(self) -> frozenset[str]:
        return frozenset(m.id for m in self.members.values() if not m.open_to_matching)

    def sector(self, member: str) -> str:
        return self.organisations[self.members[member].organisation_id].sector.value

    def available(self, member: str) -> bool:
        """Open to matching and with capacity."""
        return member in self.capacity and self.members[member].open_to_matching

    def conflicted(self, a: str, b: str) -> bool:
        return frozenset({a, b}) in self.conflicts


def _demo() -> Demo:
    data = load_dataset()
    groups = {g.id: g for g in data.groups}
    sigs: dict[str, set[str]] = {m.id: set() for m in data.members}
    load: Counter[str] = Counter()
    for seat in data.memberships:
        group = groups[seat.group_id]
        if group.kind == GroupKind.SIG:
            sigs[seat.member_id].add(group.name)
        load[seat.member_id] += group.kind in LOAD and group.status == "active"
    capacity = (m.id for m in data.members if load[m.id] < m.max_groups and m.availability_hours)
    return Demo(
        members={m.id: m for m in data.members},
        organisations={o.id: o for o in data.organisations},
        sigs={m: frozenset(names) for m, names in sigs.items()},
        capacity=frozenset(capacity),
        conflicts=frozenset(frozenset({c.member_id, c.other_id}) for c in data.conflicts),
        proposer={i.id: i.submitted_by for i in data.ideas},
    )


class Api:
    """GraphQL over HTTP, signed in through the demo sign-in (one token per identity)."""

    def __init__(self, url: str) -> None:
        self.client = httpx.Client(base_url=url, timeout=120)
        self.tokens: dict[str | None, str] = {}

    def token(self, member: str | None = None) -> str:
        """A member's token, or staff's (STERIC) when `member` is None."""
        if member not in self.tokens:
            signed = self.gql(None, SIGN_IN, id=member) if member else self.gql(None, STAFF_SIGN_IN)
            self.tokens[member] = signed["signIn"]["token"]
        return self.tokens[member]

    def gql(self, token: str | None, query: str, **variables: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        body = {"query": query, "variables": variables}
        response = self.client.post("/graphql", json=body, headers=headers)
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        assert "errors" not in answer, answer["errors"]
        data: dict[str, Any] = answer["data"]
        return data

    def team(self, idea: str, member: str | None = None, **given: Any) -> dict[str, Any]:
        """suggestTeam for an idea, as `member` (staff when None)."""
        data = self.gql(self.token(member), TEAM, input={"ideaId": idea, **given})
        answer: dict[str, Any] = data["suggestTeam"]
        return answer

    def suggested(self, idea: str, member: str | None = None, **given: Any) -> dict[str, Any]:
        answer = self.team(idea, member, **given)
        assert answer["__typename"] == "TeamSuggestion", answer
        return answer


def ids(rows: Iterable[dict[str, Any]]) -> list[str]:
    return [row["memberId"] for row in rows]


@pytest.fixture(scope="module")
def demo() -> Demo:
    return _demo()


@pytest.fixture(scope="module")
def api(demo_service: Service) -> Iterator[Api]:
    api = Api(demo_service.url)
    yield api
    api.client.close()


@pytest.fixture(scope="module")
def first_team(api: Api, demo: Demo) -> dict[str, Any]:
    """The proposer's unconstrained team of five for IDEA."""
    return api.suggested(IDEA, demo.proposer[IDEA], size=5)


EVERYTHING: dict[str, Any] = {
    "size": 5,
    "maxPerOrganisation": 1,
    "requiredSectors": [{"sector": s, "count": 1} for s in ("NHS", "ACADEMIA", "INDUSTRY")],
    "minDistinctSigs": 5,
    "minDistinctDisciplines": 5,
    "minEarlyCareer": 1,
    "minRegions": 5,
    "requireCapacity": True,
}


def _misses(demo: Demo, team: list[str]) -> list[str]:
    """The constraints of EVERYTHING (besides the locks) that `team` breaks."""
    members = [demo.members[m] for m in team]
    checks = {
        "size": len(team) == len(set(team)) == 5,
        "one per organisation": max(Counter(m.organisation_id for m in members).values()) == 1,
        "sectors": {"nhs", "academia", "industry"} <= set(map(demo.sector, team)),
        "SIGs": len(set[str]().union(*(demo.sigs[m] for m in team))) >= 5,
        "disciplines": len({m.discipline for m in members}) >= 5,
        "early career": sum(m.career_stage in EARLY for m in members) >= 1,
        "regions": len({m.region for m in members}) >= 5,
        "capacity": all(m in demo.capacity for m in team),
        "consent": not demo.opted_out & set(team),
        "conflicts": not any(demo.conflicted(a, b) for a in team for b in team),
    }
    return [name for name, holds in checks.items() if not holds]


def test_one_team_meets_every_constraint_kind_at_once(
    api: Api, demo: Demo, first_team: dict[str, Any]
) -> None:
    proposer, first = demo.proposer[IDEA], ids(first_team["members"])
    unbound = "the unconstrained team meets every constraint already: make them harder"
    assert _misses(demo, first), unbound
    # The lock and the exclusion keep a known team feasible: the other e2e modules share this
    # service and may have seated members in groups or changed consent since the demo loaded,
    # so which combinations can hold is read from the service, not assumed.
    witness = ids(api.suggested(IDEA, proposer, **EVERYTHING)["members"])
    assert _misses(demo, witness) == [], witness
    locked = witness[-1]
    excluded = next(m for m in first if m not in witness)
    given = {**EVERYTHING, "mustInclude": [locked], "exclude": [excluded]}
    result = api.suggested(IDEA, proposer, **given)
    team = ids(result["members"])
    assert _misses(demo, team) == [], team
    assert locked in team
    assert excluded not in team
    assert proposer not in team
    assert not any(demo.conflicted(proposer, m) for m in team)
    for row in result["members"]:  # what the API says about each member is what the data holds
        m = demo.members[row["memberId"]]
        assert row["organisation"] == demo.organisations[m.organisation_id].name
        assert row["sector"] == demo.sector(m.id)
        assert (row["region"], row["careerStage"]) == (m.region, m.career_stage)
        assert set(row["sigs"]) == demo.sigs[m.id]


def test_opted_out_members_are_never_suggested_nor_found(api: Api, demo: Demo) -> None:
    """docs/privacy.md: members who did not opt in are named to no one, staff included;
    staff learn how many were left out, as a count."""
    named: set[str] = set()
    counted_for_staff = 0
    for idea in IDEAS:
        mine = api.suggested(idea, demo.proposer[idea], size=6)
        named |= set(ids(mine["members"])) | set(ids(mine["whyNot"]))
        assert mine["notOpenToMatching"] == 0, "a member learns nothing of others' consent"
        staff = api.suggested(idea, size=6)
        named |= set(ids(staff["members"])) | set(ids(staff["whyNot"]))
        assert all(w["reason"] != "consent" for w in staff["whyNot"]), staff["whyNot"]
        counted_for_staff += staff["notOpenToMatching"]
    assert not demo.opted_out & named
    assert counted_for_staff > 0, "staff should be told that opted-out members were left out"
    for text in SEARCHES:
        found = {n["memberId"] for n in _search(api, api.token(demo.proposer[IDEA]), text)}
        assert found, text
        assert not demo.opted_out & found, text
    for_staff = {n["memberId"] for text in SEARCHES for n in _search(api, api.token(), text)}
    assert for_staff
    assert not demo.opted_out & for_staff


def _search(api: Api, token: str, text: str) -> list[dict[str, Any]]:
    result = api.gql(token, SEARCH, text=text)["search"]
    assert result["__typename"] == "MemberSearch", result
    nodes: list[dict[str, Any]] = result["results"]["nodes"]
    return nodes


def test_gaps_and_why_not_are_reported(api: Api, demo: Demo, first_team: dict[str, Any]) -> None:
    strongest = max(first_team["members"], key=lambda m: (m["relevance"], m["memberId"]))
    nonsense = "baroque harpsichord tuning"
    skills = ["equipment vendor liaison", "diagnostic radiology physics", nonsense]
    given = {"size": 5, "skills": skills, "exclude": [strongest["memberId"]]}
    result = api.suggested(IDEA, demo.proposer[IDEA], **given)
    assert {c["skill"]: c["covered"] for c in result["coverage"]} == {
        "equipment vendor liaison": True, "diagnostic radiology physics": True, nonsense: False,
    }  # fmt: skip
    assert result["gaps"] == [
        {"skill": nonsense, "detail": f"no available member covers {nonsense}",
         "bestAvailableId": None},
    ]  # fmt: skip
    why = result["whyNot"]
    assert 1 <= len(why) <= 5
    assert len(set(ids(why))) == len(why)
    assert not set(ids(why)) & set(ids(result["members"]))
    assert all(w["reason"] in REASONS and w["detail"] for w in why), why
    reasons = {w["memberId"]: w["reason"] for w in why}
    assert reasons.get(strongest["memberId"]) == "excluded", why


def _at_capacity(demo: Demo) -> list[str]:
    """An open member with no capacity left."""
    return [min(set(demo.members) - demo.capacity - demo.opted_out)]


def _colleagues(demo: Demo) -> list[str]:
    """Two open members with capacity at one organisation."""
    by_org: dict[str, list[str]] = {}
    for m in sorted(filter(demo.available, demo.members)):
        by_org.setdefault(demo.members[m].organisation_id, []).append(m)
    return next(ms[:2] for _, ms in sorted(by_org.items()) if len(ms) >= 2)


def _in_conflict(demo: Demo) -> list[str]:
    """Two open members with capacity who declared a conflict with each other."""
    pairs = (p for p in demo.conflicts if p <= demo.members.keys())  # not with partners
    return min(sorted(p) for p in pairs if all(map(demo.available, p)))


Given = Callable[[Demo], dict[str, Any]]  # the input besides the idea and the size (4)
INFEASIBLE: list[tuple[str, Given, str, str]] = [
    ("sectors beyond the size",
     lambda _: {"requiredSectors": [{"sector": "NHS", "count": 3},
                                    {"sector": "ACADEMIA", "count": 2}]},
     "required sector", "team size 4 is too small for the required sectors"),
    ("regions beyond the size", lambda _: {"minRegions": 6},
     "distinct regions", "team size 4 is too small for 6 distinct regions"),
    ("a sector the demo lacks", lambda _: {"requiredSectors": [{"sector": "CHARITY", "count": 1}]},
     "required sector", "charity: 1 needed, 0 eligible"),
    ("more SIGs than the demo has", lambda _: {"minDistinctSigs": 12},
     "distinct SIGs", "12 distinct SIGs"),
    # A member is not told that someone is at capacity (docs/privacy.md).
    ("a locked member at capacity", lambda d: {"mustInclude": _at_capacity(d)},
     "must include", "is locked but is not a candidate"),
    ("two locked colleagues", lambda d: {"mustInclude": _colleagues(d), "maxPerOrganisation": 1},
     "max per organisation", "at most 1 per organisation"),
    ("two locked members in conflict", lambda d: {"mustInclude": _in_conflict(d)},
     "conflicts between members", "declared a conflict"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("given", "kind", "detail"), [c[1:] for c in INFEASIBLE], ids=[c[0] for c in INFEASIBLE]
)
def test_infeasible_constraints_name_the_binding_one(
    api: Api, demo: Demo, given: Given, kind: str, detail: str
) -> None:
    result = api.team(IDEA, demo.proposer[IDEA], size=4, **given(demo))
    assert result["__typename"] == "InfeasibleConstraints", result
    binding = [c for c in result["constraints"] if c["kind"] == kind]
    assert any(detail in c["detail"] for c in binding), result["constraints"]
    assert detail in result["message"]


def test_a_member_in_conflict_with_the_proposer_is_never_suggested(api: Api, demo: Demo) -> None:
    proposer = demo.proposer[IDEA_CONFLICT]
    rival = min(m for pair in demo.conflicts if proposer in pair for m in pair - {proposer})
    assert rival not in ids(api.suggested(IDEA_CONFLICT, proposer, size=6)["members"])
    result = api.team(IDEA_CONFLICT, proposer, size=4, mustInclude=[rival])
    assert result["__typename"] == "InfeasibleConstraints", result
    # The proposer is not told of the conflict: the answer is that of anyone unavailable.
    detail = f"{rival} is locked but is not a candidate"
    assert result["constraints"] == [{"kind": "must include", "detail": detail}]


def test_capacity_is_required_unless_staff_switch_it_off(api: Api, demo: Demo) -> None:
    busy = _at_capacity(demo)
    given = {"size": 4, "mustInclude": busy, "requireCapacity": False}
    assert busy[0] in ids(api.suggested(IDEA, **given)["members"])  # staff
    # A member cannot switch it off: who appeared would show who lacks capacity.
    mine = api.team(IDEA, demo.proposer[IDEA], **given)
    assert mine["__typename"] == "InfeasibleConstraints", mine
    assert mine["message"] == f"{busy[0]} is locked but is not a candidate"


def test_the_same_request_gives_the_same_team(api: Api, demo: Demo) -> None:
    given = {"size": 5, "minRegions": 4, "maxPerOrganisation": 1}
    first, second = (api.suggested(IDEAS[0], demo.proposer[IDEAS[0]], **given) for _ in range(2))
    assert ids(first["members"]) == ids(second["members"])
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_a_member_cannot_learn_who_opted_out_by_locking_them(api: Api, demo: Demo) -> None:
    hidden = min(demo.opted_out)
    result = api.team(IDEA, demo.proposer[IDEA], size=4, mustInclude=[hidden])
    text = json.dumps(result)
    assert "open to matching" not in text
    assert '"consent"' not in text
    unknown = api.team(IDEA, demo.proposer[IDEA], size=4, mustInclude=["m9999999"])
    assert text.replace(hidden, "m9999999") == json.dumps(unknown)  # as if there were no one


def test_a_declined_suggestion_does_not_come_back(api: Api, demo: Demo) -> None:
    """Last in the module: the decline stays in the shared demo graph."""
    proposer = demo.proposer[IDEA_DECLINED]
    before = api.suggested(IDEA_DECLINED, proposer, size=5)
    declined = max(before["members"], key=lambda m: (m["relevance"], m["memberId"]))["memberId"]
    decision = {"targetId": IDEA_DECLINED, "targetKind": "IDEA", "candidateId": declined}
    recorded = api.gql(api.token(proposer), FEEDBACK, input={**decision, "decision": "DECLINED"})
    assert recorded["recordSuggestionFeedback"] == {
        "__typename": "FeedbackRecorded", "candidateId": declined, "decision": "DECLINED",
    }  # fmt: skip
    after = api.suggested(IDEA_DECLINED, proposer, size=5)
    assert declined not in ids(after["members"])
    # why-not lists the five strongest left out: when the declined member is one, it says so
    told = {w["memberId"]: w["reason"] for w in after["whyNot"]}
    assert told.get(declined, "declined") == "declined", told
    locked = api.team(IDEA_DECLINED, proposer, size=5, mustInclude=[declined])
    assert locked["__typename"] == "InfeasibleConstraints", locked
    details = [c["detail"] for c in locked["constraints"]]
    assert f"{declined} is locked but declined for this idea" in details, details
