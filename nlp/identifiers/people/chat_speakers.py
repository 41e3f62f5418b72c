"""People named as speakers in a chat or message thread: "Nic: anyone had …", "K: ok".

Sixth round (issue 20): a group chat or a text thread written inline names its speakers before
a colon, often by a nickname or an initial no name list holds. When a text reads as a thread
(three turns or more, two speakers or more), each speaker label that is no common word and no
role (SW, GP, Q, A) and no day of a diary ("Mon:", "Th:", and "M:", "T:" where the labels
are days) is a person, wherever it stands as a label. A transcript writes its speakers in
capitals ("INTERVIEWER:", "PEIGI:"); such a label is judged as the same word in lower case
(seventeenth round), so "INTERVIEWER" is a role and "NOTE" a common word. Labels of forms ("Name:",
"Date:", "Subject:") are common words and stay; "Befriender:"-style roles are left to the
anonymiser's own role check. Twenty-fourth round: a case note's fields before a colon
("Obs:", "Sibling:", "Discharged:", `never_a_person.py`) are no speakers either.
Thirty-first round: a transcript that labels its speakers by surname ("Fisher:", "Turner:",
"BAKER:") names people, although the surname ends as a role does ("-er": "Caller:").
Thirty-third round: a speaker named by a role is no person wherever the label stands: after an
export's time stamp ("[08:51] Customer:", "[10:02] Agent:"), as a diarizer's numbered voice
("SPEAKER_00:", "Speaker 2:"), or cut short in capitals ("PHARM:" for the pharmacist, "RECEP:"
for the receptionist); and the role written in brackets after a speaker's name ("Tash (SW):",
"Priyanka (Adviser):") makes the name a speaker's, however everyday the name is as a word.
Forty-third round: beside a speaker whose label is in no word list ("Rukhsana:"), a pet form
that is an everyday word ("Mo:", "Dot:") is a speaker too (`names_a_speaker`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import ROLE_CUES, TITLE_CUES, gazetteer
from nlp.identifiers.core.never_a_person import NEVER_A_PERSON
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.usernames import STRONG, WEAK, username_shape
from nlp.identifiers.people.initials import NOT_INITIALS

# A name as a chat labels it: "Nic", "Sinéad", "Mary-Jo", "O'Neill", or one or two capitals.
NAME = r"(?:[A-Z]['’])?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,11}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,11})?"
# A name in capitals, as a transcript labels its speakers ("PEIGI:", "IOLO:" beside
# "INTERVIEWER:"): judged as the same name written in the ordinary way.
CAPITALS = r"[A-ZÀ-ÖØ-Þ]{3,12}"
CAPITAL_LABEL = "capitals"
# A username as a thread labels it ("Sandwich_Gen_Sue", "MollyMoo84"); usernames.py judges it.
USERNAME = r"[A-Za-z][A-Za-z0-9_.]{2,30}[A-Za-z0-9_]"
# The time stamp an exported chat puts before each sender: WhatsApp on iPhone "[14/02, 19:05]",
# "[03/05/24, 11:02:10]", Teams and Signal "[10:32 AM]", WhatsApp on Android
# "14/02/2024, 19:05 - ".
STAMP = (
    r"(?:\[[^\]\n]{0,24}?\d{1,2}:\d{2}[^\]\n]{0,12}\]"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?,?[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]+[-–])"
)
# A turn starts the text or a line, or follows the end of a sentence or an emoji.
TURN = re.compile(
    r"(?:^|(?<=\n)|(?<=[^\w\s,;:'’\"-])[ \t]+)[ \t]*"
    rf"(?P<who>{NAME}|[A-Z]{{1,2}}|{CAPITALS}|{USERNAME})[ \t]?:[ \t]+(?=\S)"
)
TURN = gated(TURN)
# After a time stamp the sender is whatever the phone's contacts call them, up to three words:
# "Shell", "Auntie Bernie", a common word included, in lower case ("gaz") or, for someone
# not in the contacts, after a tilde ("~ Bernie").
STAMPED_TURN = re.compile(
    rf"(?:^|(?<=\s)){STAMP}[ \t]*~?[ \t]?"
    rf"(?P<who>{NAME}(?:[ \t]{NAME}){{0,2}}|{USERNAME}|[a-zß-öø-ÿ]{{2,12}})"
    r"[ \t]?:[ \t]+(?=\S)"
)
STAMPED_TURN = gated(STAMPED_TURN)
ROLES = (
    frozenset(
        """q a sw gp nb ps re dr mr ms ok rn hca ot pt me us mum dad nan gran staff nurse carer
    reply answer note ref tel mob fax p c h hx dx rx tx sx son daughter wife husband ward
    meds callback postcode surname forename forenames name address date subject sent cc dob
    email phone mobile plan history notes action outcome chair host secretary clerk minutes
    admin mod moderator team all everyone int intv resp fac facil part r ch clr adv""".split()
    )
    | frozenset(
        # Headings of minutes and posts, which open lines before a colon as speakers do.
        """present apologies apols attendees attending absent members agenda actions action
    comments comment replies minutes decisions decision updates update summary aob venue
    items item matters arising next purpose attachments attached tbc tba none""".split()
    )
    | frozenset(
        # Round 92: a record's or a form's fields, in three to five sets each: "Pupil:", "PC:" (the
        # presenting complaint), "NI:" (the number), "HV:" (the health visitor), "YP:" (the young
        # person), "CT:" (a scan, or the call taker), "Query:", "Batch:".
        """pupil pc ni hv yp ct query batch""".split()
    )
)
ROLE_ENDINGS = ("er", "or", "ist", "ant", "ent", "ee")
# A diary written by day ("Mon: rang the surgery", "Th: Mam fell") labels its entries with
# days, not people.
DAYS = frozenset(
    """mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat
    saturday sun sunday th sa su""".split()
)
DAY_INITIALS = frozenset("m t w f s".split())
# Round 92: a letter before a contact's value is its field, as a letterhead or a signature
# writes them ("T: 01632 960315 E: manager@..."; four sets), not a speaker's initial.
CONTACT_VALUE = re.compile(r"[ \t]*(?:\+?\(?\d|[\w.+-]+@|www\.|https?://)")
# Round 92: a handover's or a clinical note's headings, each letter once and in order: SBAR
# (situation, background, assessment, recommendation) and SOAP (subjective, objective,
# assessment, plan). Six sets' "S:" and "B:" were taken for speakers.
NOTE_HEADINGS = ("SBA", "SOA")
# Surnames that are also the roles of the people a transcript or a care note labels
# ("Doctor:", "Driver:", "Porter:", "Warden:"), or words a form labels a field with
# ("Register:", "Junior:", "Water:"): these stay roles.
LABEL_ROLE_SURNAMES = frozenset(
    """doctor parent driver porter warden pastor contractor master minister rector chancellor
    messenger junior senior elder minor major register reader marker holder pointer power
    water summer winter prior usher steward keeper member client patient resident tutor
    mentor agent tenant lodger sitter skipper plant major trainer teacher counsellor
    chaplain""".split()
)


# Roles a call's or a chat's transcript names its speakers by, beside ROLE_CUES: a capital label
# cut from one of these ("PHARM", "RECEP", "DISP") is that role, not a person.
CALL_ROLES = frozenset(
    """adviser advisor agent assessor caller call-handler clinician customer client dispatcher
    handler helper listener moderator navigator operator pharmacy practitioner responder
    supervisor trainee triager user visitor""".split()
)
# A diarizer's numbered voice, or a chat's numbered guest: no name in it.
NUMBERED_VOICE = re.compile(r"(?i)(?:speaker|spk|voice|participant|guest|user|caller)[ _-]?\d{1,3}")


def role_label(low: str, gaz, cut: bool = True) -> bool:
    """ "customer", "adviser", "pharm" (cut from "pharmacist"), "speaker_00": a label that
    names a role or a numbered voice, not a person. With `cut` (labels in capitals), a word
    cut from a role is one too; a first name or a surname ("Rob", "Pat") is never cut from a
    role, and a cut needs three letters."""
    if NUMBERED_VOICE.fullmatch(low) or low in CALL_ROLES or low in ROLE_CUES:
        return True
    if low in ROLES or low in LABEL_ROLE_SURNAMES:
        return True
    if low.endswith(ROLE_ENDINGS) and low in gaz.english_words and not gaz.is_name_part(low):
        return True
    if not cut or len(low) < 3 or low in gaz.first_names or low in gaz.surnames:
        return False
    return any(role.startswith(low) and role != low for role in (*ROLE_CUES, *CALL_ROLES))


def _form_field_verb(low: str, gaz) -> bool:
    """ "Discharged:", "Referred:", "Seen:": a form's field named by what was done, which a
    case note writes before a colon as a transcript writes a speaker."""
    return low.endswith(("ed", "en")) and low in gaz.english_words and low not in gaz.first_names


def _form_field_word(low: str, gaz) -> bool:
    """ "Allergies:", "Diagnoses:", "Finances:", "Caseload:": a form's field named by a word of
    English that no name list holds (twenty-eighth round). The common-word check above misses
    plurals and the words of care; a name that is also a word ("Hope:", "Rose:") is a name part
    and stays a speaker, and so do short nicknames the long word list holds ("Daz:", "Tash:",
    "Mair:"): a field's word has six letters or more."""
    return len(low) >= 6 and low in gaz.english_words and not gaz.is_name_part(low)


def _is_diary(speakers: set[str]) -> bool:
    """Two or more labels are days (or day initials such as "M", "T", "W", "Th"): the "turns"
    are a diary's days, so every day-like label is a day."""
    lowered = {who.lower() for who in speakers}
    return len(lowered & DAYS) + len(lowered & DAY_INITIALS) >= 2


# A speaker's name with the role in brackets before the colon: "Tash (SW):", "Jamie (staff):",
# "MIDWIFE (Harriet):" names the person the other way round.
BRACKETED = re.compile(
    rf"(?:^|(?<=\n)|(?<=\][ \t]))[ \t]*(?P<who>{NAME}|{CAPITALS})[ \t]+"
    rf"\((?P<role>{NAME}|{CAPITALS}|[A-Z]{{2}}|[a-z]{{2,14}})\)[ \t]?:(?=[ \t]+\S)"
)
BRACKETED = gated(BRACKETED)


def _is_role(word: str, gaz) -> bool:
    low = word.lower()
    return low in ROLES or low in ROLE_CUES or role_label(low, gaz, word.isupper())


def bracketed_roles(text: str) -> set[str]:
    """The roles written in brackets beside a speaker's name ("Priyanka (Adviser):"), in lower
    case: each is a role wherever it was guessed a person."""
    if "):" not in text and ") :" not in text:
        return set()
    gaz = gazetteer()
    roles = set()
    for m in BRACKETED.finditer(text):
        if _is_role(m.group("role"), gaz) and not _is_role(m.group("who"), gaz):
            roles.add(m.group("role").lower())
        elif (
            _is_role(m.group("who"), gaz)
            and re.fullmatch(NAME, m.group("role"))
            and not _is_role(m.group("role"), gaz)
        ):
            roles.add(m.group("who").lower())
    return roles


def bracketed_speakers(text: str) -> Iterator[Finding]:
    """ "Tash (SW): Hi Lyn", "MIDWIFE (Harriet): ...": the name beside a speaker's role in
    brackets is a person, though the word lists hold it as a word ("tash", "mo"); the role's
    side stays. Taken only where such a label opens a line or follows a time stamp."""
    if "):" not in text and ") :" not in text:
        return
    gaz = gazetteer()
    for m in BRACKETED.finditer(text):
        who, role = m.group("who"), m.group("role")
        if _is_role(role, gaz) and not _is_role(who, gaz):
            name = who
        elif (
            _is_role(who, gaz)
            and re.fullmatch(NAME, role)
            and not _is_role(role, gaz)
            and role.lower() not in gaz.common_words
        ):
            name = role  # "MIDWIFE (Harriet):", not "CALLER (typed):" or "Daughter (NOK):"
        else:
            continue
        if name.lower() in STOP_WORDS or name.lower() in DAYS:
            continue
        start = m.start("who") if name is who else m.start("role")
        yield Finding(start, start + len(name), "PERSON", 0.8, "chat_speaker")


def chat_speakers(text: str) -> Iterator[Finding]:
    if ":" not in text:
        return
    yield from bracketed_speakers(text)
    stamped = [m for m in STAMPED_TURN.finditer(text)]
    plain = [m for m in TURN.finditer(text) if _label_shape(m.group("who")) and _spoken(text, m)]
    speakers = {m.group("who") for m in plain}
    if len(stamped) < 2 and (len(plain) < 3 or len(speakers) < 2):
        return
    yield from _stamped_senders(text, stamped if len(stamped) >= 2 else [])
    shapes = {who: _label_shape(who) for who in speakers}
    forum = STRONG in shapes.values()  # a username shaped as one is no accident
    gaz = gazetteer()
    diary = _is_diary(speakers)
    headings = _note_headings(plain)
    named = any(names_a_speaker(who.lower(), gaz) for who in speakers)
    for who in speakers:
        low = who.lower()
        shape = shapes[who]
        if NUMBERED_VOICE.fullmatch(low):
            continue  # "SPEAKER_00:", "Speaker2:" (thirty-third round)
        if shape == WEAK and not forum:
            continue  # "wearyoldbloke:" is a username only among others
        if shape in ("name", CAPITAL_LABEL) and surname_label(low, speakers, gaz, text):
            yield from _labels(text, who, 0.75)  # "Fisher:", "TURNER:" (thirty-first round)
            continue
        if shape == CAPITAL_LABEL:
            if (
                low in ROLES
                or low in STOP_WORDS
                or low in DAYS
                or low.endswith(ROLE_ENDINGS)
                or role_label(low, gaz)
            ):
                continue  # "INTERVIEWER:", "RESP:", "NOTE:"
            turns = sum(m.group("who") == who for m in plain)
            if turns >= 2 and (
                low in gaz.first_names or (len(low) >= 4 and low not in gaz.common_words)
            ):
                yield from _labels(text, who, 0.75)
            # else "INTERVIEWER:", "INT:", "SUBSTANCES:": a role or a form's field
            continue
        if shape == "name":
            if role_label(low, gaz, cut=False):
                continue  # "Customer:", "Adviser:" (thirty-third round)
            if low in DAYS or (diary and low in DAY_INITIALS):
                continue  # "Mon:", and in a diary by days "M:", "T:"
            if who in headings or (len(who) == 1 and _contact_label(text, who)):
                continue  # an SBAR's "S:" and "B:", a letterhead's "T: 01632 …"
            if low in ROLES or low in STOP_WORDS or low.endswith(ROLE_ENDINGS):
                continue  # "To:", "Referrer:", "Caller:", "SW:"
            if low in NEVER_A_PERSON or _form_field_verb(low, gaz):
                continue  # a case note's "Obs:", "Sibling:", "Discharged:", "Seen:"
            if len(low) > 2 and (
                (low in gaz.common_words and low not in gaz.first_names)
                or _form_field_word(low, gaz)
            ):
                if not addressed_by_name(text, who) and not (low in gaz.pet_words and named):
                    continue
        yield from _labels(text, who, 0.75)


# Round 73: a thread typed on as one run, its turns joined by spaces ("... in Banbridge Paddy:
# aye. ...", "bhavna: i did last three kiran: i was in dubai"; v17, v69, v89, v97): a label can
# stand anywhere before a colon.
LOOSE_LABEL = gated(
    re.compile(r"(?<![\w'’:/.@-])(?P<who>[A-Za-zÀ-ÖØ-Þß-öø-ÿ][a-zß-öø-ÿ]{1,11})[ \t]?:[ \t]+(?=\S)")
)
# Kinship words a family's thread labels its speakers with: no one's name.
KIN_LABELS = frozenset(
    """mam mammy mum mummy mom ma dad daddy da pa nan nana nanna nain taid gran granny grandad
    grandma grandpa auntie aunty anti uncle sis bro son daughter""".split()
)


def run_on_speakers(text: str) -> Iterator[Finding]:
    """Speakers of a thread typed as one run: two labels or more, each before a colon twice or
    more, make a thread; each such label that can only be a name (`names_a_speaker`, or a
    listed first name in a thread that has one such) is a person wherever it stands as a
    label. Kinship words, roles, days and a form's words stay."""
    if text.count(":") < 4:
        return
    counts: dict[str, int] = {}
    for m in LOOSE_LABEL.finditer(text):
        counts[m.group("who")] = counts.get(m.group("who"), 0) + 1
    repeated = [who for who, n in counts.items() if n >= 2]
    if len(repeated) < 2:
        return
    gaz = gazetteer()
    names = []
    for who in repeated:
        low = who.lower()
        if low in KIN_LABELS or low in ROLES or low in STOP_WORDS or low in DAYS:
            continue
        if low in NEVER_A_PERSON or role_label(low, gaz, cut=False):
            continue
        if names_a_speaker(low, gaz) or low in gaz.first_names:
            names.append(who)
    if not any(names_a_speaker(who.lower(), gaz) for who in names):
        return
    for who in names:
        yield from _labels(text, who, 0.75)


def names_a_speaker(label: str, gaz) -> bool:
    """A label that can only be a name: a listed first name that is no common word, or, round
    43, a word in no list at all ("Rukhsana:", "Harpreet:", whom the first-name lists miss).
    Beside such a speaker a pet form that is an everyday word ("Mo:", "Dot:") is one too."""
    if label in gaz.first_names:
        return label not in gaz.common_words
    return len(label) >= 4 and label not in gaz.english_words and label not in ROLE_CUES


ROLE_PLURALS = tuple(e + "s" for e in ROLE_ENDINGS)
# The colon, or a field of the role's before it ("Referrer tel:", "Advocate email:").
FIELD_COLON = re.compile(
    r"[ \t]*(?:(?i:tel|phone|mob|mobile|email|e-mail|no\.?|number|address|name)[ \t]*)?:"
)
FIELD_AT_LINE_START = re.compile(r"(?:^|(?<=\n)|(?<=[.!?]))[ \t]*(?:[-*•][ \t]*)?$")


def role_field(text: str, f: Finding) -> bool:
    """ "Referrer: Zoe …", "Interpreters: Tigist …", "Facilitator: …": a one-word label at a
    line's or a sentence's start, before a colon (or "tel:", "email:"), shaped as a role or
    its plural and in no name list, is a form's field, whatever guessed it a person
    (thirty-first round; a transcript's speakers by surname, "Turner:", are name parts and
    stay)."""
    if f.label != "PERSON" or not FIELD_COLON.match(text, f.end, f.end + 12):
        return False
    low = text[f.start : f.end].lower()
    if len(low) < 6 or not low.isalpha() or not low.endswith(ROLE_ENDINGS + ROLE_PLURALS):
        return False
    if not FIELD_AT_LINE_START.search(text, max(0, f.start - 8), f.start):
        return False
    gaz = gazetteer()
    return not gaz.is_name_part(low) and not gaz.is_name_part(low.rstrip("s"))


def surname_label(low: str, labels: set[str], gaz, text: str = "") -> bool:
    """ "fisher" of "Fisher:" is a speaker named by surname, not a role shaped like one: a
    listed surname ending as roles do ("Turner", "Baker", "Walker", "Cooper"), no role a
    transcript or a note labels ("Doctor:", "Porter:", "Carer:") nor a field a form does, and
    a name by other evidence: another label is a name too (a surname of the same kind, or a
    first name or surname in no list of common words), or the text names the person by it
    after a title or a first name ("Mr Fisher", "Ron Fisher"). A thread of "Interviewer:" and
    "Register:" names no one."""
    if (
        not low.endswith(ROLE_ENDINGS)
        or low not in gaz.surnames
        or low in LABEL_ROLE_SURNAMES
        or low in ROLES
        or low in ROLE_CUES
        or low in TITLE_CUES
    ):
        return False
    for other in labels:
        o = other.lower()
        if o == low or o in ROLES or o in ROLE_CUES or o in LABEL_ROLE_SURNAMES:
            continue
        if (o in gaz.surnames or o in gaz.first_names) and (
            o not in gaz.common_words or (o.endswith(ROLE_ENDINGS) and o in gaz.surnames)
        ):
            return True
    named = rf"(?:{low.capitalize()}|{low.upper()})\b(?![ \t]?:)"
    before = r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|[A-Z][a-z]+)\.?[ \t]+"
    return bool(text and re.search(before + named, text))


# Where a thread speaks to someone by name: after thanks or a greeting ("thanks Robin", "oh
# Shell"), or before a question put to them ("Tash did you ring?", "Kit, can you ...").
GREETING = (
    r"(?:thanks|thank\s+you|cheers|ta|oh|hi|hiya|hey|morning|night|love\s+you|sorry|bless\s+you)"
)
QUESTION = r"(?:did|can|could|are|have|will|would|do|were)\s+you\b"


def addressed_by_name(text: str, who: str) -> bool:
    """Whether the text speaks to `who` by name outside a label: a label that is also an
    ordinary word ("Tash", "Shell", "Skip") is a person's name when the others address it,
    as no one addresses "Plan" or "Note"."""
    name = re.escape(who)
    return bool(
        re.search(rf"(?i:\b{GREETING})[ \t,]+{name}\b(?![ \t]?:)", text)
        or re.search(rf"(?<![\w'’-]){name},?[ \t]+(?i:{QUESTION})", text)
    )


def _spoken(text: str, turn: re.Match[str]) -> bool:
    """A label in capitals opens a turn only when what follows is not in capitals too: in a
    transcript the speakers stand out from their words, while a form typed in capitals
    ("SUBSTANCES: HEROIN", "ADDR: 14 HIGH ST") is fields, not people."""
    if _label_shape(turn.group("who")) != CAPITAL_LABEL:
        return True
    letters = [c for c in text[turn.end() : turn.end() + 60].split("\n")[0] if c.isalpha()]
    return bool(letters) and sum(c.islower() for c in letters) > len(letters) / 2


def _contact_label(text: str, who: str) -> bool:
    """Every place the letter stands as a label, a phone number, an e-mail address or a web
    address follows it: a contact's field ("T: 0113 …", "E: jo@…")."""
    label = re.compile(rf"(?<![\w'’-]){re.escape(who)}[ \t]?:")
    return all(CONTACT_VALUE.match(text, m.end()) for m in label.finditer(text))


def _note_headings(turns: list[re.Match[str]]) -> set[str]:
    """The letters of an SBAR or SOAP note's headings, where the note has them each once and
    in order ("S: ... B: ... A: ... R: ..."); two people's initials take turns instead."""
    letters = [m.group("who") for m in turns if len(m.group("who")) == 1]
    order = "".join(letters)
    found: set[str] = set()
    for headings in NOTE_HEADINGS:
        if all(letters.count(h) == 1 for h in headings) and _in_order(order, headings):
            found |= set(headings)
    return found


def _in_order(letters: str, headings: str) -> bool:
    """Whether the headings' letters come in this order among the labels."""
    at = -1
    for h in headings:
        at = letters.find(h, at + 1)
        if at < 0:
            return False
    return True


def _label_shape(who: str) -> str | None:
    """ "name" for a capitalised name or initials, CAPITAL_LABEL for a word in capitals with
    a vowel (an
    acronym such as "NHS" or "CQC" has none, and "PALS" is a known one), STRONG or WEAK for
    a username, else None."""
    if re.fullmatch(NAME, who) or re.fullmatch(r"[A-Z]{1,2}", who):
        return "name"
    if re.fullmatch(CAPITALS, who):
        if not re.search(r"[AEIOUY]", who) or who in NOT_INITIALS:
            return None
        return CAPITAL_LABEL
    return username_shape(who)


def _labels(text: str, who: str, score: float) -> Iterator[Finding]:
    """Every place `who` stands as a label before a colon."""
    label = re.compile(rf"(?<![\w'’-]){re.escape(who)}[ \t]?:(?=[ \t]+\S)")
    for m in label.finditer(text):
        yield Finding(m.start(), m.start() + len(who), "PERSON", score, "chat_speaker")


def _stamped_senders(text: str, stamped: list[re.Match[str]]) -> Iterator[Finding]:
    """A sender after an export's time stamp is a person even when the name is a common word
    ("Shell", "Rob"); words of kinship or role before the name ("Auntie Bernie") stay, and a
    sender that is only a role ("Mum") or a day is no one."""
    gaz = gazetteer() if stamped else None
    for m in stamped:
        who = m.group("who")
        if " " not in who.strip() and role_label(who.lower(), gaz, who.isupper()):
            continue  # "[08:51] Customer:", "[14:22:05] SPEAKER_00:" (thirty-third round)
        if " " not in who.strip() and not re.fullmatch(NAME, who):
            low = who.lower()
            if username_shape(who) is None and (
                not who.islower()
                or low in gazetteer().english_words
                or low in ROLES
                or low in STOP_WORDS
                or low in DAYS
            ):
                continue  # "[09:10] note: ...", "[14/02, 19:05] mum: ..."
            yield Finding(m.start("who"), m.end("who"), "PERSON", 0.8, "chat_speaker")
            continue
        start = m.start("who")
        for word in re.finditer(r"\S+", who):
            low = word.group().lower()
            if low in ROLES or low in ROLE_CUES or low in TITLE_CUES:
                start = m.start("who") + word.end()
                continue
            break
        rest = text[start : m.end("who")].strip()
        low = rest.lower()
        if not rest or low in ROLES or low in STOP_WORDS or low in DAYS:
            continue
        begin = text.index(rest, start)
        yield Finding(begin, begin + len(rest), "PERSON", 0.8, "chat_speaker")
