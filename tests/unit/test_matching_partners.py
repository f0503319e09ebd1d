"""Partners for the gaps, KTP triads against a round's rules, and feedback in ranking."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from matchmaker.matching import (
    FeedbackEvent,
    FeedbackParams,
    KtpRule,
    KtpSupervisor,
    Outcome,
    PartnerCandidate,
    PartnerContext,
    apply_feedback,
    ktp_triads,
    rank_partners,
)
from matchmaker.matching.ktp import excluded_by


def partner(
    pid: str,
    sector: str = "industry",
    networks: frozenset[str] = frozenset(),
    fte: int = 0,
    organisation_id: str = "",
    visible: bool = True,
) -> PartnerCandidate:
    return PartnerCandidate(pid, sector, "London", networks, fte, organisation_id, visible)


def test_partners_rank_by_gap_fit_with_their_reasons() -> None:
    partners = [partner("near"), partner("far")]
    vectors = np.array([[1.0, 0.0], [0.0, 1.0]])
    context = PartnerContext(gap_skills=("gamma imaging",), team_sectors=frozenset({"nhs"}))
    ranked = rank_partners(partners, vectors, np.array([[1.0, 0.0]]), context)
    assert [r.partner_id for r in ranked] == ["near", "far"]
    assert ranked[0].reasons[0] == "a strong match for the gap gamma imaging"
    assert "brings the industry sector the team lacks" in ranked[0].reasons


def test_sector_network_and_region_break_an_even_fit() -> None:
    partners = [
        partner("plain", "nhs"),
        partner("ktn", "nhs", networks=frozenset({"health-ktn"})),
        partner("lacking", "industry"),
    ]
    vectors = np.ones((3, 2)) / np.sqrt(2)
    context = PartnerContext((), frozenset({"nhs"}), region="Wales")
    ranked = rank_partners(partners, vectors, np.zeros((0, 2)), context)
    assert [r.partner_id for r in ranked] == ["lacking", "ktn", "plain"]
    assert ranked[1].reasons == ("in Knowledge Transfer Network health-ktn",)


def test_invisible_partners_are_not_ranked() -> None:
    partners = [partner("shown"), partner("hidden", visible=False)]
    ranked = rank_partners(partners, np.eye(2), np.eye(2)[:1], PartnerContext(("x",), frozenset()))
    assert [r.partner_id for r in ranked] == ["shown"]


BUSINESSES = [
    partner("acme", fte=12),
    partner("tiny", fte=1),
    partner("trust", sector="nhs", fte=900),
]
BASES = [partner("uni", sector="academia", organisation_id="org-uni")]
SUPERVISORS = [
    KtpSupervisor("dr-uni", "org-uni", "academia"),
    KtpSupervisor("dr-nhs", "org-trust", "nhs"),
]


def test_ktp_rules_come_from_the_round() -> None:
    strict = ktp_triads(BUSINESSES, BASES, SUPERVISORS, KtpRule("2023", 2, False))
    assert [(t.business_id, t.supervisor_id) for t in strict.eligible] == [("acme", "dr-uni")]
    reasons = {(t.business_id, t.supervisor_id): t.reasons for t in strict.ineligible}
    assert reasons[("tiny", "dr-uni")] == (
        "tiny has 1 full-time staff; the 2023 round needs a business with at least 2",
    )
    assert "does not allow a public-sector business" in reasons[("trust", "dr-uni")][0]
    assert reasons[("acme", "dr-nhs")][0] == "dr-nhs does not work at the knowledge base, uni"
    lenient = ktp_triads(BUSINESSES, BASES, SUPERVISORS, KtpRule("2025", 2, True))
    assert {t.business_id for t in lenient.eligible} == {"acme", "trust"}


def test_ktp_triads_rank_by_their_scores() -> None:
    scores = {"trust": 0.9, "acme": 0.2, "uni": 0.5, "dr-uni": 0.4}
    options = ktp_triads(BUSINESSES, BASES, SUPERVISORS, KtpRule("2025", 2, True), scores)
    assert [t.business_id for t in options.eligible] == ["trust", "acme"]
    assert options.eligible[0].score == pytest.approx(1.8)


def test_a_university_cannot_be_the_business() -> None:
    options = ktp_triads(BASES, BASES, SUPERVISORS[:1], KtpRule("2025"))
    assert options.eligible == ()
    assert "uni is a university, not a business" in options.ineligible[0].reasons


def test_the_business_must_be_of_a_kind_the_round_takes() -> None:
    charity = replace(partner("hope", sector="charity", fte=0), name="Hope Trust", kind="charity")
    company = replace(partner("acme", fte=12), name="Acme Ltd", kind="company")
    rule = KtpRule("2023", 2, False, business_kinds=frozenset({"company"}))
    options = ktp_triads([charity, company], BASES, SUPERVISORS[:1], rule)
    assert [t.business_id for t in options.eligible] == ["acme"]
    assert options.ineligible[0].reasons == (
        "Hope Trust has 0 full-time staff; the 2023 round needs a business with at least 2",
        "Hope Trust is a charity; the 2023 round takes a company as the business",
    )


def test_when_no_triad_fits_the_excluding_rules_are_counted() -> None:
    rule = KtpRule("2023", 2, False, business_kinds=frozenset({"company"}))
    tiny = replace(partner("tiny", fte=1), kind="company")
    trust = replace(partner("trust", sector="nhs", fte=900), kind="nhs_trust")
    assert ktp_triads([tiny, trust], BASES, SUPERVISORS[:1], rule).eligible == ()
    assert excluded_by([tiny, trust], BASES, rule) == (
        "1 of 2 possible businesses: fewer than 2 full-time staff",
        "1 of 2 possible businesses: not a company",
        "1 of 2 possible businesses: public sector, which this round does not allow",
    )


HISTORY = [
    FeedbackEvent("ann", "idea-1", Outcome.DECLINED),
    FeedbackEvent("bob", "idea-2", Outcome.ACCEPTED),
    FeedbackEvent("bob", "idea-3", Outcome.ACCEPTED),
    FeedbackEvent("cat", "idea-2", Outcome.DECLINED),
    *[FeedbackEvent("dan", f"idea-{i}", Outcome.ACCEPTED) for i in range(10, 20)],
]


def test_declined_for_this_idea_is_excluded() -> None:
    result = apply_feedback(["ann", "bob", "cat"], [0.5, 0.5, 0.5], "idea-1", HISTORY)
    assert result.declined == frozenset({"ann"})


def test_acceptances_elsewhere_boost_a_little_and_are_capped() -> None:
    params = FeedbackParams(boost_per_acceptance=0.02, max_boost=0.06)
    result = apply_feedback(["bob", "cat", "dan"], [0.5, 0.5, 0.99], "idea-1", HISTORY, params)
    assert result.relevance == pytest.approx([0.54, 0.5, 1.0])
    assert result.boosts == pytest.approx({"bob": 0.04, "dan": 0.06})


def test_declining_another_idea_costs_nothing() -> None:
    result = apply_feedback(["cat"], [0.3], "idea-1", HISTORY)
    assert result.relevance == pytest.approx([0.3])
    assert result.declined == frozenset()
