"""Initials that stand for a person: "LB reported that ...", "controls LP's bank card",
"Logged by KD", "Log: AM", "Pt S.R. d/c from Ward 2", "SU (MT) seen at home".

Case notes, call logs and meeting minutes name people by their initials, which no name list
holds and which look like the acronyms those same notes are full of (GP, CPN, PALS). What
tells them apart is the slot they stand in, not the letters: the subject of a verb of saying
or doing that only a person does ("reported", "asked", "declined"), the owner of what only a
person has ("'s bank card", "'s mum", "'s wishes"), the author line of a note ("logged by",
"Log:"), or the patient's own slot after "Pt", "SU" or "Client", bare, dotted or in
brackets. Even there a known acronym or a job's abbreviation ("OT said", "the GP's letter") is
no one. Once initials are found, the anonymiser's repeat step takes their other mentions as
written ("LP reports no food").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

_INITIALS = r"(?P<initials>[A-Z]{2,3})"

# Verbs whose subject in a note or minutes is a person.
PERSON_VERBS = (
    "said|says|reported|reports|asked|asks|agreed|agrees|noted|explained|confirmed|stated|"
    "states|raised|suggested|added|queried|advised|commented|replied|responded|described|"
    "mentioned|shared|highlighted|thanked|welcomed|requested|requests|proposed|volunteered|"
    "presented|chaired|declined|declines|refused|refuses|disclosed|discloses|denied|denies|"
    "wants|wanted|feels|felt|told|tells|complained|expressed|disagreed|apologised|"
    "will\\s+(?:chase|contact|ring|call|email|follow|feed\\s+back|check|speak|send|find)"
)
SUBJECT = re.compile(rf"(?<![\w&/.-]){_INITIALS}[ \t]+(?:{PERSON_VERBS})\b")
SUBJECT = gated(SUBJECT)

# What only a person has.
PERSONAL = (
    "bank|card|cards|money|benefits|pension|purse|wallet|keys|phone|mum|mother|dad|father|"
    "son|daughter|husband|wife|partner|carer|carers|family|sister|brother|children|kids|"
    "grandson|granddaughter|neighbour|friend|home|flat|house|room|bedroom|request|wishes|"
    "consent|behalf|views|capacity|medication|meds|tablets|needs|safety|wellbeing|"
    "appointment|birthday|funeral|diagnosis|care\\s+plan|request"
)
OWNER = re.compile(rf"(?<![\w&/.-]){_INITIALS}['’]s[ \t]+(?:own[ \t]+)?(?:{PERSONAL})\b")

# The author of a note: "Logged by KD", "Log: AM", "Initials: JS", "typed up by FB"; and who
# checked a transcript or reviewed a note ("auto-transcribed, checked by RP"; round 30).
AUTHOR = re.compile(
    r"(?:\b(?:logged|entered|written|recorded|signed|completed|taken|noted|minuted|typed|"
    r"updated|actioned|checked|transcribed|reviewed|verified)(?:[ \t]+up)?[ \t]+by:?[ \t]*"
    r"|(?:^|\n)[ \t]*(?:log|logged|by|initials|author|"
    r"signed|sig|staff|handler|call[ \t]+taker|recorded)[ \t]*:[ \t]*)"
    rf"{_INITIALS}(?![\w&/])",
    re.IGNORECASE,
)
AUTHOR = gated(AUTHOR)

# The person a note is about, by initials after the word for them: "Pt S.R. d/c", "SU (JB)
# presenting", "Client: R.B.", "Resident (M.K.)". Dotted initials count here too.
PATIENT = re.compile(
    r"(?<![\w/])(?:[Pp]t|PT|[Pp]atient|SU|[Ss]ervice[ \t]user|[Cc]lient|[Rr]esident|[Rr]es)"
    r"(?:\.[ \t]*|[ \t]*[:(][ \t]*|[ \t]+)"  # "Pt S.R.", "SU (JB)", "Client: RW"
    r"(?P<initials>[A-Z]\.?[A-Z]\.?(?:[A-Z]\.?)?)(?=[ \t]*[),;:]|[ \t]|$)",
    re.MULTILINE,
)
# Clinical shorthand that follows "Pt" in notes: "Pt DNA'd", "Pt NBM", "Pt SOB on exertion".
NOT_PATIENT_INITIALS = frozenset(
    """DNA NBM NFA SOB BP HR RR NAD TTO TCI OOH IV IM PO NOK SOS OBS ECG TPR GCS BM BMS PRN
    EOL ACP RIP DOB NKDA NAI ROM ADL ADLS PU PUS CD CDS TV DC CP AF MI""".split()
)

# Acronyms of services, bodies, roles, conditions and paperwork that stand where a person's
# initials could, and the shorthand of case notes and doses ("SU", "DA", "OM", "BD"); never
# anyone's initials in these slots.
NOT_INITIALS = frozenset(
    """GP GPS NHS CQC PALS ICB ICS CCG PCN LA DWP HR IT CEO MP MSP AM PM MS OT OTS SLT SALT
    DN DNS HCA HCAS RN RGN RMN CPN SW SWS AMHP IMHA IMCA PA PAS TA SENCO SEN SENDCO EHCP ED
    AE ICU ITU HDU MAU AMU SAU CDU MDT CMHT CAMHS CRHT HTT EIP IAPT MH LD ASD ADHD OCD PTSD
    COPD CKD UTI TB HIV MND MRI CT ECG EEG DNR DNACPR LPA POA DOLS MCA MHA DBS PIP UC ESA JSA
    CAB RNIB RNID BBC ITV UK USA EU UN WHO AA NA RSPCA NSPCC MIND SAMH SAS WAST NIAS NEAS YAS
    EMAS SCAS LAS NWAS EEAST SWASFT WMAS NHSE PHE UKHSA NICE HSE HSCNI HB LHB BCU CAV ABUHB
    SBUHB HDUHB CTMUHB PTHB MOD RAF VAT ID OK PC DR MR MRS MS MX NB PS QA PR IPA SPA ANP ENP
    ACP APP HV HVS MW CMW SN SSN SHO FY FY1 FY2 ST CT SPR REG CONS TL TM SM DM CM RM NM BM
    ATM AND THE FOR BUT NOT YOU ALL CAN HAD HER WAS ONE OUR OUT HAS HIS HOW MAN NEW NOW OLD
    SEE TWO WAY WHO BOY DID ITS LET PUT SAY SHE TOO USE
    SU SUS DA DV IDVA MARAC CP CIN LAC NOK SIL DIL BIL OM ON OD BD TDS QDS PRN TC""".split()
)


def initials_findings(text: str) -> Iterator[Finding]:
    """Initials in a person's slot: the subject of a person's verb, the owner of what only a
    person has, a note's author, or one of round 83's slots (`slot_initials`)."""
    yield from slot_initials(text)
    for pattern, score in ((AUTHOR, 0.7), (SUBJECT, 0.65), (OWNER, 0.65), (PATIENT, 0.65)):
        for m in pattern.finditer(text):
            initials = m.group("initials")
            bare = initials.replace(".", "")
            if not initials.isupper() or bare in NOT_INITIALS:
                continue
            if pattern is PATIENT and bare in NOT_PATIENT_INITIALS:
                continue
            if pattern is not AUTHOR and _shouting(text, m.start("initials")):
                continue  # in ALL CAPS every word looks like initials
            before = ARTICLE_BEFORE if pattern is OWNER else BODY_BEFORE  # "from RB's pension"
            if pattern not in (AUTHOR, PATIENT) and before.search(
                text[max(0, m.start("initials") - 12) : m.start("initials")]
            ):
                continue  # "the NRS said", "the team at LB advised": a body, not a person
            yield Finding(m.start("initials"), m.end("initials"), "PERSON", score, "initials")


# An article or a preposition of place before the initials makes them a body or a place:
# a person's initials take neither.
# Before an owner only the article counts: "at LP's request" is a person's.
BODY_BEFORE = re.compile(r"\b(?:the|a|an|at|from|of|in|into|to|with|via)[ \t]+$", re.IGNORECASE)
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)[ \t]+$", re.IGNORECASE)


def _shouting(text: str, at: int) -> bool:
    """The line around `at` is written in capitals, so its short words are not initials."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


# Round 83: slots that only a person fills, each marked by several writers' sets and left by
# none:
# - after "signed" anywhere in a line (not only as a field), bare or dotted, also after a mark
#   made for someone who cannot write: "Signed RK", "Signed L.G. (senior carer)", "Signed
#   (mark) H.B." (v43, v70, v96, v106, v117);
# - after the word "initials" itself: "participant initials EH", "a client, initials J.T.",
#   "(initials LW)" (v70, v81, v98, v101);
# - before a resident's room in a handover's list: "- MP (rm 36): end of life", "KR (R15):"
#   (v81, v100, v112);
# - before the job of whoever wrote or signed, in brackets: "— DM (receptionist)", "V.T.
#   (senior carer)" (v14, v17, v112, v117).
# Dotted initials keep their last dot ("L.G."), as the sets mark them.
_SLOT_INITIALS = r"(?P<initials>(?:[A-Z]\.[ \t]?){1,2}[A-Z]\.|[A-Z]{2,3})"
SIGNED = re.compile(
    r"\b(?i:signed|sgd)(?:[ \t]*\((?i:mark)\))?[ \t]*:?[ \t]*"
    rf"{_SLOT_INITIALS}(?![\w&/'’-])"
)
SIGNED = gated(SIGNED)
INITIALS_WORD = re.compile(rf"\b(?i:initials)[ \t]*[:,-]?[ \t]*{_SLOT_INITIALS}(?![\w&/'’-])")
INITIALS_WORD = gated(INITIALS_WORD)
# Before a room only two letters or dotted ones: three capitals there name a unit ("IPU (Bay
# 2)").
ROOM_SLOT = re.compile(
    r"(?<![\w&/.'’-])(?P<initials>(?:[A-Z]\.[ \t]?){1,2}[A-Z]\.|[A-Z]{2})"
    r"(?=[ \t]*\([ \t]*(?:(?i:rm|room|bed|bay|side[ \t]?room)\.?[ \t]*\d{1,3}|R\d{1,3})[ \t]*\))"
)
ROOM_SLOT = gated(ROOM_SLOT)
_JOBS = (
    r"receptionist|carer|care[ \t]+assistant|hca|nurse|staff[ \t]+nurse|manager|sister|"
    r"social[ \t]+worker|pharmacist|volunteer|admin|administrator|secretary|physio|"
    r"physiotherapist|key[ \t]?worker|support[ \t]+worker|youth[ \t]+worker|advocate|"
    r"co-?ordinator"
)
ROLE_SLOT = re.compile(
    rf"(?<![\w&/.'’-]){_SLOT_INITIALS}(?=[ \t]*\((?i:(?:senior|deputy|duty|night|day|"
    rf"assistant|lead)[ \t]+)?(?i:{_JOBS})[ \t]*\))"
)
ROLE_SLOT = gated(ROLE_SLOT)
# Pairs that NOT_INITIALS keeps out of the looser slots but that are as often someone's
# initials ("DM", "MP", "AM"); in these slots only a person stands.
PERSON_PAIRS = frozenset("MP DM AM PM BM CM RM NM SM TM TL DA OM ON OD TC PC PR PS MS".split())
SLOT_NOT_INITIALS = NOT_INITIALS - PERSON_PAIRS


def slot_initials(text: str) -> Iterator[Finding]:
    """Initials after "signed" or "initials", or before a room or a job in brackets (round
    83's slots, above). Bare initials on a line in capitals count only after "initials" or
    before a job, where the slot itself says a person ("SIGNED OFF", "SIGNED IT" stay)."""
    for pattern in (SIGNED, INITIALS_WORD, ROOM_SLOT, ROLE_SLOT):
        for m in pattern.finditer(text):
            initials = m.group("initials")
            bare = re.sub(r"[.\s]", "", initials)
            dotted = bare != initials  # "H.B." is someone; "HB" may be a health board
            if (bare in SLOT_NOT_INITIALS and not dotted) or bare.lower() in STOP_WORDS:
                continue
            if (
                not dotted
                and pattern in (SIGNED, ROOM_SLOT)
                and _shouting(text, m.start("initials"))
            ):
                continue
            yield Finding(m.start("initials"), m.end("initials"), "PERSON", 0.7, "slot_initials")
