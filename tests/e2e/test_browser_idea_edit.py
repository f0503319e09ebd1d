"""An idea's page follows an edit: its skills, team, gaps and the team's export ask again."""

from __future__ import annotations

import csv
import io
import re
import secrets
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.e2e.browser import browser_fixture, page_fixture, screenshot, sign_in

browser = browser_fixture()
page = page_fixture()

SUMMARY = (
    "A shared service across NHS trusts for the physics checks a new treatment technique needs "
    "before its first patient, with an industry partner and a university."
)
BEFORE = ["MRI", "quality assurance"]
AFTER = ["proton therapy", "radiation protection"]


def test_editing_an_ideas_skills_asks_again_for_its_team_without_a_reload(page: Page) -> None:
    sign_in(page, "Members")
    page.get_by_test_id("call").first.get_by_role(
        "link", name="Write an idea for this call"
    ).click()
    title = f"Commissioning checks as a shared service {secrets.token_hex(3)}"
    page.get_by_label("Title").fill(title)
    page.get_by_label("The idea in plain language").fill(SUMMARY)
    page.get_by_label("Skills the team needs").fill(", ".join(BEFORE))
    screenshot(page, "member-idea-new")  # the one page no other walk scans
    page.get_by_role("button", name="Save draft and find collaborators").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(_coverage(page)).to_have_text(_rows(BEFORE))
    expect(_chips(page).first).to_be_visible()
    assert "MRI" in _chip_names(page)

    page.get_by_role("button", name="Edit the idea").click()
    page.get_by_role("textbox", name="Skills the team needs").fill(", ".join(AFTER))
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("button", name="Edit the idea")).to_have_attribute(
        "aria-expanded", "false"
    )

    # The same page, not reloaded: the proposal, the team and its coverage follow the edit.
    expect(_coverage(page)).to_have_text(_rows(AFTER))
    expect(_chips(page).filter(has_text="proton therapy")).to_have_count(1)
    assert "MRI" not in _chip_names(page)
    expect(page.get_by_test_id("team-member").first).to_be_visible()
    screenshot(page, "member-idea-edited")

    with page.expect_download() as started:
        page.get_by_role("button", name="Download the team as CSV").click()
    header, *rows = csv.reader(io.StringIO(Path(started.value.path()).read_text("utf-8-sig")))
    assert header[6] == "Skills covered"
    rows = [row for row in rows if row]
    named = {s for row in rows if row[6] for s in row[6].split("; ")}
    named |= {row[0].removeprefix("Gap: ") for row in rows if row[0].startswith("Gap: ")}
    assert named, "the team's export names no skill"
    assert named <= set(AFTER), f"the team's export names {named}"


def _coverage(page: Page) -> Locator:
    table = page.get_by_role("table", name="How well the team covers each required skill")
    return table.get_by_role("rowheader")


def _rows(skills: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(rf"^{re.escape(s)}(\s*gap)?\s*$") for s in skills]


def _chips(page: Page) -> Locator:
    return page.get_by_test_id("idea-skill")


def _chip_names(page: Page) -> list[str]:
    return [c.strip("×").strip() for c in _chips(page).all_inner_texts()]
