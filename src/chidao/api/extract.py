"""POST /api/extract: a report's text in, its session record out (``chidao.extract``)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError

from chidao.extract import ExtractError, Options, SessionRecord
from chidao.extract import extract as run_extractor

from .guards import OFFICE, require_role
from .schemas import Error, ExtractIn

router = Router(tags=["extract"])

MAX_CHARS = 2_000_000


@router.post(
    "/extract",
    response={200: SessionRecord, 403: Error, 413: Error, 422: Error},
    summary="Extract a record",
)
def extract(request: HttpRequest, payload: ExtractIn) -> SessionRecord:
    """Run the extractor on the text; nothing is stored (use the pages to ingest and confirm).

    The answer is the session record (``chidao extract``'s JSON, version 2)."""
    require_role(request, OFFICE)
    if len(payload.text) > MAX_CHARS:
        raise HttpError(413, f"text: {len(payload.text):,} characters; the limit is {MAX_CHARS:,}")
    options = Options(published=payload.published, province=payload.province, source=payload.source)
    try:
        return run_extractor(payload.text, options)
    except ExtractError as e:
        raise HttpError(422, str(e)) from e
