"""`debrief add`: many people adding at once, quick entry, and its errors."""
import hashlib
import threading

from conftest import P_FACT, child_env, items, render_json, run, texts, to_facts

RECORD = """debrief: 1
format: client-recovery
title: Conference deck for the bank
date: 2026-11-22
status: draft
progress: facts.us
client: Big Bank
locale: en
participants:
- name: Anna Berg
  side: us
  role: account lead
- name: Tamás Kovács
  side: us
- name: Marketing director
  side: client
sections:
  dialogue: |
    We met the marketing director in person.
"""


def make_record(archive, name="2026-11-22-conference-deck-for-the-bank.yml"):
    path = archive / "debriefs" / name
    path.write_text(RECORD, encoding="utf-8")
    return "debriefs/" + name


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_two_processes_adding_200_items_each(archive):
    rec = make_record(archive)
    env = child_env()
    failures = []

    def adder(tag):
        for n in range(1, 201):
            r = run(["add", "facts", "item %s-%d" % (tag, n), "--side", "us", "--file", rec], archive, env=env)
            if r.returncode != 0:
                failures.append((tag, n, r.returncode, r.stderr))

    threads = [threading.Thread(target=adder, args=(t,)) for t in "AB"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    doc = render_json(archive, rec)
    got = texts(doc, "facts")
    assert len(got) == 400, "%d items instead of 400" % len(got)
    want = {"item %s-%d" % (t, n) for t in "AB" for n in range(1, 201)}
    assert set(got) == want, "missing: %s" % sorted(want - set(got))[:10]
    # each person's items keep the order they were added in
    for t in "AB":
        mine = [x for x in got if x.startswith("item %s-" % t)]
        assert mine == ["item %s-%d" % (t, n) for n in range(1, 201)]
    assert all(i["side"] == "us" for i in items(doc, "facts"))
    # what was in the file before is still there
    assert doc["sections"]["dialogue"]["text"] == "We met the marketing director in person.\n"
    assert [p["name"] for p in doc["participants"]] == ["Anna Berg", "Tamás Kovács", "Marketing director"]


def test_add_quick_entry(archive):
    rec = make_record(archive)
    r = run(["add", "actions", "Call them @Anna due:+2w #follow-up", "--file", rec], archive)
    assert r.returncode == 0, r.stderr
    assert "Added to Follow-up (item 1)" in r.stdout
    r = run(["add", "actions", "Fix the rota @tamás due:2026-12-04 #internal #staffing", "--file", rec], archive)
    assert r.returncode == 0, r.stderr
    r = run(["add", "lessons", "We use \\#hashtags and \\@mentions literally #agreements", "--file", rec], archive)
    assert r.returncode == 0, r.stderr
    r = run(["add", "mistakes", "We did not confirm in writing.", "--side", "us",
             "--counterfactual", "The deadline would have been binding.", "--file", rec], archive)
    assert r.returncode == 0, r.stderr
    doc = render_json(archive, rec)
    a1, a2 = items(doc, "actions")
    assert (a1["text"], a1["owner"], a1["due"], a1["tags"], a1["internal"]) == (
        "Call them", "Anna Berg", "2026-12-06", ["follow-up"], False)
    assert (a2["text"], a2["owner"], a2["due"], a2["tags"], a2["internal"]) == (
        "Fix the rota", "Tamás Kovács", "2026-12-04", ["staffing"], True)
    (lesson,) = items(doc, "lessons")
    assert lesson["text"] == "We use #hashtags and @mentions literally"
    assert lesson["tags"] == ["agreements"]
    (m,) = items(doc, "mistakes")
    assert (m["text"], m["side"], m["counterfactual"]) == (
        "We did not confirm in writing.", "us", "The deadline would have been binding.")


def test_add_without_file_uses_the_most_recent_draft(archive):
    rec = make_record(archive)
    r = run(["add", "positives", "We kept to a very tight schedule."], archive)
    assert r.returncode == 0, r.stderr
    assert rec in r.stdout
    assert texts(render_json(archive, rec), "positives") == ["We kept to a very tight schedule."]


def test_add_errors(archive):
    rec = make_record(archive)
    before = digest(archive / rec)

    r = run(["add", "nosuch", "Some text", "--file", rec], archive)
    assert r.returncode == 64, (r.returncode, r.stderr)
    assert "nosuch" in r.stderr and "facts" in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 3
    assert digest(archive / rec) == before

    r = run(["add", "actions", "Call them @Anna due:someday", "--file", rec], archive)
    assert r.returncode == 64, (r.returncode, r.stderr)
    assert "someday" in r.stderr
    assert digest(archive / rec) == before

    r = run(["add", "actions", "Call them due:2026-02-30", "--file", rec], archive)
    assert r.returncode == 64, (r.returncode, r.stderr)
    assert digest(archive / rec) == before

    r = run(["add", "facts", "Some text", "--file", "debriefs/no-such-file.yml"], archive)
    assert r.returncode == 66, (r.returncode, r.stderr)
    assert "no-such-file.yml" in r.stderr
    assert not (archive / "debriefs" / "no-such-file.yml").exists()

    r = run(["add", "dialogue", "Some text", "--file", rec], archive)
    assert r.returncode == 64, (r.returncode, r.stderr)
    assert digest(archive / rec) == before
    assert "Fatal error" not in r.stderr


def test_add_while_the_guide_runs(archive, pty):
    """Someone adds from another terminal while the guide is in the same list: both land."""
    s = pty.new(archive)
    to_facts(s)
    s.answer(P_FACT, "Scope and deadlines were agreed by phone.")
    s.expect(P_FACT)
    r = run(["add", "facts", "Only one designer was free that week. #internal", "--side", "us",
             "--file", s.record], archive)
    assert r.returncode == 0, r.stderr
    s.send("The fixed version was ready at 8:30.")
    s.answer(P_FACT, ":stop")
    assert s.wait_exit() == (0, None)
    assert texts(s.json(), "facts", "us") == [
        "Scope and deadlines were agreed by phone.",
        "Only one designer was free that week.",
        "The fixed version was ready at 8:30.",
    ]
