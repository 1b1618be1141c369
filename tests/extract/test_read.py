"""Specification of the readers: every supported file gives its text; every bad file an
ExtractError that names it."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import docx
import pytest
from pypdf import PdfWriter

from chidao.extract import read
from chidao.extract.errors import ExtractError
from chidao.extract.read import extract_file, html_plain_text, read_bytes, read_file

LEDE = "Sáng 5/4, đồng chí Lương Văn Hòa, Phó Chủ tịch UBND tỉnh đã làm việc với xã Minh Tiến."
DIRECTIVE = "Đồng chí yêu cầu xã Minh Tiến hoàn thành giải phóng mặt bằng trước ngày 30/6/2026."


def minimal_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF whose text layer holds ``lines`` (ASCII, Helvetica), written by hand."""
    ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


# ---------------------------------------------------------------- text


def test_it_reads_utf8_text_with_a_byte_order_mark(tmp_path):
    f = tmp_path / "bao-cao.txt"
    f.write_bytes("\ufeff".encode() + f"{LEDE}\n{DIRECTIVE}\n".encode())
    assert read_file(f) == f"{LEDE}\n{DIRECTIVE}\n"


def test_it_reads_utf16_text_with_a_byte_order_mark(tmp_path):
    f = tmp_path / "bao-cao.txt"
    f.write_bytes(LEDE.encode("utf-16"))
    assert read_file(f) == LEDE


def test_binary_data_in_a_txt_file_is_an_error_naming_the_file(tmp_path):
    f = tmp_path / "anh.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ExtractError, match=r"anh\.txt: binary data"):
        read_file(f)


def test_undecodable_text_is_an_error_naming_the_file_and_the_byte(tmp_path):
    f = tmp_path / "cp1258.txt"
    f.write_bytes("Sáng 5/4".encode("cp1258"))
    with pytest.raises(
        ExtractError,
        match=r"cp1258\.txt: not UTF-8 text \(invalid byte 0x[0-9a-f]{2} at offset 1\)",
    ):
        read_file(f)


def test_a_missing_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(ExtractError, match=r"khong-co\.txt: cannot read"):
        read_file(tmp_path / "khong-co.txt")


def test_an_unsupported_extension_is_an_error_naming_the_file(tmp_path):
    f = tmp_path / "bang.xlsx"
    f.write_bytes(b"PK")
    with pytest.raises(ExtractError, match=r"bang\.xlsx: unsupported file type '\.xlsx'"):
        read_file(f)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_TEXT_BYTES", 1000)
    f = tmp_path / "lon.txt"
    f.write_text("a" * 1001)
    with pytest.raises(
        ExtractError, match=r"lon\.txt: file too large \(1,001 bytes; the limit is 1,000 bytes\)"
    ):
        read_file(f)


def test_a_text_over_the_character_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_CHARS", 100)
    f = tmp_path / "dai.txt"
    f.write_text("ă" * 101)
    with pytest.raises(ExtractError, match=r"dai\.txt: text too long \(101 characters"):
        read_file(f)


def test_an_upload_is_read_by_its_name_with_the_same_checks(tmp_path, monkeypatch):
    d = docx.Document()
    d.add_paragraph(LEDE)
    buf = io.BytesIO()
    d.save(buf)
    assert read_bytes(buf.getvalue(), "tai-len.docx") == LEDE
    assert read_bytes(LEDE.encode(), "tai-len.txt") == LEDE
    with pytest.raises(ExtractError, match=r"tai-len\.odt: unsupported file type"):
        read_bytes(b"x", "tai-len.odt")
    monkeypatch.setattr(read, "MAX_TEXT_BYTES", 10)
    with pytest.raises(ExtractError, match=r"tai-len\.txt: file too large"):
        read_bytes(LEDE.encode(), "tai-len.txt")


def test_standard_input_is_read_as_utf8_text():
    assert read_file("-", stdin=io.BytesIO(LEDE.encode())) == LEDE


def test_extract_file_names_the_source_and_leaves_the_options_alone(tmp_path):
    from chidao.extract.spans import Options

    f = tmp_path / "bao-cao.txt"
    f.write_text(f"{LEDE}\n{DIRECTIVE}\n", encoding="utf-8")
    options = Options()
    record = extract_file(f, options)
    assert record["source"] == str(f)
    assert options.source == "-"
    assert LEDE in record["text"]


# ---------------------------------------------------------------- HTML

PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Phó Chủ tịch UBND tỉnh làm việc với xã Minh Tiến</title></head><body>
<nav>Trang chủ | Thời sự</nav>
<article><h1>Phó Chủ tịch UBND tỉnh làm việc với xã Minh Tiến</h1>
<p>{LEDE}</p><p>Theo báo cáo, xã đã hoàn thành 12/19 tiêu chí nông thôn mới nâng cao và thu ngân sách đạt 8,2 tỷ đồng.</p>
<p>{DIRECTIVE}</p></article><script>var tracking = 1;</script></body></html>"""


def test_it_reads_the_headline_and_main_text_of_a_web_page(tmp_path):
    f = tmp_path / "trang.html"
    f.write_text(PAGE, encoding="utf-8")
    text = read_file(f)
    assert text.startswith("Phó Chủ tịch UBND tỉnh làm việc với xã Minh Tiến\n")
    assert LEDE in text and DIRECTIVE in text
    assert "tracking" not in text


def test_a_photo_caption_after_a_paragraph_stays_a_line_of_its_own(tmp_path):
    caption = "Phó Chủ tịch UBND tỉnh Lương Văn Hòa phát biểu kết luận buổi làm việc."
    page = PAGE.replace(
        f"<p>{DIRECTIVE}</p>",
        f"<p>{DIRECTIVE}</p><figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure>",
    )
    f = tmp_path / "trang.html"
    f.write_text(page, encoding="utf-8")
    assert caption in read_file(f).split("\n")


def test_the_page_date_becomes_a_dateline_under_the_headline(tmp_path):
    page = PAGE.replace(
        "<title>",
        '<meta property="article:published_time" content="2026-04-05T18:20:00+07:00"><title>',
    )
    f = tmp_path / "trang.html"
    f.write_text(page, encoding="utf-8")
    assert read_file(f).split("\n")[:2] == [
        "Phó Chủ tịch UBND tỉnh làm việc với xã Minh Tiến",
        "05/04/2026",
    ]


def test_a_page_without_main_text_falls_back_to_its_plain_text(tmp_path):
    f = tmp_path / "ngan.htm"
    f.write_text(
        "<html><body><div>Kết luận</div><script>x()</script></body></html>", encoding="utf-8"
    )
    assert read_file(f).strip() == "Kết luận"


def test_unbalanced_markup_still_gives_its_text():
    assert "Sáng 5/4" in html_plain_text("<div><p>Sáng 5/4<b>, đồng chí</div></span><p")


def test_a_page_in_a_declared_legacy_charset_is_decoded(tmp_path):
    f = tmp_path / "cu.html"
    page = '<html><head><meta charset="windows-1258"></head><body><p>Hòa Bình</p></body></html>'
    f.write_bytes(unicodedata.normalize("NFD", page).encode("cp1258"))  # tones as combining marks
    assert "Hòa Bình" in unicodedata.normalize("NFC", read_file(f))


# ---------------------------------------------------------------- DOCX


def test_it_reads_paragraphs_and_tables_of_a_docx_in_order(tmp_path):
    d = docx.Document()
    d.add_paragraph("THÔNG BÁO KẾT LUẬN")
    d.add_paragraph(LEDE)
    table = d.add_table(rows=2, cols=3)
    for i, text in enumerate(("Nhiệm vụ", "Đơn vị", "Thời hạn")):
        table.cell(0, i).text = text
    for i, text in enumerate(("Hoàn thành giải phóng mặt bằng", "UBND xã Minh Tiến", "30/6/2026")):
        table.cell(1, i).text = text
    d.add_paragraph(DIRECTIVE)
    f = tmp_path / "thong-bao.docx"
    d.save(f)
    assert read_file(f).split("\n") == [
        "THÔNG BÁO KẾT LUẬN",
        LEDE,
        "Nhiệm vụ | Đơn vị | Thời hạn",
        "Hoàn thành giải phóng mặt bằng | UBND xã Minh Tiến | 30/6/2026",
        DIRECTIVE,
    ]


def test_a_corrupt_docx_is_an_error_naming_the_file(tmp_path):
    f = tmp_path / "hong.docx"
    f.write_bytes(b"PK\x03\x04 this is not a zip archive")
    with pytest.raises(ExtractError, match=r"hong\.docx: not a valid \.docx"):
        read_file(f)


def test_a_zip_without_a_document_is_not_a_docx(tmp_path):
    f = tmp_path / "khac.docx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(ExtractError, match=r"khac\.docx: not a \.docx"):
        read_file(f)


def test_a_docx_with_broken_xml_is_an_error_naming_the_file(tmp_path):
    f = tmp_path / "xml-hong.docx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("[Content_Types].xml", "<Types")
        z.writestr("word/document.xml", "<w:document")
    with pytest.raises(ExtractError, match=r"xml-hong\.docx: not a readable \.docx"):
        read_file(f)


def test_a_zip_bomb_posing_as_a_docx_is_refused_before_parsing(tmp_path):
    f = tmp_path / "bom.docx"
    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    assert f.stat().st_size < 100_000
    with pytest.raises(ExtractError, match=r"bom\.docx: refused: .*suspected ZIP bomb"):
        read_file(f)


# ---------------------------------------------------------------- PDF


def test_it_reads_the_text_layer_of_a_pdf(tmp_path):
    f = tmp_path / "bao-cao.pdf"
    f.write_bytes(
        minimal_pdf(
            [
                "Sang 5/4, dong chi Luong Van Hoa lam viec voi xa Minh Tien.",
                "Ket luan (buoi lam viec).",
            ]
        )
    )
    text = read_file(f)
    assert "Sang 5/4, dong chi Luong Van Hoa lam viec voi xa Minh Tien." in text
    assert "Ket luan (buoi lam viec)." in text


def test_a_corrupt_pdf_is_an_error_naming_the_file(tmp_path):
    f = tmp_path / "hong.pdf"
    f.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    with pytest.raises(ExtractError, match=r"hong\.pdf: "):
        read_file(f)


def test_an_encrypted_pdf_is_an_error_naming_the_file(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu")
    f = tmp_path / "mat.pdf"
    with f.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ExtractError, match=r"mat\.pdf: encrypted PDF"):
        read_file(f)


def test_a_pdf_without_a_text_layer_asks_for_ocr(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    f = tmp_path / "scan.pdf"
    with f.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ExtractError, match=r"scan\.pdf: the PDF has no text layer"):
        read_file(f)


def test_an_upload_of_every_supported_format_is_read_from_its_bytes():
    page = f"<html><head><title>Tin</title></head><body><p>{LEDE}</p></body></html>"
    assert LEDE in read_bytes(page.encode("utf-8"), "trang.html")
    assert LEDE in read_bytes(page.encode("utf-8"), "trang.HTM")
    pdf = read_bytes(
        minimal_pdf(["Sang 5/4, dong chi Luong Van Hoa lam viec voi xa Minh Tien."]), "b.pdf"
    )
    assert "dong chi Luong Van Hoa" in pdf
    assert read_bytes(LEDE.encode("utf-16"), "ban-tin.txt") == LEDE
    with pytest.raises(ExtractError, match=r"hong\.pdf: "):
        read_bytes(b"%PDF-1.4 garbage", "hong.pdf")


def _lying_docx(path, inflated: int, declared: int) -> None:
    """A .docx whose word/document.xml inflates to ``inflated`` bytes while both ZIP headers
    declare ``declared`` (the attack of a ZIP bomb that lies about its size)."""
    import struct

    real = io.BytesIO()
    docx.Document().save(real)
    buf = io.BytesIO()
    with zipfile.ZipFile(real) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():  # a real package, so that a reader gets to the document
            if info.filename != "word/document.xml":
                z.writestr(info.filename, src.read(info))
        z.writestr("word/document.xml", b"<w:document>" + b" " * inflated)
    data = bytearray(buf.getvalue())
    name = b"word/document.xml"
    local = data.find(b"PK\x03\x04")
    while local >= 0:
        if data[local + 30 : local + 30 + len(name)] == name:
            struct.pack_into("<I", data, local + 22, declared)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        if data[central + 46 : central + 46 + len(name)] == name:
            struct.pack_into("<I", data, central + 24, declared)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_a_zip_bomb_lying_about_its_size_is_refused_without_inflating_it(tmp_path, monkeypatch):
    import tracemalloc

    f = tmp_path / "noi-doi.docx"
    _lying_docx(f, inflated=60 * 1024 * 1024, declared=900_000)
    with zipfile.ZipFile(f) as z:  # the headers claim a modest, ordinary ratio
        info = z.getinfo("word/document.xml")
        assert info.file_size == 900_000 and info.file_size / info.compress_size < read.MAX_RATIO
    tracemalloc.start()
    try:
        with pytest.raises(ExtractError, match=r"noi-doi\.docx: "):
            read_file(f)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # never inflated past a few chunks


def test_a_docx_member_inflating_past_the_cap_is_refused_by_the_bytes_read(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_PART_BYTES", 256 * 1024)
    d = docx.Document()
    for n in range(3000):  # a real, honest, large document.xml (ratio well under the limit)
        d.add_paragraph(f"Đoạn {n}: " + LEDE)
    f = tmp_path / "lon.docx"
    d.save(f)
    with pytest.raises(
        ExtractError, match=r"lon\.docx: refused: member 'word/document.xml' inflates beyond"
    ):
        read_file(f)


def test_an_xlsx_is_opened_only_through_the_capped_reader(tmp_path, monkeypatch):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Nội dung", "Đơn vị"])
    wb.active.append(["Hoàn thành trước 30/6/2026", "UBND xã Minh Tiến"])
    buf = io.BytesIO()
    wb.save(buf)
    rows = list(
        read.xlsx_workbook(buf.getvalue(), "theo-doi.xlsx").active.iter_rows(values_only=True)
    )
    assert rows[1] == ("Hoàn thành trước 30/6/2026", "UBND xã Minh Tiến")
    monkeypatch.setattr(read, "MAX_UNZIPPED_BYTES", 1_000)
    with pytest.raises(ExtractError, match=r"theo-doi\.xlsx: refused: .*suspected ZIP bomb"):
        read.xlsx_workbook(buf.getvalue(), "theo-doi.xlsx")


def test_a_nul_character_in_a_text_file_is_refused_naming_the_file_and_offset(tmp_path):
    f = tmp_path / "nul.txt"
    f.write_bytes(("a" * 9000 + "\x00" + LEDE).encode())  # past the binary sniff at the start
    with pytest.raises(ExtractError, match=r"nul\.txt: a NUL character at offset 9,000"):
        read_file(f)


def test_the_one_length_limit_applies_to_any_text():
    from chidao.extract.read import MAX_CHARS, check_length

    assert check_length("a" * MAX_CHARS, "dan") == "a" * MAX_CHARS
    with pytest.raises(ExtractError, match=r"dan: text too long"):
        check_length("a" * (MAX_CHARS + 1), "dan")
