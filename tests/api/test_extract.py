"""POST /api/extract: office staff get the session record of a text; nothing is stored."""

from __future__ import annotations

import pytest

from chidao.meetings.models import SourceDocument

REPORT = (
    "Chiều 14/5/2026, đồng chí Phạm Thu Hà, Phó Chủ tịch UBND tỉnh Thanh Hóa làm việc với xã Hoằng Lộc. "
    "Đồng chí yêu cầu UBND xã Hoằng Lộc hoàn thành cứng hóa kênh mương trước ngày 30/9/2026."
)
RECORD_KEYS = {
    "date",
    "province",
    "chairs",
    "people",
    "localities",
    "locality_spans",
    "agencies",
    "agency_spans",
    "indicators",
    "difficulties",
    "petitions",
    "directives",
    "site_visits",
    "site_visit_spans",
    "text",
    "title",
    "sha256",
    "source",
}


def test_it_returns_the_record_of_a_pasted_report(client, office):
    client.force_login(office)

    response = client.post(
        "/api/extract", {"text": REPORT, "source": "hoang-loc.txt"}, content_type="application/json"
    )

    assert response.status_code == 200, response.content
    record = response.json()
    assert RECORD_KEYS <= set(record)
    assert record["date"] == "2026-05-14"
    assert record["source"] == "hoang-loc.txt"
    for span in record["locality_spans"]:
        assert record["text"][span["start"] : span["end"]] == span["text"]
    assert SourceDocument.objects.count() == 0


def test_it_uses_the_publication_date_for_the_year(client, office):
    client.force_login(office)

    record = client.post(
        "/api/extract",
        {"text": REPORT.replace("14/5/2026", "14/5"), "published": "2024-05-15"},
        content_type="application/json",
    ).json()

    assert record["date"] == "2024-05-14"


def test_it_answers_403_to_a_unit_officer(client, officer_a):
    client.force_login(officer_a)

    response = client.post("/api/extract", {"text": REPORT}, content_type="application/json")

    assert response.status_code == 403


def test_it_names_the_missing_text_field(client, office):
    client.force_login(office)

    response = client.post("/api/extract", {"source": "x"}, content_type="application/json")

    assert response.status_code == 422
    assert "text" in response.content.decode()


def test_it_refuses_a_text_over_the_limit_of_uploads_before_any_work(client, office, monkeypatch):
    from chidao.api import extract as api_extract
    from chidao.extract import read

    monkeypatch.setattr(read, "MAX_CHARS", 1_000)  # the one limit of uploads and pastes
    monkeypatch.setattr(api_extract, "run_extractor", lambda *a, **k: pytest.fail("extracted"))
    client.force_login(office)

    response = client.post("/api/extract", {"text": "a" * 1_001}, content_type="application/json")

    assert response.status_code == 413
    assert "1,001 characters; the limit is 1,000" in response.json()["detail"]
