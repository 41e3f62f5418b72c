"""Dates of birth in other scripts and other countries' ways of writing them (round 40).

Round 37 (`community_dates.py`) read a birth date whose month is a word of another language
written in Latin letters. People who copy a date of birth from their papers or a relative's
letter also write it

- in another script: the month in Cyrillic or Greek ("14 лютого 1951", "3 мая 1948"), the
  Chinese, Japanese and Korean year-month-day ("1942年5月6日", "1950년 3월 2일"), or the
  figures in Arabic-Indic or Persian digits ("١٥/٠٣/١٩٤٦", "۱۳۲۵/۰۴/۱۲");
- with spaces after the dots, as Slovak, Czech, German and Polish papers do ("3. 5. 2015");
- after the word for "born" or "date of birth" in that language: the Polish abbreviation
  "ur." (urodzona), Romanian "data nașterii", Welsh "dyddiad geni", Ukrainian "народилася",
  Russian "родился", French "née le", Portuguese "nascida a" (the small word for "on" in
  those languages may stand between cue and date, as "on" does in English).

Each shape is read only after such a cue (or beside a birth date already found, by
`restated_birth_dates`): a date in Cyrillic after "приїхала" (arrived) or a Chinese date in a
letter's heading is an event's and stays. "ur." is also English chat for "your", so after it
only a whole date may follow, with nothing between.
"""

from __future__ import annotations

_CYRILLIC_GREEK_MONTHS = """
    січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
    января февраля марта апреля мая июня июля августа сентября октября ноября декабря
    януари февруари март април май юни юли август септември октомври ноември декември
    ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου
    οκτωβρίου νοεμβρίου δεκεμβρίου
"""
SCRIPT_MONTH = (
    "(?:" + "|".join(sorted(set(_CYRILLIC_GREEK_MONTHS.split()), key=len, reverse=True)) + ")"
)
_EASTERN_DIGIT = "[٠-٩۰-۹]"
# The shapes (each a whole date: a birth date in these forms always has its year).
SCRIPT_DATE = (
    rf"(?:[0-3]?\d\s+{SCRIPT_MONTH}\s+\d{{4}}(?:\s?(?:р\.|г\.|року|года|г(?=\W)))?"
    r"|\d{4}\s?年\s?[01]?\d\s?月\s?[0-3]?\d\s?[日号號]"
    r"|\d{4}\s?년\s?[01]?\d\s?월\s?[0-3]?\d\s?일"
    rf"|{_EASTERN_DIGIT}{{1,2}}[/.-]{_EASTERN_DIGIT}{{1,2}}[/.-]{_EASTERN_DIGIT}{{2,4}}"
    rf"|{_EASTERN_DIGIT}{{4}}[/.-]{_EASTERN_DIGIT}{{1,2}}[/.-]{_EASTERN_DIGIT}{{1,2}}"
    r"|[0-3]?\d\.\s[01]?\d\.\s?(?:19|20)\d{2})"
)
# The word for "born" or "date of birth" in these languages (with Latin-letter ones that
# round 37's list lacked). Read ignoring case.
SCRIPT_BORN = (
    r"(?:народи(?:вся|лася|лось|лись)|народжен(?:ий|а|ня)|дата\s+народження"
    r"|родил(?:ся|ась)|дата\s+рождения|роден[ао]?"
    r"|γεννήθηκε|ημερομηνία\s+γέννησης"
    r"|出生(?:日期|于|於)?|生日|생년월일|태어났"
    r"|تاريخ\s+الميلاد|تاريخ\s+الولادة|مواليد|تاریخ\s+پیدائش|تاریخ\s+تولد"
    r"|data\s+na[șşs]terii|dyddiad\s+geni|date\s+de\s+naissance|data\s+de\s+nascimento"
    r"|fecha\s+de\s+nacimiento|data\s+di\s+nascita|geburtsdatum|gimimo\s+data|né)"
)
# Small words for "on", "the" or "day" between such a cue and its date.
# Welsh: "yw", "ydy", "oedd" (is, was), "hi" (her), "yn", "ar" (fifty-third round: "a'i
# dyddiad geni yw 06/07/40").
SCRIPT_BETWEEN = r"(?:le|a|em|en|el|am|il|dnia|ngày|de|on|yw|ydy|ydi|oedd|hi|yn|ar)"
# "ur." before a whole date and nothing else (see the docstring).
SHORT_BORN = r"\bur\.[ \t]*"
# Cheap gate words for these cues (lower case; checked before the patterns run).
CUE_WORDS = (
    "ur.",
    "народ",
    "родил",
    "роден",
    "рожд",
    "γενν",
    "出生",
    "生日",
    "생년",
    "태어",
    "ميلاد",
    "ولادة",
    "مواليد",
    "پیدائش",
    "تولد",
    "nașterii",
    "naşterii",
    "nasterii",
    "geni",
    "naissance",
    "nascimento",
    "nacimiento",
    "nascita",
    "geburtsdatum",
    "gimimo",
    "né",
    "nee",
)
