"""The 34 provinces and centrally-run cities (since July 2025), found by a name as users type it."""

from __future__ import annotations

import difflib
import re

from vietnam_provinces import Province

from chidao.extract.lexicon import alternation, assignee_words
from chidao.organisation.models import search_key

# "tỉnh", "thành phố", "TP": the extractor's lexicon data/assignees.tsv, kind province_prefix
_PREFIX_RE = re.compile(
    rf"^(?:{alternation(assignee_words('province_prefix', marks=False), marks=False)})\s+"
)


def province_key(name: str) -> str:
    """The comparable form of a province name: no diacritics, no "tỉnh"/"thành phố"/"TP" prefix."""
    key = " ".join(search_key(name).replace(".", ". ").split())
    key = _PREFIX_RE.sub("", key)
    return key.replace("tp. ", "").strip()


def all_provinces() -> list[Province]:
    """The 34 current provinces, in the package's order."""
    return list(Province.iter_all())


def find_province(name: str) -> Province:
    """The province called ``name`` ("Thanh Hóa", "thanh hoa", "TP Hồ Chí Minh", "38").

    Raises LookupError naming the value and listing the closest province names.
    """
    text = (name or "").strip()
    provinces = all_provinces()
    if text.isdigit():
        for p in provinces:
            if int(p.code) == int(text):
                return p
    key = province_key(text)
    by_key = {province_key(p.name): p for p in provinces}
    if key in by_key:
        return by_key[key]
    close = difflib.get_close_matches(key, list(by_key), n=5, cutoff=0.5)
    names = [by_key[k].name for k in close] or [p.name for p in provinces]
    raise LookupError(
        f"unknown province {name!r}; "
        + ("did you mean: " if close else "the 34 provinces are: ")
        + ", ".join(names)
    )


def province_code(province: Province) -> str:
    """The code stored in ``Unit.province_code`` ("38" for Thanh Hóa)."""
    return str(int(province.code))
