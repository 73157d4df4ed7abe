"""Which column is which field: header aliases in Italian and English, the guessed and the explicit
mapping."""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop_app.core.errors import ImportFailed
from desktop_app.core.model import TEXT_FIELDS
from desktop_app.core.search import fold

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

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _has_name_column(headers: list[str], mapping: dict[str, str] | None) -> bool:
    chosen = {f: h for f, h in (mapping or {}).items() if h.strip()}  # "" = field left out
    if any(f in NAME_FIELDS for f in chosen):
        keys = {_header_key(h) for h in headers}
        return all(_header_key(h) in keys for h in chosen.values())
    guessed = guess_mapping(headers)
    return any(f in guessed and f not in (mapping or {}) for f in NAME_FIELDS)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


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
