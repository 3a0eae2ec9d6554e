"""The client's report and letter, opened in headless Chromium as a person would:
not blank, nothing wider than the page on a phone or a desktop, light and dark,
right to left for Arabic, and no request leaves the page. Screenshots are kept in
.build/screenshots/ to look at."""
import base64
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
import websocket

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("DEBRIEF_BIN", os.path.join(ROOT, ".build", "debug", "debrief"))
EXAMPLE = os.path.join(ROOT, "examples", "bank-deck.yml")
SHOTS = os.path.join(ROOT, ".build", "screenshots")


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI") or os.environ.get("DEBRIEF_REQUIRE_CHROMIUM") == "1":
        pytest.fail("Chromium is not installed; make test installs it")
    pytest.skip("Chromium is not installed")


class Browser:
    """A headless Chromium driven over the DevTools protocol."""

    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="debrief-chrome-")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        args = [chromium, "--headless", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                f"--remote-debugging-port={self.port}", "--remote-debugging-address=127.0.0.1",
                f"--user-data-dir={self.profile}", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")
        # Its own process group, so that closing it ends every Chromium process it started.
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.time() + 30
        targets = None
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list", timeout=2) as r:
                    targets = [t for t in json.load(r) if t.get("type") == "page"]
                if targets:
                    break
            except OSError:
                time.sleep(0.2)
        assert targets, "Chromium did not start"
        self.ws = websocket.create_connection(targets[0]["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0
        self.events = []

    def send(self, method, **params):
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my_id:
                assert "error" not in msg, msg
                return msg.get("result", {})
            self.events.append(msg)

    def wait_event(self, name, timeout=20):
        deadline = time.time() + timeout
        for i, e in enumerate(self.events):
            if e.get("method") == name:
                return self.events.pop(i)
        self.ws.settimeout(timeout)
        while time.time() < deadline:
            msg = json.loads(self.ws.recv())
            if msg.get("method") == name:
                return msg
            self.events.append(msg)
        raise AssertionError(f"no {name}")

    def open(self, path, width, height=900, dark=False):
        self.events.clear()
        self.send("Network.enable")
        self.send("Page.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        self.send("Emulation.setEmulatedMedia", media="screen",
                  features=[{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}])
        self.send("Page.navigate", url="file://" + path)
        self.wait_event("Page.loadEventFired")

    def eval(self, expression):
        r = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return r["result"].get("value")

    def screenshot(self, name):
        os.makedirs(SHOTS, exist_ok=True)
        data = base64.b64decode(self.send("Page.captureScreenshot", format="png", captureBeyondViewport=False)["data"])
        path = os.path.join(SHOTS, name)
        with open(path, "wb") as f:
            f.write(data)
        return data

    def requests(self):
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def close(self):
        try:
            self.ws.close()
        finally:
            try:
                os.killpg(self.proc.pid, 9)
            except ProcessLookupError:
                pass
            self.proc.wait()
            shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    b = Browser(find_chromium())
    yield b
    b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    d = tmp_path_factory.mktemp("pages")
    env = dict(os.environ, DEBRIEF_TODAY="2026-11-22")
    out = {}
    for name, args in {
        "client": ["render", EXAMPLE, "--to", "html", "--audience", "client"],
        "team": ["render", EXAMPLE, "--to", "html"],
        "letter": ["letter", EXAMPLE, "--to", "html"],
    }.items():
        path = str(d / f"{name}.html")
        subprocess.run([BIN] + args + ["-o", path], check=True, env=env, cwd=str(d))
        out[name] = path
    arabic = d / "arabic.yml"
    arabic.write_text(open(EXAMPLE, encoding="utf-8").read().replace("locale: en", "locale: ar")
                      .replace("title: Conference deck for the bank", "title: عرض المؤتمر للبنك"), encoding="utf-8")
    path = str(d / "arabic.html")
    subprocess.run([BIN, "render", str(arabic), "--to", "html", "--audience", "client", "-o", path], check=True, env=env, cwd=str(d))
    out["arabic"] = path
    return out


LAYOUT = """JSON.stringify({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  text: document.body.innerText.length,
  wide: Array.from(document.querySelectorAll('body *'))
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1); })
    .map(e => e.tagName + '.' + e.className).slice(0, 5),
  background: getComputedStyle(document.body).backgroundColor,
  direction: getComputedStyle(document.querySelector('main')).direction,
  lang: document.documentElement.lang
})"""


def luminance(css_rgb):
    parts = [float(x) for x in css_rgb[css_rgb.index("(") + 1:css_rgb.index(")")].split(",")[:3]]
    return (0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]) / 255


@pytest.mark.parametrize("name", ["client", "letter", "team"])
@pytest.mark.parametrize("width", [390, 1280])
def test_page_renders_and_fits(browser, pages, name, width):
    browser.open(pages[name], width)
    layout = json.loads(browser.eval(LAYOUT))
    png = browser.screenshot(f"{name}-{width}.png")
    assert layout["text"] > (500 if name == "letter" else 2000), f"{name} looks blank: {layout}"
    assert len(png) > 20000, "the screenshot is nearly empty"
    assert layout["scrollWidth"] <= layout["innerWidth"], f"{name} is wider than the window at {width}px: {layout}"
    assert not layout["wide"], f"elements overflow the page at {width}px: {layout['wide']}"
    assert browser.requests() == ["file://" + pages[name]], f"the page made requests: {browser.requests()}"


@pytest.mark.parametrize("name", ["client", "letter"])
def test_light_and_dark(browser, pages, name):
    browser.open(pages[name], 1000, dark=False)
    light = json.loads(browser.eval(LAYOUT))["background"]
    browser.open(pages[name], 1000, dark=True)
    dark = json.loads(browser.eval(LAYOUT))["background"]
    browser.screenshot(f"{name}-dark.png")
    assert luminance(light) > 0.8, light
    assert luminance(dark) < 0.2, dark


def test_arabic_is_right_to_left(browser, pages):
    browser.open(pages["arabic"], 390)
    layout = json.loads(browser.eval(LAYOUT))
    browser.screenshot("arabic-390.png")
    assert layout["lang"] == "ar"
    assert layout["direction"] == "rtl"
    assert layout["scrollWidth"] <= layout["innerWidth"], layout
