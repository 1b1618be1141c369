"""The extraction pipeline: raw text in, session record out.

The stages, in order (each a small module of this package, each a function
``stage(doc: Document) -> None`` that adds spans to the document):

1. ``clean.clean``             boilerplate removal; sets the cleaned text and the headline
2. ``segment.segment``         paragraphs and sentences with offsets
3. ``dates.find_date``         the session date (year from the body or ``published``)
4. ``people.find_people``      people, their titles, the chairs and every mention of them
                               (``titles``, ``names``, ``references``, ``chairs``)
5. ``places.find_places``      the province and the localities the session is about
6. ``agencies.find_agencies``  provincial bodies taking part
7. ``indicators.find_indicators``  reported figures
8. ``opinions.find_opinions``  difficulties, and petitions with their proposer
9. ``directives.find_directives``  instructions, issuer, assignees, deadline
                               (``cues``, ``speakers``, ``assignees``, ``clauses``)
10. ``visits.find_visits``     places inspected in the field
11. ``resolve.resolve``        the one decision step where the stages' proposals overlap

Reading files (``read.py``) happens before: the pipeline takes text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import (
    agencies,
    clean,
    dates,
    directives,
    indicators,
    opinions,
    people,
    places,
    resolve,
    segment,
    visits,
)
from .record import SessionRecord, build_record
from .spans import Document, Options

Stage = Callable[[Document], None]

STAGES: list[Stage] = [
    segment.segment,
    dates.find_date,
    people.find_people,
    places.find_places,
    agencies.find_agencies,
    indicators.find_indicators,
    opinions.find_opinions,
    directives.find_directives,
    visits.find_visits,
    resolve.resolve,
]


def process(raw: str, options: Options | None = None) -> Document:
    """Run every stage on ``raw`` text; the returned document holds all spans."""
    options = options or Options()
    doc = clean.clean(raw, options)
    for stage in STAGES:
        stage(doc)
    return doc


def extract(raw: str, options: Options | None = None) -> SessionRecord:
    """The typed session record of a report given as text."""
    options = options or Options()
    doc = process(raw, options)
    return build_record(doc, raw=raw, source=options.source)


def extract_text(raw: str, options: Options | None = None) -> dict[str, Any]:
    """The session record of a report given as text, in its JSON form
    (``extract(raw, options).to_json()``)."""
    return extract(raw, options).to_json()
