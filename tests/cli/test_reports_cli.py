"""The managers' commands: export, report, session, stage purge, erase."""

from __future__ import annotations

import csv
import io
import json

import pypdf
import pytest
from openpyxl import load_workbook

from desktop_app.cli import main
from desktop_app.core.desk import load_desk
from desktop_app.core.store import Stage, stage_path


def realistic_stage(data_dir: str, slug: str, size: int) -> None:
    """The demo's synthetic people on a stage that is not marked as a demo (a demo stage
    never syncs and no report counts it)."""
    from pathlib import Path

    from desktop_app.core.demo import ensure_demo_stage

    Path(data_dir).mkdir(parents=True, exist_ok=True)
    assert ensure_demo_stage(Path(data_dir), load_desk(Path(data_dir)), slug, size, marked=False)[1]


@pytest.fixture
def dd(tmp_path, capsys) -> str:
    path = str(tmp_path / "data")
    realistic_stage(path, "demo", 40)
    return path


def test_export_csv_default_semicolon_and_comma(cli_json, dd, tmp_path):
    out = tmp_path / "list.csv"
    code, data = cli_json(
        "export", "demo", "--format", "csv", "--out", out, "--data-dir", dd, "--json"
    )
    assert code == 0 and data["rows"] == 40 and data["checked_in"] == 16
    text = out.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 40 and "Checked in" in rows[0] and "First arrival" in rows[0]
    assert sum(r["Checked in"] == "yes" for r in rows) == 16
    code, data = cli_json(
        "--json",
        "--data-dir",
        dd,
        "export",
        "demo",
        "--format",
        "csv",
        "--out",
        out,
        "--delimiter",
        ",",
        "--checked-in-only",
        "--columns",
        "last_name,first_name,desk",
    )
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=","))
    assert list(rows[0]) == ["Last name", "First name", "Desk"] and len(rows) == 16


def test_export_xlsx_and_pdf_by_category_and_session(cli_json, dd, tmp_path):
    code, data = cli_json("--json", "--data-dir", dd, "session", "list", "demo")
    workshop = next(s for s in data["sessions"] if s["name"].startswith("Workshop"))
    code, _ = cli_json(
        "--json",
        "--data-dir",
        dd,
        "checkin",
        "demo",
        _code_of(dd, 0),
        "--session",
        workshop["id"],
    )
    assert code == 0
    out = tmp_path / "list.xlsx"
    code, data = cli_json(
        "--json",
        "--data-dir",
        dd,
        "export",
        "demo",
        "--format",
        "xlsx",
        "--out",
        out,
        "--category",
        "company",
    )
    assert code == 0
    book = load_workbook(out)
    assert book.sheetnames == ["Attendees", "Sessions", "Summary"]
    assert {r[6] for r in book["Attendees"].iter_rows(min_row=2, values_only=True)} == {"Company"}
    out = tmp_path / "session.pdf"
    code, data = cli_json(
        "--json",
        "--data-dir",
        dd,
        "export",
        "demo",
        "--format",
        "pdf",
        "--out",
        out,
        "--session",
        workshop["id"],
        "--signature",
        "--lang",
        "it",
    )
    assert code == 0 and data["rows"] == 1 and data["session_id"] == workshop["id"]
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert "Firma" in text and "Pagina 3 di 3" in text


def _code_of(dd, index):
    from pathlib import Path

    desk = load_desk(Path(dd))
    with Stage.open(Path(dd), "demo", desk) as stage:
        return stage.attendees()[index].code


def _absent_code(dd):
    from pathlib import Path

    with Stage.open(Path(dd), "demo", load_desk(Path(dd))) as stage:
        return next(a.code for a in stage.attendees() if not a.checked_in)


def test_export_refusals_exit_1_with_plain_words(cli_json, capsys, dd, tmp_path):
    code, data = cli_json(
        "--json",
        "--data-dir",
        dd,
        "export",
        "demo",
        "--format",
        "csv",
        "--out",
        tmp_path / "x.csv",
        "--columns",
        "name,shoe",
    )
    assert code == 1 and "shoe" in data["error"]["message"]
    code, data = cli_json(
        "--json",
        "--data-dir",
        dd,
        "export",
        "nowhere",
        "--format",
        "csv",
        "--out",
        tmp_path / "x.csv",
    )
    assert code == 1 and data["error"]["code"] == "stage_not_found"
    with pytest.raises(SystemExit) as usage:
        main(["--json", "--data-dir", dd, "export", "demo", "--format", "doc", "--out", "x.doc"])
    assert usage.value.code == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "usage"


def test_report_stage_says_numbers_are_not_known_to_be_final(cli_json, capsys, dd):
    code, data = cli_json("--json", "--data-dir", dd, "report", "stage", "demo")
    assert code == 0 and data["registered"] == 40 and data["checked_in"] == 16
    assert data["final"]["state"] == "unknown"
    main(["--data-dir", dd, "report", "stage", "demo"])
    assert "numbers final: not known" in capsys.readouterr().out


def test_report_series_over_the_data_dir(cli_json, dd, tmp_path):
    realistic_stage(dd, "second", 20)
    # the demo stage's made-up people are never counted
    code, _ = cli_json("--json", "--data-dir", dd, "demo", "--size", 30)
    out = tmp_path / "series.xlsx"
    code, data = cli_json("--json", "--data-dir", dd, "report", "series", "--out", out)
    assert code == 0 and data["stages"] == 2 and data["registered"] == 60
    assert load_workbook(out).sheetnames[:2] == ["Overview", "Stages"]


def test_session_add_list_import(cli_json, dd, tmp_path):
    code, data = cli_json(
        "--json",
        "--data-dir",
        dd,
        "session",
        "add",
        "demo",
        "--name",
        "Networking",
        "--kind",
        "networking",
        "--room",
        "Foyer",
        "--start",
        "17:00",
        "--end",
        "18:30",
        "--capacity",
        "80",
    )
    assert code == 0 and data["session"]["capacity"] == 80
    file = tmp_path / "s.csv"
    file.write_text("Nome;Sala;Inizio;Fine\nCena di gala;Villa;20:00;23:00\n", encoding="utf-8")
    code, data = cli_json("--json", "--data-dir", dd, "session", "import", "demo", file)
    assert data == {"created": 1, "updated": 0, "unchanged": 0}
    code, data = cli_json("--json", "--data-dir", dd, "session", "list", "demo")
    assert {"Networking", "Cena di gala"} <= {s["name"] for s in data["sessions"]}
    code, data = cli_json(
        "--json",
        "--data-dir",
        dd,
        "session",
        "add",
        "demo",
        "--name",
        "X",
        "--capacity",
        "lots",
    )
    assert code == 1 and "not a number" in data["error"]["message"]


def test_stage_purge_refuses_while_unsynced_then_force(cli_json, dd):
    from pathlib import Path

    code, data = cli_json("--json", "--data-dir", dd, "stage", "purge", "demo")
    assert code == 1 and data["error"]["code"] == "unsynced_events"
    assert "16 check-in(s)" in data["error"]["message"]
    assert stage_path(Path(dd), "demo").exists()
    code, data = cli_json("--json", "--data-dir", dd, "stage", "purge", "demo", "--force")
    assert code == 0 and data["lost"] == data["events"] and data["lost_by_kind"]["checkin"] == 16
    assert not stage_path(Path(dd), "demo").exists()
    code, data = cli_json("--json", "--data-dir", dd, "stage", "list")
    assert data["stages"] == []


def test_stage_purge_after_the_hub_acknowledged_everything(capsys, dd):
    from pathlib import Path

    desk = load_desk(Path(dd))
    with Stage.open(Path(dd), "demo", desk) as stage:
        stage.mark_acknowledged([(e.id, i + 1) for i, e in enumerate(stage.events())])
    main(["--data-dir", dd, "stage", "purge", "demo"])
    assert "The hub holds every one of them" in capsys.readouterr().out
    assert not stage_path(Path(dd), "demo").exists()


def test_erase_blanks_a_person(cli_json, dd, tmp_path):
    code = _code_of(dd, 0)
    rc, data = cli_json("--json", "--data-dir", dd, "erase", "demo", code)
    assert rc == 0 and data["redacted"] and data["code"] == code
    rc, data = cli_json("--json", "--data-dir", dd, "erase", "demo", code)
    assert rc == 1 and "already erased" in data["error"]["message"]
    rc, data = cli_json("--json", "--data-dir", dd, "erase", "demo", "NOPE000000")
    assert rc == 1 and data["error"]["code"] == "attendee_not_found"
    out = tmp_path / "list.csv"
    cli_json(
        "--json",
        "--data-dir",
        dd,
        "export",
        "demo",
        "--format",
        "csv",
        "--out",
        out,
        "--columns",
        "code,last_name,email",
    )
    rows = {
        r["Code"]: r
        for r in csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";")
    }
    assert rows[code]["Last name"] == "(erased)" and rows[code]["Email"] == ""


def test_series_and_finality_from_the_hub_database(cli_json, dd, tmp_path):
    file, hub = tmp_path / "demo.stage", tmp_path / "hub.sqlite"
    assert cli_json("--json", "--data-dir", dd, "stage", "export", "demo", "--out", file)[0] == 0
    assert cli_json("--json", "hub", "import", "--db", hub, file)[0] == 0
    out = tmp_path / "hub-series.xlsx"
    code, data = cli_json("--json", "report", "series", "--hub-db", hub, "--out", out)
    assert code == 0 and data["stages"] == 1 and data["registered"] == 40
    code, data = cli_json("--json", "--data-dir", dd, "report", "stage", "demo", "--hub-db", hub)
    # the hub holds every event, but this desk never synced: not final, and it says why
    assert code == 0 and data["final"]["state"] == "not_final" and data["final"]["reasons"]
    code, data = cli_json(
        "--json", "report", "series", "--hub-db", tmp_path / "no.sqlite", "--out", out
    )
    assert code == 1


def test_numbers_are_final_once_every_desk_synced_with_a_real_hub(cli_json, dd, tmp_path):
    from desktop_app.sync.hub import HubThread

    with HubThread(tmp_path / "hub.sqlite") as hub:
        admin = hub.store.add_desk("Organizer", admin=True)
        code, data = cli_json(
            "--json",
            "--data-dir",
            dd,
            "report",
            "stage",
            "demo",
            "--hub",
            hub.url,
            "--token",
            admin,
        )
        assert code == 1  # the hub has no such stage yet: plain words, not a traceback
        code, out = cli_json(
            "--json", "--data-dir", dd, "sync", "demo", "--hub", hub.url, "--token", admin
        )
        assert code == 0 and out["unsynced"] == 0
        code, data = cli_json(
            "--json",
            "--data-dir",
            dd,
            "report",
            "stage",
            "demo",
            "--hub",
            hub.url,
            "--token",
            admin,
        )
        assert code == 0 and data["final"]["state"] == "final", data["final"]
        code, out = cli_json("--json", "--data-dir", dd, "checkin", "demo", _absent_code(dd))
        assert out["status"] == "checked_in"
        code, data = cli_json(
            "--json",
            "--data-dir",
            dd,
            "report",
            "stage",
            "demo",
            "--hub",
            hub.url,
            "--token",
            admin,
        )
        assert data["final"]["state"] == "not_final"
        assert "not acknowledged" in " ".join(data["final"]["reasons"])
