"""Bad input: each handled, nothing lost, no crash (through the real detector)."""

from __future__ import annotations

import pytest

from nlp.anonymise import anonymise, detect_many


def kept_in_order(text: str, result) -> bool:
    """Every piece of the original outside the findings survives in the output, in order.
    (Event dates are generalised on purpose, so texts here carry none.)"""
    at = 0
    cursor = 0
    for f in result.findings:
        piece = text[at : f.start]
        found = result.text.find(piece, cursor)
        if found < 0:
            return False
        cursor = found + len(piece)
        at = f.end
    return result.text.find(text[at:], cursor) >= 0


def test_a_20000_character_story_keeps_every_identifier_and_every_other_word():
    paragraph = (
        "The nurses on the ward were kind but the wait was long and nobody told us much. "
        "We asked again at the desk and were told to sit down and wait a little longer.\n\n"
    )
    head = "My name is Olwen Parry and I live at 3 Bryn Road, LL55 4TP.\n\n"
    tail = "Ring me on 07700 900461 or write to olwen.parry@example.co.uk."
    text = head + paragraph * (20_000 // len(paragraph)) + tail
    assert len(text) >= 20_000
    result = anonymise(text)
    for value in ("Olwen", "Parry", "3 Bryn Road", "LL55 4TP", "07700 900461", "olwen.parry@"):
        assert value not in result.text
    assert result.text.count("nobody told us much") == text.count("nobody told us much")
    assert kept_in_order(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Мой сын Дмитрий в больнице. My son Dmitri Petrov is in hospital, his number 07700 900218.",
        "أمي مريضة. My mum Fatima Begum waited 6 hours at Whiston.",
        "我的父亲 — my dad Wei Zhang, 0113 496 0542 — had a fall.",
        "Da iawn! Roedd y nyrs yn garedig iawn. Cerys was brilliant 💐🙏 at Ysbyty Gwynedd 🏥.",
        "Nurse\u200bJo\u00a0Kelly rang\x00 me\x1b[0m on 07700 900123\r\nthanks\u202e",
    ],
)
def test_mixed_scripts_emoji_and_control_characters_lose_nothing(text):
    result = anonymise(text)
    assert kept_in_order(text, result)
    assert all(f.end <= len(text) for f in result.findings)
    for number in ("07700 900218", "0113 496 0542", "07700 900123"):
        assert number not in result.text


def test_already_anonymised_text_is_a_no_op():
    story = (
        "My dad Dafydd Hughes (78) was on Ward 7 at Glan Clwyd; ref BCU/CX/22/0419, "
        "email dafydd at btinternet dot com, postcode LL22 7AB, born 1946."
    )
    once = anonymise(story)
    for value in ("Dafydd", "78", "Glan Clwyd", "BCU/CX", "btinternet", "7AB", "1946"):
        assert value not in once.text
    twice = anonymise(once.text)
    assert twice.text == once.text
    assert twice.findings == []


def test_empty_and_whitespace_and_none_in_a_batch():
    assert detect_many(["", "   ", "\n\n", None]) == [[], [], [], []]
