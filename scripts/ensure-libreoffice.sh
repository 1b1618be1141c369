#!/usr/bin/env bash
# Install Debian's LibreOffice Writer (no GUI) and the Liberation fonts for the PDF of notices
# and reports, when `soffice` is missing.
#
# LibreOffice converts the very DOCX the office downloads, so the PDF shows the same pages;
# fonts-liberation2 is metric-compatible with Times New Roman and has the Vietnamese letters.
# Needs root (or passwordless sudo) on Debian/Ubuntu; elsewhere it says what to do and leaves
# the decision to the test (which fails in CI, skips locally).
set -euo pipefail

if command -v soffice >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q "/liberation2/"; then
    echo "ensure-libreoffice: soffice present ($(soffice --version 2>/dev/null | head -1 || echo 'version unknown'))"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-libreoffice: soffice is missing and apt-get is not available;" \
         "install LibreOffice Writer to make PDFs (the PDF test is skipped)" >&2
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "ensure-libreoffice: soffice is missing and this user cannot install packages;" \
         "run: sudo apt-get update && sudo apt-get install -y --no-install-recommends" \
         "libreoffice-writer-nogui fonts-liberation2" >&2
    exit 0
fi

echo "ensure-libreoffice: installing Debian's libreoffice-writer-nogui and fonts-liberation2"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2
soffice --version
