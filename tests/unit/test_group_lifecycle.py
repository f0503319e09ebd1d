"""The rules of a Task-and-Finish group's life, without a database."""

from __future__ import annotations

from matchmaker.domain import group_lifecycle as rules
from matchmaker.domain.group_lifecycle import (
    GroupState,
    Invitation,
    Lifecycle,
    RuleBroken,
    Seat,
)


def _draft(*people: str, chair: str | None = None, minimum: int = 2) -> Lifecycle:
    group = rules.draft("tg-x", people, chair)
    return rules.set_minimum(group, minimum)


class _Rule:
    """pytest.raises(RuleBroken) that also checks the rule's name."""

    def __init__(self, rule: str) -> None:
        self.rule = rule

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, error: object, _tb: object) -> bool:
        assert isinstance(error, RuleBroken), f"expected {self.rule}, nothing was refused"
        assert error.rule == self.rule, error.message
        assert error.message
        return True


def _invitations(group: Lifecycle) -> dict[str, Invitation]:
    return {s.member_id: s.invitation for s in group.seats}


def test_a_draft_proposes_each_member_once_and_the_named_chair() -> None:
    group = rules.draft("tg-x", ("a", "b", "a"), "c")
    assert group.state is GroupState.DRAFT
    assert _invitations(group) == dict.fromkeys("abc", Invitation.PROPOSED)
    assert group.chair == Seat("c", Invitation.PROPOSED, rules.CHAIR)


def test_one_chair_at_most_and_only_a_proposed_or_accepted_member() -> None:
    group = rules.set_chair(_draft("a", "b"), "a")
    group = rules.set_chair(group, "b")
    assert [s.member_id for s in group.seats if s.role == rules.CHAIR] == ["b"]
    assert rules.set_chair(group, None).chair is None
    with _Rule("not-seated"):
        rules.set_chair(group, "z")
    invited, _ = rules.send_invitations(group)
    with _Rule("chair-seat"):
        rules.set_chair(invited, "a")
    accepted = rules.answer(invited, "a", accept=True)
    assert rules.set_chair(accepted, "a").chair == Seat("a", Invitation.ACCEPTED, rules.CHAIR)


def test_add_and_remove_members_while_editable() -> None:
    group = rules.add_member(_draft("a"), "b")
    assert set(_invitations(group)) == {"a", "b"}
    with _Rule("already-seated"):
        rules.add_member(group, "b")
    group = rules.remove_member(group, "a")
    assert set(_invitations(group)) == {"b"}
    with _Rule("not-seated"):
        rules.remove_member(group, "a")


def test_a_group_has_at_most_thirty_seats() -> None:
    full = _draft(*(f"m{i}" for i in range(rules.MAX_SEATS)))
    with _Rule("seat-limit"):
        rules.add_member(full, "one-more")
    with _Rule("seat-limit"):
        rules.draft("tg-y", tuple(f"m{i}" for i in range(rules.MAX_SEATS + 1)), None)


def test_sending_invites_every_proposed_member_and_names_them() -> None:
    group, invited = rules.send_invitations(_draft("a", "b"))
    assert invited == ("a", "b")
    assert group.state is GroupState.INVITATIONS_SENT
    assert set(_invitations(group).values()) == {Invitation.INVITED}
    with _Rule("nobody-to-invite"):
        rules.send_invitations(group)
    later, again = rules.send_invitations(rules.add_member(group, "c"))
    assert again == ("c",)
    assert _invitations(later)["c"] is Invitation.INVITED


def test_a_decline_is_final_and_a_declining_chair_steps_down() -> None:
    group, _ = rules.send_invitations(_draft("a", "b", chair="a"))
    declined = rules.answer(group, "a", accept=False)
    assert _invitations(declined)["a"] is Invitation.DECLINED
    assert declined.chair is None
    with _Rule("answered-already"):
        rules.answer(declined, "a", accept=True)
    with _Rule("decline-final"):
        rules.add_member(declined, "a")
    with _Rule("decline-final"):
        rules.remove_member(declined, "a")


def test_only_an_open_invitation_can_be_answered() -> None:
    with _Rule("no-open-invitation"):
        rules.answer(_draft("a"), "a", accept=True)  # proposed, never asked
    group, _ = rules.send_invitations(_draft("a"))
    with _Rule("no-open-invitation"):
        rules.answer(group, "stranger", accept=True)
    with _Rule("no-open-invitation"):
        rules.answer(rules.close(group), "a", accept=True)


def test_activation_needs_invitations_the_minimum_and_an_accepted_chair() -> None:
    draft = _draft("a", "b", "c", chair="c", minimum=2)
    with _Rule("activate-after-invitations"):
        rules.activate(draft)
    group, _ = rules.send_invitations(draft)
    group = rules.answer(group, "a", accept=True)
    with _Rule("minimum-accepted"):
        rules.activate(group)
    group = rules.answer(group, "b", accept=True)
    with _Rule("chair-accepted"):
        rules.activate(group)
    with _Rule("all-invited"):
        rules.activate(rules.add_member(rules.set_chair(group, None), "d"))
    active = rules.activate(rules.set_chair(group, "a"))
    assert active.state is GroupState.ACTIVE
    assert {s.member_id for s in active.seats if s.joined} == {"a", "b"}


def test_an_active_group_is_not_edited_but_late_acceptances_join_it() -> None:
    group, _ = rules.send_invitations(_draft("a", "b", minimum=1))
    active = rules.activate(rules.answer(group, "a", accept=True))
    for change in (
        lambda g: rules.add_member(g, "z"),
        lambda g: rules.remove_member(g, "a"),
        lambda g: rules.set_chair(g, "a"),
        lambda g: rules.set_minimum(g, 1),
        lambda g: rules.send_invitations(g),
    ):
        with _Rule("editable-states"):
            change(active)
    late = rules.answer(active, "b", accept=True)
    assert late.seat("b") == Seat("b", Invitation.ACCEPTED, rules.MEMBER, joined=True)


def test_closing_is_once_and_the_minimum_has_a_range() -> None:
    closed = rules.close(_draft("a"))
    assert closed.state is GroupState.CLOSED
    with _Rule("already-closed"):
        rules.close(closed)
    with _Rule("minimum-range"):
        rules.set_minimum(_draft("a"), 0)
    with _Rule("editable-states"):
        rules.set_minimum(closed, 2)
