"""Shared UI building blocks of the apps (form fields, typed requests): a plain library that
the apps import, kept out of the project package ``chidao.web`` (settings, URLs, middleware,
base templates), which imports the apps and must never be imported by them."""
