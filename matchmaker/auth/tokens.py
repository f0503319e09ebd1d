"""Signed bearer tokens: HS256 JWTs carrying a subject id and a role, with an expiry.

A token from an OpenID Connect sign-in also names the provider (`idp`) and the person's name:
staff and admins from the provider are not among the built-in accounts, and their token is
what vouches for them (matchmaker.services.auth)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache

import jwt

from matchmaker.auth.roles import Role
from matchmaker.errors import MatchmakerError

ALGORITHM = "HS256"
ISSUER = "ipem-matchmaker"


class TokenRejected(MatchmakerError):
    """A bearer token that is malformed, expired, tampered with or names no one."""


@dataclass(frozen=True)
class Claims:
    subject: str
    role: Role
    expires_at: int
    name: str = ""
    provider: str = ""


def issue_token(
    subject: str,
    role: Role,
    secret: str,
    ttl_s: int,
    now: float | None = None,
    *,
    name: str = "",
    provider: str = "",
) -> str:
    """A token for `subject` in `role`, valid for `ttl_s` seconds; `provider` and `name` for
    a sign-in through an identity provider."""
    issued = int(time.time() if now is None else now)
    payload: dict[str, object] = {"sub": subject, "role": role.value, "iat": issued}
    payload |= {"exp": issued + ttl_s, "iss": ISSUER}
    if provider:
        payload |= {"idp": provider, "name": name}
    return jwt.encode(payload, secret, algorithm=ALGORITHM)


def read_token(token: str, secret: str, now: float | None = None) -> Claims:
    """The claims of a valid token; raises TokenRejected saying why it is not valid.

    A signed-in client sends the same token with every request: a token whose signature was
    checked before is not checked again (its claims are kept), only its expiry."""
    claims = _verified(token, secret)
    if claims.expires_at <= (time.time() if now is None else now):
        raise TokenRejected("The sign-in token has expired; sign in again.")
    return claims


VERIFIED_KEPT = 10_000  # distinct valid tokens whose signature check is remembered


@lru_cache(maxsize=VERIFIED_KEPT)
def _verified(token: str, secret: str) -> Claims:
    """The claims of a well-signed token, expiry checked as of its first reading."""
    try:
        payload = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["sub", "exp", "iat", "iss"]},
        )
    except jwt.ExpiredSignatureError as e:
        raise TokenRejected("The sign-in token has expired; sign in again.") from e
    except jwt.InvalidSignatureError as e:
        raise TokenRejected("The sign-in token's signature is not valid.") from e
    except jwt.PyJWTError as e:
        raise TokenRejected("The sign-in token is not valid; sign in again.") from e
    return Claims(
        str(payload["sub"]),
        _role(payload.get("role")),
        int(payload["exp"]),
        name=str(payload.get("name") or ""),
        provider=str(payload.get("idp") or ""),
    )


def _role(raw: object) -> Role:
    try:
        role = Role(str(raw))
    except ValueError as e:
        raise TokenRejected(f"The sign-in token names an unknown role {raw!r}.") from e
    if role is Role.ANONYMOUS:
        raise TokenRejected("The sign-in token names no role.")
    return role
