"""Mail-merge export for lists mailed from elsewhere: `tickets.csv` (name, e-mail, language,
ticket text, QR file name) and a `qr/` folder with one PNG per person, named by attendee code."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from desktop_app.badges.batch import TicketSource
from desktop_app.core.export import neutralise
from desktop_app.core.files import written_atomically
from desktop_app.core.qr import write_qr_png
from desktop_app.core.store import Stage

from .message import attendee_language

COLUMNS = ("name", "email", "language", "code", "ticket", "qr_file")


@dataclass
class MailMergeResult:
    csv_path: Path
    qr_dir: Path
    people: int
    no_email: int
    signed: bool

    def to_dict(self) -> dict:
        return {
            "csv": str(self.csv_path),
            "qr_dir": str(self.qr_dir),
            "people": self.people,
            "no_email": self.no_email,
            "signed_tickets": self.signed,
        }


def export_mailmerge(
    stage: Stage, out_dir: Path, data_dir: Path, *, default_lang: str = "it"
) -> MailMergeResult:
    """Everyone registered (not cancelled) with an e-mail. UTF-8 with BOM, comma-separated."""
    qr_dir = out_dir / "qr"
    qr_dir.mkdir(parents=True, exist_ok=True)
    source = TicketSource.for_stage(stage.info, data_dir)
    csv_path = out_dir / "tickets.csv"
    people = no_email = 0
    with (
        written_atomically(csv_path, "mail-merge file") as partial,
        partial.open("w", encoding="utf-8-sig", newline="") as fh,
    ):
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for person in stage.attendees(include_cancelled=False, order="surname"):
            if not person.email:
                no_email += 1
                continue
            ticket = source.payload(person)
            qr_name = f"{person.code}.png"
            write_qr_png(ticket, qr_dir / qr_name)
            writer.writerow(
                [
                    neutralise(person.display_name),
                    neutralise(person.email),
                    attendee_language(person, default_lang),
                    person.code,
                    ticket,
                    f"qr/{qr_name}",
                ]
            )
            people += 1
    return MailMergeResult(csv_path, qr_dir, people, no_email, source.signed)
