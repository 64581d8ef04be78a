"""Browser tests: build the FICTIONAL demo catalogue once, serve it on 127.0.0.1, and drive it with
Playwright on Debian's Chromium (never a downloaded browser).

Without a browser the tests skip with the reason, unless CATALOGUE_REQUIRE_BROWSER=1 (as in CI),
where a missing browser or Playwright is a failure. Run only these with `pytest -m browser`, or
leave them out with `-m "not browser"`.
"""

from __future__ import annotations

import importlib
import os
import shutil
from pathlib import Path

import pytest

from browser_checks import DEMO_ROOT, REPO_ROOT, REPORT, SOURCE_DATE_EPOCH, serve

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: drives the built site in headless Chromium (Playwright); skipped when "
                   "Chromium is missing unless CATALOGUE_REQUIRE_BROWSER=1")


def chromium_path() -> str:
    return os.environ.get("CATALOGUE_CHROMIUM") or DEFAULT_CHROMIUM


def browser_problem() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    exe = chromium_path()
    if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
        return (f"no Chromium at {exe} (install it with `apt-get install chromium`, or set "
                f"CATALOGUE_CHROMIUM to its path)")
    for module in ("playwright.sync_api", "axe_playwright_python.sync_playwright"):
        try:
            importlib.import_module(module)
        except ImportError as exc:
            return f"{module} cannot be imported ({exc}); install the test extras: pip install -e '.[test]'"
    return None


@pytest.fixture(scope="session")
def browser_available() -> None:
    """Skip (or, with CATALOGUE_REQUIRE_BROWSER=1, fail) before anything is built."""
    problem = browser_problem()
    if problem is None:
        return
    if os.environ.get("CATALOGUE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (CATALOGUE_REQUIRE_BROWSER=1) but {problem}", pytrace=False)
    pytest.skip(f"browser tests skipped: {problem}")


def _build(root: Path, out: Path) -> Path:
    """Build a catalogue on the pinned build date (SOURCE_DATE_EPOCH restored afterwards)."""
    from generator.publish.build import build_site

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        build_site(root, out)
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return out


@pytest.fixture(scope="session")
def built_site(browser_available, tmp_path_factory) -> Path:
    """The demo catalogue built once per session, on the pinned build date."""
    return _build(DEMO_ROOT, tmp_path_factory.mktemp("demo-site") / "site")


@pytest.fixture(scope="session")
def shipped_built_site(browser_available, tmp_path_factory) -> Path:
    """The catalogue this repository ships, built once per session, on the pinned build date."""
    return _build(REPO_ROOT, tmp_path_factory.mktemp("shipped-site") / "site")


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Base URL (ending in /) of the built site, served on 127.0.0.1 until the session ends."""
    with serve(built_site) as url:
        yield url


@pytest.fixture
def site_copy(built_site, tmp_path):
    """A writable copy of the built site, for the negative controls to break."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


@pytest.fixture(scope="session")
def browser(browser_available):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser):
    """Open browser contexts (closed after the test): new_context(**options)."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A fresh desktop-sized page."""
    return new_context().new_page()


def pytest_terminal_summary(terminalreporter):
    if REPORT:
        terminalreporter.section("browser measurements")
        for line in REPORT:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def build_pinned(browser_available):
    """Build a catalogue of a test's own on the pinned build date: build_pinned(root, out)."""
    return _build
