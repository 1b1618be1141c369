"""Fixtures of the browser tests: a headless Debian Chromium and a page on the live server."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from .test_flow import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """A headless Debian Chromium; skipped where absent, except in CI where that is a failure."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found: run scripts/ensure-chromium.sh (apt-get install chromium)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()
