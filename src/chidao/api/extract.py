"""POST /api/extract: a report's text in, its session record out (``chidao.extract``)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError

from chidao.extract import ExtractError, Options, SessionRecord
from chidao.extract import extract as run_extractor
from chidao.extract import read as readers

from .guards import OFFICE, require_role
from .schemas import Error, ExtractIn

router = Router(tags=["extract"])


@router.post(
    "/extract",
    response={200: SessionRecord, 403: Error, 413: Error, 422: Error},
    summary="Extract a record",
)
def extract(request: HttpRequest, payload: ExtractIn) -> SessionRecord:
    """Run the extractor on the text; nothing is stored (use the pages to ingest and confirm).

    The answer is the session record (``chidao extract``'s JSON, version 2)."""
    require_role(request, OFFICE)
    limit = readers.MAX_CHARS  # the limit of uploads and pasted reports, checked before any work
    if len(payload.text) > limit:
        raise HttpError(413, f"text: {len(payload.text):,} characters; the limit is {limit:,}")
    options = Options(published=payload.published, province=payload.province, source=payload.source)
    try:
        return run_extractor(payload.text, options)
    except ExtractError as e:
        raise HttpError(422, str(e)) from e
