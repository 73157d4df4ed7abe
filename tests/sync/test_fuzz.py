"""Fuzz the hub's API from its own OpenAPI schema (schemathesis), bounded in examples and time."""

from __future__ import annotations

import httpx
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from desktop_app.core.desk import load_desk
from desktop_app.sync.protocol import HEADER_DESK

SLUG = "bergamo-2026"
EXAMPLES_PER_OPERATION = 25


def test_api_answers_every_generated_request_sensibly(published, desks):
    hub, admin = published
    desk_id = load_desk(desks.dir("org")).id
    schema = schemathesis.openapi.from_url(hub.url + "/v1/openapi.json")
    schema.config.base_url = hub.url
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 6
    seen_statuses: set[int] = set()

    for operation in operations:
        for mode in ("positive", "negative"):
            strategy = operation.as_strategy(generation_mode=schemathesis.GenerationMode(mode))

            @given(case=strategy)
            @settings(
                max_examples=EXAMPLES_PER_OPERATION,
                deadline=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
                database=None,
            )
            def check(case):
                # The organizer's real token and desk id, so requests get past the door
                # and reach validation and the store.
                headers = {"Authorization": f"Bearer {admin}", HEADER_DESK: desk_id}
                response = case.call(headers=headers, timeout=10)
                seen_statuses.add(response.status_code)
                # Never a server error; every refusal is the documented JSON error body.
                assert response.status_code < 500, response.text
                if response.status_code >= 400:
                    body = response.json()
                    assert body["error"]["code"] and body["error"]["message"]
                else:
                    case.validate_response(response)

            try:
                check()
            except Unsatisfiable:
                # An operation with nothing to get wrong (no parameters, no body).
                assert mode == "negative", operation.label
    # ... and the hub keeps serving.
    assert httpx.get(hub.url + "/v1/health", timeout=5).status_code == 200
    assert {200, 400, 422} <= seen_statuses, seen_statuses
