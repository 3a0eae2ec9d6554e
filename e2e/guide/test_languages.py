"""The guide in another language on a real terminal: the questions, the coaching
and the coaching's own keys come from templates/guide/LANG.yml, the format's
words from templates/formats/FORMAT.LANG.yml, the coaching's word lists from
templates/checks/LANG.yml. The record says its language (locale:)."""
import os

from conftest import render_json

# What the guide says in each language (templates/guide/LANG.yml); kept here as
# a reader of the screen would see it.
WORDS = {
    "vi": {"fact": "  sự thật › ", "choice_move": "[g]iữ, [v]iết lại, [c]huyển sang cảm xúc? ", "choice": "[g]iữ, [v]iết lại? ",
           "keep": "g", "rephrase": "v", "move": "c", "rephrase_prompt": "  viết lại › ", "moved": "đã chuyển sang",
           "feeling": "Đội ngũ rất thất vọng vì tài liệu đến trễ.", "blame": "Em Nam quên gửi file cho nhà in.",
           "owned": "Chúng tôi không gửi file cho nhà in đúng hạn.", "header": "Sự thật — phía chúng tôi",
           "team": "Nguyễn Văn Minh", "member": "Trần Nam"},
    "ar": {"fact": "  حقيقة › ", "choice_move": "[ا] احتفظ، [ع] عدّل الصياغة، [ح] حوّل إلى العواطف؟ ", "choice": "[ا] احتفظ، [ع] عدّل الصياغة؟ ",
           "keep": "ا", "rephrase": "ع", "move": "ح", "rephrase_prompt": "  أعد الصياغة › ", "moved": "نُقل إلى",
           "feeling": "كان الفريق غاضبًا جدًا من التأخير.", "blame": "نسي محمد إرسال الملفات إلى المطبعة.",
           "owned": "لم نرسل الملفات إلى المطبعة في موعدها.", "header": "الحقائق",
           "team": "محمد العلي", "member": "سارة حسن"},
}


def record(lang, w):
    return """debrief: 1
format: client-recovery
title: Test
locale: %s
status: draft
participants:
  - name: %s
    side: us
  - name: %s
    side: us
""" % (lang, w["team"], w["member"])


def run_language(archive, pty, lang):
    w = WORDS[lang]
    path = os.path.join(str(archive), "debriefs", "t-%s.yml" % lang)
    with open(path, "w", encoding="utf-8") as f:
        f.write(record(lang, w))
    s = pty.spawn(["resume", "debriefs/t-%s.yml" % lang, "--at", "sections.facts.us"], archive)
    s.auto_keep = False
    s.record = "debriefs/t-%s.yml" % lang
    s.expect(w["header"])
    # A feeling among the facts: moved to the emotions with the language's own key.
    s.answer(w["fact"], w["feeling"])
    s.expect(w["choice_move"])
    s.key(w["move"])
    s.expect(w["moved"])
    # A teammate blamed: rephrased with the language's own key, the line editor holding the item.
    s.answer(w["fact"], w["blame"])
    s.expect(w["choice"])
    s.key(w["rephrase"])
    s.expect(w["rephrase_prompt"])
    s.child.send("\x15")          # Ctrl-U clears the line the editor was given
    s.send(w["owned"])
    s.answer(w["fact"], "")
    s.send(":stop")
    code, sig = s.wait_exit()
    assert (code, sig) == (0, None), s.transcript
    doc = render_json(archive, s.record)
    facts = [i["text"] for i in doc["sections"]["facts"]["items"]]
    feelings = [i["text"] for i in doc["sections"]["emotions"]["items"]]
    assert facts == [w["owned"]], s.transcript
    assert feelings == [w["feeling"]], s.transcript
    # None of the guide's English words on the screen.
    for english in ("[k]eep", "rephrase ›", "moved to", "(step ", "our side"):
        assert english not in s.transcript, english


def test_vietnamese_session(archive, pty):
    run_language(archive, pty, "vi")


def test_arabic_session(archive, pty):
    run_language(archive, pty, "ar")
