"""A realistic, entirely synthetic demo stage (no real person's data)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from desktop_app.core.desk import Desk
from desktop_app.core.hlc import pack
from desktop_app.core.ids import uuid7
from desktop_app.core.model import Event
from desktop_app.core.store import Stage, stage_path

PROSPECT_COUNTRIES = [
    "Stati Uniti",
    "Brasile",
    "India",
    "Vietnam",
    "Giappone",
    "Emirati Arabi Uniti",
    "Arabia Saudita",
    "Messico",
    "Sudafrica",
    "Turchia",
]
SECTORS = [
    "Meccanica",
    "Aerospazio",
    "Automazione",
    "Energia",
    "Tessile tecnico",
    "Chimica",
    "ICT",
    "Costruzioni",
    "Agroalimentare",
    "Logistica",
]
IT_FIRST = [
    "Nicolò",
    "Marco",
    "Giulia",
    "Francesca",
    "Luca",
    "Chiara",
    "Alessandro",
    "Sofia",
    "Matteo",
    "Elena",
    "Davide",
    "Martina",
    "Lorenzo",
    "Sara",
    "Andrea",
    "Federica",
    "Simone",
    "Valentina",
    "Pietro",
    "Beatrice",
    "Tommaso",
    "Ilaria",
    "Riccardo",
    "Anna",
    "Gabriele",
    "Irene",
    "Stefano",
    "Paola",
    "Giorgio",
    "Laura",
    "Filippo",
    "Silvia",
    "Emanuele",
    "Noemi",
    "Cristina",
]
IT_LAST = [
    "Bertè",
    "Rossi",
    "Bianchi",
    "Colombo",
    "Ferrari",
    "Esposito",
    "Romano",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
    "Moretti",
    "Barbieri",
    "Fontana",
    "Santoro",
    "Mariani",
    "Rinaldi",
    "Caruso",
    "Ferrara",
    "Galli",
    "Martini",
    "Leone",
    "Longo",
    "Gentile",
    "Martinelli",
    "Vitale",
    "Lombardo",
    "Serra",
    "Coppola",
    "De Santis",
    "D'Angelo",
    "Marchetti",
    "Parisi",
    "Villa",
    "Conte",
    "Ferraro",
    "Ferri",
    "Fabbri",
    "Bianco",
    "Marini",
    "Grasso",
    "Valentini",
    "Messina",
    "Sala",
    "Gatti",
    "Pellegrini",
    "Palumbo",
    "Sanna",
    "Farina",
    "Rizzi",
    "Monti",
    "Cattaneo",
    "Moro",
    "Locatelli",
    "Pesenti",
    "Brambilla",
    "Zanetti",
    "Bonomi",
    "Mazzoleni",
    "Rota",
    "Cortesi",
]
INTERNATIONAL = [
    ("Zoë", "Ørsted-Łukasiewicz"),
    ("Nguyễn Thị", "Minh Khai"),
    ("Trần Văn", "Hùng"),
    ("小明", "王"),
    ("美咲", "佐藤"),
    ("محمد", "الأحمد"),
    ("Ayşe", "Yılmaz"),
    ("Mehmet", "Öztürk"),
    ("João", "Gonçalves"),
    ("María José", "Fernández"),
    ("Priya", "Raghunathan"),
    ("Arjun", "Venkataraman"),
    ("Hiroshi", "Tanaka"),
    ("Olumide", "Adeyemi"),
    ("Thabo", "Nkosi"),
    ("Ελένη", "Παπαδοπούλου"),
    ("Дмитрий", "Соколов"),
    ("Emily", "Carter"),
    ("Jean-Baptiste", "Lefèvre"),
    ("Søren", "Kierkegård"),
]
COMPANY_WORDS = [
    "Officine Meccaniche",
    "Fonderie",
    "Tecnologie",
    "Sistemi",
    "Automazioni",
    "Componenti",
    "Ingranaggi",
    "Stampi",
    "Utensili",
    "Precisione",
    "Idraulica",
    "Elettronica",
]
PLACES = [
    "Bergamasche",
    "Orobiche",
    "Lombarde",
    "Brembane",
    "Seriane",
    "Padane",
    "Alpine",
    "del Sebino",
]
FORMS = ["S.p.A.", "S.r.l.", "S.r.l.", "S.a.s.", "& C. S.n.c."]
ROLES = [
    "Export Manager",
    "CEO",
    "Amministratore Delegato",
    "Responsabile Commerciale",
    "Direttore Tecnico",
    "Area Manager",
    "Titolare",
    "Buyer",
]
CONSULS = [
    ("S.E.", "Console Generale", "Stati Uniti"),
    ("S.E.", "Console Generale", "Brasile"),
    ("S.E.", "Console Generale", "India"),
    ("S.E.", "Console Generale", "Giappone"),
    ("", "Console", "Vietnam"),
    ("", "Console", "Emirati Arabi Uniti"),
    ("", "Console Onorario", "Messico"),
    ("", "Vice Console", "Turchia"),
    ("", "Console", "Sudafrica"),
    ("", "Addetto commerciale", "Arabia Saudita"),
]
MIX = [
    ("company", 0.72),
    ("consul", 0.06),
    ("speaker", 0.04),
    ("staff", 0.06),
    ("press", 0.06),
    ("guest", 0.06),
]


def _company(rng: random.Random) -> str:
    return f"{rng.choice(COMPANY_WORDS)} {rng.choice(PLACES)} {rng.choice(FORMS)}"


def _person(rng: random.Random, index: int, used: set[tuple[str, str]]) -> dict[str, Any]:
    category = rng.choices([c for c, _ in MIX], [w for _, w in MIX])[0]
    international = [n for n in INTERNATIONAL if n not in used]
    if international and rng.random() < 0.12:
        first, last = rng.choice(international)
    else:
        for _ in range(20):  # the same full name twice happens, but rarely
            first, last = rng.choice(IT_FIRST), rng.choice(IT_LAST)
            if (first, last) not in used:
                break
    used.add((first, last))
    person: dict[str, Any] = {
        "first_name": first,
        "last_name": last,
        "category": category,
        "email": f"persona{index:04d}@example.test",
        "privacy_consent": "yes",
        "external_codes": [f"EB{1000000 + index}"],
    }
    if category == "company":
        person.update(
            company=_company(rng),
            role=rng.choice(ROLES),
            vat=f"IT{rng.randrange(10**10, 10**11)}",
            sector=rng.choice(SECTORS),
            countries="; ".join(rng.sample(PROSPECT_COUNTRIES, rng.randint(1, 3))),
        )
        if rng.random() < 0.15:
            person["title"] = rng.choice(["Ing.", "Avv."])
    elif category == "consul":
        title, role, country = CONSULS[index % len(CONSULS)]
        person.update(title=title, role=role, country=country, company=f"Consolato – {country}")
        person["notes"] = "Protocollo: accoglienza in sala VIP"
        # the Corps' list gives class and exequatur (precedence: VCCR art. 16)
        # (derived from the index, not the generator: the rest of the demo stays as it was)
        if role != "Addetto commerciale":
            person["consular_rank"] = role
            person["exequatur"] = (
                f"{2008 + index * 7 % 17}-{1 + index * 5 % 12:02d}-{1 + index * 11 % 28:02d}"
            )
    elif category == "speaker":
        person.update(
            title=rng.choice(["Prof.", "Dott.", "Ing."]), company=_company(rng), role="Relatore"
        )
    elif category == "staff":
        person.update(company="Confindustria Bergamo", role="Segreteria organizzativa")
    elif category == "press":
        person.update(
            company=rng.choice(["L'Eco di Bergamo", "Il Sole 24 Ore", "Bergamo TV"]),
            role="Giornalista",
        )
    else:
        person.update(company=rng.choice(["", "Comune di Bergamo", "Università di Bergamo"]))
    return person


def ensure_demo_stage(
    data_dir: Path, desk: Desk, slug: str = "demo-bergamo", size: int = 300, *, marked: bool = True
) -> tuple[str, bool]:
    """Create the demo stage unless it exists. Returns (slug, created).

    It is marked as a demo (never synced, never in a report), unless `marked=False`: tests
    and benchmarks use the same realistic people on a stage that behaves as a real one."""
    if stage_path(data_dir, slug).exists():
        return slug, False
    stage = Stage.create(
        data_dir,
        slug,
        title="Tappa di Bergamo",
        date="2026-03-12",
        venue="Kilometro Rosso",
        city="Bergamo",
        theme="Meccanica e aerospazio",
        countries=PROSPECT_COUNTRIES,
        desk=desk,
        demo=marked,
    )
    with stage:
        populate(stage, size, seed=2026)
    return slug, True


def populate(stage: Stage, size: int, seed: int = 1, checked_in_share: float = 0.4) -> None:
    """Add `size` synthetic people, some sessions, and check in a share of them."""
    rng = random.Random(seed)
    items = []
    ids = []
    used: set[tuple[str, str]] = set()
    for i in range(size):
        attendee_id, payload = Stage.new_attendee_payload(_person(rng, i, used))
        items.append(("attendee_upserted", attendee_id, payload))
        ids.append(attendee_id)
    sessions = [
        ("Plenaria di apertura", "plenary", "Auditorium", "09:30", "10:30", None),
        ("Workshop: export verso l'India", "workshop", "Sala Volta", "11:00", "12:30", 40),
        ("Incontri B2B con il Consolato del Vietnam", "b2b", "Sala Galilei", "14:00", "16:00", 20),
    ]
    for name, kind, room, start, end, capacity in sessions:
        fields = {
            "name": name,
            "kind": kind,
            "room": room,
            "starts_at": f"{stage.info.date}T{start}",
            "ends_at": f"{stage.info.date}T{end}",
            "capacity": capacity,
        }
        items.append(("session_defined", None, {"session_id": uuid7(), "fields": fields}))
    stage.record_many(items, operator="demo")
    arrivals = rng.sample(ids, int(size * checked_in_share))
    # The morning so far at this desk, 08:30 to 10:00 on the stage's day. They are this
    # desk's own events, so a demo stage synced to a hub carries them there too.
    spread_checkins(
        stage,
        arrivals,
        start=f"{stage.info.date}T08:30:00+01:00",
        minutes=90,
        desk_id=stage.desk.id,
        desk_name=stage.desk.name,
        seed=seed,
    )


OTHER_DESK = "01900000-0000-7000-8000-00000000d2d2"


def spread_checkins(
    stage: Stage,
    attendee_ids: list[str],
    *,
    start: str = "2026-03-12T08:30:00+01:00",
    minutes: int = 120,
    desk_id: str = OTHER_DESK,
    desk_name: str = "Desk 2",
    seed: int = 7,
    kind: str = "checkin",
    session_id: str = "",
) -> list[Event]:
    """Check-ins recorded by another desk at times spread over `minutes` from `start`."""
    rng = random.Random(seed)
    t0 = datetime.fromisoformat(start)
    first_seq = (
        stage.conn.execute(
            "SELECT COALESCE(MAX(desk_seq), 0) FROM event WHERE desk_id = ?", (desk_id,)
        ).fetchone()[0]
        + 1
    )
    times = sorted(t0 + timedelta(seconds=rng.uniform(0, minutes * 60)) for _ in attendee_ids)
    events = []
    for offset, (attendee_id, at) in enumerate(zip(attendee_ids, times, strict=True)):
        payload: dict = {"method": "ticket"}
        if session_id:
            payload["session_id"] = session_id
        events.append(
            Event(
                id=uuid7(int(at.timestamp() * 1000)),
                stage_id=stage.info.id,
                desk_id=desk_id,
                desk_seq=first_seq + offset,
                hlc=pack(int(at.timestamp() * 1000), offset % 1000),
                kind=kind,
                attendee_id=attendee_id,
                payload=payload,
                recorded_at=at.isoformat(timespec="milliseconds"),
                desk_name=desk_name,
                operator="Giulia",
            )
        )
    stage.apply_events(events)
    return events
