"""Issue 13: erasure leaves no bytes; one desk never checks a person in twice; the command
line ends quietly when its reader goes away and leaves no half file on a full disk."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from desktop_app.core import checkin, privacy
from desktop_app.core.desk import load_desk
from desktop_app.core.store import Stage, stage_path
from desktop_app.sync.client import SyncClient

from .conftest import ROOT

SLUG = "bergamo-2026"
# Synthetic person, words that appear nowhere else in a stage file.
FIRST, LAST, COMPANY, EMAIL = "Zenobia", "Quartermaine", "Xylophonica", "zq.unique@xylo.example"


def cli(data_dir: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ROADSHOW_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        **kw,
    )


def raw_bytes(path: Path) -> bytes:
    return b"".join(
        Path(str(path) + suffix).read_bytes()
        for suffix in ("", "-wal")
        if Path(str(path) + suffix).exists()
    )


def words_in(data: bytes) -> set[str]:
    found = set()
    for word in (FIRST, LAST, COMPANY, EMAIL, "xylophonica", "quartermaine", "zenobia"):
        if word.encode() in data or word.lower().encode() in data:
            found.add(word.lower())
    return found


def test_erasure_leaves_no_bytes_on_desks_or_the_hub(hub, desks, hub_db):
    admin = hub.token("organizer", admin=True)
    token = hub.token("Desk B")
    with desks.create_stage("a", SLUG, people=30) as a:
        person = a.new_attendee(
            {"first_name": FIRST, "last_name": LAST, "company": COMPANY, "email": EMAIL}
        )
        checkin.edit(a, person, {"company": COMPANY + " Group"})  # an older value too
        with SyncClient(desks.dir("a"), hub.url, admin) as client:
            client.sync_stage(SLUG, a)
    with SyncClient(desks.dir("b"), hub.url, token) as client:
        client.sync_stage(SLUG)
    hub.store.status(SLUG)  # the hub's projection holds the person too
    projection = hub.store.projection_path(hub.store.stage_by_slug(SLUG)["id"])
    assert words_in(raw_bytes(projection))  # the test can see them while they are there

    with desks.open("a", SLUG) as a:
        privacy.erase_attendee(a, a.attendee(person.id))
        with SyncClient(desks.dir("a"), hub.url, admin) as client:
            client.sync_stage(SLUG, a)
    with SyncClient(desks.dir("b"), hub.url, token) as client:
        client.sync_stage(SLUG)
    hub.store.status(SLUG)

    files = {
        "desk a": stage_path(desks.dir("a"), SLUG),
        "desk b": stage_path(desks.dir("b"), SLUG),
        "hub": hub_db,
        "hub projection": projection,
    }
    left = {name: words_in(raw_bytes(path)) for name, path in files.items()}
    assert left == {name: set() for name in files}


def test_threads_checking_in_one_code_at_one_desk_record_one_check_in(desks):
    with desks.create_stage("a", SLUG, people=10) as stage:
        codes = [a.code for a in stage.attendees()[:4]]
    data_dir = desks.dir("a")
    for code in codes:  # four trials, eight doors each
        outcomes: list[str] = []
        barrier = threading.Barrier(8)

        def door(code: str = code, outcomes: list[str] = outcomes, barrier=barrier) -> None:
            with Stage.open_path(stage_path(data_dir, SLUG), load_desk(data_dir)) as own:
                barrier.wait()
                outcomes.append(checkin.decide(own, code).status)

        threads = [threading.Thread(target=door) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert outcomes.count(checkin.CHECKED_IN) == 1, outcomes
        assert outcomes.count(checkin.ALREADY_CHECKED_IN) == 7, outcomes
    with desks.open("a", SLUG) as stage:
        for code in codes:
            assert len(stage.checkins_of(stage.attendee_by_code(code).id)) == 1


def test_parallel_checkin_commands_of_one_code_record_one_check_in(desks):
    data_dir = desks.dir("a")
    with desks.create_stage("a", SLUG, people=20) as stage:
        codes = [a.code for a in stage.attendees()[:5]]
    for code in codes:  # five trials, four processes each
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "desktop_app", "checkin", SLUG, code],
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT), "ROADSHOW_DATA_DIR": str(data_dir)},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(4)
        ]
        for p in procs:
            p.wait(timeout=120)
    with desks.open("a", SLUG) as stage:
        for code in codes:
            person = stage.attendee_by_code(code)
            assert len(stage.checkins_of(person.id)) == 1, code


def test_output_into_head_ends_quietly(desks):
    data_dir = desks.dir("a")
    with desks.create_stage("a", SLUG, people=2000):
        pass
    py = f"{sys.executable} -m desktop_app"
    for command in (
        f"{py} search {SLUG} m --limit 300 --json | head -c 10",  # ~95 KB: more than a pipe holds
        f"{py} search {SLUG} m --limit 300 | head -n 1",
        f"{py} search no-such-stage m --json | true",  # the error message meets a closed pipe
    ):
        done = subprocess.run(
            ["sh", "-c", command],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "ROADSHOW_DATA_DIR": str(data_dir)},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


def _limit_file_size() -> None:
    # A real write that fails part-way, like a full disk (Python ignores SIGXFSZ: EFBIG).
    resource.setrlimit(resource.RLIMIT_FSIZE, (48_000, 48_000))  # > the 32 KB -shm


def test_stage_export_on_a_full_disk_leaves_no_part_file_and_names_the_file(desks, tmp_path):
    data_dir = desks.dir("a")
    with desks.create_stage("a", SLUG, people=1500):
        pass
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    out = out_dir / "bergamo.rdstage"
    if (
        shutil.which("unshare")
        and cli(data_dir, "--version").returncode == 0
        and (subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0)
    ):
        # A real full file system: a 16 KB tmpfs, in a mount namespace of the test's own.
        script = (
            f"mount -t tmpfs -o size=16k tmpfs {out_dir} && "
            f"{sys.executable} -m desktop_app stage export {SLUG} --out {out}; "
            f"echo rc=$?; ls -A {out_dir}"
        )
        done = subprocess.run(
            ["unshare", "-rm", "sh", "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "ROADSHOW_DATA_DIR": str(data_dir)},
            capture_output=True,
            text=True,
            timeout=120,
        )
        if "rc=" in done.stdout:
            assert "rc=1" in done.stdout, done.stdout + done.stderr
            assert ".part" not in done.stdout.split("rc=1", 1)[1]
            assert str(out) in done.stderr and "full" in done.stderr, done.stderr
            assert "Traceback" not in done.stderr
    done = cli(data_dir, "stage", "export", SLUG, "--out", str(out), preexec_fn=_limit_file_size)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert str(out) in done.stderr and "full" in done.stderr, done.stderr
    assert list(out_dir.iterdir()) == []  # no .part, no half file


def test_session_with_a_capacity_past_any_room_is_refused_in_plain_words(desks, tmp_path):
    data_dir = desks.dir("a")
    with desks.create_stage("a", SLUG):
        pass
    done = cli(data_dir, "session", "add", SLUG, "--name", "Plenaria", "--capacity", "1e30")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "Capacity" in done.stderr
    sheet = tmp_path / "sessions.csv"
    sheet.write_text("Name;Capacity\nPlenaria;1e30\nWorkshop;1e400\n", encoding="utf-8")
    done = cli(data_dir, "session", "import", SLUG, str(sheet))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "row 2" in done.stderr and "row 3" in done.stderr
