"""Run a service call off the event loop and turn its expected failures into schema types."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.errors import InvalidInput, PermissionDenied
from matchmaker.errors import NotFound as NotFoundError
from matchmaker.services.validation import InvalidFields

T = TypeVar("T")
Failure = ValidationErrors | NotFound | NotAllowed


async def attempt(call: Callable[..., T], *args: Any) -> T | Failure:
    """`call(*args)` in a worker thread; InvalidFields, NotFound, PermissionDenied as types."""
    try:
        return await run_in_threadpool(call, *args)
    except InvalidFields as e:
        return ValidationErrors.of(e.problems)
    except InvalidInput as e:
        return ValidationErrors.of([e])
    except NotFoundError as e:
        return NotFound.of(e)
    except PermissionDenied as e:
        return NotAllowed(message=str(e))


def is_failure(value: object) -> bool:
    return isinstance(value, (ValidationErrors, NotFound, NotAllowed))
