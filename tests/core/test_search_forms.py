"""Search finds people the way a clerk types their names (issue 9: "the door is never wrong")."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.core import store
from desktop_app.core.search import fold, one_edit_apart
from desktop_app.core.store import Stage

NAMES = [
    ("Maria", "D'Angelo"),
    ("Paolo", "D’Angelo"),  # typographic apostrophe, as Word and macOS type it
    ("Giulia", "De Luca"),
    ("Søren", "Kierkegård"),
    ("Jürgen", "Müller"),
    ("Björn", "Ørsted"),
    ("Gustav", "Strauß"),
    ("Marco", "Rossi"),
    ("Anna", "Bianchi"),
]


@pytest.fixture
def named(stage):
    return {
        last + first: stage.new_attendee({"first_name": first, "last_name": last})
        for first, last in NAMES
    }


def surnames(stage: Stage, query: str) -> list[str]:
    return [a.last_name for a in stage.search(query)]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("dangelo", ["D'Angelo", "D’Angelo"]),
        ("d angelo", ["D'Angelo", "D’Angelo"]),
        ("d'angelo", ["D'Angelo", "D’Angelo"]),
        ("d’angelo maria", ["D'Angelo"]),
        ("dang", ["D'Angelo", "D’Angelo"]),
        ("angelo", ["D'Angelo", "D’Angelo"]),
        ("deluca", ["De Luca"]),
        ("de luca", ["De Luca"]),
        ("luca", ["De Luca"]),
        ("kierkegaard", ["Kierkegård"]),
        ("kierkegard", ["Kierkegård"]),
        ("Kierkegård", ["Kierkegård"]),
        ("soren", ["Kierkegård"]),
        ("mueller", ["Müller"]),
        ("muller", ["Müller"]),
        ("juergen", ["Müller"]),
        ("bjoern", ["Ørsted"]),
        ("oersted", ["Ørsted"]),
        ("orsted", ["Ørsted"]),
        ("strauss", ["Strauß"]),
    ],
)
def test_search_finds_names_as_typed_on_any_keyboard(stage, named, query, expected):
    assert sorted(surnames(stage, query)) == sorted(expected)


@pytest.mark.parametrize("query", ["rosi", "rossu", "rosis", "orssi", "marco rossu", "rossu marco"])
def test_one_typo_still_finds_the_person(stage, named, query):
    assert surnames(stage, query) == ["Rossi"]


def test_typo_fallback_only_when_nothing_matches_as_typed(stage, named):
    stage.new_attendee({"first_name": "Elena", "last_name": "Rosi"})
    assert surnames(stage, "rosi") == ["Rosi"]  # Rossi is one typo away, but Rosi is exact
    assert surnames(stage, "zzzzz") == []
    assert surnames(stage, "ros") == ["Rosi", "Rossi"]  # a prefix, as typed
    assert surnames(stage, "bx") == []  # too short to guess ("bi" is one typo away)
    assert surnames(stage, "bianchi rossu") == []  # one typo is a fix, two words wrong is not
    assert stage.search("rossu", typos=False) == []  # for a decision that must not guess


def test_one_edit_apart():
    assert one_edit_apart("rosi", "rossi")
    assert one_edit_apart("rossu", "rossi")
    assert one_edit_apart("orssi", "rossi")
    assert one_edit_apart("rossii", "rossi")
    assert not one_edit_apart("rossi", "rossi")
    assert not one_edit_apart("rsi", "rossi")
    assert not one_edit_apart("srosi", "rossi")


def test_fold_keeps_the_apostrophe_the_importer_and_listing_order_rely_on():
    assert fold("D'Angelo") == "d'angelo"  # only the index gains "dangelo"


def test_a_file_indexed_before_opens_reindexed_and_finds_dangelo(stage, named, data_dir, desk):
    """A stage file written before migration 0005 (old index forms, no index version)."""
    slug = stage.info.slug
    path = stage.path
    stage.close()
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT rowid, title, first_name, last_name, company, email, code FROM attendee"
    ).fetchall()
    conn.execute("DELETE FROM attendee_fts")
    for rowid, title, first, last, company, email, code in rows:
        names = " ".join(p for p in (title, first, last) if p)
        old = names if fold(names) == names.casefold() else f"{names} {fold(names)}"
        conn.execute(
            "INSERT INTO attendee_fts (rowid, names, company, email, codes) VALUES (?,?,?,?,?)",
            (rowid, old, company, email, code),
        )
    conn.execute("DROP TABLE search_index")
    conn.execute("DELETE FROM migration WHERE number = 5")  # steps run when not recorded
    conn.commit()
    conn.close()
    old = Stage.open(data_dir, slug, desk)
    try:
        assert sorted(surnames(old, "dangelo")) == ["D'Angelo", "D’Angelo"]
        assert surnames(old, "kierkegaard") == ["Kierkegård"]
        assert surnames(old, "deluca") == ["De Luca"]
        assert old.conn.execute("SELECT version FROM search_index").fetchone()[0] == (
            store.INDEX_VERSION
        )
    finally:
        old.close()
