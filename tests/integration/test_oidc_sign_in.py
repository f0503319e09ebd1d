"""Sign-in through a real Keycloak: the authorization code flow with PKCE, over HTTP.

The app runs in-process (starlette's TestClient) against the session's Neo4j; Keycloak runs
as its own process with the realm in deploy/keycloak, and its login page is driven with
httpx as a browser would: GET the page, POST the credentials, follow the redirect back to
/auth/callback.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from starlette.testclient import TestClient

from matchmaker.adapters.graph import Graph
from matchmaker.adapters.keycloak_local import RunningKeycloak
from matchmaker.adapters.oidc_provider import OidcProvider, ProviderError
from matchmaker.app import create_app
from matchmaker.auth.cookies import CSRF_HEADER, CSRF_VALUE, SESSION_COOKIE
from matchmaker.auth.login_state import new_login_state
from matchmaker.bootstrap import Runtime
from matchmaker.config import Settings
from tests.keycloak import (
    callback_query,
    login_form,
    oidc_settings,
    provider_browser,
    realm_user,
    sign_in_at_provider,
)

APP_URL = "http://127.0.0.1:8765"  # where the browser would reach the app (not served here)
APP = {CSRF_HEADER: CSRF_VALUE}
ME = "{ me { id role name } }"
SIGNED_IN = '{ member(id: "m-darren") { id } }'
PEOPLE = """
CREATE (:Member {id: 'm-darren', name: 'Darren Akhtar', email: 'Darren.Akhtar@example.org'})
CREATE (:Member {id: 'm-poppy', name: 'Poppy Johnston', email: 'poppy.johnston@example.org'})
CREATE (:Partner {id: 'p-16-bit-inc', name: '16 Bit Inc', kind: 'company', visible: true})
"""
AUDIT = """{ auditEvents(action: "signIn") { edges { node { actor role detail } } } }"""


def _settings(runtime: Runtime, keycloak: RunningKeycloak, **changes: Any) -> Settings:
    oidc = oidc_settings(keycloak, APP_URL)
    return replace(runtime.settings, demo_sign_in=False, oidc=oidc, **changes)


def _client(runtime: Runtime, settings: Settings) -> TestClient:
    shared = replace(runtime, settings=settings)
    return TestClient(create_app(settings, runtime_factory=lambda _: shared))


@pytest.fixture
def app(runtime: Runtime, keycloak: RunningKeycloak, graph: Graph) -> Iterator[TestClient]:
    graph.write(PEOPLE)
    with _client(runtime, _settings(runtime, keycloak)) as client:
        yield client


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    """The browser's side at Keycloak: its own cookies (Keycloak's session)."""
    with provider_browser() as client:
        yield client


def _local(location: str) -> str:
    parts = urlsplit(location)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def sign_in(app: TestClient, browser: httpx.Client, username: str, next_path: str = "/") -> Any:
    start = app.get("/auth/login", params={"next": next_path}, follow_redirects=False)
    assert start.status_code == 302, start.text
    back = sign_in_at_provider(browser, start.headers["location"], realm_user(username))
    assert back.startswith(f"{APP_URL}/auth/callback?"), back
    return app.get(_local(back), follow_redirects=False)


def me(app: TestClient, headers: dict[str, str] | None = None) -> dict[str, Any]:
    answer = app.post("/graphql", json={"query": ME}, headers=headers or {})
    body: dict[str, Any] = answer.json()
    return body["data"]["me"]


def test_login_sends_the_browser_to_keycloak_with_state_nonce_and_pkce(app: TestClient) -> None:
    start = app.get("/auth/login", follow_redirects=False)
    query = callback_query(start.headers["location"])
    assert query["response_type"] == "code"
    assert query["client_id"] == "matchmaker"
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43  # base64url of a SHA-256
    assert len(query["state"]) >= 32
    assert len(query["nonce"]) >= 32
    assert set(query["scope"].split()) == {"openid", "email", "profile"}
    cookie = start.headers["set-cookie"]
    assert cookie.startswith("matchmaker_login=")
    assert {"HttpOnly", "Path=/auth", "SameSite=lax"} <= {a.strip() for a in cookie.split(";")}


def test_a_member_signs_in_by_verified_email_into_an_httponly_lax_cookie(
    app: TestClient, browser: httpx.Client
) -> None:
    done = sign_in(app, browser, "darren", next_path="/profile")
    assert done.status_code == 303, done.text
    assert done.headers["location"] == "/profile"
    session_cookie = next(
        c for c in done.headers.get_list("set-cookie") if c.startswith(f"{SESSION_COOKIE}=")
    )
    attributes = {a.strip().lower() for a in session_cookie.split(";")[1:]}
    assert {"httponly", "samesite=lax", "path=/"} <= attributes
    assert "secure" not in attributes  # the app is reached over http here
    darren = {"id": "m-darren", "role": "MEMBER", "name": "Darren Akhtar"}
    assert me(app, APP) == darren
    session = app.get("/auth/session").json()
    assert session["viewer"] == darren
    assert session["provider"] == {"name": "IPEM test realm", "loginUrl": "/auth/login"}
    assert session["expiresAt"] > time.time()


def test_the_cookie_without_the_apps_header_signs_in_no_one(
    app: TestClient, browser: httpx.Client
) -> None:
    sign_in(app, browser, "steric")
    assert me(app)["role"] == "ANONYMOUS"
    forged = app.post("/graphql", json={"query": AUDIT})
    assert forged.status_code == 401
    assert forged.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert app.post("/graphql", json={"query": AUDIT}, headers=APP).status_code == 200


def test_staff_and_admins_get_their_role_from_their_keycloak_group(
    app: TestClient, browser: httpx.Client
) -> None:
    sign_in(app, browser, "steric")
    staff = {"id": "steric.officer@ipem.example.org", "role": "STAFF", "name": "Sam Officer"}
    assert me(app, APP) == staff
    events = app.post("/graphql", json={"query": AUDIT}, headers=APP).json()["data"]
    actors = {e["node"]["actor"]: e["node"] for e in events["auditEvents"]["edges"]}
    assert actors[staff["id"]]["role"] == "staff"
    assert "IPEM test realm" in actors[staff["id"]]["detail"]
    app.cookies.clear()
    with provider_browser() as other_browser:
        sign_in(app, other_browser, "admin")
    assert me(app, APP)["role"] == "ADMIN"


def test_a_partner_is_the_partner_their_claim_names(app: TestClient, browser: httpx.Client) -> None:
    sign_in(app, browser, "partner")
    assert me(app, APP) == {"id": "p-16-bit-inc", "role": "PARTNER", "name": "16 Bit Inc"}


def test_an_account_with_no_member_and_no_role_is_refused_with_a_reason(
    app: TestClient, browser: httpx.Client
) -> None:
    refused = sign_in(app, browser, "visitor")
    assert refused.status_code == 403
    assert "No member of the matchmaker is registered with the e-mail visitor@example.net" in (
        refused.text
    )
    assert "protocol/openid-connect/logout" in refused.text  # a way to try another account
    assert SESSION_COOKIE not in app.cookies
    assert me(app, APP)["role"] == "ANONYMOUS"


def test_an_unverified_email_never_links_to_the_member_who_has_it(
    app: TestClient, browser: httpx.Client
) -> None:
    refused = sign_in(app, browser, "poppy")
    assert refused.status_code == 403
    assert "has not verified the e-mail address poppy.johnston@example.org" in refused.text
    assert me(app, APP)["role"] == "ANONYMOUS"


def test_a_callback_that_is_not_this_browsers_sign_in_is_refused(
    app: TestClient, browser: httpx.Client
) -> None:
    start = app.get("/auth/login", follow_redirects=False)
    back = sign_in_at_provider(browser, start.headers["location"], realm_user("darren"))
    code = callback_query(back)["code"]
    wrong = app.get("/auth/callback", params={"code": code, "state": "forged"})
    assert wrong.status_code == 400
    assert "different sign-in" in wrong.text
    app.cookies.clear()
    lost = app.get(_local(back))
    assert lost.status_code == 400
    assert "no sign-in in progress" in lost.text
    denied = app.get("/auth/callback", params={"error": "access_denied", "state": "x"})
    assert denied.status_code == 400
    assert me(app, APP)["role"] == "ANONYMOUS"


def test_sign_out_ends_the_session_here_and_at_keycloak(
    app: TestClient, browser: httpx.Client
) -> None:
    sign_in(app, browser, "darren")
    assert app.post("/auth/logout").status_code == 403  # not the app's own request
    assert me(app, APP)["role"] == "MEMBER"
    out = app.post("/auth/logout", headers=APP)
    redirect = out.json()["redirect"]
    assert "/protocol/openid-connect/logout?" in redirect
    assert "id_token_hint" in callback_query(redirect)
    assert me(app, APP)["role"] == "ANONYMOUS"
    ended = browser.get(redirect)
    assert ended.status_code in (302, 303)
    assert ended.headers["location"] == f"{APP_URL}/"
    again = app.get("/auth/login", follow_redirects=False)
    page = browser.get(again.headers["location"])
    assert login_form(page)  # Keycloak asks for the password again


def test_an_expired_session_signs_in_again_through_keycloaks_session(
    runtime: Runtime, keycloak: RunningKeycloak, graph: Graph, browser: httpx.Client
) -> None:
    graph.write(PEOPLE)
    with _client(runtime, _settings(runtime, keycloak, token_ttl_s=2)) as app:
        sign_in(app, browser, "darren")
        assert me(app, APP)["role"] == "MEMBER"
        session_cookie = app.cookies[SESSION_COOKIE]
        time.sleep(3)
        # The browser drops the cookie when its token expires; the app's next signed-in
        # request is refused, which sends the app back through /auth/login.
        app.cookies.jar.clear_expired_cookies()
        assert SESSION_COOKIE not in app.cookies
        refused = app.post("/graphql", json={"query": SIGNED_IN}, headers=APP).json()
        assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert app.get("/auth/session").json()["viewer"] is None
        # A token kept past its cookie's life is refused as expired, and the cookie cleared.
        app.cookies.set(SESSION_COOKIE, session_cookie)
        ended = app.get("/auth/session")
        assert "expired" in ended.json()["ended"]
        assert f'{SESSION_COOKIE}=""' in ended.headers["set-cookie"]
        assert app.post("/graphql", json={"query": ME}, headers=APP).status_code == 401
        again = app.get("/auth/login", follow_redirects=False)
        back = browser.get(again.headers["location"])  # no password: Keycloak's session
        assert back.status_code == 302
        assert app.get(_local(back.headers["location"]), follow_redirects=False).status_code == 303
        assert me(app, APP)["role"] == "MEMBER"


def test_with_demo_sign_in_off_every_demo_route_refuses(app: TestClient) -> None:
    sign_in_mutation = """mutation { signIn(input: {role: ADMIN}) { __typename } }"""
    answer = app.post("/graphql", json={"query": sign_in_mutation}).json()
    assert answer["data"]["signIn"]["__typename"] == "NotAllowed"
    member = """mutation { signIn(input: {memberId: "m-darren"}) { __typename } }"""
    assert app.post("/graphql", json={"query": member}).json()["data"]["signIn"] == {
        "__typename": "NotAllowed"
    }
    users = app.post("/graphql", json={"query": "{ demoUsers { id } }"}).json()
    assert users["data"]["demoUsers"] == []
    assert app.get("/auth/session").json()["demoSignIn"] is False


def test_id_tokens_that_fail_a_check_are_refused(
    runtime: Runtime, keycloak: RunningKeycloak, browser: httpx.Client
) -> None:
    settings = oidc_settings(keycloak, APP_URL)
    provider = OidcProvider(settings)
    login = new_login_state("/")
    url = asyncio.run(provider.authorization_url(login))
    code = callback_query(sign_in_at_provider(browser, url, realm_user("darren")))["code"]
    proven = asyncio.run(provider.complete(code, login))
    assert proven.claims["email"] == "darren.akhtar@example.org"
    assert proven.claims["email_verified"] is True
    with pytest.raises(ProviderError, match="did not accept"):
        asyncio.run(provider.complete(code, login))  # a code works once
    with pytest.raises(ProviderError, match="nonce"):
        asyncio.run(provider.verify_id_token(proven.id_token, "another-nonce"))
    other_client = OidcProvider(replace(settings, client_id="another-app"))
    with pytest.raises(ProviderError, match="aud"):
        asyncio.run(other_client.verify_id_token(proven.id_token, login.nonce))
    head, body, signature = proven.id_token.split(".")
    forged = f"{head}.{body}.{signature[:-4]}AAAA"
    with pytest.raises(ProviderError):
        asyncio.run(provider.verify_id_token(forged, login.nonce))
