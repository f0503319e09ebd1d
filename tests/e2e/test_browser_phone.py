"""At phone width: a one-row header whose menu opens the links, and suggestions near the top."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.browser import (
    PHONE,
    browser_fixture,
    idea_suggestions_ready,
    page_fixture,
    screenshot,
    sign_in,
)

browser = browser_fixture()
page = page_fixture()


def _box(page: Page, selector: str) -> dict[str, float]:
    box: dict[str, float] = page.evaluate(
        """(s) => { const r = document.querySelector(s).getBoundingClientRect();
                    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY,
                             height: r.height }; }""",
        selector,
    )
    return box


def test_the_header_is_one_row_and_its_menu_opens_by_keyboard(page: Page) -> None:
    sign_in(page, "Members")
    page.set_viewport_size(PHONE)
    menu = page.get_by_role("button", name="Menu")
    nav = page.get_by_role("navigation", name="Main")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    header, brand, button = (_box(page, s) for s in (".topbar", ".brand", ".menu-button"))
    assert header["height"] <= 64, f"the header is {header['height']} px high"
    assert brand["top"] < button["bottom"], "the menu button is below the brand"
    assert button["top"] < brand["bottom"], "the brand is below the menu button"

    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Others' ideas")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.keyboard.press("Tab")
    expect(nav.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()

    menu.click()
    nav.get_by_role("link", name="Others' ideas").click()
    expect(page.get_by_role("heading", name="Ideas looking for partners")).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")  # a link closes the menu


def test_an_ideas_suggestions_start_within_the_first_two_screens_on_a_phone(page: Page) -> None:
    sign_in(page, "Members")
    page.set_viewport_size(PHONE)
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Others' ideas").click()
    expect(page.get_by_role("heading", name="Ideas looking for partners")).to_be_visible()
    page.locator("main a[href^='#/ideas/']").first.click()
    idea_suggestions_ready(page, owner=False)
    top = _box(page, "[data-testid=team-member]")["top"]
    assert top < 2 * PHONE["height"], f"the first suggestion starts {top} px down"
    assert _box(page, "[data-testid=team-member]")["top"] < _box(page, "#about-heading")["top"]
    screenshot(page, "member-idea-phone")
