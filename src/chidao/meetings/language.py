"""What the app says about a text it reads: Vietnamese messages for the extractor's errors
(the extractor speaks English to its command line), and whether a text is Vietnamese at all."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from django.utils.translation import gettext as _

# letters only Vietnamese uses among the Latin scripts: đ, ă, â, ê, ô, ơ, ư and the tones
_VI_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b")


def vietnamese_share(text: str, sample: int = 20000) -> float:
    """The share of words (of 2+ letters) that carry a Vietnamese letter or tone mark.

    A Vietnamese report is above 0.4 (most syllables carry a mark); English or a file of
    numbers is near 0.
    """
    words = re.findall(r"[^\W\d_]{2,}", (text or "")[:sample])
    if not words:
        return 0.0
    marked = 0
    for word in words:
        decomposed = unicodedata.normalize("NFD", word.casefold())
        if "đ" in word.casefold() or any(ch in _VI_MARKS for ch in decomposed):
            marked += 1
    return marked / len(words)


def looks_vietnamese(text: str) -> bool:
    """Whether ``text`` reads as Vietnamese (a quarter of its words marked, at least 20 words)."""
    words = re.findall(r"[^\W\d_]{2,}", (text or "")[:20000])
    return len(words) >= 20 and vietnamese_share(text) >= 0.25


_MESSAGES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"unsupported file type '([^']*)'"),
        lambda m: (
            _("loại tệp “%(suffix)s” không được hỗ trợ (chỉ nhận .txt, .html, .docx, .pdf)")
            % {"suffix": m[1]}
        ),
    ),
    (re.compile(r"the text is empty"), lambda m: _("văn bản trống")),
    (
        re.compile(r"file too large \(([\d,]+) bytes; the limit is ([\d,]+) bytes\)"),
        lambda m: (
            _("tệp quá lớn (%(size)s byte; tối đa %(limit)s byte)")
            % {"size": m[1].replace(",", "."), "limit": m[2].replace(",", ".")}
        ),
    ),
    (
        re.compile(r"text too long \(([\d,]+) characters; the limit is ([\d,]+)\)"),
        lambda m: (
            _("văn bản quá dài (%(size)s ký tự; tối đa %(limit)s)")
            % {"size": m[1].replace(",", "."), "limit": m[2].replace(",", ".")}
        ),
    ),
    (
        re.compile(r"already ingested for another province"),
        lambda m: _("văn bản này đã được nhập cho một tỉnh khác"),
    ),
    (
        re.compile(r"no text layer"),
        lambda m: _("tệp PDF không có lớp chữ (bản quét cần nhận dạng chữ OCR trước)"),
    ),
    (re.compile(r"encrypted PDF"), lambda m: _("tệp PDF có mật khẩu")),
    (re.compile(r"suspected ZIP bomb"), lambda m: _("tệp bị từ chối (nghi là tệp nén độc hại)")),
    (
        re.compile(r"binary data|NUL character|not UTF-8|not valid UTF-16"),
        lambda m: _("không phải tệp văn bản thuần (hoặc không mã hóa UTF-8)"),
    ),
    (
        re.compile(r"not a (?:valid |readable )?\.?(docx|pdf|xlsx)|corrupt ZIP"),
        lambda m: _("tệp hỏng hoặc không đúng định dạng"),
    ),
    (re.compile(r"is a directory"), lambda m: _("là một thư mục")),
]


def vietnamese_error(message: str) -> str:
    """The extractor's error ``message`` said in Vietnamese (unknown ones are kept as a detail)."""
    for pattern, say in _MESSAGES:
        m = pattern.search(message or "")
        if m:
            return say(m)
    return _("lỗi khi đọc (chi tiết kỹ thuật: %(detail)s)") % {"detail": message}
