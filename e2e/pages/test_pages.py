"""The client's report and letter, opened in headless Chromium as a person would:
not blank, nothing wider than the page on a phone or a desktop, light and dark,
right to left for Arabic, and no request leaves the page. Screenshots are kept in
.build/screenshots/ to look at."""
import json
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from chromium import Browser, find_chromium  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("DEBRIEF_BIN", os.path.join(ROOT, ".build", "debug", "debrief"))
EXAMPLE = os.path.join(ROOT, "examples", "bank-deck.yml")
SHOTS = os.path.join(ROOT, ".build", "screenshots")


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
    # An item written in Latin script keeps its own direction (its full stop at its end), the page staying rtl.
    item = json.loads(browser.eval("""JSON.stringify(Array.from(document.querySelectorAll('.item .text'))
        .filter(e => /^[A-Za-z]/.test(e.innerText.trim())).slice(0, 1)
        .map(e => ({dir: getComputedStyle(e).direction, text: e.innerText.trim().slice(0, 40)})))"""))
    assert item and item[0]["dir"] == "ltr", item
