"""One base error with specific subclasses whose messages are built from the data."""

from __future__ import annotations


class MatchmakerError(Exception):
    """Base of every error the matchmaker raises on purpose."""


class ConfigError(MatchmakerError):
    """A setting is missing or malformed."""


class Neo4jUnavailable(MatchmakerError):
    """The graph database cannot be reached or started."""


class LocalNeo4jError(Neo4jUnavailable):
    """The project's own local Neo4j could not be prepared or started."""


class SchemaMismatch(MatchmakerError):
    """The graph's schema does not fit the running code (e.g. a vector index dimension)."""


class ModelUnavailable(MatchmakerError):
    """The embedding model cannot be loaded."""


class NotFound(MatchmakerError):
    def __init__(self, kind: str, ident: str) -> None:
        super().__init__(f"no {kind} with id {ident!r}")
        self.kind = kind
        self.ident = ident


class PermissionDenied(MatchmakerError):
    """The caller's role does not allow the operation."""


class InvalidInput(MatchmakerError):
    """Input that fails validation; `field` names the offending field."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
