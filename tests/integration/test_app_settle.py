"""A served app leaves what it built at start-up out of later garbage collections."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from matchmaker.app import GC_THRESHOLDS, create_app
from matchmaker.bootstrap import Runtime


@pytest.fixture
def restored_gc() -> Iterator[None]:
    thresholds = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("restored_gc")
def test_a_served_app_freezes_its_start_up_heap(runtime: Runtime) -> None:
    with TestClient(create_app(runtime.settings, lambda _: runtime, settle=True)) as client:
        assert client.get("/healthz").status_code == 200
        assert gc.get_freeze_count() > 10_000  # the model, the libraries, the schema
        assert gc.get_threshold() == GC_THRESHOLDS
        assert len(gc.get_objects(generation=2)) < gc.get_freeze_count() / 10


@pytest.mark.usefixtures("restored_gc")
def test_an_app_inside_another_process_leaves_its_heap_alone(runtime: Runtime) -> None:
    before = gc.get_threshold()
    with TestClient(create_app(runtime.settings, lambda _: runtime)) as client:
        assert client.get("/healthz").status_code == 200
        assert gc.get_freeze_count() == 0
        assert gc.get_threshold() == before
