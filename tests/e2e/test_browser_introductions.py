"""Introductions and invitations in a real browser, with e-mail on an SMTP server on loopback:
a partner asks to meet a member, who accepts, and the partner then reads their address; an
invitee follows the invitation e-mail's link, signs in and accepts; an idea's proposer reads
each invitee's answer and can take back only the unanswered invitations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.browser import (
    browser_fixture,
    idea_suggestions_ready,
    page_fixture,
    screenshot,
    sign_in,
)
from tests.e2e.conftest import Service
from tests.e2e.waiting import eventually
from tests.mailbox import Mailbox, link, text

browser = browser_fixture()
page = page_fixture()

SIGN_IN = """mutation($input: SignInInput!) { signIn(input: $input) {
  ... on SignedIn { token } ... on NotAllowed { message } } }"""
CONSENT = """mutation { setMyConsent(input: {openToMatching: true, visibleToPartners: true}) {
  __typename } }"""
ME = "{ me { member { name email discipline expertiseStatement } } }"
SEARCH = """query($text: String!) { search(text: $text, first: 10) {
  ... on MemberSearch { results { nodes { memberId } } } } }"""
IDEA = """mutation($input: IdeaInput!) { submitIdea(input: $input) {
  ... on IdeaSaved { idea { id title } } } }"""
INVITE = """mutation($idea: ID!, $member: ID!) { inviteToIdea(ideaId: $idea, memberId: $member) {
  __typename } }"""
ANSWER = """mutation($idea: ID!, $accept: Boolean!) { answerIdeaInvitation(ideaId: $idea,
  accept: $accept) { __typename } }"""
INVITED = """query($idea: ID!) { idea(id: $idea) { invited { id name } } }"""


class Api:
    """GraphQL over HTTP as a demo identity."""

    def __init__(self, url: str) -> None:
        self.client = httpx.Client(base_url=url, timeout=60)

    def token(self, member_id: str, kind: str = "memberId") -> str:
        signed = self.gql(None, SIGN_IN, input={kind: member_id})["signIn"]
        assert "token" in signed, signed
        return str(signed["token"])

    def gql(self, token: str | None, query: str, **variables: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        answer = self.client.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )
        body: dict[str, Any] = answer.json()
        assert "errors" not in body, body
        return dict(body["data"])


@pytest.fixture(scope="module")
def api(demo_service: Service) -> Iterator[Api]:
    client = Api(demo_service.url)
    yield client
    client.client.close()


def picker(api: Api, role: str) -> list[dict[str, str]]:
    users = api.gql(None, "{ demoUsers { id name role } }")["demoUsers"]
    return [u for u in users if u["role"] == role]


def picker_members(api: Api) -> list[dict[str, str]]:
    return picker(api, "MEMBER")


def found_by_partner(api: Api, member_id: str, words: str) -> bool:
    """Whether the picker's partner finds the member among the first ten for `words` (the
    matching index catches up with a consent change within seconds)."""
    token = api.token(picker(api, "PARTNER")[0]["id"], "partnerId")
    answer = api.gql(token, SEARCH, text=words)["search"]
    return any(n["memberId"] == member_id for n in answer["results"]["nodes"])


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in to the IPEM matchmaker")).to_be_visible()


def test_a_partner_gets_the_members_address_after_they_accept(
    page: Page, api: Api, demo_mailbox: Mailbox
) -> None:
    member = picker_members(api)[0]
    token = api.token(member["id"])
    api.gql(token, CONSENT)  # found by partners, whatever the demo data says
    me = api.gql(token, ME)["me"]["member"]

    sign_in(page, "External partners")
    words = me["expertiseStatement"][:300] or me["discipline"]
    eventually(lambda: found_by_partner(api, member["id"], words) or None, 60, "a search hit")
    page.get_by_label("What expertise are you looking for?").fill(words)
    page.get_by_role("button", name="Search").click()
    hit = page.get_by_test_id("person-hit").filter(has_text=member["name"]).first
    hit.get_by_role("button", name=f"Ask for an introduction to {member['name']}").click()
    form = hit.get_by_role("form", name=f"Introduction to {member['name']}")
    form.get_by_label(f"Message to {member['name']}").fill(
        "We build QA phantoms and would value twenty minutes of your advice."
    )
    form.get_by_label("Your e-mail").fill("bd@partner.example")
    form.get_by_role("button", name="Send request").click()
    expect(hit.get_by_role("status")).to_have_text("Introduction requested")
    mine = page.get_by_test_id("my-introduction").filter(has_text=member["name"])
    expect(mine).to_contain_text("Waiting for an answer")
    expect(mine.get_by_test_id("introduction-email")).to_have_count(0)
    screenshot(page, "introduction-requested")

    notice = eventually(lambda: _mail_to(demo_mailbox, me["email"], "asks to be introduced"))
    assert "We build QA phantoms" in text(notice)

    sign_out(page)
    sign_in(page, "Members", member["name"])
    page.get_by_role("link", name="My profile").click()
    request = page.get_by_test_id("introduction-request").first
    expect(request).to_contain_text("asks to be introduced")
    screenshot(page, "introduction-to-answer")
    request.get_by_role("button", name=re.compile(r"^Accept the introduction")).click()
    expect(request.get_by_role("link", name="bd@partner.example")).to_be_visible()

    sign_out(page)
    sign_in(page, "External partners")
    mine = page.get_by_test_id("my-introduction").filter(has_text=member["name"])
    expect(mine).to_contain_text("Accepted")
    expect(mine.get_by_test_id("introduction-email")).to_have_text(me["email"])


def test_an_invitee_follows_the_e_mail_link_signs_in_and_accepts(
    page: Page, api: Api, demo_mailbox: Mailbox
) -> None:
    inviter, invitee = picker_members(api)[:2]
    token = api.token(inviter["id"])
    draft = {
        "title": "Shared QA phantom library",
        "summary": "A library of QA phantom designs shared between radiotherapy departments.",
        "status": "submitted",
    }
    idea = api.gql(token, IDEA, input=draft)["submitIdea"]["idea"]
    assert api.gql(token, INVITE, idea=idea["id"], member=invitee["id"])["inviteToIdea"]
    address = api.gql(api.token(invitee["id"]), ME)["me"]["member"]["email"]

    mail = eventually(lambda: _mail_to(demo_mailbox, address, idea["title"]))
    assert mail["Subject"] == f'{inviter["name"]} invited you to the idea "{idea["title"]}"'
    page.goto(link(mail))
    expect(page.get_by_role("heading", name="Sign in to the IPEM matchmaker")).to_be_visible()
    members = page.locator("section").filter(has=page.get_by_role("heading", name="Members"))
    members.get_by_role("button").filter(has_text=invitee["name"]).first.click()
    expect(page.get_by_role("heading", name="My profile")).to_be_visible()
    item = page.get_by_test_id("idea-invitation").filter(has_text=idea["title"])
    expect(item).to_contain_text(inviter["name"])
    item.get_by_role("button", name=f"Accept the invitation to {idea['title']}").click()
    expect(item).to_contain_text("Accepted")
    screenshot(page, "invitation-accepted")


def test_the_proposer_sees_each_answer_and_withdraws_only_unanswered_invitations(
    page: Page, api: Api
) -> None:
    proposer = picker_members(api)[0]
    token = api.token(proposer["id"])
    draft = {
        "title": "Quality assurance for community MRI hubs",
        "summary": "Portable low-field MRI in community hubs: image quality assurance, MRI "
        "safety for patients with implants and machine learning reconstruction of noisy images.",
        "requiredSkills": ["MRI physics", "machine learning", "MRI safety"],
        "status": "draft",
    }
    idea = api.gql(token, IDEA, input=draft)["submitIdea"]["idea"]
    sign_in(page, "Members", proposer["name"])
    page.goto(f"/#/ideas/{idea['id']}")
    expect(page.get_by_role("heading", name=idea["title"])).to_be_visible()
    idea_suggestions_ready(page)
    expect(page.get_by_test_id("invited")).to_have_text("Nobody yet.")
    people = page.get_by_test_id("team-member")
    expect(people.nth(2)).to_be_visible()
    names = [_invite_first_uninvited(page) for _ in range(3)]
    accepter, decliner, waiting = names

    ids = {m["name"]: m["id"] for m in api.gql(token, INVITED, idea=idea["id"])["idea"]["invited"]}
    assert set(ids) == set(names)
    for name, accept in ((accepter, True), (decliner, False)):
        answered = api.gql(api.token(ids[name]), ANSWER, idea=idea["id"], accept=accept)
        assert answered["answerIdeaInvitation"]["__typename"] == "IdeaInvitationAnswered"

    page.reload()
    # A decline reaches the proposer as "Not available" (privacy.told_requester), never as such.
    for name, state in ((accepter, "Accepted"), (decliner, "Not available")):
        item = _invitation(page, name)
        expect(item).to_contain_text(state)
        expect(item.get_by_role("button")).to_have_count(0)
        actions = _card(page, name).locator(".actions")
        expect(actions.get_by_text(state, exact=True)).to_be_visible()
        change = re.compile("^(Withdraw|Invite) ")
        expect(actions.get_by_role("button", name=change)).to_have_count(0)
    expect(_invitation(page, waiting)).to_contain_text("Invited")
    screenshot(page, "idea-invitations-answered")

    _invitation(page, waiting).get_by_role(
        "button", name=f"Withdraw the invitation of {waiting}"
    ).click()
    expect(_invitation(page, waiting)).to_have_count(0)  # the list follows without a reload
    expect(_card(page, waiting).get_by_role("button", name=f"Invite {waiting}")).to_be_visible()
    expect(page.get_by_test_id("invitation")).to_have_count(2)


def _card(page: Page, name: str) -> Locator:
    person = page.locator("strong").get_by_role("link", name=name, exact=True)
    return page.get_by_test_id("team-member").filter(has=person)


def _invitation(page: Page, name: str) -> Locator:
    person = page.get_by_role("link", name=name, exact=True)
    return page.get_by_test_id("invitation").filter(has=person)


def _invite_first_uninvited(page: Page) -> str:
    """Invite the first suggested person not yet invited, from their card; the idea's list of
    invitations shows them as invited, with a way to take it back, without a reload."""
    button = page.get_by_test_id("team-member").get_by_role("button", name=re.compile("^Invite "))
    name = (button.first.get_attribute("aria-label") or "").removeprefix("Invite ")
    button.first.click()
    item = _invitation(page, name)
    expect(item).to_contain_text("Invited")
    expect(item.get_by_role("button", name=f"Withdraw the invitation of {name}")).to_be_visible()
    expect(_card(page, name).get_by_role("button", name=f"Invite {name}")).to_have_count(0)
    return name


def _mail_to(mailbox: Mailbox, address: str, subject: str) -> EmailMessage | None:
    return next((m for m in mailbox.to(address) if subject in m["Subject"]), None)
