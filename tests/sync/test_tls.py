"""A central hub behind TLS: desks trust its certificate (here a self-signed one via --cafile)."""

from __future__ import annotations

import datetime
import ipaddress
import json

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop_app.cli import main
from desktop_app.sync.client import HubUnreachable, SyncClient
from desktop_app.sync.hub import HubThread

SLUG = "bergamo-2026"


@pytest.fixture
def certificate(tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "roadshow hub test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "hub.crt", tmp_path / "hub.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_path), str(key_path)


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
