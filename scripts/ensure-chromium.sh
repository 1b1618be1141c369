#!/usr/bin/env bash
# Install Debian's chromium for the browser test when it is missing.
#
# The browser test drives /usr/bin/chromium through Playwright's Python package; it never
# runs `playwright install`.  Needs root (or passwordless sudo) on Debian/Ubuntu; elsewhere
# it says what to do and leaves the decision to the test (which fails in CI, skips locally).
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    echo "ensure-chromium: $CHROMIUM present ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available;" \
         "install Chromium so that $CHROMIUM exists to run the browser test" >&2
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "ensure-chromium: $CHROMIUM is missing and this user cannot install packages;" \
         "run: sudo apt-get update && sudo apt-get install -y chromium" >&2
    exit 0
fi

echo "ensure-chromium: installing Debian's chromium package"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
"$CHROMIUM" --version
