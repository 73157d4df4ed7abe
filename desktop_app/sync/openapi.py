"""The hub's OpenAPI 3.0 schema, generated from what the hub itself runs on.

Paths come from the route table the hub dispatches from (wire.ROUTES), the event from the
envelope the hub checks pushes with (protocol.EVENT_FIELDS), each kind's payload from the
rule desks and hub apply (core/events.py KINDS), and the answers from the shapes the hub
builds them with (wire.SHAPES). Nothing here restates a bound or a pattern.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from functools import cache
from typing import Any

from desktop_app import __version__
from desktop_app.core.events import KINDS, EventKind, Field
from desktop_app.sync import protocol, wire


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def field_schema(f: Field) -> dict[str, Any]:
    """The JSON schema (OpenAPI 3.0 dialect) of one declared field."""
    if f.ref is not None:
        return _ref(f.ref)
    types = f.types
    s: dict[str, Any] = (
        {"type": types[0]} if len(types) == 1 else {"anyOf": [{"type": t} for t in types]}
    )
    if "string" in types:
        s.update(_present(maxLength=f.max_length, minLength=f.min_length or None))
        if f.pattern is not None:
            s["pattern"] = f.pattern.pattern
    if "integer" in types:
        s.update(_present(minimum=f.minimum, maximum=f.maximum))
    if "array" in types:
        s.update(_present(maxItems=f.max_length, minItems=f.min_length or None))
        s["items"] = {} if f.items is None else field_schema(f.items)
    if "object" in types:
        s.update(object_schema(f.fields))
        s.update(_present(maxProperties=f.max_length))
        if f.items is not None:
            s["additionalProperties"] = field_schema(f.items)
    if f.enum is not None:
        s["enum"] = list(f.enum)
    if f.nullable:
        s["nullable"] = True
    s.update(_present(description=f.description or None, default=f.default))
    s.update(f.schema_extra)
    return s


def _present(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    s: dict[str, Any] = {"type": "object"}
    if fields:
        s["properties"] = {f.name: field_schema(f) for f in fields}
    required = [f.name for f in fields if f.required]
    if required:
        s["required"] = required
    return s


def payload_schema(kind: EventKind) -> dict[str, Any]:
    version = Field(
        "v", "integer", minimum=1, maximum=kind.version, description="Payload version (absent: 1)."
    )
    s = object_schema((version, *kind.fields))
    if kind.only_declared:
        s["additionalProperties"] = False
    if kind.description:
        s["description"] = kind.description
    return s


def event_schema(kind: EventKind) -> dict[str, Any]:
    """The envelope of one kind: `kind` fixed, its payload, attendee_id if about a person."""
    fields = []
    for f in protocol.EVENT_FIELDS:
        if f.name == "kind":
            f = replace(f, enum=(kind.name,))
        elif f.name == "payload":
            f = replace(f, ref=f"Payload_{kind.name}")
        elif f.name == "attendee_id" and kind.about_person:
            f = replace(f, required=True, nullable=False)
        fields.append(f)
    return object_schema(tuple(fields))


def _response(description: str, shape: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref(shape)}}}


def _parameter(param: wire.Param) -> dict[str, Any]:
    f = param.field
    schema = field_schema(f)
    description = schema.pop("description", None)
    return {
        "name": f.name,
        "in": param.where,
        "required": f.required or param.where == "path",
        **_present(description=description),
        "schema": schema,
    }


def _operation(op: wire.Operation) -> dict[str, Any]:
    entry: dict[str, Any] = {"summary": op.summary, "operationId": op.operation_id}
    if op.description:
        entry["description"] = op.description
    if op.secured:
        entry["security"] = [{"bearer": []}]
    if op.params:
        entry["parameters"] = [_parameter(p) for p in op.params]
    if op.body is not None:
        entry["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _ref(op.body.name)}},
        }
    entry["responses"] = {
        "200": _response(op.response.description or op.summary, op.response.name),
        **{str(code): _response(wire.STATUS_TEXT[code], wire.ERROR.name) for code in op.errors},
    }
    return entry


@cache
def _schema() -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for op in wire.ROUTES:
        paths.setdefault(protocol.API_PREFIX + op.path, {})[op.method.lower()] = _operation(op)
    schemas: dict[str, Any] = {shape.name: object_schema(shape.fields) for shape in wire.SHAPES}
    for kind in KINDS.values():
        schemas[f"Payload_{kind.name}"] = payload_schema(kind)
        schemas[f"Event_{kind.name}"] = event_schema(kind)
    schemas["Event"] = {
        "oneOf": [_ref(f"Event_{k}") for k in KINDS],
        "discriminator": {
            "propertyName": "kind",
            "mapping": {k: _ref(f"Event_{k}")["$ref"] for k in KINDS},
        },
    }
    schemas["HubEvent"] = {
        "allOf": [_ref("Event"), object_schema((wire.HUB_SEQ,))],
        "description": "An event as the hub stores it, with the sequence it gave it.",
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Roadshow Desk sync hub",
            "version": __version__,
            "description": "Desks push the events they recorded and pull everyone else's.",
        },
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": schemas,
        },
    }


def openapi_schema() -> dict[str, Any]:
    return copy.deepcopy(_schema())
