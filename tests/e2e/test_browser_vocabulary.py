"""STERIC staff curate the skills vocabulary in a real browser: filter it, add a skill and a
synonym (a duplicate name is refused beside its field), decide on the phrases that
`matchmaker skills mine` proposed from the demo members' evidence, and say what skills cover
(the descriptions skill derivation compares a whole text with)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.browser import REPO, browser_fixture, needs, page_fixture, screenshot, sign_in
from tests.e2e.conftest import Service

browser = browser_fixture()
page = page_fixture()

SKILLS_TOML = REPO / "matchmaker" / "demo" / "content" / "skills.toml"
NO_DESCRIPTION = "No description yet: derived skills compare texts with its names only."
MINED = re.compile(r"^  (?P<name>.+) \((?P<members>\d+) members?\)$")


@pytest.fixture(scope="module")
def mined(demo_service: Service) -> list[tuple[str, int]]:
    """The phrases `matchmaker skills mine` proposes from the demo graph, run as an operator
    would against the demo service's own Neo4j (the demo start-up does not mine)."""
    env = {**os.environ, "MATCHMAKER_NEO4J_DATA": str(demo_service.data_dir), "HF_HUB_OFFLINE": "1"}
    env.pop("NEO4J_URI", None)
    command = [sys.executable, "-m", "matchmaker", "skills", "mine"]
    done = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert done.returncode == 0, f"skills mine failed:\n{done.stdout}\n{done.stderr[-3000:]}"
    found = [
        (m["name"], int(m["members"])) for m in map(MINED.match, done.stdout.splitlines()) if m
    ]
    assert len(found) >= 2, f"the demo evidence gave too few proposals:\n{done.stdout}"
    return found


def _names(items: Locator) -> list[str]:
    return [t.strip() for t in items.locator("strong").all_inner_texts()]


def _named(skills: Locator, name: str) -> Locator:
    """The skills (or proposals) whose name is `name` exactly."""
    return skills.filter(
        has=skills.page.locator("strong", has_text=re.compile(f"^{re.escape(name)}$"))
    )


def _open_page(page: Page) -> None:
    sign_in(page, "STERIC staff")
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Skills vocabulary").click()
    expect(page.get_by_role("heading", name="Skills vocabulary", level=1)).to_be_focused()
    expect(page.get_by_test_id("vocabulary-skill").first).to_be_visible()


@needs("SkillCuration")
def test_staff_curate_the_skills_vocabulary(page: Page, mined: list[tuple[str, int]]) -> None:
    _open_page(page)
    status = page.get_by_test_id("curation-status")
    expect(status).to_have_attribute("role", "status")

    # The proposals, most members first, as the command proposed them.
    proposals = page.get_by_test_id("proposal")
    expect(proposals).to_have_count(len(mined))
    shown = _names(proposals)
    assert sorted(shown) == sorted(name for name, _ in mined)
    counts = dict(mined)
    assert [counts[n] for n in shown] == sorted(counts.values(), reverse=True)
    screenshot(page, "steric-skills")

    # Filter the vocabulary by a synonym; then give the skill found another one.
    skills = page.get_by_test_id("vocabulary-skill")
    page.get_by_label("Filter the skills").fill("Particle therapy")
    expect(skills).to_have_count(1)
    proton = skills.first
    expect(proton.locator("strong")).to_have_text("proton therapy")
    toggle = proton.get_by_role("button", name="Add a synonym to proton therapy")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    synonym = page.get_by_label("New synonym for proton therapy")
    expect(synonym).to_be_focused()
    synonym.press("Escape")  # closes the form, focus back on its button
    expect(synonym).to_have_count(0)
    expect(toggle).to_be_focused()
    toggle.press("Enter")
    expect(synonym).to_be_focused()
    synonym.fill("linac")  # radiotherapy physics holds it: refused beside the field
    synonym.press("Enter")
    expect(synonym).to_have_accessible_description(re.compile("already names skill"))
    expect(synonym).to_have_attribute("aria-invalid", "true")
    synonym.fill("PBT")
    synonym.press("Enter")
    expect(status).to_have_text("Added “PBT” as a synonym of “proton therapy”.")
    expect(proton.get_by_role("list", name="Synonyms of proton therapy")).to_contain_text("PBT")
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")

    # A skill whose name is already a skill's is refused, the error beside the name.
    name = page.get_by_label("Skill name")
    name.fill("Radiotherapy  Physics")
    page.get_by_role("button", name="Add the skill").click()
    expect(name).to_have_accessible_description(re.compile("already names skill"))
    expect(name).to_be_focused()
    expect(status).to_have_text("Added “PBT” as a synonym of “proton therapy”.")

    name.fill("3D printed phantoms")
    page.get_by_label("Kind", exact=True).select_option("topic")
    page.get_by_label("Synonyms", exact=True).fill("3D printing, additive manufacturing")
    page.get_by_role("button", name="Add the skill").click()
    expect(status).to_have_text("Added “3D printed phantoms” to the vocabulary with 2 synonyms.")
    expect(name).to_have_value("")
    expect(name).not_to_have_attribute("aria-invalid", "true")
    page.get_by_label("Filter the skills").fill("additive")
    expect(skills).to_have_count(1)
    expect(skills.first.locator("strong")).to_have_text("3D printed phantoms")

    # Accept the proposal held by most members, reject the next: each leaves the list.
    accepted, rejected = shown[0], shown[1]
    page.get_by_role("button", name=f"Accept {accepted}", exact=True).click()
    expect(status).to_have_text(f"Accepted “{accepted}”: it is in the vocabulary now.")
    expect(proposals).to_have_count(len(mined) - 1)
    next_accept = page.get_by_role("button", name=f"Accept {rejected}", exact=True)
    expect(next_accept).to_be_focused()  # focus moves on to the proposal that took its place
    page.keyboard.press("Tab")  # on to its Reject button, by keyboard alone
    reject = page.get_by_role("button", name=f"Reject {rejected}", exact=True)
    expect(reject).to_be_focused()
    reject.press("Enter")
    expect(status).to_have_text(f"Rejected “{rejected}”: it will not be proposed again.")
    expect(proposals).to_have_count(len(mined) - 2)
    assert not {accepted, rejected} & set(_names(proposals))
    page.get_by_label("Filter the skills").fill(accepted)
    expect(_named(skills, accepted)).to_have_count(1)
    screenshot(page, "steric-skills-decided")

    # What staff did is kept: after a reload the choices stand.
    page.reload()
    expect(page.get_by_role("heading", name="Skills vocabulary", level=1)).to_be_visible()
    expect(skills.first).to_be_visible()
    assert not {accepted, rejected} & set(_names(proposals))
    expect(proposals).to_have_count(len(mined) - 2)
    page.get_by_label("Filter the skills").fill(accepted)
    expect(_named(skills, accepted)).to_have_count(1)
    page.get_by_label("Filter the skills").fill(rejected)
    expect(_named(skills, rejected)).to_have_count(0)
    page.get_by_label("Filter the skills").fill("PBT")
    expect(skills.first.locator("strong")).to_have_text("proton therapy")
    page.get_by_label("Filter the skills").fill("3D printed")
    expect(skills.first.locator("strong")).to_have_text("3D printed phantoms")


def _committed_description(skill_id: str) -> str:
    """A demo skill's description as committed in the demo content."""
    skills = tomllib.loads(SKILLS_TOML.read_text())["skill"]
    return next(s["description"] for s in skills if s["id"] == skill_id)


@needs("SetSkillDescription")
def test_staff_say_what_skills_cover(page: Page) -> None:
    _open_page(page)
    status = page.get_by_test_id("curation-status")
    skills = page.get_by_test_id("vocabulary-skill")
    filter_box = page.get_by_label("Filter the skills")
    expect(page.get_by_test_id("vocabulary-hint")).to_contain_text(
        "comparing that text with each skill's name and description"
    )

    # A committed skill's description shows below its name and synonyms.
    filter_box.fill("proton therapy")
    proton = _named(skills, "proton therapy")
    committed = _committed_description("skill-proton-therapy")
    expect(proton.get_by_test_id("skill-description")).to_have_text(committed)

    # A skill added without a description says so; staff then write one, by keyboard alone.
    name = page.get_by_label("Skill name")
    name.fill("Cherenkov imaging")
    page.get_by_role("button", name="Add the skill").click()
    expect(status).to_have_text("Added “Cherenkov imaging” to the vocabulary.")
    filter_box.fill("Cherenkov")
    cherenkov = _named(skills, "Cherenkov imaging")
    about = cherenkov.get_by_test_id("skill-description")
    expect(about).to_have_text(NO_DESCRIPTION)
    edit = cherenkov.get_by_role("button", name="Edit description of Cherenkov imaging")
    edit.focus()
    edit.press("Enter")
    expect(edit).to_have_attribute("aria-expanded", "true")
    editor = page.get_by_label("Description of Cherenkov imaging")
    expect(editor).to_be_focused()
    count = cherenkov.get_by_test_id("description-count")
    expect(count).to_have_text("0 of 400 characters")
    editor.press("Escape")  # closes the editor, focus back on its button
    expect(editor).to_have_count(0)
    expect(edit).to_be_focused()
    edit.press("Enter")
    expect(editor).to_be_focused()

    # Too long: the count says so as it is typed, and the API's refusal shows beside the field.
    editor.fill("Cherenkov light " * 25 + "x")  # 401 characters
    expect(count).to_have_text("401 of 400 characters: 1 too many")
    page.keyboard.press("Tab")
    save = cherenkov.get_by_role("button", name="Save the description")
    expect(save).to_be_focused()
    save.press("Enter")
    expect(editor).to_have_accessible_description(
        re.compile(r"must be at most 400 characters \(got 401\)")
    )
    expect(editor).to_have_attribute("aria-invalid", "true")
    expect(editor).to_be_focused()
    expect(about).to_have_text(NO_DESCRIPTION)
    screenshot(page, "steric-skills-description")  # the axe scan, with the editor open

    written = "Imaging the Cherenkov light from patients during external beam radiotherapy."
    editor.fill("")
    editor.press_sequentially(written)
    expect(count).to_have_text(f"{len(written)} of 400 characters")
    page.keyboard.press("Tab")
    expect(save).to_be_focused()
    save.press("Enter")
    expect(status).to_have_text("Saved the description of “Cherenkov imaging”.")
    expect(editor).to_have_count(0)
    expect(edit).to_be_focused()
    expect(edit).to_have_attribute("aria-expanded", "false")
    expect(about).to_have_text(written)

    # Adding a skill with a description: too long is refused beside it, then it is kept.
    described = page.get_by_label("Description (optional)")
    name.fill("radiochromic film dosimetry")
    described.fill("film " * 81)  # 404 characters once trimmed
    expect(page.get_by_test_id("add-skill").get_by_test_id("description-count")).to_have_text(
        "404 of 400 characters: 4 too many"
    )
    page.get_by_role("button", name="Add the skill").click()
    expect(described).to_have_accessible_description(
        re.compile(r"must be at most 400 characters \(got 404\)")
    )
    expect(described).to_be_focused()
    film = "Measuring dose with radiochromic film: scanning, calibration and gamma analysis."
    described.fill(film)
    page.get_by_role("button", name="Add the skill").click()
    expect(status).to_have_text(
        "Added “radiochromic film dosimetry” to the vocabulary with a description."
    )
    expect(described).to_have_value("")
    filter_box.fill("radiochromic")
    expect(
        _named(skills, "radiochromic film dosimetry").get_by_test_id("skill-description")
    ).to_have_text(film)

    # Both descriptions are kept: a reload shows them.
    page.reload()
    expect(page.get_by_role("heading", name="Skills vocabulary", level=1)).to_be_visible()
    filter_box.fill("Cherenkov")
    expect(_named(skills, "Cherenkov imaging").get_by_test_id("skill-description")).to_have_text(
        written
    )
    filter_box.fill("radiochromic")
    expect(
        _named(skills, "radiochromic film dosimetry").get_by_test_id("skill-description")
    ).to_have_text(film)
