"""Screenshots of the running addon for static/description/.

Start `python3 tools/devenv.py serve` first, then run
`python3 tools/screenshots.py`: it logs in as the demo admin, opens each page
in headless Chromium through the DevTools protocol and saves a PNG per page.
Needs Chromium and websocket-client (both used by the tests already).
"""

import base64
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import websocket

BASE = "http://127.0.0.1:8069"
OUT = Path(__file__).resolve().parents[1] / "contact_order" / "static" / "description"
PAGES = {
    "screenshot_list.png": "/odoo/action-contact_order.contact_order_action",
    "screenshot_form.png": "/odoo/action-contact_order.contact_order_action/{order}",
    "screenshot_calendar.png": "/odoo/action-contact_order.contact_order_booking_action"
    "?view_type=calendar",
    "screenshot_todo.png": "/odoo/action-contact_order.contact_order_todo_action",
    "screenshot_settings.png": "/odoo/settings#contact_order",
}


def session_id(login="admin", password="admin", db="contact_order"):
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    payload = {
        "jsonrpc": "2.0",
        "params": {"db": db, "login": login, "password": password},
    }
    request = urllib.request.Request(
        f"{BASE}/web/session/authenticate",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    with opener.open(request) as response:
        answer = json.load(response)
    if "error" in answer:
        sys.exit(f"login failed: {answer['error']['data']['message']}")
    return next(c.value for c in jar if c.name == "session_id")


def first_order_id(session):
    request = urllib.request.Request(
        f"{BASE}/web/dataset/call_kw",
        data=json.dumps(
            {
                "jsonrpc": "2.0",
                "params": {
                    "model": "contact.order",
                    "method": "search",
                    "args": [[("note_ids", "!=", False), ("state", "!=", "done")]],
                    "kwargs": {"limit": 1},
                },
            }
        ).encode(),
        headers={"Content-Type": "application/json", "Cookie": f"session_id={session}"},
    )
    with urllib.request.urlopen(request) as response:
        return json.load(response)["result"][0]


class Chrome:
    def __init__(self):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.profile = tempfile.mkdtemp()
        binary = shutil.which("chromium") or shutil.which("google-chrome")
        self.process = subprocess.Popen(
            [
                binary, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--window-size=1400,900", f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}", "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.ws = websocket.create_connection(self._page_ws(), timeout=60)
        self.seq = 0

    def _page_ws(self):
        for _attempt in range(50):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/json"
                ) as response:
                    pages = [p for p in json.load(response) if p["type"] == "page"]
                if pages:
                    return pages[0]["webSocketDebuggerUrl"]
            except OSError:
                pass
            time.sleep(0.2)
        sys.exit("Chromium did not start")

    def send(self, method, **params):
        self.seq += 1
        self.ws.send(json.dumps({"id": self.seq, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.seq:
                return message.get("result", {})

    def wait_for_view(self, timeout=60):
        """Until the web client shows a view and has no request under way."""
        script = (
            "!!document.querySelector('.o_view_controller')"
            " && !document.querySelector('.o_loading_indicator, .o_blockUI')"
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = self.send("Runtime.evaluate", expression=script)
            if result.get("result", {}).get("value"):
                time.sleep(1.5)  # let the last rendering settle
                # toasts of the moment (e.g. "page out of date") are not the UI
                self.send(
                    "Runtime.evaluate",
                    expression="document.querySelectorAll('.o_notification')"
                    ".forEach((n) => n.remove())",
                )
                return
            time.sleep(0.5)
        sys.exit("the page did not load a view in time")

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    session = session_id()
    order = first_order_id(session)
    chrome = Chrome()
    try:
        chrome.send(
            "Network.setCookie",
            name="session_id",
            value=session,
            domain="127.0.0.1",
            path="/",
        )
        for filename, path in PAGES.items():
            chrome.send("Page.navigate", url=BASE + path.format(order=order))
            chrome.wait_for_view()
            shot = chrome.send("Page.captureScreenshot", format="png")
            (OUT / filename).write_bytes(base64.b64decode(shot["data"]))
            print(OUT / filename)
    finally:
        chrome.close()


if __name__ == "__main__":
    main()
