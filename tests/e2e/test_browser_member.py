"""The member journey in a real browser: sign in, profile and consent, an idea and its team."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import violations
from tests.e2e.browser import (
    Service,
    browser_fixture,
    count_text,
    idea_suggestions_ready,
    page_fixture,
    screenshot,
    sign_in,
)

browser = browser_fixture()
page = page_fixture()

IDEA_TITLE = "Low-field MRI for community diagnostic hubs"
IDEA_SUMMARY = (
    "Portable low-field MRI in community diagnostic hubs to shorten waiting lists outside the big "
    "centres: image quality assurance, safety for patients with implants, and machine learning "
    "reconstruction of noisy images, tested with an NHS trust and an industry partner."
)


def test_the_sign_in_picker_offers_each_kind_of_demo_user(page: Page) -> None:
    page.goto("/")
    for heading in ("Members", "STERIC staff", "External partners"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    screenshot(page, "sign-in")


def test_a_member_edits_their_profile_and_consent(page: Page) -> None:
    sign_in(page, "Members")
    page.get_by_role("link", name="My profile").click()
    expect(page.get_by_role("heading", name="My profile")).to_be_focused()
    statement = page.get_by_label("Expertise statement")
    expect(statement).to_be_visible()
    screenshot(page, "member-profile")
    before = statement.input_value()
    _save_statement(page, "Quality assurance of MRI and ultrasound; teaching; AI for image QA.")
    page.reload()
    expect(page.get_by_label("Expertise statement")).to_have_value(re.compile("AI for image QA"))

    partners = page.get_by_label(re.compile("Visible to external partners"))
    wanted = not partners.is_checked()
    _save_partner_consent(page, wanted)
    page.reload()
    expect(page.get_by_label(re.compile("Visible to external partners"))).to_be_checked(
        checked=wanted
    )
    # Leave the shared demo member as it was.
    _save_partner_consent(page, not wanted)
    _save_statement(page, before)


def _save_statement(page: Page, text: str) -> None:
    page.get_by_label("Expertise statement").fill(text)
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()


def _save_partner_consent(page: Page, visible: bool) -> None:
    page.get_by_label(re.compile("Visible to external partners")).set_checked(visible)
    page.get_by_role("button", name="Save consent").click()
    expect(page.get_by_text("Your consent choices are saved.")).to_be_visible()


def test_a_member_writes_an_idea_sees_a_team_invites_and_submits(page: Page) -> None:
    sign_in(page, "Members")
    expect(page.get_by_role("heading", name="Calls and ideas")).to_be_visible()
    calls = page.get_by_test_id("call")
    expect(calls.first).to_be_visible()
    assert calls.count() >= 1
    screenshot(page, "member-calls")

    calls.first.get_by_role("link", name="Write an idea for this call").click()
    expect(page.get_by_role("heading", name="Write an idea")).to_be_visible()
    page.get_by_label("Title").fill(IDEA_TITLE)
    page.get_by_label("The idea in plain language").fill(IDEA_SUMMARY)
    page.get_by_label("Skills the team needs").fill(
        "MRI physics, machine learning, MRI safety, quality assurance"
    )
    page.get_by_role("button", name="Save draft and find collaborators").click()

    expect(page.get_by_role("heading", name=IDEA_TITLE)).to_be_visible()
    expect(page.get_by_test_id("idea-status")).to_have_text("Draft")
    idea_suggestions_ready(page)
    people = page.get_by_test_id("team-member")
    assert people.count() == 4
    expect(people.first.get_by_role("list", name=re.compile("^Why "))).to_be_visible()
    covered = count_text(page.get_by_test_id("covered-count").inner_text())
    gaps = count_text(page.get_by_test_id("gap-count").inner_text())
    assert covered + gaps == 4, "each required skill is either covered or a gap"
    first = people.first
    invitee = first.get_by_role("button", name=re.compile("^Invite "))
    name = (invitee.get_attribute("aria-label") or "").removeprefix("Invite ")
    expect(page.get_by_test_id("invited")).not_to_contain_text(name)
    invitee.click()
    expect(first.get_by_text("Invited")).to_be_visible()
    expect(page.get_by_test_id("invited")).to_contain_text(name)  # without reloading the page
    first.get_by_role("button", name=f"Withdraw the invitation of {name}").click()
    expect(page.get_by_test_id("invited")).not_to_contain_text(name)
    invitee.click()
    expect(page.get_by_test_id("invited")).to_contain_text(name)
    second = people.nth(1)
    not_a_fit = second.get_by_role("button", name=re.compile("^Not a fit: "))
    assert "Nobody is contacted" in (not_a_fit.get_attribute("title") or "")
    not_a_fit.click()
    expect(second.get_by_text("Marked not a fit")).to_be_visible()

    page.get_by_role("button", name="Submit the idea").click()
    page.get_by_role("button", name="Cancel").click()
    expect(page.get_by_test_id("idea-status")).to_have_text("Draft")
    page.get_by_role("button", name="Submit the idea").click()
    expect(page.get_by_text("You cannot edit it while it is submitted")).to_be_visible()
    page.get_by_role("button", name="Yes, submit").click()
    expect(page.get_by_text("Your idea is submitted.")).to_be_visible()
    expect(page.get_by_test_id("idea-status")).to_have_text("Submitted")

    # A submission can be taken back (asked first), and the draft submitted again.
    page.get_by_role("button", name="Withdraw the submission").click()
    page.get_by_role("button", name="Cancel").click()
    expect(page.get_by_test_id("idea-status")).to_have_text("Submitted")
    page.get_by_role("button", name="Withdraw the submission").click()
    page.get_by_role("button", name="Yes, withdraw").click()
    expect(page.get_by_text("Your idea is withdrawn")).to_be_visible()
    expect(page.get_by_test_id("idea-status")).to_have_text("Draft")
    page.get_by_role("button", name="Submit the idea").click()
    page.get_by_role("button", name="Yes, submit").click()
    expect(page.get_by_test_id("idea-status")).to_have_text("Submitted")

    # Partners and KTP routes are asked for the team's gaps once the team is there.
    partners = page.get_by_test_id("partner")
    expect(partners.first).to_be_visible()
    expect(partners.first.get_by_role("list", name=re.compile("^Why "))).to_be_visible()
    partner = partners.first
    partner.get_by_role("button", name=re.compile("^Good suggestion: ")).click()
    expect(partner.get_by_text("Marked a good suggestion")).to_be_visible()
    expect(page.get_by_test_id("ktp-rule")).to_contain_text("full-time staff")
    screenshot(page, "member-idea")


def test_a_name_with_markup_is_shown_as_text(page: Page, demo_service: Service) -> None:
    hostile = '<b>x</b> <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=2">'
    original = sign_in(page, "Members")
    member_id = _member_id(page)
    _rename(page, hostile)
    try:
        page.goto(f"/#/members/{member_id}")
        heading = page.get_by_test_id("member-name")
        expect(heading).to_have_text(hostile)
        assert heading.locator("b, script, img").count() == 0
        screenshot(page, "markup-name")

        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("button").filter(has_text=hostile)).to_be_visible()
        assert page.locator("main b, main script, main img").count() == 0
        sign_in(page, "Members", "<b>x</b>")
        expect(page.get_by_test_id("signed-in-name")).to_have_text(hostile)
        assert page.evaluate("() => window.__pwned") is None
    finally:
        _rename_through_api(demo_service.url, member_id, original)


def _member_id(page: Page) -> str:
    page.goto("/#/profile")
    network = page.get_by_role("link", name=re.compile("^See my network"))
    return (network.get_attribute("href") or "").rsplit("/", 1)[-1]


def _rename(page: Page, name: str) -> None:
    page.goto("/#/profile")
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()


def _rename_through_api(url: str, member_id: str, name: str) -> None:
    """Put the demo member's name back for the tests that share the service."""
    sign_in_as = "mutation($id: ID!) { signIn(input: {memberId: $id}) { ...on SignedIn {token} } }"
    body = {"query": sign_in_as, "variables": {"id": member_id}}
    token = httpx.post(f"{url}/graphql", json=body).json()["data"]["signIn"]["token"]
    rename = "mutation($n: String!) { updateMyProfile(input: {name: $n}) { __typename } }"
    headers = {"Authorization": f"Bearer {token}"}
    body = {"query": rename, "variables": {"n": name}}
    assert httpx.post(f"{url}/graphql", json=body, headers=headers).status_code == 200


def test_a_failed_request_says_so_and_can_be_retried(page: Page) -> None:
    sign_in(page, "Members")
    expect(page.get_by_test_id("call").first).to_be_visible()
    page.route("**/graphql", lambda route: route.abort())
    page.get_by_role("link", name="My profile").click()
    # The profile and each of its panels say so; the first alert is the profile's own.
    alert = page.get_by_role("alert").filter(has_text="could not be reached").first
    expect(alert).to_be_visible()
    page.unroute("**/graphql")
    alert.get_by_role("button", name="Retry").click()
    expect(page.get_by_label("Expertise statement")).to_be_visible()


def test_a_call_past_its_closing_date_is_shown_closed(page: Page) -> None:
    # The greener-healthcare demo call closes on 31 Jan 2026, and its record still says open.
    page.clock.set_fixed_time("2026-02-10T10:00:00Z")
    sign_in(page, "Members")
    open_calls = page.get_by_test_id("call")
    expect(open_calls.first).to_be_visible()
    assert all("greener" not in t.lower() for t in open_calls.all_inner_texts())
    page.get_by_test_id("past-calls").locator("summary").click()
    closed = page.get_by_test_id("closed-call").filter(has_text=re.compile("greener", re.I))
    expect(closed.get_by_test_id("call-status")).to_have_text("Closed")
    expect(closed.get_by_role("link", name="Write an idea for this call")).to_have_count(0)


def test_the_accessibility_scan_catches_a_nameless_button(page: Page) -> None:
    sign_in(page, "Members")
    expect(page.get_by_test_id("call").first).to_be_visible()
    assert violations(page) == []
    page.evaluate("() => document.querySelector('main').append(document.createElement('button'))")
    assert any(v.startswith("critical button-name") for v in violations(page))


def test_the_proposer_confirms_the_ideas_skills_and_the_team_follows_them(page: Page) -> None:
    sign_in(page, "Members")
    page.get_by_test_id("call").first.get_by_role(
        "link", name="Write an idea for this call"
    ).click()
    page.get_by_label("Title").fill("Confirmed skills for low-field MRI hubs")
    page.get_by_label("The idea in plain language").fill(IDEA_SUMMARY)
    page.get_by_label("Skills the team needs").fill("machine learning, quality assurance")
    page.get_by_role("button", name="Save draft and find collaborators").click()

    panel = page.locator("section").filter(
        has=page.get_by_role("heading", name="Skills the team needs")
    )
    expect(panel.get_by_test_id("skills-state")).to_have_text("Not confirmed yet")
    chips = panel.get_by_test_id("idea-skill")
    expect(chips.first).to_be_visible()
    proposed = [c.strip("×").strip() for c in chips.all_inner_texts()]
    assert proposed[:2] == ["AI and machine learning", "quality assurance"], proposed
    panel.get_by_role("button", name="Remove quality assurance").click()
    box = panel.get_by_label("Add a skill")
    box.fill("Basket weaving")
    panel.get_by_role("button", name="Add", exact=True).click()
    expect(panel.get_by_role("alert")).to_contain_text("not in the skills vocabulary")
    box.fill("particle therapy")  # a synonym: the chip names its skill
    panel.get_by_role("button", name="Add", exact=True).click()
    expect(chips.last).to_contain_text("proton therapy")
    wanted = [c.strip("×").strip() for c in chips.all_inner_texts()]
    assert "quality assurance" not in wanted
    screenshot(page, "member-idea-skills")
    panel.get_by_role("button", name="Confirm these skills").click()
    expect(panel.get_by_test_id("skills-state")).to_have_text("Confirmed")

    coverage = page.get_by_role("table", name="How well the team covers each required skill")
    rows = coverage.get_by_role("rowheader")  # waits for the team asked for the confirmed skills
    expect(rows).to_have_text([re.compile(rf"^{re.escape(w)}(\s*gap)?\s*$") for w in wanted])

    page.reload()
    expect(panel.get_by_test_id("skills-state")).to_have_text("Confirmed")
    expect(chips).to_have_text(wanted)


def test_an_unknown_address_says_the_page_is_not_found(page: Page) -> None:
    sign_in(page, "Members")
    page.goto("/#/no-such-page")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    expect(page.get_by_role("link", name="Go to your start page")).to_be_visible()
    screenshot(page, "not-found")
