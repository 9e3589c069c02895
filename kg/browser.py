"""Open a view page in headless Chromium with the network cut off: for screenshots, tests, benchmarks.

Drives Debian's `chromium` (or the browser named by SSB_KG_CHROMIUM) through Playwright; neither
is a dependency of the package (Playwright is in the `test` extra, Chromium comes from the system).
Every request that is not for the page's own file is aborted and recorded, so a page that
tried to fetch anything from the web shows it in `OfflinePage.blocked`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KGError

CHROMIUM_SETTING = "SSB_KG_CHROMIUM"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
READY_TIMEOUT_MS = 600_000


def find_chromium() -> str | None:
    """The Chromium to drive: SSB_KG_CHROMIUM, else chromium (or chromium-browser) on PATH."""
    chosen = os.environ.get(CHROMIUM_SETTING)
    if chosen:
        return chosen if Path(chosen).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing() -> str | None:
    """Why a browser cannot be driven here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    if find_chromium() is None:
        return f"no Chromium found (apt-get install chromium, or set {CHROMIUM_SETTING})"
    return None


@dataclass
class OfflinePage:
    """A loaded page and what it tried to do."""

    page: Any
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    blocked: list[str] = field(default_factory=list)  # the ones that were not its own file
    errors: list[str] = field(default_factory=list)  # uncaught script errors
    dialogs: list[str] = field(default_factory=list)  # alert(), confirm(), prompt() calls

    def wait_ready(self, timeout_ms: int = READY_TIMEOUT_MS) -> None:
        """Wait until the layout has settled and physics stopped."""
        self.page.wait_for_function("document.body.dataset.ready === 'true'", timeout=timeout_ms)


@contextmanager
def offline_browser() -> Iterator[Any]:
    """A headless Chromium browser (Playwright Browser)."""
    reason = missing()
    if reason:
        raise KGError(f"cannot drive a browser: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser: Any, html: Path, width: int = 1600, height: int = 1000) -> OfflinePage:
    """Load `html` in a new page with every other request aborted and recorded."""
    own = html.resolve().as_uri()
    page = browser.new_page(viewport={"width": width, "height": height})
    loaded = OfflinePage(page)

    def route(route: Any) -> None:
        url = route.request.url
        if url == own:
            route.continue_()
        else:
            loaded.blocked.append(url)
            route.abort()

    page.route("**/*", route)
    page.on("request", lambda request: loaded.requests.append(request.url))
    page.on("pageerror", lambda error: loaded.errors.append(str(error)))

    def dialog(d: Any) -> None:
        loaded.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(own)
    return loaded


def screenshot(html: Path, png: Path, width: int = 1600, height: int = 1000) -> None:
    """Save a PNG of the page once its layout has settled."""
    from kg.atomic import write_atomic

    with offline_browser() as browser:
        loaded = open_page(browser, html, width, height)
        loaded.wait_ready()
        if loaded.blocked or loaded.errors:
            raise KGError(f"the page misbehaved: blocked {loaded.blocked}, errors {loaded.errors}")
        write_atomic(png, loaded.page.screenshot(full_page=False))
