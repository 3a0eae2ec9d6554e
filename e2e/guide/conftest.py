"""Shared helpers for the pty tests of the guide (`debrief new`, `resume`, `add`).

Every test runs in its own temporary folder made an archive with `debrief init`.
The binary comes from $DEBRIEF_BIN (default: the debug build). Records are read
back with the tool itself (`debrief render FILE --to json`), plus the record
file's top-level `status:` and `progress:` lines (no YAML library needed).
"""
import errno
import io
import json
import os
import re
import subprocess
import time

import pexpect
import pytest

BIN = os.environ.get("DEBRIEF_BIN", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".build", "debug", "debrief"))
TODAY = "2026-11-22"
TIMEOUT = 10  # seconds for any one expected prompt

# Every step of the client-recovery format, in the guide's order, as saved in
# `progress:` (section steps are `sections.ID` or `sections.ID.SIDE`).
STEPS = [
    "title", "client", "project", "date", "participants.us", "participants.client",
    "sections.dialogue", "sections.summary", "sections.timeline", "sections.facts.us", "sections.facts.client",
    "sections.emotions.us", "sections.emotions.client", "sections.mistakes.us", "sections.mistakes.client",
    "sections.positives", "sections.differently.us", "sections.differently.client", "sections.lessons",
    "sections.remedies", "sections.actions", "sections.outcome", "review",
]

# The prompts the guide prints (Sources/DebriefGuide/Guide.swift, Sources/debrief/GuideCommands.swift).
P_TITLE = "Title: "
P_CLIENT = "Client: "
P_PROJECT = "Project: "
P_DATE = "Date [%s]: " % TODAY
P_US = "  our team › "
P_THEM = "  client › "
P_NARR = "  › "
P_TIMELINE = "  event › "
P_FACT = "  fact › "
P_FEELING = "  feeling › "
P_MISTAKE = "  mistake › "
P_CF = "    had it gone the other way, what would have been different? › "
P_POSITIVE = "  positive › "
P_DIFF = "  differently › "
P_LESSON = "  lesson › "
P_OPTION = "  option › "
P_FOLLOWUP = "  follow-up › "
P_ACTION = "  action › "
P_FINAL = "Is this debrief final? [y/N] "
# The coaching question after an item a facilitator would remark on.
P_COACH = re.compile(r"\[k\]eep, \[r\]ephrase(, \[m\]ove to emotions)?\? ")
P_REPHRASE = "  rephrase › "

# Section headers (the format's titles, " — our side" / " — the client's side" per side).
H = {
    "dialogue": "Start a dialogue",
    "summary": "How each side saw it",
    "timeline": "What happened, when",
    "facts.us": "Facts — our side",
    "facts.client": "Facts — the client's side",
    "emotions.us": "Emotions — our side",
    "emotions.client": "Emotions — the client's side",
    "mistakes.us": "Mistakes — our side",
    "mistakes.client": "Mistakes — the client's side",
    "positives": "What went well",
    "differently.us": "What could have been done differently — our side",
    "differently.client": "What could have been done differently — the client's side",
    "lessons": "Lessons learned",
    "remedies": "Options for the client",
    "actions": "Follow-up",
    "outcome": "Sum-up",
    "review": "Review",
}


def child_env(**extra):
    """The environment for the tool: reproducible date, xterm, UTF-8 locale, colour on."""
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env.update(TERM="xterm", LANG="C.UTF-8", LC_ALL="C.UTF-8", DEBRIEF_TODAY=TODAY)
    for k, v in extra.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def _binary_trouble(e):
    return isinstance(e, OSError) and e.errno in (errno.ETXTBSY, errno.ENOENT, errno.EACCES, errno.ENOEXEC)


def _with_binary_retry(fn, attempts=4):
    """Another engineer rebuilds the binary now and then: on "text file busy" or
    a missing binary, wait 30 s and try again."""
    for n in range(attempts):
        try:
            if not os.access(BIN, os.X_OK):
                raise OSError(errno.ENOENT, "binary missing", BIN)
            return fn()
        except (OSError, pexpect.ExceptionPexpect) as e:
            if n == attempts - 1 or not (_binary_trouble(e) or "busy" in str(e).lower()
                                         or "no such file" in str(e).lower()):
                raise
            time.sleep(30)


def run(args, cwd, input=None, env=None, timeout=30):
    """Runs the tool without a terminal; returns CompletedProcess with text output."""
    env = env or child_env()

    def go():
        return subprocess.run([BIN] + list(args), cwd=str(cwd), input=input, env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    return _with_binary_retry(go)


def record_path_from(out):
    """The record a `debrief new` without a terminal wrote to ("Saving to FILE after every answer")."""
    m = re.search(r"Saving to (\S+\.yml) after every answer", out)
    assert m, out
    return m.group(1)


def init_archive(path):
    path.mkdir(parents=True, exist_ok=True)
    r = run(["init"], path)
    assert r.returncode == 0, r.stderr
    assert (path / "debrief.yml").exists()
    return path


def render_json(cwd, record):
    """The record as the tool sees it (team audience); fails the test when it does not load."""
    r = run(["render", str(record), "--to", "json"], cwd)
    assert r.returncode == 0, "render %s failed (exit %d): %s" % (record, r.returncode, r.stderr)
    return json.loads(r.stdout)


def top_keys(path):
    """Top-level `key: value` scalars of a record file (for status and progress)."""
    out = {}
    for line in open(path, encoding="utf-8").read().splitlines():
        m = re.match(r"^([A-Za-z_][\w-]*):\s*(.*?)\s*$", line)
        if m:
            v = m.group(2)
            if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
                v = v[1:-1]
            out[m.group(1)] = v
    return out


def items(doc, section, side="any"):
    sec = doc["sections"].get(section)
    if not sec:
        return []
    its = sec.get("items", [])
    if side == "any":
        return its
    return [i for i in its if i.get("side") == side]


def texts(doc, section, side="any"):
    return [i["text"] for i in items(doc, section, side)]


class Session:
    """A guide process on a pseudo-terminal, with a transcript of everything it printed."""

    def __init__(self, child, cwd):
        self.child = child
        self.cwd = cwd
        self.record = None  # path relative to cwd, once known
        self.coached = []   # coaching notes answered with "keep" on the way
        self.auto_keep = True

    # transcript --------------------------------------------------------------
    @property
    def transcript(self):
        return self.child.logfile_read.getvalue()

    def mark(self):
        return len(self.transcript)

    def since(self, mark):
        return self.transcript[mark:]

    # driving -----------------------------------------------------------------
    def expect(self, text, timeout=TIMEOUT):
        """Waits for `text`. A coaching question met on the way (the guide's
        remark on an item just typed) is answered with the one key "k" (keep the
        item as typed, no Enter) unless auto_keep is off, and noted in `coached`."""
        try:
            while True:
                if not self.auto_keep:
                    self.child.expect_exact(text, timeout=timeout)
                    return
                i = self.child.expect([re.compile(re.escape(text)), P_COACH], timeout=timeout)
                if i == 0:
                    return
                note = [l for l in self.child.before.splitlines() if "! [" in l]
                self.coached.append(note[-1].strip() if note else "?")
                self.child.send("k")
        except (pexpect.TIMEOUT, pexpect.EOF) as e:
            tail = self.transcript[-1500:]
            raise AssertionError("expected %r on the screen; %s. Last output:\n%s"
                                 % (text, type(e).__name__, tail)) from None

    def send(self, line):
        self.child.sendline(line)

    def key(self, k):
        """Presses one key (no Enter), as at the keep / rephrase / move question."""
        self.child.send(k)

    def answer(self, prompt, line):
        self.expect(prompt)
        self.send(line)

    def answers(self, prompt, lines):
        for line in lines:
            self.answer(prompt, line)

    def step(self, step_id):
        """Waits for a section's header (e.g. "Facts — our side")."""
        self.expect(H[step_id])

    def expect_record_path(self):
        self.expect("Saving to ")
        try:
            self.child.expect(r"(\S+\.yml) after every answer", timeout=TIMEOUT)
        except pexpect.TIMEOUT:
            raise AssertionError("no 'Saving to FILE' line:\n" + self.transcript[-1000:])
        self.record = self.child.match.group(1)
        return self.record

    def wait_exit(self, timeout=TIMEOUT):
        try:
            self.child.expect(pexpect.EOF, timeout=timeout)
        except pexpect.TIMEOUT:
            raise AssertionError("the process did not end:\n" + self.transcript[-1500:])
        self.child.close()
        return self.child.exitstatus, self.child.signalstatus

    def kill(self, sig):
        os.kill(self.child.pid, sig)

    def close(self):
        if self.child.isalive():
            self.child.close(force=True)

    # reading back ---------------------------------------------------------------
    def json(self):
        return render_json(self.cwd, self.record)

    def keys(self):
        return top_keys(os.path.join(str(self.cwd), self.record))


def spawn(args, cwd, env=None, dimensions=(50, 200)):
    """Starts the tool on a fresh pseudo-terminal."""
    env = env or child_env()

    def go():
        return pexpect.spawn(BIN, list(args), cwd=str(cwd), env=env, encoding="utf-8",
                             codec_errors="replace", timeout=TIMEOUT, dimensions=dimensions)
    child = _with_binary_retry(go)
    child.logfile_read = io.StringIO()
    child.delaybeforesend = None
    return Session(child, cwd)


def start_new(cwd, title="Conference deck for the bank", client="Big Bank",
              project="Deck rework for the autumn conference",
              us=("Anna Berg, account lead", "Tamás Kovács, designer"),
              them=("Marketing director", "Event coordinator"), env=None, spawner=None):
    """`debrief new` answered up to and including the participants; the guide is
    about to show the first section (Start a dialogue)."""
    s = (spawner or spawn)(["new"], cwd, env=env)
    s.answer(P_TITLE, title)
    s.expect_record_path()
    s.answer(P_CLIENT, client)
    s.answer(P_PROJECT, project)
    s.expect("Date [")          # today's date, whatever DEBRIEF_TODAY says
    s.answer("]: ", "")
    s.answers(P_US, list(us) + [""])
    s.answers(P_THEM, list(them) + [""])
    return s


def to_facts(s):
    """From the first section to the first prompt of Facts — our side (not yet answered)."""
    s.step("dialogue")
    s.answer(P_NARR, "")
    s.step("summary")
    s.answer(P_NARR, "")
    s.step("timeline")
    s.answer(P_TIMELINE, "")
    s.step("facts.us")


@pytest.fixture
def archive(tmp_path):
    """A fresh archive (after `debrief init`) in the test's own folder."""
    return init_archive(tmp_path / "archive")


class Sessions:
    """Spawns sessions for a test and ends any still running when the test ends."""

    def __init__(self):
        self.started = []

    def spawn(self, *a, **kw):
        s = spawn(*a, **kw)
        self.started.append(s)
        return s

    def new(self, cwd, **kw):
        return start_new(cwd, spawner=self.spawn, **kw)


@pytest.fixture
def pty():
    reg = Sessions()
    yield reg
    for s in reg.started:
        s.close()
