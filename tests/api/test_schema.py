"""The OpenAPI schema and the docs page describe every endpoint."""

from __future__ import annotations

import json

EXPECTED_PATHS = {
    "/api/sessions": {"get"},
    "/api/sessions/{session_id}": {"get"},
    "/api/directives": {"get"},
    "/api/tasks": {"get"},
    "/api/tasks/{task_id}": {"get"},
    "/api/tasks/{task_id}/progress": {"post"},
    "/api/extract": {"post"},
    "/api/units": {"get"},
}


def test_it_serves_a_valid_openapi_schema_with_every_path(client, db):
    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Chỉ đạo API"
    paths = {path: set(ops) for path, ops in schema["paths"].items()}
    assert paths == EXPECTED_PATHS


def test_it_documents_session_authentication_on_every_operation(client, db):
    schema = client.get("/api/openapi.json").json()

    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            assert op.get("security"), f"{method.upper()} {path} has no security requirement"


def test_it_serves_the_interactive_docs(client, db):
    response = client.get("/api/docs")

    assert response.status_code == 200
    assert b"openapi.json" in response.content


def test_the_extract_endpoint_documents_the_session_record(client, db):
    schema = client.get("/api/openapi.json").json()

    answer = schema["paths"]["/api/extract"]["post"]["responses"]["200"]
    ref = answer["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    record = schema["components"]["schemas"][ref]
    assert {"version", "directives", "locality_spans", "text"} <= set(record["properties"])
    assert "SessionRecord" in ref
