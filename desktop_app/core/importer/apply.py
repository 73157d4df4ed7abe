"""What an import changes on the stage: who is new, who is updated and how, who is merged or
missing; written in one transaction."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importer.headers import (
    NAME_FIELDS,
    _buyer_email_column,
    _list_columns,
    _resolve_mapping,
)
from desktop_app.core.importer.labels import _categorise, _statuses
from desktop_app.core.importer.reading import _read, _unclosed_quote
from desktop_app.core.importer.report import ImportReport, Problem
from desktop_app.core.importer.rows import _Row, _RowParser
from desktop_app.core.model import ATTENDEE_FIELDS, Attendee, normalise_fields
from desktop_app.core.search import fold


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
            fields: dict[str, Any] = row.fields  # the row is not read again: no copy
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
