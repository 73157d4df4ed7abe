"""What one data row says: the person's fields, ticket codes and extra fields, and its problems and
warnings."""

from __future__ import annotations

import re

from desktop_app.core.importer.headers import (
    _EXTRA_FIELDS,
    DELEGATION_HEAD,
    FULL_NAME,
    FULL_NAME_REVERSED,
    MORE_NOTES,
    NAME_FIELDS,
    SPECIAL_ATTENTION,
    STATUS,
    _column_letter,
    _header_key,
)
from desktop_app.core.importer.names import _countries, split_full_name
from desktop_app.core.importer.reading import MAX_CELL_CHARS, Table
from desktop_app.core.importer.report import Problem

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+]\d+$")
_CODE_SPLIT = re.compile(r"[\s,;|]+")
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
