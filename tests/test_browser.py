"""End to end in a real headless browser (Debian chromium): start the app on a free port with
the bundled corpus ingested and coded by the bundled model, open every page, check its heading
and that no error box shows, save a screenshot per page and the load times.

Run with ``pytest -m browser`` (``.ci/run`` does; it installs chromium with apt when missing).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "evaluation" / "screenshots"
PAGES = {
    "": "Overzicht van het corpus",
    "themes": "Thema's",
    "search": "Vergelijkbare clausules zoeken",
    "compare": "Documenten vergelijken",
    "document": "Document",
    "coverage": "Dekking en lacunes",
    "upload": "Document toevoegen",
    "review": "Codes nakijken",
    "topics": "Onderwerpen",
}
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--window-size=1280,900",
    "--hide-scrollbars",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return str(shutil.which(name))
    pytest.skip("no chromium on this machine (.ci/run installs it with apt)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("browser")
    store = folder / "store.duckdb"
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [str(bin_dir / "clause-atlas"), "--store", str(store), "ingest", str(ROOT / "corpus")],
        check=True,
        capture_output=True,
    )
    port = free_port()
    env = {**os.environ, "CLAUSE_ATLAS_STORE": str(store), "CLAUSE_ATLAS_NO_BOOTSTRAP": "1"}
    proc = subprocess.Popen(
        [
            str(bin_dir / "streamlit"),
            "run",
            str(ROOT / "app.py"),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("the app did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


class Browser:
    """Headless chromium driven over the DevTools protocol (no Playwright download needed)."""

    def __init__(self) -> None:
        from websockets.sync.client import connect

        self.profile = tempfile.mkdtemp()
        port = free_port()
        self.proc = subprocess.Popen(
            [
                chromium(),
                *CHROME_FLAGS,
                f"--user-data-dir={self.profile}",
                f"--remote-debugging-port={port}",
                "--remote-allow-origins=*",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                targets = json.loads(
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2).read()
                )
                page = next(t for t in targets if t["type"] == "page")
                break
            except (OSError, StopIteration, ValueError):
                time.sleep(0.2)
        else:
            self.close()
            pytest.fail("chromium did not start")
        self.ws = connect(page["webSocketDebuggerUrl"], max_size=2**26)
        self.n = 0

    def call(self, method: str, **params: object) -> dict:  # type: ignore[type-arg]
        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv(timeout=60))
            if msg.get("id") == self.n:
                return msg.get("result", {})

    def text(self, js: str) -> object:
        return self.call("Runtime.evaluate", expression=js, returnByValue=True).get("result", {}).get("value")

    def open(self, url: str, heading: str, timeout: float = 120) -> float:
        """Navigate and wait until the page's heading shows and the app stopped running."""
        t = time.perf_counter()
        self.call("Page.navigate", url=url)
        while time.perf_counter() - t < timeout:
            body = str(self.text("document.body ? document.body.innerText : ''") or "")
            running = self.text("!!document.querySelector('[data-testid=\"stStatusWidget\"]')")
            if heading in body and not running:
                return time.perf_counter() - t
            time.sleep(0.1)
        pytest.fail(f"{url}: heading {heading!r} did not appear within {timeout} s")

    def screenshot(self, path: Path) -> None:
        import base64

        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"]))

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)
        shutil.rmtree(self.profile, ignore_errors=True)


def test_browser_every_page_renders_without_errors(app_url: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    try:
        timings = {"first start": round(browser.open(app_url, PAGES[""], timeout=300), 2)}
        for path, heading in PAGES.items():  # first visit of every page: caches fill
            timings[f"first visit {path or 'overview'}"] = round(
                browser.open(f"{app_url}/{path}", heading), 2
            )
        for path, heading in PAGES.items():
            seconds = browser.open(f"{app_url}/{path}", heading)
            time.sleep(1.0)  # let charts finish drawing before the screenshot
            name = path or "overview"
            timings[name] = round(seconds, 2)
            errors = browser.text(
                'document.querySelectorAll(\'[data-testid="stException"], [data-testid="stAlertContentError"]\').length'
            )
            assert errors == 0, f"{name}: the page shows an error box"
            browser.screenshot(SHOTS / f"{name}.png")
    finally:
        browser.close()
    (SHOTS / "timings.json").write_text(json.dumps(timings, indent=1) + "\n", encoding="utf-8")
