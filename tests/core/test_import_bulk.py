"""A big import takes the stage's bulk path; what it stores is what the events say, exactly as a
desk that receives the same events one by one stores them."""

from __future__ import annotations

import csv

from desktop_app.core.desk import Desk
from desktop_app.core.importer import import_file
from desktop_app.core.store import Stage

HEADERS = ["Titolo", "Nome", "Cognome", "Azienda", "E-mail", "Categoria", "Codice biglietto",
           "Paese di interesse", "Note", "Stato", "Dieta", "Settore"]  # fmt: skip


def _rows(n: int):
    for i in range(n):
        yield [
            "Dott." if i % 7 == 0 else "",
            ["Nicolò", "Zoë", "Łukasz", "Mario"][i % 4],
            ["Bertè", "De Luca", "Ørsted", f"Rossi{i}"][i % 4],
            f"Azienda {i % 13} S.r.l." if i % 5 else "",
            f"p{i}@example.test" if i % 3 else "",
            ["Impresa", "Relatore", "Stampa", ""][i % 4],
            f"IT-{i:05d}" + (f" ALT-{i}" if i % 11 == 0 else ""),
            "India; Brasile" if i % 2 else "",
            "vegetariana" if i % 9 == 0 else "",
            "Cancelled" if i % 17 == 0 else "Paid",
            "senza glutine" if i % 6 == 0 else "",
            "ICT" if i % 4 else "",
        ]


def _state(stage: Stage) -> dict[str, list[tuple]]:
    conn = stage.conn
    return {
        "attendee": conn.execute(
            "SELECT * FROM attendee ORDER BY id"
        ).fetchall(),  # every column: defaults, stored JSON, clocks, sort names
        "fts": conn.execute(
            "SELECT a.id, f.names, f.company, f.email, f.codes FROM attendee_fts f "
            "JOIN attendee a ON a.rowid = f.rowid ORDER BY a.id"
        ).fetchall(),
        "external_code": conn.execute(
            "SELECT * FROM external_code ORDER BY code, attendee_id"
        ).fetchall(),
    }


def test_a_big_import_stores_what_the_events_replayed_one_by_one_store(stage, tmp_path):
    n = 2500  # past the point where people of different columns share one insert
    path = tmp_path / "iscritti.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(HEADERS)
        writer.writerows(_rows(n))
    report = import_file(stage, path)
    assert report.ok and report.created == n, report.summary()

    replayed = Stage.from_events(tmp_path / "replayed.sqlite", Desk("r", "R"), list(stage.events()))
    try:
        bulk, one_by_one = _state(stage), _state(replayed)
        for table in bulk:
            assert bulk[table] == one_by_one[table], table
        assert len(bulk["attendee"]) == n
        assert stage.digest() == replayed.digest()
        # and the search finds them the way a clerk types
        assert stage.search("orsted")
        assert stage.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        replayed.close()
