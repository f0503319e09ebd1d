"""Reading a request body ahead of the app, and handing it on as if it had not been read."""

from __future__ import annotations

from starlette.types import Message, Receive


async def read_body(receive: Receive, limit: int | None = None) -> bytes | None:
    """The whole body; None as soon as it passes `limit` bytes (no limit: the caller has
    bounded it already)."""
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return bytes(body)
        body += message.get("body", b"")
        if limit is not None and len(body) > limit:
            return None
        if not message.get("more_body", False):
            return bytes(body)


def replay(body: bytes, receive: Receive) -> Receive:
    """A receive that hands out `body` once, then whatever the client sends next."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed
