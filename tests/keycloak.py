"""One real Keycloak for a test session, started only when a test asks for `keycloak`.

It runs `start-dev` with the realm in deploy/keycloak (matchmaker.adapters.keycloak_local) and
stops when the session ends. Its start takes one to two minutes on a 2-core machine, so the
fixture is session-scoped and the time is reported at the end of the run.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from matchmaker.adapters.keycloak_local import (
    REALM_FILE,
    LocalKeycloak,
    RunningKeycloak,
    ensure_installed,
)
from matchmaker.config import OidcSettings, Settings

REALM = json.loads(REALM_FILE.read_text())
CLIENT = next(c for c in REALM["clients"] if c["clientId"] == "matchmaker")
STARTS: list[float] = []
LOGS: list[Path] = []  # the running Keycloak's log, quoted when it refuses a sign-in


@dataclass(frozen=True)
class RealmUser:
    username: str
    password: str
    email: str


def realm_user(username: str) -> RealmUser:
    user = next(u for u in REALM["users"] if u["username"] == username)
    return RealmUser(username, user["credentials"][0]["value"], user["email"])


def oidc_settings(keycloak: RunningKeycloak, app_url: str) -> OidcSettings:
    """The app's settings for the test realm, the app reached at `app_url`."""
    return Settings.from_env(oidc_env(keycloak, app_url)).oidc


def oidc_env(keycloak: RunningKeycloak, app_url: str) -> dict[str, str]:
    """The same settings as environment variables, for a service started as a process."""
    return {
        "MATCHMAKER_OIDC_ISSUER": keycloak.issuer(REALM["realm"]),
        "MATCHMAKER_OIDC_CLIENT_ID": CLIENT["clientId"],
        "MATCHMAKER_OIDC_CLIENT_SECRET": CLIENT["secret"],
        "MATCHMAKER_OIDC_REDIRECT_URL": f"{app_url}/auth/callback",
        "MATCHMAKER_OIDC_PROVIDER_NAME": "IPEM test realm",
    }


@pytest.fixture(scope="session")
def keycloak() -> Iterator[RunningKeycloak]:
    installed = ensure_installed(Settings.from_env().neo4j.cache_dir)
    server = LocalKeycloak(installed, REALM_FILE)
    running = server.start()
    STARTS.append(running.started_in_s)
    LOGS.append(server.log_path)
    yield running
    LOGS.remove(server.log_path)
    server.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for seconds in STARTS:
        terminalreporter.write_line(f"Keycloak started in {seconds:.1f} s")


class _LoopbackIsSecure(httpx.BaseTransport):
    """Browsers send Secure cookies to http://127.0.0.1 (a secure context), and Keycloak marks
    its login cookies Secure; httpx keeps them only for https. This transport drops the Secure
    attribute from cookies set by loopback servers, so the test's browser acts as a browser."""

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        if request.url.host not in ("127.0.0.1", "localhost"):
            return response
        headers = [
            (
                k,
                re.sub(rb";\s*Secure(?=;|$)", b"", v, flags=re.I)
                if k.lower() == b"set-cookie"
                else v,
            )
            for k, v in response.headers.raw
        ]
        return httpx.Response(
            response.status_code,
            headers=headers,
            stream=response.stream,
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._inner.close()


def provider_browser() -> httpx.Client:
    """An HTTP client that keeps cookies the way a browser does at the local Keycloak."""
    return httpx.Client(transport=_LoopbackIsSecure(), follow_redirects=False, timeout=30)


def login_form(page: httpx.Response) -> str:
    """The action URL of Keycloak's login form on `page`."""
    found = re.search(r'<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"', page.text)
    assert found, f"no login form on the provider's page:\n{page.text[:2000]}"
    return html.unescape(found.group(1))


def page_text(page: httpx.Response) -> str:
    """What a person would read on a provider's page: its body's text, without markup."""
    body = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", page.text)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())[:600]


def sign_in_at_provider(browser: httpx.Client, authorize_url: str, user: RealmUser) -> str:
    """Drive Keycloak's own login page as a browser would; return the address it sends the
    browser back to (the app's /auth/callback with the code). A refusal is reported with what
    the page says, which cookies went with it, and the errors in Keycloak's log."""
    page = browser.get(authorize_url)
    assert page.status_code == 200, page_text(page)
    sent = sorted(browser.cookies.keys())
    answer = browser.post(
        login_form(page), data={"username": user.username, "password": user.password}
    )
    assert answer.status_code in (302, 303), (
        f"Keycloak answered {answer.status_code} with cookies {sent}: {page_text(answer)}"
        + _log_problems()
    )
    return answer.headers["location"]


def _log_problems() -> str:
    """The warnings and errors at the end of the running Keycloak's log, if any."""
    if not LOGS or not LOGS[-1].exists():
        return ""
    lines = LOGS[-1].read_text(errors="replace").splitlines()
    flagged = [i for i, line in enumerate(lines) if " ERROR " in line or " WARN " in line]
    if not flagged:
        return ""
    return "\nKeycloak's log:\n" + "\n".join(lines[max(0, flagged[-1] - 30) : flagged[-1] + 40])


def callback_query(location: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
