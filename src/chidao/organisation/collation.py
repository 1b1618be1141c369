"""Vietnamese collation: the order of the Vietnamese alphabet, tones second.

"a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y": "Đông Sơn" comes after every
"D…" name, "Ân" after "Ăn" after "An"; the tones (none, huyền, sắc, hỏi, ngã, nặng) only
break ties. Used to sort unit pickers and lists of names in Python (databases disagree).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# tone marks; the breve, circumflex and horn make letters of their own (``_WITH``)
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_WITH = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}


def _letters(text: str) -> list[tuple[str, int]]:
    """(letter of the Vietnamese alphabet or other character, tone 0–5) per character."""
    out: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", text.casefold()):
        if unicodedata.combining(ch):
            if not out:
                continue
            base, tone = out[-1]
            if (base, ch) in _WITH:
                out[-1] = (_WITH[(base, ch)], tone)
            elif ch in _TONES:
                out[-1] = (base, _TONES[ch])
            continue
        out.append(("đ" if ch == "đ" else ch, 0))
    return out


def vi_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A sort key ordering ``text`` as a Vietnamese dictionary does."""
    letters = _letters(text or "")
    primary = tuple(
        _RANK[ch] + 1000 if ch in _RANK else ord(ch) if ch.isascii() else ord(ch) + 2000
        for ch, _tone in letters
    )
    # letters of the alphabet sort after spaces, digits and punctuation (ASCII < 1000)
    return primary, tuple(tone for _ch, tone in letters)


def vi_sorted(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """``items`` sorted by the Vietnamese collation of ``key(item)``."""
    return sorted(items, key=lambda item: vi_key(key(item)))
