"""The standard bodies of a province (reviewed data file ``bodies.tsv`` next to this module)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from chidao.organisation.models import UnitKind, search_key

BODIES_FILE = Path(__file__).with_name("bodies.tsv")


@dataclass(frozen=True)
class Body:
    """One row of bodies.tsv, written for a tỉnh."""

    name: str
    kind: str
    level: str
    parent: str
    where: str
    aliases: tuple[str, ...]

    def exists_in(self, province_code: str) -> bool:
        """Whether the province with this code has the body ("*", "1,4,...", "-31,33")."""
        code = str(int(province_code))
        if self.where == "*":
            return True
        if self.where.startswith("-"):
            return code not in self.where[1:].split(",")
        return code in self.where.split(",")


@cache
def load_bodies() -> tuple[Body, ...]:
    """Read bodies.tsv; a bad row raises ValueError naming the file, line and field."""
    bodies = []
    with BODIES_FILE.open(encoding="utf-8") as f:
        lines = [
            (n, line) for n, line in enumerate(f, 1) if line.strip() and not line.startswith("#")
        ]
    reader = csv.DictReader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    names = set()
    for (lineno, _), row in zip(lines[1:], reader, strict=True):
        where = f"{BODIES_FILE.name}:{lineno}"
        if not row.get("name"):
            raise ValueError(f"{where}: empty name")
        if row["kind"] not in UnitKind.values:
            raise ValueError(f"{where}: kind {row['kind']!r} is not one of {UnitKind.values}")
        if row["parent"] and row["parent"] not in names:
            raise ValueError(f"{where}: parent {row['parent']!r} must be listed above its children")
        names.add(row["name"])
        aliases = tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip())
        bodies.append(
            Body(
                row["name"], row["kind"], row["level"], row["parent"], row["where"] or "*", aliases
            )
        )
    return tuple(bodies)


def localise(name: str, *, is_city: bool) -> str:
    """The name as a centrally-run city says it ("Tỉnh ủy" → "Thành ủy", "Tỉnh đoàn" →
    "Thành đoàn", "tỉnh" → "thành phố")."""
    if not is_city:
        return name
    return (
        name.replace("Tỉnh ủy", "Thành ủy")
        .replace("Tỉnh đoàn", "Thành đoàn")
        .replace("Tỉnh Đoàn", "Thành Đoàn")
        .replace(" tỉnh", " thành phố")
    )


def bodies_for(province_code: str, *, is_city: bool) -> list[Body]:
    """The bodies of one province, named as that province names them."""
    out = []
    for b in load_bodies():
        if b.exists_in(province_code):
            out.append(
                Body(
                    localise(b.name, is_city=is_city),
                    b.kind,
                    b.level,
                    localise(b.parent, is_city=is_city),
                    b.where,
                    tuple(localise(a, is_city=is_city) for a in b.aliases),
                )
            )
    return out


@cache
def alias_keys() -> dict[str, frozenset[str]]:
    """Search key of an alias → search keys of the body names it stands for (tỉnh and city forms)."""
    out: dict[str, set[str]] = {}
    for b in load_bodies():
        for is_city in (False, True):
            name_key = search_key(localise(b.name, is_city=is_city))
            for alias in b.aliases:
                out.setdefault(search_key(localise(alias, is_city=is_city)), set()).add(name_key)
    return {k: frozenset(v) for k, v in out.items()}
