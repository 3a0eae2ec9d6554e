"""The archive's website in headless Chromium, opened from file:// as a person would: every page loads with
nothing from elsewhere, the search script finds a Vietnamese word typed without its marks and an Arabic word,
and shows a snippet. Screenshots of the index, a debrief, the lessons, the actions and a search are kept in
.build/screenshots/ to look at."""
import os
import shutil
import subprocess
import sys
import time

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from chromium import Browser, find_chromium  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("DEBRIEF_BIN", os.path.join(ROOT, ".build", "debug", "debrief"))
EXAMPLE = os.path.join(ROOT, "examples", "bank-deck.yml")

VIETNAMESE = """debrief: 1
format: client-recovery
title: Bản trình bày cho ngân hàng
date: 2026-09-14
status: final
client: Ngân hàng Đông Á
locale: vi
participants:
  - name: Nguyễn Thị Mai
    side: us
  - name: Giám đốc tiếp thị
    side: client
sections:
  emotions:
    - text: Đội ngũ rất thất vọng khi khách hàng từ chối bản trình bày.
      side: us
  lessons:
    - text: Chúng tôi xác nhận mọi thỏa thuận bằng văn bản trong vòng một ngày.
      tags: [thỏa-thuận]
  actions:
    - text: Gọi cho giám đốc tiếp thị sau ba mươi ngày.
      owner: Nguyễn Thị Mai
      due: 2026-10-14
"""

ARABIC = """debrief: 1
format: sprint
title: مراجعة السباق الرابع عشر
date: 2026-08-02
status: draft
locale: ar
sections:
  lessons:
    - text: نراجع كل موجز مع العميل شخصيا.
"""


@pytest.fixture(scope="module")
def browser():
    b = Browser(find_chromium())
    yield b
    b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    d = tmp_path_factory.mktemp("archive")
    env = dict(os.environ, DEBRIEF_TODAY="2026-11-23")
    subprocess.run([BIN, "init"], check=True, env=env, cwd=str(d), capture_output=True)
    shutil.copy(EXAMPLE, d / "debriefs" / "2026-11-22-bank-deck.yml")
    (d / "debriefs" / "2026-09-14-ngan-hang.yml").write_text(VIETNAMESE, encoding="utf-8")
    (d / "debriefs" / "2026-08-02-sprint.yml").write_text(ARABIC, encoding="utf-8")
    r = subprocess.run([BIN, "site", "-o", str(d / "site")], env=env, cwd=str(d), capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return d / "site"


def wait_for(browser, expression, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = browser.eval(expression)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"never true: {expression}")


@pytest.mark.parametrize("page", ["index.html", "d/2026-11-22-bank-deck.html", "lessons.html", "actions.html", "tags.html"])
def test_pages_load_from_file_with_nothing_from_elsewhere(browser, site, page):
    browser.open(str(site / page), 1100)
    assert browser.eval("document.body.innerText.length") > 100
    assert browser.eval("getComputedStyle(document.querySelector('.site-nav')).display") == "flex", "the site's stylesheet applies"
    for url in browser.requests():
        assert url.startswith("file://" + str(site)), url
    browser.screenshot("site-" + page.replace("/", "-").replace(".html", ".png"))


def test_search_finds_vietnamese_without_marks(browser, site):
    browser.open(str(site / "search.html"), 1000)
    browser.send("Runtime.evaluate", expression="document.getElementById('search-input').focus()")
    browser.send("Input.insertText", text="that vong")
    wait_for(browser, "document.querySelectorAll('#search-results li mark').length > 0")
    results = browser.eval("Array.from(document.querySelectorAll('#search-results li > a')).map(a => a.textContent + ' ' + a.getAttribute('href'))")
    assert len(results) == 1 and "Bản trình bày cho ngân hàng" in results[0] and "d/2026-09-14-ngan-hang.html" in results[0], results
    marks = browser.eval("Array.from(document.querySelectorAll('#search-results mark')).map(m => m.textContent)")
    assert marks == ["thất", "vọng"], marks
    browser.screenshot("site-search.png")
    for url in browser.requests():
        assert url.startswith("file://" + str(site)), url


def test_search_from_any_page_arabic_and_nothing(browser, site):
    browser.open(str(site / "index.html"), 1000)
    browser.send("Runtime.evaluate", expression="document.querySelector('.site-search input').value = 'العميل'; document.querySelector('.site-search').submit()")
    browser.wait_event("Page.loadEventFired")
    wait_for(browser, "document.querySelectorAll('#search-results li').length > 0")
    assert "مراجعة السباق" in browser.eval("document.getElementById('search-results').innerText")
    browser.send("Runtime.evaluate", expression="var i = document.getElementById('search-input'); i.value = 'zzzunknown'; i.dispatchEvent(new Event('input'))")
    wait_for(browser, "document.getElementById('search-status').textContent.indexOf('No debrief') === 0")
    assert browser.eval("document.querySelectorAll('#search-results li').length") == 0


def test_progress_line_only_on_a_terminal(tmp_path):
    import pexpect
    env = dict(os.environ, DEBRIEF_TODAY="2026-11-23", NO_COLOR="1")
    subprocess.run([BIN, "init"], check=True, env=env, cwd=str(tmp_path), capture_output=True)
    example = open(EXAMPLE, encoding="utf-8").read()
    for i in range(240):
        (tmp_path / "debriefs" / f"2026-01-01-d{i}.yml").write_text(
            example.replace("title: Conference deck for the bank", f"title: Deck {i}"), encoding="utf-8")
    child = pexpect.spawn(BIN, ["site", "-o", "site"], cwd=str(tmp_path), env=env, encoding="utf-8", timeout=120)
    child.expect("Rendering debriefs: [0-9]+ of 240")
    child.expect("Built site/index.html: 240 debriefs.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    # Off a terminal: the summary line only.
    r = subprocess.run([BIN, "site", "-o", "site2"], cwd=str(tmp_path), env=env, capture_output=True, text=True)
    assert r.returncode == 0 and r.stderr == "Built site2/index.html: 240 debriefs.\n", r.stderr
