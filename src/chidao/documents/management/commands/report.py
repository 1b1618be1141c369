"""``chidao report --from DATE --to DATE [--unit CODE|--leader NAME] --format docx|pdf|xlsx -o FILE``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from chidao.documents.outputs import REPORT_FORMATS, report_bytes
from chidao.documents.pdf import PdfUnavailable
from chidao.documents.report import Scope, custom_period, report_content
from chidao.organisation.models import Person, Unit, search_key
from chidao.organisation.provinces import find_province, province_code
from chidao.tasks.models import Task


def _date(value: str, option: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise CommandError(f"{option}: {value!r} is not a date (YYYY-MM-DD or DD/MM/YYYY)")


class Command(BaseCommand):
    help = (
        "Write the periodic report on how the leaders' directives are carried out, for a period "
        "and the whole province, one unit (--unit CODE or exact name) or one leader (--leader NAME), "
        "as DOCX, PDF or XLSX: the same document as the report page."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="start", required=True, metavar="DATE")
        parser.add_argument("--to", dest="end", required=True, metavar="DATE")
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--unit", metavar="CODE")
        scope.add_argument("--leader", metavar="NAME")
        parser.add_argument("--format", choices=REPORT_FORMATS, default="docx")
        parser.add_argument("-o", "--output", required=True, metavar="FILE")
        parser.add_argument("--province", default=None, help="default: CHIDAO_PROVINCE setting")
        parser.add_argument("--assessment", default="", help="text of section V (assessment)")
        parser.add_argument("--proposals", default="", help="text of section VI (proposals)")

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["province"] or settings.CHIDAO_PROVINCE
        try:
            code = province_code(find_province(name))
        except LookupError as e:
            raise CommandError(f"--province: {e}") from e
        try:
            period = custom_period(_date(options["start"], "--from"), _date(options["end"], "--to"))
        except ValueError as e:
            raise CommandError(f"--from/--to: {e}") from e
        scope = Scope()
        if options["unit"]:
            value = options["unit"].strip()
            units = Unit.objects.filter(province_code=code).filter(
                Q(code=value) | Q(search_name=search_key(value))
            )
            if units.count() != 1:
                raise CommandError(
                    f"--unit: {'no' if not units else 'more than one'} unit {value!r} in province {name}"
                )
            scope = Scope(unit=units.get())
        if options["leader"]:
            value = options["leader"].strip()
            people = (
                Person.objects.filter(search_name=search_key(value))
                .filter(Q(province_code=code) | Q(directives__session__province_code=code))
                .distinct()
            )
            if people.count() != 1:
                raise CommandError(
                    f"--leader: {'no' if not people else 'more than one'} leader {value!r} in province {name}"
                )
            scope = Scope(leader=people.get())
        content = report_content(
            Task.objects.filter(unit__province_code=code),
            province_code=code,
            period=period,
            scope=scope,
            assessment=options["assessment"],
            proposals=options["proposals"],
        )
        try:
            data = report_bytes(content, options["format"])
        except PdfUnavailable as e:
            raise CommandError(str(e)) from e
        path = Path(options["output"])
        try:
            path.write_bytes(data)
        except OSError as e:
            raise CommandError(f"-o {path}: {e.strerror}") from e
        t = content.totals
        self.stdout.write(
            f"{path}: {options['format'].upper()}, {t.total} tasks "
            f"({t.done_on_time} on time, {t.done_late} late, {t.in_time} in progress, "
            f"{t.overdue} overdue, {t.no_deadline} without deadline)"
        )
