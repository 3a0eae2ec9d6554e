"""Piped input (no terminal) and colour in a terminal (unless NO_COLOR)."""
import re

from conftest import (
    P_CLIENT, P_FACT, P_PROJECT, child_env, items, render_json, run, texts, to_facts, top_keys,
)

PIPED = "\n".join([
    "Conference deck for the bank",   # Title
    "Big Bank",                       # Client
    "Deck rework",                    # Project
    "",                               # Date: today
    "Anna Berg, account lead", "",    # our team
    "Marketing director", "",         # client
    "We met the marketing director in person.", "",   # dialogue
    "",                               # summary
    "2026-10-01 11:00 The bank asks us to rework some slides.", "",  # timeline
    "Scope and deadlines were agreed by phone. #agreements",         # facts.us
    "The fixed version was ready at 8:30.",
]) + "\n"                             # ... and the input ends here


def record_from(out):
    m = re.search(r"Saving to (\S+\.yml) after every answer", out)
    assert m, out
    return m.group(1)


def test_piped_session_saves_a_draft_without_escape_codes(archive):
    r = run(["new"], archive, input=PIPED)
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout and "\x1b" not in r.stderr
    assert "End of input: this is a draft." in r.stdout
    rec = record_from(r.stdout)
    assert "debrief resume " + rec in r.stdout
    d = render_json(archive, rec)
    assert d["title"] == "Conference deck for the bank"
    assert d["client"] == "Big Bank"
    assert d["date"] == "2026-11-22"
    assert [(p["name"], p["side"]) for p in d["participants"]] == [("Anna Berg", "us"), ("Marketing director", "client")]
    assert d["sections"]["dialogue"]["text"] == "We met the marketing director in person.\n"
    assert [(i["at"], i["text"]) for i in items(d, "timeline")] == [
        ("2026-10-01 11:00", "The bank asks us to rework some slides.")]
    assert texts(d, "facts", "us") == ["Scope and deadlines were agreed by phone.", "The fixed version was ready at 8:30."]
    keys = top_keys(archive / rec)
    assert keys["status"] == "draft"
    assert keys["progress"] == "sections.facts.us"


def test_piped_session_with_windows_line_endings(archive):
    r = run(["new"], archive, input=PIPED.replace("\n", "\r\n"))
    assert r.returncode == 0, r.stderr
    rec = record_from(r.stdout)
    d = render_json(archive, rec)
    assert d["title"] == "Conference deck for the bank"
    assert d["client"] == "Big Bank"
    assert texts(d, "facts", "us")[-1] == "The fixed version was ready at 8:30."


def test_piped_session_to_the_end(archive):
    lines = PIPED.splitlines() + [""]                    # end of facts.us
    lines += ["The materials arrived on Monday.", ""]    # facts.client
    lines += ["", ""]                                    # emotions
    lines += ["We did not confirm the agreements in writing.", "The deadline would have been binding.", "", ""]
    lines += ["", "", "", "", ""]                        # positives, differently x2, lessons, remedies
    lines += ["", ""]                                    # follow-up accepted, no more actions
    lines += [""]                                        # outcome
    lines += ["y"]                                       # final
    r = run(["new"], archive, input="\n".join(lines) + "\n")
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout
    rec = record_from(r.stdout)
    assert "Saved as final: " + rec in r.stdout
    keys = top_keys(archive / rec)
    assert keys["status"] == "final" and "progress" not in keys
    d = render_json(archive, rec)
    assert [(i["text"], i["counterfactual"]) for i in items(d, "mistakes")] == [
        ("We did not confirm the agreements in writing.", "The deadline would have been binding.")]
    (follow,) = items(d, "actions")
    assert (follow["due"], follow["tags"], follow["owner"]) == ("2026-12-22", ["follow-up"], "Anna Berg")


def drive_a_little(s):
    s.expect(P_CLIENT)
    s.send("Big Bank")
    s.answer(P_PROJECT, "")
    s.answer("Date [2026-11-22]: ", "")
    s.answers("  our team › ", ["Anna Berg", ""])
    s.answers("  client › ", ["Marketing director", ""])
    to_facts(s)
    s.answer(P_FACT, "We did not confirm in writing. #agreements")
    s.answer(P_FACT, ":list")
    s.expect("1. We did not confirm in writing.")
    s.answer(P_FACT, "?")
    s.expect("One answer per line")
    s.answer(P_FACT, ":stop")
    assert s.wait_exit() == (0, None)


def test_colour_in_a_terminal(archive, pty):
    s = pty.spawn(["new", "Deck for the bank"], archive)
    s.expect("\x1b[1mClient\x1b[0m")
    drive_a_little(s)
    out = s.transcript
    assert "\x1b[1;36mFacts — our side\x1b[0m" in out
    assert "\x1b[2m" in out


def test_no_color_in_a_terminal(archive, pty):
    s = pty.spawn(["new", "Deck for the bank"], archive, env=child_env(NO_COLOR="1"))
    drive_a_little(s)
    out = s.transcript
    assert "Facts — our side" in out
    assert "\x1b" not in out, repr(out[max(0, out.find("\x1b") - 80):out.find("\x1b") + 20])


def test_dumb_terminal_has_no_colour(archive, pty):
    s = pty.spawn(["new", "Deck for the bank"], archive, env=child_env(TERM="dumb"))
    drive_a_little(s)
    assert "\x1b[1;36m" not in s.transcript
