"""VIP arrival alert across desks (issue 12): a consul checked in at Desk B is announced on
Desk A (the organizer's laptop) after a sync round, through a real hub on 127.0.0.1."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QSettings

from desktop_app.core.desk import rename_desk
from desktop_app.sync.client import SyncClient
from desktop_app.ui import app as ui_app
from desktop_app.ui import workers
from desktop_app.ui.settings import Settings, give_stages

SLUG = "bergamo-2026"


def desk_settings(path, url, token) -> Settings:
    s = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    s.set("ui/language", "en")
    s.set("checkin/sounds", False)
    s.set("sync/hub_url", url)
    s.set("sync/token", token)
    s.set("sync/enabled", True)
    s.set("sync/interval_s", 0.3)
    give_stages(s, [SLUG])
    return s


@pytest.fixture
def two_desks(qtbot, hub, desks, tmp_path):
    """The organizer's laptop (Desk A, which published the stage) and Desk B, both windows
    syncing with the hub; returns (window A, window B, people by surname)."""
    rename_desk(desks.dir("a"), "Desk A")
    rename_desk(desks.dir("b"), "Desk B")
    admin = hub.token("organizer", admin=True)
    stage_a = desks.create_stage("a", SLUG)
    rows = [
        {
            "first_name": "Lucia",
            "last_name": "Ferri",
            "category": "consul",
            "consular_rank": "Console Generale",
            "extra": {"Host": "Dott.ssa Bianchi"},
        },
        {"first_name": "Carla", "last_name": "Monti", "category": "company"},
        {
            "first_name": "Pietro",
            "last_name": "Galli",
            "category": "consul",
            "extra": {"VIP": "no"},
        },
    ]
    people = {r["last_name"]: stage_a.new_attendee(r) for r in rows}
    with SyncClient(desks.dir("a"), hub.url, admin) as client:
        client.sync_stage(SLUG, stage_a)
    token = hub.token("Desk B")
    with SyncClient(desks.dir("b"), hub.url, token) as client:
        client.sync_stage(SLUG)
    stage_b = desks.open("b", SLUG)
    workers.set_inline(True)
    windows = []
    for data_dir, stage, settings in (
        (desks.dir("a"), stage_a, desk_settings(tmp_path / "a.ini", hub.url, admin)),
        (desks.dir("b"), stage_b, desk_settings(tmp_path / "b.ini", hub.url, token)),
    ):
        window = ui_app.build_window(data_dir, stage, settings)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
    for window in windows:
        qtbot.waitUntil(
            lambda w=window: w.sync_indicator.text().startswith("● Synced"), timeout=10000
        )
    yield windows[0], windows[1], people
    for window in windows:
        window.sync_indicator.service.stop()
        window.close()
        window.stage.close()
    workers.set_inline(False)


def test_a_consul_checked_in_at_desk_b_is_announced_on_desk_a(qtbot, two_desks):
    window_a, window_b, people = two_desks
    stage_b = window_b.stage
    assert not window_a.vip_notices.isVisible()

    started = time.perf_counter()
    window_b.admit([stage_b.attendee(people["Ferri"].id)])
    qtbot.waitUntil(lambda: "Lucia Ferri" in window_a.vip_notices.notices_text(), timeout=10000)
    latency = time.perf_counter() - started
    notice = window_a.vip_notices.notices_text()
    assert "VIP arrived: Lucia Ferri at Desk B" in notice
    assert "Host to call: Dott.ssa Bianchi" in notice
    assert window_a.vip_notices.isVisible() and not window_a.vip_notices.ack_panel.isVisible()
    # Desk B, which checked her in, holds the instruction instead
    assert "VIP checked in here: Lucia Ferri" in window_b.vip_notices.instruction_text()
    assert window_b.vip_notices.notices_text() == ""
    print(f"\nVIP notice on desk A {latency * 1000:.0f} ms after the check-in at desk B")
    assert latency < 5.0

    # a company person and a consul the list marks "VIP: no" reach A, and raise nothing
    window_a.vip_notices.dismiss()
    for name in ("Monti", "Galli"):
        window_b.admit([stage_b.attendee(people[name].id)])
    stage_a = window_a.stage
    qtbot.waitUntil(
        lambda: all(stage_a.attendee(people[n].id).checked_in for n in ("Monti", "Galli")),
        timeout=10000,
    )
    window_a.refresh_side()
    assert not window_a.vip_notices.isVisible() and window_a.vip_notices.notices_text() == ""
    assert "Ferri" in window_b.vip_notices.instruction_text()  # still waiting for Acknowledge
