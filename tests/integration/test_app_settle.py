"""A served app leaves what it built at start-up out of later garbage collections."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from matchmaker.app import GC_THRESHOLDS, SWITCH_INTERVAL_S, create_app
from matchmaker.bootstrap import Runtime


@pytest.fixture
def restored_gc() -> Iterator[None]:
    thresholds, interval = gc.get_threshold(), sys.getswitchinterval()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    sys.setswitchinterval(interval)


@pytest.mark.usefixtures("restored_gc")
def test_a_served_app_freezes_its_start_up_heap(runtime: Runtime) -> None:
    with TestClient(create_app(runtime.settings, lambda _: runtime, settle=True)) as client:
        assert client.get("/healthz").status_code == 200
        assert gc.get_freeze_count() > 10_000  # the model, the libraries, the schema
        assert gc.get_threshold() == GC_THRESHOLDS
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)
        assert len(gc.get_objects(generation=2)) < gc.get_freeze_count() / 10


@pytest.mark.usefixtures("restored_gc")
def test_an_app_inside_another_process_leaves_its_heap_alone(runtime: Runtime) -> None:
    before, interval = gc.get_threshold(), sys.getswitchinterval()
    with TestClient(create_app(runtime.settings, lambda _: runtime)) as client:
        assert client.get("/healthz").status_code == 200
        assert gc.get_freeze_count() == 0
        assert gc.get_threshold() == before
        assert sys.getswitchinterval() == interval
