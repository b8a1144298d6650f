"""Open a local HTML file in headless Chromium over the DevTools protocol and report what the page did."""

from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from websockets.sync.client import connect

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--remote-debugging-port=0", "--hide-scrollbars",
)  # fmt: skip
INSTALL_HINT = "headless Chromium is needed: `apt-get install -y chromium` (make test installs it when missing)"


@dataclass
class PageReport:
    requests: list[str] = field(default_factory=list)  # every URL the page asked for, besides itself
    dialogs: list[str] = field(default_factory=list)  # alert / confirm / prompt opened by a script
    values: dict = field(default_factory=dict)  # results of the expressions asked for
    screenshot: bytes = b""


def chromium_binary() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, INSTALL_HINT
    return found


class DevTools:
    """One browser-level websocket; flat sessions; events kept as they arrive."""

    def __init__(self, url: str):
        self.ws = connect(url, max_size=None, open_timeout=20)
        self.ids = itertools.count(1)
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 20):
        message_id = next(self.ids)
        message = {"id": message_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline - time.monotonic())
            if reply.get("id") == message_id:
                assert "error" not in reply, f"{method}: {reply['error']}"
                return reply.get("result", {})

    def wait_for(self, method: str, timeout: float = 20) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event.get("method") == method:
                    return event
            self._receive(deadline - time.monotonic())

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self._receive(deadline - time.monotonic())
            except TimeoutError:
                return

    def _receive(self, timeout: float) -> dict:
        if timeout <= 0:
            raise TimeoutError("no answer from Chromium in time")
        message = json.loads(self.ws.recv(timeout=timeout))
        if "method" in message:
            self.events.append(message)
            if message["method"] == "Page.javascriptDialogOpening":  # answer it, or the page hangs
                answer = {"id": next(self.ids), "method": "Page.handleJavaScriptDialog",
                          "params": {"accept": False}, "sessionId": message.get("sessionId")}  # fmt: skip
                self.ws.send(json.dumps(answer))
        return message


def start_browser(user_dir: str, width: int, height: int) -> tuple[subprocess.Popen, str]:
    args = [chromium_binary(), *FLAGS, f"--user-data-dir={user_dir}", f"--window-size={width},{height}", "about:blank"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = Path(user_dir) / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
        assert proc.poll() is None, "chromium exited at start"
        assert time.monotonic() < deadline, "chromium did not open its DevTools port"
        time.sleep(0.05)
    port, path = port_file.read_text().splitlines()[:2]
    return proc, f"ws://127.0.0.1:{port}{path}"


def open_page(page: Path, expressions: dict[str, str], *, width: int = 1200, height: int = 1600,
              phone_expressions: dict[str, str] | None = None) -> PageReport:  # fmt: skip
    """Load page, evaluate expressions (name → JS), screenshot it; then, optionally, re-evaluate at phone width."""
    user_dir = tempfile.mkdtemp(prefix="jobpipe-chromium-")
    proc, url = start_browser(user_dir, width, height)
    try:
        tools = DevTools(url)
        target = tools.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = tools.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime"):
            tools.send(f"{domain}.enable", session=session)
        page_url = page.resolve().as_uri()
        tools.send("Page.navigate", {"url": page_url}, session)
        tools.wait_for("Page.loadEventFired")
        tools.drain(0.5)  # late image loads and error handlers would show here
        report = PageReport()
        report.values = {name: evaluate(tools, session, js) for name, js in expressions.items()}
        shot = tools.send("Page.captureScreenshot", {"format": "png"}, session)
        report.screenshot = base64.b64decode(shot["data"])
        if phone_expressions:
            tools.send("Emulation.setDeviceMetricsOverride",
                       {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}, session)  # fmt: skip
            tools.drain(0.3)
            report.values.update({name: evaluate(tools, session, js) for name, js in phone_expressions.items()})
        report.requests = requests_made(tools.events, page_url)
        report.dialogs = [e["params"]["type"] for e in tools.events if e["method"] == "Page.javascriptDialogOpening"]
        tools.ws.close()
        return report
    finally:
        proc.kill()
        proc.wait(timeout=10)
        shutil.rmtree(user_dir, ignore_errors=True)


def evaluate(tools: DevTools, session: str, expression: str):
    result = tools.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
    assert "exceptionDetails" not in result, f"{expression}: {result['exceptionDetails']}"
    return result["result"].get("value")


def requests_made(events: list[dict], page_url: str) -> list[str]:
    urls = [e["params"]["request"]["url"] for e in events if e["method"] == "Network.requestWillBeSent"]
    return [u for u in urls if u != page_url and not u.startswith("data:")]
