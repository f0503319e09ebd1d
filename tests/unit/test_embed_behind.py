"""Embedding after the answer: batches, order, failures logged and counted, a clean close."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pytest

from matchmaker.services import embed_behind
from matchmaker.services.embed_behind import EmbedBehind

QUICK = 0.05  # seconds a pass gathers, in the tests that are not about gathering


class Recorder:
    def __init__(self, gate: threading.Event | None = None, fail: str | None = None) -> None:
        self.calls: list[tuple[str, list[str]]] = []
        self.gate = gate
        self.fail = fail
        self.entered = threading.Event()  # a pass has begun

    def __call__(self, label: str, ids: Sequence[str]) -> None:
        self.entered.set()
        if self.gate is not None:
            self.gate.wait(5)
        if label == self.fail:
            raise RuntimeError("the graph said no")
        self.calls.append((label, list(ids)))


def test_what_waits_is_embedded_in_one_pass_a_label_without_repeats() -> None:
    gate = threading.Event()
    recorder = Recorder(gate)
    behind = EmbedBehind(recorder, gather_s=QUICK)
    behind.later("Idea", ["i-0"])  # taken at once; the pass waits at the gate
    assert recorder.entered.wait(5)
    behind.later("Idea", ["i-1", "i-2", "i-1"])
    behind.later("Member", ["m-1"])
    gate.set()
    assert behind.wait(5)
    assert recorder.calls == [("Idea", ["i-0"]), ("Idea", ["i-1", "i-2"]), ("Member", ["m-1"])]
    assert (behind.embedded, behind.failed) == (4, 0)  # i-1 once
    behind.close()


def test_a_pass_takes_at_most_a_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed_behind, "BATCH", 3)
    gate = threading.Event()
    recorder = Recorder(gate)
    behind = EmbedBehind(recorder, gather_s=QUICK)
    behind.later("Idea", ["first"])
    assert recorder.entered.wait(5)
    behind.later("Idea", [f"i-{n}" for n in range(7)])
    gate.set()
    assert behind.wait(5)
    assert [len(ids) for _, ids in recorder.calls] == [1, 3, 3, 1]
    behind.close()


def test_a_failed_pass_is_logged_and_counted_and_the_thread_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    recorder = Recorder(fail="Member")
    behind = EmbedBehind(recorder, gather_s=QUICK)
    behind.later("Member", ["m-1", "m-2"])
    assert behind.wait(5)
    behind.later("Idea", ["i-1"])
    assert behind.wait(5)
    assert (behind.embedded, behind.failed) == (1, 2)
    assert recorder.calls == [("Idea", ["i-1"])]
    assert "could not embed 2 Member node(s) after a write: the graph said no" in caplog.text
    behind.close()


def test_close_embeds_what_waits_and_stops_the_thread() -> None:
    gate = threading.Event()
    recorder = Recorder(gate)
    behind = EmbedBehind(recorder, name="embed-behind-test", gather_s=QUICK)
    behind.later("Idea", ["i-1"])
    assert recorder.entered.wait(5)
    behind.later("Idea", ["i-2"])
    gate.set()
    behind.close(5)
    assert [ids for _, ids in recorder.calls] == [["i-1"], ["i-2"]]
    assert not any(t.name == "embed-behind-test" for t in threading.enumerate())


def test_wait_says_false_when_a_pass_outlasts_it() -> None:
    gate = threading.Event()
    behind = EmbedBehind(Recorder(gate), gather_s=QUICK)
    behind.later("Idea", ["i-1"])
    assert not behind.wait(0.1)
    gate.set()
    assert behind.wait(5)
    behind.close()


def test_nodes_written_within_the_gathering_time_share_a_pass() -> None:
    recorder = Recorder()
    behind = EmbedBehind(recorder, gather_s=0.5)
    behind.later("Idea", ["i-1"])
    behind.later("Idea", ["i-2"])
    threading.Event().wait(0.1)
    behind.later("Idea", ["i-3"])
    assert behind.wait(5)
    assert recorder.calls == [("Idea", ["i-1", "i-2", "i-3"])]
    threading.Event().wait(0.6)  # past the window: the next node starts a pass of its own
    behind.later("Idea", ["i-4"])
    assert behind.wait(5)
    assert recorder.calls[1:] == [("Idea", ["i-4"])]
    behind.close()


def test_close_does_not_wait_out_the_gathering_time() -> None:
    recorder = Recorder()
    behind = EmbedBehind(recorder, name="embed-behind-close", gather_s=30)
    behind.later("Idea", ["i-1"])
    behind.close(5)
    assert recorder.calls == [("Idea", ["i-1"])]
    assert not any(t.name == "embed-behind-close" for t in threading.enumerate())
