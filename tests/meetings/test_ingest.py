"""Ingest: a report becomes one document in review, never two; bad files are named."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from chidao.extract import ExtractError
from chidao.meetings import services
from chidao.meetings.models import DocumentStatus, SourceDocument
from chidao.workflow.sessions import confirm

from .conftest import AN_BINH, BINH_MINH, HOANG_LOC


def test_it_stores_the_text_the_record_and_a_draft(office, unit_a):
    doc, created = services.ingest_text(
        text=AN_BINH, filename="an-binh.txt", province_code="38", actor=office
    )

    assert created is True
    assert doc.status == DocumentStatus.REVIEW
    assert doc.raw_text == AN_BINH.strip()
    assert doc.sha256 == doc.record["sha256"]
    assert doc.text == doc.record["text"]
    assert doc.title == "Chủ tịch UBND tỉnh làm việc với xã An Bình"
    assert doc.uploaded_by == office
    assert doc.province_code == "38"
    first = doc.draft["directives"][0]
    assert "trước ngày 30/6/2026" in first["text"]
    assert first["deadline"] == "2026-06-30"
    assert first["units"] == [unit_a.pk]
    assert first["needs_choice"] is False
    # every item of the draft points into the cleaned text
    for key in ("directives", "petitions", "difficulties", "indicators"):
        for item in doc.draft[key]:
            assert doc.text[item["start"] : item["end"]] == item["text"]


def test_it_does_not_duplicate_the_same_text(office):
    first, created_first = services.ingest_text(
        text=AN_BINH, filename="a.txt", province_code="38", actor=office
    )
    again, created_again = services.ingest_text(
        text=AN_BINH, filename="b.txt", province_code="38", actor=None
    )

    assert (created_first, created_again) == (True, False)
    assert again.pk == first.pk
    assert SourceDocument.objects.count() == 1


def test_it_recognises_a_paste_with_windows_line_ends_and_decomposed_marks(office):
    import unicodedata

    first, _ = services.ingest_text(
        text=AN_BINH, filename="a.txt", province_code="38", actor=office
    )
    pasted = unicodedata.normalize("NFD", AN_BINH.strip().replace("\n", "\r\n"))
    again, created = services.ingest_text(
        text=pasted, filename="", province_code="38", actor=office
    )

    assert (again.pk, created) == (first.pk, False)


def test_it_refuses_the_same_report_for_another_province(office):
    services.ingest_text(text=AN_BINH, filename="a.txt", province_code="38", actor=office)
    with pytest.raises(
        ExtractError, match=r"b\.txt: this report was already ingested for another province"
    ):
        services.ingest_text(text=AN_BINH, filename="b.txt", province_code="42", actor=None)
    assert SourceDocument.objects.count() == 1


def test_it_does_not_duplicate_the_same_uploaded_file(office, settings):
    def upload():
        return SimpleUploadedFile("bao-cao.txt", BINH_MINH.encode(), content_type="text/plain")

    first, created_first = services.ingest_file(file=upload(), province_code="38", actor=office)
    again, created_again = services.ingest_file(file=upload(), province_code="38", actor=office)

    assert (created_first, created_again) == (True, False)
    assert again.pk == first.pk
    assert SourceDocument.objects.count() == 1
    stored = first.file.path
    assert stored.startswith(str(settings.MEDIA_ROOT))
    with open(stored, "rb") as f:
        assert f.read() == BINH_MINH.encode()
    assert len(list((settings.MEDIA_ROOT / "sources").rglob("*.txt"))) == 1


def test_it_reads_an_html_page(office):
    page = f"<html><head><title>Tin</title></head><body><article><h1>Tin</h1>{''.join(f'<p>{p}</p>' for p in BINH_MINH.splitlines() if p)}</article></body></html>"
    doc, created = services.ingest_file(
        file=SimpleUploadedFile("tin.html", page.encode()), province_code="38", actor=office
    )
    assert created
    assert "rà soát các tiêu chí còn thiếu" in doc.text


def test_it_reads_a_docx(office):
    docx = pytest.importorskip("docx")
    buffer = io.BytesIO()
    document = docx.Document()
    for paragraph in HOANG_LOC.split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(buffer)

    doc, created = services.ingest_file(
        file=SimpleUploadedFile("hoang-loc.docx", buffer.getvalue()),
        province_code="38",
        actor=office,
    )
    assert created
    assert "đẩy nhanh tiến độ các dự án trọng điểm" in doc.text


def _tiny_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer (ASCII lines in Helvetica)."""
    text = " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
    stream = f"BT /F1 12 Tf 40 780 Td {text} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_it_reads_the_text_layer_of_a_pdf(office):
    pdf = _tiny_pdf(
        [
            "Sang 12/3, dong chi Trinh Van Lam lam viec voi xa An Binh.",
            "De nghi UBND xa An Binh hoan thanh truoc ngay 30/6/2026.",
        ]
    )

    doc, created = services.ingest_file(
        file=SimpleUploadedFile("thong-bao.pdf", pdf), province_code="38", actor=office
    )

    assert created
    assert "De nghi UBND xa An Binh hoan thanh" in doc.raw_text
    assert doc.file.name.endswith(".pdf")


def test_it_suggests_units_of_the_document_s_province_only(office, unit_a):
    from chidao.organisation.models import Unit, UnitKind

    Unit.objects.create(
        province_code="42",
        kind=UnitKind.COMMUNE,
        level="xã",
        name="Xã An Bình",
        short_name="An Bình",
    )

    doc, _ = services.ingest_text(text=AN_BINH, filename="a.txt", province_code="38", actor=office)

    assert doc.draft["directives"][0]["units"] == [unit_a.pk]


def test_it_names_the_file_it_cannot_read(office):
    with pytest.raises(ExtractError, match=r"anh\.png: unsupported file type '\.png'"):
        services.ingest_file(
            file=SimpleUploadedFile("anh.png", b"\x89PNG"), province_code="38", actor=office
        )
    with pytest.raises(ExtractError, match=r"rong\.txt: the text is empty"):
        services.ingest_file(
            file=SimpleUploadedFile("rong.txt", b"  \n"), province_code="38", actor=office
        )
    assert SourceDocument.objects.count() == 0


def test_it_ingests_a_batch_where_one_file_is_bad(db, tmp_path):
    (tmp_path / "a.txt").write_text(AN_BINH, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(BINH_MINH, encoding="utf-8")
    (tmp_path / "sub" / "hong.pdf").write_bytes(b"not a pdf at all")
    (tmp_path / "c.txt").write_bytes("tiếng Việt".encode("utf-16-le"))  # no BOM: not UTF-8

    batch = services.ingest_paths(paths=[tmp_path], province_code="38")

    assert [(r.path.name, r.created, r.error is None) for r in batch.results] == [
        ("a.txt", True, True),
        ("c.txt", False, False),
        ("b.txt", True, True),
        ("hong.pdf", False, False),
    ]
    assert [r.path.name for r in batch.failures] == ["c.txt", "hong.pdf"]
    assert "not a readable PDF" in batch.failures[1].error
    assert SourceDocument.objects.count() == 2
    assert [doc.pk for doc, _created in batch] == list(
        SourceDocument.objects.order_by("pk").values_list("pk", flat=True)
    )


def test_the_command_prints_one_line_per_file_and_fails_when_one_failed(db, tmp_path, capsys):
    good = tmp_path / "a.txt"
    good.write_text(HOANG_LOC, encoding="utf-8")
    bad = tmp_path / "b.docx"
    bad.write_bytes(b"PK broken")

    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "ingest", str(good), str(bad), "--province", "thanh hoa", "--published", "2023-09-15"
        )
    out, err = capsys.readouterr()

    assert exit_info.value.code == 1
    assert out.strip().splitlines() == [
        f"{good}: created (document {SourceDocument.objects.get().pk}: {SourceDocument.objects.get()})"
    ]
    assert err.strip().startswith(f"{bad}: error: not a valid .docx")
    doc = SourceDocument.objects.get()
    assert doc.province_code == "38"
    assert doc.draft["date"] == "2023-09-14"

    call_command("ingest", str(good))
    out, _err = capsys.readouterr()
    assert out.strip() == f"{good}: already ingested (document {doc.pk}: {doc})"


def test_the_command_names_an_unknown_province(db, tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--province: unknown province 'Atlantis'"):
        call_command("ingest", str(tmp_path), "--province", "Atlantis")


def test_the_published_date_gives_the_year(office):
    text = BINH_MINH.replace(" năm 2026", "").replace("Quý I, ", "")
    doc, _ = services.ingest_text(
        text=text,
        filename="x.txt",
        province_code="38",
        actor=office,
        published=dt.date(2024, 4, 10),
    )
    assert doc.draft["date"] == "2024-04-09"


# ---------------------------------------------------------------- one document per report


def test_the_txt_and_the_html_of_one_report_are_one_document(office, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    headline, *body = BINH_MINH.strip().split("\n\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    page = f"<html><head><title>{headline}</title></head><body><article>{paragraphs}</article></body></html>"
    as_txt, created = services.ingest_text(
        text=BINH_MINH, filename="binh-minh.txt", province_code="38", actor=office
    )
    assert created

    as_html, created = services.ingest_file(
        file=SimpleUploadedFile("binh-minh.html", page.encode()), province_code="38", actor=office
    )

    assert as_html.text == as_txt.text, "the two formats must clean to the same text"
    assert (as_html.pk, created) == (as_txt.pk, False)
    assert SourceDocument.objects.count() == 1


def test_an_upload_above_the_extractor_limit_is_refused_naming_it(office, monkeypatch):
    from chidao.extract import read

    monkeypatch.setattr(read, "MAX_DOC_BYTES", 100)
    upload = SimpleUploadedFile("trang.html", b"<p>" + b"x" * 200 + b"</p>")

    with pytest.raises(ExtractError, match=r"trang\.html: file too large \(101 bytes"):
        services.ingest_file(file=upload, province_code="38", actor=office)
    assert SourceDocument.objects.count() == 0


def test_a_nul_character_in_an_uploaded_text_file_is_refused_naming_it(office):
    upload = SimpleUploadedFile("bao-cao.txt", (AN_BINH * 20 + "\x00 cuối").encode())

    with pytest.raises(ExtractError, match=r"bao-cao\.txt: a NUL character at offset"):
        services.ingest_file(file=upload, province_code="38", actor=office)
    assert SourceDocument.objects.count() == 0


# ---------------------------------------------------------------- units by code

NGA_SON = """Phó Chủ tịch UBND tỉnh làm việc với xã Nga Sơn

Sáng 12/3/2026, đồng chí Lê Minh Tâm, Phó Chủ tịch UBND tỉnh Thanh Hóa đã làm việc với xã Nga Sơn về tiến độ các dự án giao thông.

Phát biểu kết luận, đồng chí Lê Minh Tâm đề nghị UBND xã Nga Sơn hoàn thành giải phóng mặt bằng tuyến đường ven biển trước ngày 30/6/2026.
"""


def test_units_the_extractor_resolved_are_found_by_their_official_code(office):
    from chidao.organisation.models import Unit, UnitKind

    # two units of that name: only the official code tells which one the report means
    other = Unit.objects.create(
        province_code="38", kind=UnitKind.COMMUNE, level="xã", name="Xã Nga Sơn", code="99001"
    )
    coded = Unit.objects.create(
        province_code="38", kind=UnitKind.COMMUNE, level="xã", name="Xã Nga Sơn", code="16093"
    )
    assert services._suggester("38")("xã Nga Sơn")[0].pk == other.pk  # by name: the wrong one

    doc, _ = services.ingest_text(
        text=NGA_SON, filename="nga-son.txt", province_code="38", actor=office
    )

    assert doc.record["locality_spans"][0]["code"] == "16093"
    assert doc.draft["localities"][0]["unit"] == coded.pk
    (directive,) = doc.draft["directives"]
    assert directive["assignee_spans"][0]["unit_code"] == "16093"
    assert directive["units"] == [coded.pk]
    session = confirm(document=doc, actor=office)
    assert list(session.localities.all()) == [coded]
    assert [t.unit for t in session.directives.get().tasks.all()] == [coded]


def test_a_pasted_text_over_the_limit_is_refused_before_any_work(client, office, monkeypatch):
    from django.urls import reverse

    from chidao.extract import read

    monkeypatch.setattr(read, "MAX_CHARS", 500)
    monkeypatch.setattr(services, "extract", lambda *a, **k: pytest.fail("extracted"))
    client.force_login(office)

    response = client.post(reverse("meetings:ingest"), {"text": "Sáng 5/4 " + "x" * 600})

    assert response.status_code == 400
    assert "vượt quá giới hạn 500 ký tự" in response.content.decode()
    assert SourceDocument.objects.count() == 0


def test_the_ingest_service_applies_the_same_limit_to_a_paste(office, monkeypatch):
    from chidao.extract import read

    monkeypatch.setattr(read, "MAX_CHARS", 500)
    monkeypatch.setattr(services, "extract", lambda *a, **k: pytest.fail("extracted"))

    with pytest.raises(ExtractError, match="text too long"):
        services.ingest_text(text="y" * 501, filename="", province_code="38", actor=office)
