"""Grouping on written examples: the same ask of different units, the same ask at different
sessions, different asks that share words; and the cost of the grouping (no all pairs)."""

from __future__ import annotations

import itertools
import random

from chidao.themes import grouping
from chidao.themes.grouping import Index, group
from chidao.themes.words import features, phrases

NAMES = phrases(["Quảng Lưu", "Hà Lĩnh", "Hoằng Đạt", "Định Tân", "Nga Phượng"])

TEXTS = {
    # the same ask of two communes, one session
    1: "Đề nghị UBND xã Quảng Lưu hoàn thành giải phóng mặt bằng tuyến đê sông Lèn trước ngày 30/6/2027.",
    2: "Đề nghị UBND xã Hà Lĩnh hoàn thành giải phóng mặt bằng tuyến đê sông Lèn trước ngày 30/6/2027.",
    # the same ask at a later session, put another way
    3: "Yêu cầu xã Hoằng Đạt khẩn trương giải phóng mặt bằng, bàn giao tuyến đê sông Lèn.",
    # different asks that share words ("giải phóng mặt bằng", "hoàn thành", "xã")
    4: "Xã Định Tân hoàn thành giải phóng mặt bằng khu tái định cư Đồng Mé trước quý III.",
    5: "UBND xã Nga Phượng hoàn thành xây dựng nông thôn mới nâng cao trong năm 2027.",
    6: "Xã Quảng Lưu rà soát, hoàn thành xây dựng nông thôn mới nâng cao, báo cáo UBND tỉnh.",
    7: "Tập trung thực hiện quyết liệt, hiệu quả.",  # no features: in no theme
}


def themes_of(found: dict[int, tuple[int, float]]) -> list[list[int]]:
    by_seed: dict[int, list[int]] = {}
    for directive, (seed, _) in sorted(found.items()):
        by_seed.setdefault(seed, []).append(directive)
    return sorted(by_seed.values())


def test_it_groups_the_same_ask_and_keeps_different_asks_apart():
    found = group((pk, features(text, NAMES)) for pk, text in sorted(TEXTS.items()))
    assert themes_of(found) == [[1, 2, 3], [4], [5, 6]]
    assert 7 not in found


def test_the_grouping_is_the_same_whatever_the_batch():
    items = [(pk, features(text, NAMES)) for pk, text in sorted(TEXTS.items())]
    once = group(items)
    index, step = Index(), {}
    for pk, f in items:  # one directive at a time, as sessions are confirmed
        if not f:
            continue
        m = index.match(f)
        if m.theme is None:
            index.add(pk, f)
            step[pk] = (pk, 1.0)
        else:
            step[pk] = (m.theme, m.similarity)
    assert step == once


def test_it_reads_only_the_postings_of_the_rarest_words(monkeypatch):
    """5,000 directives over 400 asks: the similarity is computed against a handful of themes
    per directive, never against all of them."""
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(3000)]
    asks = [rng.sample(vocab, 10) for _ in range(400)]
    items = []
    for pk in range(5000):
        words = list(asks[rng.randrange(400)])
        words[rng.randrange(10)] = rng.choice(vocab)  # one word changed
        items.append((pk, frozenset(f"{a}_{b}" for a, b in itertools.pairwise(words))))
    calls = []
    real = grouping.jaccard
    monkeypatch.setattr(grouping, "jaccard", lambda a, b: calls.append(1) or real(a, b))
    found = group(items)
    assert len(calls) < 5 * len(items)
    assert len({seed for seed, _ in found.values()}) < 1200  # asks found again, not 5,000 themes
