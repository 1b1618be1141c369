"""``chidao users import FILE``: create the users listed in a CSV or XLSX sheet.

Every row is checked first; any error is reported row by row and nothing is written (all or
nothing). Users that already exist are left as they are, so running it twice creates nothing
twice. The one-time passwords of the new users go to ``--passwords FILE`` (CSV, mode 600), or
to standard output; each user must change it at the first sign-in.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.organisation import accounts
from chidao.organisation.access import _configured_province_code


class Command(BaseCommand):
    help = "Import users from a CSV or XLSX sheet (Họ và tên, Tên đăng nhập, Đơn vị, Chức vụ, Vai trò, Email, Điện thoại)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="create the users of a sheet (all or nothing)")
        imp.add_argument(
            "file", help="a .csv (UTF-8) or .xlsx file; the first row names the columns"
        )
        imp.add_argument(
            "--province",
            default=settings.CHIDAO_PROVINCE,
            help="province name (default: the installation's)",
        )
        imp.add_argument(
            "--dry-run", action="store_true", help="check and preview only; write nothing"
        )
        imp.add_argument(
            "--passwords",
            help="write the new users' one-time passwords to this CSV file (mode 600)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        code = _configured_province_code(options["province"])
        if code is None:
            raise CommandError(f"unknown province {options['province']!r}")
        try:
            rows = accounts.read_sheet(options["file"])
        except accounts.ImportError_ as e:
            raise CommandError(str(e)) from e
        plan = accounts.plan_import(rows, province_code=code, source=options["file"])
        for p in plan.rows:
            if p.errors:
                self.stderr.write(
                    f"{options['file']}: dòng {p.row} ({p.username or '?'}): " + "; ".join(p.errors)
                )
        self.stdout.write(
            f"{len(plan.rows)} dòng: {len(plan.to_create)} tài khoản mới, "
            f"{len(plan.existing)} đã có (giữ nguyên), {len(plan.errors)} dòng lỗi."
        )
        if plan.errors:
            raise CommandError(
                f"{options['file']}: {len(plan.errors)} dòng có lỗi; không tạo tài khoản nào."
            )
        if options["dry_run"]:
            for p in plan.to_create:
                self.stdout.write(
                    f"  + {p.username} ({p.full_name}, {p.unit.name if p.unit else p.role})"
                )
            return
        created = accounts.import_users(plan=plan, province_code=code)
        data = accounts.accounts_csv(created)
        if options["passwords"]:
            path = Path(options["passwords"])
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            self.stdout.write(f"Đã tạo {len(created)} tài khoản; mật khẩu tạm thời ghi vào {path}.")
        else:
            self.stdout.write(
                f"Đã tạo {len(created)} tài khoản (đổi mật khẩu khi đăng nhập lần đầu):"
            )
            if created:
                self.stdout.write(data.decode("utf-8-sig"))
