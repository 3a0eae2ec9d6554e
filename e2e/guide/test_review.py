"""The review in the pty: the final question's commands, confirming final when a check
reports an error, and the closing "Next:" block fitted to the terminal's width."""
import re

import pytest

from conftest import P_FINAL, top_keys

REC = "debriefs/2026-11-22-conference-deck-for-the-bank.yml"
RECORD = """debrief: 1
format: client-recovery
title: Conference deck for the bank
date: 2026-11-22
status: draft
progress: review
client: Big Bank
locale: en
participants:
- name: Anna Berg
  side: us
- name: Marketing director
  side: client
sections:
  dialogue: |
    We met the marketing director in person.
  actions:
  - text: Send the written confirmation template to the team.
    due: 2026-12-06
"""


def at_review(archive, pty, dimensions=(50, 200)):
    (archive / REC).write_text(RECORD, encoding="utf-8")
    s = pty.spawn(["resume", REC], archive, dimensions=dimensions)
    s.record = REC
    s.step("review")
    return s


def test_final_with_an_error_asks_to_confirm_and_names_it(archive, pty):
    s = at_review(archive, pty)
    s.expect("1 item")
    m = s.mark()
    s.answer(P_FINAL, "?")
    s.expect(P_FINAL)
    assert "y marks the debrief final" in s.since(m)
    s.send("y")
    s.expect("The checks report an error:")
    s.expect("[action-owned] Follow-up, item 1: this action has no owner")
    s.answer("Mark it final anyway? [y/N] ", "")
    s.expect("Saved as a draft: " + REC)
    assert s.wait_exit() == (0, None)
    assert top_keys(archive / REC)["status"] == "draft"

    s = pty.spawn(["resume", REC], archive)
    s.record = REC
    s.answer(P_FINAL, "y")
    s.answer("Mark it final anyway? [y/N] ", "y")
    s.expect("Saved as final: " + REC)
    assert s.wait_exit() == (0, None)
    assert top_keys(archive / REC)["status"] == "final"


def next_block(s):
    s.answer(P_FINAL, "n")
    s.expect("Saved as a draft")
    assert s.wait_exit() == (0, None)
    out = s.transcript.replace("\r\n", "\n")
    block = out.split("Next:", 1)[1]
    block = re.sub(r"\x1b\[[0-9;]*m", "", block)
    return [l for l in block.split("\n")[1:] if l.strip()]


@pytest.mark.parametrize("width", [200, 80, 60])
def test_next_block_fits_the_terminal(archive, pty, width):
    s = at_review(archive, pty, dimensions=(50, width))
    lines = next_block(s)
    assert lines, s.transcript[-800:]
    # within the width, but for a single word too long for any line (a file's path)
    assert all(len(l) <= width or len(l.split()) == 1 for l in lines), "\n".join(lines)
    commands = [l for l in lines if l.strip().startswith("debrief ")]
    assert len(commands) == 4, lines
    if width >= 200:
        # one line per command, the purposes in one column
        assert len(lines) == 4
        assert len({l.index("  # ") for l in lines}) == 1, "\n".join(lines)
    else:
        # the purpose as a comment above each command
        assert [l.strip() for l in lines if l.strip().startswith("#")] == [
            "# what a facilitator would point out", "# the team's report", "# for the client",
            "# a draft letter to the client"]
    # every command reads back whole once its continuation lines are joined
    joined = re.sub(r" \\\n\s+", " ", "\n".join(lines))
    assert "debrief render %s --to html --audience client -o %s.client.html" % (REC, REC[:-4]) in joined
