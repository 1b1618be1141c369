"""Template filters of the meetings pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def vn_number(value: Any, places: int = 2) -> str:
    """A number the Vietnamese way: "." groups thousands, "," marks decimals (11.710; 12,36).

    Trailing zeros of the decimals are dropped; anything that is not a number is shown as is.
    """
    if value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    text = f"{number:,.{int(places)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
