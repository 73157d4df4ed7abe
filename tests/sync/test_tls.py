"""A central hub behind TLS: desks trust its certificate (here a self-signed one via --cafile)."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.sync.client import HubUnreachable, SyncClient
from desktop_app.sync.hub import HubThread

SLUG = "bergamo-2026"


def test_sync_over_tls(hub_db, desks, certificate, capsys):
    cert, key = certificate
    with HubThread(hub_db, tls_cert=cert, tls_key=key) as hub:
        assert hub.url.startswith("https://")
        admin = hub.store.add_desk("organizer", admin=True)
        with desks.create_stage("org", SLUG, people=5) as stage:
            # A certificate the desk does not trust is refused, and nothing is marked synced.
            with (
                SyncClient(desks.dir("org"), hub.url, admin) as client,
                pytest.raises(HubUnreachable),
            ):
                client.sync_stage(SLUG, stage)
            assert stage.unsynced_count() == stage.event_count()
            with SyncClient(desks.dir("org"), hub.url, admin, verify=cert) as client:
                assert client.sync_stage(SLUG, stage).unsynced == 0
        token = hub.store.add_desk("Desk 1")
        code = main(
            [
                "--data-dir",
                str(desks.dir("d1")),
                "sync",
                SLUG,
                "--hub",
                hub.url,
                "--token",
                token,
                "--cafile",
                cert,
                "--json",
            ]
        )
        out = json.loads(capsys.readouterr().out)
        assert code == 0 and out["bootstrapped"]
        assert hub.store.status(SLUG)["registered"] == 5
