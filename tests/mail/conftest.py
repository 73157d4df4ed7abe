from __future__ import annotations

import datetime
import ipaddress

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop_app.core import checkin
from desktop_app.mail import SmtpConfig

from .smtpserver import SmtpServer

# Synthetic people (example.test addresses), with the names the roadshow really sees.
PEOPLE = [
    {
        "first_name": "Nicolò",
        "last_name": "Bertè",
        "email": "nicolo@example.test",
        "company": "Officine Meccaniche Bergamasche",
        "extra": {"Lingua": "Italiano"},
    },
    {
        "first_name": "Zoë",
        "last_name": "Ørsted-Łukasiewicz",
        "email": "zoe@example.test",
        "company": "Nordic Wind",
        "extra": {"Language": "English"},
    },
    {
        "first_name": "小明",
        "last_name": "王",
        "email": "wang@example.test",
        "category": "consul",
        "extra": {"language": "en"},
    },
    {"first_name": "Anna", "last_name": "Bertelli", "email": "anna@example.test"},
    {"first_name": "Senza", "last_name": "Email", "email": ""},
]


@pytest.fixture
def certificate(tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "roadshow smtp test")])
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
    cert_path, key_path = tmp_path / "smtp.crt", tmp_path / "smtp.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_path), str(key_path)


@pytest.fixture
def smtp_server():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def mail_stage(make_stage):
    stage = make_stage(venue="Kilometro Rosso", city="Bergamo")
    for fields in PEOPLE:
        stage.new_attendee(fields)
    cancelled = stage.new_attendee(
        {"first_name": "Annullato", "last_name": "Rossi", "email": "gone@example.test"}
    )
    checkin.cancel_registration(stage, cancelled, reason="test")
    return stage


def plain_config(server: SmtpServer, **kw) -> SmtpConfig:
    values = dict(
        host="127.0.0.1",
        port=server.port,
        security="none",
        from_address="segreteria@example.test",
        rate_per_minute=0,
        timeout=5,
    )
    values.update(kw)
    return SmtpConfig(**values)
