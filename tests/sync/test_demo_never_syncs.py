"""Nothing fake reaches the real numbers: the demo stage never syncs, and a desk syncs only
the stages it was given (issue 9, issue 11). A real hub on 127.0.0.1."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop_app.core.demo import ensure_demo_stage
from desktop_app.core.desk import load_desk
from desktop_app.core.store import Stage
from desktop_app.sync.client import DemoStageNotSynced, HubClient, HubRefused, SyncClient
from desktop_app.ui import workers
from desktop_app.ui.app import build_window
from desktop_app.ui.settings import Settings
from desktop_app.ui.sync_status import DEMO, NOT_GIVEN, ONLINE, REFUSED


@pytest.fixture
def settings(tmp_path):
    s = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    s.set("ui/language", "en")
    s.set("checkin/sounds", False)
    s.set("sync/interval_s", 0.2)
    return s


def _window(qtbot, data_dir, stage, settings):
    workers.set_inline(True)
    window = build_window(data_dir, stage, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_opening_the_demo_with_a_real_hub_in_settings_publishes_nothing(
    qtbot, hub, desks, settings
):
    data_dir = desks.dir("organizer")
    admin = hub.token("Organizer", admin=True)  # an organizer token may publish any stage
    settings.set("sync/hub_url", hub.url)
    settings.set("sync/token", admin)
    settings.set("sync/enabled", True)
    slug, _ = ensure_demo_stage(data_dir, load_desk(data_dir), size=20)
    stage = Stage.open(data_dir, slug, load_desk(data_dir))
    window = _window(qtbot, data_dir, stage, settings)
    try:
        service = window.sync_indicator.service
        qtbot.waitUntil(lambda: service.status.state == DEMO, timeout=3000)
        qtbot.wait(800)  # several sync intervals: still nothing on the hub
        assert hub.store.stages() == []
        assert window.sync_indicator.text() == "○ Demo stage: never synced"
        assert "never syncs" in window.notice_text
    finally:
        window.sync_indicator.service.stop()
        window.close()
        stage.close()
        workers.set_inline(False)


def test_the_command_line_and_the_hub_refuse_a_demo_stage(hub, desks):
    data_dir = desks.dir("organizer")
    admin = hub.token("Organizer", admin=True)
    slug, _ = ensure_demo_stage(data_dir, load_desk(data_dir), size=5)
    with SyncClient(data_dir, hub.url, admin) as client, pytest.raises(DemoStageNotSynced):
        client.sync_stage(slug)
    # a desk of an older version that does push it: the hub itself says no
    stage = Stage.open(data_dir, slug, load_desk(data_dir))
    raw = HubClient(hub.url, admin, stage.desk.id)
    try:
        with pytest.raises(HubRefused) as refused:
            raw.push(slug, stage.unsynced_events(50), clock_ms=0, unsynced=0)
        assert refused.value.code == "demo_stage"
        assert "demo" in refused.value.message
    finally:
        raw.close()
        stage.close()
    assert hub.store.stages() == []


def test_hub_settings_apply_only_to_the_stages_this_desk_was_given(qtbot, hub, desks, settings):
    data_dir = desks.dir("organizer")
    admin = hub.token("Organizer", admin=True)
    given = desks.create_stage("organizer", "bergamo-2026", people=3)
    other = desks.create_stage("organizer", "brescia-2026", people=3)
    settings.set("sync/hub_url", hub.url)
    settings.set("sync/token", admin)
    settings.set("sync/enabled", True)
    settings.set("sync/stages", "bergamo-2026")
    window = _window(qtbot, data_dir, other, settings)
    try:
        service = window.sync_indicator.service
        qtbot.waitUntil(lambda: service.status.state == NOT_GIVEN, timeout=3000)
        qtbot.wait(600)
        assert hub.store.stages() == []  # Brescia was never given: not published
        assert "not given" in window.sync_indicator.text()
        assert "setup code" in service.status.message
    finally:
        service.stop()
        window.close()
    window = _window(qtbot, data_dir, given, settings)
    try:
        service = window.sync_indicator.service
        qtbot.waitUntil(lambda: service.status.state == ONLINE, timeout=5000)
        assert [s["slug"] for s in hub.store.stages()] == ["bergamo-2026"]
    finally:
        service.stop()
        window.close()
        other.close()
        given.close()
        workers.set_inline(False)


def test_a_stage_the_hub_refuses_says_so_in_plain_words_with_what_to_do(
    qtbot, hub, desks, settings
):
    admin = hub.token("Organizer", admin=True)
    with (
        desks.create_stage("org", "bergamo-2026", people=3) as stage,
        SyncClient(desks.dir("org"), hub.url, admin) as client,
    ):
        client.sync_stage("bergamo-2026", stage)
    brescia_only = hub.token("Desk 1", stages=["brescia-2026"])
    data_dir = desks.dir("d1")
    # the desk has a copy of Bergamo from a stage file, but its token is for Brescia only
    from desktop_app.core.stagefile import export_stage, import_stage

    with desks.open("org", "bergamo-2026") as org_stage:
        export_stage(org_stage, desks.root / "bergamo.rdstage")
    import_stage(data_dir, desks.root / "bergamo.rdstage", load_desk(data_dir))
    settings.set("sync/hub_url", hub.url)
    settings.set("sync/token", brescia_only)
    settings.set("sync/enabled", True)
    settings.set("sync/stages", "bergamo-2026")
    stage = desks.open("d1", "bergamo-2026")
    window = _window(qtbot, data_dir, stage, settings)
    try:
        service = window.sync_indicator.service
        qtbot.waitUntil(lambda: service.status.state == REFUSED, timeout=5000)
        message = service.status.message
        assert "does not let this desk sync the stage 'bergamo-2026'" in message
        assert "Ask the organizer" in message
        assert message in window.notice_text
    finally:
        service.stop()
        window.close()
        stage.close()
        workers.set_inline(False)


def test_the_series_report_never_counts_the_demo_stage(desks):
    from desktop_app.core.reports import collect_series

    data_dir = desks.dir("organizer")
    ensure_demo_stage(data_dir, load_desk(data_dir), size=30)
    with desks.create_stage("organizer", "bergamo-2026") as stage:
        stage.new_attendee({"first_name": "Anna", "last_name": "Bertelli"})
    series = collect_series(data_dir)
    assert [s.slug for s in series.stages] == ["bergamo-2026"]
    assert series.summary()["people"] == 1
