"""Capitalised words that are never one person: countries people come from, peoples, and the
shorthand of case notes (issue 20, twenty-fourth round).

The capitals rule guesses a person from a capitalised word in no list, and the long word list
holds many proper nouns, so words of three families were taken for people on unseen writing:

- a country someone comes from or fled through ("I am from Sudan", "Roma from Slovakia",
  "the desert and Libya"): nobody is identified by a country, and the measuring sets leave a
  country of origin unmarked. Countries that are also given names ("Jordan", "Georgia",
  "Kenya", "Chad", "India", "Israel") are left out, so "Jordan rang" stays a person;
- a people or a regiment's men ("many Roma families", "the Brigade of Gurkhas", "an
  old-fashioned Yorkshireman", "a Geordie");
- the words of case notes and forms written short and capitalised ("Dtr doing 4 calls/wk",
  "SIL assists", "Obs: ...", "NoK: Dtr", "SU reports", "Team Mgr", "DoB", "NINo"), which a
  writer of notes uses on every line and which name a relation or a field, not a person.

A word here is still a name after a title ("Mr Sudan" is rare but a surname), as for the
languages and faiths in `name_gazetteer.NOT_IDENTIFIER_WORDS`; places are not judged here,
so a country marked as a place by another rule stays marked.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

COUNTRIES_ABROAD = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia austria azerbaijan bahamas
    bahrain barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei
    bulgaria burkina burundi cambodia cameroon chile colombia comoros congo croatia cuba
    cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia
    fiji finland gabon gambia germany greece grenada guatemala guinea guyana haiti honduras
    hungary iceland indonesia iran iraq italy jamaica japan kazakhstan kosovo kuwait
    kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
    madagascar malawi malaysia maldives mali malta mauritania mauritius mexico moldova monaco
    mongolia montenegro morocco mozambique myanmar burma namibia nepal netherlands
    nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines
    poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore
    slovakia slovenia somalia somaliland spain sudan suriname sweden switzerland syria taiwan
    tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan uganda ukraine
    uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe kurdistan tibet
    chechnya darfur tigray punjab kashmir sylhet mirpur timor leste""".split()
)
PEOPLES = frozenset(
    """roma gurkha gurkhas kurds kurd pashtun pashtuns tamils sikhs hindus muslims jews
    arabs berbers afghans somalis eritreans sudanese syrians iraqis iranians albanians
    yorkshireman yorkshiremen yorkshirewoman lancastrian geordie geordies scouser scousers
    brummie brummies mancunian mancunians glaswegian glaswegians cockney cockneys
    englishman englishwoman scotsman scotswoman welshman welshwoman irishman irishwoman
    brits""".split()
)
# Relations, fields and people-as-roles as case notes write them short; a form's field for a
# name ("(SURNAME, Forename)", round 39). Round 92: "Referral" opening a line ("Referral from
# Riverside Surgery to ..."; a person sixteen times in eleven sets), a word the frequency list
# is too short to hold.
CASE_NOTE_WORDS = frozenset(
    """dtr dtrs sil dil bil fil mil nok ngp su sus obs mgr dob nino dept sibling siblings
    pt pts resp wk wks hrs mths yrs approx incl forename forenames firstname referral
    referrals""".split()
)
# Round 40: supermarkets and chain shops, where a story's errands go ("the Tesco in
# Andersonstown", "met at the Asda"); a surname that is also a shop's ("Sainsbury", "Morrison")
# is left out. Only a guess that is the shop's name alone is dropped (`without_shop_guesses`): a
# branch named by its district ("Tesco Inshes") holds a place.
SHOPS = frozenset(
    """tesco asda aldi lidl morrisons sainsburys waitrose primark greggs argos poundland""".split()
)
# Round 46: a hospice's own word standing alone ("our Hospice at Home team", "the Day
# Hospice"; three sets) and the personal assistants that direct payments employ ("two PAs
# left"; three sets), capitalised as services and posts are. Kept out of
# `name_gazetteer.NOT_IDENTIFIER_WORDS`, which would drop a named hospice the model finds.
# Round 85: LeDeR, the programme that reviews the deaths of people with a learning disability
# ("the LeDeR reviewer"; taken for a person seven times in v50, v93, v118 and v121).
SERVICE_WORDS = frozenset("hospice hospices pas leder".split())
# Round 84: the statutory Duty of Candour, capitalised in every incident letter and taken for a
# person seven times in v57, v74, v77 and v118 (19 mentions in six sets, never marked).
DUTIES = frozenset({"candour"})
NEVER_A_PERSON = COUNTRIES_ABROAD | PEOPLES | CASE_NOTE_WORDS | SERVICE_WORDS | DUTIES
SHOP_GUESSES = frozenset(("capitals", "ner", "name_gazetteer", "care_kind", "repeat"))


# Twenty-eighth round: a guessed person that is the name of an organisation. Letters and
# referrals name the councils, charities and firms they deal with ("Devon County Council",
# "Wrexham County Borough Council", "the Wai Yin Society", "Hartley Dunmore LLP", "the Clare
# Project"), and a guess from capitals, the name lists or a role before it takes their first
# words for a person, and a letter signed off by a firm ("Yours faithfully, Hartley Dunmore
# LLP") a person too. Writers leave organisations unmarked. The words here name nothing else;
# "Hub" and "Partnership" are left out, since a GP partnership or a recovery hub is a care
# setting that a person's guess may be the only finding over.
# Thirty-first round: the groups that community notes and minutes are headed by ("Tower
# Hamlets Elders Forum", "the Chinatown Elders' Lunch Club", "Kurdish Women's Network"), after
# a possessive and one more word of their name; no writer's person stands before them.
ORGANISATION_WORD = (
    r"(?:Council|LLP|Ltd|Limited|Society|Association|Solicitors|Project|Forum|Club|Network|"
    r"Alliance|Foundation|Charity|UK)"
)
_COUNCIL_KIND = r"(?:County|Borough|City|District|Metropolitan)"
ORGANISATION_AFTER = re.compile(
    rf"(?:[ \t]+{_COUNCIL_KIND})*(?:['’]s?)?(?:[ \t]+[A-Z][a-z]+)?[ \t]+{ORGANISATION_WORD}\b"
)
ORGANISATION_END = re.compile(rf"(?:^|[ \t]){ORGANISATION_WORD}$|^(?:{_COUNCIL_KIND}[ \t]*)+$")
GUESSING_SOURCES = frozenset(("capitals", "ner", "name_gazetteer", "role_cue", "sign_off"))
# Round 46: a grant named by what it pays for ("a Disabled Facilities Grant", "the Sure Start
# Maternity Grant", "a Community Care Grant", "Scottish Welfare Fund Crisis Grant"): the
# surname list took its last word for a person in three sets. After a given name ("Keisha
# Grant") or a title the word is still a surname.
NAMED_GRANT = re.compile(
    r"\b(?:Facilities|Maternity|Care|Hardship|Crisis|Start|Adaptations?|Improvement|Repairs?|"
    r"Renovation|Energy|Heating|Housing|Students?|Welfare|Funeral|Discretionary|Emergency|"
    r"Equipment|Bereavement|Respite|Lottery)[ \t]+Grant$"
)


def organisation_guess(text: str, f: Finding) -> bool:
    """A person guessed over an organisation's name: the guess ends with an organisation's
    word, or one follows it ("Devon County| Council"), or it is only a council's kind
    ("Borough"); or over a named grant's last word ("Disabled Facilities Grant")."""
    if f.label != "PERSON" or f.source not in GUESSING_SOURCES:
        return False
    span = text[f.start : f.end]
    if span.endswith("Grant") and NAMED_GRANT.search(text, max(0, f.end - 40), f.end):
        return True
    return bool(ORGANISATION_END.search(span) or ORGANISATION_AFTER.match(text, f.end))


_PLACE_IN_ORGANISATION = re.compile(rf"(?:[ \t]+{_COUNCIL_KIND})*[ \t]+{ORGANISATION_WORD}$")


# Round 85: a field's label before its value, taken for a person: "Tel" before a number or a
# call ("Tel (028) 9649 6170", "10.30am Tel call from"; 13 times in seven sets), and "Hosp"
# before "no" ("Hosp no K4471902"; 25 times in 14 sets). "Tel" the nickname is written before
# anything else ("Thanks to Tel and Sue"), and "Southend Hosp" is a hospital.
LABEL_BEFORE_VALUE = {
    "tel": re.compile(r"\.?[ \t]*(?:[:(+\d]|(?i:call|calls|no\b|number|contact))"),
    "hosp": re.compile(r"\.?[ \t]*(?i:no\b|number|num\b|#)"),
}


def _field_label(text: str, f: Finding) -> bool:
    value = LABEL_BEFORE_VALUE.get(text[f.start : f.end].lower())
    return value is not None and value.match(text, f.end) is not None


def without_organisation_guesses(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without the people guessed over organisations' names; the model's place over a
    whole council's name keeps only the place ("Swindon| Borough Council"), and its place
    that is only a council's kind ("Borough") goes."""
    kept = []
    for f in found:
        if organisation_guess(text, f):
            continue
        if (
            f.label == "PERSON"
            and f.source in GUESSING_SOURCES
            and text[f.start : f.end].lower() in CASE_NOTE_WORDS
        ):
            continue  # the model's guess over a field's word ("(SURNAME, Forename)", round 39)
        if f.label == "PERSON" and _field_label(text, f):
            continue  # "Tel (020) 7946 0804", "Hosp no K4471902" (round 85)
        if f.label == "LOCATION" and f.source == "ner":
            span = text[f.start : f.end]
            if re.fullmatch(rf"(?:{_COUNCIL_KIND}[ \t]*)+", span):
                continue
            cut = _PLACE_IN_ORGANISATION.search(span)
            if cut and cut.start() > 0:
                f = Finding(f.start, f.start + cut.start(), f.label, f.score, f.source)
        kept.append(f)
    return kept


def without_shop_guesses(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without a guessed person or setting that is only a supermarket's or chain shop's
    name ("the Asda", the NER's setting; "Tesco") (round 40); "Tesco Pharmacy" and a shop
    after a title ("Mr Lidl", found by the title rule) stay. A surname that is a shop's stays a
    person unless written as the shop, with its possessive ("my job at Sainsbury's")."""
    kept = []
    for f in found:
        if f.label in ("PERSON", "CARE_SETTING", "LOCATION") and f.source in SHOP_GUESSES:
            low = text[f.start : f.end].lower().replace("’", "'")
            low = low[4:] if low.startswith("the ") else low
            if low.replace("'", "") in SHOPS and f.label != "LOCATION":
                continue
            if text[f.end : f.end + 2].replace("’", "'") == "'s" and low + "s" in SHOPS:
                continue  # "at Sainsbury's": the shop's own possessive (round 42, three sets)
        kept.append(f)
    return kept
