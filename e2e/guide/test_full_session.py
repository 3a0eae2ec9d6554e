"""A whole guided session of the bank deck story (method.md, examples/bank-deck.yml),
typed through a real pseudo-terminal and checked item by item in the saved file."""
from conftest import (
    P_ACTION, P_CF, P_CLIENT, P_DATE, P_DIFF, P_FACT, P_FEELING, P_FINAL, P_FOLLOWUP,
    P_LESSON, P_MISTAKE, P_NARR, P_OPTION, P_POSITIVE, P_PROJECT, P_THEM, P_TIMELINE,
    P_TITLE, P_US, items, texts,
)

TITLE = "Conference deck for the bank"
DIALOGUE = [
    "We met the marketing director and the event coordinator in person at the bank on 14 October.",
    "We did not deny that the project had failed; we offered to go through it together.",
]
SUMMARY = ["**Our side:** an urgent request that we hesitated over, accepted, and could not start until Monday."]
TIMELINE = [
    # typed, (at, text) expected
    ("2026-10-01 11:00 The bank asks us to rework some slides of the existing presentation for a different event.",
     ("2026-10-01 11:00", "The bank asks us to rework some slides of the existing presentation for a different event.")),
    ("2026-10-05 10:30 The materials arrive on Monday morning. Work starts and goes on through the night.",
     ("2026-10-05 10:30", "The materials arrive on Monday morning. Work starts and goes on through the night.")),
    ("2026-10-06 09:00: The event starts; the client presents the version it already had.",
     ("2026-10-06 09:00", "The event starts; the client presents the version it already had.")),
    ("2026-10-08 The marketing director lets us know that the bank will not recommend us or return to us.",
     ("2026-10-08", "The marketing director lets us know that the bank will not recommend us or return to us.")),
]
FACTS_US = [
    ("We took most of Thursday afternoon to decide whether to accept the job.",
     "We took most of Thursday afternoon to decide whether to accept the job.", [], False),
    ("Scope, deadlines, format and the number of slides were agreed orally and never confirmed in writing. #agreements",
     "Scope, deadlines, format and the number of slides were agreed orally and never confirmed in writing.",
     ["agreements"], False),
    ("Only one designer was free that week, so Tamás worked through the night alone. #internal #staffing",
     "Only one designer was free that week, so Tamás worked through the night alone.", ["staffing"], True),
]
FACTS_CLIENT = [
    ("The materials were promised for Friday and arrived on Monday morning. #materials",
     "The materials were promised for Friday and arrived on Monday morning.", ["materials"], False),
    ("The comments on the draft came on Tuesday at 7:40, less than an hour and a half before the event. #feedback",
     "The comments on the draft came on Tuesday at 7:40, less than an hour and a half before the event.",
     ["feedback"], False),
]
EMOTIONS_US = ["We were nervous from Friday on, waiting for materials that did not come."]
EMOTIONS_CLIENT = ["The client was *furious* that the corrected deck came after the event had started."]
MISTAKES_US = [
    ("We did not confirm the agreements in writing. #agreements", "We did not confirm the agreements in writing.",
     ["agreements"],
     "A written confirmation would have made the Friday deadline for the materials binding."),
    ("We wrote instead of talking; over the weekend we sent messages but never called.",
     "We wrote instead of talking; over the weekend we sent messages but never called.", [],
     "A call on Friday afternoon would have brought the delay into the open three days earlier."),
]
MISTAKES_CLIENT = [
    ("We promised all the materials for Friday and sent them on Monday. #materials",
     "We promised all the materials for Friday and sent them on Monday.", ["materials"],
     "With the materials on Friday the agency would have had three days instead of one."),
]
POSITIVES = [
    "We took the job and delivered a deck that the client used at the event.",
    "We kept to a very tight schedule and reworked the slides in less than a day.",
]
DIFF_US = ["We could have called on Friday afternoon instead of waiting for messages."]
DIFF_CLIENT = ["We could have sent the materials on Friday as promised, or warned in time that they would be late."]
LESSONS = [
    ("We confirm every agreement in writing within a day. #agreements",
     "We confirm every agreement in writing within a day.", ["agreements"]),
    ("We state at the start which materials we need by when. #materials #agreements",
     "We state at the start which materials we need by when.", ["materials", "agreements"]),
]
REMEDIES = [
    "Rework the three weakest slides of the conference deck for free.",
    "A 30% discount on the bank's next presentation project with us.",
]
ACTION_TYPED = "Add a feedback request at the end of each key stage to our project template. @Anna due:+30d #internal"
ACTION_TEXT = "Add a feedback request at the end of each key stage to our project template."
OUTCOME = ["The project failed, and the failure belongs to both sides."]


def test_full_bank_deck_session(archive, pty):
    s = pty.spawn(["new"], archive)
    s.answer(P_TITLE, TITLE)
    record = s.expect_record_path()
    assert record == "debriefs/2026-11-22-conference-deck-for-the-bank.yml"
    s.answer(P_CLIENT, "Big Bank")
    s.answer(P_PROJECT, "Deck rework for the autumn conference")
    s.answer(P_DATE, "")  # Enter accepts today's date
    s.answers(P_US, ["Anna Berg, account lead", "Tamás Kovács, designer", ""])
    s.answers(P_THEM, ["Marketing director", "Event coordinator", ""])

    s.step("dialogue")
    s.answers(P_NARR, DIALOGUE + [""])
    s.step("summary")
    s.answers(P_NARR, SUMMARY + [""])
    s.step("timeline")
    s.answers(P_TIMELINE, [t for t, _ in TIMELINE] + [""])
    s.step("facts.us")
    s.answers(P_FACT, [t for t, *_ in FACTS_US] + [""])
    s.step("facts.client")
    s.answers(P_FACT, [t for t, *_ in FACTS_CLIENT] + [""])
    s.step("emotions.us")
    s.answers(P_FEELING, EMOTIONS_US + [""])
    s.step("emotions.client")
    s.answers(P_FEELING, EMOTIONS_CLIENT + [""])
    s.step("mistakes.us")
    for typed, _, _, cf in MISTAKES_US:
        s.answer(P_MISTAKE, typed)
        s.answer(P_CF, cf)
    s.answer(P_MISTAKE, "")
    s.step("mistakes.client")
    for typed, _, _, cf in MISTAKES_CLIENT:
        s.answer(P_MISTAKE, typed)
        s.answer(P_CF, cf)
    s.answer(P_MISTAKE, "")
    s.step("positives")
    s.answers(P_POSITIVE, POSITIVES + [""])
    s.step("differently.us")
    s.answers(P_DIFF, DIFF_US + [""])
    s.step("differently.client")
    s.answers(P_DIFF, DIFF_CLIENT + [""])
    s.step("lessons")
    s.answers(P_LESSON, [t for t, *_ in LESSONS] + [""])
    s.step("remedies")
    s.answers(P_OPTION, REMEDIES + [""])
    s.step("actions")
    s.expect("A follow-up with the client, about 30 days from now:")
    s.expect("due 2026-12-22")
    s.answer(P_FOLLOWUP, "")  # Enter accepts the proposal
    s.expect("follow-up added")
    s.answers(P_ACTION, [ACTION_TYPED, ""])
    s.step("outcome")
    s.answers(P_NARR, OUTCOME + [""])
    s.step("review")
    s.answer(P_FINAL, "y")
    s.expect("Saved as final: " + record)
    status, sig = s.wait_exit()
    assert (status, sig) == (0, None)

    # The review counted what was typed.
    review = s.transcript[s.transcript.index("Review"):]
    assert "(our side 3, the client's 2)" in review
    assert "(our side 2, the client's 1)" in review

    # ---- the saved file, item by item ------------------------------------------
    keys = s.keys()
    assert keys["status"] == "final"
    assert "progress" not in keys, "a final debrief keeps no progress key"
    d = s.json()
    assert d["title"] == TITLE
    assert d["client"] == "Big Bank"
    assert d["project"] == "Deck rework for the autumn conference"
    assert d["date"] == "2026-11-22"
    assert d["status"] == "final"
    assert d["format"] == "client-recovery"
    parts = [(p["name"], p["side"], p.get("role")) for p in d["participants"]]
    assert parts == [
        ("Anna Berg", "us", "account lead"),
        ("Tamás Kovács", "us", "designer"),
        ("Marketing director", "client", None),
        ("Event coordinator", "client", None),
    ]

    assert d["sections"]["dialogue"]["text"] == "\n".join(DIALOGUE) + "\n"
    assert d["sections"]["summary"]["text"] == "\n".join(SUMMARY) + "\n"

    tl = items(d, "timeline")
    assert [(i["at"], i["text"]) for i in tl] == [e for _, e in TIMELINE]

    facts = items(d, "facts")
    # our side first, then the client's side, in typing order
    assert [(i["text"], i["side"], i["tags"], i["internal"]) for i in facts] == (
        [(t, "us", tags, internal) for _, t, tags, internal in FACTS_US]
        + [(t, "client", tags, internal) for _, t, tags, internal in FACTS_CLIENT])

    assert [(i["text"], i["side"]) for i in items(d, "emotions")] == (
        [(t, "us") for t in EMOTIONS_US] + [(t, "client") for t in EMOTIONS_CLIENT])

    assert [(i["text"], i["side"], i["tags"], i["counterfactual"]) for i in items(d, "mistakes")] == (
        [(t, "us", tags, cf) for _, t, tags, cf in MISTAKES_US]
        + [(t, "client", tags, cf) for _, t, tags, cf in MISTAKES_CLIENT])

    assert texts(d, "positives") == POSITIVES
    assert [(i["text"], i["side"]) for i in items(d, "differently")] == (
        [(t, "us") for t in DIFF_US] + [(t, "client") for t in DIFF_CLIENT])
    assert [(i["text"], i["tags"]) for i in items(d, "lessons")] == [(t, tags) for _, t, tags in LESSONS]
    assert texts(d, "remedies") == REMEDIES

    acts = items(d, "actions")
    assert len(acts) == 2, acts
    follow = acts[0]
    assert follow["text"] == "Contact Marketing director to ask how things are going since the problem was solved."
    assert follow["due"] == "2026-12-22"
    assert follow["tags"] == ["follow-up"]
    assert follow["owner"] == "Anna Berg"
    assert follow["done"] is False
    quick = acts[1]
    assert quick["text"] == ACTION_TEXT
    assert quick["owner"] == "Anna Berg"
    assert quick["due"] == "2026-12-22"
    assert quick["internal"] is True
    assert quick["tags"] == []
    assert quick["done"] is False

    assert d["sections"]["outcome"]["text"] == "\n".join(OUTCOME) + "\n"
