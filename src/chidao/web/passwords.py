"""A password validator beside Django's: no password made of the site's own words.

Django's validators refuse short, common, all-digit and user-like passwords; an office still
picks "chidao2026" or "Thanhhoa2026": the application's name, the province or a role with a
year.  :class:`LocalWordsValidator` refuses a password whose letters (accents, case, digits
and punctuation set aside) are only such a word.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from chidao.organisation.users import User

WORDS = {
    "chidao", "matkhau", "password", "passwd", "admin", "quantri", "vanphong", "canbo",
    "lanhdao", "ubnd", "tinhuy", "hdnd", "vietnam", "abc", "qwerty",
}  # fmt: skip


def letters_of(text: str) -> str:
    """Lower-case ASCII letters of ``text`` (Vietnamese accents and đ folded)."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return re.sub(r"[^a-z]", "", text)


class LocalWordsValidator:
    """Refuse a password whose letters are the site's name, its province, a role or a
    common word, with digits or signs added."""

    def validate(self, password: str, user: User | None = None) -> None:
        words = WORDS | {letters_of(getattr(settings, "CHIDAO_PROVINCE", ""))}
        letters = letters_of(password)
        if len(letters) < 3 or letters in words:
            raise ValidationError(
                _("Mật khẩu chỉ gồm tên ứng dụng, tên tỉnh hoặc một từ quen thuộc kèm chữ số."),
                code="password_local_word",
            )

    def get_help_text(self) -> str:
        return _(
            "Mật khẩu không được chỉ là tên ứng dụng, tên tỉnh hay một từ quen thuộc kèm chữ số."
        )
