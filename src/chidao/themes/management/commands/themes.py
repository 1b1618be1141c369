"""``chidao themes --rebuild``: compute the recurring directives' themes again, in full."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.meetings.models import Session
from chidao.themes.services import rebuild


class Command(BaseCommand):
    help = "Tính lại toàn bộ chủ đề chỉ đạo lặp lại (giữ các điều chỉnh của Văn phòng)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="tính lại toàn bộ")
        parser.add_argument(
            "--province-code",
            default=None,
            help="mã tỉnh (mặc định: mọi tỉnh có buổi làm việc)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["rebuild"]:
            raise CommandError("say --rebuild to compute every theme again")
        codes = (
            [options["province_code"]]
            if options["province_code"]
            else sorted(set(Session.objects.values_list("province_code", flat=True)))
        )
        for code in codes:
            done = rebuild(province_code=code)
            self.stdout.write(
                f"themes {code}: {done.directives} directives grouped, {done.themes} recurring "
                f"themes holding {done.recurring} directives"
            )
