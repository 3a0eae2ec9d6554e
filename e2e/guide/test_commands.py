"""The guide's commands typed in a pty: :back, :skip, :undo, :list, ? (help), :stop, at every prompt."""
from conftest import (
    H, P_CF, P_CLIENT, P_FACT, P_MISTAKE, P_NARR, P_PROJECT, P_THEM, P_TIMELINE, P_US,
    items, run, texts, to_facts,
)

A = "The materials were promised for Friday and arrived on Monday. #materials"
A_TEXT = "The materials were promised for Friday and arrived on Monday."
B = "Scope and deadlines were agreed by phone."
C = "The comments came at 7:40 on the day of the event."
D = "The fixed version was ready at 8:30; the event started at 9:00."


def stop(s):
    """Types :stop at the current prompt; the guide says where the draft is and exits 0."""
    s.send(":stop")
    s.expect("Stopped. The draft is saved: " + s.record)
    status, sig = s.wait_exit()
    assert (status, sig) == (0, None)


def test_back_returns_to_the_previous_step(archive, pty):
    s = pty.new(archive)
    to_facts(s)
    s.answers(P_FACT, [A, ""])
    s.step("facts.client")
    s.answer(P_FACT, C)
    s.answer(P_FACT, ":back")
    # The guide shows our side's facts again, and knows what is there.
    s.step("facts.us")
    s.expect("Already here: 1 item")
    s.expect(P_FACT)
    assert s.keys()["progress"] == "sections.facts.us"
    s.send(B)                      # a second fact for our side, added after going back
    s.answer(P_FACT, "")
    s.step("facts.client")         # and on again
    s.expect("Already here: 1 item")
    s.expect(P_FACT)
    assert s.keys()["progress"] == "sections.facts.client"
    stop(s)
    d = s.json()
    assert texts(d, "facts", "us") == [A_TEXT, B]
    assert texts(d, "facts", "client") == [C]


def test_back_from_a_header_field_and_from_a_section(archive, pty):
    s = pty.spawn(["new", "Deck for the bank"], archive)
    s.expect_record_path()
    s.answer(P_CLIENT, "Big Bnak")
    s.answer(P_PROJECT, ":back")
    # back at the client, with the current value offered
    s.answer("Client [Big Bnak]: ", "Big Bank")
    s.answer("Project: ", "Deck")
    s.answer("Date [2026-11-22]: ", "")
    s.answers(P_US, ["Anna Berg", ""])
    s.answers(P_THEM, ["Marketing director", ""])
    s.step("dialogue")
    s.answers(P_NARR, ["We met in person.", ""])
    s.step("summary")
    s.answer(P_NARR, ":back")
    s.step("dialogue")
    s.expect("So far:")
    s.expect("We met in person.")
    s.answers(P_NARR, ["We offered to go through the project together.", ""])
    s.step("summary")
    s.expect(P_NARR)
    stop(s)
    d = s.json()
    assert d["client"] == "Big Bank"
    assert d["project"] == "Deck"
    assert d["sections"]["dialogue"]["text"] == "We met in person.\nWe offered to go through the project together.\n"
    assert s.keys()["progress"] == "sections.summary"


def test_skip_leaves_a_step_empty_and_moves_on(archive, pty):
    s = pty.spawn(["new", "Deck for the bank"], archive)
    s.expect_record_path()
    s.answer(P_CLIENT, "Big Bank")
    s.answer(P_PROJECT, ":skip")
    s.answer("Date [2026-11-22]: ", "")
    s.answers(P_US, ["Anna Berg", ""])
    s.answers(P_THEM, [":skip"])
    s.step("dialogue")
    s.answer(P_NARR, ":skip")
    s.step("summary")
    s.answer(P_NARR, ":s")
    s.step("timeline")
    s.answer(P_TIMELINE, ":skip")
    s.step("facts.us")
    s.answer(P_FACT, ":skip")
    s.step("facts.client")
    s.answer(P_FACT, C)
    s.expect(P_FACT)
    stop(s)
    d = s.json()
    assert d["project"] is None
    assert [(p["name"], p["side"]) for p in d["participants"]] == [("Anna Berg", "us")]
    for sec in ("dialogue", "summary", "timeline"):
        assert sec not in d["sections"], sec
    assert [(i["text"], i["side"]) for i in items(d, "facts")] == [(C, "client")]
    assert s.keys()["progress"] == "sections.facts.client"


def test_undo_removes_the_last_item_of_this_step(archive, pty):
    s = pty.new(archive, us=("Anna Berg", "Tamás Kovács"))
    to_facts(s)
    s.answers(P_FACT, [A, B])
    m = s.mark()
    s.answer(P_FACT, ":undo")
    s.expect(P_FACT)
    assert "removed: " + B in s.since(m)
    assert texts(s.json(), "facts") == [A_TEXT]
    s.send("")
    s.step("facts.client")
    s.answers(P_FACT, [C, D])
    s.answer(P_FACT, ":undo")           # removes D, the client's last, not our side's A
    s.expect("removed: " + D)
    s.answer(P_FACT, ":u")               # and C
    s.expect("removed: " + C)
    s.answer(P_FACT, ":undo")           # nothing of this session's left on this side
    s.expect("nothing of yours to undo here")
    s.expect(P_FACT)
    d = s.json()
    assert [(i["text"], i["side"]) for i in items(d, "facts")] == [(A_TEXT, "us")]
    # a mistake and its counterfactual go together
    s.send("")
    s.step("emotions.us")
    s.answer("  feeling › ", "")
    s.step("emotions.client")
    s.answer("  feeling › ", "")
    s.step("mistakes.us")
    s.answer(P_MISTAKE, "We did not confirm the agreements in writing.")
    s.answer(P_CF, "The deadline would have been binding.")
    s.answer(P_MISTAKE, "We wrote instead of talking.")
    s.answer(P_CF, "We would have known on Friday.")
    s.answer(P_MISTAKE, ":undo")
    s.expect("removed: We wrote instead of talking.")
    s.expect(P_MISTAKE)
    stop(s)
    d = s.json()
    assert [(i["text"], i["counterfactual"]) for i in items(d, "mistakes")] == [
        ("We did not confirm the agreements in writing.", "The deadline would have been binding.")]


def test_undo_in_participants_and_narrative(archive, pty):
    s = pty.spawn(["new", "Deck for the bank"], archive)
    s.expect_record_path()
    s.answer(P_CLIENT, "Big Bank")
    s.answer(P_PROJECT, "")
    s.answer("Date [2026-11-22]: ", "")
    s.answers(P_US, ["Anna Berg", "Tamás Kovács", ":undo"])
    s.expect("removed Tamás Kovács")
    s.answers(P_US, [""])
    s.answers(P_THEM, ["Marketing director", ""])
    s.step("dialogue")
    s.answers(P_NARR, ["First line.", "Second line.", ":undo"])
    s.expect("removed the last line")
    s.expect(P_NARR)
    stop(s)
    d = s.json()
    assert [p["name"] for p in d["participants"]] == ["Anna Berg", "Marketing director"]
    assert d["sections"]["dialogue"]["text"] == "First line.\n"


def test_list_shows_what_the_step_holds(archive, pty):
    s = pty.new(archive)
    to_facts(s)
    s.answer(P_FACT, ":list")
    s.expect("(nothing yet)")
    s.answers(P_FACT, [A, B + " #internal"])
    m = s.mark()
    s.answer(P_FACT, ":list")
    s.expect(P_FACT)
    shown = s.since(m)
    assert "1. " + A_TEXT + " #materials" in shown
    assert "2. " + B + " #internal" in shown
    s.send("")
    s.step("facts.client")
    s.answer(P_FACT, C)
    m = s.mark()
    s.answer(P_FACT, ":ls")
    s.expect(P_FACT)
    shown = s.since(m)
    assert "1. " + C in shown
    assert A_TEXT not in shown, "the client's side lists only the client's facts"
    # listing saves nothing
    stop(s)
    d = s.json()
    assert texts(d, "facts") == [A_TEXT, B, C]
    assert [i["internal"] for i in items(d, "facts")] == [False, True, False]


def test_question_mark_shows_help_and_saves_nothing(archive, pty):
    s = pty.new(archive)
    to_facts(s)
    s.answer(P_FACT, A)
    m = s.mark()
    s.answer(P_FACT, "?")
    s.expect(P_FACT)
    shown = s.since(m)
    assert "One answer per line; an empty line moves on to the next step." in shown
    for word in (":back", ":skip", ":list", ":undo", ":stop", "@Name", "due:+30d", "#internal"):
        assert word in shown, word
    m = s.mark()
    s.send(":help")
    s.expect(P_FACT)
    assert "One answer per line" in s.since(m)
    stop(s)
    d = s.json()
    assert texts(d, "facts") == [A_TEXT]


def test_first_prompt_mentions_help(archive, pty):
    s = pty.spawn(["new", "Deck for the bank"], archive)
    s.expect("Type ? for help")
    s.expect(P_CLIENT)
    s.send(":stop")
    s.wait_exit()
    assert H["dialogue"] not in s.transcript


def to_mistakes(s):
    to_facts(s)
    s.answer(P_FACT, "")
    s.step("facts.client")
    s.answer(P_FACT, "")
    s.step("emotions.us")
    s.answer("  feeling › ", "")
    s.step("emotions.client")
    s.answer("  feeling › ", "")
    s.step("mistakes.us")


def test_commands_at_the_counterfactual_are_never_saved(archive, pty):
    s = pty.new(archive)
    to_mistakes(s)
    s.answer(P_MISTAKE, "We did not confirm the agreements in writing.")
    m = s.mark()
    s.answer(P_CF, "?")                       # help, and the question again
    s.expect(P_CF)
    assert "One answer per line" in s.since(m)
    s.send(":frobnicate")                     # an unknown command is named, nothing saved
    s.expect("unknown command: :frobnicate (type ? for the commands)")
    s.answer(P_CF, ":back")                   # leaves the question unanswered
    s.answer(P_MISTAKE, "We wrote instead of talking.")
    s.answer(P_CF, ":undo")                   # takes the mistake back
    s.expect("removed: We wrote instead of talking.")
    s.answer(P_MISTAKE, "We did not call on Friday.")
    s.answer(P_CF, ":stop")                   # stops the guide, the mistake kept
    s.expect("Stopped. The draft is saved: " + s.record)
    assert s.wait_exit() == (0, None)
    got = [(i["text"], i.get("counterfactual")) for i in items(s.json(), "mistakes")]
    assert got == [("We did not confirm the agreements in writing.", None), ("We did not call on Friday.", None)]


def test_unknown_command_and_a_literal_colon(archive, pty):
    s = pty.new(archive)
    to_facts(s)
    s.answer(P_FACT, ":frobnicate")
    s.expect("unknown command: :frobnicate (type ? for the commands)")
    s.answer(P_FACT, "\\:-) The client answered with a smiley.")
    s.answer(P_FACT, "?")
    s.expect("\\: at the start keeps a colon")
    stop(s)
    assert texts(s.json(), "facts") == [":-) The client answered with a smiley."]


def test_undo_leaves_what_a_colleague_added(archive, pty):
    s = pty.new(archive)
    to_facts(s)
    s.answer(P_FACT, A)
    s.expect(P_FACT)
    r = run(["add", "facts", "Added by a colleague.", "--side", "us", "--file", s.record], archive)
    assert r.returncode == 0, r.stderr
    s.send(":undo")
    s.expect("removed: " + A_TEXT)
    s.answer(P_FACT, ":undo")
    s.expect("nothing of yours to undo here")
    s.expect(P_FACT)
    stop(s)
    assert texts(s.json(), "facts") == ["Added by a colleague."]
