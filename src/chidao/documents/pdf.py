"""PDF that matches the DOCX: LibreOffice (Debian's ``libreoffice-writer-nogui``) converts the
very file the office downloads, so both show the same pages.

Why LibreOffice: it reads the DOCX itself (same tables, fields, fonts and page breaks), it is a
Debian package maintained for a decade, and Times New Roman falls back to the metric-compatible
Liberation Serif, so line and page breaks match Word's. ``scripts/ensure-libreoffice.sh``
installs it. Each conversion uses its own throw-away profile, so conversions can run at once.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 120


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed (or not found): the PDF cannot be made on this machine."""


def soffice_path() -> str | None:
    """The LibreOffice executable (``CHIDAO_SOFFICE``, default ``soffice`` on PATH), or None."""
    from django.conf import settings

    name = getattr(settings, "CHIDAO_SOFFICE", "soffice") or "soffice"
    return shutil.which(name)


def docx_to_pdf(docx: bytes) -> bytes:
    """Convert DOCX bytes to PDF bytes with LibreOffice headless.

    Raises PdfUnavailable when LibreOffice is missing, RuntimeError when the conversion fails.
    """
    soffice = soffice_path()
    if soffice is None:
        raise PdfUnavailable(
            "LibreOffice (soffice) is not installed; run scripts/ensure-libreoffice.sh "
            "or set CHIDAO_SOFFICE"
        )
    with tempfile.TemporaryDirectory(prefix="chidao-pdf-") as tmp:
        work = Path(tmp)
        source = work / "document.docx"
        source.write_bytes(docx)
        profile = (work / "profile").as_uri()
        result = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                str(work),
                str(source),
            ],
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
        target = work / "document.pdf"
        if result.returncode != 0 or not target.exists():
            raise RuntimeError(
                "LibreOffice could not convert the document: "
                + (result.stderr or result.stdout).decode("utf-8", "replace")[-500:]
            )
        return target.read_bytes()
