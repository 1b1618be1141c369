"""Accounts for every unit: import users from a sheet, create one officer per unit in bulk.

- ``read_sheet`` reads a CSV or XLSX file whose first row names the columns ("Họ và tên",
  "Tên đăng nhập", "Đơn vị", "Chức vụ", "Vai trò", "Email", "Điện thoại"), matched without
  diacritics or case, in any order;
- ``plan_import`` checks every row (units found by name or code, roles by name) and says,
  row by row, what it would do or what is wrong, writing nothing;
- ``import_users`` writes a plan only when it has no error, in one transaction (all or
  nothing); a user that already exists is left as it is, so running it twice creates nothing
  twice;
- ``create_unit_officers``: one officer account per chosen unit that has none.

New accounts get a one-time password and must change it at their first sign-in.
"""

from __future__ import annotations

import csv
import io
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chidao.extract.lexicon import alternation, assignee_words
from chidao.organisation.models import (
    LEGACY_KINDS,
    LOCAL_KINDS,
    Profile,
    Role,
    Unit,
    UnitKind,
    search_key,
)
from chidao.safe_cells import safe_row

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024

# the sheet's columns: folded header -> field
COLUMNS: dict[str, str] = {
    "ho va ten": "full_name",
    "ten dang nhap": "username",
    "don vi": "unit",
    "chuc vu": "title",
    "vai tro": "role",
    "email": "email",
    "dien thoai": "phone",
}
REQUIRED = ("full_name", "username", "role")

# what the "Vai trò" column may say (folded), per role
ROLE_WORDS: dict[str, str] = {
    "can bo": Role.OFFICER,
    "can bo don vi": Role.OFFICER,
    "officer": Role.OFFICER,
    "van phong": Role.OFFICE,
    "office": Role.OFFICE,
    "lanh dao": Role.LEADER,
    "leader": Role.LEADER,
    "quan tri": Role.ADMIN,
    "admin": Role.ADMIN,
}


class ImportError_(Exception):
    """A sheet that cannot be read at all (the message names the file and why)."""


@dataclass
class PlannedUser:
    """One row of the sheet, checked: what it would create, or its errors."""

    row: int  # the sheet's row number (the header is row 1)
    username: str
    full_name: str = ""
    role: str = ""
    unit: Unit | None = None
    title: str = ""
    email: str = ""
    phone: str = ""
    exists: bool = False
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    source: str
    rows: list[PlannedUser]

    @property
    def errors(self) -> list[PlannedUser]:
        return [r for r in self.rows if r.errors]

    @property
    def to_create(self) -> list[PlannedUser]:
        return [r for r in self.rows if not r.errors and not r.exists]

    @property
    def existing(self) -> list[PlannedUser]:
        return [r for r in self.rows if not r.errors and r.exists]


@dataclass(frozen=True)
class NewAccount:
    """An account just created, with its one-time password (shown or exported once)."""

    username: str
    full_name: str
    unit: str
    password: str


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", search_key(text or "")).split())


def read_sheet(path: str | Path) -> list[dict[str, str]]:
    """The rows of a CSV (UTF-8, comma or semicolon) or XLSX file as {field: text}.

    Raises ImportError_ naming the file: unknown type, unreadable, too large, a missing
    required column, or a column it does not know.
    """
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportError_(
                _("%(file)s: tệp quá lớn (%(size)d byte, tối đa %(max)d).")
                % {"file": name, "size": size, "max": MAX_BYTES}
            )
        data = path.read_bytes()
    except OSError as e:
        raise ImportError_(
            _("%(file)s: không đọc được (%(why)s).") % {"file": name, "why": e.strerror or e}
        ) from e
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = _csv_rows(data, name)
    elif suffix == ".xlsx":
        table = _xlsx_rows(data, name)
    else:
        raise ImportError_(
            _("%(file)s: chỉ nhận tệp .csv hoặc .xlsx, không nhận “%(suffix)s”.")
            % {"file": name, "suffix": suffix or _("(không có phần mở rộng)")}
        )
    return _by_header(table, name)


def _csv_rows(data: bytes, name: str) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ImportError_(
            _("%(file)s: tệp CSV phải mã hóa UTF-8 (byte lỗi ở vị trí %(at)d).")
            % {"file": name, "at": e.start}
        ) from e
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _xlsx_rows(data: bytes, name: str) -> list[list[str]]:
    """The rows of the first sheet, read through the application's one spreadsheet reader
    (``extract.read.xlsx_workbook``: a ZIP bomb is refused by the bytes actually inflated)."""
    from chidao.extract.errors import ExtractError
    from chidao.extract.read import xlsx_workbook

    try:
        wb = xlsx_workbook(data, name)
    except ExtractError as e:
        raise ImportError_(
            _("%(file)s: không phải tệp Excel .xlsx hợp lệ (%(why)s).")
            % {"file": name, "why": e.message}
        ) from e
    rows: list[list[str]] = []
    for values in wb.worksheets[0].iter_rows(values_only=True):
        if len(rows) > MAX_ROWS + 1:
            break
        rows.append(["" if v is None else str(v).strip() for v in values])
    wb.close()
    return rows


def _by_header(table: list[list[str]], name: str) -> list[dict[str, str]]:
    table = [r for r in table if any((c or "").strip() for c in r)]
    if not table:
        raise ImportError_(_("%(file)s: tệp trống.") % {"file": name})
    header = [_fold(h) for h in table[0]]
    unknown = [table[0][i] for i, h in enumerate(header) if h and h not in COLUMNS]
    if unknown:
        raise ImportError_(
            _("%(file)s: không biết cột %(cols)s (các cột: %(known)s).")
            % {
                "file": name,
                "cols": ", ".join(f"“{c}”" for c in unknown),
                "known": "Họ và tên, Tên đăng nhập, Đơn vị, Chức vụ, Vai trò, Email, Điện thoại",
            }
        )
    fields = [COLUMNS.get(h, "") for h in header]
    missing = [f for f in REQUIRED if f not in fields]
    if missing:
        labels = {"full_name": "Họ và tên", "username": "Tên đăng nhập", "role": "Vai trò"}
        raise ImportError_(
            _("%(file)s: thiếu cột %(cols)s.")
            % {"file": name, "cols": ", ".join(f"“{labels[m]}”" for m in missing)}
        )
    if len(table) - 1 > MAX_ROWS:
        raise ImportError_(_("%(file)s: quá %(max)d dòng.") % {"file": name, "max": MAX_ROWS})
    out = []
    for raw in table[1:]:
        out.append(
            {
                f: " ".join((raw[i] if i < len(raw) else "").split())
                for i, f in enumerate(fields)
                if f
            }
        )
    return out


def _role(text: str) -> str | None:
    key = _fold(text)
    if key in ROLE_WORDS:
        return ROLE_WORDS[key]
    for words, role in ROLE_WORDS.items():
        if key.startswith(words + " "):
            return role
    return None


def find_unit(province_code: str, text: str) -> tuple[Unit | None, str]:
    """The unit a sheet names, by code or name (current units first), or why not."""
    text = " ".join((text or "").split())
    units = Unit.objects.filter(province_code=province_code).exclude(kind=UnitKind.PROVINCE)
    by_code = list(units.filter(code=text)) if text else []
    if len(by_code) == 1:
        return by_code[0], ""
    key = search_key(text)
    found = list(units.filter(search_name=key))
    if not found:  # "An Bình" for "Xã An Bình"
        found = [u for u in units.filter(search_name__endswith=" " + key)]
    current = [u for u in found if u.kind not in LEGACY_KINDS and u.valid_to is None]
    chosen = current or found
    if len(chosen) == 1:
        return chosen[0], ""
    if not chosen:
        return None, _("không có đơn vị “%(unit)s” trong tỉnh") % {"unit": text}
    return None, _("“%(unit)s” trùng tên %(n)d đơn vị (%(names)s): hãy ghi mã đơn vị") % {
        "unit": text,
        "n": len(chosen),
        "names": "; ".join(f"{u.label} – {u.code or u.pk}" for u in chosen[:4]),
    }


def plan_import(rows: Sequence[dict[str, str]], *, province_code: str, source: str) -> ImportPlan:
    """Check every row of a sheet; nothing is written. Errors name the row and the column."""
    User = get_user_model()
    validator = UnicodeUsernameValidator()
    seen: dict[str, int] = {}
    planned: list[PlannedUser] = []
    existing = {
        u.username.casefold(): u
        for u in User.objects.filter(
            username__in=[r.get("username", "") for r in rows if r.get("username")]
        ).select_related("profile")
    }
    for n, row in enumerate(rows, start=2):
        p = PlannedUser(
            row=n,
            username=row.get("username", ""),
            full_name=row.get("full_name", ""),
            title=row.get("title", ""),
            email=row.get("email", ""),
            phone=row.get("phone", ""),
        )
        if not p.full_name:
            p.errors.append(_("thiếu “Họ và tên”"))
        if not p.username:
            p.errors.append(_("thiếu “Tên đăng nhập”"))
        else:
            try:
                validator(p.username)
            except ValidationError:
                p.errors.append(
                    _("“Tên đăng nhập” “%(v)s” chỉ được gồm chữ, số và @ . + - _")
                    % {"v": p.username}
                )
            key = p.username.casefold()
            if key in seen:
                p.errors.append(
                    _("“Tên đăng nhập” “%(v)s” đã có ở dòng %(n)d")
                    % {"v": p.username, "n": seen[key]}
                )
            seen.setdefault(key, n)
            p.exists = key in existing
        role = _role(row.get("role", ""))
        if role is None:
            p.errors.append(
                _("“Vai trò” “%(v)s” không hợp lệ (Cán bộ đơn vị, Văn phòng, Lãnh đạo, Quản trị)")
                % {"v": row.get("role", "")}
            )
        else:
            p.role = role
        if row.get("unit"):
            p.unit, why = find_unit(province_code, row["unit"])
            if why:
                p.errors.append(_("“Đơn vị”: %(why)s") % {"why": why})
        elif role == Role.OFFICER:
            p.errors.append(_("cán bộ đơn vị cần cột “Đơn vị”"))
        if p.email:
            try:
                validate_email(p.email)
            except ValidationError:
                p.errors.append(_("“Email” “%(v)s” không hợp lệ") % {"v": p.email})
        if p.exists and not p.errors:
            user = existing[p.username.casefold()]
            profile = getattr(user, "profile", None)
            if profile is not None and (
                profile.role != p.role or (p.unit is not None and profile.unit_id != p.unit.pk)
            ):
                p.errors.append(
                    _(
                        "tài khoản “%(v)s” đã có với vai trò hoặc đơn vị khác; sửa trong trang quản trị"
                    )
                    % {"v": p.username}
                )
        planned.append(p)
    return ImportPlan(source=source, rows=planned)


def one_time_password() -> str:
    """A password to type once: four groups of letters and digits without look-alikes."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def _create(
    *,
    username: str,
    full_name: str,
    role: str,
    province_code: str,
    unit: Unit | None,
    title: str = "",
    email: str = "",
    phone: str = "",
) -> NewAccount:
    User = get_user_model()
    password = one_time_password()
    is_admin = role == Role.ADMIN
    user = User.objects.create_user(
        username=username,
        password=password,
        email=email,
        first_name=full_name[:150],
        is_staff=is_admin,
        is_superuser=is_admin,
    )
    Profile.objects.create(
        user=user,
        role=role,
        province_code=province_code,
        unit=unit,
        title=title[:255],
        phone=phone[:40],
        must_change_password=True,
    )
    return NewAccount(username, full_name, unit.name if unit else "", password)


@transaction.atomic
def import_users(*, plan: ImportPlan, province_code: str) -> list[NewAccount]:
    """Create the plan's new users, or nothing when any row has an error.

    Side effects: one User and one Profile (``must_change_password``) per new row, in one
    transaction. Existing users are left untouched. Raises ImportError_ listing the rows in
    error (nothing written).
    """
    if plan.errors:
        raise ImportError_(
            ngettext(
                "%(file)s: %(n)d dòng có lỗi, không tạo tài khoản nào.",
                "%(file)s: %(n)d dòng có lỗi, không tạo tài khoản nào.",
                len(plan.errors),
            )
            % {"file": plan.source, "n": len(plan.errors)}
        )
    return [
        _create(
            username=p.username,
            full_name=p.full_name,
            role=p.role,
            province_code=province_code,
            unit=p.unit,
            title=p.title,
            email=p.email,
            phone=p.phone,
        )
        for p in plan.to_create
    ]


# ---------------------------------------------------------------- one officer per unit


def units_without_officer(province_code: str) -> list[Unit]:
    """The current units of the province that have no officer yet (communes and wards first,
    then the provincial bodies), in Vietnamese order."""
    from chidao.organisation.collation import vi_key

    units = (
        Unit.objects.filter(province_code=province_code, valid_to__isnull=True)
        .exclude(kind__in=[UnitKind.PROVINCE, *LEGACY_KINDS])
        .exclude(officers__role=Role.OFFICER)
        .distinct()
    )
    return sorted(units, key=lambda u: (u.kind not in LOCAL_KINDS, vi_key(u.name)))


# the level or head word a short name leaves out ("xã An Bình" -> "An Bình"): the extractor's
# lexicon data/assignees.tsv, kind unit_prefix
_UNIT_PREFIX_RE = re.compile(
    rf"^(?:{alternation(assignee_words('unit_prefix'))})\s+", re.IGNORECASE
)


def officer_username(unit: Unit, taken: set[str]) -> str:
    """ "canbo_" and the unit's short name without diacritics ("canbo_anbinh"), unique."""
    short = unit.short_name or _UNIT_PREFIX_RE.sub("", unit.name)
    base = "canbo_" + re.sub(r"[^a-z0-9]", "", search_key(short).replace("đ", "d"))[:40]
    name, n = base, 2
    while name.casefold() in taken:
        name, n = f"{base}{n}", n + 1
    taken.add(name.casefold())
    return name


@transaction.atomic
def create_unit_officers(*, province_code: str, units: Iterable[Unit]) -> list[NewAccount]:
    """One officer account per unit given that has none yet, each with a one-time password.

    Side effects: a User and a Profile (officer of the unit, ``must_change_password``) per
    unit, in one transaction. Units of another province or that already have an officer are
    skipped.
    """
    User = get_user_model()
    taken = {u.casefold() for u in User.objects.values_list("username", flat=True)}
    open_ids = {u.pk for u in units_without_officer(province_code)}
    created = []
    for unit in units:
        if unit.pk not in open_ids or unit.province_code != province_code:
            continue
        open_ids.discard(unit.pk)
        created.append(
            _create(
                username=officer_username(unit, taken),
                full_name=_("Cán bộ %(unit)s") % {"unit": unit.name},
                role=Role.OFFICER,
                province_code=province_code,
                unit=unit,
            )
        )
    return created


def accounts_csv(accounts: Sequence[NewAccount]) -> bytes:
    """The new accounts as a CSV to hand out (UTF-8 with BOM so that Excel reads it; a text
    that a spreadsheet would read as a formula is written as text)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("Tên đăng nhập"), _("Họ và tên"), _("Đơn vị"), _("Mật khẩu tạm thời")])
    for a in accounts:  # names come from an uploaded sheet: never a formula in a spreadsheet
        writer.writerow(safe_row([a.username, a.full_name, a.unit, a.password]))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
