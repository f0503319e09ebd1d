"""Driving the web app in Debian's chromium: fixtures, the demo sign-in and screenshots.

The pages run against the session's one demo service (`demo_service` in conftest.py: loading
and embedding the demo graph is slow); each module launches its own browser and each test gets
a fresh context, so no sign-in leaks from one test into the next.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from graphql import FieldNode, OperationDefinitionNode, build_schema, parse
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import Service

__all__ = ["Service", "browser_fixture", "page_fixture", "screenshot", "sign_in"]

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
APP_INDEX = REPO / "frontend" / "dist" / "index.html"
TIMEOUT_MS = 30_000  # suggestions run the matching core on a cold service: allow for it
# The app takes a call's status from its dates, so the pages run on a day when the demo calls
# are open: 15 Jan 2026 is after they all opened and before the first one closes.
DEMO_TODAY = "2026-01-15T10:00:00Z"


def offered(operation: str) -> bool:
    """Whether schema.graphql has every root field the app's document `operation` asks for."""
    schema = build_schema((REPO / "schema.graphql").read_text())
    document = parse((REPO / "frontend" / "src" / "graphql" / f"{operation}.graphql").read_text())
    op = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    root = schema.get_root_type(op.operation)
    fields = root.fields if root else {}
    names = [s.name.value for s in op.selection_set.selections if isinstance(s, FieldNode)]
    return all(n in fields for n in names if not n.startswith("__"))


def needs(operation: str) -> pytest.MarkDecorator:
    """Skip a test whose page the API cannot serve yet (the page says "not available")."""
    return pytest.mark.skipif(
        not offered(operation), reason=f"the API does not offer {operation} yet"
    )


def _require_tools() -> None:
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is missing: make browser (apt-get install chromium)")
    if not APP_INDEX.exists():
        pytest.skip("the web app is not built: make frontend")


def browser_fixture() -> Any:
    """A module-scoped fixture: headless chromium, launched by path."""

    @pytest.fixture(scope="module")
    def fixture() -> Iterator[Browser]:
        _require_tools()
        executable = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            yield browser
            browser.close()

    return fixture


def page_fixture() -> Any:
    """A fresh browser context and page per test, at laptop size, pointed at the service."""

    @pytest.fixture
    def fixture(browser: Browser, demo_service: Service) -> Iterator[Page]:
        context = browser.new_context(viewport=LAPTOP, base_url=demo_service.url, locale="en-GB")
        context.set_default_timeout(TIMEOUT_MS)
        expect.set_options(timeout=TIMEOUT_MS)
        context.clock.set_fixed_time(DEMO_TODAY)
        page = context.new_page()
        errors: list[str] = []
        elsewhere: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: _local(r.url, demo_service.url) or elsewhere.append(r.url))
        yield page
        context.close()
        assert errors == [], f"the page raised: {errors}"
        assert elsewhere == [], f"the app fetched from elsewhere: {elsewhere}"

    return fixture


def _local(url: str, origin: str) -> bool:
    return url.startswith((origin, "data:", "blob:"))


def sign_in(page: Page, heading: str, name: str | None = None) -> str:
    """Open the app and sign in as the first demo user under `heading` (or the one named).

    Returns the name shown in the header once signed in.
    """
    page.goto("/")
    expect(page.get_by_role("heading", name="Sign in to the IPEM matchmaker")).to_be_visible()
    section = page.locator("section").filter(has=page.get_by_role("heading", name=heading))
    buttons = section.get_by_role("button")
    button = buttons.filter(has_text=name).first if name else buttons.first
    chosen = button.locator("strong").inner_text()
    button.click()
    expect(page.get_by_test_id("signed-in-name")).to_have_text(chosen)
    # The app then moves from the bare address to the role's start page; a test that goes
    # elsewhere before that happened could be sent back to the start page.
    expect(page).to_have_url(re.compile(r"#/\w"))
    return chosen


def open_my_network(page: Page) -> Locator:
    """Sign in as the first demo member and open the network view of their profile; returns
    its drawing once shown."""
    sign_in(page, "Members")
    page.get_by_role("link", name="My profile").click()
    page.get_by_role("link", name="See my network").click()
    canvas = page.get_by_test_id("graph-canvas")
    expect(canvas).to_be_visible()
    return canvas


def idea_suggestions_ready(page: Page, owner: bool = True) -> None:
    """Wait until an idea page has stopped loading: its skills, its team and, for the owner, its
    invitations. Panels that arrive later move the ones below them, so a click made before this
    can land on whatever moved under the pointer."""
    expect(page.get_by_test_id("skills-state")).to_be_visible()
    expect(page.get_by_test_id("team-member").first).to_be_visible()
    if owner:
        expect(page.get_by_test_id("invited")).not_to_have_attribute("aria-busy", "true")


def screenshot(page: Page, name: str, ready: Callable[[Page], None] | None = None) -> None:
    """Write `<name>-laptop.png` and `<name>-phone.png` of the current page, after an axe scan."""
    assert_accessible(page, name)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, size in (("laptop", LAPTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        if ready:
            ready(page)
        page.wait_for_timeout(150)  # let the layout settle after the resize
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
        assert _no_horizontal_scroll(page), f"{name} scrolls sideways at {width} width"
    page.set_viewport_size(LAPTOP)


def _no_horizontal_scroll(page: Page) -> bool:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return int(overflow) <= 1


def count_text(text: str) -> int:
    """The first whole number in `text` ("12 people" -> 12)."""
    found = re.search(r"\d+", text)
    assert found, f"no number in {text!r}"
    return int(found.group())
