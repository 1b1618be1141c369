"""Chỉ đạo: read Vietnamese working-session reports, follow their directives to the end."""

__version__ = "0.1.0"
