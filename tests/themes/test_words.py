"""A directive's features: folded words, names and the genre's stop words out, word pairs."""

from __future__ import annotations

from chidao.themes.grouping import prefix_size
from chidao.themes.words import features, jaccard, phrases

NAMES = phrases(["Quảng Lưu", "Xã Quảng Lưu", "Hà Lĩnh", "Xã Hà Lĩnh"])


def test_the_same_ask_of_two_communes_has_the_same_features():
    a = features(
        "Đề nghị UBND xã Quảng Lưu khẩn trương hoàn thành giải phóng mặt bằng tuyến đê sông Lèn trước ngày 30/6/2027.",
        NAMES,
    )
    b = features(
        "UBND xã Hà Lĩnh tập trung hoàn thành giải phóng mặt bằng tuyến đê sông Lèn trong tháng 8.",
        NAMES,
    )
    assert (
        a
        == b
        == frozenset(
            {"giai_phong", "phong_mat", "mat_bang", "bang_tuyen", "tuyen_de", "de_song", "song_len"}
        )
    )


def test_diacritics_and_both_tone_placements_fold_alike():
    assert features("Nạo vét kênh tiêu Hoà Bình") == features("nao vet kenh tieu Hòa Bình")


def test_a_directive_that_only_urges_has_no_features():
    assert (
        features("Đề nghị các đơn vị liên quan tập trung thực hiện quyết liệt, hiệu quả.")
        == frozenset()
    )


def test_jaccard_of_word_sets():
    assert jaccard(frozenset("abc"), frozenset("bcd")) == 0.5
    assert jaccard(frozenset(), frozenset("a")) == 0.0


def test_the_prefix_any_similar_set_must_touch():
    # J ≥ 0.5 with a set of 12 features: at least 6 shared, so any 7 of the 12 meet one
    assert prefix_size(12) == 7
    assert prefix_size(2) == 2
    assert prefix_size(1) == 1
