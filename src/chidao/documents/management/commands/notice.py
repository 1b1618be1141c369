"""``chidao notice SESSION_ID --format docx|pdf -o FILE``: a session's conclusion notice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.documents.content import notice_content
from chidao.documents.notice_docx import notice_docx
from chidao.documents.pdf import PdfUnavailable, docx_to_pdf
from chidao.documents.services import proposed_notice
from chidao.meetings.models import Session


class Command(BaseCommand):
    help = (
        "Write the conclusion notice of a confirmed session as DOCX or PDF: the text the office "
        "saved on the notice page (or the proposed text when none was saved), the same file as "
        "the page's."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("session_id", type=int, metavar="SESSION_ID")
        parser.add_argument("--format", choices=["docx", "pdf"], default="docx")
        parser.add_argument("-o", "--output", required=True, metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        session = Session.objects.filter(pk=options["session_id"]).first()
        if session is None:
            raise CommandError(f"SESSION_ID: no confirmed session {options['session_id']}")
        data = notice_docx(notice_content(proposed_notice(session)))
        if options["format"] == "pdf":
            try:
                data = docx_to_pdf(data)
            except PdfUnavailable as e:
                raise CommandError(str(e)) from e
        path = Path(options["output"])
        try:
            path.write_bytes(data)
        except OSError as e:
            raise CommandError(f"-o {path}: {e.strerror}") from e
        self.stdout.write(f"{path}: {options['format'].upper()}, {len(data)} bytes")
