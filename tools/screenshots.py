"""Screenshots of the running addon for static/description/.

Start `python3 tools/devenv.py serve` first, then run
`python3 tools/screenshots.py`: it logs in as the demo admin, opens each page
in headless Chromium through the DevTools protocol and saves a PNG per page,
in English and in Swedish (installed on the fly), on a 1440 px desktop and on
a 390 px phone (``screenshot_<page>[_sv][_phone].png``).
Needs Chromium and websocket-client (both used by the tests already).

Hand-written because Odoo's tours take no screenshot of a passing step and
the readme wants fixed, named images of the demo data; a tour checks the
same screens for their content.
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
    "list": "/odoo/action-contact_order.contact_order_action",
    "form": "/odoo/action-contact_order.contact_order_action/{order}",
    "calendar": "/odoo/action-contact_order.contact_order_booking_action"
    "?view_type=calendar",
    "todo": "/odoo/action-contact_order.contact_order_todo_action",
    "settings": "/odoo/settings#contact_order",
    "user_rights": "/odoo/action-base.action_res_users/{user}",
}
# (suffix, width, height, mobile)
SCREENS = (("", 1440, 900, False), ("_phone", 390, 844, True))
LANGS = (("en_US", ""), ("sv_SE", "_sv"))


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


def call(session, model, method, *args, **kwargs):
    request = urllib.request.Request(
        f"{BASE}/web/dataset/call_kw",
        data=json.dumps(
            {
                "jsonrpc": "2.0",
                "params": {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                },
            }
        ).encode(),
        headers={"Content-Type": "application/json", "Cookie": f"session_id={session}"},
    )
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    if "error" in answer:
        sys.exit(f"{model}.{method} failed: {answer['error']['data']['message']}")
    return answer["result"]


def first_order_id(session):
    return call(
        session,
        "contact.order",
        "search",
        [("note_ids", "!=", False), ("state", "!=", "done")],
        limit=1,
    )[0]


def set_language(session, lang):
    """Install ``lang`` if needed and make it the admin's."""
    if lang != "en_US":
        wizard = call(
            session,
            "base.language.install",
            "create",
            {
                "lang_ids": [
                    [
                        6,
                        0,
                        call(
                            session,
                            "res.lang",
                            "search",
                            [("code", "=", lang), ("active", "in", [True, False])],
                        ),
                    ]
                ]
            },
        )
        call(session, "base.language.install", "lang_install", [wizard])
    uid = call(session, "res.users", "search", [("login", "=", "admin")])[0]
    call(session, "res.users", "write", [uid], {"lang": lang})
    return uid


class Chrome:
    def __init__(self):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.profile = tempfile.mkdtemp()
        binary = shutil.which("chromium") or shutil.which("google-chrome")
        # (the window size is set per screen, see main())
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
        for lang, lang_suffix in LANGS:
            user = set_language(session, lang)
            for screen_suffix, width, height, mobile in SCREENS:
                chrome.send(
                    "Emulation.setDeviceMetricsOverride",
                    width=width,
                    height=height,
                    deviceScaleFactor=1,
                    mobile=mobile,
                )
                for page, path in PAGES.items():
                    url = BASE + path.format(order=order, user=user)
                    chrome.send("Page.navigate", url=url)
                    chrome.wait_for_view()
                    shot = chrome.send("Page.captureScreenshot", format="png")
                    out = OUT / f"screenshot_{page}{lang_suffix}{screen_suffix}.png"
                    out.write_bytes(base64.b64decode(shot["data"]))
                    print(out)
        set_language(session, "en_US")
    finally:
        chrome.close()


if __name__ == "__main__":
    main()
