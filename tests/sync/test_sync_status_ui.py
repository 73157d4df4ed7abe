"""The desk window's sync indicator and its background worker, against a real hub."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop_app.core import checkin
from desktop_app.sync.client import SyncClient
from desktop_app.sync.hub import HubThread
from desktop_app.ui import sync_status
from desktop_app.ui.settings import Settings
from desktop_app.ui.sync_status import (
    OFF,
    OFFLINE,
    ONLINE,
    REFUSED,
    SyncService,
    SyncStatus,
    SyncStatusWidget,
    status_text,
)

SLUG = "bergamo-2026"


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def venue(hub, desks):
    """A published stage, a second desk with a copy of it; returns (admin token, desk token)."""
    admin = hub.token("organizer", admin=True)
    with (
        desks.create_stage("org", SLUG, people=20) as stage,
        SyncClient(desks.dir("org"), hub.url, admin) as client,
    ):
        client.sync_stage(SLUG, stage)
    token = hub.token("Desk 1")
    with SyncClient(desks.dir("d1"), hub.url, token) as client:
        client.sync_stage(SLUG)
    return admin, token


def configure(settings, url, token, enabled=True, interval=0.2):
    settings.set("sync/hub_url", url)
    settings.set("sync/token", token)
    settings.set("sync/enabled", enabled)
    settings.set("sync/interval_s", interval)


@pytest.fixture
def service_for(qtbot, desks, settings):
    made = []

    def make(name="d1"):
        stage = desks.open(name, SLUG)
        service = SyncService(desks.dir(name), SLUG, settings, stage=stage)
        widget = SyncStatusWidget(service)
        qtbot.addWidget(widget)
        made.append((service, stage))
        return service, widget, stage

    yield make
    for service, stage in made:
        service.stop()
        stage.close()


def test_indicator_goes_online_counts_waiting_and_sees_other_desks(
    qtbot, hub, desks, venue, settings, service_for
):
    admin, token = venue
    configure(settings, hub.url, token)
    service, widget, stage = service_for()
    service.start()
    qtbot.waitUntil(lambda: service.status.state == ONLINE, timeout=5000)
    assert widget.text().startswith("● Synced")

    # A check-in here: counted as waiting, then acknowledged by the hub.
    service.stop()
    person = stage.attendees()[0]
    checkin.admit(stage, person)
    service.refresh_waiting()
    assert "1 waiting" in widget.text()
    service.start()
    qtbot.waitUntil(
        lambda: service.status.state == ONLINE and service.status.waiting == 0, timeout=5000
    )
    assert hub.store.status(SLUG)["checked_in"] == 1

    # A check-in at the organizer's desk arrives here by itself.
    with desks.open("org", SLUG) as org, SyncClient(desks.dir("org"), hub.url, admin) as c:
        other = org.attendee(stage.attendees()[1].id)
        checkin.admit(org, other)
        with qtbot.waitSignal(service.synced, timeout=5000, check_params_cb=lambda r: r.pulled):
            c.sync_stage(SLUG, org)
    assert stage.attendee(other.id).checked_in


def test_offline_backs_off_then_recovers(qtbot, hub_db, desks, settings, service_for):
    with HubThread(hub_db) as first:
        admin = first.store.add_desk("organizer", admin=True)
        with (
            desks.create_stage("d1", SLUG, people=5) as stage,
            SyncClient(desks.dir("d1"), first.url, admin) as client,
        ):
            client.sync_stage(SLUG, stage)
        port = first.port
    configure(settings, f"http://127.0.0.1:{port}", admin, interval=0.1)
    service, widget, stage = service_for()
    service.start()
    qtbot.waitUntil(lambda: service.status.failures >= 2, timeout=5000)
    assert service.status.state == OFFLINE
    assert widget.text().startswith("○ Offline")
    # Backoff: the third failure takes longer than a plain interval would.
    assert service._timer.interval() >= 400
    checkin.admit(stage, stage.attendees()[0])  # check-in never waits for the network
    with HubThread(hub_db, port=port):
        service.sync_now()
        qtbot.waitUntil(lambda: service.status.state == ONLINE, timeout=10000)
        assert service.status.waiting == 0


def test_refused_token_and_switched_off(qtbot, hub, venue, settings, service_for):
    configure(settings, hub.url, "rdk_000000000000_wrong")
    service, widget, _ = service_for()
    service.start()
    qtbot.waitUntil(lambda: service.status.state == REFUSED, timeout=5000)
    assert "refused" in widget.text()
    assert "token" in widget.label.toolTip()
    # The settings dialog switches sync off: the indicator follows by itself.
    configure(settings, hub.url, "x", enabled=False)
    qtbot.waitUntil(lambda: service.status.state == OFF, timeout=3000)
    assert "Not syncing" in widget.text()
    assert hub.url not in sync_status._threads
    configure(settings, hub.url, venue[1], enabled=True)
    qtbot.waitUntil(lambda: service.status.state == ONLINE, timeout=5000)


def test_one_thread_per_hub_and_rounds_never_overlap(
    qtbot, hub, desks, venue, settings, service_for, tmp_path
):
    admin, token = venue
    configure(settings, hub.url, token)
    first, _, _ = service_for("d1")
    other_settings = Settings(QSettings(str(tmp_path / "d2.ini"), QSettings.Format.IniFormat))
    configure(other_settings, hub.url, hub.token("Desk 2"))
    second = SyncService(desks.dir("d2"), SLUG, other_settings)  # bootstraps its copy
    first.start()
    first.sync_now()  # a round is already running: this one waits for it
    assert first._again
    second.start()
    thread, users = sync_status._threads[hub.url]
    assert users == 2 and first._worker.thread() is second._worker.thread() is thread
    qtbot.waitUntil(
        lambda: first.status.state == ONLINE and second.status.state == ONLINE, timeout=5000
    )
    second.stop()
    assert sync_status._threads[hub.url][1] == 1
    first.stop()
    assert hub.url not in sync_status._threads
    assert not thread.isRunning()


def test_clock_warning_words():
    text, tip = status_text(SyncStatus(ONLINE, clock_offset_ms=600_000, clock_warning=True))
    assert "Clock" in text and "10 min ahead" in tip
    text, tip = status_text(SyncStatus(OFFLINE, waiting=12))
    assert "Offline" in text and "12 waiting" in text


def test_desk_window_shows_sync_and_sees_the_other_desk(qtbot, hub, desks, venue, settings):
    from desktop_app.ui.app import build_window

    admin, token = venue
    settings.set("ui/language", "en")
    settings.set("checkin/sounds", False)
    configure(settings, hub.url, token)
    stage = desks.open("d1", SLUG)
    window = build_window(desks.dir("d1"), stage, settings)
    qtbot.addWidget(window)
    window.show()
    indicator = window.sync_indicator
    try:
        qtbot.waitUntil(lambda: indicator.service.status.state == ONLINE, timeout=5000)
        assert indicator.isVisible() and indicator.text().startswith("● Synced")
        # A check-in at this desk reaches the hub by itself, within seconds.
        window.admit([stage.attendees()[0]])
        qtbot.waitUntil(lambda: hub.store.status(SLUG)["checked_in"] == 1, timeout=5000)
    finally:
        indicator.service.stop()
        window.close()
        stage.close()


def test_a_refused_push_still_brings_the_others_checkins_to_the_screen(
    qtbot, hub, desks, settings, tmp_path
):
    from tests.sync.test_faults import restored_desk

    tokens, third = restored_desk(hub, desks, tmp_path)
    configure(settings, hub.url, tokens["a"])
    stage = desks.open("a", SLUG)
    service = SyncService(desks.dir("a"), SLUG, settings, stage=stage)
    try:
        with qtbot.waitSignal(
            service.synced, timeout=5000, check_params_cb=lambda r: r.pulled >= 1
        ):
            service.start()
        assert service.status.state == REFUSED  # the conflict is shown, not hidden
        assert stage.attendee(third.id).checked_in
    finally:
        service.stop()
        stage.close()


def test_an_event_the_hub_refused_is_shown_and_the_others_are_sent(
    qtbot, hub, venue, settings, service_for
):
    """Issue 13: one check-in from a clock two days ahead waits; the indicator says so."""
    import time

    from desktop_app.core.hlc import HybridClock

    _, token = venue
    configure(settings, hub.url, token)
    service, widget, stage = service_for()
    people = stage.attendees()
    real = stage.clock
    stage.clock = HybridClock(wall_ms=lambda: int(time.time() * 1000) + 2 * 86_400_000)
    checkin.admit(stage, people[0])
    stage.clock = HybridClock(wall_ms=real.wall_ms)
    checkin.admit(stage, people[1])
    service.start()
    qtbot.waitUntil(lambda: service.status.state == ONLINE and service.status.refused, timeout=5000)
    assert service.status.waiting == 1  # the other check-in went to the hub
    assert "1 refused" in widget.label.text()
    text, tip = status_text(service.status)
    assert "sent again" in tip
    assert hub.store.status(SLUG)["checked_in"] == 1
