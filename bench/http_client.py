"""A small HTTP/1.1 keep-alive client for load generation on the same machine as the service.

Why not httpx: the load runs on the service's own two cores, and httpx's async client spent
about 10 ms of CPU a request with 64 connections open (its pool, its request and response
models), a fifth of the machine that the service under test then lacked. This client holds
one connection per caller, writes the request in one call and reads the answer by its
Content-Length: about a tenth of that. It speaks only what the service answers with (a
status line, headers, a body of known length, or chunked) and only to loopback.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse


class HTTPFailure(Exception):
    """The connection closed, or the answer was not HTTP/1.1 this client can read."""


class _Stale(Exception):
    """A kept-alive connection the server had closed before any answer began: the request
    was not read, so sending it again on a new connection cannot write twice."""


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Connection:
    """One keep-alive connection to `url`'s host; reconnects when the server closed it."""

    def __init__(self, url: str, timeout_s: float = 60.0) -> None:
        parsed = urlparse(url)
        self._host = parsed.hostname or "127.0.0.1"
        self._port = parsed.port or 80
        self._timeout_s = timeout_s
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def post_json(
        self, path: str, body: Any, headers: dict[str, str] | None = None
    ) -> Answer:
        payload = json.dumps(body).encode()
        lines = [
            f"POST {path} HTTP/1.1",
            f"Host: {self._host}:{self._port}",
            "Content-Type: application/json",
            f"Content-Length: {len(payload)}",
            *(f"{name}: {value}" for name, value in (headers or {}).items()),
        ]
        request = ("\r\n".join(lines) + "\r\n\r\n").encode() + payload
        reused = self._writer is not None
        try:
            return await asyncio.wait_for(self._exchange(request), self._timeout_s)
        except _Stale as e:
            await self.close()
            if not reused:
                raise HTTPFailure("the server closed a new connection without answering") from e
        except BaseException:
            await self.close()
            raise
        try:
            return await asyncio.wait_for(self._exchange(request), self._timeout_s)
        except BaseException:
            await self.close()
            raise

    async def _exchange(self, request: bytes) -> Answer:
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self._host, self._port)
        assert self._reader is not None
        try:
            self._writer.write(request)
            await self._writer.drain()
        except ConnectionError as e:
            raise _Stale() from e
        try:
            head = await self._reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError as e:
            if e.partial:
                raise HTTPFailure("the connection closed in the middle of an answer") from e
            raise _Stale() from e
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        parts = status_line.split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
            raise HTTPFailure(f"not an HTTP/1.1 answer: {status_line!r}")
        headers = {}
        for line in header_lines:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        body = await self._body(headers)
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return Answer(int(parts[1]), headers, body)

    async def _body(self, headers: dict[str, str]) -> bytes:
        assert self._reader is not None
        if "content-length" in headers:
            return await self._reader.readexactly(int(headers["content-length"]))
        if headers.get("transfer-encoding", "").lower() == "chunked":
            chunks = []
            while size := int((await self._reader.readuntil(b"\r\n")).split(b";")[0], 16):
                chunks.append(await self._reader.readexactly(size))
                await self._reader.readexactly(2)
            await self._reader.readuntil(b"\r\n")
            return b"".join(chunks)
        raise HTTPFailure("the answer has neither Content-Length nor chunked encoding")

    async def close(self) -> None:
        writer, self._reader, self._writer = self._writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await writer.wait_closed()
