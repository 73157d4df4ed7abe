"""The desk setup code: scanner-safe, case-insensitive, refused whole when misread."""

from __future__ import annotations

import pytest

from desktop_app.core import checkin, setup_code, tickets
from desktop_app.core.ids import CROCKFORD
from desktop_app.sync.hubstore import HubStore

TOKEN = "rdk_f7b92f12eb1d_DeL7vYgEuxR76WP_1MsqNbbfgW7JT0Y1cwxycgYvX48"


def sample() -> setup_code.SetupCode:
    return setup_code.SetupCode("http://192.168.1.10:8765", TOKEN, ["bergamo-2026"], "Desk 2")


def test_round_trip_in_the_ticket_alphabet_with_its_own_prefix():
    text = setup_code.encode(sample())
    assert text.startswith("RDS1") and set(text[4:]) <= set(CROCKFORD)
    assert len(text) < 300  # fits a QR a scanner reads from a laptop screen
    assert setup_code.decode(text) == sample()
    # Caps Lock, a scanner's AIM prefix, a code pasted over two lines
    assert setup_code.decode(text.lower()) == sample()
    assert setup_code.decode("]Q1" + text) == sample()
    assert setup_code.decode(text[:100] + "\n" + text[100:]) == sample()
    # never taken for a ticket, always recognised as a setup code
    assert not tickets.looks_like_ticket(text)
    assert setup_code.looks_like_setup_code(text)
    assert checkin.classify_scan(text) != "ticket"


def test_a_misread_code_is_refused_in_plain_words():
    text = setup_code.encode(sample())
    swapped = text[:50] + ("0" if text[50] != "0" else "1") + text[51:]
    for bad in (text[:-3], swapped, "RDS1ABC", "hello"):
        with pytest.raises(setup_code.SetupCodeInvalid) as refused:
            setup_code.decode(bad)
        assert "setup code" in refused.value.message


def test_desk_names_are_desk_n_unique_on_the_hub_and_replace_gives_a_new_token(tmp_path):
    with HubStore(tmp_path / "hub.sqlite") as store:
        assert store.next_desk_name() == "Desk 1"
        old = store.add_desk(store.next_desk_name(), stages=["bergamo-2026"])
        store.add_desk("Desk 3")
        assert store.next_desk_name() == "Desk 2"
        store.bind(store.authenticate(old), "01900000-0000-7000-8000-000000000001")
        new = store.replace_token("Desk 1")
        with pytest.raises(Exception) as refused:
            store.authenticate(old)
        assert getattr(refused.value, "status", None) == 401
        desk = store.authenticate(new)
        assert desk["name"] == "Desk 1" and desk["stages"] == ["bergamo-2026"]
        assert desk["desk_id"] is None  # the new laptop binds it
