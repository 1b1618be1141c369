"""Private ICS feeds of task deadlines (RFC 5545), which a phone calendar subscribes to.

The URL carries a random key; only its SHA-256 is stored. A feed lists the open tasks with a
deadline that its owner may see *now* (a user's feed: their tasks — an officer's unit, a
leader's own directives, the office's province; a unit's feed: that unit, if the owner may
still see it), from 60 days back, at most ``MAX_EVENTS``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.utils import timezone

from chidao.documents.models import CalendarFeed
from chidao.organisation.access import is_leader, person_of
from chidao.organisation.users import User
from chidao.tasks.access import tasks_visible_to, units_visible_to
from chidao.tasks.models import CLOSED_STATES, Task

MAX_EVENTS = 2000
BACK_DAYS = 60


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_feed(*, owner: User, unit: Any = None) -> tuple[CalendarFeed, str]:
    """A new feed; returns (row, secret key for the URL, shown once).

    Side effects: one ``CalendarFeed`` row. ``unit`` must be one the owner may see
    (LookupError otherwise).
    """
    if unit is not None and not units_visible_to(owner).filter(pk=unit.pk).exists():
        raise LookupError("no such unit")
    key = secrets.token_urlsafe(32)
    with transaction.atomic():
        feed = CalendarFeed.objects.create(owner=owner, unit=unit, key_hash=_hash(key))
    return feed, key


def revoke_feed(*, owner: User, pk: Any) -> CalendarFeed:
    """Revoke the owner's feed ``pk`` (LookupError for another's or a missing one).

    Side effects: sets ``revoked_at``; the URL answers 404 from then on.
    """
    with transaction.atomic():
        feed = CalendarFeed.objects.select_for_update().filter(owner=owner, pk=pk).first()
        if feed is None:
            raise LookupError("no such feed")
        if feed.revoked_at is None:
            feed.revoked_at = timezone.now()
            feed.save(update_fields=["revoked_at"])
    return feed


def feed_for_key(key: str) -> CalendarFeed | None:
    if not key or len(key) > 100:
        return None
    return (
        CalendarFeed.objects.select_related("owner", "unit")
        .filter(key_hash=_hash(key), revoked_at=None, owner__is_active=True)
        .first()
    )


def feed_tasks(feed: CalendarFeed, today: dt.date | None = None) -> list[Task]:
    today = today or timezone.localdate()
    tasks = tasks_visible_to(feed.owner)
    if feed.unit_id is not None:
        if not units_visible_to(feed.owner).filter(pk=feed.unit_id).exists():
            return []
        tasks = tasks.filter(unit_id=feed.unit_id)
    elif is_leader(feed.owner) and person_of(feed.owner) is not None:
        tasks = tasks.filter(directive__issuer=person_of(feed.owner))
    tasks = tasks.filter(deadline__gte=today - dt.timedelta(days=BACK_DAYS)).exclude(
        state__in=CLOSED_STATES
    )
    return list(
        tasks.select_related("unit", "directive", "directive__session").order_by("deadline", "pk")[
            :MAX_EVENTS
        ]
    )


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> Iterator[str]:
    """Lines of at most 75 octets, continuation lines starting with a space (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    first = True
    while data:
        limit = 75 if first else 74
        cut = min(limit, len(data))
        while cut < len(data) and (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        chunk = data[:cut].decode("utf-8")
        yield chunk if first else " " + chunk
        data = data[cut:]
        first = False


def ics(feed: CalendarFeed, base_url: str, today: dt.date | None = None) -> str:
    """The feed as an iCalendar text: one all-day event per task, on its deadline."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    name = f"Chỉ đạo · {feed.unit.name}" if feed.unit else "Chỉ đạo · hạn nhiệm vụ"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Chi dao//Han nhiem vu//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for task in feed_tasks(feed, today):
        day = task.deadline
        if day is None:  # not listed: feed_tasks keeps tasks with a deadline
            continue
        text = task.directive.text.strip()
        lines += [
            "BEGIN:VEVENT",
            f"UID:task-{task.pk}@chidao",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(f'Hạn: {task.unit.name} – {text[:80]}')}",
            f"DESCRIPTION:{_escape(text + ' (' + task.get_state_display() + ', ' + str(task.progress) + '%)')}",
            f"URL:{base_url.rstrip('/')}/tasks/{task.pk}/",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(folded + "\r\n" for line in lines for folded in _fold(line))
