"""Titles of the genre (``data/titles.tsv``): the lexicon, the patterns built from it,
titles reduced for comparison, and who leads (a non-local holder of a leading title) and
who speaks for the lower side (district, commune, a city of the province)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .lexicon import trie_pattern
from .scan import WordLexicon
from .segment import UPPER
from .spans import Person, fold, written_forms

TITLES = "titles.tsv"


@dataclass(frozen=True)
class TitleLexicon:
    """The reviewed entries of ``titles.tsv`` (all folded)."""

    heads: tuple[str, ...]
    ranks: tuple[str, ...]
    words: frozenset[str]
    local: tuple[str, ...]
    stops: frozenset[str]
    cities: frozenset[str] = frozenset()
    districts: tuple[str, ...] = ()
    unitless: tuple[str, ...] = ()
    central: tuple[str, ...] = ()
    ministry: tuple[str, ...] = ()


TITLE_KINDS = (
    "head",
    "rank",
    "word",
    "local",
    "stop",
    "city",
    "district",
    "unitless",
    "central",
    "ministry",
    "leading",
    "vice",
    "city_level",
    "city_abbreviation",
)


@lru_cache(maxsize=1)
def title_lexicon() -> TitleLexicon:
    """Load ``data/titles.tsv``; a malformed line raises an error naming the file and line."""
    rows = lexicon.load(TITLES, TITLE_KINDS)
    return TitleLexicon(
        heads=lexicon.texts(rows, "head"),
        ranks=lexicon.texts(rows, "rank"),
        words=frozenset(lexicon.texts(rows, "word")),
        local=lexicon.texts(rows, "local"),
        stops=frozenset(lexicon.texts(rows, "stop")),
        cities=frozenset(lexicon.texts(rows, "city")),
        districts=lexicon.texts(rows, "district"),
        unitless=lexicon.texts(rows, "unitless"),
        central=lexicon.texts(rows, "central"),
        ministry=lexicon.texts(rows, "ministry"),
    )


def _alternation(entries: tuple[str, ...]) -> str:
    return trie_pattern(entries)


@lru_cache(maxsize=1)
def title_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = title_lexicon()
    head = re.compile(rf"(?:{trie_pattern(lex.heads + lex.ranks, word_start=True)})(?!\w)")
    rank = re.compile(rf"(?:{_alternation(lex.ranks)})$")
    local = re.compile(rf"(?<!\w)(?:{_alternation(lex.local)})(?!\w)")
    return head, rank, local


@lru_cache(maxsize=1)
def title_heads() -> WordLexicon:
    """The heads and ranks of the lexicon, for the shared scan: what ``title_patterns()[0]``
    finds, found by one automaton."""
    lex = title_lexicon()
    return WordLexicon(lex.heads + lex.ranks)


def _title_words(kind: str) -> tuple[str, ...]:
    """The folded entries of ``kind`` in ``titles.tsv``, in the file's order."""
    return lexicon.texts(lexicon.load(TITLES, TITLE_KINDS), kind)


def _either_case(word: str) -> str:
    """``word`` (folded) as a regex that also matches it with a capital first letter."""
    return f"[{word[0].upper()}{word[0]}]{re.escape(word[1:])}"


# a city's level before its name, as written ("Thành ủy Vinh", "thành phố Thanh Hóa", "TP. Vinh"):
# each in either tone placement, the abbreviations in capitals with an optional full stop
_CITY_LEVEL = "|".join(
    [
        _either_case(form)
        for w in _title_words("city_level")
        for form in [w, *sorted({f.lower() for f in written_forms(w)} - {w})]
    ]
    + [re.escape(a.upper()) + r"\.?" for a in _title_words("city_abbreviation")]
)
_CITY_UNIT = re.compile(rf"(?<!\w)(?:{_CITY_LEVEL})\s+(?P<name>[{UPPER}]\w*(?:\s+[{UPPER}]\w*)*)")


_CANON = (
    (re.compile(r"\s*\([^)]*\)"), ""),
    (re.compile(r"ủy ban nhân dân"), "ubnd"),
    (re.compile(r"hội đồng nhân dân"), "hđnd"),
    (re.compile(r"ủy ban mặt trận tổ quốc(?: việt nam)?"), "ủy ban mttq"),
    (re.compile(r"mặt trận tổ quốc(?: việt nam)?"), "mttq"),
    (re.compile(r"\s+"), " "),
)


@lru_cache(maxsize=4096)
def canonical_title(title: str) -> str:
    """A title reduced for comparison: folded, acronyms for the long body names."""
    t = fold(title)
    for rx, repl in _CANON:
        t = rx.sub(repl, t)
    return t.strip()


# the titles of those who give directions (not of department heads answering petitions)
_LEADING = re.compile(
    lexicon.fill(
        r"(?:(?:«vice») )?(?:«leading»)",
        {k: _title_words(k) for k in ("vice", "leading")},
    )
)


def is_local_title(title: str) -> bool:
    """Whether a title is one of the lower side (district, commune, village, or a city of
    a province: "Bí thư Thành ủy Vinh", not "Bí thư Thành ủy Đà Nẵng", a centrally-run city)."""
    if title_patterns()[2].search(fold(title)) is not None:
        return True
    m = _CITY_UNIT.search(title)
    return m is not None and fold(m.group("name")) not in title_lexicon().cities


@lru_cache(maxsize=1)
def _district_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation(title_lexicon().districts)})(?!\w)")


def is_district_title(title: str) -> bool:
    """Whether a title is one of a district, a town or a city of a province (its first local
    word is a ``district`` word of ``titles.tsv``, or it names a city of a province): "Bí thư
    Huyện ủy Chư Păh", "Chủ tịch UBND thị xã Hồng Lĩnh"; not "Bí thư Đảng ủy xã Ia Ka"."""
    folded = fold(title)
    first = title_patterns()[2].search(folded)
    if first is not None:
        return _district_pattern().match(folded, first.start()) is not None
    m = _CITY_UNIT.search(title)
    return m is not None and fold(m.group("name")) not in title_lexicon().cities


def is_district_leader(person: Person) -> bool:
    """Whether a person holds a leading title of a district (a town, a city of a province):
    the upper side of a commune's session that no provincial leader chairs."""
    return any(
        _LEADING.match(fold(t.text)) is not None and is_district_title(t.text)
        for t in person.titles
    )


def is_local(person: Person) -> bool:
    """Whether a person speaks for the lower side: every title of theirs is local."""
    return bool(person.titles) and all(is_local_title(t.text) for t in person.titles)


def is_leader(person: Person) -> bool:
    """A leader who can give directives: a chair, or a non-local holder of a leading title
    (a minister beside another chair answers, as a department's head does)."""
    if person.is_chair:
        return True
    if not person.titles or is_local(person):
        return False
    # "Phó Bí thư Đảng ủy, Chủ tịch UBND xã": a title whose body names no unit is of the unit
    # its chain names
    chained = any(is_local_title(t.text) for t in person.titles)
    return any(
        _LEADING.match(fold(t.text))
        and not is_local_title(t.text)
        and not (chained and names_no_unit(t.text))
        and not _title_head_in(t.text, "ministry")
        for t in person.titles
    )


@lru_cache(maxsize=1)
def _head_patterns() -> dict[str, re.Pattern[str]]:
    lex = title_lexicon()
    return {
        "ministry": re.compile(rf"(?:{_alternation(lex.ministry)})(?!\w)"),
        "central": re.compile(rf"(?:{_alternation(lex.central + lex.ministry)})(?!\w)"),
    }


def _title_head_in(title: str, kind: str) -> bool:
    """Whether a title starts with a head of ``kind`` ("ministry", "central") of
    ``titles.tsv``."""
    return _head_patterns()[kind].match(fold(title)) is not None


def is_central_title(title: str) -> bool:
    """Whether a title is one of the centre's (kinds ``central`` and ``ministry``): a bare
    "Bộ trưởng", "Thủ tướng" names its holder although it has two words."""
    return _title_head_in(title, "central")


def is_central(person: Person) -> bool:
    """Whether a person holds a title of the centre ("Phó Thủ tướng Chính phủ", "Bộ trưởng Bộ
    Tài chính"; kinds ``central`` and ``ministry`` of ``titles.tsv``): in a session with a
    province, the upper side of the province's own leaders."""
    return any(_title_head_in(t.text, "central") for t in person.titles)


def names_no_unit(title: str) -> bool:
    """Whether a title ends with a body that names no unit ("Phó Bí thư Đảng ủy", "Chủ tịch
    UBND"; kind ``unitless`` of ``titles.tsv``)."""
    t = canonical_title(title)
    return any(t.endswith(" " + canonical_title(w)) for w in title_lexicon().unitless)
