"""Dates of birth as people from every community give them (issue 20, round 37).

A birth date is written the way its owner's papers or language write it: the month in Polish,
Portuguese, Romanian, Welsh, Lithuanian, Turkish, ... ("3 maja 1943", "25 de abril de 1958",
"7 iulie 1984"), the Vietnamese "ngày 14 tháng 7 năm 1986", or a month of another calendar
(Hijri, Hebrew, Ethiopian, Bengali, Nepali), year first or last. Only a birth cue says such a
date is a birth date, so every shape here is read only a few words after one ("born",
"date of birth", "DOB", "birthday", or the word for "born" in another language), and the
words between may say how it was given ("DOB given as", "date of birth recorded as", "they
ask me I say"), which the older rules' three short words did not allow.

Such a date is often given twice or three times: converted, as another system entered it, or
restated in brackets or after a dash ("(3 May)", "– the 25th of April", "which is about
September 1996", "the GP record says 01/01/1944"). `restated_birth_dates` marks those beside
a birth date already found: in its sentence, a date in brackets or after a dash straight after
it, or one after a word of giving ("as", "says", "about", "or") or sharing its year. An
event's date in the same sentence ("admitted on 4 June 2023") has none of these.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.dates_and_ages.birth_dates import DATE, FULL_DATE, MONTH
from nlp.identifiers.dates_and_ages.births_in_other_scripts import (
    CUE_WORDS,
    SCRIPT_BETWEEN,
    SCRIPT_BORN,
    SCRIPT_DATE,
    SHORT_BORN,
)

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable

# Months in the languages of the UK's larger communities, as dates write them (Polish and
# Lithuanian in the genitive, Slovak/Czech both), and the months of other calendars (round 63,
# a retired set, v76: the Iranian calendar's, "1 Farvardin 1345", "14 Mehr 1325").
_MONTH_WORDS = """
    stycznia lutego marca kwietnia maja czerwca lipca sierpnia września wrzesnia
    października pazdziernika listopada grudnia
    janeiro fevereiro março marco maio junho julho setembro outubro novembro dezembro
    enero febrero marzo mayo junio julio septiembre setiembre octubre noviembre diciembre
    abril agosto
    ianuarie februarie martie aprilie mai iunie iulie septembrie octombrie noiembrie decembrie
    ionawr chwefror mawrth ebrill mehefin gorffennaf awst medi hydref tachwedd rhagfyr
    janvier février fevrier mars avril juin juillet août aout septembre octobre novembre décembre
    decembre
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
    januar februar märz maerz juni juli oktober dezember
    sausio vasario kovo balandžio balandzio gegužės geguzes birželio birzelio liepos
    rugpjūčio rugpjucio rugsėjo rugsejo spalio lapkričio lapkricio gruodžio gruodzio
    januára februára apríla mája júna júla augusta septembra októbra novembra decembra
    ledna února března dubna května června července srpna září října listopadu prosince
    ocak şubat subat mart nisan mayıs mayis haziran temmuz ağustos agustos eylül eylul ekim
    kasım kasim aralık aralik
    muharram safar rajab shaban sha'ban ramadan ramzan shawwal
    tishrei tishri cheshvan heshvan kislev tevet shevat adar iyar sivan tammuz elul
    meskerem tikimt tekemt hidar hedar tahsas tir yekatit megabit miyazia ginbot sene hamle
    nehase pagume
    boishakh baishakh jyoishtho asharh srabon bhadro ashwin kartik ogrohayon poush magh
    falgun choitro
    baisakh jestha asar shrawan bhadra asoj mangsir chaitra
    farvardin ordibehesht khordad mordad amordad shahrivar mehr aban azar dey bahman esfand
"""
_MULTI_MONTHS = (
    r"rabi[‘'’ʿ]?\s*(?:al[- ])?(?:awwal|thani|akhir)|jumad[ae]\s*(?:al[- ])?(?:ula|awwal|"
    r"thani|akhirah?)|dhu\s*al[- ](?:qa[‘'’ʿ]?dah|hijjah)"
)
FOREIGN_MONTH = (
    r"(?:"
    + "|".join(sorted({re.escape(w) for w in _MONTH_WORDS.split()}, key=len, reverse=True))
    + "|"
    + _MULTI_MONTHS
    + r")"
)
_ANY_MONTH = rf"(?:{FOREIGN_MONTH}|{MONTH})"
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th|\.)?"
_Y = r"\d{3,4}"
# The shapes a date of another language or calendar takes, then the English shapes the older
# rules read (`DATE`), then a birthday's day and month without a year.
OTHER_DATE = (
    rf"(?:{SCRIPT_DATE}|ngày\s+{_D}\s+tháng\s+\d{{1,2}}\s+năm\s+{_Y}"
    rf"|{_D}(?:\s+de)?\s+{FOREIGN_MONTH}(?:,?\s+(?:de\s+|del\s+)?{_Y})?"
    rf"|{_Y}\s+{FOREIGN_MONTH}\s+{_D}"
    rf"|{FOREIGN_MONTH},?\s+{_Y})"
)
DAY_MONTH = rf"(?:{_D}(?:\s+of)?\s+{MONTH}|{MONTH}\s+{_D})"
ANY_DATE = rf"(?:{OTHER_DATE}|{DATE}|{DAY_MONTH})"

# "born" in the languages whose months are above, and the English cues.
_BORN = (
    r"(?:born|date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|birthday|urodzon[aey]|urodzi[łl]"
    r"|născut[ăa]?|nascut[ăa]?|nascid[oa]|nacid[oa]|geboren|gimęs|gimusi|narodená|narodený"
    r"|narozen[aá]?|doğum|ganwyd|a\s+anwyd|fy\s+ngeni|sinh|n[ée]e|" + SCRIPT_BORN + ")"
)
# Words that may stand between a birth cue and its date: how and where it was given.
_BETWEEN = (
    r"(?:as|given|gave|gives|recorded|written|listed|entered|registered|put|down|shown|stated|"
    r"only|actually|officially|really|originally|is|was|on|in|the|of|her|his|their|my|its|it|"
    r"passport|papers|documents|card|says|say|said|reads|they|ask|asks|asked|me|i|we|you|he|"
    r"she|when|because|that|which|at|to|be|been|are|were|ar|yr|"
    # round 63 (v76): which calendar it is in ("birthday in the Iranian calendar is …")
    r"our|calendar|iranian|persian|ethiopian|hijri|islamic|nepali|bengali|hebrew|jewish|lunar|"
    r"solar|" + SCRIPT_BETWEEN + ")"
)
# After a birth cue, a day and month with two figures after them is the year, whatever the
# cue's language ("Dyddiad geni: 5 Jul 36", "ganwyd 3 Ebrill 52"; second probes: the Welsh cue
# kept "5 Jul" and left the year, which the English cue's rule takes). Not a clock's hour nor a
# count with its unit ("5 Jul 12:30", "born on 4 May 20 minutes after midnight").
DAY_MONTH_SHORT_YEAR = (
    rf"{_D}\s+{_ANY_MONTH},?\s+['’]?\d{{2}}(?![\d:]|\.\d|\s*(?:am|pm)\b|\s+(?:mins?|minutes?|"
    r"hours?|hrs?|weeks?|days?|months?|years?|yrs?|o['’]?clock)\b)"
)
CUED_DATE = re.compile(
    rf"\b{_BORN}(?:[\s:,–—-]*\b{_BETWEEN}\b){{0,6}}[\s:,–—-]*"
    rf"(?P<date>{DAY_MONTH_SHORT_YEAR}|{ANY_DATE})(?![\w/])",
    I,
)
# "ur. 12.03.1941": the Polish abbreviation before a whole date, nothing between (round 40).
SHORT_CUED_DATE = re.compile(rf"{SHORT_BORN}(?P<date>{SCRIPT_DATE}|{FULL_DATE})(?![\w/])", I)
SHORT_GATE = re.compile(r"ur\.", I)
_CUE_WORDS = (
    *CUE_WORDS,
    "born",
    "birth",
    "dob",
    "d.o.b",
    "urodz",
    "nascut",
    "născut",
    "nascid",
    "nacid",
    "geboren",
    "gim",
    "narod",
    "doğum",
    "ganwyd",
    "anwyd",
    "ngeni",
    "sinh",
)


def community_birth_dates(text: str) -> Iterator[Finding]:
    """Dates of birth in any language's or calendar's shape a few words after a birth cue."""
    low = text.lower()
    if not any(w in low for w in _CUE_WORDS):
        return
    for m in CUED_DATE.finditer(text):
        yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.9, "community_dob")
    if SHORT_GATE.search(text):
        for m in SHORT_CUED_DATE.finditer(text):
            yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.9, "community_dob")


# A date restated beside a birth date found: what stands just before it.
_BESIDE = re.compile(r"[(–—-][\s,]*(?:the\s+)?$")
_RESTATING = re.compile(
    r"(?:\b(?:as|says|say|said|reads|shows|gives|about|approximately|roughly|i\.e\.?|"
    r"or|which\s+is|that\s+is|converted\s+(?:it\s+)?(?:to|as|into)))"
    r"[\s,]*(?:the\s+)?$",
    I,
)
_DATE_IN_SENTENCE = re.compile(rf"(?<![\w/])(?P<date>{ANY_DATE})(?![\w/])", I)
# Round 39: a birth date corrected or hedged just after it ("dob as 17/8/33 instead of
# 17/8/35", "born '77 or 78", "DOB 3/4/51, not 3/4/52"): the other date is a birth date too,
# whatever its year, when it follows the found one within a few words. A year alone counts
# only after a year ("born 1950 or 1951"); "born 1950, not admitted until 2023" has a word
# between "not" and the year.
_CORRECTING = re.compile(
    r"[\s,;]*(?:\(?|[-–—][\s]*)?(?:or|or\s+maybe|or\s+possibly|or\s+perhaps|not|and\s+not|"
    r"instead\s+of|rather\s+than|should\s+(?:be|have\s+been|say|read)|"
    r"(?:corrected|changed|amended)\s+to)[\s,]*[\"“”'‘]?[\s]*$",
    I,
)
_ALTERNATIVE_YEAR = re.compile(
    r"[\s,;]*(?:\(?|[-–—][\s]*)?(?:[\"“”]\s*)?(?:or|not|instead\s+of|rather\s+than)[\s,]*"
    r"[\"“”'‘]?[\s]*(?P<date>(?:19|20)\d{2}|['’]?\d{2})(?![\w/'’]|\s*(?:%|years?|yrs?|y/?o)\b)",
    I,
)
_YEAR_ONLY = re.compile(r"(?:19|20)\d{2}|['’]\d{2}")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“])|\n")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


_A_MONTH = re.compile(rf"{_ANY_MONTH}", I)


def _month_guess_inside(text: str, ts: int, te: int, s: int, e: int) -> bool:
    """A finding that is only the month word of the date at s:e ("1 Meskerem 2000", the
    capitals rule's "Meskerem"): a guess the whole date outranks (round 40)."""
    return s <= ts and te <= e and bool(_A_MONTH.fullmatch(text, ts, te))


def restated_birth_dates(text: str, found: list[Finding]) -> list[Finding]:
    """Other versions of a found birth date in its sentence (see the module's docstring)."""
    births = [f for f in found if f.label == "DATE_OF_BIRTH"]
    if not births:
        return []
    taken = [(f.start, f.end) for f in found]
    out: list[Finding] = []
    for b in births:
        start = max(
            (m.end() for m in _SENTENCE_END.finditer(text, max(0, b.start - 300), b.start)),
            default=max(0, b.start - 300),
        )
        stop = _SENTENCE_END.search(text, b.end)
        end = stop.start() if stop else min(len(text), b.end + 300)
        years = set(_YEAR.findall(text[b.start : b.end]))
        for m in _DATE_IN_SENTENCE.finditer(text, start, end):
            s, e = m.span("date")
            if m.group("date").isdigit() or any(
                ts < e and s < te and not _month_guess_inside(text, ts, te, s, e)
                for ts, te in taken
            ):
                continue  # a bare year beside a birth date is a range's end or an era
            before = text[max(start, s - 40) : s]
            own = set(_YEAR.findall(m.group("date")))
            shared = years & own
            # In brackets or after a dash, only a date of no other year: "3.7.1951 – 14.1.2025"
            # is a life's span, "25 de abril de 1958 – the 25th of April" the same birthday.
            beside = _BESIDE.search(before) and (shared or not own)
            corrected = s - b.end <= 30 and _CORRECTING.search(text[b.end : s])
            if beside or shared or _RESTATING.search(before) or corrected:
                out.append(Finding(s, e, "DATE_OF_BIRTH", 0.85, "community_dob"))
                taken.append((s, e))
        if _YEAR_ONLY.fullmatch(text[b.start : b.end]):
            other = _ALTERNATIVE_YEAR.match(text, b.end)
            # a year alone after "or" beside a birth year reads as an age to the model ("'62 or
            # 63, from Wigan"); only another label than an age keeps it
            if other and not any(
                f.start < other.end() and other.start() < f.end and f.label != "AGE"
                for f in [*found, *out]
            ):
                s, e = other.span("date")
                out.append(Finding(s, e, "DATE_OF_BIRTH", 0.8, "community_dob"))
                taken.append((s, e))
    return out
