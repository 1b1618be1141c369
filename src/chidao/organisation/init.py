"""Load the organisation of one province: ``init_province`` (behind ``chidao init``).

Sources:
- the province and its current communes, wards and special zones: ``vietnam-provinces``;
- the standard provincial bodies: ``bodies.tsv`` next to this module;
- the districts and communes before July 2025 of the provinces merged into this one, and
  which new unit each old commune went into: the data files of ``vietnamadminunits``
  (``parser_legacy.json``, ``parser_from_2025.json``, ``converter_2025.json``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TypeGuard

from django.db import transaction
from vietnam_provinces import Province, VietNamDivisionType, Ward

from chidao.extract.spans import fold
from chidao.organisation.bodies import bodies_for
from chidao.organisation.models import Unit, UnitKind, search_key
from chidao.organisation.provinces import find_province, province_code

LEGACY_END = date(2025, 6, 30)
REFORM_START = date(2025, 7, 1)

_WARD_KINDS = {
    VietNamDivisionType.XA: UnitKind.COMMUNE,
    VietNamDivisionType.PHUONG: UnitKind.WARD,
    VietNamDivisionType.DAC_KHU: UnitKind.SPECIAL_ZONE,
}


@dataclass
class InitResult:
    """What ``init_province`` found and did: units of the province by kind, rows created."""

    province: str
    province_code: str
    units: dict[str, int] = field(default_factory=dict)  # kind -> units of the province now
    created: int = 0
    successor_links: int = 0
    links_created: int = 0

    @property
    def local_units(self) -> int:
        """Current communes, wards and special zones."""
        return sum(
            self.units.get(k, 0) for k in (UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE)
        )

    def lines(self) -> list[str]:
        """A human summary, one line per kind."""
        labels = dict(UnitKind.choices)
        out = [f"{self.province} (mã {self.province_code}):"]
        for kind in UnitKind.values:
            if self.units.get(kind):
                out.append(f"  {labels[kind]}: {self.units[kind]}")
        out.append(f"  liên kết đơn vị kế thừa: {self.successor_links}")
        out.append(f"  mới tạo: {self.created} đơn vị, {self.links_created} liên kết")
        return out


# ---- data of vietnamadminunits ------------------------------------------------------------


def _vau_data_dir() -> Path:
    import vietnamadminunits

    return Path(vietnamadminunits.__file__).resolve().parent / "data"


@cache
def _vau(name: str) -> dict[str, Any]:
    path = _vau_data_dir() / name
    try:
        with path.open(encoding="utf-8") as f:
            data: dict[str, Any] = json.load(f)
    except (OSError, ValueError) as e:
        raise RuntimeError(f"cannot read {path}: {e}") from e
    return data


def _vau_province_key(province: Province) -> str:
    """vietnamadminunits' key of a current province ("tinhthanhhoa", "thanhphohanoi")."""
    prefix = "tinh" if province.division_type == VietNamDivisionType.TINH else "thanhpho"
    return prefix + province.codename.replace("_", "")


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", search_key(text))


def _is_ward_entry(info: object) -> TypeGuard[dict[str, Any]]:
    return isinstance(info, dict) and isinstance(info.get("ward"), str) and bool(info["ward"])


# ---- building the rows ----------------------------------------------------------------


def _short(name: str, level: str) -> str:
    """ "Xã Minh Sơn", "xã" -> "Minh Sơn"."""
    if level and fold(name).startswith(fold(level) + " "):
        return name[len(level) + 1 :].strip()
    return name


def _new(
    kind: str, name: str, *, province: str, level: str = "", code: str = "", **extra: Any
) -> Unit:
    unit = Unit(
        province_code=province,
        kind=kind,
        level=level,
        name=name,
        short_name=extra.pop("short_name", "") or _short(name, level),
        code=code,
        **extra,
    )
    unit.search_name = search_key(name)  # bulk_create does not call save()
    return unit


class _Loader:
    """Creates what is missing and never duplicates: a unit with an official code is the same
    unit whatever its name (a renamed commune is not created twice); one without is known by
    its name."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.existing: dict[tuple[str, str], Unit] = {
            self.key(u): u for u in Unit.objects.filter(province_code=code)
        }
        self.created = 0

    @staticmethod
    def key(unit: Unit) -> tuple[str, str]:
        return (unit.kind, f"code:{unit.code}" if unit.code else f"name:{unit.name}")

    def ensure(self, units: list[Unit]) -> list[Unit]:
        """The saved unit for each of ``units`` (existing ones kept, missing ones created)."""
        missing = []
        seen = set()
        for u in units:
            key = self.key(u)
            if key not in self.existing and key not in seen:
                missing.append(u)
                seen.add(key)
        if missing:
            for u in Unit.objects.bulk_create(missing):
                self.existing[self.key(u)] = u
            self.created += len(missing)
        return [self.existing[self.key(u)] for u in units]


def _current_units(loader: _Loader, province: Province, top: Unit) -> dict[str, Unit]:
    """Current communes, wards and special zones; returns them by ward code."""
    wards = list(Ward.iter_by_province(province.code))
    rows = [
        _new(
            _WARD_KINDS[w.division_type],
            w.name,
            province=loader.code,
            level=w.division_type.value,
            code=f"{int(w.code):05d}",
            parent=top,
            valid_from=REFORM_START,
        )
        for w in wards
    ]
    return {u.code: u for u in loader.ensure(rows)}


def _bodies(loader: _Loader, province: Province, top: Unit) -> None:
    is_city = province.division_type != VietNamDivisionType.TINH
    bodies = bodies_for(loader.code, is_city=is_city)
    parents = {b.parent for b in bodies if b.parent}
    first = loader.ensure(
        [
            _new(b.kind, b.name, province=loader.code, level=b.level, parent=top)
            for b in bodies
            if not b.parent
        ]
    )
    by_name = {u.name: u for u in first}
    missing = parents - set(by_name)
    if missing:
        raise ValueError(f"bodies.tsv: parent(s) {sorted(missing)} are not top-level bodies")
    loader.ensure(
        [
            _new(b.kind, b.name, province=loader.code, level=b.level, parent=by_name[b.parent])
            for b in bodies
            if b.parent
        ]
    )


def _legacy_units(
    loader: _Loader, province: Province, top: Unit
) -> tuple[dict[str, Unit], dict[str, Unit]]:
    """Districts and communes before July 2025; returns them by vietnamadminunits key
    (districts by "province_district", communes by "province_district_ward")."""
    legacy = _vau("parser_legacy.json")
    old_provinces = _vau("converter_2025.json")["DICT_PROVINCE"].get(
        _vau_province_key(province), []
    )
    district_rows: dict[str, Unit] = {}
    for old in old_provinces:
        for dkey, d in legacy["DICT_PROVINCE_DISTRICT"].get(old, {}).items():
            district_rows[f"{old}_{dkey}"] = _new(
                UnitKind.DISTRICT,
                d["district"],
                province=loader.code,
                level=str(d.get("districtType") or "").lower(),
                short_name=d.get("districtShort") or "",
                code=str(d.get("districtCode") or ""),
                parent=top,
                valid_to=LEGACY_END,
            )
    districts = dict(zip(district_rows, loader.ensure(list(district_rows.values())), strict=True))

    commune_rows: dict[str, Unit] = {}
    for old in old_provinces:
        # the unaccented table lists every commune; the accented one tells apart names that
        # differ only by their diacritics ("Phú Thạnh", "Phú Thành")
        for table in (
            "DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED",
            "DICT_PROVINCE_DISTRICT_WARD_ACCENTED",
        ):
            for dkey, wards in legacy[table].get(old, {}).items():
                parent = districts.get(f"{old}_{dkey}")
                for wkey, w in wards.items():
                    if not _is_ward_entry(w):
                        continue
                    commune_rows[f"{old}_{dkey}_{wkey}"] = _new(
                        UnitKind.LEGACY_COMMUNE,
                        w["ward"],
                        province=loader.code,
                        level=str(w.get("wardType") or "").lower(),
                        short_name=w.get("wardShort") or "",
                        code=str(w.get("wardCode") or ""),
                        parent=parent,
                        valid_to=LEGACY_END,
                    )
    communes = dict(zip(commune_rows, loader.ensure(list(commune_rows.values())), strict=True))
    return districts, communes


def _new_unit_finder(province: Province, current: dict[str, Unit]) -> Callable[[str], Unit | None]:
    """A function from vietnamadminunits' key of a new unit to our unit (or None).

    Matched by name first (the two packages' codes differ for some units), then by code,
    then by the name without diacritics or punctuation.
    """
    info = {
        **_vau("parser_from_2025.json")["DICT_PROVINCE_WARD_NO_ACCENTED"].get(
            _vau_province_key(province), {}
        ),
        **_vau("parser_from_2025.json")["DICT_PROVINCE_WARD_ACCENTED"].get(
            _vau_province_key(province), {}
        ),
    }
    by_name: dict[str, list[Unit]] = {}
    by_compact: dict[str, list[Unit]] = {}
    for u in current.values():
        by_name.setdefault(fold(u.name), []).append(u)
        by_compact.setdefault(_compact(u.name), []).append(u)

    def find(key: str) -> Unit | None:
        w = info.get(key)
        if not _is_ward_entry(w):
            return None
        named = by_name.get(fold(w["ward"]), [])
        if len(named) == 1:
            return named[0]
        code = f"{int(w['wardCode']):05d}" if str(w.get("wardCode") or "").isdigit() else ""
        if code in current:
            return current[code]
        compact = by_compact.get(_compact(w["ward"]), [])
        return compact[0] if len(compact) == 1 else None

    return find


def _successors(
    province: Province,
    current: dict[str, Unit],
    districts: dict[str, Unit],
    communes: dict[str, Unit],
) -> tuple[int, int]:
    """Link old communes to the new units they went into, and districts to their communes' ones.

    Returns (links of the province's units, links created now).
    """
    conv = _vau("converter_2025.json")
    pkey = _vau_province_key(province)
    find = _new_unit_finder(province, current)
    links: set[tuple[int, int]] = set()

    def link(old_key: str, new: Unit | None) -> None:
        if new is None:
            return
        old = communes.get(old_key)
        if old is None and old_key.endswith("_"):
            old = districts.get(old_key[:-1])  # a district without communes (an island)
        if old is not None:
            links.add((old.pk, new.pk))

    for new_key, olds in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].get(pkey, {}).items():
        new = find(new_key)
        for old_key in olds:
            link(old_key, new)
    for old_key, parts in conv["DICT_PROVINCE_WARD_DIVIDED"].get(pkey, {}).items():
        for part in parts:
            link(old_key, find(part["newWardKey"]))
    # a district's successors: the new units its old communes went into
    by_pk = {u.pk: u for u in communes.values()}
    for old_pk, new_pk in list(links):
        commune = by_pk.get(old_pk)
        if commune is not None and commune.parent_id is not None:
            links.add((commune.parent_id, new_pk))

    through = Unit.successors.through
    old_pks = {a for a, _ in links}
    existing = set(
        through.objects.filter(from_unit_id__in=old_pks).values_list("from_unit_id", "to_unit_id")
    )
    missing = links - existing
    through.objects.bulk_create([through(from_unit_id=a, to_unit_id=b) for a, b in sorted(missing)])
    return len(links | existing), len(missing)


def init_province(*, province: str) -> InitResult:
    """Load the organisation of ``province`` (any of the 34, by name with or without diacritics).

    Side effects, in one transaction and idempotent (a second run creates nothing):
    the province unit; its current communes, wards and special zones; its standard bodies;
    the districts and communes before July 2025 of the provinces merged into it (valid to
    30/06/2025) with their successor links. Raises LookupError for an unknown name.
    """
    prov = find_province(province)
    code = province_code(prov)
    with transaction.atomic():
        loader = _Loader(code)
        is_city = prov.division_type != VietNamDivisionType.TINH
        (top,) = loader.ensure(
            [
                _new(
                    UnitKind.PROVINCE,
                    prov.name if is_city else f"Tỉnh {prov.name}",
                    province=code,
                    level=prov.division_type.value,
                    short_name=prov.name.removeprefix("Thành phố ").strip(),
                    code=code,
                )
            ]
        )
        current = _current_units(loader, prov, top)
        _bodies(loader, prov, top)
        districts, communes = _legacy_units(loader, prov, top)
        links, links_created = _successors(prov, current, districts, communes)
    counts = Counter(Unit.objects.filter(province_code=code).values_list("kind", flat=True))
    return InitResult(
        province=prov.name,
        province_code=code,
        units=dict(counts),
        created=loader.created,
        successor_links=links,
        links_created=links_created,
    )
