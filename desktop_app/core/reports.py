"""Statistics of a stage, whether its numbers are final, and the whole-roadshow series report.

Everything here reads the derived tables of stage files; nothing is written to a stage.
Times are shown in the local time zone of the computer (the venue's, for a desk laptop).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop_app.core.desk import Desk, load_desk
from desktop_app.core.errors import RoadshowError
from desktop_app.core.model import CATEGORIES, CATEGORY_LABELS
from desktop_app.core.search import fold
from desktop_app.core.store import Stage, list_stages, stage_path
from desktop_app.core.words import words

UNKNOWN = "—"  # the bucket of people with no sector / no country of interest


def category_label(category: str, lang: str = "en") -> str:
    return CATEGORY_LABELS.get(lang, CATEGORY_LABELS["en"]).get(category, category)


def local_time(iso: str | None) -> datetime | None:
    """An ISO 8601 timestamp with offset as an aware datetime in the local time zone."""
    if not iso:
        return None
    return datetime.fromisoformat(iso).astimezone()


def split_countries(text: str) -> list[str]:
    """Countries of interest are stored '; '-separated (some imports use ',')."""
    parts = re.split(r"[;,]", text or "")
    return [p.strip() for p in parts if p.strip()]


# --- one stage -----------------------------------------------------------------------------


def session_arrivals(stage: Stage, session_id: str) -> dict[str, tuple[str, str]]:
    """attendee id -> (recorded_at, desk name) of their first un-cancelled session check-in."""
    first: dict[str, tuple[str, str]] = {}
    for attendee_id, recorded_at, desk in stage.conn.execute(
        "SELECT attendee_id, recorded_at, desk_name FROM checkin "
        "WHERE session_id = ? AND cancelled = 0 ORDER BY hlc, desk_id, desk_seq",
        (session_id,),
    ):
        first.setdefault(attendee_id, (recorded_at, desk))
    return first


def _tally(
    counts: Counter[tuple[str, bool]], order: list[str] | None = None
) -> list[dict[str, Any]]:
    """(key, present) -> people  ==>  [{key, registered, checked_in}], biggest first."""
    registered: Counter[str] = Counter()
    present: Counter[str] = Counter()
    for (key, checked_in), n in counts.items():
        registered[key] += n
        if checked_in:
            present[key] += n
    keys = order or sorted(registered, key=lambda k: (k == UNKNOWN, -present[k], -registered[k], k))
    return [
        {"key": k, "registered": registered[k], "checked_in": present[k]}
        for k in keys
        if registered[k] or order
    ]


# an arrival to the minute, keeping its offset ('2026-03-12T09:14' + '+01:00')
_MINUTE_SQL = (
    "substr({c}, 1, 16) || CASE WHEN substr({c}, -6, 1) IN ('+', '-') THEN substr({c}, -6) "
    "WHEN substr({c}, -1) = 'Z' THEN 'Z' ELSE '' END"
)


def _people_groups(
    stage: Stage, session_id: str, category: str | None
) -> tuple[Counter[tuple[str, str, str, bool]], Counter[str], Counter[str]]:
    """(category, countries, sector, present) -> people; arrival minute -> people; desk -> people.

    Grouped in SQL for the stage door, so 50,000 people take a few tens of milliseconds."""
    where = "status = 'active'" + (" AND category = ?" if category else "")
    args = [category] if category else []
    groups: Counter[tuple[str, str, str, bool]] = Counter()
    minutes: Counter[str] = Counter()
    desks: Counter[str] = Counter()
    if not session_id:
        for cat, countries, sector, present, n in stage.conn.execute(
            "SELECT category, countries, sector, checkin_event_id IS NOT NULL, COUNT(*) "
            f"FROM attendee WHERE {where} GROUP BY 1, 2, 3, 4",
            args,
        ):
            groups[(cat, countries, sector, bool(present))] += n
        for minute, desk, n in stage.conn.execute(
            f"SELECT {_MINUTE_SQL.format(c='checked_in_at')}, checkin_desk, COUNT(*) "
            f"FROM attendee WHERE {where} AND checkin_event_id IS NOT NULL GROUP BY 1, 2",
            args,
        ):
            minutes[minute] += n
            desks[desk or ""] += n
        return groups, minutes, desks
    arrivals = session_arrivals(stage, session_id)
    for attendee_id, cat, countries, sector in stage.conn.execute(
        f"SELECT id, category, countries, sector FROM attendee WHERE {where}", args
    ):
        hit = arrivals.get(attendee_id)
        groups[(cat, countries, sector, hit is not None)] += 1
        if hit:
            when = hit[0]
            tail = when[-6:] if when[-6:-5] in ("+", "-") else ("Z" if when.endswith("Z") else "")
            minutes[when[:16] + tail] += 1
            desks[hit[1] or ""] += 1
    return groups, minutes, desks


def _weighted(times: list[datetime] | Counter[datetime]) -> Counter[datetime]:
    return times if isinstance(times, Counter) else Counter(times)


def arrival_day(times: list[datetime] | Counter[datetime], stage_date: str = "") -> str:
    """The day the arrivals chart shows: the stage's date if anyone arrived then, else the
    busiest day (a stage is one day; stray check-ins on other days are test runs)."""
    days: Counter[str] = Counter()
    for t, n in _weighted(times).items():
        days[t.date().isoformat()] += n
    if not days:
        return stage_date
    if stage_date in days:
        return stage_date
    return max(days, key=lambda d: (days[d], d))


def arrival_buckets(
    times: list[datetime] | Counter[datetime], minutes: int = 15, day: str | None = None
) -> list[dict[str, Any]]:
    """Arrivals per `minutes` on one day, every bucket from the first to the last arrival.

    `times` are arrival times, or a Counter of arrival time -> how many people."""
    weighted = _weighted(times)
    if day is None:
        day = arrival_day(weighted)
    counts: Counter[datetime] = Counter()
    for t, n in weighted.items():
        if t.date().isoformat() == day:
            counts[t.replace(minute=t.minute - t.minute % minutes, second=0, microsecond=0)] += n
    if not counts:
        return []
    step = timedelta(minutes=minutes)
    start, end = min(counts), max(counts)
    out = []
    at = start
    while at <= end:
        out.append({"start": at, "label": at.strftime("%H:%M"), "count": counts.get(at, 0)})
        at += step
    return out


def stage_statistics(
    stage: Stage,
    *,
    session_id: str = "",
    category: str | None = None,
    bucket_minutes: int = 15,
) -> dict[str, Any]:
    """Totals, breakdowns and arrivals over time of a stage (or of one of its sessions).

    People whose registration was cancelled are not counted. For a session, `checked_in`
    means present at that session.
    """
    groups, minutes, desk_counts = _people_groups(stage, session_id, category)
    registered = sum(groups.values())
    checked_in = sum(n for key, n in groups.items() if key[3])
    by_category: Counter[tuple[str, bool]] = Counter()
    by_country: Counter[tuple[str, bool]] = Counter()
    by_sector: Counter[tuple[str, bool]] = Counter()
    for (cat, countries, sector, present), n in groups.items():
        by_category[(cat, present)] += n
        by_sector[(sector or UNKNOWN, present)] += n
        for country in split_countries(countries) or [UNKNOWN]:
            by_country[(country, present)] += n
    times: Counter[datetime] = Counter()
    for minute, n in minutes.items():
        at = local_time(minute)
        if at is not None:
            times[at] += n
    day = arrival_day(times, stage.info.date)
    arrivals = arrival_buckets(times, bucket_minutes, day)
    sessions = stage.sessions()
    for s in sessions:
        s["full"] = s["capacity"] is not None and s["present"] >= int(s["capacity"])
    seen = {cat for cat, _ in by_category}
    known = [c for c in CATEGORIES if c in seen]
    others = sorted(seen - set(CATEGORIES))
    desks = Counter({d: n for d, n in desk_counts.items()})
    return {
        "stage": {
            "slug": stage.info.slug,
            "title": stage.info.title,
            "date": stage.info.date,
            "venue": stage.info.venue,
            "city": stage.info.city,
            "theme": stage.info.theme,
        },
        "session_id": session_id,
        "category": category,
        "registered": registered,
        "checked_in": checked_in,
        "no_show": registered - checked_in,
        "no_show_rate": (registered - checked_in) / registered if registered else 0.0,
        "by_category": _tally(by_category, known + others),
        "by_country": _tally(by_country),
        "by_sector": _tally(by_sector),
        "arrivals": arrivals,
        "arrivals_day": day,
        # the chart shows one day; whoever is present and not in its bars (checked in on
        # another day, or at a time that cannot be read) is counted here, so bars + this
        # always add up to the people present
        "arrivals_other_days": checked_in - sum(b["count"] for b in arrivals),
        "sessions": sessions,
        "desks": [{"desk": d or "", "checked_in": n} for d, n in desks.most_common()],
    }


# --- are the numbers final? ------------------------------------------------------------------


@dataclass(frozen=True)
class Finality:
    """Whether a stage's numbers are final: every desk heard from since its last check-in.

    state is "final", "not_final" or "unknown" (nobody has asked the hub yet).
    """

    state: str
    reasons: list[str] = field(default_factory=list)

    @property
    def final(self) -> bool:
        return self.state == "final"

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.state, "reasons": self.reasons}


@dataclass(frozen=True)
class HeardDesk:
    """What the hub last heard from one desk (sync/finality.py reads it off the hub's answer).

    `up_to_desk_seq`: up to which of the desk's events the hub holds; `gaps`: some are
    missing; `final`: the desk had nothing left to send when last heard.
    """

    desk_id: str
    name: str = "a desk"
    up_to_desk_seq: int = 0
    gaps: bool = False
    final: bool = False
    last_heard: str | None = None


def finality_from(stage: Stage, heard_desks: list[HeardDesk] | None) -> Finality:
    """Whether the numbers are final, from what the hub heard of each desk (None: not asked)."""
    if heard_desks is None:
        return Finality("unknown", ["The sync hub has not said which desks it heard from."])
    reasons = []
    unsynced = stage.unsynced_count()
    if unsynced:
        reasons.append(f"This desk has {unsynced} change(s) the hub has not acknowledged yet.")
    local = {
        desk_id: (name, seq, last_checkin)
        for desk_id, name, seq, last_checkin in stage.conn.execute(
            "SELECT desk_id, MAX(desk_name), MAX(desk_seq), MAX(CASE WHEN kind IN "
            "('checkin', 'session_checkin', 'undo') THEN desk_seq END) FROM event GROUP BY desk_id"
        )
    }
    heard = {d.desk_id: d for d in heard_desks}
    for desk_id, entry in heard.items():
        who = entry.name
        if entry.gaps:
            reasons.append(f"The hub is missing some changes of desk '{who}'.")
        elif not entry.final:
            reasons.append(
                f"Desk '{who}' still had changes to send when last heard "
                f"({entry.last_heard or 'never'})."
            )
        have = (local.get(desk_id) or ("", 0, None))[1] or 0
        if entry.up_to_desk_seq > have:
            reasons.append(f"The hub holds changes from '{who}' this desk has not received yet.")
    for desk_id, (name, _seq, last_checkin) in local.items():
        if last_checkin is not None and desk_id not in heard and desk_id != stage.desk.id:
            reasons.append(f"Desk '{name}' checked people in but the hub never heard from it.")
    if stage.desk.id not in heard and local.get(stage.desk.id, (None, None, None))[2]:
        reasons.append("The hub never heard from this desk.")
    return Finality("not_final" if reasons else "final", reasons)


# --- the whole roadshow ----------------------------------------------------------------------

_LEGAL_FORMS = re.compile(
    r"\b(s\.?\s?p\.?\s?a|s\.?\s?r\.?\s?l(\.?\s?s)?|s\.?\s?a\.?\s?s|s\.?\s?n\.?\s?c|"
    r"s\.?\s?c\.?\s?a\.?\s?r\.?\s?l|& ?c|e c|spa|srl|snc|sas|ltd|gmbh|inc|llc)\.?(?=\s|$)"
)


def person_key(email: str, first_name: str, last_name: str, company: str) -> str | None:
    """The same person across stages: normalised email, else name + company (None: erased)."""
    email = (email or "").strip().lower()
    if email:
        return "email:" + email
    name = " ".join(fold(f"{first_name} {last_name}").split())
    if not name:
        return None
    return "name:" + " ".join(sorted(name.split())) + "|" + company_name_key(company)


@lru_cache(maxsize=1 << 16)
def company_name_key(company: str) -> str:
    text = fold(company or "").replace(",", " ")
    text = _LEGAL_FORMS.sub(" ", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


@lru_cache(maxsize=1 << 16)
def vat_key(vat: str) -> str:
    """Partita IVA as digits and letters only; 'IT' dropped before an 11-digit number."""
    text = re.sub(r"[^0-9A-Za-z]", "", vat or "").upper()
    if text.startswith("IT") and len(text) == 13 and text[2:].isdigit():
        text = text[2:]
    return text


def company_key(vat: str, company: str) -> str | None:
    v = vat_key(vat)
    if v:
        return "vat:" + v
    name = company_name_key(company)
    return "name:" + name if name else None


@dataclass
class SeriesStage:
    slug: str
    title: str
    date: str
    city: str
    registered: int = 0
    checked_in: int = 0
    by_category: dict[str, list[int]] = field(default_factory=dict)  # cat -> [reg, in]
    by_country: Counter[str] = field(default_factory=Counter)  # attended
    by_sector: Counter[str] = field(default_factory=Counter)  # attended
    country_registered: Counter[str] = field(default_factory=Counter)
    sector_registered: Counter[str] = field(default_factory=Counter)


@dataclass
class SeriesPerson:
    name: str
    company: str
    email: str
    category: str
    stages: dict[str, bool] = field(default_factory=dict)  # slug -> attended


@dataclass
class SeriesCompany:
    name: str
    vat: str
    people: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # normalised names seen with this firm
    registered: Counter[str] = field(default_factory=Counter)  # slug -> people registered
    attended: Counter[str] = field(default_factory=Counter)  # slug -> people present


@dataclass
class Series:
    stages: list[SeriesStage] = field(default_factory=list)
    people: dict[str, SeriesPerson] = field(default_factory=dict)
    companies: dict[str, SeriesCompany] = field(default_factory=dict)
    erased: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        attended_counts = Counter(sum(p.stages.values()) for p in self.people.values())
        return {
            "stages": len(self.stages),
            "people": len(self.people),
            "companies": len(self.companies),
            "people_by_stages_attended": {str(k): v for k, v in sorted(attended_counts.items())},
            "registered": sum(s.registered for s in self.stages),
            "checked_in": sum(s.checked_in for s in self.stages),
            "skipped": self.skipped,
        }


def _add_stage(series: Series, stage: Stage) -> None:
    info = stage.info
    item = SeriesStage(info.slug, info.title, info.date, info.city)
    series.stages.append(item)
    rows = stage.conn.execute(
        "SELECT first_name, last_name, company, vat, email, category, sector, countries, "
        "checkin_event_id IS NOT NULL, redacted FROM attendee WHERE status = 'active'"
    ).fetchall()
    for first, last, company, vat, email, category, sector, countries, present, redacted in rows:
        present = bool(present)
        item.registered += 1
        item.checked_in += present
        cat = item.by_category.setdefault(category, [0, 0])
        cat[0] += 1
        cat[1] += present
        sector = sector or UNKNOWN
        item.sector_registered[sector] += 1
        for country in split_countries(countries) or [UNKNOWN]:
            item.country_registered[country] += 1
            if present:
                item.by_country[country] += 1
        if present:
            item.by_sector[sector] += 1
        key = None if redacted else person_key(email, first, last, company)
        if key is None:
            series.erased += 1
            continue
        person = series.people.get(key)
        if person is None:
            name = " ".join(p for p in (first, last) if p)
            person = series.people[key] = SeriesPerson(name, company, email, category)
        elif company and not person.company:
            person.company = company
        person.stages[info.slug] = person.stages.get(info.slug, False) or present
        if category != "company":
            continue
        ckey = company_key(vat, company)
        if ckey is None:
            continue
        firm = series.companies.get(ckey)
        if firm is None:
            firm = series.companies[ckey] = SeriesCompany(company, vat_key(vat))
        firm.people.add(key)
        firm.names.add(company_name_key(company))
        firm.registered[info.slug] += 1
        if present:
            firm.attended[info.slug] += 1


def collect_series(data_dir: Path, desk: Desk | None = None) -> Series:
    """Read every stage file in the data dir (oldest date first)."""
    desk = desk or load_desk(data_dir)
    series = Series()
    for entry in sorted(list_stages(data_dir), key=lambda s: (s.get("date") or "", s["slug"])):
        if "error" in entry:
            series.skipped.append(entry["slug"])
            continue
        try:
            stage = Stage.open_path(stage_path(data_dir, entry["slug"]), desk)
        except RoadshowError:
            series.skipped.append(entry["slug"])
            continue
        with stage:
            if stage.is_demo:
                continue  # made-up people are never in the roadshow's numbers
            _add_stage(series, stage)
    _merge_companies_by_name(series)
    return series


def series_from_stages(stages: Iterable[Stage]) -> Series:
    """The series over stages opened elsewhere (e.g. the hub's projections); each is closed."""
    series = Series()
    for stage in stages:
        with stage:
            _add_stage(series, stage)
    series.stages.sort(key=lambda s: (s.date, s.slug))
    _merge_companies_by_name(series)
    return series


def _merge_companies_by_name(series: Series) -> None:
    """A firm registered once without its VAT number joins the one firm with that VAT whose
    name matches (two VAT numbers under one name stay apart: the name cannot tell which)."""
    by_name: dict[str, list[str]] = {}
    for key, firm in series.companies.items():
        if key.startswith("vat:"):
            for name in firm.names:
                by_name.setdefault(name, []).append(key)
    for key in [k for k in series.companies if k.startswith("name:")]:
        targets = set(by_name.get(key[5:], []))
        if len(targets) != 1:
            continue
        firm = series.companies.pop(key)
        into = series.companies[targets.pop()]
        into.people |= firm.people
        into.registered.update(firm.registered)
        into.attended.update(firm.attended)


def write_series_xlsx(series: Series, out: Path, lang: str = "en") -> None:
    """The whole roadshow in one workbook: stages, people, companies, countries, sectors."""
    from desktop_app.core.xlsx import XlsxBook

    w = words(lang)
    slugs = [s.slug for s in series.stages]
    stage_heads = [f"{s.city or s.title} {s.date}" for s in series.stages]
    book = XlsxBook(lang)
    _overview_sheet(book, series, w)

    cats = [c for c in CATEGORIES if any(c in s.by_category for s in series.stages)]
    head = [w["stage"], w["date"], w["city"], w["registered"], w["present"], w["no_show"]]
    head += [w["no_show_rate"]]
    head += [w["no_show_of"].format(category=category_label(c, lang)) for c in cats]
    sheet = book.sheet(w["stages"], head, widths=[34, 12, 16, 11, 11, 11, 13] + [24] * len(cats))
    for s in series.stages:
        row: list[Any] = [s.title, _date(s.date), s.city, s.registered, s.checked_in]
        row += [s.registered - s.checked_in, _rate(s.registered - s.checked_in, s.registered)]
        for c in cats:
            reg, present = s.by_category.get(c, [0, 0])
            row.append(_rate(reg - present, reg) if reg else None)
        sheet.append(row, percent_from=6)
    total_reg = sum(s.registered for s in series.stages)
    total_in = sum(s.checked_in for s in series.stages)
    sheet.append(
        [
            w["total"],
            None,
            None,
            total_reg,
            total_in,
            total_reg - total_in,
            _rate(total_reg - total_in, total_reg),
        ],
        percent_from=6,
        bold=True,
        in_filter=False,
    )

    head = [w["name"], w["company"], w["email"], w["category"], w["stages_registered"]]
    head += [w["stages_attended"], *stage_heads]
    sheet = book.sheet(w["people_sheet"], head, widths=[28, 32, 30, 18, 12, 12] + [19] * len(slugs))
    yes, no = w["attended"], w["absent"]
    people = sorted(series.people.values(), key=lambda p: (-sum(p.stages.values()), fold(p.name)))
    for p in people:
        marks = [(yes if p.stages[s] else no) if s in p.stages else None for s in slugs]
        sheet.append(
            [
                p.name,
                p.company,
                p.email,
                category_label(p.category, lang),
                len(p.stages),
                sum(p.stages.values()),
                *marks,
            ]
        )

    head = [w["company"], w["vat"], w["people_sheet"], w["stages_attended"]]
    head += [w["registrations"], w["checkins"]]
    sheet = book.sheet(
        w["companies"],
        head + stage_heads,
        widths=[36, 16, 10, 12, 12, 12] + [19] * len(slugs),
    )
    firms = sorted(series.companies.values(), key=lambda f: (-len(f.attended), fold(f.name)))
    for f in firms:
        sheet.append(
            [
                f.name,
                f.vat,
                len(f.people),
                len(f.attended),
                sum(f.registered.values()),
                sum(f.attended.values()),
                *[f.attended.get(s, 0) if s in f.registered else None for s in slugs],
            ]
        )

    for title, attended, registered in (
        (w["countries"], "by_country", "country_registered"),
        (w["sectors"], "by_sector", "sector_registered"),
    ):
        keys: Counter[str] = Counter()
        for s in series.stages:
            keys.update(getattr(s, attended))
            for k in getattr(s, registered):
                keys[k] += 0
        first = w["country"] if attended == "by_country" else w["sector"]
        head = [first, w["attended_total"], *stage_heads]
        sheet = book.sheet(title, head, widths=[28, 16] + [19] * len(slugs))
        for key in sorted(keys, key=lambda k: (k == UNKNOWN, -keys[k], k)):
            sheet.append(
                [key, keys[key], *[getattr(s, attended).get(key, 0) for s in series.stages]]
            )
    book.save(out)


def _overview_sheet(book: Any, series: Series, w: dict[str, str]) -> None:
    summary = series.summary()
    sheet = book.sheet(w["overview"], None, [44, 14])
    sheet.append([w["at_a_glance"]], bold=True)
    sheet.append([w["stages"], summary["stages"]])
    sheet.append([w["registrations"], summary["registered"]])
    sheet.append([w["checkins"], summary["checked_in"]])
    sheet.append([w["different_people"], summary["people"]])
    sheet.append([w["different_companies"], summary["companies"]])
    if series.erased:
        sheet.append([w["erased_registrations"], series.erased])
    sheet.append([])
    sheet.append([w["people_by_stages"], ""], bold=True)
    for count, people in summary["people_by_stages_attended"].items():
        label = w["n_stages"].format(n=count) if count != "1" else w["one_stage"]
        if count == "0":
            label = w["no_stage"]
        sheet.append([label, people])
    if series.skipped:
        sheet.append([])
        sheet.append([w["not_read"] + ", ".join(series.skipped)])


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _date(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%Y-%m-%d")
    except (TypeError, ValueError):
        return None
