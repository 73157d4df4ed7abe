"""The precedence list of the Consular Corps at a stage, as protocol demands.

Vienna Convention on Consular Relations (1963), art. 16:
- heads of consular post rank in each class (art. 9: consuls-general, consuls, vice-consuls,
  consular agents) by the date of the grant of the exequatur (16.2), or of the provisional
  admission when that came first (16.3);
- honorary heads of post rank in each class after the career heads (16.7).
The doyen of the Consular Corps is the career head of post first in precedence, unless the list
names one (a "doyen" / "decano" in the role or notes, or the extra column "doyen" = yes): the
Corps designates its own doyen and the list's word wins.

Three uses at a stage: the greeting line of a speech (the doyen first, then each class
present), the speaking order (the reverse of precedence, as Italian ceremonial has it: the
highest rank speaks last) and reserved seats (row A seat 1 to the first in precedence, then
outward from the centre). Exported as PDF and XLSX; the Reports window shows the same list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.core import consular
from desktop_app.core.errors import InvalidInput
from desktop_app.core.files import written_atomically
from desktop_app.core.model import Attendee
from desktop_app.core.search import fold

_CLASS_INDEX = {code: index for index, code in enumerate(consular.RANKS)}
_YES = {"yes", "si", "sì", "true", "1", "x", "y"}
_DOYEN_WORD = re.compile(r"\b(doyen|decano|decana|doyenne)\b")
_FEMALE_TITLES = (
    "sig.ra",
    "signora",
    "sig.na",
    "dott.ssa",
    "prof.ssa",
    "avv.ta",
    "ing.ra",
    "mrs",
    "ms",
    "miss",
    "madam",
    "mme",
    "frau",
    "sra",
    "dr.ssa",
)

# problem codes an organizer must look at before the day (the list still orders them)
PROBLEMS = {
    "no_rank": ("consular rank not given", "rango consolare non indicato"),
    "unreadable_rank": ("consular rank not understood", "rango consolare non riconosciuto"),
    "no_exequatur": ("exequatur date missing", "data dell'exequatur mancante"),
    "unreadable_exequatur": ("exequatur date not understood", "data dell'exequatur non valida"),
    "tie": (
        "same exequatur date as another head of post: the date of the commission decides "
        "(art. 16.2)",
        "stessa data di exequatur di un altro capo di posto: decide la data della lettera "
        "patente (art. 16.2)",
    ),
}


@dataclass(frozen=True)
class Entry:
    position: int  # 1 = first in precedence
    attendee: Attendee
    rank: str  # consular.RANKS code, '' when not given or not understood
    service: str  # career | honorary | ''
    exequatur: date | None
    seat: str = ""
    speaking: int = 0  # 1 = speaks first
    problems: tuple[str, ...] = ()

    def rank_label(self, lang: str = "en") -> str:
        label = consular.RANK_LABELS.get(lang, consular.RANK_LABELS["en"]).get(self.rank, "")
        if label and self.service == "honorary":
            label += " onorario" if lang == "it" else " (honorary)"
        return label or self.attendee.consular_rank

    def problem_text(self, lang: str = "en") -> str:
        index = 1 if lang == "it" else 0
        return "; ".join(PROBLEMS[p][index] for p in self.problems)


@dataclass
class Precedence:
    entries: list[Entry] = field(default_factory=list)  # ranked heads of consular post
    unranked: list[Entry] = field(default_factory=list)  # consuls without a readable class
    doyen: Entry | None = None
    doyen_designated: bool = False  # named by the list rather than computed

    @property
    def problems(self) -> int:
        return sum(1 for e in (*self.entries, *self.unranked) if e.problems)

    def speaking_order(self) -> list[Entry]:
        return sorted(self.entries, key=lambda e: e.speaking)

    def greeting(self, lang: str = "en") -> str:
        """The opening words of a speech: the doyen, then every class present."""
        parts: list[str] = []
        doyen = self.doyen
        if doyen is not None:
            female = _female(doyen.attendee)
            if lang == "it":
                parts.append(
                    "Signora Decana del Corpo Consolare"
                    if female
                    else "Signor Decano del Corpo Consolare"
                )
            else:
                parts.append("Madam Doyen of the Consular Corps" if female else "Mr Doyen")
                if not female:
                    parts[-1] += " of the Consular Corps"
        plural = {
            "it": {
                "consul_general": "Signori Consoli Generali",
                "consul": "Signori Consoli",
                "vice_consul": "Signori Vice Consoli",
                "consular_agent": "Signori Agenti Consolari",
            },
            "en": {
                "consul_general": "Consuls General",
                "consul": "Consuls",
                "vice_consul": "Vice-Consuls",
                "consular_agent": "Consular Agents",
            },
        }[lang if lang == "it" else "en"]
        for code in consular.RANKS:
            if any(e.rank == code and e is not doyen for e in self.entries):
                parts.append(plural[code])
        return ", ".join(parts)


def _female(person: Attendee) -> bool:
    title = person.title.casefold().strip()
    return any(title.startswith(t) for t in _FEMALE_TITLES)


def _designated_doyen(person: Attendee) -> bool:
    if str(person.extra.get("doyen", "")).strip().casefold() in _YES:
        return True
    return bool(_DOYEN_WORD.search(fold(f"{person.role} {person.notes}")))


def _is_consular(person: Attendee) -> bool:
    return bool(person.consular_rank) or person.category == "consul"


def seat_labels(count: int, per_row: int = 10) -> list[str]:
    """Reserved seats in precedence order: row A first; in a row, seat 1 is the centre, then
    even numbers to its right and odd ones to its left (as the audience sees it)."""
    if per_row < 1:
        raise InvalidInput("A row holds at least one seat.")
    labels = []
    for index in range(count):
        row, seat = divmod(index, per_row)
        letters = ""
        row += 1
        while row:
            row, rest = divmod(row - 1, 26)
            letters = chr(65 + rest) + letters
        labels.append(f"{letters}{seat + 1}")
    return labels


def decide(people: list[Attendee], *, per_row: int = 10, present_only: bool = False) -> Precedence:
    """Order the heads of consular post among `people` (cancelled and erased ones left out)."""
    ranked: list[tuple[tuple, Attendee, str, str, date | None, list[str]]] = []
    unranked: list[tuple[Attendee, list[str]]] = []
    for person in people:
        if person.cancelled or person.redacted or not _is_consular(person):
            continue
        if present_only and not person.checked_in:
            continue
        problems: list[str] = []
        rank = person.consular_rank if person.consular_rank in _CLASS_INDEX else ""
        service = person.consular_service if person.consular_service in consular.SERVICES else ""
        if not rank:
            hint, hinted_service = consular.parse_rank(person.consular_rank or person.role)
            rank = hint
            service = service or hinted_service
        if not rank:
            unranked.append((person, ["unreadable_rank" if person.consular_rank else "no_rank"]))
            continue
        day = consular.parse_date(person.exequatur)
        if day is None:
            problems.append("unreadable_exequatur" if person.exequatur else "no_exequatur")
        key = (
            _CLASS_INDEX[rank],
            1 if service == "honorary" else 0,  # art. 16.7; lists write "onorario", else career
            day or date.max,
            fold(person.last_name),
            fold(person.first_name),
            person.code,
        )
        ranked.append((key, person, rank, service, day, problems))
    ranked.sort(key=lambda item: item[0])
    # two heads of post of one class and service with one date: the list cannot decide
    for (a, *_, pa), (b, *_, pb) in zip(ranked, ranked[1:], strict=False):
        if a[:3] == b[:3] and a[2] != date.max:
            for problems in (pa, pb):
                if "tie" not in problems:
                    problems.append("tie")
    seats = seat_labels(len(ranked), per_row)
    count = len(ranked)
    entries = [
        Entry(
            position=i + 1,
            attendee=person,
            rank=rank,
            service=service,
            exequatur=day,
            seat=seats[i],
            speaking=count - i,
            problems=tuple(problems),
        )
        for i, (_, person, rank, service, day, problems) in enumerate(ranked)
    ]
    result = Precedence(
        entries=entries,
        unranked=[
            Entry(position=0, attendee=p, rank="", service="", exequatur=None, problems=tuple(pr))
            for p, pr in sorted(unranked, key=lambda u: (fold(u[0].last_name), u[0].code))
        ],
    )
    designated = [e for e in entries if _designated_doyen(e.attendee)]
    if designated:
        result.doyen, result.doyen_designated = designated[0], True
    else:
        career = [e for e in entries if e.service != "honorary"]
        result.doyen = (career or entries or [None])[0]
    return result


def for_stage(stage: Any, *, per_row: int = 10, present_only: bool = False) -> Precedence:
    return decide(stage.consular_corps(), per_row=per_row, present_only=present_only)


# --- exports ---------------------------------------------------------------------------------

_HEAD = {
    "en": ("#", "Seat", "Speaks", "Rank", "Name", "Country", "Exequatur", "Present", "Check"),
    "it": (
        "N.",
        "Posto",
        "Interviene",
        "Rango",
        "Nominativo",
        "Paese",
        "Exequatur",
        "Presente",
        "Da verificare",
    ),
}
_TEXT = {
    "en": {
        "title": "Precedence of the Consular Corps",
        "greeting": "Greeting",
        "doyen": "Doyen of the Consular Corps",
        "designated": "named by the list",
        "computed": "first career head of post in precedence",
        "none": "No head of consular post in this list.",
        "speaking": "Speaking order: the reverse of precedence (the highest rank speaks last).",
        "seats": "Seats: row A first; seat 1 is the centre, even numbers to its right, odd to "
        "its left (as the audience sees it).",
        "rule": "Vienna Convention on Consular Relations, art. 16: by class, career heads "
        "before honorary ones, then by date of the exequatur. A rank not marked honorary "
        "counts as career.",
        "unranked": "Consular guests without a class (complete the list)",
        "sheet": "Precedence",
    },
    "it": {
        "title": "Precedenze del Corpo Consolare",
        "greeting": "Saluti",
        "doyen": "Decano del Corpo Consolare",
        "designated": "indicato nella lista",
        "computed": "primo capo di posto di carriera per precedenza",
        "none": "Nessun capo di posto consolare in questa lista.",
        "speaking": "Ordine degli interventi: inverso alle precedenze (il rango più alto "
        "interviene per ultimo).",
        "seats": "Posti: prima la fila A; il posto 1 è al centro, i pari alla sua destra, i "
        "dispari alla sua sinistra (visti dal pubblico).",
        "rule": "Convenzione di Vienna sulle relazioni consolari, art. 16: per classe, i capi "
        "di posto di carriera prima degli onorari, poi per data dell'exequatur. Un rango non "
        "indicato come onorario vale di carriera.",
        "unranked": "Ospiti consolari senza classe (completare la lista)",
        "sheet": "Precedenze",
    },
}


def _day_text(day: date | None, lang: str) -> str:
    if day is None:
        return ""
    return day.strftime("%d/%m/%Y") if lang == "it" else day.isoformat()


def _present(entry: Entry) -> str:
    person = entry.attendee
    if not person.checked_in:
        return "—"
    when = (person.checked_in_at or "")[11:16]
    return f"✔ {when}".strip()


def row_values(entry: Entry, lang: str) -> list[str]:
    person = entry.attendee
    return [
        str(entry.position) if entry.position else "",
        entry.seat,
        str(entry.speaking) if entry.speaking else "",
        entry.rank_label(lang),
        person.display_name,
        person.country,
        _day_text(entry.exequatur, lang) or person.exequatur,
        _present(entry),
        entry.problem_text(lang),
    ]


def write(
    stage: Any,
    out: Path,
    fmt: str,
    *,
    lang: str = "en",
    per_row: int = 10,
    present_only: bool = False,
) -> dict[str, Any]:
    """Write the precedence list as pdf or xlsx (atomically). Returns what was written."""
    fmt = fmt.lower()
    if fmt not in ("pdf", "xlsx"):
        raise InvalidInput(f"Unknown format '{fmt}': use pdf or xlsx.")
    lang = "it" if lang == "it" else "en"
    result = for_stage(stage, per_row=per_row, present_only=present_only)
    out = Path(out)
    with written_atomically(out, "precedence list") as tmp:
        if fmt == "pdf":
            _write_pdf(stage, result, tmp, lang)
        else:
            _write_xlsx(result, tmp, lang)
    doyen = result.doyen
    return {
        "file": str(out),
        "format": fmt,
        "heads_of_post": len(result.entries),
        "unranked": len(result.unranked),
        "problems": result.problems,
        "doyen": doyen.attendee.code if doyen else None,
        "greeting": result.greeting(lang),
        "order": [e.attendee.code for e in result.entries],
    }


def _write_xlsx(result: Precedence, out: Path, lang: str) -> None:
    from desktop_app.core.xlsx import XlsxBook

    t = _TEXT[lang]
    book = XlsxBook(lang)
    sheet = book.sheet(t["sheet"], list(_HEAD[lang]), [6, 8, 10, 26, 34, 18, 12, 10, 50])
    for entry in result.entries:
        sheet.append(row_values(entry, lang))
    for entry in result.unranked:
        sheet.append(row_values(entry, lang))
    notes = book.sheet(t["greeting"], None, [110])
    notes.append([t["greeting"]], bold=True)
    notes.append([result.greeting(lang) or t["none"]])
    if result.doyen is not None:
        how = t["designated"] if result.doyen_designated else t["computed"]
        person = result.doyen.attendee
        notes.append([f"{t['doyen']}: {person.display_name} ({person.country}) — {how}"])
    for line in (t["speaking"], t["seats"], t["rule"]):
        notes.append([line])
    book.save(out)


def _write_pdf(stage: Any, result: Precedence, out: Path, lang: str) -> None:
    from desktop_app.core.export import ExportOptions, _Pdf

    t = _TEXT[lang]
    pdf = _Pdf(stage, out, ExportOptions(lang=lang))
    pdf.canvas.setTitle(f"{t['title']} — {stage.info.title}")
    head = list(_HEAD[lang])[:-1]  # what to check goes on a line of its own, in red
    shares = [0.04, 0.055, 0.085, 0.2, 0.28, 0.14, 0.1, 0.1]
    width = pdf.page_w - 2 * pdf.MARGIN_X
    widths = [s * width for s in shares]
    row_h, note_h = 15, 11
    rows = [(e, False) for e in result.entries] + [(e, True) for e in result.unranked]

    def height(entry: Entry) -> float:
        return row_h + (note_h if entry.problems else 0)

    # lay the pages out once to count them: "page N of M" in the footer
    first_room = pdf.page_h - 2 * pdf.MARGIN_Y - pdf.HEADER_H - pdf.FOOTER_H - 110
    later_room = pdf.page_h - 2 * pdf.MARGIN_Y - pdf.HEADER_H - pdf.FOOTER_H - row_h
    pages, room = 1, first_room
    for entry, _ in rows:
        if height(entry) > room:
            pages, room = pages + 1, later_room
        room -= height(entry)
    pdf.pages = pages + (1 if result.unranked and room < 2 * row_h else 0)

    def table_head(y: float) -> float:
        c = pdf.canvas
        c.setFillColorRGB(0.88, 0.91, 0.96)
        c.rect(pdf.MARGIN_X, y - row_h, width, row_h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        x = pdf.MARGIN_X
        for label, w in zip(head, widths, strict=True):
            pdf.text(x + 3, y - 11, label, 9, bold=True, width=w - 6)
            x += w
        return y - row_h

    pdf.new_page()
    y = pdf.header(t["title"])
    pdf.text(pdf.MARGIN_X, y - 6, t["greeting"], 10, bold=True)
    pdf.text(pdf.MARGIN_X + 70, y - 6, result.greeting(lang) or t["none"], 10, width=width - 70)
    y -= 22
    if result.doyen is not None:
        person = result.doyen.attendee
        how = t["designated"] if result.doyen_designated else t["computed"]
        line = f"{t['doyen']}: {person.display_name} ({person.country}) — {how}"
        pdf.text(pdf.MARGIN_X, y - 6, line, 10, bold=True, width=width)
        y -= 18
    for line in (t["rule"], t["speaking"], t["seats"]):
        pdf.text(pdf.MARGIN_X, y - 6, line, 8.5, width=width)
        y -= 13
    y = table_head(y - 6)
    bottom = pdf.MARGIN_Y + pdf.FOOTER_H
    unranked_started = False
    for entry, is_unranked in rows:
        if is_unranked and not unranked_started:
            unranked_started = True
            y -= 8
            pdf.text(pdf.MARGIN_X, y - 11, t["unranked"], 9.5, bold=True, width=width)
            y -= row_h
        if y - height(entry) < bottom:
            pdf.new_page()
            y = table_head(pdf.header(t["title"]))
        x = pdf.MARGIN_X
        c = pdf.canvas
        values = row_values(entry, lang)
        for i, (value, w) in enumerate(zip(values[:-1], widths, strict=True)):
            pdf.text(x + 3, y - 11, value, 9, bold=i == 4 and entry is result.doyen, width=w - 6)
            x += w
        y -= row_h
        if entry.problems:
            c.setFillColorRGB(0.7, 0.1, 0.1)
            pdf.text(pdf.MARGIN_X + widths[0] + 3, y - 7, "⚠ " + values[-1], 8, width=width - 40)
            c.setFillColorRGB(0, 0, 0)
            y -= note_h
        c.setStrokeColorRGB(0.85, 0.85, 0.85)
        c.setLineWidth(0.4)
        c.line(pdf.MARGIN_X, y, pdf.MARGIN_X + width, y)
    pdf.finish()
