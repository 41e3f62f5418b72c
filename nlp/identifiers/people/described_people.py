"""People introduced with a note in brackets (issue 20, round 39).

Stories and case notes introduce someone once and then use a short form, or describe them in
brackets instead of a sentence:

- a name's short form given in brackets after it, unquoted: "Kelly-Ann Stott (known as KA)",
  "Hyun-joo (Joo to everyone)", "Robert (aka Bobby)", "Margaret (Peg for short)". The short
  form is a person, and the repeat rules then find it everywhere else ("KA has asked me ...").
  After a place or a service ("the Royal Infirmary (known as the RI)", "Ward 5 (known as
  Larch)") it is the place's, and left to the setting rules;
- a name before a bracket of who they are: gender or pronouns, twins, and an age ("River
  (non-binary, 19)", "Taz (female, 20s?)", "Niamh & Eoin (twins, 9)"). The word before is a
  person and the number after the description is an age; a decade ("20s") is no age, and a
  count with its unit ("(female, 20 beds)") is neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import ROLE_CUES, TITLE_CUES, gazetteer
from nlp.identifiers.core.prefilter import gated

_NAME = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]+)?"
ALIAS = gated(
    re.compile(
        rf"(?P<before>[A-Za-z'’-]+)[ \t]*\([ \t]*(?:(?i:known[ \t]+as|aka|a\.k\.a\.?|"
        rf"goes[ \t]+by|called)[ \t]+[\"“'‘]?(?P<name>{_NAME})[\"”'’]?"
        rf"|(?P<short>[A-Z][\w'’-]*)[ \t]+(?i:to[ \t]+(?:everyone|everybody|us|all|friends|"
        rf"family|the[ \t]+family)|for[ \t]+short))[ \t]*\)"
    )
)
# Words that end a place's or a service's name: an alias after them is the place's.
_SETTING_ENDS = frozenset(
    """hospital infirmary unit centre center surgery practice ward home house clinic hospice
    trust service services team school academy college road street""".split()
)
_DESCRIPTION = (
    r"(?i:female|male|non-binary|nonbinary|trans(?:gender)?(?:[ \t]+(?:man|woman))?|"
    r"she/her|he/him|they/them|twins?|triplets|man|woman|boy|girl|f|m)"
)
DESCRIBED = gated(
    re.compile(
        rf"(?<![\w'’-])[\"“'‘]?(?P<name>[A-Z][\w'’-]+)[\"”'’]?[ \t]*\([ \t]*{_DESCRIPTION}"
        rf"(?:[ \t]*,[ \t]*(?:(?i:aged|age)[ \t]*)?(?P<age>\d{{1,3}})(?![\d.,:/]*\w|[ \t]*\w)"
        rf"|[ \t]*,[^()\n]{{0,30}})?[ \t]*\)"
    )
)


def described_people(text: str) -> Iterator[Finding]:
    """Short forms given in brackets, and people described in brackets (the docstring)."""
    if "(" not in text:
        return
    gaz = gazetteer()
    for m in ALIAS.finditer(text):
        if m.group("before").lower() in _SETTING_ENDS or m.group("before").isdigit():
            continue
        group = "name" if m.group("name") else "short"
        word = m.group(group).split()[0].lower()
        if word in ROLE_CUES or word in TITLE_CUES or word in _SETTING_ENDS:
            continue
        if len(word) > 3 and word in gaz.common_words and word not in gaz.first_names:
            continue
        yield Finding(m.start(group), m.end(group), "PERSON", 0.75, "described_person")
    for m in DESCRIBED.finditer(text):
        word = m.group("name").lower()
        if m.group("age") and int(m.group("age")) <= 120:
            yield Finding(m.start("age"), m.end("age"), "AGE", 0.8, "described_person")
        if word in ROLE_CUES or word in TITLE_CUES or word in _SETTING_ENDS:
            continue
        everyday = word in gaz.common_words and word not in gaz.first_names
        after_the = re.search(r"\b(?i:the|a|an)[ \t]+$", text[max(0, m.start() - 5) : m.start()])
        if after_the or (everyday and not m.group("age")):
            continue  # "the Larch (female, 20 beds)"; "River (non-binary, 19)" is someone
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "described_person")
