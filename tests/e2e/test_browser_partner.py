"""The partner journey in a real browser, and the network view of a person."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.browser import (
    browser_fixture,
    count_text,
    needs,
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
    assert page.locator("a[href^='mailto:']").count() == 0, "partners never see contact details"
    assert "@" not in page.get_by_test_id("people-hits").inner_text()
    screenshot(page, "partner-search")

    page.get_by_text("Filters").click()
    page.get_by_label("Region").select_option("Scotland")
    page.get_by_role("button", name="Search").click()
    summary = page.get_by_test_id("result-summary")
    expect(summary).to_be_visible()
    people = count_text(summary.inner_text())
    for facts in page.get_by_test_id("person-hit").locator(".meta").all_inner_texts()[:people]:
        assert "Scotland" in facts


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
    sign_in(page, "Members")
    page.get_by_role("link", name="My profile").click()
    page.get_by_role("link", name="See my network").click()
    canvas = page.get_by_test_id("graph-canvas")
    expect(canvas).to_be_visible()
    expect(canvas.locator("canvas").first).to_be_attached()
    assert int(canvas.get_attribute("data-nodes") or 0) > 1
    assert int(canvas.get_attribute("data-edges") or 0) >= 1
    page.get_by_text(re.compile(r"^Connections as a list")).click()
    assert page.locator(".edge-list li").count() >= 1
    screenshot(page, "graph-member")
