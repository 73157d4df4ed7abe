"""The desk side of sync: push this desk's events, pull everyone else's, bootstrap a stage.

One `SyncClient` talks to one hub. A round is: push unacknowledged events in batches (an
event counts as synced only once the hub has answered with its sequence), then pull events
after the last hub sequence this stage has seen from that hub. Every step is idempotent, so
a round cut anywhere (network, crash, killed process) is simply repeated.
"""

from __future__ import annotations

import json
import ssl
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from desktop_app.core.desk import Desk, load_desk
from desktop_app.core.errors import RoadshowError
from desktop_app.core.model import Event
from desktop_app.core.store import Stage, stage_path
from desktop_app.sync import protocol
from desktop_app.sync.errors import DemoStageNotSynced, HubRefused, HubUnreachable, SyncError

# Refusals of one named event: that event waits aside, the others are pushed.
SET_ASIDE_CODES = frozenset(
    {"invalid_event", "clock_implausible", "code_taken", "unknown_attendee", "unsupported_version"}
)
SET_ASIDE_RETRIES = 20  # set-aside events tried again per round
PUSH_BODY_BYTES = protocol.MAX_BODY_BYTES * 3 // 4  # room for the hub's limit
HUB_KEY = "hub/id"  # stage sync value: the hub this stage's acknowledgements come from


DEMO_MESSAGE = (
    "This is the demo stage: its people are made up, so it never syncs with a hub. "
    "Open a real stage to sync."
)


CONNECT_TIMEOUT_S = 2.0


@dataclass
class SyncReport:
    stage: str
    pushed: int = 0
    pulled: int = 0
    bootstrapped: bool = False
    unsynced: int = 0
    last_hub_seq: int = 0
    clock_offset_ms: int | None = None
    clock_warning: bool = False
    hub_id: str = ""
    # This desk's events the hub refused (kept here, pushed again each round) and events
    # pulled that this desk cannot apply (kept aside): the rest syncs all the same.
    refused: int = 0
    refused_reason: str = ""
    quarantined: int = 0
    duration_ms: float = 0.0
    finished_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def clock_warning(offset_ms: int | None) -> bool:
    return offset_ms is not None and abs(offset_ms) >= protocol.CLOCK_WARNING_MS


class HubClient:
    """The HTTP calls, with errors turned into HubUnreachable / HubRefused."""

    def __init__(
        self,
        url: str,
        token: str,
        desk_id: str,
        *,
        timeout: float = 15.0,
        verify: bool | str | ssl.SSLContext = True,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not url.startswith(("http://", "https://")):
            raise RoadshowError("The hub address starts with http:// or https://.")
        self.url = url.rstrip("/")
        if isinstance(verify, str):  # a CA file to trust (a hub with its own certificate)
            verify = ssl.create_default_context(cafile=verify)
        self.http = httpx.Client(
            base_url=self.url + protocol.API_PREFIX,
            # a connection on the venue network takes milliseconds: a hub that is away is
            # given up on quickly, so the next retry finds it soon after it is back
            timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT_S)),
            verify=verify,
            transport=transport,
            headers={"Authorization": f"Bearer {token}", protocol.HEADER_DESK: desk_id},
        )

    def close(self) -> None:
        self.http.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        clock_ms: int | None = None,
        unsynced: int | None = None,
        **kw: Any,
    ) -> dict[str, Any]:
        headers = kw.pop("headers", {})
        if clock_ms is not None:
            headers[protocol.HEADER_CLOCK] = str(clock_ms)
        if unsynced is not None:
            headers[protocol.HEADER_UNSYNCED] = str(unsynced)
        try:
            response = self.http.request(method, path, headers=headers, **kw)
        except httpx.TimeoutException as exc:
            raise HubUnreachable("The hub did not answer in time.") from exc
        except (httpx.TransportError, httpx.StreamError) as exc:
            raise HubUnreachable(f"The hub at {self.url} cannot be reached.") from exc
        try:
            data = response.json()
        except ValueError as exc:
            raise HubUnreachable("The hub's answer was cut or garbled.") from exc
        if response.status_code >= 500 or response.status_code in (408, 429):
            raise HubUnreachable("The hub is busy or failing; will try again.")
        if response.status_code >= 400:
            error = data.get("error", {}) if isinstance(data, dict) else {}
            event_id = error.get("event_id")
            raise HubRefused(
                str(error.get("code", "refused")),
                str(error.get("message", f"The hub refused (HTTP {response.status_code}).")),
                response.status_code,
                event_id if isinstance(event_id, str) else None,
            )
        if not isinstance(data, dict):
            raise HubUnreachable("The hub's answer was garbled.")
        return data

    def health(self) -> dict[str, Any]:
        return self.request("GET", "/health")

    def stages(self) -> list[dict[str, Any]]:
        return self.request("GET", "/stages")["stages"]

    @staticmethod
    def encode_push(events: list[Event]) -> bytes:
        return json.dumps(
            {"events": [protocol.event_to_wire(e) for e in events]},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")

    def push(
        self,
        slug: str,
        events: list[Event],
        *,
        clock_ms: int,
        unsynced: int,
        body: bytes | None = None,
    ) -> dict[str, Any]:
        if body is None:
            body = self.encode_push(events)
        return self.request(
            "POST",
            f"/stages/{slug}/events",
            content=body,
            headers={"Content-Type": "application/json"},
            clock_ms=clock_ms,
            unsynced=unsynced,
        )

    def pull(
        self, slug: str, after: int, *, mine: bool, clock_ms: int, unsynced: int | None, limit: int
    ) -> dict[str, Any]:
        params = {"after": after, "limit": limit, "mine": "1" if mine else "0"}
        return self.request(
            "GET", f"/stages/{slug}/events", params=params, clock_ms=clock_ms, unsynced=unsynced
        )

    def desks(self, slug: str, *, clock_ms: int | None = None) -> list[dict[str, Any]]:
        return self.request("GET", f"/stages/{slug}/desks", clock_ms=clock_ms)["desks"]

    def status(self, slug: str) -> dict[str, Any]:
        return self.request("GET", f"/stages/{slug}/status")


class SyncClient:
    """Syncs the stages of one data dir (one desk) with one hub."""

    def __init__(
        self,
        data_dir: Path,
        url: str,
        token: str,
        *,
        desk: Desk | None = None,
        timeout: float = 15.0,
        verify: bool | str = True,
        push_batch: int = protocol.PUSH_BATCH,
        pull_batch: int = protocol.PULL_BATCH,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.desk = desk or load_desk(self.data_dir)
        self.hub = HubClient(
            url, token, self.desk.id, timeout=timeout, verify=verify, transport=transport
        )
        self.push_batch = push_batch
        self.pull_batch = pull_batch
        self.hub_id: str | None = None
        self.clock_offset_ms: int | None = None
        self._desks_fetched: dict[str, float] = {}
        self._resend = False  # the last pull found the hub lost events: push again

    def close(self) -> None:
        self.hub.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _hub_id(self) -> str:
        if self.hub_id is None:
            self.hub_id = str(self.hub.health()["hub_id"])
        return self.hub_id

    def _note(self, answer: dict[str, Any]) -> None:
        hub_id = answer.get("hub_id")
        if self.hub_id is not None and isinstance(hub_id, str) and hub_id != self.hub_id:
            self.hub_id = hub_id  # another hub now answers at this address
            raise HubUnreachable("A different hub answers at this address; syncing again.")
        offset = answer.get("clock_offset_ms")
        if isinstance(offset, int):
            self.clock_offset_ms = offset

    def _note_clock(self, stage: Stage) -> None:
        """Keep the hub's measure of this clock in the stage: recording refuses a clock so
        far ahead that the hub would refuse its events (and trusts it again once fixed)."""
        if self.clock_offset_ms is not None:
            stage.note_clock_offset(self.clock_offset_ms)

    def _cursor_key(self) -> str:
        return f"hub/{self._hub_id()}/pulled"

    # --- a round ------------------------------------------------------------------------

    def sync_stage(self, slug: str, stage: Stage | None = None) -> SyncReport:
        """One round for one stage. Opens (or bootstraps) the stage unless one is given."""
        started = time.perf_counter()
        report = SyncReport(stage=slug, hub_id=self._hub_id())
        own = stage is None
        if stage is None:
            path = stage_path(self.data_dir, slug)
            if path.exists():
                stage = Stage.open_path(path, self.desk)
            else:
                stage = self.bootstrap(slug)
                report.bootstrapped = True
        push_error: HubRefused | None = None
        try:
            if stage.is_demo:
                raise DemoStageNotSynced(DEMO_MESSAGE)
            self._follow_hub(stage)
            try:
                report.pushed = self.push(stage, slug)
            except HubRefused as exc:
                if exc.fatal:
                    raise
                # The hub refused what this desk recorded (a clash after a restored stage
                # file, say): the desk still gets everyone else's check-ins, then says so.
                push_error = exc
            report.pulled, report.last_hub_seq = self.pull(stage, slug)
            if push_error is None and stage.unsynced_count() and self._resend:
                report.pushed += self.push(stage, slug)  # the hub lost events: again
            report.unsynced = stage.unsynced_count()
            refused = stage.quarantined("refused")
            report.refused = len(refused)
            report.refused_reason = refused[0]["reason"] if refused else ""
            report.quarantined = len(stage.quarantined("pulled"))
            stale = time.monotonic() - self._desks_fetched.get(slug, -1e9)
            if report.pushed or report.pulled or stale >= protocol.DESKS_REFRESH_S:
                self.refresh_desks(stage, slug)
            self._note_clock(stage)
        finally:
            if own:
                stage.close()
        report.clock_offset_ms = self.clock_offset_ms
        report.clock_warning = clock_warning(self.clock_offset_ms)
        report.duration_ms = (time.perf_counter() - started) * 1000
        report.finished_at = datetime.now(UTC).isoformat(timespec="milliseconds")
        if push_error is not None:
            push_error.report = report
            raise push_error
        return report

    def _follow_hub(self, stage: Stage) -> None:
        """A stage that moves to another hub sends that hub its own events again.

        Acknowledgements are a hub's: events another hub holds may be missing here (the
        hub ignores the ones it has).
        """
        current = stage.get_sync_value(HUB_KEY)
        if current == self._hub_id():
            return
        if current is not None:
            self._send_again(stage)
        stage.set_sync_value(HUB_KEY, self._hub_id())

    @staticmethod
    def _send_again(stage: Stage) -> None:
        """Forget the acknowledgements of this desk's events: the next push sends them all."""
        stage.forget_acknowledgements()

    @staticmethod
    def _acknowledged_count(stage: Stage) -> int:
        """How many of this desk's events the hub said it holds."""
        mine = stage.conn.execute(
            "SELECT COUNT(*) FROM event WHERE desk_id = ?", (stage.desk.id,)
        ).fetchone()[0]
        return mine - stage.unsynced_count()

    def push(self, stage: Stage, slug: str) -> int:
        """Push this desk's unacknowledged events; mark each acknowledged as the hub answers.

        An event the hub refuses by name (its clock was over a day ahead, it is about a
        person the hub has not heard of yet) is set aside and the others go on; set-aside
        events are tried again, one by one, at the end of every round.
        """
        waiting = stage.unsynced_count()
        pushed = 0
        for _ in range(waiting + 2):  # bounded: each pass sends at least one event, or ends
            batch = stage.unsynced_events(self.push_batch)
            if not batch:
                break
            try:
                pushed += self._push_batch(stage, slug, batch, waiting - pushed)
            except HubRefused as exc:
                if not self._set_aside(stage, exc, batch):
                    raise
        for event in stage.set_aside_events()[:SET_ASIDE_RETRIES]:
            try:
                pushed += self._push_batch(stage, slug, [event], waiting - pushed)
            except HubRefused as exc:
                if not self._set_aside(stage, exc, [event]):
                    raise
        return pushed

    @staticmethod
    def _set_aside(stage: Stage, exc: HubRefused, batch: list[Event]) -> bool:
        if exc.fatal or exc.code not in SET_ASIDE_CODES or exc.event_id is None:
            return False
        if exc.event_id not in {e.id for e in batch}:
            return False
        stage.set_aside(exc.event_id, exc.code + ": " + exc.message)
        return True

    def _push_batch(self, stage: Stage, slug: str, batch: list[Event], waiting: int) -> int:
        """Push the first events of `batch` that fit in one body; returns how many went."""
        body = self.hub.encode_push(batch)
        while len(body) > PUSH_BODY_BYTES and len(batch) > 1:  # big payloads: fewer a time
            batch = batch[: len(batch) // 2]
            body = self.hub.encode_push(batch)
        answer = self.hub.push(
            slug,
            batch,
            clock_ms=stage.clock.wall_ms(),
            unsynced=max(0, waiting - len(batch)),
            body=body,
        )
        self._note(answer)
        acks = [(str(a["id"]), int(a["hub_seq"])) for a in answer.get("acks", [])]
        if {i for i, _ in acks} != {e.id for e in batch}:
            raise HubUnreachable("The hub's acknowledgement does not match what was sent.")
        stage.mark_acknowledged(acks)
        return len(batch)

    def pull(self, stage: Stage, slug: str) -> tuple[int, int]:
        """Apply other desks' events after the last hub sequence seen. Returns (new, cursor).

        A hub restored from an older copy is noticed here: the event at this desk's cursor is
        not the one the desk kept (or the cursor is past the hub's last event), or the hub
        holds fewer of this desk's events than it acknowledged. The desk then sends all its
        events again (the hub ignores those it has) and pulls from the start (idempotent).
        """
        key = self._cursor_key()
        id_key = key + "_id"
        cursor = int(stage.get_sync_value(key, "0") or 0)
        seen_id = stage.get_sync_value(id_key) or None  # the event at the cursor
        pulled = 0
        self._resend = False
        checked_own = False
        for _ in range(100_000):  # bounded: every page advances the cursor or ends the loop
            page = self.hub.pull(
                slug,
                cursor,
                mine=False,
                clock_ms=stage.clock.wall_ms(),
                unsynced=stage.unsynced_count(),
                limit=self.pull_batch,
            )
            self._note(page)
            new_cursor = int(page["last_hub_seq"])
            held = page.get("desk_events")
            lost_own = (
                not checked_own and isinstance(held, int) and held < self._acknowledged_count(stage)
            )
            checked_own = True
            if lost_own or (cursor and self._hub_went_back(page, cursor, seen_id, new_cursor)):
                # The hub's history is not the one this desk followed.
                self._send_again(stage)
                self._resend = True
                cursor, seen_id = 0, None
                stage.set_sync_value(key, "0")
                stage.set_sync_value(id_key, "")
                continue
            events = [protocol.event_from_hub(e) for e in page["events"]]
            if events:
                pulled += stage.apply_events(events)
            last_id = page.get("last_id")
            if new_cursor != cursor or (isinstance(last_id, str) and last_id != seen_id):
                cursor = new_cursor
                seen_id = last_id if isinstance(last_id, str) else None
                stage.set_sync_value(key, str(cursor))
                stage.set_sync_value(id_key, seen_id or "")
            if not page.get("more"):
                break
        return pulled, cursor

    @staticmethod
    def _hub_went_back(page: dict[str, Any], cursor: int, seen_id: str | None, new: int) -> bool:
        if seen_id is not None and "after_id" in page:
            return page["after_id"] != seen_id
        return new < cursor  # an older hub, or no id kept yet: the hub holds less than seen

    def refresh_desks(self, stage: Stage, slug: str) -> list[dict[str, Any]]:
        """Keep the hub's view of every desk in the stage, for "are the numbers final?"."""
        desks = self.hub.desks(slug, clock_ms=stage.clock.wall_ms())
        stage.set_sync_value(protocol.HUB_DESKS_KEY, json.dumps(desks))
        self._desks_fetched[slug] = time.monotonic()
        return desks

    def bootstrap(self, slug: str) -> Stage:
        """Make this desk's copy of a stage from every event the hub holds for it."""
        events: list[Event] = []
        cursor = 0
        for _ in range(100_000):
            page = self.hub.pull(
                slug,
                cursor,
                mine=True,
                clock_ms=int(time.time() * 1000),
                unsynced=0,
                limit=self.pull_batch,
            )
            self._note(page)
            events.extend(protocol.event_from_hub(e) for e in page["events"])
            cursor = int(page["last_hub_seq"])
            if not page.get("more"):
                break
        if not events:
            raise HubRefused("stage_not_on_hub", f"The hub has no events for '{slug}'.", 404)
        stage = Stage.from_events(stage_path(self.data_dir, slug), self.desk, events)
        stage.set_sync_value(self._cursor_key(), str(cursor))
        if isinstance(page.get("last_id"), str):
            stage.set_sync_value(self._cursor_key() + "_id", page["last_id"])
        stage.set_sync_value(HUB_KEY, self._hub_id())
        return stage

    def watch(
        self,
        slug: str,
        *,
        interval_s: float = 1.0,
        max_backoff_s: float = 3.0,  # back in sync within 5 s of the hub coming back
        rounds: int | None = None,
        duration_s: float | None = None,
        on_report: Callable[[SyncReport | None, Exception | None], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> int:
        """Sync every `interval_s`, backing off after failures. Returns the rounds run.

        Stops after `rounds`, after `duration_s`, when `should_stop()` is true, or on Ctrl-C.
        A refusal that no retry can fix (wrong, revoked or elsewhere-bound token, stage not
        allowed: `HubRefused.fatal`) is reported to `on_report` and then raised.
        """
        deadline = None if duration_s is None else time.monotonic() + duration_s
        failures = 0
        done = 0
        stage = None
        try:
            while rounds is None or done < rounds:
                if should_stop is not None and should_stop():
                    break
                if deadline is not None and time.monotonic() >= deadline:
                    break
                try:
                    if stage is None and stage_path(self.data_dir, slug).exists():
                        stage = Stage.open_path(stage_path(self.data_dir, slug), self.desk)
                    report = self.sync_stage(slug, stage)
                    failures = 0
                    if on_report:
                        on_report(report, None)
                except SyncError as exc:
                    if not exc.retry_later:
                        raise
                    failures += 1
                    if on_report:
                        on_report(None, exc)
                    if exc.fatal:
                        raise
                done += 1
                pause = (
                    interval_s
                    if failures == 0
                    else min(max_backoff_s, interval_s * 2 ** min(failures, 10))
                )
                if deadline is not None:
                    pause = min(pause, max(0.0, deadline - time.monotonic()))
                time.sleep(pause)
        finally:
            if stage is not None:
                stage.close()
        return done
