"""kill -9 at random points of a guided session, many times over.

Each run types the answers of a script quickly and, after a random number of
*confirmed* answers (the guide has shown the next prompt for each), types a few
more ahead without waiting and kills the process with SIGKILL after a random
short delay, so that some kills land in the middle of a save. Afterwards the
draft must load, hold every confirmed answer, and hold nothing that was not
typed whole.

The runs are reproducible: DEBRIEF_KILL_SEED (default below) seeds them and
DEBRIEF_KILL_RUNS sets how many there are.
"""
import os
import random
import signal
import time

import pexpect

from conftest import (
    P_CF, P_CLIENT, P_DATE, P_FACT, P_FEELING, P_MISTAKE, P_NARR, P_POSITIVE, P_DIFF,
    P_PROJECT, P_THEM, P_TIMELINE, P_TITLE, P_US, STEPS, init_archive, render_json,
    spawn, top_keys,
)

SEED = int(os.environ.get("DEBRIEF_KILL_SEED", "20261122"))
RUNS = int(os.environ.get("DEBRIEF_KILL_RUNS", "36"))

# (prompt, answer, what a confirmed answer must leave in the record)
SCRIPT = [
    (P_TITLE, "Conference deck for the bank", ("field", "title", "Conference deck for the bank")),
    (P_CLIENT, "Big Bank", ("field", "client", "Big Bank")),
    (P_PROJECT, "Deck rework", ("field", "project", "Deck rework")),
    (P_DATE, "2026-11-20", ("field", "date", "2026-11-20")),
    (P_US, "Anna Berg, account lead", ("participant", "Anna Berg", "us")),
    (P_US, "Linh Nguyen", ("participant", "Linh Nguyen", "us")),
    (P_US, "", ("progress", "participants.client")),
    (P_THEM, "Marketing director", ("participant", "Marketing director", "client")),
    (P_THEM, "", ("progress", "sections.dialogue")),
    (P_NARR, "We met the marketing director in person.", ("narrative", "dialogue", 1)),
    (P_NARR, "We offered to go through the project together.", ("narrative", "dialogue", 2)),
    (P_NARR, "", ("progress", "sections.summary")),
    (P_NARR, "", ("progress", "sections.timeline")),
    (P_TIMELINE, "2026-10-01 11:00 The bank asks us to rework some slides.",
     ("item", "timeline", None, "The bank asks us to rework some slides.")),
    (P_TIMELINE, "2026-10-05 10:30 The materials arrive on Monday morning.",
     ("item", "timeline", None, "The materials arrive on Monday morning.")),
    (P_TIMELINE, "", ("progress", "sections.facts.us")),
    (P_FACT, "Scope and deadlines were agreed by phone. #agreements",
     ("item", "facts", "us", "Scope and deadlines were agreed by phone.")),
    (P_FACT, "The fixed version was ready at 8:30; the event started at 9:00.",
     ("item", "facts", "us", "The fixed version was ready at 8:30; the event started at 9:00.")),
    (P_FACT, "", ("progress", "sections.facts.client")),
    (P_FACT, "The materials were promised for Friday and arrived on Monday.",
     ("item", "facts", "client", "The materials were promised for Friday and arrived on Monday.")),
    (P_FACT, "", ("progress", "sections.emotions.us")),
    (P_FEELING, "We were nervous from Friday on.", ("item", "emotions", "us", "We were nervous from Friday on.")),
    (P_FEELING, "", ("progress", "sections.emotions.client")),
    (P_FEELING, "The client was furious.", ("item", "emotions", "client", "The client was furious.")),
    (P_FEELING, "", ("progress", "sections.mistakes.us")),
    (P_MISTAKE, "We did not confirm the agreements in writing.",
     ("item", "mistakes", "us", "We did not confirm the agreements in writing.")),
    (P_CF, "A written confirmation would have made the deadline binding.",
     ("cf", "mistakes", "We did not confirm the agreements in writing.",
      "A written confirmation would have made the deadline binding.")),
    (P_MISTAKE, "", ("progress", "sections.mistakes.client")),
    (P_MISTAKE, "We sent our comments on the morning of the event.",
     ("item", "mistakes", "client", "We sent our comments on the morning of the event.")),
    (P_CF, "Comments on Monday evening would have left time to fix the deck.",
     ("cf", "mistakes", "We sent our comments on the morning of the event.",
      "Comments on Monday evening would have left time to fix the deck.")),
    (P_MISTAKE, "", ("progress", "sections.positives")),
    (P_POSITIVE, "We kept to a very tight schedule.", ("item", "positives", None, "We kept to a very tight schedule.")),
    (P_POSITIVE, "", ("progress", "sections.differently.us")),
]
FINAL_PROMPT = P_DIFF  # shown after the last answer of the script

TYPED = {a for _, a, _ in SCRIPT if a}
ITEM_TEXTS = {e[3] for _, _, e in SCRIPT if e[0] == "item"}
NARRATIVE_LINES = {a for p, a, e in SCRIPT if e[0] == "narrative"}


def check_record(doc, keys, confirmed, where):
    """Every confirmed answer is in the record; nothing in it is half an answer."""
    secs = doc["sections"]
    progress = keys.get("progress")
    assert progress in STEPS, "%s: progress %r" % (where, progress)
    for _, answer, exp in SCRIPT[:confirmed]:
        kind = exp[0]
        if kind == "field":
            assert doc[exp[1]] == exp[2], "%s: %s is %r, want %r" % (where, exp[1], doc[exp[1]], exp[2])
        elif kind == "participant":
            assert (exp[1], exp[2]) in [(p["name"], p["side"]) for p in doc["participants"]], \
                "%s: participant %r missing" % (where, exp[1])
        elif kind == "narrative":
            lines = secs.get(exp[1], {}).get("text", "").splitlines()
            assert answer in lines, "%s: narrative line %r missing" % (where, answer)
        elif kind == "item":
            found = [i for i in secs.get(exp[1], {}).get("items", []) if i["text"] == exp[3]]
            assert len(found) == 1, "%s: %s item %r found %d times" % (where, exp[1], exp[3], len(found))
            if exp[2]:
                assert found[0]["side"] == exp[2], where
        elif kind == "cf":
            found = [i for i in secs.get(exp[1], {}).get("items", []) if i["text"] == exp[2]]
            assert found and found[0].get("counterfactual") == exp[3], \
                "%s: counterfactual for %r missing" % (where, exp[2])
        elif kind == "progress":
            assert STEPS.index(progress) >= STEPS.index(exp[1]), \
                "%s: progress %r, want %r or later" % (where, progress, exp[1])
    # Nothing half-written: every item and line is one typed whole.
    for sid, sec in secs.items():
        for it in sec.get("items", []):
            assert it["text"] in ITEM_TEXTS, "%s: unexpected item %r in %s" % (where, it["text"], sid)
        for line in sec.get("text", "").splitlines():
            assert line in NARRATIVE_LINES, "%s: unexpected line %r in %s" % (where, line, sid)


def test_kill_9_at_random_points(tmp_path):
    rng = random.Random(SEED)
    started = time.time()
    killed_mid_typing = 0
    landed_ahead = 0       # runs where some typed-ahead answers were saved before the kill
    for run_no in range(RUNS):
        confirmed = rng.randint(1, len(SCRIPT))      # answers whose next prompt was seen
        ahead = rng.randint(0, 3)                     # answers typed without waiting
        delay = rng.choice([0.0, rng.uniform(0.0, 0.01), rng.uniform(0.01, 0.08)])
        where = "seed %d run %d (confirmed %d, ahead %d, delay %.3f)" % (SEED, run_no, confirmed, ahead, delay)
        cwd = init_archive(tmp_path / ("run%02d" % run_no))
        s = spawn(["new"], cwd)
        try:
            record = None
            for i in range(confirmed):
                prompt, answer, _ = SCRIPT[i]
                s.answer(prompt, answer)
                if i == 0:
                    record = s.expect_record_path()
            s.expect(SCRIPT[confirmed][0] if confirmed < len(SCRIPT) else FINAL_PROMPT)
            for _, answer, _ in SCRIPT[confirmed:confirmed + ahead]:
                s.child.send(answer + "\r")
            if delay:
                time.sleep(delay)
            if ahead:
                killed_mid_typing += 1
            s.kill(signal.SIGKILL)
            try:
                s.child.expect(pexpect.EOF, timeout=10)
            except pexpect.TIMEOUT:
                pass
            s.child.close()
            assert s.child.signalstatus == signal.SIGKILL, where
        finally:
            s.close()
        path = cwd / record
        doc = render_json(cwd, record)   # the draft loads (exit 0)
        check_record(doc, top_keys(path), confirmed, where)
        if ahead and confirmed < len(SCRIPT):
            nxt = SCRIPT[confirmed][2]
            if nxt[0] == "item" and any(i["text"] == nxt[3] for i in doc["sections"].get(nxt[1], {}).get("items", [])):
                landed_ahead += 1
        assert top_keys(path)["status"] == "draft", where
    assert killed_mid_typing > 0
    print("kill -9: %d runs, %d with answers typed ahead, %d of them saved some of those"
          % (RUNS, killed_mid_typing, landed_ahead))
    assert time.time() - started < 90, "the kill -9 runs took too long"
