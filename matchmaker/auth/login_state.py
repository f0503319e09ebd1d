"""What the browser carries between /auth/login and /auth/callback: the OAuth state, the
OpenID nonce, the PKCE verifier and where to return, sealed by this server (an HS256 JWT with
its own issuer, so it can never pass as a session token) for LOGIN_TTL_S seconds."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

import jwt

from matchmaker.errors import MatchmakerError

ISSUER = "ipem-matchmaker/login"
LOGIN_TTL_S = 600


class LoginStateRejected(MatchmakerError):
    """The sign-in's state is missing, expired, tampered with, or not this sign-in's."""


@dataclass(frozen=True)
class LoginState:
    state: str
    nonce: str
    verifier: str  # the PKCE code verifier: 43+ characters of [A-Za-z0-9-_]
    next_path: str = "/"


def new_login_state(next_path: str | None) -> LoginState:
    return LoginState(
        state=secrets.token_urlsafe(24),
        nonce=secrets.token_urlsafe(24),
        verifier=secrets.token_urlsafe(48),
        next_path=safe_next(next_path),
    )


def safe_next(raw: str | None) -> str:
    """A path on this site to return to after sign-in; "/" for anything else (another
    site's address, `//host`, backslashes or control characters)."""
    if not raw or not raw.startswith("/") or raw.startswith("//"):
        return "/"
    if "\\" in raw or any(ord(c) < 32 for c in raw):
        return "/"
    return raw


def seal(login: LoginState, secret: str, now: float | None = None) -> str:
    issued = int(time.time() if now is None else now)
    payload = {
        "iss": ISSUER, "iat": issued, "exp": issued + LOGIN_TTL_S, "state": login.state,
        "nonce": login.nonce, "pkce": login.verifier, "next": login.next_path,
    }  # fmt: skip
    return jwt.encode(payload, secret, algorithm="HS256")


def unseal(sealed: str | None, state: str | None, secret: str) -> LoginState:
    """The login the browser started, if `state` (from the provider's redirect) is its state;
    raises LoginStateRejected saying what is wrong."""
    if not sealed:
        raise LoginStateRejected(
            "This browser has no sign-in in progress (it may have expired, or cookies are "
            "blocked): start again from the sign-in page."
        )
    try:
        payload = jwt.decode(sealed, secret, algorithms=["HS256"], issuer=ISSUER)
    except jwt.ExpiredSignatureError as e:
        raise LoginStateRejected("The sign-in took too long and expired: start again.") from e
    except jwt.PyJWTError as e:
        raise LoginStateRejected("The sign-in's state is not valid: start again.") from e
    if not state or not secrets.compare_digest(str(payload.get("state")), state):
        raise LoginStateRejected(
            "The provider answered a different sign-in than the one this browser started: "
            "start again."
        )
    return LoginState(
        str(payload["state"]), str(payload["nonce"]), str(payload["pkce"]), str(payload["next"])
    )
