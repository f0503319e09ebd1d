"""Sign-in through Keycloak's own login page in Chromium, with demo sign-in off.

The service runs as a process with the session's Keycloak as its provider and its e-mail
notices going to an SMTP server on loopback; the graph holds the API tests' small world and
the realm's members, Darren Akhtar and Priya Natarajan, whose verified e-mails link their
Keycloak accounts to their member records. Its texts are embedded before the tests run, so
the matching sees the seeded members.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import TypeVar

import httpx
import pytest
from neo4j import GraphDatabase
from playwright.sync_api import Browser, Page, Route, expect

from matchmaker.adapters.keycloak_local import RunningKeycloak
from matchmaker.auth.roles import Role
from matchmaker.auth.tokens import issue_token
from tests.e2e.accessibility import assert_accessible
from tests.e2e.browser import (
    LAPTOP,
    TIMEOUT_MS,
    browser_fixture,
    idea_suggestions_ready,
    screenshot,
)
from tests.e2e.conftest import REPO, Service, free_port
from tests.e2e.waiting import eventually
from tests.integration.api_world import MEMBERS, NODES, WORLD_MEMBERS
from tests.keycloak import oidc_env, realm_user
from tests.mailbox import Mailbox, link, running_mailbox

browser = browser_fixture()
DARREN = {
    "org": "org-nhs",
    "props": {
        **WORLD_MEMBERS[0]["props"],
        "id": "m-darren", "name": "Darren Akhtar", "email": "darren.akhtar@example.org",
    },
}  # fmt: skip
PRIYA_STATEMENT = (
    "Low-field MRI physics and deep learning reconstruction of noisy MRI images; MRI safety "
    "for patients with implants; quality assurance of portable MRI scanners."
)
PRIYA = {
    "org": "org-uni",
    "props": {
        **WORLD_MEMBERS[0]["props"],
        "id": "m-priya", "name": "Priya Natarajan", "email": "priya.natarajan@example.org",
        "discipline": "MRI physics", "expertise_statement": PRIYA_STATEMENT,
    },
}  # fmt: skip
# A fourth member open to matching beside Ada, Dan and Priya, so that the app's team of four
# can be formed for Darren's idea (a smaller pool is answered "only 3 eligible candidates").
ELLA = {
    "org": "org-co",
    "props": {
        **WORLD_MEMBERS[0]["props"],
        "id": "m-ella", "name": "Ella Morgan", "email": "ella.morgan@example.org",
        "discipline": "Clinical engineering",
        "expertise_statement": "Medical device safety testing and clinical engineering.",
    },
}  # fmt: skip
SEARCH = """query($text: String!) { search(text: $text, first: 10) {
  ... on MemberSearch { results { nodes { memberId } } } } }"""
T = TypeVar("T")


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


def _seed(bolt_port: int, env: dict[str, str], log: Path) -> None:
    """The small world and the realm's members, then their vectors (`matchmaker embed`, as an
    operator would after loading members)."""
    with GraphDatabase.driver(f"bolt://127.0.0.1:{bolt_port}", auth=None) as driver:
        driver.execute_query(NODES)
        driver.execute_query(MEMBERS, members=[*WORLD_MEMBERS, DARREN, PRIYA, ELLA])
    command = [sys.executable, "-m", "matchmaker", "embed", "--quiet"]
    with open(log, "ab") as out:
        embedded = subprocess.run(
            command,
            cwd=REPO,
            env={**env, "NEO4J_URI": f"bolt://127.0.0.1:{bolt_port}"},
            stdout=out,
            stderr=out,
            timeout=300,
            check=False,
        )
    assert embedded.returncode == 0, f"embed failed:\n{log.read_text()[-3000:]}"


def _matching_sees(url: str, secret: str, text: str, member_id: str) -> bool:
    """Whether a member's search for `text` finds `member_id`: the service's in-memory
    matching index has caught up with what `_seed` wrote from outside it."""
    token = issue_token("m-darren", Role.MEMBER, secret, 600)
    answer = httpx.post(
        f"{url}/graphql",
        json={"query": SEARCH, "variables": {"text": text}},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    ).json()
    assert "errors" not in answer, answer
    nodes = answer["data"]["search"]["results"]["nodes"]
    return any(n["memberId"] == member_id for n in nodes)


@pytest.fixture(scope="module")
def mailbox() -> Iterator[Mailbox]:
    """The SMTP server on loopback the service sends its e-mail notices to."""
    with running_mailbox() as (box, port):
        box.port = port
        yield box


@pytest.fixture(scope="module")
def oidc_service(
    tmp_path_factory: pytest.TempPathFactory, keycloak: RunningKeycloak, mailbox: Mailbox
) -> Iterator[Service]:
    """`matchmaker serve` with Keycloak as its provider and the demo sign-in off."""
    port, bolt_port = free_port(), free_port()
    data: Path = tmp_path_factory.mktemp("oidc") / "neo4j"
    url = f"http://127.0.0.1:{port}"
    secret = secrets.token_urlsafe(48)
    env = {
        **os.environ, **oidc_env(keycloak, url),
        "MATCHMAKER_NEO4J_DATA": str(data), "MATCHMAKER_NEO4J_PORT": str(bolt_port),
        "MATCHMAKER_NEO4J_HEAP": "1g", "HF_HUB_OFFLINE": "1",
        "MATCHMAKER_JWT_SECRET": secret, "MATCHMAKER_DEMO_SIGN_IN": "false",
        "MATCHMAKER_PUBLIC_URL": url, "MATCHMAKER_SMTP_HOST": "127.0.0.1",
        "MATCHMAKER_SMTP_PORT": str(mailbox.port), "MATCHMAKER_NOTICE_POLL_S": "0.5",
    }  # fmt: skip
    env.pop("NEO4J_URI", None)
    log = data.parent / f"serve-{port}.log"
    command = [sys.executable, "-m", "matchmaker", "serve", "--port", str(port)]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=out)
    service = Service(process, url, data, log)
    try:
        _wait_healthy(service)
        _seed(bolt_port, env, data.parent / "embed.log")
        eventually(
            lambda: _matching_sees(url, secret, PRIYA_STATEMENT, "m-priya") or None,
            timeout_s=60,
            what="the seeded members in the matching index",
        )
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


def _sign_out(page: Page) -> None:
    """Sign out and wait for the provider's sign-out to send the browser back to the app's
    sign-in page (until then the app says it is signing out)."""
    with page.expect_event("load"):
        page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in with IPEM test realm")).to_be_visible()


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

    _sign_out(page)
    assert "matchmaker_session" not in {c["name"] for c in page.context.cookies(oidc_service.url)}
    page.get_by_role("link", name="Sign in with IPEM test realm").click()
    expect(page.locator("#kc-form-login")).to_be_visible()  # Keycloak's session ended too


def test_no_sign_in_is_offered_until_the_providers_sign_out_is_done(
    page: Page, keycloak: RunningKeycloak
) -> None:
    page.goto("/#/profile")
    page.get_by_role("link", name="Sign in with IPEM test realm").click()
    page.wait_for_url(f"{keycloak.url}/**")
    _keycloak_login(page, "darren")
    expect(page.get_by_test_id("signed-in-name")).to_have_text("Darren Akhtar")

    held: list[Route] = []  # the server's sign-out, held back to look at the page meanwhile
    page.route("**/auth/logout", lambda route: held.append(route))
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("status")).to_have_text("Signing out…")
    assert held, "the app did not ask the server to sign out"
    expect(page.get_by_role("link", name=re.compile("^Sign in"))).to_have_count(0)
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    assert_accessible(page, "signing-out")
    held[0].continue_()

    # The first sign-in offered is taken at once: the provider asks for the password again.
    page.get_by_role("link", name="Sign in with IPEM test realm").click()
    page.wait_for_url(f"{keycloak.url}/**")
    _keycloak_login(page, "darren")
    expect(page.get_by_test_id("signed-in-name")).to_have_text("Darren Akhtar")


def test_an_account_that_is_no_member_is_told_why(page: Page, keycloak: RunningKeycloak) -> None:
    page.goto("/")
    page.get_by_role("link", name="Sign in with IPEM test realm").click()
    page.wait_for_url(f"{keycloak.url}/**")
    _keycloak_login(page, "visitor")
    expect(page.get_by_role("heading", name="No access to the matchmaker")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("visitor@example.net")


IDEA_TITLE = "Deep learning reconstruction for portable low-field MRI"
IDEA_SUMMARY = (
    "Portable low-field MRI scanners in community hubs give noisy images: deep learning "
    "reconstruction to recover image quality, with quality assurance and MRI safety checks "
    "for patients with implants before clinical use."
)


def test_a_member_invites_from_the_suggested_team_and_the_invitee_accepts_from_the_e_mail(
    page: Page, oidc_service: Service, keycloak: RunningKeycloak, mailbox: Mailbox
) -> None:
    priya = realm_user("priya")
    page.goto("/")
    page.get_by_role("link", name="Sign in with IPEM test realm").click()
    page.wait_for_url(f"{keycloak.url}/**")
    _keycloak_login(page, "darren")
    expect(page.get_by_test_id("signed-in-name")).to_have_text("Darren Akhtar")

    page.get_by_role("link", name="Write a new idea").click()
    expect(page.get_by_role("heading", name="Write an idea")).to_be_visible()
    page.get_by_label("Title").fill(IDEA_TITLE)
    page.get_by_label("The idea in plain language").fill(IDEA_SUMMARY)
    page.get_by_label("Skills the team needs").fill("MRI physics, deep learning, MRI safety")
    page.get_by_role("button", name="Save draft and find collaborators").click()
    expect(page.get_by_role("heading", name=IDEA_TITLE)).to_be_visible()
    idea_url = page.url
    idea_suggestions_ready(page)

    person = page.get_by_test_id("team-member").filter(has_text="Priya Natarajan")
    person.get_by_role("button", name="Invite Priya Natarajan").click()
    expect(person.get_by_text("Invited")).to_be_visible()
    expect(page.get_by_test_id("invited")).to_contain_text("Priya Natarajan")
    page.get_by_role("button", name="Submit the idea").click()
    page.get_by_role("button", name="Yes, submit").click()
    expect(page.get_by_test_id("idea-status")).to_have_text("Submitted")
    screenshot(page, "oidc-idea-invited")

    mail = eventually(lambda: _mail_to(mailbox, priya.email, IDEA_TITLE), 30, "the e-mail")
    assert mail["Subject"] == f'Darren Akhtar invited you to the idea "{IDEA_TITLE}"'
    address = link(mail)
    assert address == f"{oidc_service.url}/#/profile"

    _sign_out(page)
    page.goto(address)
    expect(page.get_by_role("heading", name="Sign in to the IPEM matchmaker")).to_be_visible()
    screenshot(page, "oidc-sign-in-for-invitation")
    page.get_by_role("link", name="Sign in with IPEM test realm").click()
    page.wait_for_url(f"{keycloak.url}/**")
    _keycloak_login(page, "priya")
    expect(page.get_by_test_id("signed-in-name")).to_have_text("Priya Natarajan")
    expect(page.get_by_role("heading", name="My profile")).to_be_visible()
    assert page.url == address  # back where the e-mail's link pointed

    item = page.get_by_test_id("idea-invitation").filter(has_text=IDEA_TITLE)
    expect(item).to_contain_text("Darren Akhtar")
    screenshot(page, "oidc-invitation-to-answer")
    item.get_by_role("button", name=f"Accept the invitation to {IDEA_TITLE}").click()
    expect(item).to_contain_text("Accepted")
    expect(item.get_by_role("button")).to_have_count(0)
    page.reload()
    expect(page.get_by_test_id("idea-invitation").filter(has_text=IDEA_TITLE)).to_contain_text(
        "Accepted"
    )
    screenshot(page, "oidc-invitation-accepted")

    _sign_out(page)
    page.goto(idea_url)
    page.get_by_role("link", name="Sign in with IPEM test realm").click()
    page.wait_for_url(f"{keycloak.url}/**")
    _keycloak_login(page, "darren")
    expect(page.get_by_role("heading", name=IDEA_TITLE)).to_be_visible()
    assert page.url == idea_url
    interested = page.locator("h3:text-is('Interested members') + p")
    expect(interested).to_have_text("Priya Natarajan")
    screenshot(page, "oidc-idea-accepted")


def _mail_to(mailbox: Mailbox, address: str, subject: str) -> EmailMessage | None:
    return next((m for m in mailbox.to(address) if subject in m["Subject"]), None)
