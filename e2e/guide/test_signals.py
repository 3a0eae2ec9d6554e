"""Ctrl-C, SIGTERM, SIGHUP and a closed terminal in the middle of a list: the
draft keeps every answer given, the tool says where it is and how to resume,
and exits 130."""
import os
import signal
import time

import pytest

from conftest import P_CF, P_FACT, P_FEELING, P_MISTAKE, items, run, texts, to_facts

US_FACTS = ["The request came on a Thursday for an event on the following Tuesday.",
            "Scope and deadlines were agreed by phone. #agreements"]
CLIENT_FACTS = ["The materials were promised for Friday and arrived on Monday."]
HALF_TYPED = "The comments came at 7:40 on the morn"


def drive_to_mid_list(s):
    to_facts(s)
    s.answers(P_FACT, US_FACTS + [""])
    s.step("facts.client")
    s.answers(P_FACT, CLIENT_FACTS)
    s.expect(P_FACT)
    s.child.send(HALF_TYPED)        # typed but not entered
    s.expect(HALF_TYPED)            # echoed by libedit
    time.sleep(0.05)


def check_draft(s):
    d = s.json()
    assert texts(d, "facts", "us") == [US_FACTS[0], "Scope and deadlines were agreed by phone."]
    assert items(d, "facts", "us")[1]["tags"] == ["agreements"]
    assert texts(d, "facts", "client") == CLIENT_FACTS
    assert not any(HALF_TYPED in t for t in texts(d, "facts")), "the line being typed is not an answer"
    assert [p["name"] for p in d["participants"]] == [
        "Anna Berg", "Tamás Kovács", "Marketing director", "Event coordinator"]
    keys = s.keys()
    assert keys["status"] == "draft"
    assert keys["progress"] == "sections.facts.client"


def check_message(s, out):
    assert "Interrupted." in out
    assert "The draft is saved: " + s.record in out
    assert "debrief resume " + s.record in out


@pytest.mark.parametrize("how", ["ctrl-c", "SIGINT", "SIGTERM", "SIGHUP"])
def test_signal_mid_list_keeps_the_draft(archive, pty, how):
    s = pty.new(archive)
    drive_to_mid_list(s)
    m = s.mark()
    if how == "ctrl-c":
        s.child.sendintr()          # the terminal's interrupt character, as a person types it
    else:
        s.kill(getattr(signal, how))
    status, sig = s.wait_exit()
    assert (status, sig) == (130, None), "exit status %r, killed by signal %r" % (status, sig)
    check_message(s, s.since(m))
    check_draft(s)


def test_ctrl_c_at_the_counterfactual_keeps_the_mistake(archive, pty):
    s = pty.new(archive)
    to_facts(s)
    s.answer(P_FACT, "")
    s.step("facts.client")
    s.answer(P_FACT, "")
    s.step("emotions.us")
    s.answer(P_FEELING, "")
    s.step("emotions.client")
    s.answer(P_FEELING, "")
    s.step("mistakes.us")
    s.answer(P_MISTAKE, "We did not confirm the agreements in writing.")
    s.expect(P_CF)
    s.child.sendcontrol("c")
    status, sig = s.wait_exit()
    assert (status, sig) == (130, None)
    check_message(s, s.transcript)
    d = s.json()
    assert texts(d, "mistakes", "us") == ["We did not confirm the agreements in writing."]


def test_closed_terminal_keeps_the_draft(archive, pty):
    """The terminal goes away (the pty's master side is closed): the kernel sends SIGHUP."""
    s = pty.new(archive)
    drive_to_mid_list(s)
    pid = s.child.pid
    os.close(s.child.child_fd)       # hang up
    deadline = time.time() + 10
    status = None
    while time.time() < deadline:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            break
        time.sleep(0.02)
    s.child.closed = True
    s.child.ptyproc.closed = True
    s.child.ptyproc.terminated = True
    assert status is not None, "the process kept running after its terminal closed"
    if os.WIFSIGNALED(status):
        pytest.fail("killed by signal %d instead of exiting 130" % os.WTERMSIG(status))
    assert os.WEXITSTATUS(status) == 130
    check_draft(s)


def test_ctrl_c_before_the_title_saves_nothing(archive, pty):
    s = pty.spawn(["new"], archive)
    s.expect("Title: ")
    s.child.sendintr()
    status, sig = s.wait_exit()
    assert (status, sig) == (130, None)
    assert "Interrupted before anything was saved." in s.transcript
    assert os.listdir(archive / "debriefs") == []


def test_ctrl_d_ends_input_and_keeps_a_draft(archive, pty):
    s = pty.new(archive)
    to_facts(s)
    s.answer(P_FACT, US_FACTS[0])
    s.expect(P_FACT)
    s.child.sendeof()
    s.expect("End of input: this is a draft.")
    status, sig = s.wait_exit()
    assert (status, sig) == (0, None)
    assert texts(s.json(), "facts", "us") == [US_FACTS[0]]
    assert s.keys()["progress"] == "sections.facts.us"


def test_resume_hint_works(archive, pty):
    """The command printed after Ctrl-C continues the draft where it stopped."""
    s = pty.new(archive)
    drive_to_mid_list(s)
    s.child.sendintr()
    s.wait_exit()
    line = [l for l in s.transcript.splitlines() if "debrief resume " in l][-1]
    args = line.split("debrief ", 1)[1].split()
    r = pty.spawn(args, archive)
    r.record = s.record
    r.expect("Continuing " + s.record)
    r.step("facts.client")
    r.expect("Already here: 1 item")
    r.answer(P_FACT, "The comments came at 7:40 on the morning of the event.")
    r.answer(P_FACT, ":stop")
    assert r.wait_exit() == (0, None)
    assert texts(r.json(), "facts", "client") == CLIENT_FACTS + [
        "The comments came at 7:40 on the morning of the event."]
    assert r.keys()["progress"] == "sections.facts.client"
    assert run(["render", s.record, "--to", "md"], archive).returncode == 0
