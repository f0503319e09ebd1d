"""The patch offered to strawberry's depth limiter: same verdicts, linear time on fan-outs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import strawberry.extensions.query_depth_limiter as installed

REPO = Path(__file__).resolve().parents[2]
PATCH = REPO / "docs" / "upstream" / "strawberry-query-depth-memo.patch"

CHECK = """
import sys, time
sys.path.insert(0, sys.argv[1])
import strawberry
from strawberry.extensions import QueryDepthLimiter

@strawberry.type
class Member:
    id: str
    @strawberry.field
    def friend(self) -> "Member":
        return Member(id="x")

@strawberry.type
class Query:
    @strawberry.field
    def member(self) -> Member:
        return Member(id="a")

schema = strawberry.Schema(Query, extensions=[lambda: QueryDepthLimiter(max_depth=4)])
fragments = ["fragment F0 on Member { id }"]
fragments += [f"fragment F{i} on Member {{ ...F{i-1} ...F{i-1} }}" for i in range(1, 40)]
fan_out = "{ member { ...F39 } } " + " ".join(fragments)
started = time.perf_counter()
assert schema.execute_sync(fan_out).errors is None
print(time.perf_counter() - started)
deep = "{ member { friend { friend { friend { friend { id } } } } } }"
print(schema.execute_sync(deep).errors[0].message)
"""


@pytest.fixture
def patched(tmp_path: Path) -> Path:
    """A copy of the installed strawberry package with the patch applied."""
    package = Path(installed.__file__).resolve().parents[1]
    shutil.copytree(package, tmp_path / "strawberry")
    subprocess.run(
        ["patch", "-p1", "-d", str(tmp_path), "-i", str(PATCH)], check=True, capture_output=True
    )
    return tmp_path


def test_the_patched_limiter_is_linear_and_keeps_its_verdicts(patched: Path) -> None:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(patched)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    seconds, message = result.stdout.strip().splitlines()
    # Unpatched, 2**39 spreads: it would never finish; patched it takes milliseconds.
    assert float(seconds) < 2.0
    assert time.perf_counter() - started < 30
    assert message == "'anonymous' exceeds maximum operation depth of 4"
