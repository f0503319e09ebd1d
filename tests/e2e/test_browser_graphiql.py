"""GraphiQL and the web app in a real browser, under the service's Content-Security-Policy.

GraphiQL is bundled by the frontend build: the page must render and answer a query without a
single request leaving the service (page_fixture fails a test on any such request, and on any
uncaught error), and neither page may trip the policy.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.browser import browser_fixture, page_fixture

browser = browser_fixture()
page = page_fixture()

WATCH_POLICY = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


# GraphiQL's own markup, which its package renders and this project cannot change:
GRAPHIQL_WAIVED = {
    # a session tab is an <li role="tab"> around the tab's <button>;
    "nested-interactive": "li.graphiql-tab",
    # CodeMirror's scroller takes no focus itself: keys reach the editor through the textarea
    # beside it, and moving the caret scrolls it.
    "scrollable-region-focusable": ".graphiql-container .CodeMirror-scroll",
}


def violations(page: Page) -> list[str]:
    found: list[str] = page.evaluate("() => window.__violations")
    return found


def test_graphiql_renders_from_this_origin_and_runs_a_query(page: Page) -> None:
    page.add_init_script(WATCH_POLICY)
    response = page.goto("/graphql")
    assert response is not None
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    expect(page.locator(".graphiql-container")).to_be_visible()
    editor = page.locator(".graphiql-query-editor .CodeMirror")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("{ __typename")
    page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
    expect(page.locator(".graphiql-response")).to_contain_text('"__typename": "Query"')
    assert violations(page) == []
    assert_accessible(page, "graphiql", GRAPHIQL_WAIVED)


def test_the_web_app_renders_under_the_policy(page: Page) -> None:
    page.add_init_script(WATCH_POLICY)
    response = page.goto("/")
    assert response is not None
    assert response.headers["x-content-type-options"] == "nosniff"
    expect(page.get_by_role("heading", name="Sign in to the IPEM matchmaker")).to_be_visible()
    page.get_by_role("heading", name="Members").wait_for()
    assert violations(page) == []
