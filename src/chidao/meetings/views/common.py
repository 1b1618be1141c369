"""What the meetings views share: who may reach them."""

from __future__ import annotations

from chidao.organisation.access import role_required
from chidao.organisation.models import Role

office_only = role_required(Role.OFFICE)
"""Ingest, review and confirm: office staff only (others get 403, anonymous users log in)."""

province_readers = role_required(Role.OFFICE, Role.LEADER, Role.ADMIN)
"""The session pages: office, leaders and administrators of the province."""
