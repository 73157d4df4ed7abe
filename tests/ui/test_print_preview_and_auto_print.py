"""Printing: the "ask each time" PDF preview (F3 with no printer chosen),
automatic printing that never stops the desk with a modal box, the settings that refuse
automatic printing without a printer, Qt's own words in Italian, Italian layout titles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPrintSupport")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtPrintSupport import QPrintDialog  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from desktop_app.badges import layout_names, load_layout  # noqa: E402
from desktop_app.badges.layout import LayoutInvalid  # noqa: E402
from desktop_app.ui import i18n, text  # noqa: E402
from desktop_app.ui.printing import (  # noqa: E402
    BadgePdfPreview,
    BatchPrintDialog,
    layout_title,
    pdf_page_sizes_mm,
    print_badge,
)
from desktop_app.ui.settings import Settings  # noqa: E402
from desktop_app.ui.settings_dialog import SettingsDialog  # noqa: E402

from ..badges.helpers import page_count  # noqa: E402


@pytest.fixture
def settings(tmp_path):
    s = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    s.set("badges/printer", "")  # the default: ask each time / save as PDF
    s.set("badges/layout", "a6-portrait")
    return s


@pytest.fixture
def desk_window(qtbot):
    """A window standing for the desk: it shows notices like the real one."""

    class Window(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.notices: list[str] = []

        def show_notice(self, message: str) -> None:
            self.notices.append(message)

    window = Window()
    qtbot.addWidget(window)
    window.show()
    return window


def _desk_language(language: str, cache_dir: Path) -> None:
    from desktop_app.ui.app import install_language

    chosen = Settings(QSettings(str(cache_dir / "language.ini"), QSettings.Format.IniFormat))
    chosen.set("ui/language", language)
    install_language(QApplication.instance(), chosen, cache_dir)


@pytest.fixture(autouse=True)
def english(qapp, tmp_path):
    """Every test starts with the desk in English (another test may have left Italian)."""
    _desk_language("en", tmp_path)
    yield
    _desk_language("en", tmp_path)


@pytest.fixture
def italian(tmp_path):
    """The desk in Italian for one test: the locale, Qt's words and the desk's."""
    _desk_language("it", tmp_path)


def _visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def _preview(outcome) -> BadgePdfPreview:
    dialog = outcome.dialog
    assert isinstance(dialog, BadgePdfPreview) and dialog.isVisible()
    return dialog


def _visible_print_dialogs() -> list[QPrintDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog) and w.isVisible()
    ]


US_LETTER_MM = (215.9, 279.4)


# --- 1. F3 with "ask each time / save as PDF": a PDF preview on the layout's page ------------


@pytest.mark.parametrize("layout_name", ["a6-portrait", "cr80-card", "label-62x100"])
def test_f3_with_no_printer_opens_a_pdf_preview_on_the_layout_s_page(
    qtbot, stage, people, data_dir, settings, desk_window, tmp_path, layout_name
):
    settings.set("badges/layout", layout_name)
    layout = load_layout(layout_name, data_dir)
    person = people[1]
    done = []
    outcome = print_badge(
        stage, person, parent=desk_window, settings=settings, data_dir=data_dir, on_done=done.append
    )
    # the desk does not wait: a preview of the badge, no print dialog, nothing recorded yet
    assert not outcome.ok and "preview" in outcome.message
    preview = _preview(outcome)
    assert _visible_print_dialogs() == []
    assert preview.windowTitle() == f"Badge of {person.display_name}"
    expected = (layout.page_w, layout.page_h)
    assert preview.page_sizes_mm[0] == pytest.approx(expected, abs=0.5)
    assert preview.page_sizes_mm[0] != pytest.approx(US_LETTER_MM, abs=1)
    assert preview.page_labels and not preview.page_labels[0].pixmap().isNull()
    assert stage.attendee(person.id).badge_prints == 0
    # the operator saves the badge as a PDF where they want it, through Qt's file dialog
    preview.save_button.click()
    files = preview.file_dialog
    assert isinstance(files, QFileDialog) and files.isVisible()
    target = tmp_path / "desk-badge.pdf"
    files.selectFile(str(target))
    files.accept()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done[0].ok, done[0].message
    assert page_count(target.read_bytes()) == 1
    assert pdf_page_sizes_mm(target.read_bytes())[0] == pytest.approx(expected, abs=0.5)
    assert stage.attendee(person.id).badge_prints == 1
    assert [e.kind for e in stage.unsynced_events()].count("badge_printed") == 1
    assert str(target) in done[0].message
    assert _visible_boxes() == [] and not preview.isVisible()


def test_the_preview_suggests_a_pdf_file_and_tells_the_window(
    qtbot, stage, people, data_dir, settings, desk_window
):
    person = people[0]
    outcome = print_badge(stage, person, parent=desk_window, settings=settings, data_dir=data_dir)
    preview = _preview(outcome)
    preview.save_button.click()
    suggested = Path.home() / f"badge-{person.code}.pdf"
    assert preview.file_dialog.selectedFiles() == [str(suggested)]
    preview.file_dialog.accept()
    qtbot.waitUntil(lambda: bool(desk_window.notices), timeout=5000)
    assert desk_window.notices == [f"Badge printed ({suggested})."]
    assert page_count(suggested.read_bytes()) == 1
    assert stage.attendee(person.id).badge_prints == 1


def test_closing_the_preview_records_nothing(qtbot, stage, people, data_dir, settings, desk_window):
    person = people[2]
    done = []
    outcome = print_badge(
        stage, person, parent=desk_window, settings=settings, data_dir=data_dir, on_done=done.append
    )
    _preview(outcome).close_button.click()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert not done[0].ok and "no printer chosen" in done[0].message
    assert stage.attendee(person.id).badge_prints == 0
    assert "badge_printed" not in [e.kind for e in stage.unsynced_events()]
    assert not (Path.home() / f"badge-{person.code}.pdf").exists()
    # and it can be asked again
    again = done[0].retry()
    _preview(again).reject()


def test_the_preview_and_qt_s_file_dialog_speak_italian(
    qtbot, stage, people, data_dir, settings, desk_window, italian
):
    outcome = print_badge(
        stage, people[0], parent=desk_window, settings=settings, data_dir=data_dir
    )
    preview = _preview(outcome)
    assert preview.windowTitle().startswith("Badge di ")
    assert preview.save_button.text() == "Salva come PDF…"
    assert preview.close_button.text() == "Chiudi"
    assert "pagina 105 × 148 mm" in preview.page_label.text()
    preview.save_button.click()
    words = {b.text() for b in preview.file_dialog.findChildren(QPushButton)}
    assert "Annulla" in words and "Cancel" not in words
    preview.file_dialog.reject()
    preview.reject()


# --- 2. automatic printing never stops the desk with a modal box ----------------------------


@pytest.mark.parametrize("printer", ["", "No Such Printer"])
def test_automatic_print_failure_is_returned_not_shown_in_a_modal_box(
    qtbot, stage, people, data_dir, settings, desk_window, printer
):
    settings.set("badges/printer", printer)
    settings.set("badges/auto_print", True)
    for person in people[:2]:  # a box per check-in would hold the queue
        outcome = print_badge(
            stage, person, parent=desk_window, settings=settings, data_dir=data_dir, auto=True
        )
        assert not outcome.ok and outcome.message and outcome.retry is not None
        qtbot.wait(20)
        assert QApplication.activeModalWidget() is None
        assert _visible_boxes() == []
        assert desk_window.findChildren(QMessageBox) == []
        assert stage.attendee(person.id).badge_prints == 0
    assert "No badge printer" in outcome.message or "No Such Printer" in outcome.message


def test_settings_refuse_automatic_printing_without_a_printer(qtbot, stage, data_dir, settings):
    dialog = SettingsDialog(None, settings, data_dir, stage)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.printer.currentData() == ""
    dialog.auto_print.setChecked(True)
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.badges_error.isVisible()
    assert "choose the badge printer" in dialog.badges_error.text()
    assert not dialog.sync_error.isVisible()
    # without automatic printing there is nothing to refuse
    dialog.auto_print.setChecked(False)
    dialog.accept()
    assert not dialog.isVisible() and not dialog.badges_error.isVisible()


def test_settings_accept_automatic_printing_with_a_printer(qtbot, stage, data_dir, settings):
    settings.set("badges/printer", "Front desk Zebra")  # chosen earlier, not connected now
    dialog = SettingsDialog(None, settings, data_dir, stage)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.auto_print.setChecked(True)
    dialog.accept()
    assert not dialog.isVisible()
    dialog.save()
    assert (
        settings.get("badges/auto_print") and settings.get("badges/printer") == "Front desk Zebra"
    )


def test_the_settings_refusal_is_in_italian(qtbot, stage, data_dir, settings, italian):
    dialog = SettingsDialog(None, settings, data_dir, stage)
    qtbot.addWidget(dialog)
    dialog.auto_print.setChecked(True)
    dialog.accept()
    assert dialog.badges_error.text() == (
        "Per stampare il badge all'ingresso, scegli la stampante dei badge."
    )


# --- 3. Qt's own words in Italian ------------------------------------------------------------


def test_qt_standard_buttons_read_italian(qtbot, italian):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Chiudi"
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annulla"


def test_english_desk_keeps_qt_s_english(qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Close"


# --- 4. layout titles in Italian -------------------------------------------------------------


def test_every_shipped_layout_has_an_italian_title(data_dir):
    for name in layout_names(data_dir):
        layout = load_layout(name, data_dir)
        assert layout.title_it and layout.title_it != layout.title, name


def test_layout_title_follows_the_desk_language(italian):
    layout = load_layout("a6-portrait")
    assert layout_title(layout) == "A6 verticale (con cordino), uno per pagina"
    text.set_locale(i18n.locale_for("en"))
    assert layout_title(layout) == "A6 portrait (lanyard), one per page"


def test_a_layout_without_an_italian_title_shows_its_title(tmp_path, italian):
    data = json.loads(_shipped_json("a6-portrait"))
    del data["title_it"]
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), "utf-8")
    assert layout_title(load_layout(str(path))) == data["title"]
    data["title_it"] = 5
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(LayoutInvalid, match="title_it"):
        load_layout(str(path))


def test_layout_combos_show_italian_titles(qtbot, stage, people, data_dir, settings, italian):
    batch = BatchPrintDialog(stage, data_dir, settings=settings)
    qtbot.addWidget(batch)
    titles = [batch.layout_box.itemText(i) for i in range(batch.layout_box.count())]
    assert "A6 verticale (con cordino), uno per pagina" in titles
    assert batch.layout_box.currentData() == "a6-portrait"
    dialog = SettingsDialog(None, settings, data_dir, stage)
    qtbot.addWidget(dialog)
    assert dialog.badge_layout.currentText() == "A6 verticale (con cordino), uno per pagina"
    assert dialog.badge_layout.findText("Etichette in rotolo 62 x 100 mm (Brother QL)") >= 0


def _shipped_json(name: str) -> str:
    from desktop_app.core import paths

    return paths.resource("badges", f"{name}.json").read_text("utf-8")
