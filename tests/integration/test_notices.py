"""E-mail notices through the API, the graph's outbox and a real SMTP server on loopback."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from starlette.testclient import TestClient

from matchmaker.adapters import outbox
from matchmaker.adapters.audit import AuditEntry, write_audited
from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from matchmaker.config import SmtpSettings
from matchmaker.services.notice_sender import NoticeSender
from matchmaker.services.notices import group_proposal_steps
from tests.integration.api_world import Api, build_world, ok, refused
from tests.mailbox import Mailbox, link, running_mailbox, text

PUBLIC = "https://matchmaker.example.org"

INVITE = """mutation($idea: ID!, $member: ID!) { inviteToIdea(ideaId: $idea, memberId: $member) {
  __typename ... on NotAllowed { message } } }"""
OUTBOX = """query($status: String) { outbox(limit: 20, status: $status) {
  id kind recipientId to subject status attempts { at outcome error } } }"""
PREFERENCES = """mutation($input: NoticePreferencesInput!) { setNoticePreferences(input: $input) {
  __typename ... on NoticePreferencesSaved { preferences { ideaInvitation introductionRequest
  groupProposal } } ... on ValidationErrors { errors { field message } } } }"""


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    with running_mailbox() as running:
        yield running


@pytest.fixture
def api(runtime: Runtime, mailbox: tuple[Mailbox, int]) -> Iterator[Api]:
    smtp = SmtpSettings(host="127.0.0.1", port=mailbox[1], poll_s=0.1, retry_s=0.2)
    settings = replace(runtime.settings, smtp=smtp, public_url=PUBLIC)
    live = replace(runtime, settings=settings)
    build_world(live.graph, live.embedder)
    with TestClient(create_app(settings, runtime_factory=lambda _: live)) as client:
        yield Api(client, settings)


def notices(api: Api, status: str | None = None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = ok(api.gql("staff", OUTBOX, status=status))["outbox"]
    return found


def test_an_invitation_reaches_the_invitee_by_e_mail_with_a_link(
    api: Api, mailbox: tuple[Mailbox, int]
) -> None:
    box, _ = mailbox
    assert ok(api.gql("member", INVITE, idea="idea-sub", member="m-dan"))
    mail = box.wait_for(1)[0]
    assert mail["To"] == "m-dan@example.org"
    assert mail["Subject"] == 'Ada Fenwick invited you to the idea "Low-energy linac standby"'
    assert link(mail) == f"{PUBLIC}/#/profile"
    assert "switch each kind of notice off" in text(mail)
    sent = _eventually(lambda: notices(api, "sent"))
    assert [(n["kind"], n["recipientId"], n["to"]) for n in sent] == [
        ("idea_invitation", "m-dan", "m-dan@example.org")
    ]
    assert [a["outcome"] for a in sent[0]["attempts"]] == ["sent"]


def test_a_refusing_server_is_tried_again_until_it_accepts(
    api: Api, mailbox: tuple[Mailbox, int]
) -> None:
    box, _ = mailbox
    box.refuse = 2
    ok(api.gql("member", INVITE, idea="idea-sub", member="m-dan"))
    assert box.wait_for(1)[0]["To"] == "m-dan@example.org"
    assert box.refused == 2
    sent = _eventually(lambda: notices(api, "sent"))
    attempts = sent[0]["attempts"]
    assert [a["outcome"] for a in attempts] == ["retry", "retry", "sent"]
    assert all("451" in a["error"] for a in attempts[:2])
    assert attempts[2]["error"] == ""


def test_inviting_again_sends_nothing_new(api: Api, mailbox: tuple[Mailbox, int]) -> None:
    box, _ = mailbox
    ok(api.gql("member", INVITE, idea="idea-sub", member="m-dan"))
    ok(api.gql("member", INVITE, idea="idea-sub", member="m-dan"))
    box.wait_for(1)
    assert len(notices(api)) == 1


def test_a_member_who_switched_a_kind_off_gets_none_of_it(
    api: Api, mailbox: tuple[Mailbox, int]
) -> None:
    box, _ = mailbox
    saved = ok(api.gql("other_member", PREFERENCES, input={"ideaInvitation": False}))
    assert saved["setNoticePreferences"]["preferences"] == {
        "ideaInvitation": False,
        "introductionRequest": True,
        "groupProposal": True,
    }
    ok(api.gql("member", INVITE, idea="idea-sub", member="m-dan"))
    assert notices(api) == []
    mine = ok(api.gql("other_member", "{ noticePreferences { ideaInvitation } }"))
    assert mine["noticePreferences"] == {"ideaInvitation": False}
    assert box.messages == []


def test_a_refused_invitation_writes_no_notice(api: Api) -> None:
    answer = ok(api.gql("other_member", INVITE, idea="idea-sub", member="m-ada"))
    assert answer["inviteToIdea"]["__typename"] == "NotAllowed"
    assert notices(api) == []


def test_the_outbox_is_staff_s_and_bad_filters_are_named(api: Api) -> None:
    refused(api.gql("member", OUTBOX), "FORBIDDEN")
    refused(api.gql("partner", OUTBOX), "FORBIDDEN")
    body = api.gql("staff", OUTBOX, status="lost")
    assert "status" in body["errors"][0]["message"]


GROUP = """mutation($input: TaskGroupInput!) { createTaskGroup(input: $input) {
  ... on GroupSaved { group { id } } } }"""
SEND = """mutation($g: ID!) { sendGroupInvitations(groupId: $g) { __typename } }"""


def test_staff_sending_a_groups_invitations_tells_each_member(
    api: Api, mailbox: tuple[Mailbox, int]
) -> None:
    box, _ = mailbox
    draft = {
        "name": "Greener imaging T&F",
        "remit": "Write guidance on the energy use of imaging departments.",
        "memberIds": ["m-ada", "m-dan"],
    }
    group = ok(api.gql("staff", GROUP, input=draft))["createTaskGroup"]["group"]["id"]
    assert notices(api) == []  # proposing is not inviting
    ok(api.gql("staff", SEND, g=group))
    arrived = box.wait_for(2)
    assert {m["To"] for m in arrived} == {"m-ada@example.org", "m-dan@example.org"}
    assert {m["Subject"] for m in arrived} == {
        'You are invited to join the group "Greener imaging T&F"'
    }
    assert {link(m) for m in arrived} == {f"{PUBLIC}/#/groups/{group}"}


def test_a_permanent_refusal_fails_at_once_and_is_kept(runtime: Runtime) -> None:
    build_world(runtime.graph, runtime.embedder)
    with running_mailbox() as (box, port):

        async def refuse_for_good(*_: Any) -> str:
            return "550 5.1.1 No such user"

        box.handle_DATA = refuse_for_good  # type: ignore[method-assign]
        steps = group_proposal_steps("tg-1", "Greener radiotherapy", ["m-ada"])
        write_audited(runtime.graph, AuditEntry("s", "staff", "x", "tg-1"), steps)
        sender = NoticeSender(runtime.graph, SmtpSettings(host="127.0.0.1", port=port), PUBLIC)
        claimed = outbox.claim(sender.graph, sender.worker, 10, 60)
        assert len(claimed) == 1
        sender.send_one(claimed[0])
    [notice] = outbox.recent(runtime.graph, 10)
    assert notice.status == "failed"
    assert [(a.outcome, a.error[:3]) for a in notice.attempts] == [("failed", "550")]


def test_two_senders_never_claim_the_same_notice(runtime: Runtime) -> None:
    build_world(runtime.graph, runtime.embedder)
    members = ["m-ada", "m-ben", "m-cat", "m-dan"] * 10
    steps = group_proposal_steps("tg-1", "Greener radiotherapy", members)
    write_audited(runtime.graph, AuditEntry("s", "staff", "x", "tg-1"), steps)
    claims: dict[str, list[str]] = {}

    def claim(worker: str) -> None:
        claims[worker] = [n.id for n in outbox.claim(runtime.graph, worker, 40, 60)]

    threads = [threading.Thread(target=claim, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [notice for ids in claims.values() for notice in ids]
    assert len(every) == len(set(every)) == 40


def _eventually(read: Any, timeout_s: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = read()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("nothing came")
