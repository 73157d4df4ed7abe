"""Are a stage's numbers final? The hub's answer read off the wire, decided by core.

The hub's status (`hub status`, `GET /v1/stages/SLUG/status` and `/desks`) lists, per desk,
`desk_id`, `name` (or `token`), `up_to_desk_seq`, `gaps`, `final` and `last_heard`. That wire
form is known here only: it becomes core's plain `HeardDesk` records, and
`core.reports.finality_from` decides. The sync layer keeps the hub's last list in the
stage's sync value `hub_desks` (protocol.HUB_DESKS_KEY) so a report can answer offline.
"""

from __future__ import annotations

import json
from typing import Any

from desktop_app.core.reports import Finality, HeardDesk, finality_from
from desktop_app.core.store import Stage
from desktop_app.sync.protocol import HUB_DESKS_KEY


def heard_desks(hub_desks: list[dict[str, Any]]) -> list[HeardDesk]:
    """The hub's desks list as plain records."""
    return [
        HeardDesk(
            desk_id=str(d.get("desk_id")),
            name=d.get("name") or d.get("token") or "a desk",
            up_to_desk_seq=int(d.get("up_to_desk_seq") or 0),
            gaps=bool(d.get("gaps")),
            final=bool(d.get("final")),
            last_heard=d.get("last_heard") or None,
        )
        for d in hub_desks
    ]


def remember(stage: Stage, hub_desks: list[dict[str, Any]]) -> None:
    """Keep the hub's answer in the stage, for the next report without a hub."""
    stage.set_sync_value(HUB_DESKS_KEY, json.dumps(hub_desks))


def remembered(stage: Stage) -> list[dict[str, Any]] | None:
    """The hub's last answer kept in the stage, or None."""
    stored = stage.get_sync_value(HUB_DESKS_KEY)
    if not stored:
        return None
    try:
        return json.loads(stored)
    except ValueError:
        return None


def finality(stage: Stage, hub_desks: list[dict[str, Any]] | None = None) -> Finality:
    """Decide from the hub's desks list (given, or the last one kept in the stage).

    Without a hub answer (none given and none kept) the answer is "unknown".
    """
    if hub_desks is None:
        hub_desks = remembered(stage)
    return finality_from(stage, None if hub_desks is None else heard_desks(hub_desks))
