"""Recently confirmed viewers are reused for a few seconds, then read again."""

from __future__ import annotations

from matchmaker.auth.recent import RecentViewers
from matchmaker.auth.roles import Role, Viewer


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_viewer_is_kept_for_the_ttl_then_forgotten() -> None:
    clock = Clock()
    recent = RecentViewers(ttl_s=10, clock=clock)
    ada = Viewer("m-ada", Role.MEMBER, "Ada")
    recent.put(ada)
    clock.now += 9.5
    assert recent.get("m-ada", Role.MEMBER) == ada
    assert recent.get("m-ada", Role.PARTNER) is None  # the role is part of the key
    clock.now += 1
    assert recent.get("m-ada", Role.MEMBER) is None


def test_the_table_keeps_only_the_most_recent() -> None:
    recent = RecentViewers(size=2)
    for name in ("a", "b", "c"):
        recent.put(Viewer(name, Role.MEMBER))
    assert recent.get("a", Role.MEMBER) is None
    assert recent.get("c", Role.MEMBER) is not None
