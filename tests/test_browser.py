"""One real browser: start empty, open the kick-off's JSON file, solve, read a job's rota at 1024x768.

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


def _wait_for_chart(page) -> None:
    page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg').first.wait_for(
        timeout=30_000)
    time.sleep(2.0)  # let the chart draw


def test_a_facility_manager_opens_the_kick_off_file_solves_and_reads_a_rota_on_a_projector(server):
    """On a 1024x768 screen: start empty, upload the JSON task file, solve, read a rota; screenshots for a person."""
    SHOTS.mkdir(exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1024, "height": 768})
        page.goto(f"{server}/?key={MANAGER_KEY}")  # the URL a first start prints
        page.get_by_text("Taken van de leveranciers").wait_for(timeout=60_000)
        page.get_by_text("131 taken").first.wait_for(timeout=60_000)
        page.get_by_role("button", name="Leeg beginnen").click()
        page.get_by_text("Nog geen taken").wait_for(timeout=30_000)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(ROOT / "data" / "uu_kickoff.json"))
        page.get_by_text("131 taken toegevoegd").wait_for(timeout=60_000)
        page.get_by_text("Alles in orde: 131 taken").wait_for(timeout=30_000)
        page.screenshot(path=str(SHOTS / "1-taken-geopend.png"))
        page.get_by_role("link", name="Oplossen").click()
        page.get_by_role("button", name="Banen zoeken").click()
        page.get_by_text("Klaar:").wait_for(timeout=120_000)
        page.screenshot(path=str(SHOTS / "2-oplossen.png"))
        page.get_by_role("link", name="Roosters").first.click()
        page.get_by_text("Weekrooster J01").wait_for(timeout=30_000)
        _wait_for_chart(page)
        page.screenshot(path=str(SHOTS / "3-roosters-boven.png"))
        page.mouse.move(650, 400)
        page.get_by_text("Weekrooster J01").scroll_into_view_if_needed()
        time.sleep(1.0)
        page.screenshot(path=str(SHOTS / "4-rooster.png"))
        page.get_by_text("Plattegrond met de route van").scroll_into_view_if_needed()
        time.sleep(1.5)
        page.screenshot(path=str(SHOTS / "5-plattegrond.png"))
        page.get_by_text("Alle banen in één oogopslag").scroll_into_view_if_needed()
        time.sleep(1.5)
        page.screenshot(path=str(SHOTS / "6-alle-banen.png"))
        text = page.inner_text("body")
        browser.close()
    assert "Weekrooster J01" in text and "Niet ingedeeld" in text and "Hoe werkbaar is elke baan" in text
    for english in ("FEASIBLE", "OPTIMAL", "Proven", "left over"):
        assert english not in text
