"""The keep / rephrase / move question in the pty: one key, no Enter; asked again on
anything else; nothing typed after the key is lost; commands after ':'; the terminal
gets its modes back whatever ends the process; piped input is coached but not asked."""
import signal
import termios
import time

import pexpect
import pytest

from conftest import P_COACH, P_FACT, P_REPHRASE, items, record_path_from, render_json, run, texts, to_facts

FEELING = "The client was furious about the delay!"


def at_the_choice(pty, archive, text=FEELING):
    s = pty.new(archive)
    s.auto_keep = False
    to_facts(s)
    s.answer(P_FACT, text)
    s.child.expect(P_COACH)
    return s


def test_one_key_without_enter_and_asked_again_on_anything_else(archive, pty):
    s = at_the_choice(pty, archive)
    s.key("x")                                   # not a choice: asked again
    s.expect("Press k, r or m (one key, no Enter)")
    s.child.expect(P_COACH)
    s.key("?")                                   # help, then asked again
    s.expect("k keeps the item as typed")
    s.child.expect(P_COACH)
    s.key("\r")                                  # Enter alone is not a choice either
    s.expect("Press k, r or m")
    s.child.expect(P_COACH)
    m = s.mark()
    s.key("\x1b[A")                              # an arrow key is one key, not three
    s.expect("Press k, r or m")
    s.child.expect(P_COACH)
    assert s.since(m).count("Press k, r or m") == 1
    s.key("k")                                   # no Enter: the next prompt comes at once
    s.expect(P_FACT)
    s.send(":stop")
    assert s.wait_exit() == (0, None)
    assert texts(s.json(), "facts", "us") == [FEELING]


def test_the_next_item_typed_straight_after_the_key_is_kept(archive, pty):
    s = at_the_choice(pty, archive)
    s.child.send("kThe materials came on Monday.\r")      # the key and the next item in one go
    s.expect(P_FACT)
    s.answer(P_FACT, "They never read our emails.")
    s.child.expect(P_COACH)
    s.child.send("k\r")                                     # an Enter by habit right after the key ...
    s.expect(P_FACT)
    time.sleep(0.4)
    s.send("Scope was agreed by phone.")                   # ... does not end the step: this is still our side
    s.expect(P_FACT)
    s.send(":stop")
    assert s.wait_exit() == (0, None)
    assert texts(s.json(), "facts", "us") == [
        FEELING, "The materials came on Monday.", "They never read our emails.", "Scope was agreed by phone."]


def test_commands_after_a_colon_at_the_choice(archive, pty):
    s = at_the_choice(pty, archive)
    s.key(":")
    s.expect("  :")
    s.send("list")
    s.expect("1. " + FEELING)
    s.child.expect(P_COACH)
    s.key(":")
    s.send("frobnicate")
    s.expect("unknown command: :frobnicate (type ? for the commands)")
    s.child.expect(P_COACH)
    s.key(":")
    s.send("undo")
    s.expect("removed: " + FEELING)
    s.answer(P_FACT, "They were furious again!")
    s.child.expect(P_COACH)
    s.key(":")
    s.send("stop")
    s.expect("Stopped.")
    assert s.wait_exit() == (0, None)
    assert texts(s.json(), "facts", "us") == ["They were furious again!"]


def test_rephrase_takes_quick_entry(archive, pty):
    s = at_the_choice(pty, archive, "Mistakes were made, they never read our emails.")
    s.key("r")
    s.expect(P_REPHRASE)
    s.child.send("\x15" + "Our emails of Friday went unanswered until Monday. #internal #emails\r")
    s.expect(P_FACT)
    s.send(":stop")
    assert s.wait_exit() == (0, None)
    (fact,) = items(s.json(), "facts", "us")
    assert (fact["text"], fact["internal"], fact["tags"]) == (
        "Our emails of Friday went unanswered until Monday.", True, ["emails"])


def modes(s):
    lflag = termios.tcgetattr(s.child.child_fd)[3]
    return bool(lflag & termios.ICANON), bool(lflag & termios.ECHO)


@pytest.mark.parametrize("how", ["ctrl-c", "SIGTERM", "SIGHUP", "key"])
def test_terminal_modes_come_back(archive, pty, how):
    """The key is read in raw mode; the terminal is back in its usual modes afterwards, also
    when a signal ends the process at the question (the item is saved, exit 130)."""
    s = at_the_choice(pty, archive)
    time.sleep(0.2)
    assert modes(s) == (False, False), "the question reads one key in raw mode"
    if how == "ctrl-c":
        s.child.sendintr()
    elif how == "key":
        s.key("k")
        s.answer(P_FACT, ":stop")
    else:
        s.kill(getattr(signal, how))
    s.child.expect(pexpect.EOF)
    assert modes(s) == (True, True), "the terminal was left in raw mode"
    s.child.close()
    assert (s.child.exitstatus, s.child.signalstatus) == ((0 if how == "key" else 130), None)
    assert texts(s.json(), "facts", "us") == [FEELING]


PIPED = "\n".join([
    "Conference deck for the bank", "Big Bank", "", "",
    "Anna Berg", "", "Marketing director", "",
    "", "", "",                                  # dialogue, summary, timeline
    FEELING,                                     # coached, not asked
    "The materials came on Monday.",
    "",
    "Their comments came on Tuesday morning.",   # facts.client
]) + "\n"


def test_piped_input_is_coached_but_not_asked(archive):
    r = run(["new"], archive, input=PIPED)
    assert r.returncode == 0, r.stderr
    assert "[fact-not-feeling]" in r.stdout
    assert "kept as typed" in r.stdout
    assert "[k]eep" not in r.stdout
    rec = record_path_from(r.stdout)
    d = render_json(archive, rec)
    assert texts(d, "facts", "us") == [FEELING, "The materials came on Monday."]
    assert texts(d, "facts", "client") == ["Their comments came on Tuesday morning."]
