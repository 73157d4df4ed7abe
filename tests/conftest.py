"""Shared fixtures: every test gets its own data dir; nothing touches the user's data."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.core.desk import Desk, load_desk  # noqa: E402
from desktop_app.core.store import Stage  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user data dir or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ROADSHOW_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.setenv("HOME", str(home))


@pytest.fixture
def data_dir(tmp_path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def desk(data_dir) -> Desk:
    return load_desk(data_dir)


@pytest.fixture
def make_stage(data_dir, desk):
    """make_stage(slug, title=..., date=...) -> an open Stage signed with this data dir's key."""
    opened: list[Stage] = []

    def make(
        slug: str = "bergamo-2026", title: str = "Tappa di Bergamo", date: str = "2026-03-12", **kw
    ):
        stage = Stage.create(
            data_dir,
            slug,
            title=title,
            date=date,
            desk=desk,
            **kw,
        )
        opened.append(stage)
        return stage

    yield make
    for stage in opened:
        with contextlib.suppress(sqlite3.Error):
            stage.close()


@pytest.fixture
def stage(make_stage) -> Stage:
    return make_stage()


@pytest.fixture
def people(stage):
    """A few registered people with names from several languages."""
    rows = [
        {
            "first_name": "Nicolò",
            "last_name": "Bertè",
            "company": "Officine Meccaniche Bergamasche",
            "category": "company",
            "role": "Export Manager",
            "email": "n.berte@example.test",
            "external_codes": ["EB-1001"],
        },
        {"first_name": "Anna", "last_name": "Bertelli", "company": "Brembo", "category": "company"},
        {
            "first_name": "Marco",
            "last_name": "Rossi",
            "company": "Rossi Utensili",
            "category": "company",
            "email": "marco.rossi@example.test",
        },
        {
            "title": "S.E.",
            "first_name": "Hiroshi",
            "last_name": "Sato",
            "company": "Consolato del Giappone",
            "category": "consul",
            "role": "Console Generale",
            "country": "Giappone",
        },
        {
            "first_name": "Zoë",
            "last_name": "Ørsted-Łukasiewicz",
            "company": "Nordic Aero",
            "category": "speaker",
        },
    ]
    return [stage.new_attendee(r) for r in rows]


@pytest.fixture
def cli_json(capsys):
    """cli_json(*args) -> (exit code, the one JSON object): runs `roadshow-desk ARGS --json`
    in-process and checks that it printed exactly one JSON line."""
    from desktop_app.cli import main

    def run(*args) -> tuple[int, dict]:
        argv = [str(a) for a in args]
        if "--json" not in argv:
            argv.append("--json")
        capsys.readouterr()  # what earlier steps printed is not this command's output
        code = main(argv)
        out = capsys.readouterr().out
        lines = [line for line in out.splitlines() if line.strip()]
        assert len(lines) == 1, f"--json must print exactly one line, got {out!r}"
        return code, json.loads(lines[0])

    return run


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for 127.0.0.1 (TLS tests of the hub and of SMTP): paths."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "roadshow test (127.0.0.1)")])
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
    cert_path, key_path = tmp_path / "test.crt", tmp_path / "test.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_path), str(key_path)
