"""Words of a community's life that are never a person or a care setting (issue 20, round 37).

Writing about people of every community names their languages, peoples, faiths, festivals,
prayers, calendars and the words for their relatives, and the capitals rule, the name lists
and the NER take many for people ("Yiddish", "Shabbos", "Fajr", "Dashain", "Kutchi", "Bikram
Sambat", "Abba" for a father) or for a setting ("the Nepali"). A finding that is only such a
word (or the particle of a name alone: "Ní", "binti") is dropped; after a title ("Mr Ramadan")
it stays a name. Languages, faiths and festivals the older list holds are in
`name_gazetteer.NOT_IDENTIFIER_WORDS`; words that are also common given names ("Roma",
"Shona", "Nana", "Grace") are left out. "Home Office" is a government department, not a place.

Round 47: more words for a mother, a father, an aunt or a grandparent, used as what a family
calls them ("Amma's eye drops", "Mammy liked the night nurses", "Baba needs his tablets
crushed", "Khala came with us"), taken for people in eight sets by different writers; two writers'
conventions say such words are not marked. "Ba" and "Bibi", which writers mark as names too,
are left out, and so are doubled words ("Poh Poh"), whose halves the name rules find apart.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import NOT_IDENTIFIER_WORDS

# One entry a comma; an entry may be several words ("yom tov", "bikram sambat").
_ENTRIES = """
yiddish, hebrew, ladino, aramaic, kutchi, sindhi, saraiki, hindko, balochi, brahui, konkani,
kannada, odia, oriya, assamese, bhojpuri, maithili, awadhi, newari, gurung language, magar,
tamang, limbu, dzongkha, rohingya, chittagonian, kashmiri, dogri, uyghur, hazaragi, tajik,
uzbek, turkmen, kazakh, chechen, armenian, azeri, azerbaijani, macedonian, slovene,
slovenian, moldovan, romanes, tigre, saho, bilen, kinyarwanda, kirundi, luganda, ndebele,
chichewa, nyanja, bemba, wolof, fula, fulani, mandinka, krio, patois, fante, ewe, efik,
ibibio, kanuri, nuer, dinka, tigrayan, amhara, hazara, baloch, malaysian, malaysians,
singaporean, taiwanese, hongkonger, hongkongers, nepalese, tibetan, mongolian, sri lankan,
filipina, badini, feyli, zaza, ezidi, yazidi, alevi, druze, coptic, pentecostal, adventist,
shabbos, shabbat, yom tov, rosh hashanah, yom kippur, sukkot, succot, purim, pesach,
simchat torah, shavuot, deepavali, holi, dussehra, dashain, tihar, lohri, baisakhi,
gurpurab, bandi chhor divas, raksha bandhan, karva chauth, janmashtami, ganesh chaturthi,
onam, pongal, ugadi, ramzan, ashura, mawlid, eid al-fitr, eid al-adha, eid ul-fitr,
eid ul-adha, laylat al-qadr, umrah, nowruz, newroz, norooz, pohela boishakh, lunar new year,
chinese new year, chuseok, songkran, vesak, wesak, kwanzaa, timkat, meskel, fasika,
enkutatash, irreechaa, fajr, dhuhr, zuhr, maghrib, jummah, jumu'ah, namaz, salah, salat,
tarawih, taraweeh, iftar, suhoor, sehri, assalamu, assalamu alaikum, salaam alaikum,
wa alaikum salam, sat sri akal, waheguru, inshallah, mashallah, alhamdulillah, bismillah,
subhanallah, bikram sambat, ge'ez, ge’ez, geez, hijri, gregorian, quran, qur'an, torah,
talmud, bhagavad gita, guru granth sahib, langar, halal, kosher,
windrush, highers, pensioners, brigade, dim sum, pak choi, bok choy, kung fu, feng shui,
mah jong, mahjong, hong kong,
ní, ó, binti, bint, ibn,
abba, ammu, ammi, abbu, abbaji, nanu, nani, naniji, dadi, dadiji, dadu, bapu, bapuji, hooyo,
aabo, ayeeyo, awowe, babcia, dziadek, bunica, yiayia, papou,
amma, ammachi, appa, achan, mammy, mammie, papa, baba, khala, khalu, chacha, chachi, phuphi,
mamu, yeye, nainai, tatay, nanay, nonna, nonno
"""
ENTRIES = frozenset(
    " ".join(e.split()) for e in _ENTRIES.replace("\n", " ").split(",") if e.strip()
)
COMMUNITY_WORDS = ENTRIES | NOT_IDENTIFIER_WORDS
# Scripture named by its chapter ("Surah Yasin", "Psalm 23") and a county written short
# ("Co. Tyrone") are no people either.
_NOT_A_PERSON_START = re.compile(r"(?:Surah|Sura|Psalm|Co\.|County)[ \t]", re.IGNORECASE)
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Mx|Imam|Pastor|Rabbi)\.?[ \t]+$")
NOT_A_PLACE = frozenset(("home office", "the home office", "foreign office", "cabinet office"))


GUESSES = frozenset(("capitals", "ner", "name_gazetteer"))


def without_community_words(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without people, settings and places that are only a community's word, and
    without a person guessed over a town abroad found as one ("in Bulawayo") or a setting
    inside a church's hall or a name of Chinese shape ("Chan Wing Kei" is no hospital wing)."""
    towns = {(f.start, f.end) for f in found if f.source == "abroad_town"}
    halls = [(f.start, f.end) for f in found if f.source in ("church_hall", "community_name")]
    kept = []
    for f in found:
        if (
            halls
            and f.label == "CARE_SETTING"
            and any(s <= f.start and f.end <= e for s, e in halls)
        ):
            continue  # "St Aidan's| parish hall", "Chan Wing| Kei": no setting's name
        if towns and f.label == "PERSON" and f.source in GUESSES and (f.start, f.end) in towns:
            continue
        if f.label in ("PERSON", "CARE_SETTING"):
            span = text[f.start : f.end]
            low = " ".join(span.lower().split())
            if low.startswith("the "):
                low = low[4:]
            if (
                low in COMMUNITY_WORDS or (f.label == "PERSON" and _NOT_A_PERSON_START.match(span))
            ) and not _TITLE_BEFORE.search(text, max(0, f.start - 10), f.start):
                continue
        elif f.label == "LOCATION" and f.source != "abroad_town":
            low = " ".join(text[f.start : f.end].lower().split())
            if low in NOT_A_PLACE or low in ENTRIES:
                continue
        kept.append(f)
    return kept
