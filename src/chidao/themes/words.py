"""A directive's features: what it asks, as a set of pairs of neighbouring words.

The text is lowercased with one tone placement ("Thiệu Hoá" and "Thiệu Hóa" are the same);
numbers and dates go, and so do the stop phrases (``data/stopwords.txt``: how a directive is
put, "đề nghị", "khẩn trương", "trước ngày") and the names given in ``names`` (the province's
units and places, so that the same ask of two communes is the same ask) — matched with their
diacritics, so that "để" (in order to) never takes "đê" (a dyke) away. What is left loses its
diacritics and is read as pairs of neighbouring words ("giai_phong", "phong_mat", "mat_bang"),
which keeps "giải phóng mặt bằng" apart from "mặt bằng giá".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from chidao.extract.spans import fold, strip_marks

DATA = Path(__file__).parent / "data" / "stopwords.txt"
_WORD = re.compile(r"\w+")
MAX_PHRASE = 6


def words_of(text: str) -> list[str]:
    """The words of ``text`` in lower case with one tone placement, numbers and words with
    digits left out."""
    return [
        w for w in _WORD.findall(fold(text or "")) if not any(c.isdigit() for c in w) and w != "_"
    ]


Phrases = frozenset[tuple[str, ...]]


def phrases(lines: Iterable[str]) -> Phrases:
    """Phrases as tuples of plain words (blank lines and ``#`` comments skipped)."""
    found = set()
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            words = tuple(words_of(line))
            if words and len(words) <= MAX_PHRASE:
                found.add(words)
    return frozenset(found)


@lru_cache(maxsize=1)
def stop_phrases() -> Phrases:
    """The genre's stop phrases (``data/stopwords.txt``)."""
    return phrases(DATA.read_text(encoding="utf-8").splitlines())


def _without(words: list[str], drop: Phrases) -> list[str]:
    """``words`` with every phrase of ``drop`` taken out, the longest first at each place."""
    kept: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            if tuple(words[i : i + n]) in drop:
                i += n
                break
        else:
            kept.append(words[i])
            i += 1
    return kept


def features(text: str, names: Phrases = frozenset()) -> frozenset[str]:
    """The features of a directive's ``text``: pairs of neighbouring words once the stop
    phrases and ``names`` are out (a single word when only one is left; none when nothing is)."""
    words = [strip_marks(w) for w in _without(words_of(text), stop_phrases() | names)]
    if len(words) == 1:
        return frozenset(words)
    return frozenset(f"{a}_{b}" for a, b in itertools.pairwise(words))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)
