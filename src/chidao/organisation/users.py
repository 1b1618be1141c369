"""The project's user types.

The project uses Django's own ``User`` (no custom user model): a signed-in user, the one who
acts in every write (``actor``, ``owner``). ``RequestUser`` is the user of a request, signed in
or not: what the access predicates and query functions read (an anonymous user sees nothing).
"""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser, User

RequestUser: TypeAlias = User | AnonymousUser

__all__ = ["RequestUser", "User"]
