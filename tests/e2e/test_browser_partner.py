"""The partner journey in a real browser, and the network view of a person."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.browser import (
    browser_fixture,
    count_text,
    needs,
    open_my_network,
    page_fixture,
    screenshot,
    sign_in,
)

KTP_TOPIC = "radiotherapy treatment planning software"

browser = browser_fixture()
page = page_fixture()


def test_a_partner_searches_expertise_in_plain_language(page: Page) -> None:
    sign_in(page, "External partners")
    expect(page.get_by_role("heading", name="Find expertise")).to_be_visible()
    page.get_by_label("What expertise are you looking for?").fill(
        "radiotherapy treatment planning with machine learning"
    )
    page.get_by_role("button", name="Search").click()
    hits = page.get_by_test_id("person-hit")
    expect(hits.first).to_be_visible()
    assert hits.count() >= 1
    expect(page.get_by_test_id("result-summary")).to_contain_text("radiotherapy")
    expect(hits.first.get_by_test_id("match-band")).to_have_text(
        re.compile(r"^(strong|good|possible|weak) match$")
    )
    expect(page.get_by_test_id("band-note")).to_have_count(1)  # the bands explained once
    badges = page.get_by_test_id("people-hits").locator(".badge").all_inner_texts()
    assert not any("%" in b for b in badges), "bands, not percentages"
    results = page.get_by_test_id("people-hits")
    assert results.locator("a[href^='mailto:']").count() == 0, "no contact details in results"
    assert "@" not in page.get_by_test_id("people-hits").inner_text()
    screenshot(page, "partner-search")

    with page.expect_download() as started:
        page.get_by_role("button", name=re.compile(r"^Download these .* as CSV$")).click()
    download = started.value
    assert download.suggested_filename.endswith(".csv")
    lines = Path(download.path()).read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[0].startswith("Name,Discipline,Career stage,Region,Organisation")
    assert len([line for line in lines[1:] if line]) == hits.count()
    assert "@" not in "".join(lines), "partners never get contact details, in a file either"

    page.get_by_text("Filters").click()
    page.get_by_label("Region").select_option("Scotland")
    summary = page.get_by_test_id("result-summary")
    expect(summary).to_contain_text("(Scotland)")  # applied at once, without pressing Search
    people = count_text(summary.inner_text())
    for facts in page.get_by_test_id("person-hit").locator(".meta").all_inner_texts()[:people]:
        assert "Scotland" in facts


def test_a_niche_search_counts_only_the_people_whose_work_matches(page: Page) -> None:
    # The count is of good or strong matches: it was of everyone pre-selected with any
    # evidence (54 people for a niche text on the demo graph).
    sign_in(page, "External partners")
    page.get_by_label("What expertise are you looking for?").fill(
        "cybersecurity of networked infusion pumps"
    )
    page.get_by_role("button", name="Search").click()
    summary = page.get_by_test_id("result-summary")
    expect(summary).to_contain_text("good or strong match")
    hits = page.get_by_test_id("person-hit")
    expect(hits.first).to_be_visible()
    people = count_text(summary.inner_text())
    assert 1 <= people <= 15, summary.inner_text()
    bands = hits.get_by_test_id("match-band").all_inner_texts()
    assert bands
    assert all(b in {"strong match", "good match"} for b in bands), bands
    page.get_by_label("What expertise are you looking for?").fill("sourdough bread and cake icing")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("Nobody matches.")).to_be_visible()
    expect(summary).to_contain_text("0 people")


def test_a_search_lives_in_the_address_and_back_restores_it(page: Page) -> None:
    sign_in(page, "External partners")
    page.get_by_label("What expertise are you looking for?").fill("MRI safety")
    page.get_by_role("button", name="Search").click()
    summary = page.get_by_test_id("result-summary")
    expect(summary).to_contain_text("MRI safety")
    page.get_by_text("Filters").click()
    page.get_by_role("checkbox", name="NHS").check()
    expect(summary).to_contain_text("(NHS)")
    page.get_by_label("Region").select_option("Scotland")
    expect(summary).to_contain_text("(NHS · Scotland)")
    expect(page).to_have_url(re.compile(r"q=MRI\+safety&sector=NHS&region=Scotland$"))

    shared = page.url
    page.go_back()
    expect(summary).to_contain_text("(NHS)")
    expect(page.get_by_label("Region")).to_have_value("")
    page.go_back()
    expect(summary).not_to_contain_text("(")
    expect(page.get_by_role("checkbox", name="NHS")).not_to_be_checked()
    page.go_forward()
    expect(summary).to_contain_text("(NHS)")
    expect(page.get_by_role("checkbox", name="NHS")).to_be_checked()

    other = page.context.new_page()  # a new tab has no sign-in yet: the link survives one
    other.goto(shared)
    partners = other.locator("section").filter(
        has=other.get_by_role("heading", name="External partners")
    )
    partners.get_by_role("button").first.click()
    expect(other.get_by_label("What expertise are you looking for?")).to_have_value("MRI safety")
    expect(other.get_by_label("Region")).to_have_value("Scotland")
    expect(other.get_by_test_id("result-summary")).to_contain_text("(NHS · Scotland)")
    other.close()


def test_a_partner_expresses_interest_in_an_idea(page: Page) -> None:
    sign_in(page, "External partners")
    page.get_by_role("link", name="Ideas").click()
    cards = page.get_by_test_id("idea-card")
    expect(cards.first).to_be_visible()
    screenshot(page, "partner-ideas")
    button = page.get_by_role("button", name=re.compile("^Express interest in ")).first
    title = (button.get_attribute("aria-label") or "").removeprefix("Express interest in ")
    button.click()
    card = cards.filter(has=page.get_by_role("link", name=title, exact=True))
    expect(card.get_by_text("Interest recorded")).to_be_visible()
    page.reload()
    expect(card.get_by_text("Interest recorded")).to_be_visible()

    card.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.get_by_text("Interest recorded")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Express interest"))).to_have_count(0)


@needs("SuggestKtp")
def test_a_partner_sees_ktp_triads(page: Page) -> None:
    sign_in(page, "External partners")
    page.get_by_role("link", name="KTP triads").click()
    page.get_by_label("What would the partnership work on?").fill(KTP_TOPIC)
    page.get_by_role("button", name="Find triads").click()
    expect(page.get_by_test_id("ktp-rule").or_(page.get_by_role("alert"))).to_be_visible()
    screenshot(page, "partner-ktp")
    expect(page.get_by_test_id("triad").first).to_be_visible(timeout=1000)


def test_the_network_view_draws_a_persons_neighbourhood(page: Page) -> None:
    canvas = open_my_network(page)
    expect(canvas.locator("canvas").first).to_be_attached()
    assert int(canvas.get_attribute("data-nodes") or 0) > 1
    assert int(canvas.get_attribute("data-edges") or 0) >= 1
    page.get_by_text(re.compile(r"^Connections as a list")).click()
    assert page.locator(".edge-list li").count() >= 1
    screenshot(page, "graph-member")

    legend = page.get_by_test_id("graph-legend")
    kinds = legend.get_by_role("checkbox")
    assert kinds.count() >= 2
    looks = legend.locator("li").evaluate_all(
        "items => items.map(li => [li.innerText.trim(), li.querySelector('svg').innerHTML])"
    )
    assert len({look for _, look in looks}) == len(looks), f"two kinds look alike: {looks}"

    zoom = float(canvas.get_attribute("data-zoom") or 0)
    page.get_by_role("button", name="Zoom in").click()
    expect(canvas).not_to_have_attribute("data-zoom", f"{zoom:.2f}")
    assert float(canvas.get_attribute("data-zoom") or 0) > zoom
    page.get_by_role("button", name="Pan left").click()

    shown = int(canvas.get_attribute("data-shown-nodes") or 0)
    other = next(name for name, _ in looks if name != "Member")
    legend.get_by_role("checkbox", name=other).uncheck()
    expect(canvas).not_to_have_attribute("data-shown-nodes", str(shown))
    assert int(canvas.get_attribute("data-shown-nodes") or 0) < shown
    legend.get_by_role("checkbox", name=other).check()
    expect(canvas).to_have_attribute("data-shown-nodes", str(shown))
