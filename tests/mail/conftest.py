from __future__ import annotations

import pytest

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
