"""The request being served, for events recorded from signals (who changed a role, from
where).  Set by :class:`chidao.audit.middleware.CurrentRequestMiddleware`."""

from __future__ import annotations

import contextvars
from typing import Any

_request: contextvars.ContextVar[Any] = contextvars.ContextVar("audit_request", default=None)


def current_request() -> Any:
    return _request.get()


def set_current_request(request: Any) -> contextvars.Token[Any]:
    return _request.set(request)


def reset_current_request(token: contextvars.Token[Any]) -> None:
    _request.reset(token)
