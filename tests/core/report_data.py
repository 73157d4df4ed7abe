"""Synthetic data for report tests and benchmarks: check-ins spread over a morning."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from desktop_app.core.hlc import pack
from desktop_app.core.ids import uuid7
from desktop_app.core.model import Event
from desktop_app.core.store import Stage

OTHER_DESK = "01900000-0000-7000-8000-00000000d2d2"


def spread_checkins(
    stage: Stage,
    attendee_ids: list[str],
    *,
    start: str = "2026-03-12T08:30:00+01:00",
    minutes: int = 120,
    desk_id: str = OTHER_DESK,
    desk_name: str = "Desk 2",
    seed: int = 7,
    kind: str = "checkin",
    session_id: str = "",
) -> list[Event]:
    """Check-ins recorded by another desk at times spread over `minutes` from `start`."""
    rng = random.Random(seed)
    t0 = datetime.fromisoformat(start)
    first_seq = (
        stage.conn.execute(
            "SELECT COALESCE(MAX(desk_seq), 0) FROM event WHERE desk_id = ?", (desk_id,)
        ).fetchone()[0]
        + 1
    )
    times = sorted(t0 + timedelta(seconds=rng.uniform(0, minutes * 60)) for _ in attendee_ids)
    events = []
    for offset, (attendee_id, at) in enumerate(zip(attendee_ids, times, strict=True)):
        payload: dict = {"method": "ticket"}
        if session_id:
            payload["session_id"] = session_id
        events.append(
            Event(
                id=uuid7(int(at.timestamp() * 1000)),
                stage_id=stage.info.id,
                desk_id=desk_id,
                desk_seq=first_seq + offset,
                hlc=pack(int(at.timestamp() * 1000), offset % 1000),
                kind=kind,
                attendee_id=attendee_id,
                payload=payload,
                recorded_at=at.isoformat(timespec="milliseconds"),
                desk_name=desk_name,
                operator="Giulia",
            )
        )
    stage.apply_events(events)
    return events
