"""Tests against a real `backoffice serve` on the test database (with the demo data that
`scripts/browser-tests.sh` seeds): the web pages driven by Debian's headless Chromium through
Selenium (screenshots go to .build/screenshots/ for review), and the server's JSON log and
metrics read as its operators would."""

import json
import os
import socket
import subprocess
import time
import urllib.request
from importlib.util import find_spec
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / ".build" / "screenshots"
SERVER_LOG = ROOT / ".build" / "browser-server.log"

# The demo people's password (README, "Logging in to the web pages").
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "Omaolo-demo-2026")
AGENT = "teemu.tukipalvelu@pohde.example"
PROFESSIONAL = "professional.oulu-tk@pohde.example"
ORG_ADMIN = "org-admin.oulu-tk@pohde.example"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_ready(url, process, deadline_seconds=60):
    """Polls /health/ready until it answers 200 (or the server dies, or the deadline passes)."""
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}; see {SERVER_LOG}")
        try:
            with urllib.request.urlopen(url + "/health/ready", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)  # polling a condition with a deadline, not synchronisation by sleeping
    raise RuntimeError(f"the server was not ready within {deadline_seconds} s; see {SERVER_LOG}")


@pytest.fixture(scope="session")
def base_url():
    binary = os.environ.get("BACKOFFICE_BIN", str(ROOT / ".build" / "debug" / "backoffice"))
    port = free_port()
    SERVER_LOG.parent.mkdir(parents=True, exist_ok=True)
    with open(SERVER_LOG, "w") as log:
        environment = dict(os.environ, LOG_FORMAT="json", LOG_LEVEL="info")
        process = subprocess.Popen(
            [binary, "serve", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=environment)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_ready(url, process)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


def new_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=fi"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "fi,en"})
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")), options=options)


@pytest.fixture
def browser():
    driver = new_driver()
    yield driver
    driver.quit()


@pytest.fixture
def second_browser():
    driver = new_driver()
    yield driver
    driver.quit()


def wait(driver, seconds=15):
    return WebDriverWait(driver, seconds)


def log_in(driver, base_url, email, password=DEMO_PASSWORD):
    driver.get(base_url + "/login")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
    # The queue, or the reports for those who work no tickets (a reporter).
    wait(driver).until(lambda d: "/tickets" in d.current_url or "/reports" in d.current_url)


def screenshot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1440, max(1000, min(height, 4000)))
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    driver.set_window_size(1440, 1000)


def axe_source():
    spec = find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("axe-playwright-python is not installed (scripts/browser-tests.sh installs it)")
    found = sorted(Path(spec.submodule_search_locations[0]).rglob("axe.min.js"))
    if not found:
        raise RuntimeError("axe.min.js is missing from axe-playwright-python")
    return found[0].read_text()


AXE = None


def assert_accessible(driver, page_name):
    """axe-core on the current page: no violation of impact serious or critical."""
    global AXE
    if AXE is None:
        AXE = axe_source()
    driver.execute_script(AXE)
    driver.set_script_timeout(30)
    result = driver.execute_async_script("const done = arguments[arguments.length - 1]; axe.run().then(done);")
    bad = [v for v in result["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, f"{page_name}: " + json.dumps(
        [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in bad], indent=1)
