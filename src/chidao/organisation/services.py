"""Writes of the organisation app: users and their roles, people and their titles, unit look-up.

``init_province`` (loading a province's units) lives in ``organisation.init`` and is
re-exported here so that callers find every organisation service in one place.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from chidao.extract.lexicon import alternation, assignee_levels, assignee_words
from chidao.extract.spans import fold
from chidao.organisation.bodies import alias_keys
from chidao.organisation.models import Person, Position, Profile, Role, Unit, UnitKind, search_key
from chidao.organisation.users import User


@transaction.atomic
def create_user(
    *,
    username: str,
    password: str,
    role: str,
    province_code: str,
    unit: Unit | None = None,
    person: Person | None = None,
    full_name: str = "",
) -> Any:
    """Create a user with a hashed password and a Profile giving their role in a province.

    Side effects: one ``User`` row (``is_staff``/``is_superuser`` for administrators, so that
    they manage users and units in the Django admin) and one ``Profile`` row.
    Raises ValueError naming the bad value: unknown role, missing province, an officer
    without a unit, a unit of another province, or a username already taken.
    """
    if role not in Role.values:
        raise ValueError(f"role {role!r} is not one of {Role.values}")
    if not province_code:
        raise ValueError("province_code is required")
    if role == Role.OFFICER and unit is None:
        raise ValueError(f"user {username!r}: an officer needs a unit")
    if unit is not None and unit.province_code != province_code:
        raise ValueError(
            f"user {username!r}: unit {unit.name!r} belongs to province {unit.province_code}, not {province_code}"
        )
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValueError(f"username {username!r} is already taken")
    is_admin = role == Role.ADMIN
    user = User.objects.create_user(
        username=username,
        password=password,
        first_name=full_name[:150],
        is_staff=is_admin,
        is_superuser=is_admin,
    )
    Profile.objects.create(
        user=user, role=role, province_code=province_code, unit=unit, person=person
    )
    return user


@transaction.atomic
def password_changed(*, user: User) -> None:
    """The user chose their own password: a temporary one no longer needs changing.

    Side effects: ``Profile.must_change_password`` cleared.
    """
    Profile.objects.filter(user=user, must_change_password=True).update(must_change_password=False)


@transaction.atomic
def get_or_create_person(
    *, province_code: str, full_name: str, title: str = "", on: date | None = None
) -> Person:
    """The person of this province called ``full_name`` (created when new).

    Names compare after case and tone-placement folding ("Thủy" = "Thuỷ"), but keep their
    diacritics ("Nguyễn Văn Anh" is not "Nguyễn Văn Ánh"). When ``title`` is given and the
    person does not hold it yet, a Position with that title starting on ``on`` is recorded.
    Side effects: at most one ``Person`` and one ``Position`` row.
    """
    name = " ".join((full_name or "").split())
    if not name:
        raise ValueError("full_name is empty")
    wanted = fold(name)
    person = next(
        (
            p
            for p in Person.objects.filter(
                province_code=province_code, search_name=search_key(name)
            )
            if fold(p.full_name) == wanted
        ),
        None,
    )
    if person is None:
        person = Person.objects.create(full_name=name, province_code=province_code)
    title = " ".join((title or "").split())
    if title:
        held = {fold(t) for t in person.positions.values_list("title", flat=True)}
        if fold(title) not in held:
            Position.objects.create(person=person, title=title, start=on)
    return person


# ---- finding units from the words of a report ------------------------------------------

# a level word at the start of a unit mention, and the kinds of unit it can name
_LEVEL_KINDS: dict[str, tuple[str, ...]] = {
    "xa": (UnitKind.COMMUNE, UnitKind.LEGACY_COMMUNE),
    "phuong": (UnitKind.WARD, UnitKind.LEGACY_COMMUNE),
    "dac khu": (UnitKind.SPECIAL_ZONE,),
    "thi tran": (UnitKind.LEGACY_COMMUNE,),
    "huyen": (UnitKind.DISTRICT,),
    "thi xa": (UnitKind.DISTRICT,),
    "thanh pho": (UnitKind.DISTRICT,),
}
_LEVEL_RE = re.compile(r"^(" + "|".join(sorted(_LEVEL_KINDS, key=len, reverse=True)) + r")\s+(.+)$")
# (the words below: the extractor's lexicon data/assignees.tsv, compared without diacritics)
# bodies of a commune or district named before it: "UBND xã Minh Sơn", "Đảng ủy phường Đông Sơn"
_LOCAL_BODY_RE = re.compile(
    rf"^(?:{alternation(assignee_words('local_body'), marks=False)})\s+"
    r"(?=(?:" + "|".join(_LEVEL_KINDS) + r")\s)"
)
# who in a body is asked rather than the body: "lãnh đạo huyện Thiệu Hóa", "Giám đốc Sở Y tế"
_LEAD_RE = re.compile(rf"^(?:{alternation(assignee_words('leader'), marks=False)})\s+")
# the Party committee of a pre-2025 district names the district: "Huyện ủy Thiệu Hóa"
_DISTRICT_OF_COMMITTEE = {
    k: v + " " for k, v in assignee_levels("district_committee", marks=False).items()
}
_DISTRICT_COMMITTEE_RE = re.compile(
    rf"^({alternation(_DISTRICT_OF_COMMITTEE, marks=False)})\s+"
    r"(?!(?:" + "|".join(_LEVEL_KINDS) + r")\s)"
)
_ABBREVIATIONS = {k: v + " " for k, v in assignee_levels("abbreviation", marks=False).items()}
_ABBREVIATION_RE = re.compile(rf"^({alternation(_ABBREVIATIONS, marks=False)})\.?\s+")


def _key(text: str) -> str:
    """A search key without surrounding punctuation and with single spaces."""
    return " ".join(search_key(text).strip(" \t\n.,;:()\"'“”").split())


@cache
def _province_key(province_code: str) -> str:
    from chidao.organisation.provinces import find_province, province_key

    try:
        return province_key(find_province(province_code).name)
    except LookupError:
        return ""


def _mention_keys(text: str, province_code: str) -> list[str]:
    """The search keys a mention can stand for, the plainest first.

    "Lãnh đạo UBND huyện Thiệu Hóa" → "huyen thieu hoa"; "TX Nghi Sơn" → "thi xa nghi son";
    "Huyện ủy Thiệu Hóa" → "huyen thieu hoa"; "Sở Y tế tỉnh Thanh Hóa" → also "so y te".
    """
    key = _LEAD_RE.sub("", _key(text))
    key = _LOCAL_BODY_RE.sub("", key)
    key = _DISTRICT_COMMITTEE_RE.sub(lambda m: _DISTRICT_OF_COMMITTEE[m.group(1)], key)
    key = _ABBREVIATION_RE.sub(lambda m: _ABBREVIATIONS[m.group(1)], key)
    keys = [key] if key else []
    province = _province_key(province_code)
    if province and key.endswith(" " + province) and len(key) > len(province) + 1:
        shorter = key[: -len(province) - 1]  # "ubnd tinh thanh hoa" → "ubnd tinh"
        keys.append(shorter)
        for level in (" tinh", " thanh pho"):
            if shorter.endswith(level) and len(shorter) > len(level):
                keys.append(shorter[: -len(level)])  # "so y te tinh" → "so y te"
    return keys


def find_units(*, province_code: str, text: str) -> list[Unit]:
    """The units of the province that ``text`` names ("xã Minh Sơn", "huyện Thiệu Hoá", "Sở Tài chính").

    Matching ignores case, diacritics and tone placement. A mention with a level word
    ("xã", "phường", "huyện", ...) matches units of that level; a bare name ("Minh Sơn")
    matches any territorial unit with that short name; a body name matches the unit's name
    or one of its known aliases ("Ủy ban nhân dân tỉnh" for "UBND tỉnh", "Sở Kế hoạch và Đầu
    tư" for "Sở Tài chính"). Who is asked in a body ("lãnh đạo", "Giám đốc"), the body of a
    locality ("UBND xã"), abbreviations ("TP", "TX") and the province's own name at the end
    are looked through. Current units come before pre-2025 ones. Collective mentions ("các
    sở, ngành") match nothing: the reviewer chooses.
    """
    keys = _mention_keys(text, province_code)
    if not keys:
        return []
    units = Unit.objects.filter(province_code=province_code)
    aliases = alias_keys()
    names = {name for k in keys for name in (k, *aliases.get(k, ()))}
    found = list(units.filter(search_name__in=names))
    key = keys[0]
    if not found:
        level = _LEVEL_RE.match(key)
        if level:
            # only units of the kinds of that level ("thị trấn" never finds a current ward)
            kinds = _LEVEL_KINDS[level.group(1)]
            found = [
                u
                for u in units.filter(kind__in=kinds, search_name__endswith=" " + level.group(2))
                if _key(u.short_name or u.name) == level.group(2) or u.search_name == key
            ]
        else:
            territorial = Q(
                kind__in=[
                    UnitKind.COMMUNE,
                    UnitKind.WARD,
                    UnitKind.SPECIAL_ZONE,
                    UnitKind.DISTRICT,
                    UnitKind.LEGACY_COMMUNE,
                ]
            )
            found = [
                u
                for u in units.filter(territorial, search_name__endswith=" " + key)
                if _key(u.short_name or u.name) == key
            ]
    found.sort(key=lambda u: (u.valid_to is not None, u.kind, u.name, u.pk))
    return found


def init_province(*, province: str) -> Any:
    """Load the units of ``province``: see ``chidao.organisation.init.init_province``."""
    from chidao.organisation.init import init_province as _init

    return _init(province=province)
