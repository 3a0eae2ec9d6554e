"""The follow-up step in the pty: the proposed 30-day follow-up (accepted, typed
over, dropped), quick entry in the guide, a due date it cannot read, and the review."""
from conftest import P_ACTION, P_FINAL, P_FOLLOWUP, P_NARR, items, top_keys

RECORD = """debrief: 1
format: client-recovery
title: Conference deck for the bank
date: 2026-11-22
status: draft
progress: actions
client: Big Bank
locale: en
participants:
- name: Anna Berg
  side: us
- name: Tamás Kovács
  side: us
- name: Marketing director
  side: client
sections:
  dialogue: |
    We met the marketing director in person.
"""


def at_actions(archive, pty):
    rec = "debriefs/2026-11-22-conference-deck-for-the-bank.yml"
    (archive / rec).write_text(RECORD, encoding="utf-8")
    s = pty.spawn(["resume", rec], archive)
    s.record = rec
    s.step("actions")
    s.expect("A follow-up with the client, about 30 days from now:")
    s.expect("Contact Marketing director to ask how things are going since the problem was solved. — Anna Berg,")
    s.expect("due 2026-12-22")
    return s


def test_follow_up_typed_over_takes_quick_entry(archive, pty):
    s = at_actions(archive, pty)
    s.answer(P_FOLLOWUP, "Call the marketing director to ask how the next event went @Tamás")
    s.answer(P_ACTION, "Send the written confirmation template to the team @anna due:someday #agreements")
    s.expect("Could not read the due date 'someday'.")
    s.answer("  due (YYYY-MM-DD, +30d, +2w, or empty for none): ", "+2w")
    s.answer(P_ACTION, "Book the rota meeting @Anna due:2026-12-01 #internal")
    s.answer(P_ACTION, "")
    s.step("outcome")
    s.answer(P_NARR, ":stop")
    assert s.wait_exit() == (0, None)
    acts = items(s.json(), "actions")
    got = [(a["text"], a["owner"], a["due"], a["tags"], a["internal"]) for a in acts]
    assert got == [
        ("Call the marketing director to ask how the next event went", "Tamás Kovács", "2026-12-22",
         ["follow-up"], False),
        ("Send the written confirmation template to the team", "Anna Berg", "2026-12-06", ["agreements"], False),
        ("Book the rota meeting", "Anna Berg", "2026-12-01", [], True),
    ]


def test_follow_up_dropped_and_review_not_final(archive, pty):
    s = at_actions(archive, pty)
    s.answer(P_FOLLOWUP, "-")
    s.expect("no follow-up proposed")
    s.answer(P_ACTION, "")
    s.step("outcome")
    s.answer(P_NARR, "")
    s.step("review")
    s.expect("Still missing:")
    s.answer(P_FINAL, "")            # Enter: not final
    s.expect("Saved as a draft: " + s.record)
    assert s.wait_exit() == (0, None)
    assert "actions" not in s.json()["sections"]
    keys = top_keys(archive / s.record)
    assert keys["status"] == "draft"
    assert keys["progress"] == "review"


def test_follow_up_not_proposed_twice(archive, pty):
    s = at_actions(archive, pty)
    s.answer(P_FOLLOWUP, "")
    s.expect("follow-up added")
    s.answer(P_ACTION, ":back")
    s.step("remedies")
    s.answer("  option › ", "")
    s.step("actions")
    s.expect("Already here: 1 item")
    s.expect(P_ACTION)
    assert "about 30 days from now" not in s.transcript.split("Already here: 1 item")[-1]
    s.send(":stop")
    assert s.wait_exit() == (0, None)
    (follow,) = items(s.json(), "actions")
    assert (follow["due"], follow["tags"], follow["owner"]) == ("2026-12-22", ["follow-up"], "Anna Berg")
