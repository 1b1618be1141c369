"""The conclusion notice as a DOCX file, from :class:`~chidao.documents.content.NoticeContent`."""

from __future__ import annotations

from chidao.documents import docx_format as f
from chidao.documents.content import DirectiveLine, NoticeContent


def _line_text(line: DirectiveLine) -> str:
    extras = []
    if line.deadline:
        extras.append(f"thời hạn: {line.deadline:%d/%m/%Y}")
    if line.supporting:
        extras.append("đơn vị phối hợp: " + ", ".join(line.supporting))
    text = line.text.rstrip()
    if extras:
        text = text.rstrip(".;") + " (" + "; ".join(extras) + ")."
    return text


def notice_docx(content: NoticeContent) -> bytes:
    """The notice in the state (NĐ 30/2020) or Party (HD 36) format, as DOCX bytes."""
    doc = f.new_document()
    f.heading_block(
        doc,
        fmt=content.format,
        issuing_body=content.issuing_body,
        number=content.number,
        symbol=content.symbol,
        place=content.place,
        day=content.issued_on,
    )
    f.centred(doc, "THÔNG BÁO", bold=True, before=18)
    f.centred(doc, content.summary, bold=True, after=2)
    f.centred(doc, "\u2014\u2014\u2014\u2014\u2014", size=10, after=12)
    for text in content.opening:
        f.body(doc, text)
    for text in content.assessment:
        f.body(doc, text)
    if content.directives_heading:
        f.body(doc, content.directives_heading, bold=True)
    for g, group in enumerate(content.groups, start=1):
        f.body(doc, f"{g}. {group.assignee}:", bold=True)
        for i, line in enumerate(group.lines, start=1):
            f.body(doc, f"{g}.{i}. {_line_text(line)}")
    for text in content.closing:
        f.body(doc, text)
    f.signature_block(
        doc, recipients=content.recipients, signature=content.signature, signer=content.signer
    )
    return f.to_bytes(doc)
