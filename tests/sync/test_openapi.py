"""Issue 10: the hub's OpenAPI schema is generated from the declarations the hub runs on.

The event envelope (protocol.EVENT_FIELDS), each kind's payload (core/events.py KINDS), the
answers (wire.SHAPES) and the routes (wire.ROUTES) are declared once; these tests check that
the generated schema is well-formed OpenAPI 3.0, that it says exactly what the checks accept,
and that every real answer of a real hub on a real socket matches it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop_app.core.events import KINDS, InvalidEvent, check_event
from desktop_app.core.hlc import pack
from desktop_app.core.model import EVENT_KINDS, Event
from desktop_app.sync import hub as hub_module
from desktop_app.sync import openapi, protocol, wire
from desktop_app.sync.errors import ProtocolError
from desktop_app.sync.openapi import openapi_schema

SLUG = "bergamo-2026"
SCHEMA = openapi_schema()
COMPONENTS = SCHEMA["components"]["schemas"]

# --- a tiny validator for the JSON Schema subset OpenAPI 3.0 uses ----------------------------

_TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}
KEYWORDS = {
    "type", "nullable", "enum", "pattern", "maxLength", "minLength", "minimum", "maximum",
    "maxItems", "minItems", "items", "properties", "required", "additionalProperties",
    "maxProperties", "oneOf", "anyOf", "allOf", "$ref", "discriminator", "description",
    "default",
}  # fmt: skip


def errors(schema: dict[str, Any], value: Any, at: str = "$") -> list[str]:
    """Why `value` does not match `schema` (empty: it matches)."""
    if "$ref" in schema:
        return errors(COMPONENTS[schema["$ref"].rsplit("/", 1)[1]], value, at)
    if value is None and schema.get("nullable"):
        return []
    found: list[str] = []
    kind = schema.get("type")
    if kind is not None and (value is None or not _TYPES[kind](value)):
        return [f"{at}: not {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: not one of {schema['enum']}")
    if isinstance(value, str):
        if len(value) > schema.get("maxLength", len(value)):
            found.append(f"{at}: too long")
        if len(value) < schema.get("minLength", 0):
            found.append(f"{at}: too short")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{at}: does not match {schema['pattern']}")
    if _TYPES["number"](value) and not (
        schema.get("minimum", value) <= value <= schema.get("maximum", value)
    ):
        found.append(f"{at}: out of bounds")
    if isinstance(value, list):
        if not schema.get("minItems", 0) <= len(value) <= schema.get("maxItems", len(value)):
            found.append(f"{at}: wrong number of items")
        for i, item in enumerate(value):
            found += errors(schema.get("items", {}), item, f"{at}[{i}]")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        found += [f"{at}.{n}: missing" for n in schema.get("required", []) if n not in value]
        if len(value) > schema.get("maxProperties", len(value)):
            found.append(f"{at}: too many members")
        extra = schema.get("additionalProperties", True)
        for name, member in value.items():
            if name in props:
                found += errors(props[name], member, f"{at}.{name}")
            elif extra is False:
                found.append(f"{at}.{name}: not allowed")
            elif isinstance(extra, dict):
                found += errors(extra, member, f"{at}.{name}")
    for sub in schema.get("allOf", []):
        found += errors(sub, value, at)
    if "anyOf" in schema and all(errors(s, value, at) for s in schema["anyOf"]):
        found.append(f"{at}: matches none of anyOf")
    if "oneOf" in schema:
        matching = [s for s in schema["oneOf"] if not errors(s, value, at)]
        if len(matching) != 1:
            found.append(f"{at}: matches {len(matching)} of oneOf")
    return found


def _walk(value: Any, at: str = "$"):
    yield at, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, f"{at}/{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, f"{at}/{i}")


def _schemas(value: Any):
    """Every schema object in the document (components, parameters, bodies, responses)."""
    for at, item in _walk(value):
        if isinstance(item, dict) and (
            at.count("/") == 3
            and at.startswith("$/components/schemas/")
            or at.endswith("/schema")
            or at.endswith("/items")
            or at.endswith("/additionalProperties")
            and isinstance(item, dict)
            or re.search(r"/properties/[^/]+$", at)
            or re.search(r"/(oneOf|anyOf|allOf)/\d+$", at)
        ):
            yield at, item


# --- the document is OpenAPI 3.0 -------------------------------------------------------------


def test_generated_schema_is_well_formed_openapi_3_0():
    assert SCHEMA["openapi"].startswith("3.0.")
    assert SCHEMA["info"]["title"] and SCHEMA["info"]["version"]
    ids = []
    for path, item in SCHEMA["paths"].items():
        assert path.startswith(protocol.API_PREFIX + "/")
        for method, op in item.items():
            assert method in {"get", "post"}
            ids.append(op["operationId"])
            assert "200" in op["responses"]
            for status, response in op["responses"].items():
                assert re.fullmatch(r"[1-5]\d\d", status) and response["description"]
                assert set(response["content"]) == {"application/json"}
            for param in op.get("parameters", []):
                assert param["in"] in {"path", "query", "header"} and "schema" in param
                assert param["in"] != "path" or param["required"] is True
                assert param["in"] != "path" or "{" + param["name"] + "}" in path
            for name in re.findall(r"{(\w+)}", path):
                assert any(p["name"] == name for p in op["parameters"]), (path, name)
    assert len(ids) == len(set(ids)) == 6
    for at, schema in _schemas(SCHEMA):
        assert set(schema) <= KEYWORDS, (at, set(schema) - KEYWORDS)
        assert not isinstance(schema.get("type"), list), at  # 3.1 only
        if schema.get("type") == "array":
            assert "items" in schema, at
        for name in schema.get("required", []):
            assert name in schema.get("properties", {}), (at, name)
        if "pattern" in schema:
            re.compile(schema["pattern"])
    for at, item in _walk(SCHEMA):
        if isinstance(item, dict) and "$ref" in item:
            assert item["$ref"].removeprefix("#/components/schemas/") in COMPONENTS, at


def test_the_hub_serves_the_routes_the_schema_documents(hub):
    served = {}
    for route in hub.app.routes:
        if route.path != f"{protocol.API_PREFIX}/openapi.json":
            served[route.path] = {m.lower() for m in route.methods} - {"head"}
    documented = {path: set(item) for path, item in SCHEMA["paths"].items()}
    assert served == documented
    assert httpx.get(hub.url + "/v1/openapi.json", timeout=10).json() == SCHEMA


def test_no_bound_or_pattern_is_written_twice():
    """Patterns and bounds in the schema are the ones the checks run with."""
    event = COMPONENTS["Event_checkin"]["properties"]
    assert event["id"]["pattern"] == protocol.ID_RE.pattern
    assert event["kind"]["enum"] == ["checkin"]
    assert event["recorded_at"]["maxLength"] == protocol.MAX_TEXT
    assert COMPONENTS["Push"]["properties"]["events"]["maxItems"] == protocol.MAX_PUSH_EVENTS
    pull = {p["name"]: p for p in SCHEMA["paths"]["/v1/stages/{slug}/events"]["get"]["parameters"]}
    assert pull["limit"]["schema"]["maximum"] == protocol.MAX_PULL_EVENTS
    assert pull["slug"]["schema"]["pattern"] == protocol.SLUG.pattern.pattern
    assert pull[protocol.HEADER_CLOCK]["schema"]["maximum"] == hub_module.MAX_CLOCK_HEADER_MS
    stage = COMPONENTS["Payload_stage_created"]["properties"]
    assert stage["slug"]["pattern"] == protocol.SLUG.pattern.pattern
    # ... and the generator itself holds no bound and no pattern of its own
    tree = ast.parse(Path(openapi.__file__).read_text(encoding="utf-8"))
    numbers = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
    assert {n for n in numbers if isinstance(n, int) and not isinstance(n, bool)} <= {0, 1}
    strings = {n for n in numbers if isinstance(n, str)}
    assert not strings & {protocol.ID_RE.pattern, protocol.SLUG.pattern.pattern}


# --- every kind's payload: the schema says what check_event accepts ---------------------------

PERSON = "01J0000000000000000000PERS"
EXAMPLES: dict[str, dict[str, Any]] = {
    "stage_created": {
        "slug": SLUG,
        "code": "BG26",
        "title": "Tappa di Bergamo",
        "date": "2026-03-12",
        "venue": "Fiera",
        "countries": ["Italia", "Brasil"],
    },
    "attendee_upserted": {
        "code": "K7QX2M",
        "status": "active",
        "fields": {
            "first_name": "Maria",
            "last_name": "Esposito",
            "external_codes": ["EB-1"],
            "extra": {"Diet": "vegan"},
            "from_a_newer_desk": 5,
        },
    },
    "attendee_cancelled": {"cancelled": True, "status": "cancelled"},
    "checkin": {"method": "scan", "forced": True},
    "undo": {"cancels": ["01J00000000000000000000000"], "session_id": "s1"},
    "badge_printed": {},
    "session_defined": {
        "session_id": "s1",
        "fields": {"name": "Plenaria", "capacity": 120, "deleted": 0},
    },
    "session_checkin": {"session_id": "s1", "method": "code"},
    "redacted": {},
    "scan_refused": {"outcome": "not_found", "method": "scan", "v": 1},
    "vip_acknowledged": {"checkin": "01J00000000000000000000000"},
    "ticket_send_started": {"code": "K7QX2M", "purpose": "ticket", "attempt": "1"},
    "ticket_sent": {"code": "K7QX2M", "purpose": "ticket", "attempt": "1", "smtp_code": 250},
    "ticket_send_failed": {
        "code": "K7QX2M",
        "purpose": "ticket",
        "attempt": "2",
        "answer": "550 no such user",
        "smtp_code": 550,
        "in_doubt": False,
    },
}
PROBES: list[Any] = [None, 5, -1, 1000, 2, True, 1.5, "", " ", "x", "x" * 201, "x" * 70_000,
                     [], ["a"], [""], [5], {}, {"a": "b"}]  # fmt: skip
FIELD_PROBES: list[dict[str, Any]] = [
    {"first_name": 5},
    {"first_name": "x" * 70_000},
    {"first_name": None},
    {"external_codes": "EB-1"},
    {"external_codes": ["x" * 201]},
    {"extra": {"k": 5}},
    {"extra": ["v"]},
    {"capacity": -1},
    {"capacity": None},
    {"capacity": True},
    {"capacity": 1_000_001},
    {"deleted": 2},
    {"deleted": True},
    {"name": "x" * 201},
    {"unknown": [1, 2]},
]


def _accepted(kind: str, payload: dict[str, Any]) -> bool:
    event = Event("e1", "s1", "d1", 1, pack(1_800_000_000_000), kind, PERSON, payload, "now")
    try:
        check_event(event)
    except InvalidEvent:
        return False
    return True


def _valid(kind: str, payload: dict[str, Any]) -> bool:
    return not errors({"$ref": f"#/components/schemas/Payload_{kind}"}, payload)


def test_every_kind_has_a_declared_payload_schema_and_an_example():
    assert set(EXAMPLES) == set(EVENT_KINDS) == set(KINDS)
    assert COMPONENTS["Event"]["discriminator"]["propertyName"] == "kind"
    assert set(COMPONENTS["Event"]["discriminator"]["mapping"]) == set(EVENT_KINDS)
    for kind in EVENT_KINDS:
        assert f"Payload_{kind}" in COMPONENTS and f"Event_{kind}" in COMPONENTS


@pytest.mark.parametrize("kind", EVENT_KINDS)
def test_each_kinds_example_validates_and_a_broken_one_does_not(kind):
    example = EXAMPLES[kind]
    assert _accepted(kind, example) and _valid(kind, example), errors(
        COMPONENTS[f"Payload_{kind}"], example
    )
    broken = {**example, "v": "one"}
    assert not _accepted(kind, broken) and not _valid(kind, broken)
    for field in KINDS[kind].fields:
        if field.required:
            missing = {k: v for k, v in example.items() if k != field.name}
            assert not _accepted(kind, missing) and not _valid(kind, missing)


@pytest.mark.parametrize("kind", EVENT_KINDS)
def test_schema_and_check_agree_on_every_probe(kind):
    """For each declared field, wrong and right values: the schema and the check agree."""
    example = EXAMPLES[kind]
    tried = 0
    for field in KINDS[kind].fields:
        probes = PROBES + (FIELD_PROBES if field.name == "fields" else [])
        for probe in probes:
            payload = {**example, field.name: probe}
            assert _accepted(kind, payload) == _valid(kind, payload), (field.name, probe)
            tried += 1
    stray = {**example, "text": "Mario Rossi"}
    assert _accepted(kind, stray) == _valid(kind, stray) == (kind != "scan_refused")
    assert tried == len(KINDS[kind].fields) * len(PROBES) + (
        len(FIELD_PROBES) if any(f.name == "fields" for f in KINDS[kind].fields) else 0
    )


def _wire_event(what: str, body: dict[str, Any], **changes: Any) -> dict[str, Any]:
    event = Event("01J0000000000000000000EVNT", "st1", "desk-1", 1, pack(1_800_000_000_000),
                  what, PERSON, body, "2026-03-12T09:00:00+00:00")  # fmt: skip
    return {**protocol.event_to_wire(event), **changes}


def _hub_takes(data: dict[str, Any]) -> bool:
    try:
        protocol.event_from_wire(data, 0, now_ms=1_800_000_000_000)
    except ProtocolError:
        return False
    return True


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"id": ""},
        {"id": "-starts-with-a-dash"},
        {"stage_id": "x" * 81},
        {"desk_seq": 0},
        {"desk_seq": True},
        {"desk_seq": 2**63},
        {"hlc": 5},
        {"kind": "teleported"},
        {"attendee_id": None},
        {"payload": []},
        {"recorded_at": None},
        {"recorded_at": "x" * 201},
        {"desk_name": None},
        {"operator": 7},
    ],
)
def test_envelope_schema_and_hub_check_agree(changes):
    data = _wire_event("checkin", {"method": "scan"}, **changes)
    assert _hub_takes(data) == (not errors({"$ref": "#/components/schemas/Event"}, data)), changes


# --- every answer of a real hub on a real socket matches the schema --------------------------


def _answer_schema(path: str, method: str, status: int) -> dict[str, Any]:
    op = SCHEMA["paths"][path][method]
    return op["responses"][str(status)]["content"]["application/json"]["schema"]


def test_real_answers_match_the_schema(published, desks):
    from desktop_app.core.desk import load_desk
    from desktop_app.sync.client import SyncClient

    hub, admin = published
    desk_id = load_desk(desks.dir("org")).id
    with desks.open("org", SLUG) as stage:  # something of each common kind on the hub
        person = stage.attendees()[0]
        stage.record("checkin", person.id, {"method": "code"})
        stage.record("scan_refused", None, {"outcome": "not_found"})
        with SyncClient(desks.dir("org"), hub.url, admin) as client:
            client.sync_stage(SLUG, stage)
    auth = {"Authorization": f"Bearer {admin}", protocol.HEADER_DESK: desk_id}
    events_path = "/v1/stages/{slug}/events"
    calls = [
        ("get", "/v1/health", {}, None, 200),
        ("get", "/v1/stages", auth, None, 200),
        ("get", events_path, auth, None, 200),
        ("get", events_path + "?after=2&limit=1&mine=0", auth, None, 200),
        ("get", "/v1/stages/{slug}/desks", auth, None, 200),
        ("get", "/v1/stages/{slug}/status", auth, None, 200),
        ("get", "/v1/stages", {}, None, 401),
        ("get", events_path + "?limit=0", auth, None, 422),
        ("post", events_path, auth, {"events": []}, 422),
        ("post", events_path, auth, {"events": [{"id": "x"}]}, 422),
    ]
    kinds_seen = set()
    for method, path, headers, body, status in calls:
        url = hub.url + path.replace("{slug}", SLUG)
        response = httpx.request(method, url, headers=headers, json=body, timeout=10)
        assert response.status_code == status, (path, response.text)
        template = path.split("?")[0]
        problems = errors(_answer_schema(template, method, status), response.json())
        assert not problems, (path, problems[:5])
        if template == events_path and status == 200:
            kinds_seen |= {e["kind"] for e in response.json()["events"]}
    assert {"stage_created", "attendee_upserted", "checkin", "scan_refused"} <= kinds_seen

    # a push that the hub takes, answered with the PushResult it documents
    with desks.open("org", SLUG) as stage:
        stage.record("checkin", stage.attendees()[1].id, {"method": "scan"})
        pending = [protocol.event_to_wire(e) for e in list(stage.events())[-1:]]
    assert not errors({"$ref": "#/components/schemas/Push"}, {"events": pending})
    response = httpx.post(hub.url + events_path.replace("{slug}", SLUG), headers=auth,
                          json={"events": pending}, timeout=10)  # fmt: skip
    assert response.status_code == 200, response.text
    assert not errors(_answer_schema(events_path, "post", 200), response.json())
    assert response.json()["new"] == 1


def test_an_answer_the_shape_does_not_declare_is_refused():
    """The hub builds answers through the shapes: a stray or missing key fails loudly."""
    assert wire.ACK.build(id="e1", hub_seq=3) == {"id": "e1", "hub_seq": 3}
    with pytest.raises(TypeError, match="undeclared"):
        wire.ACK.build(id="e1", hub_seq=3, secret="x")
    with pytest.raises(TypeError, match="missing"):
        wire.ACK.build(id="e1")
