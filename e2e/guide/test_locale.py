"""The guide on a terminal whose environment names no UTF-8 locale (LANG unset):
it must not crash in libedit, and typed accents must still be saved."""
from conftest import child_env


def test_guide_without_a_utf8_locale(archive, pty):
    env = child_env(LANG=None, LC_ALL=None, LC_CTYPE=None)
    s = pty.spawn(["new", "No locale"], archive, env=env)
    s.expect_record_path()
    s.answer("Client", "Big Bank")
    s.answer("Project", "")
    s.answer("Date", "")
    s.answer("our team ", "Anna Berg, account lead")   # the first prompt with a non-ASCII character in it
    s.send("")
    s.answer("client ", "Marketing director")
    s.send("")
    s.answer("› ", "Chúng tôi gặp nhau trực tiếp.")
    s.send("")
    s.send(":stop")
    code, signal = s.wait_exit()
    assert (code, signal) == (0, None), s.transcript
    assert "Program crashed" not in s.transcript
    doc = s.json()
    assert doc["sections"]["dialogue"]["text"] == "Chúng tôi gặp nhau trực tiếp.\n"
