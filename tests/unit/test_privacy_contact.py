"""Who reads a member's e-mail, and what each side of an introduction or invitation learns."""

from __future__ import annotations

import pytest

from matchmaker.domain import introductions as rules
from matchmaker.domain.privacy import Looker, contact_shared, sees_contact, told_requester

MEMBER = Looker("member", "m-1")
PARTNER = Looker("partner", "p-1")


@pytest.mark.parametrize("audience", ["staff", "admin"])
def test_staff_see_every_address(audience: str) -> None:
    assert sees_contact(Looker(audience, "s"), "m-2", visible_to_members=False, introduced=False)


def test_a_member_sees_their_own_and_those_visible_to_members() -> None:
    assert sees_contact(MEMBER, "m-1", visible_to_members=False, introduced=False)
    assert sees_contact(MEMBER, "m-2", visible_to_members=True, introduced=False)
    assert not sees_contact(MEMBER, "m-2", visible_to_members=False, introduced=False)


def test_a_partner_sees_an_address_only_after_an_accepted_introduction() -> None:
    assert not sees_contact(PARTNER, "m-2", visible_to_members=True, introduced=False)
    assert sees_contact(PARTNER, "m-2", visible_to_members=False, introduced=True)


def test_an_introduction_opens_a_hidden_members_address_to_a_member() -> None:
    assert sees_contact(MEMBER, "m-2", visible_to_members=False, introduced=True)


def test_nobody_signed_out_sees_an_address_whatever_the_facts() -> None:
    anonymous = Looker("anonymous")
    assert not sees_contact(anonymous, "m-2", visible_to_members=True, introduced=True)


def test_contact_details_pass_only_on_acceptance() -> None:
    assert [s for s in rules.STATUSES if contact_shared(s)] == [rules.ACCEPTED]


def test_a_decline_reaches_the_requester_as_not_available() -> None:
    assert told_requester("pending") == "pending"
    assert told_requester("accepted") == "accepted"
    assert told_requester("declined") == "not_available"
    assert told_requester("anything else") == "not_available"


def test_a_decline_is_final_and_answered_in_the_words_already_told() -> None:
    assert rules.refusal("declined", 0) == rules.NOT_AVAILABLE
    assert "already asked" in (rules.refusal("pending", 0) or "")
    assert "already been introduced" in (rules.refusal("accepted", 0) or "")
    assert rules.refusal(None, 0) is None


def test_requests_are_limited_per_requester_per_day() -> None:
    assert rules.refusal(None, rules.MAX_PER_DAY - 1) is None
    assert "24 hours" in (rules.refusal(None, rules.MAX_PER_DAY) or "")


def test_only_a_pending_request_can_be_answered() -> None:
    assert rules.decision_refusal("pending") is None
    assert rules.decision_refusal("declined") == "This request was already declined."
