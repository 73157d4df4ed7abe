"""Sync fixtures: a real hub on 127.0.0.1 (a thread, or a process), desks as separate data dirs."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from desktop_app.core.desk import load_desk
from desktop_app.core.store import Stage, stage_path
from desktop_app.sync.hub import HubThread
from desktop_app.sync.hubstore import HubStore

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Desks:
    """Desk installations: each is its own data dir with its own desk id."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def dir(self, name: str) -> Path:
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def open(self, name: str, slug: str) -> Stage:
        data_dir = self.dir(name)
        return Stage.open_path(stage_path(data_dir, slug), load_desk(data_dir))

    def create_stage(self, name: str, slug: str = "bergamo-2026", people: int = 0) -> Stage:
        data_dir = self.dir(name)
        stage = Stage.create(
            data_dir,
            slug,
            title="Tappa di Bergamo",
            date="2026-03-12",
            desk=load_desk(data_dir),
        )
        if people:
            from desktop_app.core.demo import populate

            populate(stage, people, seed=7, checked_in_share=0.0)
        return stage


@pytest.fixture
def desks(tmp_path) -> Desks:
    return Desks(tmp_path / "desks")


@pytest.fixture
def hub_db(tmp_path) -> Path:
    return tmp_path / "hub" / "hub.sqlite"


@pytest.fixture
def hub(hub_db):
    """A hub served on a thread; `hub.token(name, ...)` registers a desk."""
    server = HubThread(hub_db).start()

    def token(name: str, **kw) -> str:
        return server.store.add_desk(name, **kw)

    server.token = token
    yield server
    server.stop()


class HubProcess:
    """`roadshow-desk hub serve` as a real process: it can be killed and started again."""

    def __init__(self, db: Path, port: int | None = None) -> None:
        self.db = db
        self.port = port or free_port()
        self.proc: subprocess.Popen | None = None
        self.log = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> HubProcess:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.log = open(self.db.with_suffix(".log"), "ab")  # noqa: SIM115  (closed in stop)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "desktop_app",
                "hub",
                "serve",
                "--db",
                str(self.db),
                "--port",
                str(self.port),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/v1/health", timeout=0.5).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError(self.db.with_suffix(".log").read_text(errors="replace"))
            time.sleep(0.05)
        raise RuntimeError("hub process did not start")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.log is not None:
            self.log.close()


@pytest.fixture
def hub_process(hub_db):
    hub_db.parent.mkdir(parents=True, exist_ok=True)
    processes: list[HubProcess] = []

    def start(port: int | None = None) -> HubProcess:
        p = HubProcess(hub_db, port).start()
        processes.append(p)
        return p

    yield start
    for p in processes:
        p.stop()


def add_token(db: Path, name: str, **kw) -> str:
    with HubStore(db) as store:
        return store.add_desk(name, **kw)


@pytest.fixture
def publish(hub, desks):
    """publish(people=5, slug=...) -> the organizer's admin token: the organizer's desk ("org")
    creates the stage with that many people and pushes it to the hub."""
    from desktop_app.sync.client import SyncClient

    def run(people: int = 5, slug: str = "bergamo-2026") -> str:
        admin = hub.token("organizer", admin=True)
        with (
            desks.create_stage("org", slug, people=people) as stage,
            SyncClient(desks.dir("org"), hub.url, admin) as client,
        ):
            client.sync_stage(slug, stage)
        return admin

    return run


@pytest.fixture
def published(hub, publish):
    """(hub, organizer token) once the organizer published a stage of 5 people."""
    return hub, publish()
