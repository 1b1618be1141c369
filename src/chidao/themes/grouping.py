"""Grouping directives into themes without comparing all pairs.

Each directive, in a fixed order (the sessions' dates, then ids), joins the theme whose first
directive ("seed") is most similar to it — Jaccard over :func:`chidao.themes.words.features`
at least :data:`THRESHOLD`; ties go to the older theme — or else becomes the seed of a new
theme. The same order gives the same themes, whether computed at once or session by session.

The candidates come from an inverted index (feature → themes whose seed has it). A seed ``r``
with ``J(x, r) ≥ t`` shares at least ``t·|x|`` features with ``x``, so it shares one of any
``|x| − ⌈t·|x|⌉ + 1`` features of ``x``: only the postings of that many of ``x``'s rarest
features are read (prefix filtering). No similar theme is missed, and frequent words cost
nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from chidao.themes.words import jaccard

THRESHOLD = 0.5


def prefix_size(size: int, threshold: float = THRESHOLD) -> int:
    """How many of a set's features any set at least ``threshold`` similar must touch."""
    return size - math.ceil(threshold * size - 1e-9) + 1


@dataclass(frozen=True)
class Match:
    theme: int | None  # None: no theme similar enough
    similarity: float


def best_match(
    feats: frozenset[str],
    *,
    frequency: Callable[[Iterable[str]], Mapping[str, int]],
    postings: Callable[[Iterable[str]], Iterable[int]],
    seeds: Callable[[Iterable[int]], Mapping[int, frozenset[str]]],
    threshold: float = THRESHOLD,
) -> Match:
    """The theme whose seed is most similar to ``feats`` (ties: the lowest theme id).

    ``frequency`` says in how many themes' seeds each feature is, ``postings`` which themes'
    seeds have any of the given features, ``seeds`` the features of given themes' seeds: an
    in-memory index (:class:`Index`) or the database's (``chidao.themes.services``).
    """
    if not feats:
        return Match(None, 0.0)
    counts = frequency(feats)
    present = sorted((counts.get(f, 0), f) for f in feats)
    probe = [f for n, f in present[: prefix_size(len(feats), threshold)] if n]
    if not probe:
        return Match(None, 0.0)
    candidates = set(postings(probe))
    best: Match = Match(None, 0.0)
    for theme, seed in sorted(seeds(candidates).items()):
        sim = jaccard(feats, seed)
        if sim >= threshold and sim > best.similarity:
            best = Match(theme, sim)
    return best


class Index:
    """The inverted index in memory (a full rebuild)."""

    def __init__(self) -> None:
        self.postings: dict[str, list[int]] = {}
        self.seeds: dict[int, frozenset[str]] = {}

    def add(self, theme: int, feats: frozenset[str]) -> None:
        self.seeds[theme] = feats
        for f in feats:
            self.postings.setdefault(f, []).append(theme)

    def match(self, feats: frozenset[str], threshold: float = THRESHOLD) -> Match:
        return best_match(
            feats,
            frequency=lambda fs: {f: len(self.postings.get(f, ())) for f in fs},
            postings=lambda fs: (t for f in fs for t in self.postings.get(f, ())),
            seeds=lambda ts: {t: self.seeds[t] for t in ts},
            threshold=threshold,
        )


def group(items: Iterable[tuple[int, frozenset[str]]]) -> dict[int, tuple[int, float]]:
    """Group ``(directive id, features)`` given in order: directive → (its seed directive,
    similarity; 1.0 for a seed). Directives without features are left out."""
    index = Index()
    found: dict[int, tuple[int, float]] = {}
    for directive, feats in items:
        if not feats:
            continue
        m = index.match(feats)
        if m.theme is None:
            index.add(directive, feats)
            found[directive] = (directive, 1.0)
        else:
            found[directive] = (m.theme, m.similarity)
    return found
