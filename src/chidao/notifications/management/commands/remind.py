"""``chidao remind``: the daily reminders (due within N days, overdue) and pending e-mails.

Run it once a day (README: the cron line; docs/chidao-daily.service). A second run the same
day stores and sends nothing new.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from chidao.notifications.services import remind


class Command(BaseCommand):
    help = "Nhắc hạn nhiệm vụ (sắp đến hạn, quá hạn) và gửi thư thông báo còn chờ; chạy mỗi ngày."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="nhắc các nhiệm vụ đến hạn trong chừng này ngày (mặc định CHIDAO_REMIND_DAYS, 3)",
        )
        parser.add_argument("--date", default=None, help="ngày chạy, YYYY-MM-DD (mặc định hôm nay)")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"] if options["days"] is not None else settings.CHIDAO_REMIND_DAYS
        if days < 0:
            raise CommandError(f"--days must be 0 or more, got {days}")
        today = timezone.localdate()
        if options["date"]:
            try:
                today = dt.date.fromisoformat(options["date"])
            except ValueError as e:
                raise CommandError(f"--date must be YYYY-MM-DD, got {options['date']!r}") from e
        done = remind(today=today, days=days)
        self.stdout.write(
            f"remind {today.isoformat()}: {done.due_soon} due within {days} days, "
            f"{done.overdue} overdue, {done.emails} e-mails sent"
        )
