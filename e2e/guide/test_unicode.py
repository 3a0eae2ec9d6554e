"""Non-ASCII input typed through the pty (libedit with a UTF-8 locale) is saved exactly."""
import pytest

from conftest import P_CF, P_FACT, P_FEELING, P_MISTAKE, P_NARR, P_TIMELINE, items, texts

SENTENCES = {
    "vietnamese": "Chúng tôi đã không xác nhận bằng văn bản.",
    "arabic": "لم نؤكد الاتفاقات كتابةً.",
    "cyrillic": "Мы не подтвердили договорённости письменно.",
}
# A character of the same script, typed and then erased with Backspace.
EXTRA = {"vietnamese": "ữ", "arabic": "ة", "cyrillic": "ё"}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_non_ascii_saved_exactly(archive, pty, lang):
    text = SENTENCES[lang]
    s = pty.new(archive, them=(text,))  # also as a participant's name
    s.step("dialogue")
    s.answers(P_NARR, [text, ""])
    s.step("summary")
    s.answer(P_NARR, "")
    s.step("timeline")
    s.answers(P_TIMELINE, ["2026-10-01 11:00 " + text, ""])
    s.step("facts.us")
    s.answer(P_FACT, text)
    # line editing: a multibyte character typed, then erased with Backspace (DEL)
    s.expect(P_FACT)
    s.child.send(text + " " + EXTRA[lang] + "\x7f\x7f\r")
    s.answer(P_FACT, text + " #tag")
    s.answer(P_FACT, "")
    s.step("facts.client")
    s.answer(P_FACT, "")
    s.step("emotions.us")
    s.answer(P_FEELING, "")
    s.step("emotions.client")
    s.answer(P_FEELING, "")
    s.step("mistakes.us")
    s.answer(P_MISTAKE, text)
    s.answer(P_CF, text)
    s.expect(P_MISTAKE)
    m = s.mark()
    s.send(":list")
    s.expect(P_MISTAKE)
    assert "1. " + text in s.since(m)
    s.send(":stop")
    status, sig = s.wait_exit()
    assert (status, sig) == (0, None)

    d = s.json()
    assert [p["name"] for p in d["participants"] if p["side"] == "client"] == [text]
    assert d["sections"]["dialogue"]["text"] == text + "\n"
    tl = items(d, "timeline")
    assert [(i["at"], i["text"]) for i in tl] == [("2026-10-01 11:00", text)]
    assert texts(d, "facts", "us") == [text, text, text]
    assert items(d, "facts")[2]["tags"] == ["tag"]
    assert [(i["text"], i["counterfactual"]) for i in items(d, "mistakes")] == [(text, text)]
    # and the file itself holds the characters as UTF-8
    raw = open(archive / s.record, encoding="utf-8").read()
    assert text in raw
