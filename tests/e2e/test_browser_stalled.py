"""A service that stops answering: the app gives up on the request, says so and offers Retry."""

from __future__ import annotations

from playwright.sync_api import Page, Route, expect

from tests.e2e.browser import browser_fixture, page_fixture, sign_in

browser = browser_fixture()
page = page_fixture()

APP_GIVES_UP_S = 15  # REQUEST_TIMEOUT_MS in frontend/src/api/client.ts


def test_a_request_the_service_never_answers_ends_in_an_error_with_retry(page: Page) -> None:
    sign_in(page, "Members")
    expect(page.get_by_test_id("call").first).to_be_visible()
    stalled: list[Route] = []

    def hold(route: Route) -> None:  # neither answered nor failed
        stalled.append(route)

    page.route("**/graphql", hold)
    page.get_by_role("link", name="My profile").click()

    alert = page.get_by_role("alert").filter(has_text="did not answer").first
    expect(alert).to_be_visible(timeout=(APP_GIVES_UP_S + 10) * 1000)
    expect(alert).to_contain_text(f"within {APP_GIVES_UP_S} seconds")
    assert stalled, "the profile's requests reached the stalled route"

    page.unroute("**/graphql")
    alert.get_by_role("button", name="Retry").click()
    expect(page.get_by_label("Expertise statement")).to_be_visible()
