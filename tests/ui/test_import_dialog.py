"""The import dialog on a real stage file: real CSV files, the real importer, Qt offscreen."""

from __future__ import annotations

import ast
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.core import paths
from desktop_app.ui import import_dialog, workers
from desktop_app.ui.app import install_language
from desktop_app.ui.import_dialog import ImportDialog, open_import_dialog

HEADER = "Nome;Cognome;Azienda;E-mail;Ruolo;Codice interno"
GOOD = [
    "Niccolò;Pàstori;Tessitura Brianzola S.r.l.;n.pastori@example.test;Buyer;INT-7",
    "Ludovica;Fumagalli-Crespi;Fonderie Orobiche;l.fumagalli@example.test;CEO;INT-8",
    "Jürgen;Weiß;Maschinenbau Süd GmbH;j.weiss@example.test;Vertrieb;INT-9",
]


def write_csv(path: Path, lines: list[str]) -> Path:
    """An Italian Excel "save as CSV": semicolons, Windows-1252, CRLF."""
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


@pytest.fixture(autouse=True)
def inline_workers():
    workers.set_inline(True)
    yield
    workers.set_inline(False)


@pytest.fixture
def dialog_for(qtbot, stage, data_dir):
    """dialog_for(path) -> the dialog, shown at a desk laptop's size, with the file loaded."""

    def make(path: Path | None, operator: str = "Giulia") -> ImportDialog:
        dialog = open_import_dialog(stage, data_dir, operator=operator, path=path)
        qtbot.addWidget(dialog)
        dialog.resize(1120, 680)
        qtbot.waitExposed(dialog)
        return dialog

    return make


def problem_lines(dialog: ImportDialog) -> list[str]:
    return [dialog.problems.item(i).text() for i in range(dialog.problems.count())]


def test_the_guessed_mapping_and_a_preview_are_shown(dialog_for, tmp_path):
    demo = shutil.copy(paths.resource("demo", "iscritti_excel_it.csv"), tmp_path / "iscritti.csv")
    dialog = dialog_for(Path(demo))
    chosen = dialog.chosen_mapping()
    assert chosen["first_name"] == "Nome"
    assert chosen["last_name"] == "Cognome"
    assert chosen["company"] == "Ragione sociale"
    assert chosen["vat"] == "Partita IVA"
    assert chosen["email"] == "E-mail"
    assert chosen["external_codes"] == "Codice biglietto"
    assert chosen["full_name"] == ""
    combo = dialog.mapping_combos["last_name"]
    assert combo.currentText() == "Cognome"
    assert combo.itemText(0) == "— not imported —"
    assert dialog.file_label.text() == "iscritti.csv · 14 columns, 8 rows"
    # the first rows, as the organizer knows them (accents read from Windows-1252)
    assert dialog.preview.rowCount() == 5
    assert dialog.preview.horizontalHeaderItem(1).text() == "Nome"
    assert dialog.preview.item(0, 1).text() == "Nicolò"
    assert dialog.preview.item(0, 2).text() == "Bertè"
    assert dialog.extra_label.text() == "No other columns: nothing is kept as extra fields."
    assert dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()


def test_a_check_writes_nothing_and_shows_the_counts(qtbot, dialog_for, stage, people, tmp_path):
    demo = shutil.copy(paths.resource("demo", "iscritti_excel_it.csv"), tmp_path / "iscritti.csv")
    dialog = dialog_for(Path(demo))
    before = stage.event_count()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Check is the default button once a file is read
    assert stage.event_count() == before
    assert dialog.summary_label.text().startswith(
        "Check done: 8 new, 0 updated, 0 unchanged, 0 skipped (from 8 rows)."
    )
    assert "Nothing has been written yet" in dialog.summary_label.text()
    assert dialog.import_button.isEnabled() and dialog.import_button.isDefault()
    assert stage.search("colombo") == []


def test_changing_a_column_changes_what_is_imported(qtbot, dialog_for, stage, tmp_path):
    dialog = dialog_for(write_csv(tmp_path / "iscritti.csv", [HEADER, *GOOD]))
    assert dialog.chosen_mapping()["role"] == "Ruolo"
    assert dialog.chosen_mapping()["notes"] == ""
    assert dialog.extra_label.text() == "Kept as extra fields: Codice interno"
    # "Codice interno" goes to the notes, the role is not imported; a column fills one field
    combo = dialog.mapping_combos["notes"]
    combo.setCurrentIndex(combo.findText("Codice interno"))
    dialog.set_column("role", "")
    assert dialog.extra_label.text() == "Kept as extra fields: Ruolo"
    dialog.set_column("company", "E-mail")
    assert dialog.chosen_mapping()["email"] == ""
    dialog.set_column("email", "E-mail")  # back where it was: the company lets it go
    assert dialog.chosen_mapping()["company"] == ""
    dialog.set_column("company", "Azienda")
    dialog.check()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=2000):
        dialog.import_button.click()
    (person,) = stage.search("fumagalli")
    assert person.notes == "INT-8"
    assert person.role == ""
    assert person.extra == {"Ruolo": "CEO"}
    assert person.company == "Fonderie Orobiche"


def test_changing_a_column_after_a_check_asks_for_another(dialog_for, tmp_path):
    dialog = dialog_for(write_csv(tmp_path / "iscritti.csv", [HEADER, *GOOD]))
    dialog.check()
    assert dialog.import_button.isEnabled()
    dialog.set_column("notes", "Codice interno")
    assert not dialog.import_button.isEnabled()
    assert dialog.summary_label.text() == "The columns changed: check the file again."
    dialog.set_column("first_name", "")
    dialog.set_column("last_name", "")
    assert not dialog.check_button.isEnabled()
    assert dialog.name_warning.isVisible()
    assert "a person needs a name" in dialog.name_warning.text()


def test_a_bad_row_refuses_the_import_and_is_named(qtbot, dialog_for, stage, tmp_path):
    lines = [HEADER, GOOD[0], "Piera;Sangalli;Ottica Lariana;non-una-mail;Titolare;", GOOD[1]]
    lines.append(";;Officina Senza Nome;;;INT-99")
    dialog = dialog_for(write_csv(tmp_path / "iscritti.csv", lines))
    before = stage.event_count()
    dialog.check_button.click()
    assert stage.event_count() == before
    assert dialog.summary_label.text().startswith(
        "2 rows have problems: nothing would be imported."
    )
    assert problem_lines(dialog) == [
        "Problems (2)",
        '✖  Row 3, column "E-mail": the e-mail address is not valid.',
        "✖  Row 5: no first name and no last name.",
    ]
    assert not dialog.import_button.isEnabled()
    # skipping the bad rows imports the good ones
    dialog.skip_bad_rows.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=2000) as signal:
        dialog.import_button.click()
    report = signal.args[0]
    assert (report["created"], report["skipped"], report["dry_run"]) == (2, 2, False)
    assert dialog.summary_label.text().startswith(
        "Imported: 2 new, 0 updated, 0 unchanged, 2 skipped (from 4 rows)."
    )
    assert problem_lines(dialog)[0] == "Rows left out (2)"
    assert [p.last_name for p in stage.search("pastori")] == ["Pàstori"]
    assert stage.search("sangalli") == []
    assert not dialog.import_button.isEnabled() and not dialog.check_button.isEnabled()


def test_a_refused_import_writes_nothing_and_says_why(qtbot, dialog_for, stage, tmp_path):
    path = write_csv(tmp_path / "iscritti.csv", [HEADER, *GOOD])
    dialog = dialog_for(path)
    dialog.check()
    assert dialog.import_button.isEnabled()
    # the file changed on disk after the check: the import refuses, and says so
    write_csv(path, [HEADER, GOOD[0], "Piera;Sangalli;Ottica Lariana;non-una-mail;Titolare;"])
    before = stage.event_count()
    with qtbot.assertNotEmitted(dialog.imported):
        dialog.import_button.click()
    assert stage.event_count() == before
    assert dialog.summary_label.text().startswith("Nothing was imported: 1 row has a problem.")
    assert '✖  Row 3, column "E-mail": the e-mail address is not valid.' in problem_lines(dialog)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "The file lista.csv is empty."),
        (b"\x00\x01\x02\xff" * 200, "lista.csv is not a text file (it contains binary data)."),
        (b";;;\r\n;;\r\n", "The file lista.csv is empty (no rows)."),
    ],
)
def test_an_empty_or_binary_file_shows_the_plain_error(dialog_for, tmp_path, content, words):
    path = tmp_path / "lista.csv"
    path.write_bytes(content)
    dialog = dialog_for(path)
    assert dialog.summary_label.text().startswith(words)
    assert "Traceback" not in dialog.summary_label.text()
    assert not dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()
    assert dialog.preview.columnCount() == 0


def test_an_import_fills_the_stage_and_tells_the_window(qtbot, dialog_for, stage, tmp_path):
    dialog = dialog_for(write_csv(tmp_path / "iscritti.csv", [HEADER, *GOOD]), operator="Paolo")
    dialog.check()
    with qtbot.waitSignal(dialog.imported, timeout=2000) as signal:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Import is the default after a clean check
    assert signal.args[0]["created"] == 3 and signal.args[0]["ok"]
    # accent-insensitive, as at the desk
    (person,) = stage.search("niccolo pastori")
    assert (person.first_name, person.last_name) == ("Niccolò", "Pàstori")
    assert [p.last_name for p in stage.search("weiss")] == ["Weiß"]
    assert person.extra == {"Codice interno": "INT-7"}
    assert list(stage.events())[-1].operator == "Paolo"
    assert dialog.close_button.isDefault()
    # importing the same list again writes nothing and does not ask the window to refresh
    again = dialog_for(tmp_path / "iscritti.csv")
    again.check()
    assert again.summary_label.text().startswith("Check done: 0 new, 0 updated, 3 unchanged")
    with qtbot.assertNotEmitted(again.imported):
        again.run_import()


def test_the_work_runs_on_a_worker_thread(qtbot, dialog_for, stage, tmp_path):
    workers.set_inline(False)
    dialog = dialog_for(write_csv(tmp_path / "iscritti.csv", [HEADER, *GOOD]))
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=5000)
    dialog.check()
    assert dialog.busy and dialog.busy_bar.isVisible()
    assert dialog.busy_label.text() == "Checking the file…"
    dialog.reject()  # not while a job runs
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        dialog.run_import()
    assert len(stage.search("fumagalli")) == 1
    assert not dialog.busy_bar.isVisible()
    assert workers.wait_idle()


def test_italian(qtbot, dialog_for, desk_settings, data_dir, tmp_path):
    desk_settings.set("ui/language", "it")
    install_language(QApplication.instance(), desk_settings, data_dir / "cache")
    try:
        lines = [HEADER, GOOD[0], "Piera;Sangalli;Ottica Lariana;non-una-mail;Titolare;"]
        dialog = dialog_for(write_csv(tmp_path / "iscritti.csv", lines))
        assert dialog.windowTitle() == "Importa elenco iscritti"
        assert dialog.mapping_combos["first_name"].itemText(0) == "— non importato —"
        assert dialog.file_label.text() == "iscritti.csv · 6 colonne, 2 righe"
        assert dialog.extra_label.text() == "Conservate come campi aggiuntivi: Codice interno"
        dialog.check()
        assert dialog.summary_label.text().startswith(
            "1 riga ha un problema: non verrebbe importato nulla."
        )
        assert problem_lines(dialog)[1] == (
            '✖  Riga 3, colonna "E-mail": l\'indirizzo e-mail non è valido.'
        )
        empty = tmp_path / "vuoto.csv"
        empty.write_bytes(b"")
        dialog.load_file(empty)
        assert dialog.summary_label.text() == "Il file vuoto.csv è vuoto."
    finally:
        desk_settings.set("ui/language", "en")
        install_language(QApplication.instance(), desk_settings, data_dir / "cache")


def _dialog_strings() -> set[str]:
    tree = ast.parse(Path(import_dialog.__file__).read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "_tr"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(node.args[0].value)
    found.update(import_dialog._FILE_ERRORS.values())  # the importer's file errors
    for node in ast.walk(tree):  # the row problems' templates
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "_CODES":
            for entry in ast.literal_eval(node.value).values():
                found.add(entry[0])  # the row problems' templates, by code
    return found


def test_every_string_has_an_italian_translation():
    catalog = ET.parse(paths.resource("i18n", "modules_it.ts")).getroot()
    (context,) = [c for c in catalog.iter("context") if c.findtext("name") == "ImportDialog"]
    translated = {
        m.findtext("source"): m.findtext("translation")
        for m in context.iter("message")
        if m.find("translation").get("type") is None
    }
    wanted = _dialog_strings()
    assert len(wanted) > 60
    missing = sorted(s for s in wanted if not translated.get(s))
    assert missing == []
    assert sorted(set(translated) - wanted) == []  # no stale ones either
    # the Italian keeps every placeholder of the English
    for source, italian in translated.items():
        for n in range(1, 6):
            assert (f"%{n}" in source) == (f"%{n}" in italian), source


def test_the_importer_errors_are_said_from_their_reason(tmp_path):
    # no translator: say() gives back the importer's own words, built from the reason alone
    from desktop_app.core.errors import ImportFailed
    from desktop_app.core.importer import FILE_ERRORS, read_table

    for name, content in (("a.csv", b""), ("b.csv", b"\x00\x01" * 300), ("c.ods", b"PK\x03\x04")):
        path = tmp_path / name
        path.write_bytes(content + (b"opendocument" if name.endswith("ods") else b""))
        with pytest.raises(ImportFailed) as caught:
            read_table(path)
        error = caught.value
        assert error.details["reason"] in FILE_ERRORS and error.details["params"] == [name]
        assert import_dialog.say(error) == error.message


def test_people_no_longer_in_the_list_are_named_and_cancelled_only_when_ticked(
    qtbot, dialog_for, stage, tmp_path
):
    full = write_csv(tmp_path / "iscritti.csv", [HEADER, *GOOD])
    dialog = dialog_for(full)
    dialog.check()
    dialog.run_import()
    assert len(stage.attendees()) == 3
    shorter = write_csv(tmp_path / "iscritti-2.csv", [HEADER, GOOD[0]])
    dialog = dialog_for(shorter)
    dialog.check()
    lines = problem_lines(dialog)
    assert "No longer in the list (2)" in lines
    assert any("Ludovica Fumagalli-Crespi" in line for line in lines)
    assert "2 people are no longer in the list" in dialog.summary_label.text()
    assert dialog.cancel_missing.isVisible() and not dialog.cancel_missing.isChecked()
    dialog.cancel_missing.setChecked(True)
    dialog.run_import()
    assert "Cancelled the 2 people no longer in the list." in dialog.summary_label.text()
    cancelled = sorted(a.last_name for a in stage.attendees() if a.cancelled)
    assert cancelled == ["Fumagalli-Crespi", "Weiß"]


def test_a_check_does_not_cancel_anyone_unticked(qtbot, dialog_for, stage, tmp_path):
    dialog = dialog_for(write_csv(tmp_path / "a.csv", [HEADER, *GOOD]))
    dialog.check()
    dialog.run_import()
    dialog = dialog_for(write_csv(tmp_path / "b.csv", [HEADER, GOOD[0]]))
    dialog.check()
    dialog.run_import()  # the box left unticked
    assert not any(a.cancelled for a in stage.attendees())


def test_row_warnings_are_said_from_their_code_in_italian(
    qtbot, dialog_for, desk_settings, data_dir, tmp_path
):
    desk_settings.set("ui/language", "it")
    install_language(QApplication.instance(), desk_settings, data_dir / "cache")
    try:
        lines = [HEADER, "Ma?gorzata;Kowalska;Polmet;m.k@example.test;CEO;", 'Ada;"Byron;X;;;']
        dialog = dialog_for(write_csv(tmp_path / "iscritti.csv", [*lines, "A;B;C;;;"]))
        dialog.check()
        shown = problem_lines(dialog)
        assert any(
            'Riga 3, colonna "Cognome": in questa cella si apre una virgoletta' in s for s in shown
        )
        assert (
            "⚠  Riga 2, colonna \"Nome\": sono andati persi dei caratteri (un '?' al posto di "
            "una lettera): controllate come si scrive." in shown
        )
    finally:
        desk_settings.set("ui/language", "en")
        install_language(QApplication.instance(), desk_settings, data_dir / "cache")
