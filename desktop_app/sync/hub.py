"""The sync hub: a small Starlette app over a HubStore, served by uvicorn.

Every answer is JSON; every refusal is `{"error": {"code": ..., "message": ...}}` with the
HTTP status that says why (401 token, 403 not allowed, 404 unknown, 409 conflict, 413 too
big, 422 invalid). The schema is at `/v1/openapi.json`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from desktop_app import __version__
from desktop_app.core.events import Field
from desktop_app.sync import protocol, wire
from desktop_app.sync.errors import HubError, SyncError
from desktop_app.sync.hubstore import CONTACT_FLUSH_S, HubStore
from desktop_app.sync.openapi import openapi_schema

log = logging.getLogger("roadshow.hub")


# A client has this long to send a request's head, and then its body: a socket that
# dribbles a byte now and then is closed instead of being held open for ever.
HEAD_TIMEOUT_S = 10.0
BODY_TIMEOUT_S = 30.0
MAX_CLOCK_HEADER_MS = protocol.MAX_CLOCK_HEADER_MS


def _error(
    status: int,
    code: str,
    message: str,
    headers: dict[str, str] | None = None,
    event_id: str | None = None,
) -> JSONResponse:
    error: dict[str, Any] = {"code": code, "message": message}
    if event_id is not None:
        error["event_id"] = event_id
    return JSONResponse({"error": error}, status_code=status, headers=headers)


def _now_ms() -> int:
    return int(time.time() * 1000)


def _int_param(value: str | None, param: Field) -> int:
    name, lo, hi = param.name, param.minimum, param.maximum
    assert lo is not None and hi is not None
    if value is None or value == "":
        return param.default or 0
    try:
        number = int(value)
    except ValueError:
        raise HubError("invalid_parameter", f"'{name}' must be a whole number.", 422) from None
    if not lo <= number <= hi:
        raise HubError("invalid_parameter", f"'{name}' must be between {lo} and {hi}.", 422)
    return number


async def _read_json(request: Request) -> Any:
    length = request.headers.get("content-length")
    if length is not None:
        try:
            declared = int(length)
        except ValueError:
            raise HubError("malformed_request", "Content-Length is not a number.", 400) from None
        if declared > protocol.MAX_BODY_BYTES:
            raise HubError("body_too_large", "The request body is too large.", 413)
    chunks: list[bytes] = []

    async def read() -> None:
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > protocol.MAX_BODY_BYTES:
                raise HubError("body_too_large", "The request body is too large.", 413)
            chunks.append(chunk)

    try:
        await asyncio.wait_for(read(), BODY_TIMEOUT_S)
    except TimeoutError:
        raise HubError("request_timeout", "The request body came too slowly.", 408) from None
    try:
        return json.loads(b"".join(chunks))
    except (ValueError, UnicodeDecodeError):
        raise HubError("malformed_json", "The request body is not valid JSON.", 400) from None
    except RecursionError:
        raise HubError("malformed_json", "The request body is nested too deeply.", 400) from None


class Hub:
    """The request handlers, bound to one hub file."""

    def __init__(self, store: HubStore) -> None:
        self.store = store

    # --- who is asking -------------------------------------------------------------------

    def _token(self, request: Request) -> str | None:
        auth = request.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        return token.strip() if scheme.lower() == "bearer" else None

    def _clock_offset(self, request: Request, received_ms: int) -> int | None:
        raw = request.headers.get(protocol.HEADER_CLOCK)
        if raw is None:
            return None
        try:
            desk_ms = int(raw)
        except ValueError:
            desk_ms = -1
        if not 0 <= desk_ms <= MAX_CLOCK_HEADER_MS:
            raise HubError(
                "invalid_header",
                f"{protocol.HEADER_CLOCK} must be milliseconds since 1970 "
                f"(0 to {MAX_CLOCK_HEADER_MS}).",
                400,
            )
        return desk_ms - received_ms

    def _unsynced(self, request: Request) -> int | None:
        raw = request.headers.get(protocol.HEADER_UNSYNCED)
        if raw is None:
            return None
        return _int_param(raw, wire.UNSYNCED)

    def _desk(self, request: Request, slug: str | None = None) -> tuple[dict[str, Any], str]:
        """Authenticate, bind the token to the desk id it is used from, check the stage."""
        desk = self.store.authenticate(self._token(request))
        desk_id = request.headers.get(protocol.HEADER_DESK, "")
        if not protocol.valid_id(desk_id):
            raise HubError("desk_id_missing", f"The {protocol.HEADER_DESK} header is missing.", 400)
        desk = self.store.bind(desk, desk_id)
        if slug is not None and not self.store.may_sync(desk, slug):
            raise HubError("stage_not_allowed", "This desk may not sync that stage.", 403)
        return desk, desk_id

    # --- endpoints ------------------------------------------------------------------------

    async def health(self, request: Request) -> Response:
        return JSONResponse(
            wire.HEALTH.build(
                ok=True, hub_id=self.store.hub_id, version=__version__, api=1, hub_time_ms=_now_ms()
            )
        )

    async def openapi(self, request: Request) -> Response:
        return JSONResponse(openapi_schema())

    async def stages(self, request: Request) -> Response:
        def work() -> dict[str, Any]:
            desk = self.store.authenticate(self._token(request))
            visible = [s for s in self.store.stages() if self.store.may_sync(desk, s["slug"])]
            return wire.STAGE_LIST.build(
                stages=[wire.STAGE.build(**s) for s in visible], hub_id=self.store.hub_id
            )

        return JSONResponse(await run_in_threadpool(work))

    async def push(self, request: Request) -> Response:
        received_ms = _now_ms()
        slug = request.path_params["slug"]
        # Authenticate before reading a body: a stranger does not get to upload megabytes.
        desk, desk_id = await run_in_threadpool(self._desk, request, slug)
        offset = self._clock_offset(request, received_ms)
        unsynced = self._unsynced(request)
        body = await _read_json(request)
        if not isinstance(body, dict) or not isinstance(body.get("events"), list):
            raise HubError("invalid_body", "The body must be an object with a list 'events'.", 422)
        raw_events = body["events"]
        fewest, most = wire.PUSH_EVENTS.min_length, wire.PUSH_EVENTS.max_length
        assert most is not None
        if not fewest <= len(raw_events) <= most:
            raise HubError(
                "invalid_body", f"Push between {fewest} and {most} events at a time.", 422
            )
        events = []
        for i, e in enumerate(raw_events):
            try:
                events.append(protocol.event_from_wire(e, i, received_ms))
            except protocol.ProtocolError as exc:
                # The event's id, when it has one: the desk sets that event aside and
                # pushes the others (one refused event never holds back the rest).
                event_id = e.get("id") if isinstance(e, dict) else None
                raise HubError(
                    exc.code,
                    exc.message,
                    exc.status,
                    event_id if protocol.valid_id(event_id) else None,
                ) from None
        for e in events:
            if len(json.dumps(e.payload)) > protocol.MAX_PAYLOAD_BYTES:
                raise HubError("invalid_event", "An event payload is too large.", 413, e.id)
            if e.desk_id != desk_id:
                raise HubError(
                    "foreign_event", "A desk pushes only the events it recorded itself.", 403
                )

        def work() -> dict[str, Any]:
            publisher = desk["name"] if desk["admin"] else None
            acks, new = self.store.ingest(slug, events, publisher=publisher)
            info = self.store.stage_by_slug(slug)
            if info is not None:
                self.store.record_contact(
                    desk_id,
                    info["id"],
                    desk["name"],
                    unsynced=unsynced,
                    clock_offset_ms=offset,
                    force=True,
                )
            return wire.PUSH_RESULT.build(
                acks=[wire.ACK.build(id=i, hub_seq=s) for i, s in acks],
                new=new,
                hub_id=self.store.hub_id,
                hub_time_ms=_now_ms(),
                clock_offset_ms=offset,
            )

        return JSONResponse(await run_in_threadpool(work))

    async def pull(self, request: Request) -> Response:
        received_ms = _now_ms()
        slug = request.path_params["slug"]
        q = request.query_params

        def work() -> dict[str, Any]:
            desk, desk_id = self._desk(request, slug)  # who asks comes before what they ask
            after = _int_param(q.get("after"), wire.AFTER)
            limit = _int_param(q.get("limit"), wire.LIMIT)
            mine = q.get("mine", wire.MINE.default)
            if mine not in wire.MINE.enum:  # type: ignore[operator]
                raise HubError("invalid_parameter", "'mine' must be 0 or 1.", 422)
            offset = self._clock_offset(request, received_ms)
            unsynced = self._unsynced(request)
            page = self.store.pull(
                slug,
                after,
                limit,
                exclude_desk=None if mine == "1" else desk_id,
                desk_id=desk_id,
            )
            self.store.record_contact(
                desk_id,
                page.pop("stage_id"),
                desk["name"],
                unsynced=unsynced,
                clock_offset_ms=offset,
            )
            return wire.PULL_RESULT.build(
                **page, hub_id=self.store.hub_id, hub_time_ms=_now_ms(), clock_offset_ms=offset
            )

        return JSONResponse(await run_in_threadpool(work))

    async def desks(self, request: Request) -> Response:
        slug = request.path_params["slug"]

        def work() -> dict[str, Any]:
            # Read-only: any desk token of the stage may ask (a manager's laptop, the Reports
            # screen), from any installation; it binds nothing. Writes (push) still bind.
            desk = self.store.authenticate(self._token(request))
            if not self.store.may_sync(desk, slug):
                raise HubError("stage_not_allowed", "This desk may not sync that stage.", 403)
            info = self.store.stage_by_slug(slug)
            if info is None:
                raise HubError("stage_not_on_hub", f"The hub has no stage called '{slug}'.", 404)
            desks = [wire.DESK_SEEN.build(**d) for d in self.store.desks_of_stage(info["id"])]
            return wire.DESK_LIST.build(desks=desks, hub_time_ms=_now_ms())

        return JSONResponse(await run_in_threadpool(work))

    async def status(self, request: Request) -> Response:
        slug = request.path_params["slug"]

        def work() -> dict[str, Any]:
            desk = self.store.authenticate(self._token(request))
            if not desk["admin"]:
                raise HubError("not_allowed", "Only an organizer (admin) token reads status.", 403)
            return wire.STATUS.build(**self.store.status(slug))

        return JSONResponse(await run_in_threadpool(work))


async def _hub_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SyncError)
    return _error(exc.status or 400, exc.code, exc.message, event_id=exc.event_id)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return _error(exc.status_code, code, str(exc.detail), headers=exc.headers)


async def _db_error(request: Request, exc: Exception) -> Response:
    log.warning("hub database busy or failing: %s", type(exc).__name__)
    return _error(503, "hub_busy", "The hub cannot store this right now. Try again shortly.")


async def _server_error(request: Request, exc: Exception) -> Response:
    log.exception("hub error on %s", request.url.path)
    return _error(500, "hub_error", "The hub failed on this request.")


Handler = Callable[[Request], Awaitable[Response]]


def _routes(hub: Hub) -> dict[str, dict[str, Handler]]:
    """The documented routes (wire.ROUTES, which the OpenAPI schema is generated from)."""
    paths: dict[str, dict[str, Handler]] = {}
    for op in wire.ROUTES:
        paths.setdefault(op.path, {})[op.method] = getattr(hub, op.handler)
    return paths


def _by_method(handlers: dict[str, Handler]) -> Handler:
    # One route per path for all its methods, so a 405 names every method the path has.
    if len(handlers) == 1:
        return next(iter(handlers.values()))
    fallback = handlers["GET"]  # and HEAD

    async def endpoint(request: Request) -> Response:
        return await handlers.get(request.method, fallback)(request)

    return endpoint


def create_app(db: Path | str | HubStore) -> Starlette:
    """The ASGI app for one hub file (or an open HubStore, which the caller closes)."""
    owned = not isinstance(db, HubStore)
    store = HubStore(Path(db)) if owned else db
    hub = Hub(store)
    prefix = protocol.API_PREFIX
    routes = [Route(f"{prefix}/openapi.json", hub.openapi, methods=["GET"])]
    for path, handlers in _routes(hub).items():
        routes.append(Route(prefix + path, _by_method(handlers), methods=list(handlers)))

    async def flush_now_and_then() -> None:
        # Contact times wait in memory between writes; `hub status` in another process
        # reads the file, so write them out every few seconds.
        while True:
            await asyncio.sleep(CONTACT_FLUSH_S)
            with contextlib.suppress(sqlite3.Error):
                await run_in_threadpool(store.flush_contacts)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        flusher = asyncio.get_running_loop().create_task(flush_now_and_then())
        yield
        flusher.cancel()
        if owned:
            store.close()
        else:
            store.flush_contacts()

    app = Starlette(
        routes=routes,
        exception_handlers={
            SyncError: _hub_error,
            HTTPException: _http_error,
            sqlite3.OperationalError: _db_error,
            Exception: _server_error,
        },
        lifespan=lifespan,
    )
    app.state.store = store
    return app


# --- running it ------------------------------------------------------------------------------


def _slow_client_protocol() -> type:
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request head does not arrive
    within HEAD_TIMEOUT_S (uvicorn itself waits for ever while bytes trickle in)."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class SlowClientH11(H11Protocol):
        _head_timer: asyncio.TimerHandle | None = None

        def _arm_head_timer(self) -> None:
            self._disarm_head_timer()
            self._head_timer = self.loop.call_later(HEAD_TIMEOUT_S, self._too_slow)

        def _disarm_head_timer(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _too_slow(self) -> None:
            self._head_timer = None
            if self.cycle is None or self.cycle.response_complete:
                self.transport.close()

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm_head_timer()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm_head_timer()
            super().connection_lost(exc)

        def handle_events(self) -> None:
            super().handle_events()
            if self.cycle is not None and not self.cycle.response_complete:
                self._disarm_head_timer()  # the head arrived: the app bounds the body

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm_head_timer()

    return SlowClientH11


def serve(
    db: Path,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    tls_cert: str | None = None,
    tls_key: str | None = None,
    log_level: str = "warning",
) -> None:
    """Run the hub in the foreground until interrupted (the `hub serve` command)."""
    import uvicorn

    uvicorn.run(
        create_app(db),
        host=host,
        port=port,
        ssl_certfile=tls_cert,
        ssl_keyfile=tls_key,
        log_level=log_level,
        http=_slow_client_protocol(),
        access_log=False,  # URLs carry stage slugs only, but keep logs quiet and small
        timeout_graceful_shutdown=5,
    )


class HubThread:
    """A hub served on a background thread (tests, benchmarks, a venue laptop's own hub)."""

    def __init__(
        self,
        db: Path,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        tls_cert: str | None = None,
        tls_key: str | None = None,
    ) -> None:
        import uvicorn

        # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets that say so.
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.host, self.port = self.sock.getsockname()[:2]
        self.store = HubStore(Path(db))
        self.app = create_app(self.store)
        self.scheme = "https" if tls_cert else "http"
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            http=_slow_client_protocol(),
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=3,
            ssl_certfile=tls_cert,
            ssl_keyfile=tls_key,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    def start(self) -> HubThread:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        if not self.server.started:
            raise RuntimeError("the hub did not start")
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
        self.sock.close()
        self.store.close()

    def __enter__(self) -> HubThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
