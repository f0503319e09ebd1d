"""Sign-in through Keycloak's own login page in Chromium, with demo sign-in off.

The service runs as a process with the session's Keycloak as its provider; the graph holds
the API tests' small world and the realm's member, Darren Akhtar, whose verified e-mail links
his Keycloak account to his member record.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import GraphDatabase
from playwright.sync_api import Browser, Page, expect

from matchmaker.adapters.keycloak_local import RunningKeycloak
from tests.e2e.browser import LAPTOP, TIMEOUT_MS, browser_fixture, screenshot
from tests.e2e.conftest import REPO, Service, free_port
from tests.integration.api_world import MEMBERS, NODES, WORLD_MEMBERS
from tests.keycloak import oidc_env, realm_user

browser = browser_fixture()
DARREN = {
    "org": "org-nhs",
    "props": {
        **WORLD_MEMBERS[0]["props"],
        "id": "m-darren", "name": "Darren Akhtar", "email": "darren.akhtar@example.org",
    },
}  # fmt: skip


def _wait_healthy(service: Service, timeout_s: float = 300.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            raise AssertionError(f"service exited early:\n{service.log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{service.url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"service not healthy in {timeout_s}s:\n{service.log.read_text()[-3000:]}")


def _seed(bolt_port: int) -> None:
    with GraphDatabase.driver(f"bolt://127.0.0.1:{bolt_port}", auth=None) as driver:
        driver.execute_query(NODES)
        driver.execute_query(MEMBERS, members=[*WORLD_MEMBERS, DARREN])


@pytest.fixture(scope="module")
def oidc_service(
    tmp_path_factory: pytest.TempPathFactory, keycloak: RunningKeycloak
) -> Iterator[Service]:
    """`matchmaker serve` with Keycloak as its provider and the demo sign-in off."""
    port, bolt_port = free_port(), free_port()
    data: Path = tmp_path_factory.mktemp("oidc") / "neo4j"
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ, **oidc_env(keycloak, url),
        "MATCHMAKER_NEO4J_DATA": str(data), "MATCHMAKER_NEO4J_PORT": str(bolt_port),
        "MATCHMAKER_NEO4J_HEAP": "1g", "HF_HUB_OFFLINE": "1",
        "MATCHMAKER_JWT_SECRET": secrets.token_urlsafe(48), "MATCHMAKER_DEMO_SIGN_IN": "false",
    }  # fmt: skip
    env.pop("NEO4J_URI", None)
    log = data.parent / f"serve-{port}.log"
    command = [sys.executable, "-m", "matchmaker", "serve", "--port", str(port)]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=out)
    service = Service(process, url, data, log)
    try:
        _wait_healthy(service)
        _seed(bolt_port)
        yield service
    finally:
        process.terminate()
        try:
            process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def page(browser: Browser, oidc_service: Service) -> Iterator[Page]:
    context = browser.new_context(viewport=LAPTOP, base_url=oidc_service.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == [], f"the page raised: {errors}"


def _keycloak_login(page: Page, username: str) -> None:
    user = realm_user(username)
    expect(page.locator("#kc-form-login")).to_be_visible()
    page.locator("#username").fill(user.username)
    page.locator("#password").fill(user.password)
    page.locator("#kc-login").click()


def test_a_member_signs_in_through_keycloak_sees_their_page_and_signs_out(
    page: Page, oidc_service: Service, keycloak: RunningKeycloak
) -> None:
    page.goto("/#/profile")
    expect(page.get_by_role("heading", name="Sign in to the IPEM matchmaker")).to_be_visible()
    expect(page.get_by_role("heading", name="Members")).to_have_count(0)  # no demo picker
    screenshot(page, "sign-in-provider")
    page.get_by_role("link", name="Sign in with IPEM test realm").click()

    page.wait_for_url(f"{keycloak.url}/**")  # Keycloak's own login page
    _keycloak_login(page, "darren")

    expect(page.get_by_test_id("signed-in-name")).to_have_text("Darren Akhtar")
    expect(page.get_by_role("heading", name="My profile")).to_be_visible()
    assert page.url == f"{oidc_service.url}/#/profile"
    cookies = {c["name"]: c for c in page.context.cookies(oidc_service.url)}
    assert cookies["matchmaker_session"]["httpOnly"]
    assert cookies["matchmaker_session"]["sameSite"] == "Lax"

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in with IPEM test realm")).to_be_visible()
    assert "matchmaker_session" not in {c["name"] for c in page.context.cookies(oidc_service.url)}
    page.get_by_role("link", name="Sign in with IPEM test realm").click()
    expect(page.locator("#kc-form-login")).to_be_visible()  # Keycloak's session ended too


def test_an_account_that_is_no_member_is_told_why(page: Page, keycloak: RunningKeycloak) -> None:
    page.goto("/")
    page.get_by_role("link", name="Sign in with IPEM test realm").click()
    page.wait_for_url(f"{keycloak.url}/**")
    _keycloak_login(page, "visitor")
    expect(page.get_by_role("heading", name="No access to the matchmaker")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("visitor@example.net")
