"""Reasons as people read them, through the GraphQL API on the test world: people best first
with a band, no internal id (m-..., p-..., net-...) and no raw decimal score in any reason,
gap, why-not or KTP text, and which rule excluded the candidates when no KTP triad fits."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from matchmaker.matching.bands import BANDS, WEAK
from tests.integration.api_world import Api, build_world, ok

TEXT = "Reduce radiotherapy linac standby energy use with quality assurance"
BAND_NAMES = [name for _, name in BANDS] + [WEAK]
INTERNAL = re.compile(
    r"\b(?:m|p|net|org|sig|coi|tg|ktp|idea|call|out|sk|th|ktn)-[a-z0-9]|\bm\d{2,}\b"
)
DECIMAL = re.compile(r"\d[.,]\d")

TEAM = """query($input: TeamInput!) { suggestTeam(input: $input) { __typename
  ... on TeamSuggestion { members { memberId name relevance band heldIn skills { band } }
      coverage { band } gaps { detail bestAvailableBand } whyNot { memberId reason detail } } } }"""
PARTNERS = """query($input: PartnerInput!) { suggestPartners(input: $input) { __typename
  ... on PartnerSuggestions { partners { partnerId relevance band reasons gapFit { band } } } } }"""
KTP = """query($input: PartnerInput!) { suggestKtp(input: $input) { __typename
  ... on KtpSuggestions { eligible { reasons } ineligible { reasons } excludedBy } } }"""


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_world(runtime.graph, runtime.embedder)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


def readable(texts: list[str]) -> None:
    for text in texts:
        assert INTERNAL.search(text) is None, text
        assert DECIMAL.search(text) is None, text


def test_team_reasons_read_as_words_with_people_best_first(api: Api) -> None:
    given = {"text": TEXT, "size": 2, "requireCapacity": False, "mustInclude": ["m-dan"]}
    given["skills"] = ["radiotherapy physics", "paediatric orthodontics"]
    team = ok(api.gql("staff", TEAM, input=given))["suggestTeam"]
    assert team["__typename"] == "TeamSuggestion", team
    members = team["members"]
    relevance = [m["relevance"] for m in members]
    assert relevance == sorted(relevance, reverse=True)
    ranks = [BAND_NAMES.index(m["band"]) for m in members]
    assert ranks == sorted(ranks)
    assert next(m["heldIn"] for m in members if m["memberId"] == "m-dan") == "asked for by name"
    assert team["whyNot"]
    assert team["gaps"]
    bands = [
        *(s["band"] for m in members for s in m["skills"]),
        *(c["band"] for c in team["coverage"]),
    ]
    assert set(bands) <= set(BAND_NAMES)
    readable(
        [
            *(m["heldIn"] for m in members),
            *(g["detail"] for g in team["gaps"]),
            *(w["detail"] for w in team["whyNot"]),
        ]
    )


def test_partner_reasons_name_networks_and_bands_not_ids_or_scores(api: Api) -> None:
    need = {"text": TEXT, "gaps": ["radiotherapy quality assurance devices"]}
    partners = ok(api.gql("staff", PARTNERS, input=need))["suggestPartners"]["partners"]
    assert "p-acme" in {p["partnerId"] for p in partners}
    assert all(p["band"] in BAND_NAMES for p in partners)
    assert all(f["band"] in BAND_NAMES for p in partners for f in p["gapFit"])
    reasons = [r for p in partners for r in p["reasons"]]
    assert any("Health KTN" in r for r in reasons), reasons
    readable(reasons)


def test_when_no_triad_fits_the_answer_says_which_rule_excluded_whom(api: Api) -> None:
    ktp = ok(api.gql("staff", KTP, input={"text": TEXT}))["suggestKtp"]
    assert ktp["eligible"] == []
    assert ktp["excludedBy"], ktp
    assert any("university or research organisation" in line for line in ktp["excludedBy"])
    readable([*ktp["excludedBy"], *(r for t in ktp["ineligible"] for r in t["reasons"])])
