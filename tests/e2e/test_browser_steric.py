"""The STERIC journey in a real browser: the dashboard, assembling a group, the silo map."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.e2e.browser import (
    LAPTOP,
    PHONE,
    browser_fixture,
    count_text,
    needs,
    page_fixture,
    screenshot,
    sign_in,
)

browser = browser_fixture()
page = page_fixture()

GROUP = "T&F: device cybersecurity guidance"
REMIT = (
    "Write guidance on the cybersecurity of networked medical devices and software as a medical "
    "device in NHS trusts: threat modelling, patching, procurement and regulation."
)


def test_the_dashboard_shows_calls_ideas_and_groups_by_theme(page: Page) -> None:
    sign_in(page, "STERIC staff")
    expect(page.get_by_role("heading", name="STERIC dashboard")).to_be_visible()
    cards = page.get_by_test_id("theme-card")
    expect(cards.first).to_be_visible()
    assert cards.count() >= 6, "the strategy has three grand challenges and three trends"
    for kind in ("calls", "ideas", "groups"):
        assert count_text(page.get_by_test_id(f"total-{kind}").inner_text()) > 0
    screenshot(page, "steric-dashboard")


def test_staff_assemble_lock_swap_and_save_a_group(page: Page) -> None:
    sign_in(page, "STERIC staff")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Assemble a group").click()
    expect(page.get_by_role("heading", name="Assemble a Task-and-Finish group")).to_be_focused()
    page.get_by_label("Group name").fill(GROUP)
    page.get_by_label("Remit", exact=True).fill(REMIT)
    page.get_by_label("Skills or disciplines that must be present").fill(
        "cybersecurity, medical device regulation, clinical engineering"
    )
    page.get_by_label("Group size").fill("5")
    # Leaving out members at their limit is not calling them overloaded (only above it is).
    expect(page.get_by_label("Only members with room for another group")).to_be_checked()
    expect(page.get_by_text("overloaded")).to_have_count(0)
    page.get_by_role("button", name="Suggest a group").click()

    team = page.get_by_test_id("team-member")
    expect(team.first).to_be_visible()
    expect(page.get_by_role("heading", name="Suggested group")).to_be_focused()
    assert team.count() == 5
    expect(page.get_by_test_id("covered-count")).to_be_visible()
    expect(page.get_by_test_id("gap-count")).to_be_visible()
    assert count_text(page.get_by_test_id("distinct-sectors").inner_text()) >= 2
    expect(page.get_by_text(re.compile(r"Career stages"))).to_be_visible()
    screenshot(page, "steric-assemble")

    kept = _name(team.nth(0))
    swapped = _name(team.nth(1))
    team.nth(0).get_by_role("button", name=f"Lock {kept}").click()
    expect(team.nth(0).get_by_role("button", name=f"Lock {kept}")).to_have_attribute(
        "aria-pressed", "true"
    )
    others = [_name(row) for row in team.all()[2:]]
    team.nth(1).get_by_role("button", name=f"Swap out {swapped}").click()
    expect(page.get_by_test_id("team").get_by_text(swapped, exact=True)).to_have_count(0)
    expect(page.get_by_test_id("team").get_by_text(kept, exact=True)).to_have_count(1)
    assert team.count() == 5

    # The swap locks only the person who came in; the others stay unlocked.
    expect(page.get_by_test_id("lock-bar")).to_contain_text("2 people locked")
    pressed = {_name(row): _locked(row) for row in team.all()}
    newcomer = next(n for n in pressed if n not in (kept, *others))
    assert pressed[kept]
    assert pressed[newcomer]
    assert not any(pressed[n] for n in others if n in pressed)

    # So a smaller group can be had, and the answer is scrolled into view, even on a phone.
    page.set_viewport_size(PHONE)
    page.evaluate("window.scrollTo(0, 0)")
    page.get_by_label("Group size").fill("4")
    page.get_by_label("Group size").press("Enter")  # sent from the form's top, far from the answer
    try:
        expect(team).to_have_count(4)
    except AssertionError as e:
        answer = page.locator("[aria-live=polite][aria-busy]").inner_text()
        raise AssertionError(f"no group of 4 with 2 locked: {answer[:800]}") from e
    expect(page.get_by_role("heading", name="Suggested group")).to_be_in_viewport()

    # At laptop width too: asked again from the foot of the form, the answer comes into view.
    page.set_viewport_size(LAPTOP)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.get_by_role("button", name="Suggest a group").focus()
    heading = page.get_by_role("heading", name="Suggested group")
    expect(heading).not_to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(heading).to_be_in_viewport()
    expect(page.locator("[aria-live=polite]")).to_have_attribute("aria-busy", "false")
    expect(team).to_have_count(4)
    shown = [_name(row) for row in team.all()]
    assert kept in shown
    assert newcomer in shown

    page.get_by_role("button", name="Unlock all").click()
    expect(page.get_by_test_id("lock-bar")).to_have_count(0)
    for row in team.all():
        assert not _locked(row)

    with page.expect_download() as started:
        page.get_by_role("button", name="Download the group as CSV").click()
    rows = Path(started.value.path()).read_bytes().decode("utf-8-sig").split("\r\n")
    assert rows[0].startswith("Name,Discipline")
    assert sum(1 for row in rows if row.startswith(tuple(shown))) == 4

    page.get_by_role("button", name="Save as a draft").click()
    expect(page.get_by_text(re.compile(f"^Saved “{re.escape(GROUP)}” as a draft"))).to_be_visible()
    page.get_by_role("link", name="Open the group").click()
    expect(page.get_by_role("heading", name=GROUP)).to_be_visible()
    expect(page.get_by_text(kept, exact=True)).to_be_visible()


def test_staff_ask_for_a_region_and_a_discipline_and_cap_a_sector(page: Page) -> None:
    sign_in(page, "STERIC staff")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Assemble a group").click()
    page.get_by_label("Remit", exact=True).fill(REMIT)
    page.get_by_label("Group size").fill("5")
    page.get_by_label("Scotland", exact=True).fill("1")
    page.get_by_role("button", name="Add a discipline").click()
    page.get_by_label("Discipline 1", exact=True).fill("Clinical engineering")
    page.get_by_role("button", name="Suggest a group").click()
    _answered(page)
    team = page.get_by_test_id("team-member")
    assert team.count() == 5
    expect(team.filter(has_text="Scotland")).not_to_have_count(0)
    expect(team.filter(has_text="Clinical engineering")).not_to_have_count(0)
    screenshot(page, "steric-assemble-region")

    # Industry is asked for at least once by default: capping it at none cannot hold.
    page.get_by_label("At most from Industry").fill("0")
    page.get_by_role("button", name="Suggest a group").click()
    expect(page.get_by_text("No team meets every constraint.")).to_be_visible()
    refused = page.get_by_role("listitem").filter(
        has_text="sector industry: at least 1 required but at most 0 allowed"
    )
    expect(refused).to_be_visible()


# A name of its own each run, so that the walk finds its own group and invitation.
LIFECYCLE_GROUP = f"T&F: greener imaging guidance {secrets.token_hex(3)}"
LIFECYCLE_REMIT = (
    "Write guidance on cutting the energy use and waste of imaging departments: scanner standby, "
    "cooling, disposables and procurement."
)


def test_staff_form_a_group_a_member_accepts_and_staff_activate(page: Page) -> None:
    member = sign_in(page, "Members")
    member_id = page.evaluate(
        "JSON.parse(sessionStorage.getItem('matchmaker.session')).user.subjectId"
    )
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "STERIC staff")
    group_url = _save_a_draft(page)
    seats = page.get_by_test_id("group-seat")
    expect(page.get_by_test_id("group-state")).to_have_text("Draft")
    if seats.filter(has_text=member).count() == 0:
        _add(page, member)
    page.get_by_role("button", name=f"Make chair: {member}").click()
    expect(page.get_by_text(f"{member} is the chair.")).to_be_visible()
    expect(seats.first).to_contain_text(member)  # the chair is listed first
    expect(seats.first.get_by_text("Chair", exact=True)).to_be_visible()

    removed = next(_name(s) for s in seats.all() if _name(s) != member)
    before = seats.count()
    page.get_by_role("button", name=f"Remove {removed}").click()
    expect(seats).to_have_count(before - 1)
    expect(page.get_by_test_id("group-seat").filter(has_text=removed)).to_have_count(0)

    page.get_by_label("Acceptances needed to activate").fill("1")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Saved the group's details.")).to_be_visible()
    screenshot(page, "steric-group-draft")

    page.get_by_role("button", name=re.compile(r"^Send invitations")).click()
    expect(page.get_by_test_id("group-state")).to_have_text("Invitations sent")
    expect(page.get_by_text(f"Invitations sent to {before - 1} members.")).to_be_visible()
    page.get_by_role("button", name="Activate the group").click()
    expect(
        page.get_by_role("alert").filter(has_text="At least 1 member must accept")
    ).to_be_visible()
    expect(page.get_by_test_id("group-state")).to_have_text("Invitations sent")
    page.get_by_role("button", name="Sign out").click()

    _member_accepts(page, member, member_id)

    sign_in(page, "STERIC staff")
    page.goto(group_url)
    page.get_by_role("button", name="Activate the group").click()
    expect(page.get_by_test_id("group-state")).to_have_text("Active")
    expect(page.get_by_test_id("group-standing")).to_contain_text("Active with 1 member")
    expect(page.get_by_role("button", name="Send invitations")).to_have_count(0)
    screenshot(page, "steric-group-active")
    _export(page, member, before - 1)


def _save_a_draft(page: Page, name: str = LIFECYCLE_GROUP) -> str:
    """Assemble a group of four and save it as a draft; returns the group page's address."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Assemble a group").click()
    page.get_by_label("Group name").fill(name)
    page.get_by_label("Remit", exact=True).fill(LIFECYCLE_REMIT)
    page.get_by_label("Group size").fill("4")
    page.get_by_role("button", name="Suggest a group").click()
    _answered(page)
    page.get_by_role("button", name="Save as a draft").click()
    page.get_by_role("link", name="Open the group").click()
    expect(page.get_by_role("heading", name=name)).to_be_visible()
    expect(page.get_by_test_id("group-seat")).to_have_count(4)
    return page.url


def test_staff_close_a_draft_group_and_it_offers_no_more_changes(page: Page) -> None:
    sign_in(page, "STERIC staff")
    _save_a_draft(page, f"T&F: closed guidance {secrets.token_hex(3)}")
    state = page.get_by_test_id("group-state")
    expect(state).to_have_text("Draft")
    changes = _changes(page)
    for change in changes:
        expect(change).not_to_have_count(0)  # offered while the group forms

    # The focus follows the question, so a keyboard user never falls back to the page.
    ask = page.get_by_role("button", name="Close the group")
    ask.click()
    expect(page.get_by_role("button", name="Yes, close it")).to_be_focused()
    page.get_by_role("button", name="Keep it open").click()
    expect(ask).to_be_focused()
    expect(state).to_have_text("Draft")
    page.keyboard.press("Enter")
    confirm = page.get_by_role("group", name="Confirm closing")
    expect(confirm).to_contain_text("can no longer change")
    page.keyboard.press("Enter")  # on "Yes, close it"
    expect(state).to_have_text("Closed")
    standing = page.get_by_test_id("group-standing")
    expect(standing).to_contain_text("Closed")
    expect(standing).to_be_focused()
    for change in changes:
        expect(change).to_have_count(0)
    screenshot(page, "steric-group-closed")

    page.reload()
    expect(state).to_have_text("Closed")
    expect(page.get_by_role("button", name="Close the group")).to_have_count(0)
    # What it was can still be read and taken away.
    expect(page.get_by_test_id("group-seat")).to_have_count(4)
    expect(page.get_by_role("button", name="Download the group as CSV")).to_be_visible()
    expect(page.get_by_role("link", name="Printable page")).to_be_visible()


def _changes(page: Page) -> list[Locator]:
    """The controls that change a group: none makes sense once it is closed."""
    button = page.get_by_role("button")
    return [
        button.filter(has_text=re.compile("^Send invitations")),
        page.get_by_role("button", name="Close the group"),
        button.filter(has_text=re.compile("^Make chair$")),
        button.filter(has_text=re.compile("^Remove$")),
        page.get_by_label("Member's name"),
        page.get_by_role("button", name="Save changes"),
    ]


def _answered(page: Page, tries: int = 3) -> None:
    """Wait for the suggestion; on a busy machine the service may stop a slow one, and the page
    offers Retry (what this walk checks is what comes after)."""
    team, retry = page.get_by_test_id("team-member"), page.get_by_role("button", name="Retry")
    for _ in range(tries):
        expect(team.first.or_(retry)).to_be_visible()
        if team.count() > 0:
            return
        retry.click()
    expect(team.first).to_be_visible()


def _add(page: Page, member: str) -> None:
    page.get_by_label("Member's name").fill(member)
    page.get_by_role("button", name="Find").click()
    page.get_by_role("button", name=f"Add {member}").click()
    expect(page.get_by_text(f"Proposed {member}.")).to_be_visible()
    expect(page.get_by_test_id("group-seat").filter(has_text=member)).to_have_count(1)


def _member_accepts(page: Page, member: str, member_id: str) -> None:
    """The member, on a phone, finds the invitation on their own page and accepts it."""
    sign_in(page, "Members", member)
    page.set_viewport_size(PHONE)
    page.goto(f"/#/members/{member_id}")
    invitation = page.get_by_test_id("group-invitation").filter(has_text=LIFECYCLE_GROUP)
    expect(invitation).to_contain_text("Invited as chair")
    screenshot(page, "member-group-invitation")
    page.set_viewport_size(PHONE)
    invitation.get_by_role("button", name=f"Accept the invitation to {LIFECYCLE_GROUP}").click()
    expect(page.get_by_text(f"You accepted the invitation to “{LIFECYCLE_GROUP}”.")).to_be_visible()
    page.set_viewport_size(LAPTOP)
    page.get_by_role("button", name="Sign out").click()


def _export(page: Page, member: str, people: int) -> None:
    with page.expect_download() as started:
        page.get_by_role("button", name="Download the group as CSV").click()
    rows = Path(started.value.path()).read_bytes().decode("utf-8-sig").split("\r\n")
    assert (
        rows[0] == "Name,Role,Invitation,Organisation,Sector,Discipline,Career stage,Region,Skills"
    )
    assert rows[1].startswith(f"{member},Chair,Accepted,"), rows[1]
    assert sum(1 for row in rows[1:] if row) == people

    page.get_by_role("link", name="Printable page").click()
    expect(page.get_by_role("heading", name=LIFECYCLE_GROUP)).to_be_visible()
    table = page.get_by_test_id("print-table")
    expect(table.get_by_role("row")).to_have_count(people + 1)
    expect(table).to_contain_text(member)
    screenshot(page, "steric-group-print")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    expect(table).to_be_visible()
    page.emulate_media(media="screen")


def test_the_silo_map_names_pairs_that_never_work_together(page: Page) -> None:
    sign_in(page, "STERIC staff")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Silo map").click()
    expect(page.get_by_role("heading", name="Silo map")).to_be_visible()
    expect(page.get_by_role("table")).to_be_visible()
    expect(page.get_by_test_id("silo-summary")).to_contain_text("never work together")
    screenshot(page, "steric-silos")
    page.get_by_label("Sectors").check()
    expect(page.get_by_role("row").first).to_be_visible()


@needs("SuggestKtp")
def test_staff_find_ktp_triads_for_a_topic(page: Page) -> None:
    sign_in(page, "STERIC staff")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="KTP triads").click()
    page.get_by_label("What would the partnership work on?").fill(
        "radiotherapy treatment planning software"
    )
    page.get_by_role("button", name="Find triads").click()
    expect(page.get_by_test_id("ktp-rule")).to_contain_text("full-time staff")
    triads = page.get_by_test_id("triad")
    expect(triads.first).to_be_visible()
    expect(triads.first.get_by_text("Knowledge base")).to_be_visible()
    screenshot(page, "steric-ktp")


def _locked(row: Locator) -> bool:
    button = row.get_by_role("button", name=re.compile("^Lock "))
    return button.get_attribute("aria-pressed") == "true"


def _name(row: Locator) -> str:
    return row.locator("strong a").first.inner_text()


def test_the_silo_map_is_a_heat_map_with_named_axes_a_legend_and_a_drill_down(
    page: Page,
) -> None:
    sign_in(page, "STERIC staff")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Silo map").click()
    heat = page.locator("table.heat")
    cells = heat.get_by_role("button")
    expect(cells.first).to_be_visible()
    expect(page.get_by_test_id("silo-legend")).to_contain_text("0, never together")

    # Both axes name the groups; no numbered columns.
    columns = [c.strip() for c in heat.get_by_role("columnheader").all_inner_texts()]
    rows = [r.strip() for r in heat.get_by_role("rowheader").all_inner_texts()]
    assert len(rows) >= 3
    assert columns == rows
    assert not any(c.isdigit() for c in columns), columns

    # One tab stop for the map; arrow keys move between cells, each with a tooltip.
    assert heat.locator("button[tabindex='0']").count() == 1
    heat.locator("button[tabindex='0']").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    focused = page.locator("table.heat button:focus")
    expect(focused).to_have_attribute("data-cell", "1-2")
    tip = page.get_by_test_id("silo-tooltip")
    expect(tip).to_have_text(focused.get_attribute("aria-label") or "")
    expect(tip).to_contain_text(f"{rows[1]} and {rows[2]}")
    page.keyboard.press("Escape")
    expect(tip).to_have_count(0)

    # Enter on the busiest pair shows the ideas and groups behind its number.
    numbers = [int(t) for t in cells.all_inner_texts()]
    busiest = cells.nth(numbers.index(max(numbers)))
    busiest.hover()
    expect(tip).to_have_text(busiest.get_attribute("aria-label") or "")
    busiest.focus()
    page.keyboard.press("Enter")
    expect(busiest).to_have_attribute("aria-pressed", "true")
    detail = page.get_by_test_id("silo-cell")
    expect(detail.get_by_role("heading", name=re.compile("^What links "))).to_be_visible()
    expect(detail.get_by_test_id("silo-cell-count")).to_contain_text(f"{max(numbers)} ")
    links = detail.get_by_role("link")
    expect(links).to_have_count(max(numbers))
    expect(detail.get_by_text(re.compile(r"\d+ members? from "))).not_to_have_count(0)
    screenshot(page, "steric-silo-cell")

    # The weakest links sit beside the map, fewest first, and open the same drill-down.
    weakest = page.get_by_test_id("silo-weakest").get_by_role("listitem")
    counts = [count_text(t) for t in weakest.locator(".meta").all_inner_texts()]
    assert counts == sorted(counts)
    assert counts[0] >= 1
    weakest.first.get_by_role("button").click()
    expect(detail.get_by_test_id("silo-cell-count")).to_contain_text(f"{counts[0]} ")
    expect(detail.get_by_role("link")).to_have_count(counts[0])

    with page.expect_download() as started:
        page.get_by_role("button", name="Download the silo map as CSV").click()
    lines = Path(started.value.path()).read_bytes().decode("utf-8-sig").strip().split("\r\n")
    assert lines[0] == "SIG A,SIG B,Ideas and groups together"
    assert len(lines) - 1 == len(rows) * (len(rows) - 1) // 2
    assert sorted(int(line.rsplit(",", 1)[1]) for line in lines[1:])[-1] == max(numbers)
