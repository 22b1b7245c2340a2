"""Open a page in a real browser: Debian's ``chromium`` headless (``.ci/run`` installs it when missing).

A tiny client of the DevTools protocol over a pipe (``--remote-debugging-pipe``:
JSON messages ending in a NUL byte on file descriptors 3 and 4; no websocket,
no package). One browser serves every check of a test: :meth:`Browser.open`
loads a page at a window width (a phone width emulates a phone) and collects
what the page logs (script errors, blocked loads, Content-Security-Policy
violations); :meth:`Browser.evaluate` measures the layout; :meth:`Browser.screenshot`
writes the whole page as a PNG; :meth:`Browser.print_pdf` prints it as the
print dialog would. The browser runs offline: loopback proxy, no DNS.
"""

from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
         "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND", "--remote-debugging-pipe"]


class Browser:
    """One headless chromium, driven over the DevTools protocol; use as a context manager."""

    def __init__(self, timeout: float = 60.0):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="minerisk-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def descriptors() -> None:  # the browser reads commands on fd 3 and writes answers on fd 4
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     preexec_fn=descriptors, pass_fds=(3, 4))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (OSError, RuntimeError, TimeoutError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    # ---------------------------------------------------------------- the protocol

    def _message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("the browser did not answer")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("the browser closed")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, session: bool = False, **params) -> dict:
        """Send one command and wait for its answer (events that arrive meanwhile are kept)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            answer = self._message(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def _wait_for(self, method: str) -> None:
        deadline = time.monotonic() + self.timeout
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._message(deadline))

    # ---------------------------------------------------------------- what a test uses

    def open(self, page: Path, width: int, height: int = 900) -> list[str]:
        """Load ``page`` in a window ``width`` wide (below 600: as a phone); the errors and warnings it logged."""
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)
        self.events.clear()
        self.call("Page.navigate", session=True, url=Path(page).resolve().as_uri())
        self._wait_for("Page.loadEventFired")
        self.evaluate("1")  # let the events the load caused arrive
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e.get("method") == "Runtime.consoleAPICalled" and p.get("type") in ("error", "warning", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif e.get("method") == "Runtime.exceptionThrown":
                out.append(p.get("exceptionDetails", {}).get("text", "exception"))
            elif e.get("method") == "Log.entryAdded" and p.get("entry", {}).get("level") in ("error", "warning"):
                out.append(p["entry"].get("text", ""))
        return out

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page (run by the protocol: the page's policy allows no
        script of its own)."""
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text", "exception"))
        return result["result"].get("value")

    def screenshot(self, png: Path) -> None:
        """The whole page (not only the window) as a PNG."""
        metrics = self.call("Page.getLayoutMetrics", session=True)["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": metrics["width"], "height": metrics["height"], "scale": 1}
        data = self.call("Page.captureScreenshot", session=True, format="png", clip=clip,
                         captureBeyondViewport=True)["data"]
        Path(png).parent.mkdir(parents=True, exist_ok=True)
        Path(png).write_bytes(base64.b64decode(data))

    def print_pdf(self, pdf: Path) -> int:
        """Print the page on A4 as the print dialog would (its print rules apply); the number of pages."""
        data = base64.b64decode(self.call("Page.printToPDF", session=True, paperWidth=8.27, paperHeight=11.69,
                                          preferCSSPageSize=True)["data"])
        Path(pdf).write_bytes(data)
        return len(re.findall(rb"/Type\s*/Page(?!s)", data))


LAYOUT = """JSON.stringify((function () {
  var width = document.documentElement.clientWidth;
  var svgs = Array.prototype.slice.call(document.querySelectorAll("svg"));
  var drawn = svgs.filter(function (s) { var r = s.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
  var wide = Array.prototype.slice.call(document.querySelectorAll("body *")).filter(function (e) {
    return !e.closest(".scroll") && e.getBoundingClientRect().right > width + 1; });
  return {scroll_width: document.documentElement.scrollWidth, client_width: width, svgs: svgs.length,
          drawn: drawn.length, grades: document.querySelectorAll(".grid .grade").length,
          too_wide: wide.slice(0, 5).map(function (e) { return e.tagName + "." + e.className; })};
})())"""


def layout(browser: Browser) -> dict:
    """Layout figures of the open page: scroll and window width, charts drawn, grade cells, what sticks out."""
    return json.loads(browser.evaluate(LAYOUT))
