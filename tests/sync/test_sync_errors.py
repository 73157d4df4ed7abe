"""One `SyncError` (issue 10 point 4): whatever goes wrong in sync, a caller catches one class
and reads `code`, `message` and `status` from it. A real hub on 127.0.0.1, real stage files."""

from __future__ import annotations

import pytest

from desktop_app.core.demo import ensure_demo_stage
from desktop_app.core.desk import load_desk
from desktop_app.core.errors import RoadshowError
from desktop_app.sync import protocol
from desktop_app.sync.client import SyncClient
from desktop_app.sync.errors import (
    DemoStageNotSynced,
    HubError,
    HubRefused,
    HubUnreachable,
    ProtocolError,
    SyncError,
)
from tests.sync.conftest import free_port

SLUG = "bergamo-2026"


def test_every_sync_error_is_one_sync_error_with_code_message_status():
    for cls in (ProtocolError, HubError, HubRefused, HubUnreachable, DemoStageNotSynced):
        assert issubclass(cls, SyncError) and issubclass(cls, RoadshowError), cls
    # the old homes of the names still work for callers
    from desktop_app.sync import client, hubstore

    assert protocol.ProtocolError is ProtocolError and hubstore.HubError is HubError
    assert client.HubRefused is HubRefused and client.HubUnreachable is HubUnreachable
    assert client.DemoStageNotSynced is DemoStageNotSynced
    with pytest.raises(SyncError) as err:
        protocol.event_from_wire({"id": "e1", "kind": "no_such_kind"})
    assert (err.value.code, err.value.status) == ("invalid_event", 422)
    assert isinstance(err.value, ValueError)  # as before: a bad value
    assert "stage_id" in err.value.message


def test_a_refusing_hub_and_an_absent_hub_are_both_caught_as_sync_error(published, desks):
    hub, _admin = published
    client = SyncClient(desks.dir("a"), hub.url, "rdk_nope_nope")
    with client, pytest.raises(SyncError) as refused:
        client.sync_stage(SLUG)
    assert isinstance(refused.value, HubRefused)
    assert refused.value.status == 401 and refused.value.fatal
    assert refused.value.code and refused.value.message

    nobody = f"http://127.0.0.1:{free_port()}"
    client = SyncClient(desks.dir("a"), nobody, "rdk_nope_nope", timeout=0.5)
    with client, pytest.raises(SyncError) as absent:
        client.sync_stage(SLUG)
    assert isinstance(absent.value, HubUnreachable)
    assert absent.value.code == "hub_unreachable" and absent.value.status is None
    assert not absent.value.fatal and absent.value.retry_later


def test_the_hub_store_refuses_with_a_sync_error(hub):
    with pytest.raises(SyncError) as err:
        hub.store.authenticate("rdk_nope_nope")
    assert err.value.status == 401 and err.value.code


def test_watching_the_demo_stage_stops_at_once_without_a_report(hub, desks):
    data_dir = desks.dir("organizer")
    admin = hub.token("Organizer", admin=True)
    slug, _ = ensure_demo_stage(data_dir, load_desk(data_dir), size=5)
    seen = []
    with SyncClient(data_dir, hub.url, admin) as client, pytest.raises(DemoStageNotSynced):
        client.watch(slug, interval_s=0.01, rounds=5, on_report=lambda r, e: seen.append(e))
    assert seen == [] and hub.store.stages() == []
