"""Expected failures as schema types, and the masking of everything unexpected.

Resolvers return the types below inside union results; a `PublicError` is a refusal whose
message is written for people and reaches the client. Any other exception is logged with its
stack trace and reaches the client only as "Unexpected error.".
"""

from __future__ import annotations

import logging

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from matchmaker.errors import InvalidInput, MatchmakerError, Neo4jUnavailable, PermissionDenied
from matchmaker.errors import NotFound as NotFoundError
from matchmaker.services.validation import InvalidFields

log = logging.getLogger(__name__)

UNEXPECTED = "Unexpected error."
UNAVAILABLE = "The database is not reachable just now; please try again in a moment."


class PublicError(MatchmakerError):
    """A refusal whose message is safe and useful to show to the caller."""


@strawberry.type(description="One input field that failed validation, and why.")
class ValidationError:
    field: str
    message: str


def _camel(name: str) -> str:
    """A service's snake_case field name as the API spells it (max_per_org -> maxPerOrg)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@strawberry.type(description="The input did not pass validation; nothing was changed.")
class ValidationErrors:
    message: str
    errors: list[ValidationError]

    @classmethod
    def of(cls, problems: list[InvalidInput]) -> ValidationErrors:
        errors = [ValidationError(field=_camel(p.field), message=p.reason) for p in problems]
        fields = ", ".join(e.field for e in errors)
        return cls(message=f"Please correct: {fields}.", errors=errors)


@strawberry.type(description="No node with that id exists for you.")
class NotFound:
    message: str
    kind: str
    id: strawberry.ID

    @classmethod
    def of(cls, error: NotFoundError) -> NotFound:
        return cls(
            message=str(error).capitalize() + ".", kind=error.kind, id=strawberry.ID(error.ident)
        )


@strawberry.type(
    description="You may not do this to this node (for example, another member's idea)."
)
class NotAllowed:
    message: str


# A service's refusal raised from a field whose type has no union member for it (a list, say):
# its message is written for people, so it reaches the client with a code the view maps to 4xx.
REFUSAL_CODES: tuple[tuple[type[MatchmakerError], str], ...] = (
    (InvalidFields, "BAD_USER_INPUT"),
    (InvalidInput, "BAD_USER_INPUT"),
    (NotFoundError, "NOT_FOUND"),
    (PermissionDenied, "FORBIDDEN"),
)


def refusal_code(error: BaseException | None) -> str | None:
    """The code of a service's refusal, or None for anything else."""
    return next((code for kind, code in REFUSAL_CODES if isinstance(error, kind)), None)


def should_mask(error: GraphQLError) -> bool:
    """Mask and log anything that is not a GraphQL refusal or a PublicError; a service's
    refusal is rewritten (not logged) with its own message and a code."""
    original = error.original_error
    if original is None or isinstance(original, (GraphQLError, PublicError)):
        return False
    if refusal_code(original) is not None:
        return True
    if isinstance(original, Neo4jUnavailable):
        log.warning("graph unavailable at %s: %s", error.path, original)
        return True
    log.error("unexpected error at %s", error.path, exc_info=original)
    return True


class MaskUnexpected(MaskErrors):
    """MaskErrors that says so when the graph is down (code UNAVAILABLE; the view sends 503)."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask, error_message=UNEXPECTED)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        code = refusal_code(error.original_error)
        if code is not None:
            return GraphQLError(
                _sentence(str(error.original_error)),
                nodes=error.nodes,
                path=error.path,
                extensions={"code": code},
            )
        down = isinstance(error.original_error, Neo4jUnavailable)
        return GraphQLError(
            UNAVAILABLE if down else UNEXPECTED,
            nodes=error.nodes,
            path=error.path,
            extensions={"code": "UNAVAILABLE" if down else "INTERNAL"},
        )


def _sentence(message: str) -> str:
    text = message.strip() or "The request was refused"
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")
