"""Names of people: 2-4 capitalised syllables starting with a family name of
``data/family_names.tsv`` (names of the Central Highlands peoples: two syllables, one
glued syllable, or up to five), found once per document with the title heads beside them."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from . import lexicon
from .scan import hits
from .segment import LOWER, UPPER
from .spans import Document, Span
from .titles import title_heads, title_lexicon, title_patterns
from .units import lookup_unit

_NEWLINE = re.compile("\n")

TITLES = "titles.tsv"
FAMILIES = "family_names.tsv"
FAMILY_KINDS = ("family", "short")


@lru_cache(maxsize=1)
def family_names() -> frozenset[str]:
    """The family names of ``data/family_names.tsv``, as written (capitalised)."""
    return frozenset(lexicon.texts(lexicon.load(FAMILIES, FAMILY_KINDS), folded=False))


@lru_cache(maxsize=1)
def short_families() -> frozenset[str]:
    """The families of kind ``short`` in ``data/family_names.tsv``: names of the Central
    Highlands peoples, often written with two syllables ("Siu Đoan") or glued ("K'Điệp")."""
    rows = lexicon.load(FAMILIES, FAMILY_KINDS)
    return frozenset(lexicon.texts(rows, "short", folded=False))


def family_of(token: str, families: frozenset[str]) -> str | None:
    """The family a name syllable is or starts with ("Ksor"; "K'" for "K'Điệp"), else None."""
    if token in families:
        return token
    if len(token) > 2 and token[1] in "'’":
        prefix = token[0] + "'"
        return prefix if prefix in families else None
    return None


# a syllable of a name may be glued to its family by an apostrophe: "K'Điệp", "H'Yim"
_NAME_CAP = rf"[{UPPER}](?:['’][{UPPER}])?[{LOWER}]*"
# a run of them, found fast: the word start is checked after the first capital; a run of
# one syllable matters only when glued ("K'Điệp"), so a run is glued or has two syllables
# or more (a lone capitalised word, most of them, is no match: no match object to skip)
_RUN = re.compile(
    rf"[{UPPER}](?<![\w'’].)"
    rf"(?:['’][{UPPER}][{LOWER}]*(?: {_NAME_CAP})*|[{LOWER}]*(?: {_NAME_CAP})+)(?![\w'’])"
)


# the levels whose units may stand between a title and a glued Highlands name
_UNIT_LEVELS = ("huyện", "xã", "thị xã", "thành phố", "phường", "thị trấn")

_HONORIFIC_WORDS = frozenset({"Ông", "Bà", "Anh", "Chị", "Cô", "Thầy", "Bác", "Cụ", "Em", "Cháu"})


class NameScanner:
    """The names and the title heads of one document, found once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.folded = doc.folded
        self.lex = title_lexicon()
        self.head_re, self.rank_re, _ = title_patterns()
        self.families = family_names()
        self.short = short_families()
        self.heads_at: dict[int, int] = {}  # head start -> head end
        self._title_ends: dict[tuple[int, int], int] = {}  # (head start, limit) -> title end
        self._unit_named: dict[str, bool] = {}  # "phường lê hồng phong" -> written as a unit
        # (level word, the word after it) -> offsets of the level word, built when asked
        self._after_level: dict[tuple[str, str], list[int]] | None = None
        # the offsets of the line breaks, to find a line's bounds without a scan
        self.breaks = [m.start() for m in _NEWLINE.finditer(self.text)]
        for h in hits(doc, "title-heads", title_heads()):
            self.heads_at[h.start] = h.end
        self.head_starts = sorted(self.heads_at)
        self.names: dict[int, Span] = {}  # name start -> name span
        for m in _RUN.finditer(self.text):
            for s in self._names_in_run(m):
                self.names[s.start] = s
        self.name_starts = sorted(self.names)
        self.name_ends = {s.end for s in self.names.values()}
        # names of 3-4 syllables (two-syllable runs are mostly places: "Hà Tĩnh")
        self.full_starts = [k for k in self.name_starts if len(self.names[k].text.split()) > 2]

    def _between(self, starts: list[int], lo: int, hi: int) -> list[int]:
        """The offsets of ``starts`` (sorted) inside ``[lo, hi)``."""
        return starts[bisect_left(starts, lo) : bisect_left(starts, hi)]

    def _names_in_run(self, m: re.Match[str]) -> list[Span]:
        run = m.group()
        syllables = run.split(" ")  # the run's syllables are separated by single spaces
        families = self.families
        if "'" not in run and "’" not in run and families.isdisjoint(syllables):
            return []  # no family name in the run: "Sở Tài chính", "Quốc hội"
        words = []
        a = m.start()
        for w in syllables:
            words.append((a, a + len(w), w))
            a += len(w) + 1
        # an honorific is not part of the name ("Ông Lý Văn Páo", "Bà Hà Thị Mơ")
        while words and words[0][2] in _HONORIFIC_WORDS:
            words = words[1:]
        # a title head inside the run ends the name before it ("Lê Văn An Phó Bí thư ...")
        heads_at = self.heads_at
        for i in range(1, len(words)):
            if words[i][0] in heads_at:
                words = words[:i]
                break
        n = len(words)
        found = [w if w in families else family_of(w, families) for _, _, w in words]
        fam = [f is not None for f in found]
        if n == 1 and found[0] in self.short:
            k = 0  # "K'Điệp": accepted later next to a title or an honorific
        elif n < 2:
            return []
        elif n == 4 and fam[0]:
            k = 0
        elif n >= 3 and fam[n - 3]:
            k = n - 3
        elif n >= 4 and fam[n - 4]:
            k = n - 4
        elif n == 2 and fam[0]:
            k = 0  # two syllables: accepted later only next to an honorific or a title
        elif n >= 3 and found[n - 2] in self.short:
            k = n - 2  # "Bí thư Huyện ủy Chư Sê Siu Đoan": the last two
        elif found[n - 1] in self.short and (found[n - 1] or "").endswith("'"):
            k = n - 1  # "Chủ tịch UBND xã Lát K'Điệp": the last, glued
        else:
            return []
        if n >= 3 and k < n - 1 and (found[n - 1] or "").endswith("'"):
            # "Bí thư Huyện ủy Lạc Dương K'Mák": a unit of the reference data whose first word
            # is a family ("Lạc", "Lâm") before a glued name is the title's, not the name's
            unit = " ".join(w for _, _, w in words[k : n - 1])
            if any(lookup_unit(level, unit) for level in _UNIT_LEVELS):
                k = n - 1
        # "Y Thanh Hà Niê Kđăm": a Highlands name of up to five syllables, its family last,
        # opened by "Y" / "H'" / "Ksor" ... that the rules above would cut after
        for i in range(max(0, n - 5), k):
            if found[i] in self.short and not (found[i] or "").endswith("'") and n - i >= 3:
                k = i
                break
        a, b = words[k][0], words[-1][1]
        return [Span(a, b, "person", self.text[a:b], "name")]

    def line_bounds(self, pos: int) -> tuple[int, int]:
        """The start and end of the line that holds ``pos``."""
        i = bisect_left(self.breaks, pos)
        a = self.breaks[i - 1] + 1 if i else 0
        b = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return a, b
