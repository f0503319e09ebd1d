"""The browser's session: cookie names and the rules for trusting them. Pure.

The session cookie holds this server's own signed token (matchmaker.auth.tokens). It is
HttpOnly (no script reads it), SameSite=Lax (no other site's page sends it with a POST) and
Secure when the service is reached over https. On top of that, a request is signed in by the
cookie only when it also sends the header CSRF_HEADER: CSRF_VALUE. A page on another site
cannot add a custom header to a request here without the browser asking first (a CORS
preflight, which this server never grants), so a forged request arrives signed in as nobody.
API clients send `Authorization: Bearer <token>` and need no header.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

SESSION_COOKIE = "matchmaker_session"
LOGIN_COOKIE = "matchmaker_login"  # the sign-in in progress (matchmaker.auth.login_state)
ID_HINT_COOKIE = "matchmaker_id_hint"  # the provider's ID token, for its sign-out
CSRF_HEADER = "X-Requested-With"
CSRF_VALUE = "matchmaker"
AUTH_PATH = "/auth"


@dataclass(frozen=True)
class CookieSpec:
    name: str
    path: str

    def attributes(self, max_age: int, secure: bool) -> dict[str, object]:
        """Keyword arguments for starlette's Response.set_cookie."""
        return {
            "key": self.name, "max_age": max_age, "path": self.path, "secure": secure,
            "httponly": True, "samesite": "lax",
        }  # fmt: skip


SESSION = CookieSpec(SESSION_COOKIE, "/")
LOGIN = CookieSpec(LOGIN_COOKIE, AUTH_PATH)
ID_HINT = CookieSpec(ID_HINT_COOKIE, AUTH_PATH)


def sent_by_the_app(headers: Mapping[str, str]) -> bool:
    """Whether the request carries the header only the app's own pages send."""
    return headers.get(CSRF_HEADER.lower(), headers.get(CSRF_HEADER, "")) == CSRF_VALUE


def cookie_token(cookies: Mapping[str, str], headers: Mapping[str, str]) -> str | None:
    """The session cookie's token, when the request is the app's own (sent_by_the_app);
    None otherwise, so that a forged request is anonymous."""
    token = cookies.get(SESSION_COOKIE, "").strip()
    return token if token and sent_by_the_app(headers) else None
