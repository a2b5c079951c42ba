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
    "checklist": "Checklist van bepalingen",
}
STORES: dict[str, Path] = {}  # app address -> its store file
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
    STORES[url] = store
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

    def wait_for(self, text: str, timeout: float = 90) -> None:
        """Wait until ``text`` shows on the page and the app stopped running."""
        t = time.perf_counter()
        while time.perf_counter() - t < timeout:
            body = str(self.text("document.body ? document.body.innerText : ''") or "")
            running = self.text("!!document.querySelector('[data-testid=\"stStatusWidget\"]')")
            if text in body and not running:
                time.sleep(0.3)
                return
            time.sleep(0.15)
        pytest.fail(f"{text!r} did not appear within {timeout} s")

    def click(self, text: str, selector: str = "button, a, label, summary, p") -> None:
        """Click the first visible element matching ``selector`` whose text starts with ``text`` (waiting for it)."""
        deadline = time.monotonic() + 60
        found = False
        while not found and time.monotonic() < deadline:
            found = self.text(
                f"""(() => {{
                const els = [...document.querySelectorAll({json.dumps(selector)})]
                  .filter(e => e.offsetParent !== null && e.innerText.trim().startsWith({json.dumps(text)}));
                if (!els.length) return false;
                els[0].scrollIntoView(); els[0].click(); return true; }})()"""
            )
            if not found:
                time.sleep(0.2)
        assert found, f"nothing to click with text {text!r}"

    def click_point(self, n: int) -> str:
        """Click the n-th point of the page's plotly chart with the mouse; returns the point's text."""
        deadline, found = time.monotonic() + 60, None
        while not found and time.monotonic() < deadline:
            found = self._point(n)
            if not found:
                time.sleep(0.3)
        seen = self.text(
            "[document.querySelectorAll('.js-plotly-plot').length, document.querySelectorAll('path.point').length,"
            " document.querySelectorAll('.js-plotly-plot .point').length]"
        )
        assert found, f"the chart has no point {n} (plots, points, plot points: {seen})"
        x, y, label = found  # type: ignore[misc]
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)
        return str(label)

    def _point(self, n: int) -> object:
        return self.text(
            f"""(() => {{
            const pts = document.querySelectorAll('.js-plotly-plot g.points path.point');
            const txt = document.querySelectorAll('.js-plotly-plot g.textpoint text');
            if (pts.length <= {n}) return null;
            pts[{n}].scrollIntoView({{block: 'center'}});
            const r = pts[{n}].getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2, txt[{n}] ? txt[{n}].textContent : ''];
            }})()"""
        )

    def has_paragraph(self, text: str, timeout: float = 60) -> bool:
        """Whether a paragraph reading exactly ``text`` shows (waiting for it)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.text(f"[...document.querySelectorAll('p')].some(p => p.innerText.trim() === {json.dumps(text)})"):
                return True
            time.sleep(0.2)
        return False

    def type_into(self, label: str, text: str) -> None:
        """Type into the input or text area labelled ``label`` (waiting for it) and press Enter."""
        deadline = time.monotonic() + 60
        found = False
        while not found and time.monotonic() < deadline:
            found = self.text(
            f"""(() => {{
            const el = [...document.querySelectorAll('input, textarea')]
              .find(e => e.getAttribute('aria-label') === {json.dumps(label)});
            if (!el) return false;
            el.scrollIntoView(); el.focus(); el.select && el.select(); return true; }})()"""
            )
            if not found:
                time.sleep(0.2)
        labels = self.text("[...document.querySelectorAll('input, textarea')].map(e => e.getAttribute('aria-label')).join('|')")
        assert found, f"no input labelled {label!r} (inputs: {labels})"
        self.call("Input.insertText", text=text)
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", windowsVirtualKeyCode=13)

    def href(self, text: str) -> str:
        """The address of the first link whose text starts with ``text``."""
        url = self.text(
            f"""(() => {{ const a = [...document.querySelectorAll('a')]
              .find(e => e.innerText.trim().startsWith({json.dumps(text)})); return a ? a.href : ''; }})()"""
        )
        assert url, f"no link {text!r}"
        return str(url)

    def body(self) -> str:
        return str(self.text("document.body.innerText") or "")

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


# Streamlit's own English that must not show (the app sets its toolbar, upload limit and
# placeholders in Dutch).
ENGLISH = ("Choose options", "Deploy", "Browse files", "Drag and drop", "200MB per file", "No results")


def test_browser_four_journeys(app_url: str, tmp_path: Path) -> None:
    browser = Browser()
    try:
        browser.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(tmp_path))
        # (a) a researcher: Thema's on data, only policy briefs (the corpus's cao's hold one page of
        # data clauses), the second page, a clause in its document
        browser.open(f"{app_url}/themes", PAGES["themes"], timeout=300)
        browser.click("data", '[data-testid="stRadio"] label')
        browser.wait_for("clausules over data")
        browser.type_into("Documenttype", "beleidsnota")
        browser.wait_for("clausules over data")
        browser.type_into("Pagina", "2")
        browser.wait_for("pagina 2 van")
        browser.open(browser.href("Bekijk in het document"), "Gekozen clausule")
        # (b) a negotiator: comparable clauses with scores, only binding ones, one in its document
        browser.open(f"{app_url}/search", PAGES["search"])
        browser.type_into(
            "Zoek op tekst",
            "De werkgever vraagt instemming van de ondernemingsraad voor een systeem dat werknemers volgt.",
        )
        browser.wait_for("#1")
        assert "gelijkenis 0," in browser.body()
        browser.click("Filters", "summary, p")
        browser.click("Alleen bindende afspraken")
        browser.wait_for("#1")
        assert "verbintenis" in browser.body()
        browser.open(browser.href("Bekijk in het document"), "Gekozen clausule")
        browser.open(f"{app_url}/search", PAGES["search"])
        browser.type_into("Zoek op tekst", "xqzv blorp")
        browser.wait_for("Geen vergelijkbare clausule gevonden")
        # (c) a knowledge centre: Dekking, training, the Excel file
        browser.open(f"{app_url}/coverage", PAGES["coverage"])
        browser.wait_for("geen verbintenis over opleiding")
        browser.click("Matrix en lacunes als Excel")
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob("*.xlsx")) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert list(tmp_path.glob("*.xlsx")), "the Excel file was downloaded"
        # (d) a reviewer corrects a clause and sees the change on Thema's
        from urllib.parse import parse_qs, urlsplit

        from nlp.store.base import Store
        from ui.views import THEME_NL

        browser.open(f"{app_url}/review", PAGES["review"])
        browser.type_into("Jouw naam (wordt bij elke correctie bewaard)", "Els")
        browser.wait_for("Bewaren")
        link = parse_qs(urlsplit(browser.href("Bekijk in het document")).query)
        doc_id, clause_id = link["doc"][0], link["clause"][0]
        with Store(STORES[app_url], read_only=True, wait=30) as s:
            before = s.prediction(clause_id)
            title = str(s.document(doc_id)["title"])
            text = next(c.text for c in s.clauses(doc_id) if c.clause_id == clause_id)
            coded = list(s.predictions(doc_id).values())
        # the theme the document has fewest clauses on, so that the corrected clause is on Thema's first page
        theme = min(
            (t for t in ("training", "data", "wellbeing", "participation") if t not in before.themes),
            key=lambda t: sum(t in p.themes for p in coded),
        )
        browser.type_into("Thema's", THEME_NL[theme])
        browser.click("Bewaren", "button")
        browser.wait_for("Nagekeken clausules")
        with Store(STORES[app_url], read_only=True, wait=30) as s:
            assert [a["clause_id"] for a in s.annotations()] == [clause_id]
        browser.open(f"{app_url}/themes", PAGES["themes"])
        browser.click(THEME_NL[theme], '[data-testid="stRadio"] label')
        browser.wait_for(f"clausules over {THEME_NL[theme]}")
        browser.type_into("Document", title[:60])
        browser.wait_for(text[:40])
        # no English interface text on any page
        for path, heading in PAGES.items():
            browser.open(f"{app_url}/{path}", heading)
            shown = browser.body()
            assert not [w for w in ENGLISH if w in shown], (path, [w for w in ENGLISH if w in shown])
    finally:
        browser.close()


def test_browser_a_heatmap_tile_opens_its_clauses(app_url: str) -> None:
    """A researcher clicks a tile of the Overzicht heatmap and gets the clauses behind it."""
    browser = Browser()
    try:
        browser.open(app_url, PAGES[""], timeout=300)
        label = browser.click_point(4 * 6 + 3)  # the seventh document, welzijn
        count = label.split()[0]
        assert count.isdigit()
        assert browser.has_paragraph(f"{count} clausules"), f"the tile said {label!r}"
    finally:
        browser.close()


def test_browser_checklist_evidence_and_excel(app_url: str, tmp_path: Path) -> None:
    """A knowledge centre: the checklist of the telework regulation, its evidence, the Excel file."""
    browser = Browser()
    try:
        browser.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(tmp_path))
        browser.open(f"{app_url}/checklist", PAGES["checklist"], timeout=300)
        browser.wait_for("bindend geregeld")
        browser.type_into("Document", "Raamregeling Telewerken")
        browser.type_into("Bepaling", "Regeling telewerken")
        browser.wait_for("in Raamregeling Telewerken · zekerheid")
        browser.click("Checklist als Excel")
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob("*.xlsx")) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert list(tmp_path.glob("*.xlsx")), "the Excel file was downloaded"
    finally:
        browser.close()
