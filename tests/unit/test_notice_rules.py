"""Notices' text and link, and when a failed one is tried again."""

from __future__ import annotations

from matchmaker.domain import notices


def test_the_wait_doubles_and_stops_after_the_last_attempt() -> None:
    waits = [notices.retry_delay(n, 60) for n in range(1, notices.MAX_ATTEMPTS + 1)]
    assert waits[:4] == [60, 120, 240, 480]
    assert waits[-1] is None
    assert notices.retry_delay(5, 10_000) == notices.MAX_DELAY_S


def test_a_link_opens_the_apps_route_after_the_hash() -> None:
    assert notices.link("https://mm.ipem.ac.uk/", "/profile") == "https://mm.ipem.ac.uk/#/profile"


def test_each_kind_names_what_happened_and_where_to_answer() -> None:
    invite = notices.idea_invitation("Ada Fenwick", "Low-energy linac standby")
    assert invite.kind == notices.IDEA_INVITATION
    assert invite.subject == 'Ada Fenwick invited you to the idea "Low-energy linac standby"'
    assert invite.path == notices.REQUESTS_PATH
    intro = notices.introduction_request("Acme Devices", "QA phantoms", "Hello\nthere")
    assert "> Hello\n> there" in intro.body
    assert "not available" in intro.body
    group = notices.group_proposal("Greener radiotherapy", "tg-1")
    assert group.path == "/groups/tg-1"


def test_a_subject_is_one_short_line_whatever_the_names() -> None:
    draft = notices.idea_invitation("Eve\r\nBcc: x@y.z", "t" * 300)
    assert "\n" not in draft.subject
    assert "\r" not in draft.subject
    assert len(draft.subject) < 140


def test_the_text_ends_with_the_link_and_how_to_switch_notices_off() -> None:
    text = notices.email_text("Body.", "http://x/#/profile")
    assert "Open the matchmaker: http://x/#/profile" in text
    assert "switch each kind of notice off" in text


def test_unknown_kinds_are_named() -> None:
    assert notices.unknown_kinds(("group_proposal", "spam")) == ["spam"]
