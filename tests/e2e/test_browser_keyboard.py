"""The three journeys by keyboard alone, at laptop width: after the sign-in no mouse click.

Each control is reached with Tab or Shift+Tab (a bounded number of presses) and must show a
focus indicator once reached; it is worked with Enter or Space, text is typed key by key. Where
a control gives way to its outcome, the focus goes to that outcome, not back to the page.
"""

from __future__ import annotations

import re
import secrets

from playwright.sync_api import Locator, Page, expect

from tests.e2e.browser import browser_fixture, idea_suggestions_ready, page_fixture, sign_in

browser = browser_fixture()
page = page_fixture()

MAX_PRESSES = 80

IDEA_TITLE = "Keyboard: MRI quality assurance with machine learning"
IDEA_SUMMARY = (
    "Automated quality assurance of MRI scanners in NHS trusts: phantoms scanned each week, "
    "machine learning that flags drift before it harms images, and training for radiographers."
)

_BEFORE = "(t) => Boolean(document.activeElement.compareDocumentPosition(t) & 2)"
_FOCUSED = "(t) => t === document.activeElement"
_INDICATOR = """(t) => {
  const s = getComputedStyle(t);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  return t.matches(":focus-visible") && (outline || s.boxShadow !== "none");
}"""


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab (or Shift+Tab, where `target` comes before the focus) until `target` has focus,
    and check that it shows where the focus is."""
    target.wait_for()
    key = "Shift+Tab" if target.evaluate(_BEFORE) else "Tab"
    for _ in range(MAX_PRESSES):
        if target.evaluate(_FOCUSED):
            break
        page.keyboard.press(key)
    else:
        focused = page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
        raise AssertionError(f"{MAX_PRESSES} presses of {key} did not reach {target}: {focused}")
    assert target.evaluate(_INDICATOR), f"{target} has focus but shows no focus indicator"


def press(page: Page, target: Locator, key: str = "Enter") -> None:
    tab_to(page, target)
    page.keyboard.press(key)


def type_into(page: Page, field: Locator, text: str) -> None:
    tab_to(page, field)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    expect(field).to_have_value(text)


def test_a_member_writes_invites_and_submits_by_keyboard(page: Page) -> None:
    sign_in(page, "Members")
    calls = page.get_by_test_id("call")
    press(page, calls.first.get_by_role("link", name="Write an idea for this call"))
    expect(page.get_by_role("heading", name="Write an idea")).to_be_focused()
    title = f"{IDEA_TITLE} {secrets.token_hex(2)}"
    type_into(page, page.get_by_label("Title"), title)
    type_into(page, page.get_by_label("The idea in plain language"), IDEA_SUMMARY)
    type_into(page, page.get_by_label("Skills the team needs"), "machine learning, MRI physics")
    press(page, page.get_by_role("button", name="Save draft and find collaborators"))

    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.get_by_test_id("idea-status")).to_have_text("Draft")
    idea_suggestions_ready(page)
    first = page.get_by_test_id("team-member").first
    invite = first.get_by_role("button", name=re.compile("^Invite "))
    name = (invite.get_attribute("aria-label") or "").removeprefix("Invite ")
    press(page, invite, "Space")
    expect(first.locator(":focus")).to_have_text("Invited")
    expect(page.get_by_test_id("invited")).to_contain_text(name)

    press(page, page.get_by_role("button", name="Submit the idea"))
    expect(page.get_by_text("You cannot edit it while it is submitted")).to_be_visible()
    expect(page.get_by_role("button", name="Yes, submit")).to_be_focused()
    press(page, page.get_by_role("button", name="Cancel"))
    expect(page.get_by_role("button", name="Submit the idea")).to_be_focused()
    page.keyboard.press("Enter")
    press(page, page.get_by_role("button", name="Yes, submit"))
    expect(page.get_by_text("Your idea is submitted.")).to_be_visible()
    expect(page.get_by_test_id("idea-status")).to_have_text("Submitted")
    expect(page.get_by_role("button", name="Withdraw the submission")).to_be_focused()


def test_staff_assemble_lock_swap_and_save_a_group_by_keyboard(page: Page) -> None:
    sign_in(page, "STERIC staff")
    nav = page.get_by_role("navigation", name="Main")
    press(page, nav.get_by_role("link", name="Assemble a group"))
    expect(page.get_by_role("heading", name="Assemble a Task-and-Finish group")).to_be_focused()
    group = f"T&F: keyboard walk {secrets.token_hex(3)}"
    type_into(page, page.get_by_label("Group name"), group)
    type_into(
        page,
        page.get_by_label("Remit", exact=True),
        "Guidance on the cybersecurity of networked medical devices in NHS trusts.",
    )
    type_into(page, page.get_by_label("Group size"), "4")
    press(page, page.get_by_role("button", name="Suggest a group"))

    team = page.get_by_test_id("team-member")
    expect(team).to_have_count(4)
    expect(page.get_by_role("heading", name="Suggested group")).to_be_focused()
    kept = team.nth(0).locator("strong a").first.inner_text()
    swapped = team.nth(1).locator("strong a").first.inner_text()
    lock = team.nth(0).get_by_role("button", name=f"Lock {kept}")
    press(page, lock, "Space")
    expect(lock).to_have_attribute("aria-pressed", "true")
    press(page, team.nth(1).get_by_role("button", name=f"Swap out {swapped}"))
    shown = page.get_by_test_id("team")
    expect(shown.get_by_text(swapped, exact=True)).to_have_count(0)
    expect(shown.get_by_text(kept, exact=True)).to_have_count(1)
    expect(team).to_have_count(4)
    newcomer = team.locator("button:focus")  # the swap's row is gone: its newcomer has the focus
    expect(newcomer).to_have_attribute("aria-label", re.compile("^Lock "))
    expect(newcomer).not_to_have_attribute("aria-label", f"Lock {kept}")

    press(page, page.get_by_role("button", name="Save as a draft"))
    expect(page.get_by_text(re.compile(f"^Saved “{re.escape(group)}” as a draft"))).to_be_visible()
    expect(page.get_by_role("link", name="Open the group")).to_be_focused()
    press(page, page.get_by_role("link", name="Open the group"))
    expect(page.get_by_role("heading", name=group)).to_be_visible()
    expect(page.get_by_test_id("group-state")).to_have_text("Draft")
    expect(page.get_by_test_id("group-seat").filter(has_text=kept)).to_have_count(1)


def test_a_partner_searches_filters_opens_and_shows_interest_by_keyboard(page: Page) -> None:
    sign_in(page, "External partners")
    expect(page.get_by_role("heading", name="Find expertise")).to_be_visible()
    type_into(page, page.get_by_label("What expertise are you looking for?"), "MRI safety")
    press(page, page.get_by_role("button", name="Search", exact=True))
    summary = page.get_by_test_id("result-summary")
    expect(summary).to_contain_text("MRI safety")
    hits = page.get_by_test_id("person-hit")
    expect(hits.first).to_be_visible()

    filters = page.locator("summary").filter(has_text="Filters")
    press(page, filters)
    nhs = page.get_by_role("checkbox", name="NHS")
    press(page, nhs, "Space")
    expect(nhs).to_be_checked()
    expect(summary).to_contain_text("(NHS)")

    person = hits.first.locator("strong a").first
    name = person.inner_text()
    press(page, person)
    expect(page.get_by_test_id("member-name")).to_have_text(name)

    press(page, page.get_by_role("navigation", name="Main").get_by_role("link", name="Ideas"))
    cards = page.get_by_test_id("idea-card")
    expect(cards.first).to_be_visible()
    interest = page.get_by_role("button", name=re.compile("^Express interest in ")).first
    idea = (interest.get_attribute("aria-label") or "").removeprefix("Express interest in ")
    press(page, interest)
    card = cards.filter(has=page.get_by_role("link", name=idea, exact=True))
    expect(card.get_by_text("Interest recorded")).to_be_focused()
    page.reload()
    expect(card.get_by_text("Interest recorded")).to_be_visible()
