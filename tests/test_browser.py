"""One real browser: start the workbench, load the tutorial, solve, open a job's timetable.

Uses Debian's chromium through playwright (no browser download). Screenshots go to
`screenshots/` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import MANAGER_KEY

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

playwright = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("chromium is not installed; .ci/run installs Debian's chromium")
    pytest.skip("chromium not installed (apt-get install -y chromium)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The workbench on a free port, with its own data folder and the tests' manager key."""
    port = _free_port()
    env = {**os.environ, "BUNDLER_MANAGER_KEY": MANAGER_KEY,
           "BUNDLER_DATA_DIR": str(tmp_path_factory.mktemp("browser-data"))}
    env.pop("BUNDLER_DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("the workbench did not come up within 60 s")
    yield url
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


def test_a_facility_manager_solves_and_reads_a_rota(server):
    """Load the tutorial, solve it, open the schedules: the weekly rota of J01 is on screen."""
    SHOTS.mkdir(exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server}/?key={MANAGER_KEY}")  # the URL a first start prints
        page.get_by_text("Taken van de leveranciers").wait_for(timeout=60_000)
        page.get_by_text("131 taken").wait_for(timeout=60_000)
        page.get_by_role("button", name="Sjabloon CSV").wait_for(timeout=30_000)
        page.locator('[data-testid="stDataFrame"] canvas').first.wait_for(timeout=30_000)
        time.sleep(1.0)  # the grid paints its canvas after it appears
        page.screenshot(path=str(SHOTS / "1-taken.png"), full_page=True)
        page.get_by_role("button", name="Kleine oefenset laden").click()
        page.get_by_text("11 taken").wait_for(timeout=30_000)
        page.get_by_role("link", name="Oplossen").click()
        page.get_by_role("button", name="Banen zoeken").click()
        page.get_by_text("Klaar:").wait_for(timeout=90_000)
        page.screenshot(path=str(SHOTS / "2-oplossen.png"), full_page=True)
        page.get_by_role("link", name="Roosters").first.click()
        page.get_by_text("Weekrooster J01").wait_for(timeout=30_000)
        page.locator("canvas, svg").first.wait_for(timeout=30_000)
        time.sleep(1.5)  # let the chart draw
        page.screenshot(path=str(SHOTS / "3-rooster.png"), full_page=True)
        text = page.inner_text("body")
        browser.close()
    assert "Banen" in text and "Weekrooster J01" in text and "Niet ingedeeld" in text
