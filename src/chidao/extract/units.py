"""The official administrative units, old and new, for matching names in reports.

Two eras:

- ``"2025"``: the 34 provinces and 3,321 communes, wards and special zones in
  force since 1 July 2025 (package ``vietnam-provinces``);
- ``"legacy"``: the 63 provinces, their districts (huyện, thị xã, thành phố,
  quận) and communes (xã, phường, thị trấn) before that date (package
  ``vietnamadminunits``, its ``admin_units_legacy`` table).

Public helpers (also used by the web application to load a province's units):

- :func:`provinces` -- the provinces of an era, official short names;
- :func:`province_name` -- "thanh hoa", "Tỉnh Thanh Hoá" -> "Thanh Hóa";
- :func:`province_units` -- every unit of a province in an era;
- :func:`lookup_unit` -- the unit(s) with a level and a name, with or without
  diacritics, either tone placement.

Example (the web application loading a province's communes)::

    >>> from chidao.extract.units import province_units, lookup_unit
    >>> [u.label for u in province_units("Thanh Hoá")][:1]
    ['phường Hạc Thành']
    >>> lookup_unit("huyen", "thieu hoa")[0].info()
    {'level': 'huyện', 'name': 'Thiệu Hóa', 'code': '398', 'era': 'legacy', 'province': 'Thanh Hóa'}

``Unit.code`` is the official code (legacy: the district or commune code of
the General Statistics Office; 2025: the ward code of ``vietnam-provinces``).
The tables are built once per process, on first use (about 0.3 s).
Names are compared on a key: lower case, modern tone placement, single spaces
(:func:`name_key`); :func:`plain_key` also drops the diacritics.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from . import lexicon
from .spans import fold, strip_marks

ERAS = ("legacy", "2025")
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")  # "Kỳ Anh (Thị xã)": the package's disambiguation

# the words around the official names are reviewed data (``data/unit_words.tsv``)
WORDS = "unit_words.tsv"
KINDS = ("province_prefix", "province_abbreviation", "province_alias")


@cache
def unit_rows() -> tuple[lexicon.Row, ...]:
    """The rows of ``data/unit_words.tsv`` (a further column: the official name an alias
    stands for); a bad line raises an error naming the file and line."""
    rows = lexicon.load(WORDS, KINDS, ("official",))
    for r in rows:
        if r.kind == "province_alias" and not r.extra[0]:
            raise lexicon.LexiconError(f"{r.where}: a province_alias row needs its official name")
    return rows


def unit_words() -> dict[str, tuple[str, ...]]:
    """Entries of ``data/unit_words.tsv`` by kind (folded, in the file's order)."""
    return {k: lexicon.texts(unit_rows(), k) for k in KINDS}


# a province's level before its name: "Tỉnh Thanh Hoá", "Thành phố Hà Nội", "TP. Hồ Chí Minh"
_PREFIX = re.compile(
    lexicon.fill(
        r"^(?:«province_prefix»|(?:«province_abbreviation»)\.?)\s+", unit_words(), factor=False
    ),
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Unit:
    """One administrative unit: ``level`` in lower case ("huyện"), ``name`` without it."""

    level: str
    name: str
    code: str
    era: str  # "legacy" | "2025"
    province: str  # official short name of its province ("Thanh Hóa")
    province_code: str
    district: str | None = None  # legacy communes: their district ("huyện Thiệu Hóa")

    @property
    def label(self) -> str:
        """ "huyện Thiệu Hóa"."""
        return f"{self.level} {self.name}"

    def info(self) -> dict[str, str | None]:
        """The record's ``locality_info`` entry for this unit."""
        return {
            "level": self.level,
            "name": self.name,
            "code": self.code,
            "era": self.era,
            "province": self.province,
        }


def name_key(text: str) -> str:
    """Lower case, modern tone placement, single spaces: "Thiệu Hoá" -> "thiệu hóa"."""
    return " ".join(fold(text).split())


def plain_key(text: str) -> str:
    """:func:`name_key` without diacritics: "Thiệu Hoá" -> "thieu hoa"."""
    return strip_marks(name_key(text))


@dataclass
class _Tables:
    provinces: dict[str, list[tuple[str, str]]]  # era -> [(short name, code)]
    units: dict[tuple[str, str], list[Unit]]  # (era, province) -> units
    by_key: dict[tuple[str, str], list[Unit]]  # (level, name_key) -> units
    by_plain: dict[tuple[str, str], list[Unit]]  # (plain level, plain name) -> units
    province_by_key: dict[str, tuple[str, str]]  # name_key/plain_key -> (short name, era)


def _legacy_rows() -> list[tuple[Any, ...]]:
    db = resources.files("vietnamadminunits") / "data" / "dataset.db"
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(
            "select provinceShort, provinceCode, districtShort, districtType, districtCode, "
            "wardShort, wardType, wardCode from admin_units_legacy"
        ).fetchall()
    finally:
        con.close()


@cache
def _tables() -> _Tables:
    import vietnam_provinces as vp

    provinces: dict[str, list[tuple[str, str]]] = {"legacy": [], "2025": []}
    units: dict[tuple[str, str], list[Unit]] = {}
    seen_district: set[str] = set()
    seen_prov: set[str] = set()
    for prov, pcode, dname, dtype, dcode, wname, wtype, wcode in _legacy_rows():
        dname = _PAREN.sub("", dname) if dname else dname
        wname = _PAREN.sub("", wname) if wname else wname
        if prov not in seen_prov:
            seen_prov.add(prov)
            provinces["legacy"].append((prov, str(pcode)))
        bucket = units.setdefault(("legacy", prov), [])
        if dname and dcode not in seen_district:
            seen_district.add(dcode)
            bucket.append(Unit(dtype.lower(), dname, str(dcode), "legacy", prov, str(pcode)))
        if wname and wtype:
            district = f"{dtype.lower()} {dname}" if dname else None
            bucket.append(
                Unit(wtype.lower(), wname, str(wcode), "legacy", prov, str(pcode), district)
            )
    for p in vp.Province.iter_all():
        short = _PREFIX.sub("", p.name)
        pcode = f"{int(p.code):02d}"
        provinces["2025"].append((short, pcode))
        bucket = units.setdefault(("2025", short), [])
        for w in vp.Ward.iter_by_province(p.code):
            level = w.division_type.value
            name = w.name[len(level) :].strip() if w.name.lower().startswith(level) else w.name
            bucket.append(Unit(level, name, str(int(w.code)), "2025", short, pcode))
    by_key: dict[tuple[str, str], list[Unit]] = {}
    by_plain: dict[tuple[str, str], list[Unit]] = {}
    for bucket in units.values():
        for u in bucket:
            by_key.setdefault((u.level, name_key(u.name)), []).append(u)
            by_plain.setdefault((plain_key(u.level), plain_key(u.name)), []).append(u)
    province_by_key: dict[str, tuple[str, str]] = {}
    for era in ("legacy", "2025"):  # the 2025 name wins where both exist
        for short, _code in provinces[era]:
            province_by_key[name_key(short)] = (short, era)
            province_by_key[plain_key(short)] = (short, era)
    for r in unit_rows():  # former names of a province: "Thừa Thiên Huế" is "Huế"
        if r.kind == "province_alias":
            province_by_key.setdefault(name_key(r.text), (r.extra[0], "legacy"))
            province_by_key.setdefault(plain_key(r.text), (r.extra[0], "legacy"))
    return _Tables(provinces, units, by_key, by_plain, province_by_key)


def provinces(era: str = "2025") -> list[str]:
    """The official short names of the provinces of ``era`` ("Thanh Hóa", "Hà Nội", ...)."""
    _check_era(era)
    return [name for name, _code in _tables().provinces[era]]


@lru_cache(maxsize=4096)
def province_name(text: str) -> str | None:
    """The official short name of a province written any way ("Tỉnh Thanh Hoá",
    "thanh hoa", "TP. Hồ Chí Minh"), or ``None`` if it names no province."""
    key = name_key(_PREFIX.sub("", text.strip()))
    hit = _tables().province_by_key.get(key) or _tables().province_by_key.get(strip_marks(key))
    return hit[0] if hit else None


def province_units(
    province: str, era: str = "2025", levels: tuple[str, ...] | None = None
) -> list[Unit]:
    """Every unit of ``province`` in ``era`` (districts and communes for ``"legacy"``),
    optionally only those of the given ``levels``.  Raises ``ValueError`` for an
    unknown province or era."""
    _check_era(era)
    name = province_name(province)
    if name is None:
        raise ValueError(f"unknown province: {province!r}")
    found = _tables().units.get((era, name))
    if found is None:
        raise ValueError(f"province {name!r} does not exist in era {era!r}")
    return [u for u in found if levels is None or u.level in levels]


def lookup_unit(
    level: str, name: str, province: str | None = None, era: str | None = None
) -> list[Unit]:
    """The units called ``level name`` ("huyện", "Thiệu Hoá"), optionally only in
    ``province`` and ``era``.  Diacritics may be missing ("thieu hoa"); the exact
    spelling is tried first."""
    return list(_lookup(level, name, province, era))


@lru_cache(maxsize=65536)
def _lookup(level: str, name: str, province: str | None, era: str | None) -> tuple[Unit, ...]:
    tables = _tables()
    found = tables.by_key.get((name_key(level), name_key(name)))
    if not found:
        found = tables.by_plain.get((plain_key(level), plain_key(name)), [])
    prov = province_name(province) if province else None
    return tuple(
        u for u in found if (prov is None or u.province == prov) and (era is None or u.era == era)
    )


def unit_names(era: str | None = None) -> dict[str, list[Unit]]:
    """Every unit by the key of its name alone ("thiệu hóa" -> [huyện, thị trấn ...])."""
    out: dict[str, list[Unit]] = {}
    for (_level, key), found in _tables().by_key.items():
        for u in found:
            if era is None or u.era == era:
                out.setdefault(key, []).append(u)
    return out


def _check_era(era: str) -> None:
    if era not in ERAS:
        raise ValueError(f"unknown era: {era!r} (expected one of {', '.join(ERAS)})")
