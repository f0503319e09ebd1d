"""Sign-in through a provider, the pure parts: the role mapping as data, the cookie and CSRF
rules, the sealed sign-in state and the settings' checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.responses import Response

from matchmaker.auth import cookies
from matchmaker.auth.login_state import (
    LoginStateRejected,
    new_login_state,
    safe_next,
    seal,
    unseal,
)
from matchmaker.auth.role_mapping import load_mapping, parse_mapping
from matchmaker.auth.roles import Role
from matchmaker.auth.tokens import issue_token, read_token
from matchmaker.config import OidcSettings, Settings
from matchmaker.errors import ConfigError

SECRET = "a-test-secret-that-is-long-enough-for-hs256"
DEFAULT = load_mapping(OidcSettings().roles_file)
ENTRA = """
[members]
id_claim = "employee_id"
match_verified_email = false

[[roles]]
claim = "roles"
values = ["Matchmaker.Staff"]
role = "staff"
"""


def test_the_default_mapping_grants_the_strongest_role_of_a_persons_groups() -> None:
    assert DEFAULT.role_for({"groups": ["partners", "steric-staff"]}) is Role.STAFF
    assert DEFAULT.role_for({"groups": ["/ipem-admins", "steric-staff"]}) is Role.ADMIN
    assert DEFAULT.role_for({"groups": "partners"}) is Role.PARTNER
    assert DEFAULT.role_for({"groups": ["ipem-members"]}) is None
    assert DEFAULT.role_for({"groups": 7}) is None


def test_members_are_linked_by_a_claim_or_only_a_verified_email() -> None:
    assert DEFAULT.member_id({"matchmaker_member": "m0001"}) == "m0001"
    assert DEFAULT.verified_email({"email": "a@x.org", "email_verified": True}) == "a@x.org"
    assert DEFAULT.verified_email({"email": "a@x.org", "email_verified": "true"}) is None
    assert DEFAULT.verified_email({"email": "a@x.org"}) is None
    assert DEFAULT.partner_id({"matchmaker_partner": " p-1 "}) == "p-1"


def test_another_providers_mapping_is_only_another_file() -> None:
    entra = parse_mapping(ENTRA, "entra.toml")
    assert entra.role_for({"roles": ["Matchmaker.Staff"]}) is Role.STAFF
    assert entra.member_id({"employee_id": "m0002"}) == "m0002"
    assert entra.verified_email({"email": "a@x.org", "email_verified": True}) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[roles]]\nclaim = 'groups'\nvalues = ['a']\nrole = 'member'", "members are found"),
        ("[[roles]]\nclaim = 'groups'\nvalues = ['a']\nrole = 'root'", "role must be one of"),
        ("[[roles]]\nclaim = 'groups'\nvalues = []\nrole = 'staff'", "non-empty list"),
        ("[[roles]]\nvalues = ['a']\nrole = 'staff'", "names no claim"),
        ("[members]\nmatch_verified_email = 'yes'", "true or false"),
        ("roles = 'staff'", "list of"),
        ("[[roles]", "not valid TOML"),
    ],
)
def test_a_bad_mapping_is_refused_naming_the_problem(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_mapping(text, "mapping.toml")


def test_a_missing_mapping_file_names_the_setting(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="MATCHMAKER_OIDC_ROLES"):
        load_mapping(tmp_path / "absent.toml")


def test_the_session_cookie_counts_only_with_the_apps_header() -> None:
    jar = {cookies.SESSION_COOKIE: "token"}
    assert cookies.cookie_token(jar, {"x-requested-with": "matchmaker"}) == "token"
    assert cookies.cookie_token(jar, {"X-Requested-With": "matchmaker"}) == "token"
    assert cookies.cookie_token(jar, {}) is None
    assert cookies.cookie_token(jar, {"x-requested-with": "XMLHttpRequest"}) is None
    assert cookies.cookie_token({}, {"x-requested-with": "matchmaker"}) is None


@pytest.mark.parametrize("secure", [True, False])
def test_session_cookies_are_httponly_lax_and_secure_over_https(secure: bool) -> None:
    response = Response()
    response.set_cookie(value="t", **cookies.SESSION.attributes(3600, secure))  # type: ignore[arg-type]
    header = response.headers["set-cookie"]
    parts = {p.strip().lower() for p in header.split(";")}
    assert {"httponly", "samesite=lax", "path=/", "max-age=3600"} <= parts
    assert ("secure" in parts) is secure


def test_https_redirect_urls_make_cookies_secure() -> None:
    assert OidcSettings(redirect_url="https://mm.ipem.ac.uk/auth/callback").secure_cookies
    assert not OidcSettings(redirect_url="http://localhost:8000/auth/callback").secure_cookies


def test_the_sign_in_state_is_sealed_and_bound_to_its_state() -> None:
    started = new_login_state("/ideas/i-1")
    sealed = seal(started, SECRET)
    assert unseal(sealed, started.state, SECRET) == started
    assert len(started.verifier) >= 43
    with pytest.raises(LoginStateRejected, match="different sign-in"):
        unseal(sealed, "another-state", SECRET)
    with pytest.raises(LoginStateRejected, match="not valid"):
        unseal(sealed, started.state, "another-secret-that-is-long-enough-too")
    with pytest.raises(LoginStateRejected, match="expired"):
        unseal(seal(started, SECRET, now=1_000), started.state, SECRET)
    with pytest.raises(LoginStateRejected, match="no sign-in in progress"):
        unseal(None, started.state, SECRET)


def test_the_sealed_state_never_passes_as_a_session_token() -> None:
    from matchmaker.auth.tokens import TokenRejected

    with pytest.raises(TokenRejected):
        read_token(seal(new_login_state("/"), SECRET), SECRET)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("/profile", "/profile"),
        ("/ideas/i-1?tab=team", "/ideas/i-1?tab=team"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("/a\nb", "/"),
        (None, "/"),
    ],
)
def test_only_a_path_on_this_site_is_returned_to(raw: str | None, expected: str) -> None:
    assert safe_next(raw) == expected


def test_provider_tokens_carry_the_name_and_the_provider() -> None:
    token = issue_token("s@ipem.org", Role.STAFF, SECRET, 60, name="Sam", provider="oidc")
    claims = read_token(token, SECRET)
    assert (claims.name, claims.provider) == ("Sam", "oidc")
    assert read_token(issue_token("m-1", Role.MEMBER, SECRET, 60), SECRET).provider == ""


KEYCLOAK = {
    "MATCHMAKER_OIDC_ISSUER": "http://localhost:8080/realms/ipem",
    "MATCHMAKER_OIDC_CLIENT_ID": "matchmaker",
    "MATCHMAKER_OIDC_CLIENT_SECRET": "s",
    "MATCHMAKER_OIDC_REDIRECT_URL": "http://localhost:8000/auth/callback",
}


def test_oidc_settings_are_read_and_off_without_an_issuer() -> None:
    assert not Settings.from_env({}).oidc.enabled
    oidc = Settings.from_env(
        {
            **KEYCLOAK,
            "MATCHMAKER_OIDC_SCOPES": "openid email profile groups",
            "MATCHMAKER_OIDC_DISCOVERY_URL": "http://keycloak:8080/realms/ipem",
        }
    ).oidc
    assert oidc.enabled
    assert oidc.scopes == ("openid", "email", "profile", "groups")
    assert oidc.metadata_url == "http://keycloak:8080/realms/ipem/.well-known/openid-configuration"
    assert oidc.display_name == "localhost"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"MATCHMAKER_OIDC_CLIENT_SECRET": ""}, "MATCHMAKER_OIDC_CLIENT_SECRET must be set"),
        ({"MATCHMAKER_OIDC_REDIRECT_URL": ""}, "MATCHMAKER_OIDC_REDIRECT_URL must be set"),
        ({"MATCHMAKER_OIDC_ISSUER": "http://idp.example.org/realms/ipem"}, "https URL"),
        ({"MATCHMAKER_OIDC_DISCOVERY_URL": "http://idp.example.org/x"}, "https URL"),
        ({"MATCHMAKER_OIDC_REDIRECT_URL": "https://mm.example.org/callback"}, "/auth/callback"),
        ({"MATCHMAKER_OIDC_SCOPES": "email profile"}, "include openid"),
    ],
)
def test_incomplete_or_unsafe_oidc_settings_are_refused(
    changes: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_env({**KEYCLOAK, **changes})
