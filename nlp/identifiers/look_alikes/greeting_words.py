"""Greetings, thanks and headings of community letters and notices: never a person (round 40).

People who write to a health service in two languages open and close in their own ("Dzień
dobry", "Bună ziua", "Labas", "Xin chào", "Annwyl Syr/Fadam"), thank in it ("Obrigado",
"Salamat po", "Ačiū", "Diolch") and apologise ("Przepraszam"); a gurdwara's, a masjid's or a
temple's newsletter greets its readers with a faith's words ("Waheguru Ji Ka Khalsa, Waheguru
Ji Ki Fateh", "Sadh Sangat") and heads its pages with a notice's words ("Bulletin",
"Notices", "Wellbeing Day"). A capitalised word of that kind at a line's start or alone in a
sentence is what the capitals rule, the name lists and the trained NER take for a person.
A guess that is only such words is dropped; after a title ("Mr Salamat") it stays a name.
Words that are also given names ("Salam", "Selam", "Nana", "Lola", "Amani") are left out.

Of the same kind: the words for a grandparent or an aunt in the community's language when
said twice or on their own ("Po Po", "Dada", "Foi"), a degree before a subject ("MSc
Finance"), a messaging app ("WeChat").
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

# One entry a comma; an entry may be several words.
_ENTRIES = """
dzień dobry, dzien dobry, przepraszam, dziękuję, dziekuje, pozdrawiam, z poważaniem,
państwa, panstwa, szanowni państwo, szanowny panie, szanowna pani,
bună ziua, buna ziua, bună, mulțumesc, multumesc, mulţumesc, cu stimă, cu respect,
labas, laba diena, ačiū, aciu, sveiki, su pagarba,
dobrý den, dobry den, ďakujem, dakujem, děkuji, dekuji, s pozdravom, s pozdravem,
obrigado, obrigada, olá, bom dia, boa tarde, boa noite, gracias, buenos días, buenos dias,
buongiorno, grazie, bonjour, merci, merci beaucoup, cordialement, danke, guten tag,
salamat, salamat po, maraming salamat, maraming salamat po, kumusta, mabuhay,
xin chào, xin chao, chào, cảm ơn, cám ơn, cam on, xin lỗi, tôi,
annwyl, annwyl syr, syr, fadam, syr/fadam, diolch, diolch yn fawr, cofion, cofion cynnes,
bore da, prynhawn da, shwmae, sut mae,
shukriya, dhanyavaad, dhanyavad, dhanyawad, namaste, namaskar, namaskaram, vanakkam, nandri,
kem cho, jai shri krishna, jai swaminarayan, ram ram, dhonnobad,
waheguru ji ka khalsa, waheguru ji ki fateh, waheguru ji, sadh sangat, sangat, khalsa,
shukran, marhaba, jazakallah, jazakallah khair, jazakallahu khairan, eid mubarak,
ramadan mubarak, ramadan kareem, mahadsanid, mahadsanid badan, merhaba, teşekkürler,
tesekkurler, spasibo, dyakuyu, dyakuyu vam, pryvit, zdravstvuyte, ni hao, nei hou,
xie xie, m goi, do je, medaase, amesegnalehu, yekenyeley, khoda hafez, spas,
masjid, the masjid, gurdwara, mandir,
bulletin, monthly bulletin, notices, church notices, newsletter, wellbeing, wellbeing day,
health day, open day, wechat, weixin, viber, imo, zalo, kakaotalk, whatsapp group,
po po, popo, gung gung, ah ma, ah gong, nai nai, ye ye, dada, dadaji, foi, faiba,
masi, masiji, mamaji, chachaji, kaka, kaki, nonna, nonno, babushka, dedushka, bubbe,
zaidy, zeide, abuela, abuelo, avó, avô, vovó, nanay, tatay
"""
ENTRIES = frozenset(
    " ".join(e.split()) for e in _ENTRIES.replace("\n", " ").split(",") if e.strip()
)
GUESSES = frozenset(
    ("capitals", "ner", "name_gazetteer", "repeat", "sign_off", "joined_name", "role_cue")
)
# A degree before a course's subject ("MSc Finance", "BA Nursing"): a course, no person.
DEGREE_START = re.compile(r"(?:MSc|BSc|MA|BA|MBA|PhD|MPhil|LLB|LLM|MEng|BEng|PGCE)\b")
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Mx|Imam|Pastor|Rabbi|Sister|Brother|Bhai|Bibi)\.?[ \t]+$"
)
# A word said twice for a relative ("Po Po", "Ye Ye"): both halves are the relative's word.
_DOUBLED = re.compile(r"\b([A-Z][a-z]{1,3})[ \t]+\1\b")


# The greetings of several words, to find a guess that is one of their words ("Waheguru Ji Ki
# Fateh": the capitals rule's "Fateh" alone); looked for only around a guess.
_PHRASES = re.compile(
    r"\b(?:"
    + "|".join(
        r"[ \t]+".join(re.escape(w) for w in e.split())
        for e in sorted(ENTRIES, key=len, reverse=True)
        if " " in e
    )
    + r")\b",
    re.IGNORECASE,
)


# Every word of those greetings, lower case: a guess with a word found in none of them cannot
# lie inside one, and most guesses are real names, so the phrase pattern is seldom run.
_PHRASE_WORDS = "\n".join(e for e in ENTRIES if " " in e).lower()


def _in_phrase(text: str, f: Finding) -> bool:
    """The guess lies inside a greeting of several words written around it."""
    if not all(w in _PHRASE_WORDS for w in text[f.start : f.end].lower().split()):
        return False
    lo = max(0, f.start - 40)
    return any(
        m.start() <= f.start and f.end <= m.end()
        for m in _PHRASES.finditer(text, lo, min(len(text), f.end + 40))
    )


def _doubled_kin(text: str, f: Finding) -> bool:
    """The guess is a half (or the whole) of a relative's word said twice ("Po Po")."""
    lo = max(0, f.start - 6)
    return any(
        m.start() <= f.start
        and f.end <= m.end()
        and " ".join(m.group(0).lower().split()) in ENTRIES
        for m in _DOUBLED.finditer(text, lo, min(len(text), f.end + 6))
    )


# One greeting word and the space after it, opening a guess: "Diolch Carys", "Merhaba Elif".
_LEADING_WORD = re.compile(r"([^\W\d_][\w'’]*)[ \t]+(?=\w)")


def _without_leading_greeting(text: str, f: Finding) -> Finding:
    """ "Diolch Carys and the team": a name rule that grew a guess back over a greeting word
    before the name keeps the name alone."""
    m = _LEADING_WORD.match(text, f.start, f.end)
    if not m or m.group(1).lower() not in ENTRIES:
        return f
    return Finding(m.end(), f.end, f.label, f.score, f.source)


# A publication's word ending a guess ("Masjid Al-Falah Newsletter", "St Mark's Bulletin"): the
# name before it is the body's, the word is no part of a person or a place.
NOTICE_END = re.compile(r"[ \t]+(?:Newsletter|Bulletin|Notices|Magazine)$")


def without_greetings(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without guessed people that are only a greeting, thanks, heading or relative's
    word of another language (see the module's docstring), and without a publication's word
    at a guess's end."""
    kept = []
    for f in found:
        if f.label == "PERSON" and f.source in GUESSES:
            notice = NOTICE_END.search(text, f.start, f.end)
            if notice and notice.start() > f.start:
                f = Finding(f.start, notice.start(), f.label, f.score, f.source)
            f = _without_leading_greeting(text, f)
            span = text[f.start : f.end]
            low = " ".join(span.lower().strip(".,!").split())
            judged = (
                low in ENTRIES
                or DEGREE_START.match(span) is not None
                or _doubled_kin(text, f)
                or _in_phrase(text, f)
            )
            if judged and not _TITLE_BEFORE.search(text, max(0, f.start - 10), f.start):
                continue
        kept.append(f)
    return kept
