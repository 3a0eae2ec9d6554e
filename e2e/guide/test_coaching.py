"""Coaching while typing, in the pty: a fact that reads as a feeling, a mistake
not owned; the person keeps, moves or rephrases the item."""
import time

from conftest import (
    P_CF, P_COACH, P_FACT, P_FEELING, P_MISTAKE, P_REPHRASE, items, texts, to_facts,
)

FEELING_FACT = "The client was furious about the delay!"
NOT_OWNED = "Mistakes were made."


def test_keep_move_and_rephrase(archive, pty):
    s = pty.new(archive)
    s.auto_keep = False
    to_facts(s)
    s.answer(P_FACT, "")
    s.step("facts.client")
    # move: the fact goes to the client's emotions
    s.answer(P_FACT, FEELING_FACT)
    s.expect("[fact-not-feeling]")
    s.child.expect(P_COACH)
    assert "[m]ove to emotions" in s.child.after
    s.key("m")
    s.expect("moved to Emotions")
    # keep: the fact stays as typed
    s.answer(P_FACT, "As usual, the materials came late.")
    s.child.expect(P_COACH)
    s.key("k")
    # rephrase: the line comes back for editing; Ctrl-U clears it
    s.answer(P_FACT, "They never read our emails.")
    s.child.expect(P_COACH)
    s.key("r")
    s.expect(P_REPHRASE)
    s.child.send("\x15" + "Our emails of Friday and Saturday were answered on Monday.\r")
    s.answer(P_FACT, "")
    s.step("emotions.us")
    s.answer(P_FEELING, "")
    s.step("emotions.client")
    s.expect("Already here: 1 item")
    s.answer(P_FEELING, "")
    s.step("mistakes.us")
    # a mistake not owned, rephrased; the counterfactual question follows
    s.answer(P_MISTAKE, NOT_OWNED)
    s.expect("[own-the-mistake]")
    s.child.expect(P_COACH)
    assert "[m]ove" not in s.child.after
    s.key("r")
    s.expect(P_REPHRASE)
    s.child.send("\x15" + "We did not confirm the agreements in writing.\r")
    s.answer(P_CF, "The Friday deadline would have been binding.")
    s.answer(P_MISTAKE, ":stop")
    assert s.wait_exit() == (0, None)

    d = s.json()
    assert texts(d, "facts", "client") == [
        "As usual, the materials came late.",
        "Our emails of Friday and Saturday were answered on Monday.",
    ]
    assert FEELING_FACT not in texts(d, "facts")
    assert [(i["text"], i["side"]) for i in items(d, "emotions")] == [(FEELING_FACT, "client")]
    assert [(i["text"], i["counterfactual"]) for i in items(d, "mistakes")] == [
        ("We did not confirm the agreements in writing.", "The Friday deadline would have been binding.")]


def test_rephrase_offers_the_item_for_editing(archive, pty):
    """After [r]ephrase, the item's text is put in the line for editing (the guide
    passes it as prefill), so that typing at the end adds to it."""
    s = pty.new(archive)
    s.auto_keep = False
    to_facts(s)
    s.answer(P_FACT, "They never read our emails.")
    s.child.expect(P_COACH)
    s.key("r")
    s.expect(P_REPHRASE)
    time.sleep(0.3)
    m = s.mark()
    s.child.send(" Two of them went unanswered until Monday.\r")
    # The checks run again on the new wording; "they never" is still there, so the note comes back: keep it.
    s.child.expect(P_COACH)
    s.key("k")
    s.expect(P_FACT)
    s.send(":stop")
    assert s.wait_exit() == (0, None)
    saved = texts(s.json(), "facts", "us")
    assert saved == ["They never read our emails. Two of them went unanswered until Monday."], (
        "the rephrase line did not hold the item's text; saved %r; screen: %r" % (saved, s.since(m)))
