"""The load client's keep-alive connection against a small local server: lengths, chunks,
a connection the server closed, and answers it cannot read."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable

import pytest

from bench.http_client import Connection, HTTPFailure

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def _read_request(reader: asyncio.StreamReader) -> dict[str, object]:
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(
        int(line.split(b":")[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length")
    )
    body: dict[str, object] = json.loads(await reader.readexactly(length))
    return body


def _answer(status: int, body: bytes, extra: str = "") -> bytes:
    head = f"HTTP/1.1 {status} X\r\nContent-Length: {len(body)}\r\n{extra}\r\n"
    return head.encode() + body


async def _serve(handler: Handler, exchange: Callable[[str], Awaitable[None]]) -> None:
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        await exchange(f"http://127.0.0.1:{port}")
    finally:
        server.close()
        await server.wait_closed()


def test_it_keeps_one_connection_for_many_requests_and_reads_json() -> None:
    connections = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(writer)
        while not reader.at_eof():
            try:
                body = await _read_request(reader)
            except asyncio.IncompleteReadError:
                break
            writer.write(_answer(200, json.dumps({"echo": body}).encode()))
            await writer.drain()
        writer.close()

    async def exchange(url: str) -> None:
        client = Connection(url)
        for n in range(3):
            answer = await client.post_json("/graphql", {"n": n}, {"Authorization": "Bearer t"})
            assert answer.status == 200
            assert answer.json() == {"echo": {"n": n}}
        await client.close()

    asyncio.run(_serve(handler, exchange))
    assert len(connections) == 1


def test_a_chunked_answer_is_read_whole() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(
            b"HTTP/1.1 400 Bad\r\nTransfer-Encoding: chunked\r\n\r\n"
            b'5\r\n{"a":\r\n2\r\n1}\r\n0\r\n\r\n'
        )
        await writer.drain()
        writer.close()

    async def exchange(url: str) -> None:
        answer = await Connection(url).post_json("/", {})
        assert (answer.status, answer.json()) == (400, {"a": 1})

    asyncio.run(_serve(handler, exchange))


def test_a_kept_connection_the_server_closed_is_replaced_once() -> None:
    served = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        served.append(await _read_request(reader))
        writer.write(_answer(200, b"{}"))
        await writer.drain()
        writer.close()  # closes after one answer, without saying so

    async def exchange(url: str) -> None:
        client = Connection(url)
        assert (await client.post_json("/", {"n": 1})).status == 200
        await asyncio.sleep(0.05)
        assert (await client.post_json("/", {"n": 2})).status == 200
        await client.close()

    asyncio.run(_serve(handler, exchange))
    assert served == [{"n": 1}, {"n": 2}]


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (b"SSH-2.0-OpenSSH\r\n\r\n", "not an HTTP/1.1 answer"),
        (b'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{"a"', "IncompleteRead"),
        (b"HTTP/1.1 200 OK\r\n\r\n{}", "neither Content-Length nor chunked"),
        (b"HTTP/1.1 200 O", "closed in the middle of an answer"),
        (b"", "closed a new connection without answering"),
    ],
)
def test_an_answer_it_cannot_read_is_a_failure_naming_why(reply: bytes, reason: str) -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(reply)
        await writer.drain()
        writer.close()

    async def exchange(url: str) -> None:
        with pytest.raises((HTTPFailure, asyncio.IncompleteReadError)) as failure:
            await Connection(url).post_json("/", {})
        assert reason in f"{type(failure.value).__name__} {failure.value}"

    asyncio.run(_serve(handler, exchange))
