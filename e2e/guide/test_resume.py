"""`debrief resume [FILE]` continues a stopped draft at its first unanswered step."""
import os
import time

import pytest

from conftest import (
    H, P_CF, P_FACT, P_FEELING, P_FINAL, P_MISTAKE, P_NARR, P_POSITIVE, child_env, items, texts, to_facts,
)


def stop_at_mistakes_client(s, how=":stop"):
    """A draft answered up to and including our side's mistakes; stopped at the client's."""
    to_facts(s)
    s.answers(P_FACT, ["Scope and deadlines were agreed by phone.", ""])
    s.step("facts.client")
    s.answers(P_FACT, ["The materials arrived on Monday.", ""])
    s.step("emotions.us")
    s.answer(P_FEELING, "")
    s.step("emotions.client")
    s.answer(P_FEELING, "")
    s.step("mistakes.us")
    s.answer(P_MISTAKE, "We did not confirm the agreements in writing.")
    s.answer(P_CF, "The Friday deadline would have been binding.")
    s.answer(P_MISTAKE, "")
    s.step("mistakes.client")
    s.expect(P_MISTAKE)
    if how == ":stop":
        s.send(":stop")
        assert s.wait_exit() == (0, None)
    else:
        s.child.sendintr()
        assert s.wait_exit() == (130, None)
    assert s.keys()["progress"] == "sections.mistakes.client"


def first_header(text):
    """The first section header shown in `text` (by the order they appear)."""
    found = [(text.find(h), sid) for sid, h in H.items() if h in text]
    return min(found)[1] if found else None


def test_resume_file_continues_at_the_first_unanswered_step(archive, pty):
    s = pty.new(archive)
    stop_at_mistakes_client(s)
    r = pty.spawn(["resume", s.record], archive)
    r.record = s.record
    r.expect("Continuing " + s.record + " (Client recovery).")
    r.step("mistakes.client")
    r.expect(P_MISTAKE)
    assert first_header(r.transcript) == "mistakes.client", r.transcript
    r.send("We sent our comments on the morning of the event.")
    r.answer(P_CF, "Comments on Monday evening would have left time to fix the deck.")
    r.answer(P_MISTAKE, "")
    r.step("positives")
    r.answer(P_POSITIVE, ":stop")
    assert r.wait_exit() == (0, None)
    d = r.json()
    # what was there before is kept, and the new answers follow it
    assert texts(d, "facts", "us") == ["Scope and deadlines were agreed by phone."]
    assert [(i["text"], i["side"], i["counterfactual"]) for i in items(d, "mistakes")] == [
        ("We did not confirm the agreements in writing.", "us", "The Friday deadline would have been binding."),
        ("We sent our comments on the morning of the event.", "client",
         "Comments on Monday evening would have left time to fix the deck."),
    ]
    assert r.keys()["progress"] == "sections.positives"
    assert d["title"] == "Conference deck for the bank"


def test_resume_after_ctrl_c_in_a_narrative(archive, pty):
    s = pty.new(archive)
    s.step("dialogue")
    s.answers(P_NARR, ["We met in person."])
    s.expect(P_NARR)
    s.child.sendintr()
    assert s.wait_exit() == (130, None)
    r = pty.spawn(["resume", s.record], archive)
    r.record = s.record
    r.step("dialogue")
    r.expect("So far:")
    r.expect("We met in person.")
    r.answers(P_NARR, ["We offered to go through the project together.", ""])
    r.step("summary")
    r.answer(P_NARR, ":stop")
    assert r.wait_exit() == (0, None)
    assert r.json()["sections"]["dialogue"]["text"] == (
        "We met in person.\nWe offered to go through the project together.\n")


def test_resume_without_file_takes_the_most_recent_draft(archive, pty):
    # An older draft (an earlier date), a final debrief, then the draft to continue.
    old = pty.new(archive, title="Old brochure", env=child_env(DEBRIEF_TODAY="2026-10-01"))
    to_facts(old)
    old.answer(P_FACT, ":stop")
    assert old.wait_exit() == (0, None)
    assert old.record == "debriefs/2026-10-01-old-brochure.yml"

    s = pty.new(archive, title="Conference deck for the bank")
    stop_at_mistakes_client(s, how="ctrl-c")

    done = pty.new(archive, title="A finished one")
    done.step("dialogue")
    done.send(":stop")
    done.wait_exit()
    # make it final by hand, as a person may do
    path = archive / done.record
    text = open(path, encoding="utf-8").read().replace("status: draft", "status: final")
    text = "\n".join(l for l in text.splitlines() if not l.startswith("progress:")) + "\n"
    open(path, "w", encoding="utf-8").write(text)
    assert done.keys()["status"] == "final"

    r = pty.spawn(["resume"], archive)
    r.record = s.record
    r.expect("Continuing " + s.record)
    r.step("mistakes.client")
    assert first_header(r.transcript) == "mistakes.client"
    r.answer(P_MISTAKE, "We came to the agency only five days before the event.")
    r.answer(P_CF, "With two weeks' notice there would have been room for a fix.")
    r.answer(P_MISTAKE, ":stop")
    assert r.wait_exit() == (0, None)
    assert texts(r.json(), "mistakes", "client") == ["We came to the agency only five days before the event."]
    assert "mistakes" not in old.json()["sections"]


def test_resume_without_file_same_day_takes_the_latest(archive, pty):
    """Two drafts of the same day: the one worked on last is the most recent,
    whatever the alphabetical order of their titles."""
    first = pty.new(archive, title="Zeppelin launch")
    first.step("dialogue")
    first.answer(P_NARR, ":stop")
    assert first.wait_exit() == (0, None)
    time.sleep(1.1)  # a clearly later modification time
    s = pty.new(archive, title="Conference deck for the bank")
    stop_at_mistakes_client(s)
    assert os.path.getmtime(archive / s.record) > os.path.getmtime(archive / first.record)

    r = pty.spawn(["resume"], archive)
    r.expect("Continuing ")
    r.child.expect(r"(\S+\.yml) \(")
    assert r.child.match.group(1) == s.record, "resumed %s, not the latest draft %s" % (
        r.child.match.group(1), s.record)
    r.step("mistakes.client")
    r.answer(P_MISTAKE, ":stop")
    r.wait_exit()


def test_resume_at_a_named_step(archive, pty):
    s = pty.new(archive)
    stop_at_mistakes_client(s)
    r = pty.spawn(["resume", s.record, "--at", "facts.client"], archive)
    r.record = s.record
    r.step("facts.client")
    r.expect("Already here: 1 item")
    assert first_header(r.transcript) == "facts.client"
    r.answer(P_FACT, ":stop")
    assert r.wait_exit() == (0, None)
    assert r.keys()["progress"] == "sections.facts.client"


def test_resume_without_a_draft(archive, pty):
    r = pty.spawn(["resume"], archive)
    status, sig = r.wait_exit()
    assert status == 66, r.transcript
    assert "no draft" in r.transcript


def test_resume_a_missing_file(archive, pty):
    r = pty.spawn(["resume", "debriefs/2026-11-22-nothing.yml"], archive)
    status, sig = r.wait_exit()
    assert status == 66, r.transcript
    assert "2026-11-22-nothing.yml" in r.transcript


def test_resume_at_an_unknown_step(archive, pty):
    s = pty.new(archive)
    s.step("dialogue")
    s.answer(P_NARR, ":stop")
    s.wait_exit()
    r = pty.spawn(["resume", s.record, "--at", "nosuch"], archive)
    status, sig = r.wait_exit()
    assert status == 64, r.transcript
    assert "nosuch" in r.transcript and "mistakes.client" in r.transcript
    assert "sections.mistakes.client" in r.transcript, "the steps are listed as --at takes them"


RECORD = """debrief: 1
format: %s
title: Conference deck for the bank
date: 2026-11-22
status: draft
progress: %s
locale: en
participants:
- name: Anna Berg
  side: us
sections:
  %s
"""


def draft(archive, progress, fmt="client-recovery", sections="dialogue: |\n    We met in person.\n"):
    name = "debriefs/2026-11-22-conference-deck-for-the-bank.yml"
    (archive / name).write_text(RECORD % (fmt, progress, sections), encoding="utf-8")
    return name


def test_resume_a_draft_saved_with_a_bare_section_id(archive, pty):
    """Drafts written before section steps had the `sections.` prefix resume where they stopped."""
    rec = draft(archive, "mistakes.client")
    r = pty.spawn(["resume", rec], archive)
    r.record = rec
    r.step("mistakes.client")
    assert first_header(r.transcript) == "mistakes.client", r.transcript
    r.answer(P_MISTAKE, ":stop")
    assert r.wait_exit() == (0, None)
    assert r.keys()["progress"] == "sections.mistakes.client"


@pytest.mark.parametrize("at,header,progress", [
    ("sections.mistakes.client", "mistakes.client", "sections.mistakes.client"),
    ("mistakes.client", "mistakes.client", "sections.mistakes.client"),
    ("mistakes", "mistakes.us", "sections.mistakes.us"),
    ("sections.positives", "positives", "sections.positives"),
    ("review", "review", "review"),
])
def test_resume_at_takes_both_forms(archive, pty, at, header, progress):
    rec = draft(archive, "sections.dialogue")
    r = pty.spawn(["resume", rec, "--at", at], archive)
    r.record = rec
    r.step(header)
    assert first_header(r.transcript) == header, r.transcript
    if header == "review":
        r.expect(P_FINAL)
    r.send(":stop")
    assert r.wait_exit() == (0, None)
    assert r.keys()["progress"] == progress


COLLIDING = """format: colliding
name: Colliding ids
summary: Sections named like the guide's own steps.
sections:
  - id: review
    kind: list
    title: Review of the work
    prompt: What did the review find?
  - id: client
    kind: facts
    title: About the client
    prompt: What happened on the client's end?
    per-side: true
  - id: title
    kind: lessons
    title: Title lessons
    prompt: What did the title teach us?
"""


def test_sections_named_like_header_steps(archive, pty):
    """A format's sections called review, client and title are asked as sections,
    and the real review still comes at the end."""
    (archive / "formats").mkdir(exist_ok=True)
    (archive / "formats" / "colliding.yml").write_text(COLLIDING, encoding="utf-8")
    rec = draft(archive, "participants.client", fmt="colliding", sections="{}")
    bad = pty.spawn(["resume", rec, "--at", "sections.nosuch"], archive)
    assert bad.wait_exit()[0] == 64, bad.transcript
    assert "sections.review, sections.client.us, sections.client.client, sections.title, review" in bad.transcript

    r = pty.spawn(["resume", rec, "--at", "sections.review"], archive)
    r.record = rec
    r.expect("Review of the work")
    r.answers("  item › ", ["The review found two typos.", ""])
    r.expect("About the client — our side")
    r.answers("  fact › ", ["Our deck was late on Friday.", ""])
    r.expect("About the client — the client's side")
    r.answers("  fact › ", ["Their materials arrived on Monday.", ""])
    r.expect("Title lessons")
    r.answers("  lesson › ", ["We confirm deadlines in writing from now on.", ""])
    r.answer(P_FINAL, "n")
    assert r.wait_exit() == (0, None)
    d = r.json()
    assert texts(d, "review") == ["The review found two typos."]
    assert [(i["text"], i["side"]) for i in items(d, "client")] == [
        ("Our deck was late on Friday.", "us"), ("Their materials arrived on Monday.", "client")]
    assert texts(d, "title") == ["We confirm deadlines in writing from now on."]
    assert d["title"] == "Conference deck for the bank"
    keys = r.keys()
    assert keys["status"] == "draft" and keys["progress"] == "review"
    assert "client" not in keys, "the client header was not asked"
