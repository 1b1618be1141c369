"""Out-of-range ids and offsets answer 422, never a server error (found by `make fuzz`)."""

from __future__ import annotations


def test_a_huge_offset_or_id_is_refused_as_invalid(client, office, task_a):
    client.force_login(office)
    assert client.get("/api/directives?offset=26751298226706677760").status_code == 422
    assert client.get("/api/tasks?unit=99999999999999999999").status_code == 422
    assert client.get("/api/tasks/99999999999999999999").status_code == 422
    assert client.get("/api/tasks?offset=0").status_code == 200
