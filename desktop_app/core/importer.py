"""Import of registration lists (CSV and XLSX) into a stage.

What comes in: the exports people actually have - an Italian Excel "save as CSV" (semicolon,
Windows-1252), Eventbrite and Google Forms CSVs (comma, UTF-8), pretix XLSX, hand-made sheets.
Headers are recognised in Italian and English whatever their case, accents or punctuation;
columns that mean nothing to us are kept, per person, in `extra`.

How it writes: people are matched to those already on the stage by an external ticket code,
else by e-mail, so importing an updated export updates them (only the fields that changed)
instead of duplicating them. Everything is written with one `Stage.record_many` call: one
transaction, all or nothing. Any row with a problem refuses the whole import unless the user
asks to skip bad rows; problems carry row numbers as Excel shows them (the header is row 1).

Messages never quote a person's data: they name rows and columns only.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import datetime as dt
import gc
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.errors import ImportFailed
from desktop_app.core.model import (
    ATTENDEE_FIELDS,
    CATEGORIES,
    TEXT_FIELDS,
    Attendee,
    clean_text,
    is_cjk,
    normalise_fields,
)
from desktop_app.core.search import fold

MAX_CELL_CHARS = 10_000  # longer cells are a row problem (nobody's name is a novel)
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_HEADER_CHARS = 200  # a Google Forms question can be long; the column keeps this much
HEADER_SCAN_ROWS = 20  # title rows above the header in a hand-made sheet
MAX_REPORTED = 1000  # problems/warnings listed in the report (the counts are always complete)

FULL_NAME = "full_name"  # a single "Nome e cognome" column: split into first and last name
FULL_NAME_REVERSED = "full_name_last_first"  # "Cognome e nome": family name first
STATUS = "status"  # the registration system's status: active or cancelled
SPECIAL_ATTENTION = "special_attention"  # pretix "Requires special attention"
MORE_NOTES = "more_notes"  # a second notes column (pretix "Comment" beside "Check-in text")
# kept in `extra` under these keys (core/delegation.py): who arrives with whom, native names
DELEGATION = "delegation"
DELEGATION_HEAD = "delegation_head"
COMPANION_OF = "companion_of"
NAME_NATIVE = "name_native"
_EXTRA_FIELDS = (DELEGATION, DELEGATION_HEAD, COMPANION_OF, NAME_NATIVE)
MAPPABLE = (
    *TEXT_FIELDS,
    "external_codes",
    FULL_NAME,
    FULL_NAME_REVERSED,
    STATUS,
    SPECIAL_ATTENTION,
    MORE_NOTES,
    *_EXTRA_FIELDS,
)
NAME_FIELDS = ("first_name", "last_name", FULL_NAME, FULL_NAME_REVERSED)

# Header aliases, compared after folding: lower case, no accents, letters and digits only
# ("E-mail" == "email", "Partita IVA" == "partitaiva", "Barcode #" == "barcode").
# Earlier aliases win when several columns could fill the same field.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": (
        "titolo",
        "title",
        "prefix",
        "prefisso",
        "titolodicortesia",
        "titoloonorifico",
        "appellativo",
        "salutation",
        "honorific",
        "nameprefix",
    ),
    "first_name": (
        "nome",
        "firstname",
        "givenname",
        "forename",
        "first",
        "nomedibattesimo",
        "nomeproprio",
        "prenom",
    ),
    "last_name": ("cognome", "lastname", "surname", "familyname", "last", "nomedifamiglia"),
    FULL_NAME: (
        "nomeecognome",
        "nomecognome",
        "nominativo",
        "nomecompleto",
        "fullname",
        "name",
        "partecipante",
        "participant",
        "attendee",
        "attendeename",
    ),
    FULL_NAME_REVERSED: ("cognomeenome", "cognomenome"),
    "company": (
        "azienda",
        "company",
        "ragionesociale",
        "organizzazione",
        "organization",
        "organisation",
        "companyname",
        "nomeazienda",
        "societa",
        "impresa",
        "ente",
        "denominazione",
        "employer",
        "aziendaente",
        "enteazienda",
        "affiliation",
        "affiliazione",
        "nomedellazienda",
        "nomedellasocieta",
        "nomedellimpresa",
        "aziendadiappartenenza",
        "societadiappartenenza",
        "institution",
        "istituzione",
        "entediappartenenza",
    ),
    "vat": (
        "partitaiva",
        "piva",
        "vat",
        "vatnumber",
        "vatid",
        "iva",
        "numeroiva",
        "partitaivacodicefiscale",
    ),
    "role": (
        "ruolo",
        "jobtitle",
        "qualifica",
        "role",
        "titoloprofessionale",
        "professione",
        "position",
        "posizione",
        "carica",
        "funzione",
        "mansione",
        "ruoloaziendale",
    ),
    "email": (
        "attendeeemail",
        "email",
        "mail",
        "emailaddress",
        "indirizzoemail",
        "indirizzodiposta",
        "postaelettronica",
        "indirizzodipostaelettronica",
        "emailpartecipante",
        "pec",
    ),
    "phone": (
        "telefono",
        "phone",
        "phonenumber",
        "tel",
        "cellulare",
        "cellphone",
        "mobile",
        "mobilephone",
        "workphone",
        "numeroditelefono",
        "cell",
        "recapitotelefonico",
    ),
    "category": (
        "categoria",
        "tickettype",
        "tipobiglietto",
        "category",
        "tipologia",
        "tipologiabiglietto",
        "tipopartecipante",
        "tipologiapartecipante",
        "tipodipartecipante",
        "tipologiadipartecipante",
        "tipodibiglietto",
        "tipologiadibiglietto",
        "categoriadipartecipante",
        "attendeetype",
        "registrationtype",
        "product",
        "prodotto",
        "ticket",
        "biglietto",
    ),
    "external_codes": (
        "barcode",
        "codicebiglietto",
        "ticketcode",
        "ticketbarcode",
        "secret",
        "ticketsecret",
        "codiceabarre",
        "ncodiceabarre",
        "numerocodiceabarre",
        "segretobiglietto",
        "qrcode",
        "codiceqr",
        "ticketnumber",
        "numerobiglietto",
        "codice",
    ),
    # an order is not a ticket: several people share it (search finds them by it)
    "order_code": (
        "ordercode",
        "order",
        "ordernumber",
        "orderno",
        "orderid",
        "codiceordine",
        "numeroordine",
        "nordine",
        "ordine",
        "idordine",
    ),
    "countries": (
        "paesediinteresse",
        "paesidiinteresse",
        "countryofinterest",
        "countriesofinterest",
        "mercatidiinteresse",
        "mercatodiinteresse",
        "paesiinteresse",
        "targetcountries",
        "targetmarkets",
        "mercatiobiettivo",
    ),
    "sector": (
        "settore",
        "sector",
        "industry",
        "settoremerceologico",
        "settorediattivita",
        "comparto",
    ),
    "country": ("paese", "country", "nazione", "stato", "paeserappresentato"),
    "notes": (
        "checkintext",
        "testocheckin",
        "testodelcheckin",
        "note",
        "notes",
        "nota",
        "commenti",
        "comments",
        "osservazioni",
        "remarks",
    ),
    MORE_NOTES: ("comment", "ordercomment", "commento", "commentoordine", "commentodellordine"),
    STATUS: (
        "attendeestatus",
        "statopartecipante",
        "registrationstate",
        "registrationstatus",
        "statoiscrizione",
        "statodelliscrizione",
        "statoregistrazione",
        "positionstatus",
        "orderstatus",
        "statoordine",
        "statodellordine",
        "status",
    ),
    SPECIAL_ATTENTION: (
        "requiresspecialattention",
        "specialattention",
        "checkinattention",
        "richiedeattenzionespeciale",
        "richiedeattenzioneparticolare",
        "attenzionespeciale",
    ),
    "privacy_consent": (
        "privacy",
        "consenso",
        "consensoprivacy",
        "privacyconsent",
        "consent",
        "gdpr",
        "informativaprivacy",
        "consensotrattamentodati",
    ),
    # the Consular Corps' list (precedence, VCCR art. 16)
    "consular_rank": (
        "rangoconsolare",
        "classeconsolare",
        "gradoconsolare",
        "consularrank",
        "consularclass",
        "rank",
        "rango",
        "classe",
    ),
    "consular_service": (
        "carrieraonorario",
        "carrieraoonorario",
        "tipoconsole",
        "tipodiconsole",
        "careerhonorary",
        "careerorhonorary",
        "consularservice",
        "servizio",
    ),
    DELEGATION: ("delegazione", "delegation", "delegationname", "nomedelegazione"),
    DELEGATION_HEAD: (
        "capodelegazione",
        "delegationhead",
        "headofdelegation",
        "capogruppo",
    ),
    COMPANION_OF: (
        "accompagnatoredi",
        "accompagnadi",
        "accompagna",
        "companionof",
        "accompanying",
        "accompanies",
        "guestof",
        "ospitedi",
    ),
    NAME_NATIVE: (
        "nomenativo",
        "nomeoriginale",
        "nomenellascritturaoriginale",
        "nativename",
        "nameinnativescript",
        "namenative",
        "originalname",
    ),
    "exequatur": (
        "exequatur",
        "dataexequatur",
        "exequaturdate",
        "dateofexequatur",
        "dataammissione",
        "ammissioneprovvisoria",
    ),
}
# Columns of ticketing exports that look like a field and are not: pretix "Position ID" is
# the ticket's number in its order, not a job position; Eventbrite "Attendee #" is a number.
_NOT_FIELDS = frozenset(
    ("positionid", "idposizione", "eventslug", "pseudonymizationid", "attendeeno", "seatid")
)
# Prefixes of ticketing exports: pretix "Attendee name: Given name", "Your e-mail"...
_PREFIXES = ("attendeename", "attendee", "partecipante", "participant", "your", "il tuo", "tuo")
_PREFIX_FIELDS = ("email", "phone", "company", "vat", "role", "sector", "notes", "countries")
_ALIAS_RANK = {
    alias: (name, rank) for name, aliases in ALIASES.items() for rank, alias in enumerate(aliases)
}

# Category labels of ticketing systems -> CATEGORIES, by the start of a folded word.
_CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("consul", ("consol", "consul", "delegaz", "delegation", "ambasciat", "embass", "diplomat")),
    ("speaker", ("relator", "relatric", "speaker", "moderator", "panelist", "keynote")),
    ("press", ("stampa", "press", "giornalist", "journalist", "media")),
    ("staff", ("staff", "organizzazion", "organizer", "organiser", "segreteria", "volontar")),
    ("company", ("impres", "aziend", "company", "business", "associat", "espositor")),
    (
        "guest",
        ("ospit", "guest", "invitat", "visitator", "visitor", "pubblic", "general", "ingress"),
    ),
)

_HONORIFICS = {
    fold(h).replace(".", "")
    for h in (
        "S.E.",
        "H.E.",
        "Dott.",
        "Dott.ssa",
        "Dr.",
        "Dr",
        "Prof.",
        "Prof.ssa",
        "Ing.",
        "Avv.",
        "Arch.",
        "Geom.",
        "Rag.",
        "Sig.",
        "Sig.ra",
        "Sig.na",
        "On.",
        "Cav.",
        "Comm.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Mons.",
        "Amb.",
    )
}
_PARTICLES = {
    "de",
    "di",
    "da",
    "del",
    "della",
    "dello",
    "dei",
    "degli",
    "delle",
    "dal",
    "dalla",
    "lo",
    "la",
    "li",
    "le",
    "van",
    "von",
    "der",
    "den",
    "du",
    "dos",
    "das",
    "do",
    "san",
    "santa",
    "st",
    "mac",
    "al",
    "el",
    "bin",
    "ben",
}

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+]\d+$")
_CODE_SPLIT = re.compile(r"[\s,;|]+")
_COUNTRY_SPLIT = re.compile(r"\s*[;,|\n]\s*")
_DIGITS_ONLY = re.compile(r"^\d+$")
_NUMERIC_FIELDS = ("phone", "vat", "external_codes")
_PSEUDO_FIELDS = (STATUS, SPECIAL_ATTENTION, MORE_NOTES, *_EXTRA_FIELDS)
_YES = frozenset(("yes", "si", "y", "true", "1", "x", "ja", "oui", "vero"))
# A '?' or U+FFFD touching a letter: a character the file's encoding could not hold.
_LOST_IN_NAME = re.compile(r"\ufffd|[^\W\d_]\?|\?[^\W\d_]")  # "Ma?gorzata", "Bert?"
_LOST_IN_TEXT = re.compile(r"\ufffd|[^\W\d_]\?[^\W\d_]")  # not "Chi? Noi Srl"
_NAME_CHECKED = frozenset(("first_name", "last_name", FULL_NAME, FULL_NAME_REVERSED))
# Text decoded with the wrong table: UTF-8 read as Windows-1252 ("NicolÃ²", "â€™"), or two-byte
# CJK characters read as two accented letters ("Íõ" for 王).
_W1252_HIGH = "\u0080-\u00bf\u0152-\u0178\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122"
_GARBLED = re.compile(f"[ÃÂ][{_W1252_HIGH}]|â€|[\u00c0-\u00ff]{{2}}")
_LOST_CHECKED = frozenset(("title", "first_name", "last_name", "company", "role"))

# Registration statuses (folded like headers) of Eventbrite, pretix and Indico, in English and
# Italian. Pending orders keep their place: the registration system has not given it away.
_CANCELLED_STATUSES = frozenset(
    (
        "notattending",
        "nonpartecipa",
        "nonpartecipante",
        "canceled",
        "cancelled",
        "cancellato",
        "cancellata",
        "annullato",
        "annullata",
        "expired",
        "scaduto",
        "scaduta",
        "withdrawn",
        "ritirato",
        "ritirata",
        "rejected",
        "respinto",
        "respinta",
        "rifiutato",
        "rifiutata",
        "refunded",
        "rimborsato",
        "rimborsata",
        "deleted",
        "eliminato",
        "eliminata",
        "declined",
        "transferred",
        "trasferito",
        "trasferita",
    )
)
_ACTIVE_STATUSES = frozenset(
    (
        "attending",
        "partecipa",
        "partecipante",
        "checkedin",
        "checkineffettuato",
        "registrato",
        "registrata",
        "registered",
        "iscritto",
        "iscritta",
        "paid",
        "pagato",
        "pagata",
        "pending",
        "inattesa",
        "inattesadipagamento",
        "complete",
        "completed",
        "completo",
        "completato",
        "completata",
        "awaitingpayment",
        "unpaid",
        "nonpagato",
        "confirmed",
        "confermato",
        "confermata",
        "approved",
        "approvato",
        "active",
        "attivo",
        "valid",
        "valido",
        "free",
        "gratuito",
    )
)


# --- the report ---------------------------------------------------------------------------------


@dataclass
class Problem:
    """A row's problem or warning. `code` and `params` say it for a translated window (the
    message is the English words, for the command line)."""

    row: int | None
    column: str | None
    message: str
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "message": self.message,
            "code": self.code,
            "params": dict(self.params),
        }

    def text(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return (", ".join(where) + ": " if where else "") + self.message


@dataclass
class ImportReport:
    file: str
    dry_run: bool = False
    skip_bad_rows: bool = False
    format: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    rows: int = 0  # data rows read (empty rows not counted)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # bad rows left out (only with skip_bad_rows)
    duplicates_merged: int = 0
    bad_rows: int = 0
    mapping: dict[str, str] = field(default_factory=dict)
    extra_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    refused: bool = False
    cancelled: int = 0  # registrations cancelled by the file's status column
    restored: int = 0  # registrations the status column makes active again
    cancel_missing: bool = False
    missing: list[dict[str, str]] = field(default_factory=list)  # on the stage, not in the file
    missing_cancelled: int = 0

    @property
    def ok(self) -> bool:
        return not self.refused

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "file": self.file,
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "sheet": self.sheet,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "duplicates_merged": self.duplicates_merged,
            "bad_rows": self.bad_rows,
            "mapping": dict(self.mapping),
            "extra_columns": list(self.extra_columns),
            "problems": [p.to_dict() for p in self.problems[:MAX_REPORTED]],
            "problem_count": len(self.problems),
            "warnings": [w.to_dict() for w in self.warnings[:MAX_REPORTED]],
            "warning_count": len(self.warnings),
            "cancelled": self.cancelled,
            "restored": self.restored,
            "cancel_missing": self.cancel_missing,
            "missing": list(self.missing[:MAX_REPORTED]),
            "missing_count": len(self.missing),
            "missing_cancelled": self.missing_cancelled,
        }

    def summary(self) -> str:
        lines = []
        name = Path(self.file).name
        if self.refused:
            lines.append(
                f"Nothing was imported from {name}: {self.bad_rows} "
                f"{'row has a problem' if self.bad_rows == 1 else 'rows have problems'}."
            )
            lines.append(
                "Correct them in the file and import it again, or import the good rows "
                "with --skip-bad-rows."
            )
        else:
            verb = "Would import" if self.dry_run else "Imported"
            lines.append(
                f"{verb} {name} ({self.rows} rows): {self.created} new, {self.updated} updated, "
                f"{self.unchanged} unchanged, {self.skipped} skipped."
            )
            if self.dry_run:
                lines.append("This was a dry run: nothing was changed.")
        if self.duplicates_merged:
            lines.append(f"{self.duplicates_merged} duplicated rows were merged.")
        if self.cancelled or self.restored:
            lines.append(
                f"Status column: {self.cancelled} cancelled, {self.restored} active again."
            )
        if self.missing:
            count = len(self.missing)
            people = "1 person is" if count == 1 else f"{count} people are"
            lines.append(f"{people} no longer in the list:")
            lines += [f"  {m['name']} ({m['code']})" for m in self.missing[:50]]
            if count > 50:
                lines.append(f"  ... and {count - 50} more")
            if self.missing_cancelled:
                verb = "Would cancel" if self.dry_run else "Cancelled"
                lines.append(f"{verb} their registrations (--cancel-missing).")
            elif not self.refused:
                lines.append(
                    "Nothing was cancelled: import again with --cancel-missing to cancel them."
                )
        shown = {f: h for f, h in self.mapping.items()}
        if shown:
            lines.append("Columns: " + ", ".join(f"{h} -> {f}" for f, h in shown.items()))
        if self.extra_columns:
            lines.append("Kept as extra fields: " + ", ".join(self.extra_columns))
        if self.problems:
            lines.append("Problems:")
            lines += ["  " + p.text() for p in self.problems[:50]]
            if len(self.problems) > 50:
                lines.append(f"  ... and {len(self.problems) - 50} more")
        if self.warnings:
            lines.append("Warnings:")
            lines += ["  " + w.text() for w in self.warnings[:50]]
            if len(self.warnings) > 50:
                lines.append(f"  ... and {len(self.warnings) - 50} more")
        return "\n".join(lines)


# --- reading files ------------------------------------------------------------------------------


@dataclass
class Table:
    """A sheet as text: the header row and the data rows with the row numbers people see."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    lossy: set[tuple[int, int]] = field(default_factory=set)  # (row, column) numbers Excel cut
    numeric: set[tuple[int, int]] = field(default_factory=set)  # (row, column) stored as numbers
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # row -> its file lines
    notes: list[Problem] = field(default_factory=list)  # what reading the file had to guess


def read_table(
    path: Path, mapping: dict[str, str] | None = None
) -> tuple[list[str], list[list[str]]]:
    """The header row and the data rows of a CSV or XLSX file, every cell as text."""
    table = _read(Path(path), mapping)
    return table.headers, [cells for _, cells in table.rows]


# A file the importer cannot read: a stable reason, its English words (%1... are the params),
# so a window can say it in its own language without reading the English back.
FILE_ERRORS: dict[str, str] = {
    "file_missing": "The file %1 does not exist.",
    "file_unreadable": "The file %1 cannot be read (%2).",
    "folder": "%1 is a folder, not a CSV or Excel file.",
    "file_empty": "The file %1 is empty.",
    "file_too_big": "The file %1 is too big (%2 MB): a registration list is a few MB at most.",
    "ods": "%1 is an OpenDocument (.ods) spreadsheet. Save it as .xlsx or CSV (File > Save as), "
    "then import that.",
    "xls": "%1 is an old Excel .xls file (or a password-protected workbook). Open it in Excel and "
    "save it as .xlsx or CSV, then import that.",
    "bom_wrong": "%1 says it is %2 but is not: save it again as CSV UTF-8.",
    "binary": "%1 is not a text file (it contains binary data). Import a CSV or an Excel .xlsx "
    "file.",
    "encoding_unknown": "The characters of %1 are in an encoding the importer does not know (it "
    "reads UTF-8 and Windows-1252). Save the file again as 'CSV UTF-8'.",
    "no_rows": "The file %1 is empty (no rows).",
    "csv_unreadable": "%1 is not a readable CSV file (line %2: %3).",
    "xlsx_unreadable": "%1 is not a readable Excel .xlsx file. Open it in Excel and save it again "
    "as .xlsx or CSV.",
    "xlsx_damaged": "%1 is a damaged Excel file (%2).",
    "workbook_empty": "The workbook %1 is empty (no rows in any sheet).",
}


def file_error(reason: str, *params: object) -> ImportFailed:
    message = FILE_ERRORS[reason]
    for i, value in reversed(list(enumerate(params, start=1))):
        message = message.replace(f"%{i}", str(value))
    return ImportFailed(message, reason=reason, params=[str(p) for p in params])


def _read(path: Path, mapping: dict[str, str] | None = None) -> Table:
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise file_error("file_missing", path.name) from exc
    except OSError as exc:
        raise file_error("file_unreadable", path.name, exc.strerror) from exc
    if path.is_dir():
        raise file_error("folder", path.name)
    if size == 0:
        raise file_error("file_empty", path.name)
    if size > MAX_FILE_BYTES:
        raise file_error("file_too_big", path.name, size // (1024 * 1024))
    try:
        with path.open("rb") as fh:
            head = fh.read(128)
    except OSError as exc:
        raise file_error("file_unreadable", path.name, exc.strerror) from exc
    if head.startswith(b"PK\x03\x04"):
        if b"opendocument" in head:
            raise file_error("ods", path.name)
        return _read_xlsx(path, mapping)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise file_error("xls", path.name)
    return _read_csv(path, mapping)


def _decode(
    path: Path,
    data: bytes,
    notes: list[Problem] | None = None,
    legacy_lines: list[int] | None = None,
) -> tuple[str, str]:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise file_error("bom_wrong", path.name, encoding.upper()) from exc
    sample = data[:65536]
    if b"\x00" in sample:
        # UTF-16 without a byte order mark: every other byte of Latin text is zero.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if half and odd > 0.3 * half and even == 0:
            try:
                return data.decode("utf-16-le"), "utf-16-le"
            except UnicodeDecodeError:
                pass
        raise file_error("binary", path.name)
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(
            path, data, [] if notes is None else notes, [] if legacy_lines is None else legacy_lines
        )
    head = text[:65536]
    controls = sum(1 for c in head if c < " " and c not in "\r\n\t")
    if controls > 0.01 * len(head):
        raise file_error("binary", path.name)
    return text, encoding


_HIGH_RUNS = re.compile(rb"[\x80-\xff]+")
_GB2312_PAIR = re.compile(rb"[\xa1-\xfe][\xa1-\xfe]")
_CJK_CHAR = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff66-\uff9f]")
_ENCODING_NAMES = {"gbk": "Chinese GBK", "shift_jis": "Japanese Shift-JIS"}


def _decode_legacy(
    path: Path, data: bytes, notes: list[Problem], legacy_lines: list[int]
) -> tuple[str, str]:
    """A file that is not UTF-8: Windows-1252, Chinese GBK, Japanese Shift-JIS, or UTF-8 rows
    mixed with Windows-1252 rows (two exports pasted together). Decoded when the bytes say so
    plainly; otherwise read as Windows-1252, and the rows that look garbled are warned about."""
    lines = data.split(b"\n")
    utf8_rows, other_rows = [], []
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_rows.append(number)
        except UnicodeDecodeError:
            other_rows.append(number)
    other = b"\n".join(lines[n - 1] for n in other_rows[:2000])
    runs = _HIGH_RUNS.findall(other)
    high = sum(map(len, runs))
    paired = sum(len(r) for r in runs if len(r) >= 2)
    # CJK text: every non-ASCII character is two bytes; accented Latin letters come alone.
    if high and paired >= 0.9 * high:
        pairs = sum(len(_GB2312_PAIR.findall(r)) for r in runs)
        # Chinese names are common characters (GB2312: both bytes from 0xA1); Japanese
        # Shift-JIS starts most characters below 0xA0. Rare characters are not a sure guess.
        order = ("gbk",) if pairs * 2 >= 0.9 * paired else ("shift_jis",)
        for candidate in order:
            try:
                decoded = data.decode(candidate)
            except UnicodeDecodeError:
                continue
            if len(_CJK_CHAR.findall(decoded[:65536])) >= 0.8 * sum(
                1 for c in decoded[:65536] if ord(c) > 127
            ):
                notes.append(
                    Problem(
                        None,
                        None,
                        f"the file is not UTF-8: read as {_ENCODING_NAMES[candidate]}. Check a "
                        "few names, or save the file again as 'CSV UTF-8'.",
                        "encoding_guessed",
                        {"encoding": "GBK" if candidate == "gbk" else "Shift-JIS"},
                    )
                )
                return decoded, candidate
    if utf8_rows and other_rows:
        # Rows in UTF-8 and rows in Windows-1252: each line read in its own encoding.
        out = []
        for line in lines:
            try:
                out.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                out.append(line.decode("cp1252", errors="replace"))
        legacy_lines += other_rows  # the check names each of their rows
        notes.append(
            Problem(
                other_rows[0],
                None,
                f"{len(other_rows)} lines of the file are in Windows-1252 and "
                f"{len(utf8_rows)} in UTF-8 (two exports pasted together?): each line was read "
                "in its own encoding. Check their names.",
                "mixed_encoding",
                {"legacy": len(other_rows), "utf8": len(utf8_rows)},
            )
        )
        return "\n".join(out), "utf-8+cp1252"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise file_error("encoding_unknown", path.name) from exc


def _sniff_delimiter(text: str) -> str:
    """Count , ; and tab outside quotes in the first lines: the header decides."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    lines = 0
    for c in text[:65536]:
        if c == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif c in counts:
            counts[c] += 1
        elif c == "\n":
            lines += 1
            if lines >= 1 and any(counts.values()):
                break
    best = max(counts, key=lambda d: (counts[d], d == ";", d == "\t"))
    return best if counts[best] else ","


def _read_csv(path: Path, mapping: dict[str, str] | None) -> Table:
    data = path.read_bytes()
    notes: list[Problem] = []
    legacy_lines: list[int] = []  # physical lines read as Windows-1252 in a UTF-8 file
    text, encoding = _decode(path, data, notes, legacy_lines)
    del data
    if not text.strip(" \t\r\n,;\ufeff"):
        raise file_error("no_rows", path.name)
    delimiter = None
    sep_line = 0
    first_line, _, rest = text.partition("\n")
    match = re.match(r'^"?sep=(.)"?\r?$', first_line.strip("\ufeff"), re.IGNORECASE)
    if match:  # Excel's "sep=;" hint: not a row in Excel either
        delimiter = match.group(1)
        text = rest
        sep_line = 1
    delimiter = delimiter or _sniff_delimiter(text)
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)  # big cells become row problems, not csv errors
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)

    spans: dict[int, tuple[int, int]] = {}

    def records() -> Iterator[tuple[int, list[str]]]:
        last = 0
        for number, cells in enumerate(reader, start=1):
            line = reader.line_num
            if line - last > 1:  # a quoted cell with line breaks (or a quote never closed)
                spans[number] = (last + 1, line)
            last = line
            yield number, cells

    try:
        # Row numbers count records, as Excel does (a quoted cell may span several lines).
        table = _tabulate(records(), mapping, path)
    except csv.Error as exc:
        raise file_error("csv_unreadable", path.name, reader.line_num, exc) from exc
    table.format = "csv"
    table.encoding = encoding
    table.delimiter = delimiter
    table.spans = spans
    table.notes = notes
    if legacy_lines:
        table.notes += _rows_in_other_encoding(legacy_lines, spans, sep_line)
    return table


def _rows_in_other_encoding(
    lines: list[int], spans: dict[int, tuple[int, int]], sep_line: int
) -> list[Problem]:
    """One warning per row that held a Windows-1252 line of a UTF-8 file (row = record: a
    record spanning several lines moves the rows below it)."""
    starts = sorted((first + sep_line, number) for number, (first, _) in spans.items())
    rows: set[int] = set()
    for line in lines:
        # the last multi-line record starting at or before this line, and its row number
        i = bisect.bisect_right(starts, (line, float("inf"))) - 1
        if i < 0:
            row = line - sep_line
        else:
            first, number = starts[i]
            last = spans[number][1] + sep_line
            row = number if line <= last else number + (line - last)
        if row >= 1:
            rows.add(row)
    return [
        Problem(
            row,
            None,
            "this row is in Windows-1252 while the file is UTF-8: read as Windows-1252, "
            "check its accented letters.",
            "row_in_windows_1252",
        )
        for row in sorted(rows)
    ]


def _unclosed_quote(
    number: int, cells: tuple[str, ...], table: Table, width: int
) -> Problem | None:
    """A cell that swallowed the rows below it: a `"` opened in it and never closed, so the
    CSV reader took the next lines, delimiters and all, as the cell's text."""
    delimiter = table.delimiter or ","
    need = max(1, width - 1)  # a swallowed line has the shape of a row
    for i, cell in enumerate(cells):
        if "\n" not in cell:
            continue
        swallowed = [ln for ln in cell.split("\n")[1:] if ln.count(delimiter) >= need]
        if swallowed:
            header = table.headers[i] if i < len(table.headers) else f"Column {_column_letter(i)}"
            first, last = table.spans.get(number, (number, number))
            return Problem(
                number,
                header,
                f'a quote (") opens in this cell and is never closed: the next {last - first} '
                f"lines of the file (to line {last}) were read as its text. Close the quote "
                "or remove it, then import again.",
                "unclosed_quote",
                {"lines": last - first, "line": first, "last_line": last},
            )
    return None


def _excel_text(value: Any, row: int, col: int, table: Table) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        table.numeric.add((row, col))
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer():
            table.numeric.add((row, col))
            if abs(value) >= 1e15:  # past float precision: Excel may have changed the digits
                table.lossy.add((row, col))
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if not value.second else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def _read_xlsx(path: Path, mapping: dict[str, str] | None) -> Table:
    import openpyxl  # imported here: only XLSX imports pay for it

    try:
        # data_only: a formula cell comes in as the value Excel showed and saved with it
        # (=PROPER("acme srl") is "Acme Srl"), never as formula text on a badge
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise file_error("xlsx_unreadable", path.name) from exc
    except Exception as exc:  # openpyxl raises assorted errors for damaged workbooks
        raise file_error("xlsx_damaged", path.name, type(exc).__name__) from exc
    try:
        first: Table | None = None
        named: Table | None = None  # the first sheet with name columns
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible" and len(wb.worksheets) > 1:
                continue
            cells_of = Table([], [], "xlsx", sheet=ws.title)

            def rows(ws=ws, t=cells_of) -> Iterator[tuple[int, list[str]]]:
                # iter_rows starts at row 1 whatever the sheet's dimension says.
                for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                    yield number, [_excel_text(v, number, i, t) for i, v in enumerate(values)]

            try:
                table = _tabulate(rows(), mapping, path)
            except ImportFailed:
                continue  # an empty sheet
            table.lossy, table.numeric = cells_of.lossy, cells_of.numeric
            table.sheet = ws.title
            table.format = "xlsx"
            if _has_name_column(table.headers, mapping):
                if _PEOPLE_SHEET.search(fold(ws.title)):
                    return table  # pretix "Order positions": one row per ticket
                named = named or table
            if first is None:
                first = table
        if named is not None:
            return named
        if first is None:
            raise file_error("workbook_empty", path.name)
        # No sheet has name columns: read the first one whole for the refusal message.
        return first
    except ImportFailed:
        raise
    except Exception as exc:  # a damaged sheet part
        raise file_error("xlsx_damaged", path.name, type(exc).__name__) from exc
    finally:
        wb.close()


# A workbook's sheet of people rather than of orders (pretix: "Orders", "Order positions").
_PEOPLE_SHEET = re.compile(r"position|posizion|attendee|partecipant|iscritt|registrant")


def _has_name_column(headers: list[str], mapping: dict[str, str] | None) -> bool:
    chosen = {f: h for f, h in (mapping or {}).items() if h.strip()}  # "" = field left out
    if any(f in NAME_FIELDS for f in chosen):
        keys = {_header_key(h) for h in headers}
        return all(_header_key(h) in keys for h in chosen.values())
    guessed = guess_mapping(headers)
    return any(f in guessed and f not in (mapping or {}) for f in NAME_FIELDS)


def _tabulate(
    records: Iterator[tuple[int, list[str]]],
    mapping: dict[str, str] | None,
    path: Path,
) -> Table:
    """Find the header row (title rows above it are skipped) and collect the data rows."""
    scanned: list[tuple[int, list[str]]] = []
    header: tuple[int, list[str]] | None = None
    for number, cells in records:
        if not any(c.strip() for c in cells):
            continue
        scanned.append((number, cells))
        if any(len(c) > MAX_CELL_CHARS for c in cells):
            continue  # not a header; and do not fold 10 MB of text to find out
        if _has_name_column(cells, mapping):
            header = (number, cells)
            break
        if len(scanned) >= HEADER_SCAN_ROWS:
            break
    if not scanned:
        raise file_error("no_rows", path.name)
    if header is None:  # no name columns: the first row is the header, for the message
        header = scanned[0]
        pending = scanned[1:]
    else:
        pending = []
    number, cells = header
    headers = _header_names(cells)
    width = len(headers)
    rows = []
    for number, cells in _chain(pending, records):
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        if not any(c.strip() for c in cells):
            continue
        rows.append((number, cells))
    return Table(headers, rows, "")


def _chain(
    first: list[tuple[int, list[str]]], rest: Iterator[tuple[int, list[str]]]
) -> Iterator[tuple[int, list[str]]]:
    yield from first
    yield from rest


def _header_names(cells: list[str]) -> list[str]:
    """Readable, unique column names (blank ones get a letter, as Excel shows them)."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(cells):
        name = clean_text(raw[: MAX_HEADER_CHARS * 4])[:MAX_HEADER_CHARS]
        if not name:
            name = f"Column {_column_letter(i)}"
        key = name.casefold()
        if key in seen:
            seen[key] += 1
            name = f"{name} ({seen[key]})"
        else:
            seen[key] = 1
        names.append(name)
    return names


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# --- the mapping -----------------------------------------------------------------------------


def _header_key(header: str) -> str:
    return _NOT_ALNUM.sub("", fold(_PARENTHESES.sub(" ", header)))


def _match_header(header: str) -> tuple[str, int] | None:
    key = _header_key(header)
    if not key or key in _NOT_FIELDS:
        return None
    hit = _ALIAS_RANK.get(key)
    if hit:
        return hit
    for prefix in _PREFIXES:
        p = prefix.replace(" ", "")
        if key.startswith(p) and len(key) > len(p):
            hit = _ALIAS_RANK.get(key[len(p) :])
            if hit:
                return hit[0], hit[1] + 100
    if any(w in key for w in ("privacy", "consenso", "acconsento", "gdpr", "trattamentodei")):
        return "privacy_consent", 200
    # "E-mail aziendale", "Telefono cellulare", "Settore di attività": a known start.
    for name in _PREFIX_FIELDS:
        for rank, alias in enumerate(ALIASES[name]):
            if len(alias) >= 5 and key.startswith(alias):
                return name, 300 + rank
    return None


def guess_mapping(headers: Iterable[str]) -> dict[str, str]:
    """{field: header} for the columns recognised; the best header wins for each field."""
    best: dict[str, tuple[int, int, str]] = {}
    for position, header in enumerate(headers):
        hit = _match_header(header)
        if hit is None:
            continue
        name, rank = hit
        if name not in best or (rank, position) < best[name][:2]:
            best[name] = (rank, position, header)
    mapping = {name: header for name, (_, _, header) in best.items()}
    # A "Name" column next to first/last name columns is not a full name.
    if FULL_NAME in mapping and ("first_name" in mapping or "last_name" in mapping):
        del mapping[FULL_NAME]
    if FULL_NAME_REVERSED in mapping and ("first_name" in mapping or "last_name" in mapping):
        del mapping[FULL_NAME_REVERSED]
    if FULL_NAME in mapping and FULL_NAME_REVERSED in mapping:
        del mapping[FULL_NAME]
    order = {name: i for i, name in enumerate(MAPPABLE)}
    return dict(sorted(mapping.items(), key=lambda kv: order[kv[0]]))


def _resolve_mapping(headers: list[str], explicit: dict[str, str] | None) -> dict[str, int]:
    """{field: column index}: the explicit mapping wins ("" leaves a field out), the guess
    fills in the rest."""
    guessed = guess_mapping(headers)
    result: dict[str, int] = {}
    index_of = {h: i for i, h in enumerate(headers)}
    taken: set[int] = set()
    left_out: set[str] = set()  # FIELD="" in the explicit mapping: not imported, not guessed
    if explicit:
        by_key: dict[str, int] = {}
        for i, h in enumerate(headers):
            by_key.setdefault(h.casefold(), i)
            by_key.setdefault(_header_key(h), i)
        for name, header in explicit.items():
            if name not in MAPPABLE:
                raise ImportFailed(
                    f"'{name}' is not a field the importer knows. Fields: "
                    + ", ".join(MAPPABLE)
                    + "."
                )
            if not header.strip():
                left_out.add(name)
                continue
            i = by_key.get(header.strip().casefold())
            if i is None:
                i = by_key.get(_header_key(header))
            if i is None:
                raise ImportFailed(
                    f"The file has no column '{header}' (asked for {name}). Columns found: "
                    + _list_columns(headers)
                    + "."
                )
            result[name] = i
            taken.add(i)
    explicit_fields = set(result)
    if explicit_fields & set(NAME_FIELDS):
        # Explicit name columns replace all guessed ones.
        guessed = {k: v for k, v in guessed.items() if k not in NAME_FIELDS}
    for name, header in guessed.items():
        i = index_of[header]
        if name in result or name in left_out or i in taken:
            continue
        result[name] = i
        taken.add(i)
    return result


def _list_columns(headers: list[str]) -> str:
    shown = [h if len(h) <= 40 else h[:39] + "…" for h in headers[:20]]
    more = f" (and {len(headers) - 20} more)" if len(headers) > 20 else ""
    return ", ".join(shown) + more if shown else "none"


# --- values --------------------------------------------------------------------------------------


def category_of(label: str) -> str | None:
    """The CATEGORIES entry for a ticket type / category label; None when unknown."""
    folded = fold(label)
    if folded in CATEGORIES:
        return folded
    words = re.findall(r"[0-9a-z]+", folded)
    for category, starts in _CATEGORY_WORDS:
        if any(w.startswith(s) for w in words for s in starts):
            return category
    return None


def split_full_name(text: str, *, family_first: bool = False) -> tuple[str, str, str]:
    """(title, first name, last name) from one "Nome e cognome" cell."""
    text = " ".join(text.split())
    if not text:
        return "", "", ""
    title_words: list[str] = []
    if "," in text and not family_first:  # "Rossi, Mario"
        last, _, first = text.partition(",")
        family_first_words = first.split()
        while family_first_words and _is_honorific(family_first_words[0]):
            title_words.append(family_first_words.pop(0))
        return " ".join(title_words), " ".join(family_first_words), last.strip()
    words = text.split(" ")
    while len(words) > 1 and _is_honorific(words[0]):
        title_words.append(words.pop(0))
    title = " ".join(title_words)
    if len(words) == 1:
        word = words[0]
        if is_cjk(word) and len(word) >= 2:  # 王小明: the family name is the first character
            return title, word[1:], word[0]
        return title, word, ""
    if family_first:
        i = 0
        while i < len(words) - 2 and fold(words[i]).rstrip("'’") in _PARTICLES:
            i += 1
        return title, " ".join(words[i + 1 :]), " ".join(words[: i + 1])
    i = len(words) - 1
    while i > 1 and fold(words[i - 1]).rstrip("'’") in _PARTICLES:
        i -= 1
    return title, " ".join(words[:i]), " ".join(words[i:])


def _is_honorific(word: str) -> bool:
    return fold(word).replace(".", "") in _HONORIFICS and (
        "." in word or fold(word) in ("dr", "mr", "mrs", "ms")
    )


def _countries(text: str) -> str:
    if not any(sep in text for sep in ";,|\n"):
        return text
    parts = [p.strip() for p in _COUNTRY_SPLIT.split(text) if p.strip()]
    return "; ".join(parts)


# --- rows -> people ------------------------------------------------------------------------------


class _Row:
    """One data row, read: the person's fields, ticket codes, extra fields and problems."""

    __slots__ = (
        "number",
        "fields",
        "codes",
        "extra",
        "label",
        "problems",
        "merged_from",
        "status",
        "reason",
    )

    def __init__(self, number: int) -> None:
        self.number = number
        self.fields: dict[str, str] = {}
        self.codes: list[str] = []
        self.extra: dict[str, str] = {}
        self.label = ""  # the category label as written
        self.problems: list[Problem] = []
        self.merged_from: list[int] = []
        self.status = ""  # the status column as written; then "active" / "cancelled" / ""
        self.reason = ""  # why cancelled ("Eventbrite: Not Attending")

    def identity(self) -> tuple[str, str] | None:
        email = self.fields.get("email", "")
        if not email:
            return None
        name = f"{self.fields.get('first_name', '')} {self.fields.get('last_name', '')}"
        return email, " ".join(name.casefold().split())


class _RowParser:
    """Turns the cells of a row (already stripped) into a _Row, with a plan made once."""

    def __init__(self, table: Table, columns: dict[str, int], extra_columns: list[int]) -> None:
        self.headers = table.headers
        self.lossy = table.lossy
        self.numeric = table.numeric
        self.columns = columns
        self.cut: dict[int, list[int]] = {}  # column -> rows where Excel mangled a number
        self.plain = [
            (name, i)
            for name, i in columns.items()
            if name not in ("external_codes", FULL_NAME, FULL_NAME_REVERSED, "countries")
            and name not in ("category", *_NUMERIC_FIELDS, *_PSEUDO_FIELDS)
        ]
        self.special = [(name, i) for name, i in columns.items() if (name, i) not in self.plain]
        self.numeric_columns = [columns[n] for n in _NUMERIC_FIELDS if n in columns]
        self.extra = [(i, table.headers[i]) for i in extra_columns]
        self.vat_column = columns.get("vat")
        self.email_fallback: int | None = None
        self.warnings: list[Problem] = []
        self.checked = [
            (_LOST_IN_NAME if name in _NAME_CHECKED else _LOST_IN_TEXT, i, table.headers[i])
            for name, i in columns.items()
            if name in _LOST_CHECKED or name in (FULL_NAME, FULL_NAME_REVERSED)
        ]
        self.has_last_name = any(n in columns for n in ("last_name", *NAME_FIELDS[2:]))

    def parse(self, number: int, cells: tuple[str, ...]) -> _Row:
        row = _Row(number)
        if max(map(len, cells), default=0) > MAX_CELL_CHARS:
            for i, cell in enumerate(cells):
                if len(cell) > MAX_CELL_CHARS:
                    header = (
                        self.headers[i] if i < len(self.headers) else f"Column {_column_letter(i)}"
                    )
                    row.problems.append(
                        Problem(
                            number,
                            header,
                            f"the cell is too long ({len(cell):,} characters; at most "
                            f"{MAX_CELL_CHARS:,}).",
                            "cell_too_long",
                            {"chars": len(cell), "max": MAX_CELL_CHARS},
                        )
                    )
            return row
        fields = row.fields
        for name, i in self.plain:
            value = cells[i]
            if value:
                fields[name] = value
        for name, i in self.special:
            value = cells[i]
            if not value:
                continue
            if name == "external_codes":
                if any(sep in value for sep in " ,;|\t\n\r"):
                    row.codes = [c.upper() for c in _CODE_SPLIT.split(value) if c]
                else:
                    row.codes = [value.upper()]
            elif name == "category":
                row.label = value
            elif name == STATUS:
                row.status = value
            elif name == SPECIAL_ATTENTION:
                if _header_key(value) in _YES:
                    row.extra["special_attention"] = "yes"
            elif name == MORE_NOTES:
                pass  # joined to the notes below
            elif name == DELEGATION_HEAD:
                if _header_key(value) in _YES:
                    row.extra[DELEGATION_HEAD] = "yes"
            elif name in _EXTRA_FIELDS:
                row.extra[name] = value
            elif name == "countries":
                fields[name] = _countries(value)
            elif name in (FULL_NAME, FULL_NAME_REVERSED):
                title, first, last = split_full_name(value, family_first=name == FULL_NAME_REVERSED)
                # Explicit first/last name or title columns win over a split full name.
                if first and not fields.get("first_name"):
                    fields["first_name"] = first
                if last and not fields.get("last_name"):
                    fields["last_name"] = last
                if title and not fields.get("title"):
                    fields["title"] = title
            else:
                fields[name] = value
        for i in self.numeric_columns:
            value = cells[i]
            if not value:
                continue
            if (number, i) in self.lossy or (
                ("E" in value or "e" in value) and _SCIENTIFIC.match(value)
            ):
                self.cut.setdefault(i, []).append(number)
        vat = fields.get("vat")
        if vat and len(vat) in (9, 10) and (number, self.vat_column) in self.numeric:
            fields["vat"] = vat.zfill(11)  # an Italian VAT number that Excel stored as a number
        more = self.columns.get(MORE_NOTES)
        if more is not None and cells[more]:
            notes = fields.get("notes", "")
            fields["notes"] = f"{notes} — {cells[more]}" if notes else cells[more]
        for i, header in self.extra:
            value = cells[i]
            if value:
                row.extra[header] = value
        for lost, i, header in self.checked:
            value = cells[i]
            if not value:
                continue
            if ("?" in value or "\ufffd" in value) and lost.search(value):
                self.warnings.append(
                    Problem(
                        number,
                        header,
                        "characters were lost (a '?' where a letter was): check the spelling.",
                        "lost_characters",
                    )
                )
            elif not value.isascii() and _GARBLED.search(value):
                self.warnings.append(
                    Problem(
                        number,
                        header,
                        "the text looks garbled (characters read in the wrong encoding): check "
                        "the name, or save the file again as 'CSV UTF-8'.",
                        "garbled_characters",
                    )
                )
        if fields.get("first_name") and not fields.get("last_name") and self.has_last_name:
            self.warnings.append(
                Problem(
                    number,
                    None,
                    "no last name (the badge shows the first name only).",
                    "no_last_name",
                )
            )
        if not fields.get("first_name") and not fields.get("last_name"):
            row.problems.append(Problem(number, None, "no first name and no last name.", "no_name"))
        email = fields.get("email")
        if not email and self.email_fallback is not None and cells[self.email_fallback]:
            email = fields["email"] = cells[self.email_fallback]  # the buyer's, for a ticket
        if email:
            email = email.lower()
            if email.startswith("mailto:"):
                email = email[7:].strip()
            if not _EMAIL.match(email):
                column = self.headers[self.columns["email"]]
                row.problems.append(
                    Problem(number, column, "the e-mail address is not valid.", "invalid_email")
                )
            fields["email"] = email
        return row


def import_file(
    stage: Any,
    path: Path,
    mapping: dict[str, str] | None = None,
    *,
    dry_run: bool = False,
    skip_bad_rows: bool = False,
    operator: str = "",
    cancel_missing: bool = False,
) -> ImportReport:
    """Import a registration list into `stage` (see the module's docstring).

    People on the stage that a re-import no longer lists are reported (`report.missing`);
    `cancel_missing` cancels their registrations in the same transaction.
    """
    # Tens of thousands of small objects that all live until the end: the cyclic garbage
    # collector would walk them again and again (about half the time of a big import).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import(stage, Path(path), mapping, dry_run, skip_bad_rows, operator, cancel_missing)
    finally:
        if collecting:
            gc.enable()


def _import(
    stage: Any,
    path: Path,
    mapping: dict[str, str] | None,
    dry_run: bool,
    skip_bad_rows: bool,
    operator: str,
    cancel_missing: bool = False,
) -> ImportReport:
    report = ImportReport(
        file=str(path), dry_run=dry_run, skip_bad_rows=skip_bad_rows, cancel_missing=cancel_missing
    )
    if mapping:
        mapping = {k.strip(): v for k, v in mapping.items()}
    table = _read(path, mapping)
    report.format = table.format
    report.encoding = table.encoding
    report.delimiter = table.delimiter
    report.sheet = table.sheet
    headers = table.headers
    columns = _resolve_mapping(headers, mapping)
    if not any(f in columns for f in NAME_FIELDS):
        raise ImportFailed(
            "The file has no name columns (the first row must hold the column names, e.g. "
            "'Nome' and 'Cognome' or 'First Name' and 'Last Name'). Columns found: "
            + _list_columns(headers)
            + ". Give the mapping with --map first_name=COLUMN --map last_name=COLUMN.",
            reason="no_name_columns",
            params=[_list_columns(headers)],
        )
    report.mapping = {name: headers[i] for name, i in sorted(columns.items(), key=lambda kv: kv[1])}
    mapped = set(columns.values())
    fallback = _buyer_email_column(headers, columns, mapping)
    if fallback is not None:
        mapped.add(fallback)
    extra_columns = [i for i in range(len(headers)) if i not in mapped]
    # Columns with a header but never a value are not worth an extra field.
    used = [i for i in extra_columns if any(i < len(c) and c[i].strip() for _, c in table.rows)]
    extra_columns = used
    report.extra_columns = [headers[i] for i in extra_columns]

    warnings = report.warnings
    warnings.extend(table.notes)
    spans = table.spans
    parser = _RowParser(table, columns, extra_columns)
    parser.email_fallback = fallback
    parsed: list[_Row] = []
    seen_rows: dict[tuple[str, ...], int] = {}
    width = len(headers)
    for number, raw in table.rows:
        report.rows += 1
        cells = tuple(map(str.strip, raw))
        if len(cells) < width:
            cells += ("",) * (width - len(cells))
        first = seen_rows.get(cells)
        if first is not None:
            report.duplicates_merged += 1
            warnings.append(
                Problem(
                    number,
                    None,
                    f"the same as row {first}: imported once.",
                    "same_row",
                    {"row": first},
                )
            )
            continue
        seen_rows[cells] = number
        if number in spans:
            problem = _unclosed_quote(number, cells, table, width)
            if problem is not None:
                row = _Row(number)
                row.problems.append(problem)
                parsed.append(row)
                continue
        parsed.append(parser.parse(number, cells))
    del seen_rows
    warnings.extend(parser.warnings)
    for i, numbers in parser.cut.items():
        warnings.append(
            Problem(
                numbers[0],
                headers[i],
                f"{len(numbers)} {'value was' if len(numbers) == 1 else 'values were'} stored by "
                "Excel as numbers and may have lost digits (e.g. 3.39E+09): check them in the "
                "original file.",
                "excel_digits",
                {"count": len(numbers)},
            )
        )

    _categorise(parsed, headers, columns, warnings)
    _statuses(parsed, headers, columns, warnings)
    _shared_codes(parsed, headers, columns, warnings)
    parsed = _merge_same_person(parsed, warnings, report)

    existing = _Existing(stage)
    items: list[tuple[str, str | None, dict[str, Any]]] = []
    claimed: dict[str, int] = {}  # attendee id -> the row that updates them
    planned: list[tuple[_Row, Attendee | None]] = []
    for row in parsed:
        if row.problems:
            continue
        target, problem = existing.match(row)
        if problem:
            row.problems.append(Problem(row.number, None, problem, "codes_of_different_people"))
            continue
        if target is not None:
            other = claimed.get(target.id)
            if other is not None:
                row.problems.append(
                    Problem(
                        row.number,
                        None,
                        f"describes the same registered person as row {other} "
                        "(same ticket code or e-mail).",
                        "same_registered_person",
                        {"row": other},
                    )
                )
                continue
            claimed[target.id] = row.number
        planned.append((row, target))

    bad = [r for r in parsed if r.problems]
    missing = existing.missing(claimed, bad)
    report.missing = [{"code": a.code, "name": a.display_name or a.code} for a in missing]
    report.bad_rows = len(bad)
    for r in bad:
        report.problems.extend(r.problems)
    report.problems.sort(key=lambda p: p.row or 0)
    if bad and not skip_bad_rows:
        report.refused = True
        return report
    report.skipped = len(bad)

    for row, target in planned:
        if target is None:
            report.created += 1
            if row.status == "cancelled":
                report.cancelled += 1
            if dry_run:
                continue
            fields: dict[str, Any] = dict(row.fields)
            if row.codes:
                fields["external_codes"] = row.codes
            if row.extra:
                fields["extra"] = row.extra
            attendee_id, payload = stage.new_attendee_payload(fields)
            if row.status == "cancelled":
                payload["status"] = "cancelled"
                payload["reason"] = row.reason
            items.append(("attendee_upserted", attendee_id, payload))
            continue
        changed = _changes(target, row)
        payload = {"code": target.code, "fields": changed}
        if row.status == "cancelled" and not target.cancelled:
            payload.update(status="cancelled", reason=row.reason)
            report.cancelled += 1
        elif row.status == "active" and target.cancelled:
            # Active again only when the registration system had cancelled them; a desk's
            # cancellation (a phone call, an e-mail) is not undone by an export.
            if existing.cancelled_by(target, row.reason.partition(":")[0]):
                payload.update(status="active", reason=row.reason)
                report.restored += 1
            else:
                warnings.append(
                    Problem(
                        row.number,
                        None,
                        "cancelled at the desk; the list says active: left cancelled.",
                        "left_cancelled",
                    )
                )
        if len(payload) > 2 or changed:
            items.append(("attendee_upserted", target.id, payload))
            report.updated += 1
        else:
            report.unchanged += 1
    if cancel_missing and missing:
        reason = f"Not in the list {path.name} (re-import)"
        report.missing_cancelled = len(missing)
        items += [
            (
                "attendee_upserted",
                a.id,
                {"code": a.code, "fields": {}, "status": "cancelled", "reason": reason},
            )
            for a in missing
        ]
    if items and not dry_run:
        stage.record_many(items, operator=operator)
    return report


def _buyer_email_column(
    headers: list[str], columns: dict[str, int], explicit: dict[str, str] | None
) -> int | None:
    """pretix and Eventbrite give an attendee e-mail and the buyer's ("Email"): a ticket
    whose attendee e-mail is empty takes the buyer's (they are reached through it)."""
    if "email" not in columns or (explicit and "email" in explicit):
        return None
    if not _header_key(headers[columns["email"]]).startswith("attendee"):
        return None
    taken = set(columns.values())
    for i, header in enumerate(headers):
        if i not in taken and _header_key(header) in ("email", "emailaddress", "buyeremail"):
            return i
    return None


def _warn_unknown_labels(
    unknown: dict[str, list[int]], column: str, what: str, taken_as: str, warnings: list[Problem]
) -> None:
    """One warning per label of a column the importer does not know (at its first row)."""
    for label, numbers in unknown.items():
        shown = label if len(label) <= 40 else label[:39] + "…"
        count = len(numbers)
        warnings.append(
            Problem(
                numbers[0],
                column,
                f"'{shown}' is not a known {what}: {count} "
                f"{'person' if count == 1 else 'people'} imported as {taken_as}.",
                f"unknown_{what}",
                {"label": shown, "count": count},
            )
        )


def _categorise(
    rows: list[_Row], headers: list[str], columns: dict[str, int], warnings: list[Problem]
) -> None:
    """Ticket type labels -> categories; one warning per label we do not know."""
    if "category" not in columns:
        return
    column = headers[columns["category"]]
    known: dict[str, str | None] = {}
    unknown: dict[str, list[int]] = {}
    for row in rows:
        if not row.label:
            continue
        if row.label not in known:
            known[row.label] = category_of(row.label)
        category = known[row.label]
        if category is None:
            unknown.setdefault(row.label, []).append(row.number)
            category = "guest"
        row.fields["category"] = category
    _warn_unknown_labels(unknown, column, "category", "guest", warnings)


def _source_of(headers: list[str], status_header: str) -> str:
    """Which registration system wrote the list: the first words of a cancellation's reason."""
    keys = {_header_key(h) for h in headers}
    if keys & {"positionid", "ticketsecret", "pseudonymizationid", "eventslug", "ordercode"}:
        return "pretix"
    if keys & {"attendeestatus", "statopartecipante", "barcode", "ncodiceabarre", "order"}:
        return "Eventbrite"
    if "registrationstate" in keys:
        return "Indico"
    return status_header


def _statuses(
    rows: list[_Row], headers: list[str], columns: dict[str, int], warnings: list[Problem]
) -> None:
    """Status labels -> active / cancelled (with the reason); one warning per unknown label."""
    if STATUS not in columns:
        return
    column = headers[columns[STATUS]]
    source = _source_of(headers, column)
    known: dict[str, str] = {}
    unknown: dict[str, list[int]] = {}
    for row in rows:
        label = row.status
        if not label:
            continue
        status = known.get(label)
        if status is None:
            key = _header_key(label)
            if key in _CANCELLED_STATUSES:
                status = "cancelled"
            elif key in _ACTIVE_STATUSES:
                status = "active"
            else:
                status = ""
            known[label] = status
        if not status:
            unknown.setdefault(label, []).append(row.number)
        row.status = status
        row.reason = f"{source}: {label}"
    _warn_unknown_labels(unknown, column, "status", "active", warnings)


def _shared_codes(
    rows: list[_Row], headers: list[str], columns: dict[str, int], warnings: list[Problem]
) -> None:
    """A code on several people's rows (an order number) is not a ticket: keep it as extra."""
    owners: dict[str, list[_Row]] = {}
    for row in rows:
        for code in row.codes:
            owners.setdefault(code, []).append(row)
    shared = {
        code: group
        for code, group in owners.items()
        if len(group) > 1 and len({r.identity() or ("", str(r.number)) for r in group}) > 1
    }
    if not shared:
        return
    column = headers[columns["external_codes"]]
    for group in shared.values():
        for row in group:
            if any(c in shared for c in row.codes):
                row.extra[column] = " ".join(row.codes)
                row.codes = [c for c in row.codes if c not in shared]
    first = min(r.number for g in shared.values() for r in g)
    warnings.append(
        Problem(
            first,
            column,
            f"{len(shared)} codes appear on the rows of different people (order numbers?): "
            "kept as an extra field, not as ticket codes.",
            "shared_codes",
            {"count": len(shared)},
        )
    )


def _merge_same_person(
    rows: list[_Row], warnings: list[Problem], report: ImportReport
) -> list[_Row]:
    """Rows of one person (same e-mail and name, or the same ticket code): the later wins."""
    out: list[_Row] = []
    by_identity: dict[tuple[str, str], _Row] = {}
    by_code: dict[str, _Row] = {}
    for row in rows:
        if row.problems:
            out.append(row)
            continue
        ident = row.identity()
        earlier = next((by_code[c] for c in row.codes if c in by_code), None)
        if earlier is None and ident is not None:
            earlier = by_identity.get(ident)
            if earlier is not None and earlier.codes and row.codes:
                # Two tickets bought by one buyer whose name and e-mail fill both rows:
                # two people, two admissions (their codes differ).
                earlier = None
        if earlier is None:
            out.append(row)
            if ident is not None:
                by_identity[ident] = row
            for c in row.codes:
                by_code[c] = row
            continue
        earlier.fields.update(row.fields)
        earlier.extra.update(row.extra)
        earlier.codes = sorted(set(earlier.codes) | set(row.codes))
        earlier.merged_from.append(row.number)
        for c in row.codes:
            by_code[c] = earlier
        report.duplicates_merged += 1
        warnings.append(
            Problem(
                row.number,
                None,
                f"the same person as row {earlier.number}: merged, the later row's values win.",
                "same_person",
                {"row": earlier.number},
            )
        )
    return out


class _Existing:
    """The people already on the stage, indexed by external code and e-mail (read once)."""

    def __init__(self, stage: Any) -> None:
        self.by_code: dict[str, Attendee] = {}
        self.by_email: dict[str, list[Attendee]] = {}
        self.by_name: dict[tuple[str, str], list[Attendee]] | None = None
        self.people: list[Attendee] = []
        self._loaded = False
        self._stage = stage

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self.people = self._stage.attendees()
        for a in self.people:
            for code in a.external_codes:
                self.by_code[code] = a
            if a.email:
                self.by_email.setdefault(a.email.casefold(), []).append(a)

    def missing(self, claimed: dict[str, int], bad: list[_Row]) -> list[Attendee]:
        """Active people of earlier lists that this file does not list (walk-ins excepted).

        Only for a file that lists some of them (a new version of the list, not another list);
        a bad row's person is not missing: the row is there, it cannot be read.
        """
        if not claimed:
            return []
        spared = set(claimed)
        for row in bad:
            target, _ = self.match(row)
            if target is not None:
                spared.add(target.id)
        walk_ins = {
            r[0]
            for r in self._stage.conn.execute(
                "SELECT DISTINCT attendee_id FROM event WHERE kind = 'checkin' "
                "AND json_extract(payload, '$.method') = 'walk_in'"
            )
        }
        return [
            a
            for a in self.people
            if a.id not in spared and not a.cancelled and not a.redacted and a.id not in walk_ins
        ]

    def cancelled_by(self, person: Attendee, source: str) -> bool:
        """Whether `person`'s cancellation came from the same registration system's list."""
        reason_of = getattr(self._stage, "cancellation_reason", None)
        reason = reason_of(person.id) if reason_of else ""
        return bool(source) and reason.startswith(source + ":")

    def _by_name(self, row: _Row) -> Attendee | None:
        """No code, no e-mail: the same name at the same company, if only one person has it."""
        if self.by_name is None:
            self.by_name = {}
            for a in self.people:
                if not a.email and not a.external_codes and not a.redacted:
                    self.by_name.setdefault(_name_key(a.__dict__), []).append(a)
        found = self.by_name.get(_name_key(row.fields), [])
        return found[0] if len(found) == 1 else None

    def match(self, row: _Row) -> tuple[Attendee | None, str | None]:
        self._load()
        if not self.people:
            return None, None
        if not row.codes and not row.fields.get("email"):
            return self._by_name(row), None
        found = {self.by_code[c].id: self.by_code[c] for c in row.codes if c in self.by_code}
        if len(found) > 1:
            return None, "its ticket codes belong to different registered people."
        if found:
            return next(iter(found.values())), None
        email = row.fields.get("email", "").casefold()
        candidates = [a for a in self.by_email.get(email, []) if not a.redacted] if email else []
        if row.codes:  # a different ticket of the same e-mail is a different registration
            candidates = [a for a in candidates if not a.external_codes]
        if not candidates:
            return None, None
        ident = row.identity()
        # identity() is casefolded; the stage's names are folded (no accents): fold both.
        name = " ".join(fold(ident[1]).split()) if ident else ""
        same_name = [
            a
            for a in candidates
            if ident and " ".join(fold(f"{a.first_name} {a.last_name}").split()) == name
        ]
        if len(same_name) == 1:
            return same_name[0], None
        if len(candidates) == 1 and len(same_name) == 0:
            # One person with this e-mail: an updated spelling of their name, unless the
            # names share nothing at all (a colleague registered with the same address).
            a = candidates[0]
            old = set(fold(f"{a.first_name} {a.last_name}").split())
            new = set(name.split())
            if old & new:
                return a, None
        return None, None


def _name_key(fields: dict[str, Any]) -> tuple[str, str]:
    name = fold(f"{fields.get('first_name', '')} {fields.get('last_name', '')}")
    return " ".join(name.split()), " ".join(fold(fields.get("company", "")).split())


def _changes(target: Attendee, row: _Row) -> dict[str, Any]:
    """The fields of `row` that differ from what the stage holds (empty cells erase nothing)."""
    wanted: dict[str, Any] = dict(row.fields)
    if row.codes:
        wanted["external_codes"] = sorted(set(target.external_codes) | set(row.codes))
    if row.extra:
        wanted["extra"] = {**target.extra, **row.extra}
    clean = normalise_fields(wanted)
    changed = {}
    for name, value in clean.items():
        if name not in ATTENDEE_FIELDS:
            continue
        if name != "category" and value in ("", [], {}):
            continue
        if getattr(target, name) != value:
            changed[name] = value
    return changed
