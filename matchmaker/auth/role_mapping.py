"""Roles from an OpenID Connect provider's claims, by a mapping that is data (a TOML file).

Pure: the rules are read from text and applied to a claims dictionary; finding the member or
partner the account names is the service's work (matchmaker.services.oidc_sign_in).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from matchmaker.auth.roles import Role
from matchmaker.errors import ConfigError

MAPPED_ROLES = (Role.ADMIN, Role.STAFF, Role.PARTNER)  # strongest first
Claims = Mapping[str, object]


@dataclass(frozen=True)
class RoleRule:
    claim: str
    values: frozenset[str]
    role: Role

    def grants(self, claims: Claims) -> bool:
        return bool(self.values & claim_values(claims, self.claim))


@dataclass(frozen=True)
class RoleMapping:
    rules: tuple[RoleRule, ...] = ()
    member_id_claim: str = ""
    match_verified_email: bool = True
    partner_id_claim: str = ""

    def role_for(self, claims: Claims) -> Role | None:
        """The strongest role a rule grants these claims, or None."""
        granted = {rule.role for rule in self.rules if rule.grants(claims)}
        return next((role for role in MAPPED_ROLES if role in granted), None)

    def member_id(self, claims: Claims) -> str | None:
        return _single(claims, self.member_id_claim)

    def partner_id(self, claims: Claims) -> str | None:
        return _single(claims, self.partner_id_claim)

    def verified_email(self, claims: Claims) -> str | None:
        """The e-mail address, when matching by it is on and the provider says it verified
        it (`email_verified` exactly true: a missing or "true" string claim does not count)."""
        if not self.match_verified_email or claims.get("email_verified") is not True:
            return None
        return _single(claims, "email")


def claim_values(claims: Claims, name: str) -> set[str]:
    """A claim as a set of strings: a string, or the strings of a list; else empty."""
    raw = claims.get(name) if name else None
    if isinstance(raw, str):
        return {raw}
    if isinstance(raw, list | tuple):
        return {v for v in raw if isinstance(v, str)}
    return set()


def _single(claims: Claims, name: str) -> str | None:
    raw = claims.get(name) if name else None
    return raw.strip() if isinstance(raw, str) and raw.strip() else None


def load_mapping(path: Path) -> RoleMapping:
    """The mapping in a TOML file; raises ConfigError naming the file and the problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"MATCHMAKER_OIDC_ROLES: cannot read {path}: {e}") from e
    return parse_mapping(text, str(path))


def parse_mapping(text: str, source: str = "the role mapping") -> RoleMapping:
    """The mapping in TOML text; raises ConfigError naming `source` and the problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{source} is not valid TOML: {e}") from e
    members = _table(data, "members", source)
    partners = _table(data, "partners", source)
    rules = data.get("roles", [])
    if not isinstance(rules, list):
        raise ConfigError(f"{source}: `roles` must be a list of [[roles]] tables")
    return RoleMapping(
        rules=tuple(_rule(r, i, source) for i, r in enumerate(rules, 1)),
        member_id_claim=_text(members, "id_claim", f"{source}: members.id_claim"),
        match_verified_email=_flag(members, "match_verified_email", source),
        partner_id_claim=_text(partners, "id_claim", f"{source}: partners.id_claim"),
    )


def _table(data: Mapping[str, object], name: str, source: str) -> Mapping[str, object]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [{name}] must be a table")
    return table


def _text(table: Mapping[str, object], key: str, where: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise ConfigError(f"{where} must be a string, got {value!r}")
    return value.strip()


def _flag(table: Mapping[str, object], key: str, source: str) -> bool:
    value = table.get(key, True)
    if not isinstance(value, bool):
        raise ConfigError(f"{source}: members.{key} must be true or false, got {value!r}")
    return value


def _rule(raw: object, number: int, source: str) -> RoleRule:
    where = f"{source}: rule {number} in [[roles]]"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where} must be a table")
    claim = _text(raw, "claim", f"{where}: claim")
    values = raw.get("values")
    if not claim:
        raise ConfigError(f"{where} names no claim")
    if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{where}: values must be a non-empty list of strings")
    return RoleRule(claim, frozenset(values), _role(raw.get("role"), where))


def _role(raw: object, where: str) -> Role:
    allowed = ", ".join(r.value for r in MAPPED_ROLES)
    try:
        role = Role(str(raw))
    except ValueError as e:
        raise ConfigError(f"{where}: role must be one of {allowed}, got {raw!r}") from e
    if role not in MAPPED_ROLES:
        raise ConfigError(
            f"{where}: role must be one of {allowed}, got {raw!r} (members are found by their "
            "verified e-mail or members.id_claim, not by a rule)"
        )
    return role
