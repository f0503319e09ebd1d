"""Signed tokens: what is accepted and why anything else is refused."""

from __future__ import annotations

import jwt
import pytest

from matchmaker.auth.roles import ANONYMOUS, Role, Viewer
from matchmaker.auth.tokens import TokenRejected, issue_token, read_token

SECRET = "a-test-secret-that-is-long-enough-for-hs256"


def test_a_token_round_trips() -> None:
    claims = read_token(issue_token("m-1", Role.MEMBER, SECRET, 60), SECRET)
    assert (claims.subject, claims.role) == ("m-1", Role.MEMBER)


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (issue_token("m-1", Role.MEMBER, SECRET, 60, now=1_000), "expired"),
        (issue_token("m-1", Role.STAFF, "another-secret-that-is-long-enough-too", 60), "signature"),
        ("not.a.token", "not valid"),
        (jwt.encode({"sub": "x", "exp": 2**40}, None, algorithm="none"), "not valid"),
        (jwt.encode({"sub": "x", "role": "root", "exp": 2**40, "iat": 1, "iss": "ipem-matchmaker"},
                    SECRET, algorithm="HS256"), "unknown role"),
        (jwt.encode({"sub": "x", "role": "admin"}, SECRET, algorithm="HS256"), "not valid"),
    ],
)  # fmt: skip
def test_bad_tokens_are_refused_with_a_reason(token: str, reason: str) -> None:
    with pytest.raises(TokenRejected, match=reason):
        read_token(token, SECRET)


def test_contact_details_follow_role_and_consent() -> None:
    member = Viewer("m-1", Role.MEMBER)
    assert member.sees_contact_of("m-1", visible_to_members=False)
    assert member.sees_contact_of("m-2", visible_to_members=True)
    assert not member.sees_contact_of("m-2", visible_to_members=False)
    assert Viewer("s", Role.STAFF).sees_contact_of("m-2", visible_to_members=False)
    assert not Viewer("p", Role.PARTNER).sees_contact_of("m-2", visible_to_members=True)
    assert not ANONYMOUS.sees_contact_of("m-2", visible_to_members=True)


def test_a_token_read_before_is_refused_once_it_expires() -> None:
    secret = "s" * 40
    token = issue_token("m1", Role.MEMBER, secret, ttl_s=60)
    claims = read_token(token, secret)
    assert read_token(token, secret) == claims  # the second reading is the remembered one
    with pytest.raises(TokenRejected, match="expired"):
        read_token(token, secret, now=claims.expires_at + 1)


def test_a_remembered_token_is_not_accepted_under_another_secret() -> None:
    token = issue_token("m1", Role.MEMBER, "a" * 40, ttl_s=60)
    read_token(token, "a" * 40)
    with pytest.raises(TokenRejected, match="signature"):
        read_token(token, "b" * 40)
