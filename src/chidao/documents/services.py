"""Writes on conclusion notices: create with proposed text, edit, generate the kept file, issue."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.documents.content import NoticeText, default_sections, notice_content
from chidao.documents.models import Notice, NoticeFormat
from chidao.documents.notice_docx import notice_docx
from chidao.meetings.models import Session
from chidao.organisation.users import User


class NoticeError(Exception):
    """A notice write that cannot be done; the message says why, for the user."""


class NoticeConflict(NoticeError):
    """Someone saved the notice since this form was opened."""


def proposed_notice(session: Session) -> Notice:
    """The session's notice, or an unsaved one with the proposed text (no write: for GET pages)."""
    existing = Notice.objects.filter(session=session).first()
    if existing is not None:
        return existing
    defaults = default_sections(session)
    return Notice(session=session, **{f.name: getattr(defaults, f.name) for f in fields(defaults)})


def ensure_notice(*, session: Session, actor: User | None = None) -> Notice:
    """The session's notice, created with the proposed text sections when there is none.

    Side effects: may insert one ``Notice`` row.
    """
    with transaction.atomic():
        existing = Notice.objects.select_for_update().filter(session=session).first()
        if existing is not None:
            return existing
        defaults = default_sections(session)
        return Notice.objects.create(
            session=session,
            updated_by=actor if getattr(actor, "pk", None) else None,
            **{f.name: getattr(defaults, f.name) for f in fields(defaults)},
        )


def _lock(notice: Notice, version: int) -> Notice:
    current = Notice.objects.select_for_update().get(pk=notice.pk)
    if current.version != version:
        who = current.updated_by.get_username() if current.updated_by else _("người khác")
        raise NoticeConflict(
            _(
                "Thông báo đã được %(who)s sửa lúc %(at)s, sau khi bạn mở trang. "
                "Nội dung bạn nhập vẫn còn trong biểu mẫu; hãy xem lại rồi lưu lại."
            )
            % {"who": who, "at": timezone.localtime(current.updated_at).strftime("%H:%M %d/%m/%Y")}
        )
    return current


def save_notice_text(*, notice: Notice, actor: User, version: int, text: NoticeText) -> Notice:
    """Save the office's text sections (format included) if ``version`` is still current.

    Side effects: updates the ``Notice`` row, bumps its version; raises NoticeConflict when stale.
    """
    if text.format not in NoticeFormat.values:
        raise NoticeError(_("Thể thức không hợp lệ: %(v)s") % {"v": text.format})
    with transaction.atomic():
        current = _lock(notice, version)
        for f in fields(text):
            setattr(current, f.name, getattr(text, f.name).strip())
        current.version += 1
        current.updated_by = actor
        current.save()
        return current


def generate_notice(*, notice: Notice, actor: User, with_pdf: bool = False) -> Notice:
    """Render the notice to DOCX (and to PDF with ``with_pdf``) and keep the files with it.

    Side effects: writes the file(s) to storage, replacing earlier ones; updates the row.
    Raises ``pdf.PdfUnavailable`` when a PDF is asked for and LibreOffice is missing.
    """
    docx = notice_docx(notice_content(notice))
    pdf_bytes = None
    if with_pdf:
        from chidao.documents.pdf import docx_to_pdf

        pdf_bytes = docx_to_pdf(docx)
    with transaction.atomic():
        current = Notice.objects.select_for_update().get(pk=notice.pk)
        stem = f"thong-bao-ket-luan-{current.session_id}"
        old_docx, old_pdf = current.file.name, current.pdf.name
        current.file.save(f"{stem}.docx", ContentFile(docx), save=False)
        if pdf_bytes is not None:
            current.pdf.save(f"{stem}.pdf", ContentFile(pdf_bytes), save=False)
        elif old_pdf:
            current.pdf.delete(
                save=False
            )  # a PDF of an older text must not stay beside the new DOCX
            current.pdf = ""
        current.generated_at = timezone.now()
        current.updated_by = actor if getattr(actor, "pk", None) else None
        current.save()
    storage = current.file.storage
    for name in (old_docx, old_pdf if pdf_bytes is not None else ""):
        if name and name not in (current.file.name, current.pdf.name) and storage.exists(name):
            storage.delete(name)
    return current


def issue_notice(
    *, notice: Notice, actor: User, version: int, number: str, issued_on: dt.date
) -> Notice:
    """Record the notice's number and date of issue, then regenerate the kept DOCX with them.

    Side effects: updates the row (version bumped), rewrites the kept file. The number and date
    then show on the session and on each of its tasks.
    """
    number = (number or "").strip()
    if not number:
        raise NoticeError(_("Nhập số của thông báo."))
    if len(number) > 20:
        raise NoticeError(_("Số thông báo quá dài: %(v)s") % {"v": number})
    session_date = notice.session.date
    if session_date and issued_on < session_date:
        raise NoticeError(
            _("Ngày ban hành %(d)s trước ngày làm việc %(s)s.")
            % {"d": issued_on.strftime("%d/%m/%Y"), "s": session_date.strftime("%d/%m/%Y")}
        )
    with transaction.atomic():
        current = _lock(notice, version)
        current.number = number
        current.issued_on = issued_on
        current.version += 1
        current.updated_by = actor
        current.save()
    return generate_notice(notice=current, actor=actor)
