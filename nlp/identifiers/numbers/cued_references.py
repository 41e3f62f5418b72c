"""Reference numbers after their cue, in whatever grouping the writer used (issue 20, seventh
round).

The older id rules in nlp/identifiers/numbers/reference_numbers.py each know a few shapes ("RX4 556
7721", "BCU/COMP/22/0418", "A1234BC"). Notes and letters keep inventing others: letters and digits
in groups split by spaces, dashes or slashes, with the system's letters in front ("Hosp no: JT4 118
2290", "ref CV 0417 / 2283", "incident no. INC 3390-1175", "Client ID: 412 907 335", "warrant
number 2291"). What marks them is the cue before them, so this rule reads the cue and then takes
the whole run of groups that carry digits, joined by single spaces, dashes or slashes, up to the
first word or punctuation that ends it.

Precision: a run that is a date, a time, a year alone, an ordinal, a dose or a count with its
unit is left; letters before the digits must be capitals unless the text's capitals mean
nothing; and a cue that is also an ordinary noun ("patient", "case", "incident", "unit") needs
its "number"/"no"/"ID" or a colon, unless the run is long enough to be nothing else.

Without any cue, a block of capitals and grouped digits of seven or more ("at the Royal it's
NRH 0043 8812") is a hospital's own number by its shape alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import for_last_text, gated

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable

# Cues that name an identifier by themselves: "ref 7731", "MRN 004 1178", "CHI 1203 ...".
STRONG_NOUNS = (
    r"ref(?:erence)?|our\s+ref|your\s+ref|mrn|crn|chi|hosp(?:ital)?\s+(?:number|num|no)\b\.?|"
    # The e-Referral Service's booking number, by its initials: "UBRN: 0000 1111 2222".
    r"ubrn\)?|"
    r"hosp\.?|"
    # A professional's registration: "GMC 4412097", "NMC PIN 84H2103W", "GPhC 2071445"; an
    # interpreter's on the registers of public service and sign language interpreters
    # ("NRPSI 12044", "RSLI no. 10392", "NRCPD reg 51120"; thirty-first round).
    r"(?:gmc|nmc|gphc|hcpc|psni|nrpsi|rsli|nrcpd)(?:\s+(?:pin|reg(?:istration)?))?|"
    # Round 71: a nurse's PIN by its shape alone after "PIN", without "NMC" ("RN (PIN
    # 09H1234E)"; v74, v92): two figures, a letter, four figures and a letter.
    r"pin(?=[\s:.]+\d{2}[a-z]\d{4}[a-z]\b)|"
    # Round 74: a code that names one person or one case by its kind: a settled status share
    # code, a needle exchange's anonymous or client code, a mystery shopper's ("share code W7K
    # 9BX 2LT", "Anon code MH0386F", "Shopper code MS-B-17"; v20, v81, v89, v98). A clinic's
    # code names the clinic (marked in one set, left in another).
    r"(?:share|anon(?:ymous)?|client|shopper|access|validation|verification)\s+code|"
    # Twenty-eighth round: an organisation's NHS code, which names one practice or pharmacy
    # ("Practice code: B83627", "ODS code: FQ731"; two writers' sets).
    r"ods(?:\s+code)?|(?:practice|pharmacy|org(?:anisation)?)\s+code|"
    # Thirty-fifth round: a device's maker's number on a repair slip or a loan form ("Serial
    # 2209K14471", "Serial no. 88-1042"); "serial" before a run with digits names nothing else.
    r"serial|"
    # Thirty-eighth round: the code of a key safe by the door, as a care plan or an alarm
    # sheet gives it to visiting carers ("Key safe code: 4-1-7-9", "keysafe no. 2208").
    # Round 76: its code in brackets after it ("in the key safe (code 0412)"; v103).
    r"key\s?safe(?:\s*\(?\s*(?:code|combination|number|no\b\.?))?|"
    # Forty-ninth round: a school's unique pupil number by its initials on an EHCP form or a
    # SENCo's letter ("UPN: K123456789012"; marked in three writers' sets, missed in each).
    r"upn|"
    # Fifty-third round: a system's initials before "number" or "no" ("Her CAD number was
    # SG/22/1331", "HP no. HP 40219"; "ref" is a cue alone), and an account by its abbreviation
    # ("acct 51028834X"). NHS, CHI and NI numbers have rules of their own.
    # Round 65: and before "ID" ("RQIA ID 1006", a registered service's number; v81).
    r"(?-i:(?!NHS\b|CHI\b|NI\b|NINO\b|DOB\b|TEL\b|MOB\b)[A-Z]{2,5})\s+(?:number|no\b\.?|(?-i:ID)\b)|"
    r"acct\b\.?|a/c|"
    # Round 59: the Welsh for a hospital's, a case's or a claim's number and for a reference
    # ("Rhif ysbyty: 8483075D", "Cyfeirnod: 66/8020/AM"; a development set in Welsh, v69).
    r"rhif\s+(?:yr\s+)?(?:ysbyty|achos|claf|cais|cwyn|cyfeirnod)|cyfeirnod|cyf\b\.?"
)
# Ordinary nouns that only name an identifier with "number", "no", "ID" or "ref" after them.
WEAK_NOUNS = (
    r"hospital|patient|pt|client|customer|service\s+user|case|incident|inc|crime|collar|badge|"
    r"warrant|shoulder|staff|employee|payroll|member(?:ship)?|claim|account|booking|referral|"
    r"tenancy|custody|prison(?:er)?|student|certificate|record|complaint|call|log|job|ticket|"
    r"unit|registration|police|council|home\s+office|application|appointment|clinic|"
    # An interpreter's or a relay service's own number, given on an interpreted call (round 29).
    r"interpreter|vrs|relay|"
    # Thirty-fifth round: a driving licence's number and an online form's request ("Driver
    # number: ...", "Driving licence no ...", "Request ID: ...").
    r"driver|driving\s+licen[cs]e|licen[cs]e|request|order|device|"
    # Round 40: a sponsored worker's Certificate of Sponsorship ("CoS number is …"); "cos"
    # alone is also "because", so it needs its keyword like the other ordinary nouns.
    r"cos|sponsorship|"
    # Forty-ninth round: the same number written out ("Unique pupil number: ...").
    r"pupil|"
    # Round 75: a care home's own number for a resident and for an invoice ("quote resident
    # number 249/90", "invoice no. 2025-4798"; v39, v56, v100).
    r"resident|invoice"
)
# Round 74: "refs" too, before two references ("client refs DDAS 14412 / DDAS 14398"; v98).
KEYWORD = r"(?:(?:number|num|nbr|nr|no|id|reference|refs?)\b\.?|#)"
# After the cue: "is", "was", ":", "it's", "given", "they gave us was", "something like".
FILLER = (
    # Round 95: a comma after the cue ("she gave me a ref, FTSU 24-117, and said"; v140).
    r"(?:[:#=,-]|is|was|now|it['’]?s|its|given|like|something|"
    r"(?:they|you|u|she|he)\s+gave\s+(?:me|us)|"
    r"on\s+(?:the\s+)?letter|of|"
    # round 40: where the number is written, between its cue and itself ("hospital number on
    # his wristband is G 550917")
    r"on\s+(?:the|his|her|their|my|your)\s+(?:wristband|band|bracelet|letter|card|form|notes|"
    r"paperwork|file)|"
    # Fifty-third round: whose system the number is on ("patient number at your practice is …",
    # "client number with the council was …")
    r"(?:at|with|for|from)\s+(?:the|your|my|our|his|her|their)\s+(?:practice|surgery|council|"
    # round 62: "The booking reference from the home is …" (v75)
    r"hospital|clinic|pharmacy|service|trust|agency|office|home|care\s+home|school))"
)
CUE = re.compile(
    rf"\b(?:(?P<strong>{STRONG_NOUNS})|(?P<weak>{WEAK_NOUNS}))(?![A-Za-z])"
    rf"(?:\s*(?P<kw>{KEYWORD})(?:\s*(?:{KEYWORD}))?)?(?:['’]s)?"
    rf"(?P<sep>\s*(?:{FILLER}\s*){{0,4}})",
    I,
)
CUE = gated(CUE)


@for_last_text
def cue_matches(text: str) -> list[re.Match]:
    """CUE's matches in `text`, kept for the last text: CUE is the costliest pattern of the
    rules, and more than one pass reads its matches."""
    return list(CUE.finditer(text))


# A group that carries a digit ("RK5", "0047", "22", "2291-B" is two groups), a group of letters
# (the system's prefix), and what joins them: one space, or a dash or slash with a space either
# side at most.
DIGIT_GROUP = r"[A-Za-z]{0,5}\d[A-Za-z0-9]*"
# Round 95: a system's name of up to eight letters ("our ref SOSCARE 542766"; two sets).
LETTER_GROUP = r"[A-Za-z]{1,8}"
JOIN = r"(?:\x20?[/-]\x20?|\x20|\.(?=[A-Za-z0-9]))"
RUN = re.compile(
    rf"(?P<run>(?:{LETTER_GROUP}{JOIN}){{0,2}}{DIGIT_GROUP}"
    rf"(?:{JOIN}{DIGIT_GROUP}|[/.-]{LETTER_GROUP}(?=[/.-]))*(?:[/.-][A-Za-z]{{1,3}})?)"
    r"(?![A-Za-z0-9]|\.\d|[/-]\w|:\d|,\d)"
)

NOT_PREFIX = frozenset(
    """is was the a an on at it its in of to for and or my his her our your their no number
    ref id now given like as be by from with this that which when then so he she they we i
    ward bay bed room floor level""".split()
)
# A group that is a measure, a time or an ordinal, not part of a reference.
UNIT_GROUP = re.compile(  # five figures at most: "51028834X" is an account, not 51 million times
    r"\d{1,5}(?:st|nd|rd|th|am|pm|mg|mcg|ml|kg|g|cm|mm|m|km|l|hrs?|mins?|s|x|k|p|yrs?|yo|lbs?|st)",
    I,
)
DATE_RUN = re.compile(
    r"[0-3]?\d\s?[/.-]\s?[01]?\d(?:\s?[/.-]\s?(?:\d{2}|\d{4}))?|(?:19|20)\d{2}(?:\s?[/-]\s?\d{2})?"
)


SECTION = re.compile(r"(?:s|ss|sec|section)\.?\s?\d{1,3}[a-z]?", I)
PUBLIC_NUMBERS = frozenset({"111", "999", "101", "112", "116 123", "116123"})


def _digits(value: str) -> int:
    return sum(c.isdigit() for c in value)


def _trim_run(run: str) -> str:
    """Drop groups from the end that are measures ("2291 4mg") and a trailing joiner."""
    parts = re.split(rf"({JOIN})", run)
    while parts and (UNIT_GROUP.fullmatch(parts[-1]) or re.fullmatch(JOIN, parts[-1])):
        parts.pop()
    return "".join(parts)


def _prefix_ok(run: str, any_case: bool) -> bool:
    """Letters before the first digit group are a system's prefix: in capitals as issued
    ("QNH 0042"), or in any case where the text's capitals mean nothing, never a word. A capital
    "A" before six figures or more is the system's letter, not the article ("hosp no A 58 85
    01"; second probes)."""
    for group in re.split(JOIN, run):
        if any(c.isdigit() for c in group):
            return True
        if group == "A" and _digits(run) >= 6:
            continue
        if group.lower() in NOT_PREFIX:
            return False
        if len(group) > 6 and group.lower() in gazetteer().common_words:
            return False  # round 95: a long prefix is a system's name, not a word ("COUNCIL")
        if group.isupper():
            continue
        if sum(c.isupper() for c in group) >= 2 and group[0].isupper():
            # Round 95: a system's initials in mixed case ("reference SWiS 2207719", "ref: CoP
            # 1348862T"; two sets): a word has one capital at most.
            continue
        if not any_case or (len(group) > 3 and group.lower() in gazetteer().common_words):
            return False
    return True


def _word_in_capitals(strong: str | None) -> bool:
    """ "THE NUMBER ON THE LETTER" in a text typed in capitals: a word, not a system's
    initials (in mixed case, "HP no." and "CAD number" are initials however common)."""
    head = re.match(r"[A-Z]{2,5}(?=\s)", strong or "")
    return bool(head) and head.group().lower() in gazetteer().common_words


def cued_references(text: str) -> Iterator[Finding]:
    any_case = capitals_mean_little(text)
    for cue in cue_matches(text):
        m = RUN.match(text, cue.end())
        if not m or (any_case and _word_in_capitals(cue.group("strong"))):
            continue
        run = _trim_run(m.group("run"))
        if not run or not _prefix_ok(run, any_case or bool(cue.group("kw"))):
            continue
        if "," in cue.group("sep") and not (cue.group("strong") or cue.group("kw")):
            continue  # "taxi driver, BP 170/100": after a comma, only a cue that names an id
        digits = _digits(run)
        lettered = any(c.isalpha() for c in run)
        # Round 76: a key safe's code of four figures is no year ("Keysafe 1966"; v58, v103).
        keysafe = (cue.group("strong") or "").lower().startswith("key")
        code = keysafe and re.fullmatch(r"\d{4}", run) is not None
        if not code and (
            DATE_RUN.fullmatch(run) or UNIT_GROUP.fullmatch(run) or run in PUBLIC_NUMBERS
        ):
            continue
        if SECTION.fullmatch(run):
            continue  # "Case: s136 detention", "ref s42 enquiry": a section of an Act
        if "." in run and not lettered and digits < 5:
            continue  # "ref 4.2.1 of the policy", "no. 2.5": a paragraph or a measure
        strong = bool(cue.group("strong") or cue.group("kw") or ":" in cue.group("sep"))
        if (cue.group("strong") or "").lower().endswith("code"):
            # a code mixes letters and a figure or two ("CC88F", "MS-B-17"; round 74)
            enough = digits >= 3 or (lettered and digits >= 1 and len(run) >= 4)
        elif strong:
            enough = digits >= 3
        else:  # "patient 2", "case 14": a noun and a count; long runs are ids all the same
            enough = digits >= 6 or (lettered and digits >= 5)
        if enough:
            yield Finding(m.start(), m.start() + len(run), "OTHER_ID", 0.85, "cued_reference")


# Round 61 (retired sets v59, v61, v71 and v73, four writers): a card's, a pass's or a
# register's number after the thing's own name, which no list of cues can hold ("My candidate
# number is 4417", "Existing pass number: 3945 5278"), a form's bare "ID:" before a number
# ("Student: ... ID: 2387579n"), and a Discord tag ("discord is xbilalx#8494"). Any word before
# "number", "no.", "index" or "code" opens it when "is", "was" or a colon follows and the run
# holds four figures or more; not a phone's, a house's or a count's word ("phone number is
# 0161 ...", "house number is 1204", "the total number is 2000"), which other rules read or
# which is no identifier.
# The cue's keyword is sought first and the noun read back from it: a pattern opening on any
# word would be tried at every word of the many texts that hold "number".
ANY_NOUN_KEYWORD = gated(
    re.compile(r"(?<=[A-Za-z][ \t])(?i:number|no\.?|index|code)[ \t]*(?::|(?i:is|was)\b)[ \t]*")
)
NOUN_BEFORE = re.compile(r"(?<![A-Za-z])(?P<noun>[A-Za-z]{3,15})[ \t]+$")
# Round 64 (v79): a form's "No." before a prisoner's or a member's number ("Trevor   No.
# 227746"), a capital N and its stop or colon ("no" alone is a word).
FORM_ID_CUE = gated(re.compile(r"(?<![\w/-])(?:ID[ \t]*[:#]|No[.:]|NO[.:])[ \t]*"))
DISCORD_TAG = gated(re.compile(r"(?<![\w@#.-])(?P<tag>[A-Za-z0-9_.]{2,32}#\d{4})(?![\w#])"))
NOT_ANY_NOUNS = frozenset(
    """phone telephone tel mobile mob landline contact fax home work office house flat door
    room bed bay ward floor bus route platform page table seat pin total whole same right
    wrong big small large huge high low exact actual full this that the any our your my his
    her their its which what who whose serial lucky favourite score average round square
    prime list waiting queue position""".split()
)


def any_noun_references(text: str) -> Iterator[Finding]:
    """A number after its own thing's name, a form's "ID:", and a Discord tag (round 61)."""
    any_case = capitals_mean_little(text)
    starts = []
    for m in ANY_NOUN_KEYWORD.finditer(text):
        noun = NOUN_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if noun is not None and noun.group("noun").lower() not in NOT_ANY_NOUNS:
            starts.append(m.end())
    starts += [m.end() for m in FORM_ID_CUE.finditer(text)]
    for start in starts:
        m = RUN.match(text, start)
        if not m:
            continue
        run = _trim_run(m.group("run"))
        if not run or not _prefix_ok(run, any_case) or _digits(run) < 4:
            continue
        if DATE_RUN.fullmatch(run) or UNIT_GROUP.fullmatch(run) or run.startswith("0"):
            continue  # a date, a measure, or a phone number (the phone rules' own)
        yield Finding(m.start(), m.start() + len(run), "OTHER_ID", 0.75, "cued_reference")
    for m in DISCORD_TAG.finditer(text):
        yield Finding(m.start("tag"), m.end("tag"), "OTHER_ID", 0.8, "cued_reference")


# No cue: capitals (with a digit or two) then digits in groups, seven digits or more, in a text
# whose capitals mean something. Not a service's name before its own number ("NHS 999 ...",
# "Tel 0161 ...", "DOB 12 03 1950"): those are other labels' or no identifier.
SHAPED = re.compile(
    r"(?<![\w/-])(?P<id>(?-i:[A-Z]{2,5}\d{0,2}|[A-Z]\d{1,2})\x20\d{2,10}(?:\x20\d{2,6}){0,3})"
    r"(?![\w/-]|\.\d|\x20\d)"
)
# "From: Darren Whitlock HR6612", "staff no. on the badge LT40291": two or three capitals glued to
# four to six digits, a payroll, badge or system number. Not a standard's or a form's name
# ("ISO9001", "BS7671", "FP10"), nor a year ("COVID2020").
GLUED = re.compile(r"(?<![\w/.-])(?P<id>(?P<head>[A-Z]{2,3})(?P<num>\d{4,6}))(?![\w/-]|\.\d)")
# Heart rate, blood pressure and the like never reach four digits, so of NOT_SYSTEMS only the
# phone, date and PIN labels stay out.
NOT_GLUED = frozenset("ISO BS EN IEC FP NHS COVID SARS CA HBA SPO FEV TEL MOB FAX DOB PIN".split())
NOT_SYSTEMS = frozenset(
    "NHS CHI NI NINO TEL MOB FAX PH DOB DOD GP PIN BP HR RR GCS SPO TEMP OBS NEWS MRN".split()
)


def shaped_references(text: str) -> Iterator[Finding]:
    if capitals_mean_little(text):
        return
    for m in SHAPED.finditer(text):
        value = m.group("id")
        head = value.split()[0]
        groups = value.split()[1:]
        if re.sub(r"\d", "", head) in NOT_SYSTEMS or _digits(value) - _digits(head) < 7:
            continue
        if all(re.fullmatch(r"(?:19|20)\d{2}", g) for g in groups):
            continue  # "COVID 2020 2021": years
        number = "".join(groups)
        if number.startswith("0") and len(number) in (10, 11):
            continue  # "NSPCC 0808 800 5000": a helpline's name and its phone number
        yield Finding(m.start("id"), m.end("id"), "OTHER_ID", 0.75, "shaped_reference")
    for m in GLUED.finditer(text):
        if m.group("head") in NOT_GLUED or re.fullmatch(r"(?:19|20)\d{2}", m.group("num")):
            continue
        yield Finding(m.start("id"), m.end("id"), "OTHER_ID", 0.7, "shaped_reference")


def reference_findings(text: str) -> list[Finding]:
    """Cued and shaped references; overlaps are settled with the other recognisers'."""
    return [*cued_references(text), *shaped_references(text), *any_noun_references(text)]
