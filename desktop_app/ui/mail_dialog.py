"""Ticket e-mails from the window: Stage ▸ Send tickets… (who gets it, a progress bar, stop,
the run's summary), Stage ▸ Resend ticket (the person selected at the desk) and Desk ▸ Mail
server… (SMTP host, port, security, login, password, sender, rate limit).

The sending runs on the thread pool with its own connection to the stage; the dialog stays
responsive. Words translate through `_tr` (context "mail", kept in modules_it.ts).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.desk import Desk
from desktop_app.core.errors import RoadshowError
from desktop_app.core.model import Attendee
from desktop_app.core.store import Stage
from desktop_app.mail import SECURITY_MODES, SendResult, SmtpConfig, plan_run
from desktop_app.mail.run import resend_one, send_run
from desktop_app.ui import workers
from desktop_app.ui.settings import Settings


def _tr(text: str) -> str:
    return QCoreApplication.translate("mail", text)


def config_from_settings(settings: Settings) -> SmtpConfig:
    return SmtpConfig(
        host=settings.get("mail/smtp_host"),
        port=settings.get("mail/smtp_port"),
        security=settings.get("mail/smtp_security"),
        user=settings.get("mail/smtp_user"),
        password=settings.get("mail/smtp_password"),
        from_address=settings.get("mail/from_address"),
        sender_name=settings.get("mail/sender_name"),
        rate_per_minute=settings.get("mail/rate_per_minute"),
    )


def result_text(result: SendResult) -> str:
    lines = [
        _tr("Sent %1 of %2 e-mails.")
        .replace("%1", str(result.sent))
        .replace("%2", str(result.planned))
    ]
    if result.failed:
        lines.append(
            _tr("%1 refused by the mail server (retry them with “Only retry failures”):").replace(
                "%1", str(len(result.failed))
            )
        )
        lines += [f"  {f['code']}: {f['answer']}" for f in result.failed[:10]]
    if result.in_doubt:
        lines.append(
            _tr(
                "In doubt, not sent again automatically (the app or the connection stopped "
                "while sending): %1"
            ).replace("%1", ", ".join(result.in_doubt[:10]))
        )
    if result.server_error:
        lines.append(_tr("Stopped: %1").replace("%1", result.server_error))
    elif result.stopped:
        lines.append(_tr("Stopped before the end: send again to reach the others."))
    return "\n".join(lines)


class MailSettingsDialog(QDialog):
    """Desk ▸ Mail server…: the organizer's SMTP server."""

    def __init__(self, parent: QWidget | None, settings: Settings) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(_tr("Mail server"))
        form = QFormLayout()
        self.host = QLineEdit(settings.get("mail/smtp_host"), self)
        self.host.setPlaceholderText("smtp.example.org")
        self.security = QComboBox(self)
        for mode, label in (
            ("starttls", _tr("STARTTLS (port 587)")),
            ("ssl", _tr("SSL/TLS (port 465)")),
            ("none", _tr("None (local relay only)")),
        ):
            self.security.addItem(label, mode)
        self.security.setCurrentIndex(
            max(0, self.security.findData(settings.get("mail/smtp_security")))
        )
        self.port = QSpinBox(self)
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(_tr("usual"))
        self.port.setValue(settings.get("mail/smtp_port"))
        self.user = QLineEdit(settings.get("mail/smtp_user"), self)
        self.password = QLineEdit(settings.get("mail/smtp_password"), self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.from_address = QLineEdit(settings.get("mail/from_address"), self)
        self.from_address.setPlaceholderText("segreteria@example.org")
        self.sender_name = QLineEdit(settings.get("mail/sender_name"), self)
        self.rate = QSpinBox(self)
        self.rate.setRange(0, 10000)
        self.rate.setSpecialValueText(_tr("no limit"))
        self.rate.setSuffix(_tr(" per minute"))
        self.rate.setValue(settings.get("mail/rate_per_minute"))
        self.language = QComboBox(self)
        self.language.addItem("Italiano", "it")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(
            max(0, self.language.findData(settings.get("mail/default_language")))
        )
        form.addRow(_tr("Mail server (SMTP)"), self.host)
        form.addRow(_tr("Security"), self.security)
        form.addRow(_tr("Port"), self.port)
        form.addRow(_tr("Login"), self.user)
        form.addRow(_tr("Password"), self.password)
        form.addRow(_tr("Sender's e-mail address"), self.from_address)
        form.addRow(_tr("Sender's name"), self.sender_name)
        form.addRow(_tr("Rate limit"), self.rate)
        form.addRow(_tr("Language when a person has none"), self.language)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.button(QDialogButtonBox.StandardButton.Save).setText(_tr("Save"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.error)
        root.addWidget(box)

    def accept(self) -> None:
        host, sender = self.host.text().strip(), self.from_address.text().strip()
        if host and "@" not in sender:
            self.error.setText(_tr("Fill in the sender's e-mail address."))
            self.error.show()
            self.from_address.setFocus()
            return
        s = self.settings
        s.set("mail/smtp_host", host)
        s.set("mail/smtp_security", self.security.currentData())
        s.set("mail/smtp_port", self.port.value())
        s.set("mail/smtp_user", self.user.text().strip())
        s.set("mail/smtp_password", self.password.text())
        s.set("mail/from_address", sender)
        s.set("mail/sender_name", self.sender_name.text().strip())
        s.set("mail/rate_per_minute", self.rate.value())
        s.set("mail/default_language", self.language.currentData())
        super().accept()


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # SendResult, or the message of a RoadshowError


class SendWorker(QRunnable):
    """One send run on a pool thread, with its own connection to the stage."""

    def __init__(
        self,
        data_dir: Path,
        slug: str,
        desk: Desk,
        config: SmtpConfig,
        *,
        purpose: str,
        retry_failed: bool,
        default_lang: str,
        operator: str,
    ) -> None:
        super().__init__()
        self.args = (data_dir, slug, desk, config)
        self.options = {
            "purpose": purpose,
            "retry_failed": retry_failed,
            "default_lang": default_lang,
            "operator": operator,
        }
        self.signals = _Signals()
        self._stop = threading.Event()
        self.setAutoDelete(False)

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        data_dir, slug, desk, config = self.args
        try:
            stage = Stage.open(data_dir, slug, desk)
            try:
                result: object = send_run(
                    stage,
                    config,
                    data_dir,
                    progress=lambda done, total, _code: self.signals.progress.emit(done, total),
                    should_stop=self._stop.is_set,
                    **self.options,
                )
            finally:
                stage.close()
        except RoadshowError as exc:
            result = exc.message
        self.signals.finished.emit(result)


class SendTicketsDialog(workers.StoppableRun, QDialog):
    """Stage ▸ Send tickets…"""

    done = Signal(object)

    def __init__(
        self,
        stage: Stage,
        data_dir: Path,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        operator: str = "",
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.stage = stage
        self.data_dir = data_dir
        self.settings = settings
        self.operator = operator
        self.pool = pool or QThreadPool.globalInstance()
        self.worker: SendWorker | None = None
        self.result: SendResult | None = None
        self.setWindowTitle(_tr("Send tickets"))
        self.purpose = QComboBox(self)
        self.purpose.addItem(_tr("Ticket"), "ticket")
        self.purpose.addItem(_tr("Reminder"), "reminder")
        self.retry_failed = QCheckBox(_tr("Only retry failures"), self)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.server = QLabel(self)
        self.server_button = QPushButton(_tr("Mail server…"), self)
        self.server_button.clicked.connect(self.edit_server)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.start_button = QPushButton(_tr("Send"), self)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(_tr("Stop"), self)
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self.close_button = QPushButton(_tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(_tr("E-mail"), self.purpose)
        form.addRow("", self.retry_failed)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server, 1)
        server_row.addWidget(self.server_button)
        form.addRow(_tr("Mail server"), server_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.start_button, self.stop_button, self.close_button):
            buttons.addWidget(b)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.counts)
        root.addWidget(self.progress)
        root.addWidget(self.status)
        root.addLayout(buttons)
        self.purpose.currentIndexChanged.connect(self.update_counts)
        self.retry_failed.toggled.connect(self.update_counts)
        self.resize(560, 320)
        self.update_counts()

    def update_counts(self) -> int:
        plan = plan_run(
            self.stage, self.purpose.currentData(), retry_failed=self.retry_failed.isChecked()
        )
        parts = [
            _tr("%1 to send").replace("%1", str(len(plan.to_send))),
            _tr("%1 already sent").replace("%1", str(plan.already_sent)),
            _tr("%1 without e-mail").replace("%1", str(plan.no_email)),
        ]
        if plan.in_doubt:
            parts.append(_tr("%1 in doubt").replace("%1", str(len(plan.in_doubt))))
        self.counts.setText(" · ".join(parts))
        config = config_from_settings(self.settings)
        self.server.setText(
            f"{config.host}:{config.effective_port} ({config.security})"
            if config.host
            else _tr("not set")
        )
        self.start_button.setEnabled(bool(plan.to_send) and self.worker is None)
        return len(plan.to_send)

    def edit_server(self) -> None:
        dialog = MailSettingsDialog(self, self.settings)
        dialog.finished.connect(lambda _r: self.update_counts())
        dialog.open()
        self.server_dialog = dialog

    def start(self) -> None:
        config = config_from_settings(self.settings)
        try:
            config.check()
        except RoadshowError as exc:
            self.status.setText(exc.message)
            return
        self.result = None
        self.progress.setValue(0)
        self.status.setText(_tr("Sending…"))
        self.worker = SendWorker(
            self.data_dir,
            self.stage.info.slug,
            self.stage.desk,
            config,
            purpose=self.purpose.currentData(),
            retry_failed=self.retry_failed.isChecked(),
            default_lang=self.settings.get("mail/default_language"),
            operator=self.operator,
        )
        self.start_worker(self.worker)

    def stop(self) -> None:
        self.stop_worker(_tr("Stopping after this e-mail…"))

    def _finished(self, result: object) -> None:
        self.worker = None
        self.stop_button.setEnabled(False)
        if isinstance(result, SendResult):
            self.result = result
            self.status.setText(result_text(result))
            if not result.stopped:
                self.progress.setValue(100)
        else:
            self.status.setText(str(result))
        self.update_counts()
        self.done.emit(result)


def open_send_dialog(
    stage: Stage, data_dir: Path, parent: QWidget | None, settings: Settings, operator: str = ""
) -> SendTicketsDialog:
    dialog = SendTicketsDialog(stage, data_dir, settings, parent, operator=operator)
    dialog.open()
    return dialog


def open_mail_settings(parent: QWidget | None, settings: Settings) -> MailSettingsDialog:
    dialog = MailSettingsDialog(parent, settings)
    dialog.open()
    return dialog


def resend_ticket(
    stage: Stage,
    attendee: Attendee,
    data_dir: Path,
    settings: Settings,
    on_done,
    operator: str = "",
) -> None:
    """The desk's Resend ticket: on the thread pool; `on_done(text)` gets what to show."""
    config = config_from_settings(settings)
    slug, desk = stage.info.slug, stage.desk
    default_lang = settings.get("mail/default_language")

    def work() -> str:
        own = Stage.open(data_dir, slug, desk)
        try:
            result = resend_one(
                own,
                own.attendee(attendee.id),
                config,
                data_dir,
                default_lang=default_lang,
                operator=operator,
            )
        finally:
            own.close()
        if result.sent:
            return _tr("Ticket sent to %1.").replace("%1", attendee.display_name)
        return result_text(result)

    def failed(exc: Exception) -> None:
        if isinstance(exc, RoadshowError):
            on_done(exc.message)
        else:
            raise exc

    workers.run_task(work, on_done, failed)


__all__ = ["SECURITY_MODES", "MailSettingsDialog", "SendTicketsDialog", "resend_ticket"]
