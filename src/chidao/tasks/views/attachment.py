"""tasks:attachment: download of evidence, only through the gatekeeper."""

from __future__ import annotations

from django.http import FileResponse, Http404

from chidao.tasks import access
from chidao.tasks.views.common import signed_in
from chidao.ui.http import AppRequest


@signed_in
def attachment(request: AppRequest, pk: int) -> FileResponse:
    """The file as an attachment (never rendered inline), for users who may see its task."""
    obj = access.get_attachment_for_user(request.user, pk)
    try:
        handle = obj.file.open("rb")
    except FileNotFoundError as e:
        raise Http404("Tệp không còn trên máy chủ.") from e
    response = FileResponse(handle, as_attachment=True, filename=obj.name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
