"""``chidao themes --rebuild``: compute the recurring directives' themes again, in full;
``chidao themes --stats``: count their tasks by state again (nightly)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.meetings.models import Session
from chidao.themes.services import rebuild, refresh_stats


class Command(BaseCommand):
    help = "Tính lại toàn bộ chủ đề chỉ đạo lặp lại (giữ các điều chỉnh của Văn phòng)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="tính lại toàn bộ")
        parser.add_argument(
            "--stats",
            action="store_true",
            help="chỉ đếm lại nhiệm vụ theo trạng thái của mỗi chủ đề (hằng đêm)",
        )
        parser.add_argument(
            "--province-code",
            default=None,
            help="mã tỉnh (mặc định: mọi tỉnh có buổi làm việc)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not (options["rebuild"] or options["stats"]):
            raise CommandError("say --rebuild (every theme again) or --stats (the tasks' counts)")
        codes = (
            [options["province_code"]]
            if options["province_code"]
            else sorted(set(Session.objects.values_list("province_code", flat=True)))
        )
        for code in codes:
            if not options["rebuild"]:
                n = refresh_stats(province_code=code)
                self.stdout.write(f"themes {code}: tasks counted again for {n} themes")
                continue
            done = rebuild(province_code=code)
            self.stdout.write(
                f"themes {code}: {done.directives} directives grouped, {done.themes} recurring "
                f"themes holding {done.recurring} directives"
            )
