"""A bounded load of realistic GraphQL traffic against a running service on loopback.

Clients sign in as distinct demo members and loop over a mix of reads (calls, members with
their organisations, ideas, search when the schema has it) and writes (submitting ideas and
expressing interest) until the time or the request budget runs out. Every write the service
acknowledged is then looked for in Neo4j, so a lost write is caught.

    python -m bench.load --url http://127.0.0.1:8000 --clients 64 --seconds 60
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from bench.http_client import Connection, HTTPFailure
from graph_schema.queries import verification as v
from matchmaker.adapters.graph import Graph

CALLS = "{ calls(first: 10) { edges { node { id title closes } } } }"
MEMBERS = (
    "{ members(first: 20) { totalCount edges { node { id name discipline "
    "organisation { name sector } } } } }"
)
IDEAS = "{ ideas(first: 10) { edges { node { id title submittedBy { name } } } } }"
SUBMIT = (
    "mutation($input: IdeaInput!) { submitIdea(input: $input) { __typename "
    "... on IdeaSaved { idea { id } } } }"
)
INTEREST = (
    "mutation($id: ID!) { expressInterest(ideaId: $id) { __typename "
    "... on IdeaSaved { idea { id } } } }"
)
SIGN_IN = (
    "mutation($id: ID!) { signIn(input: {memberId: $id}) { __typename ... on SignedIn { token } } }"
)
STAFF_SIGN_IN = "mutation { signIn(input: {role: STAFF}) { ... on SignedIn { token } } }"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class LoadResult:
    clients: int
    seconds: float
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    errors: list[str] = field(default_factory=list)
    submitted: list[str] = field(default_factory=list)  # acknowledged new idea ids
    interests: list[tuple[str, str]] = field(default_factory=list)  # (member id, idea id)
    # The warm-up: requests started before `count_from` (time.monotonic) are left out of the
    # latencies and rates; their answers are still checked (statuses, errors, lost writes).
    warm_up_s: float = 0.0
    count_from: float = 0.0
    warm_statuses: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def server_errors(self) -> int:
        answers = [*self.statuses.items(), *self.warm_statuses.items()]
        return sum(n for code, n in answers if code >= 500)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def _check_loopback(url: str) -> None:
    host = urlparse(url).hostname or ""
    if host not in LOOPBACK and not host.startswith("127."):
        raise SystemExit(f"refusing to load {host!r}: the load test only targets loopback")


async def _post(
    client: Connection, result: LoadResult, name: str, body: dict[str, Any], token: str
) -> dict[str, Any] | None:
    counted = time.monotonic() >= result.count_from
    started = time.perf_counter()
    try:
        response = await client.post_json("/graphql", body, _auth(token))
    except (HTTPFailure, OSError, TimeoutError) as e:
        result.errors.append(f"{name}: {type(e).__name__}: {e}")
        return None
    if counted:
        result.latencies[name].append((time.perf_counter() - started) * 1000)
        result.statuses[response.status] += 1
    else:
        result.warm_statuses[response.status] += 1
    if response.status != 200:
        result.errors.append(f"{name}: HTTP {response.status}: {response.text[:200]}")
        return None
    payload: dict[str, Any] = response.json()
    if payload.get("errors"):
        result.errors.append(f"{name}: {payload['errors'][0].get('message')}")
    return payload.get("data")


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


async def _sign_in(client: Connection, member_id: str) -> str:
    response = await client.post_json(
        "/graphql", {"query": SIGN_IN, "variables": {"id": member_id}}
    )
    token: str = response.json()["data"]["signIn"]["token"]
    return token


async def _member_ids(client: Connection, count: int) -> list[str]:
    staff = (await client.post_json("/graphql", {"query": STAFF_SIGN_IN})).json()
    token = staff["data"]["signIn"]["token"]
    query = f"{{ members(first: {count}) {{ edges {{ node {{ id }} }} }} }}"
    response = await client.post_json("/graphql", {"query": query}, _auth(token))
    return [e["node"]["id"] for e in response.json()["data"]["members"]["edges"]]


async def _idea_ids(client: Connection, token: str) -> list[str]:
    data = (await client.post_json("/graphql", {"query": IDEAS}, _auth(token))).json()
    return [e["node"]["id"] for e in data["data"]["ideas"]["edges"]]


async def _write(
    client: Connection, result: LoadResult, rng: random.Random, member: str, token: str,
    ideas: list[str],
) -> None:  # fmt: skip
    if rng.random() < 0.5 and ideas:
        idea = rng.choice(ideas)
        data = await _post(
            client, result, "expressInterest", {"query": INTEREST, "variables": {"id": idea}}, token
        )
        if data and data["expressInterest"]["__typename"] == "IdeaSaved":
            result.interests.append((member, idea))
        return
    title = f"Shared QA phantoms for regional imaging networks {rng.randrange(10**6)}"
    summary = "A pooled set of calibrated phantoms moved between trusts to compare image quality."
    body = {"query": SUBMIT, "variables": {"input": {"title": title, "summary": summary}}}
    data = await _post(client, result, "submitIdea", body, token)
    if data and data["submitIdea"]["__typename"] == "IdeaSaved":
        result.submitted.append(data["submitIdea"]["idea"]["id"])


async def _client_loop(
    url: str, result: LoadResult, seed: int, member: str, deadline: float, budget: list[int]
) -> None:
    """One client: its own keep-alive connection, signed in as `member`."""
    rng = random.Random(seed)
    client = Connection(url)
    try:
        token = await _sign_in(client, member)
        ideas = await _idea_ids(client, token)
        reads = {"calls": CALLS, "members": MEMBERS, "ideas": IDEAS}
        while time.monotonic() < deadline and budget[0] > 0:
            budget[0] -= 1
            if rng.random() < 0.25:
                await _write(client, result, rng, member, token, ideas)
            else:
                name = rng.choice(sorted(reads))
                await _post(client, result, name, {"query": reads[name]}, token)
    finally:
        await client.close()


async def run_load(
    url: str,
    clients: int = 64,
    seconds: float = 60.0,
    max_requests: int = 200_000,
    seed: int = 7,
    warm_up_s: float = 0.0,
) -> LoadResult:
    """Run the load for `warm_up_s` and then `seconds` more, counting only the second part;
    raises SystemExit for a non-loopback URL."""
    _check_loopback(url)
    result = LoadResult(clients, seconds, warm_up_s=warm_up_s)
    setup = Connection(url)
    try:
        members = await _member_ids(setup, clients)
    finally:
        await setup.close()
    result.count_from = time.monotonic() + warm_up_s
    deadline = result.count_from + seconds
    budget = [max_requests]
    loops = [
        _client_loop(url, result, seed + i, members[i % len(members)], deadline, budget)
        for i in range(clients)
    ]
    await asyncio.gather(*loops)
    return result


def summary_rows(result: LoadResult) -> list[tuple[str, int, float, float, float]]:
    """(operation, count, p50, p95, p99) in milliseconds, with an 'all' row first."""
    everything = [v for values in result.latencies.values() for v in values]
    rows = [("all", len(everything), *_quantiles(everything))]
    for name in sorted(result.latencies):
        values = result.latencies[name]
        rows.append((name, len(values), *_quantiles(values)))
    return rows


def _quantiles(values: list[float]) -> tuple[float, float, float]:
    return percentile(values, 50), percentile(values, 95), percentile(values, 99)


def format_summary(result: LoadResult) -> str:
    lines = [
        f"{result.clients} clients for {result.seconds:.0f} s{_after_warm_up(result)}: "
        f"{result.requests} requests "
        f"({result.requests / result.seconds:.0f}/s), {result.server_errors} server errors, "
        f"{len(result.submitted)} ideas and {len(result.interests)} interests acknowledged.",
        "",
        "| operation | requests | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, count, p50, p95, p99 in summary_rows(result):
        lines.append(f"| {name} | {count} | {p50:.1f} | {p95:.1f} | {p99:.1f} |")
    return "\n".join(lines)


def _after_warm_up(result: LoadResult) -> str:
    if not result.warm_up_s:
        return ""
    warm = sum(result.warm_statuses.values())
    return (
        f" after a {result.warm_up_s:.0f} s warm-up of the same mix ({warm} requests, not counted)"
    )


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    result = asyncio.run(run_load(args.url, args.clients, args.seconds))
    print(format_summary(result))
    if result.errors:
        print(f"\n{len(result.errors)} errors, first: {result.errors[0]}")


def lost_writes(graph: Graph, result: LoadResult) -> list[str]:
    """Acknowledged writes that are not in the graph (an empty list when none was lost)."""
    found = {r["id"] for r in graph.read(v.IDEAS_PRESENT, ids=result.submitted)}
    lost = [f"idea {i}" for i in result.submitted if i not in found]
    pairs = sorted(set(result.interests))
    present = {
        tuple(r["pair"]) for r in graph.read(v.INTERESTS_PRESENT, pairs=[list(p) for p in pairs])
    }
    lost += [f"interest {m} -> {i}" for m, i in pairs if (m, i) not in present]
    return lost


if __name__ == "__main__":
    main()
