"""What the words around a risk phrase say about whose risk it is and when (issue 19, precision,
second round).

Read by kind from the false alarms of a development set, each kind written as a general test
on the words around a hit, never from one sentence:

- **a death told**: "my brother died by suicide in 2015", "bereaved by suicide", "lost his
  son to suicide". A death is grief, not a risk to the teller now (a teller who is at risk
  says so in words the rules and the model still hear).
- **a professional's account of others**: a nurse, paramedic or doctor telling what they see
  at work in general ("last night we had three overdoses", "I see people who've self-harmed").
  Held back only when the sentence tells of many or of their work ("we had", "people",
  "every night") and the phrase is not about the teller or someone of theirs ("my", "I",
  "me"). A gatherer's or volunteer's note about one person is not held back: that is how a
  concern is passed on.
- **past, with when, and well now**: "when I was a teenager I self-harmed ... I'm 45 now",
  "back in 2012 I tried to take my own life ... these days I'm stable". The sentence anchors
  the risk in the past and the next ones say the person is well now, with no word that it is
  back ("again", "still", "started").
- **idioms and information**: "wanted to die of embarrassment", "end it with this GP
  practice", "a leaflet warning about overdose".
- **well now, for the model** (`resolved_now`): immediate danger means now, so a sentence
  that says the person is now fine, stable, home or safe ("he's fine now thank goodness",
  "she's now safe in a refuge") cannot be the one that raises it, nor the sentence just
  before it.
"""

from __future__ import annotations

import re

# "Died by suicide", "death by suicide", "bereaved by suicide", "lost my son to suicide".
DEATH_BEFORE = frozenset(
    "died dying death deaths bereaved bereavement lost losing loss killed funeral inquest "
    "after loses".split()
)
DEATH_LINK = frozenset({"by", "to", "from", "through", "of"})
ATTEMPT = frozenset("trying tried try tries attempting attempted attempt nearly almost".split())
# Who tells a story about others at work. Family carers are not here: their "I'm a carer for
# my son who self-harms" is about someone of theirs.
STAFF_ROLES = frozenset(
    "nurse nurses paramedic paramedics doctor doctors gp consultant registrar medic "
    "pharmacist midwife psychologist psychiatrist clinician practitioner".split()
)
# And what they tell is their work in general: many people, every shift, "we had", "I attended".
AT_WORK = re.compile(
    r"\b(?:we (?:had|see|saw|get|got|went|attended|deal|treated)|i (?:see|attended|treated)"
    r"|people|patients|a lot of|lots of|every (?:night|day|shift|week)|many|several|one shift)\b"
)
STAFF_INTRO = re.compile(
    r"\b(?:i'?m an?|i am an?|i work as an?|as an?|i'?ve been an?|i have been an?)"
    r"(?: \w+){0,3}? (" + "|".join(sorted(STAFF_ROLES)) + r")\b"
)
FIRST_PERSON = frozenset("i me my myself i'm i've i'd mine our we've".split())
FAMILY = frozenset(
    "son daughter child children kid kids mum mother dad father husband wife partner brother "
    "sister friend mate boyfriend girlfriend grandson granddaughter nan gran grandad".split()
)
# Time said with a risk that puts it in the past: "when I was a teenager", "back in 2012".
PAST_ANCHOR = re.compile(
    r"\b(?:when (?:i|he|she|they) (?:was|were) (?:a |an |at |in |\d)|as a (?:teenager|child|kid"
    r"|student)|back in (?:19|20)\d\d|back then|in (?:19|20)\d\d|(?:\w+|\d+) years ago|years back"
    r"|at (?:school|university|uni|college)|decades? ago"
    # The same said in a mixed Welsh sentence, and old scars: "yn 2008", "pan o'n i'n student".
    r"|yn (?:19|20)\d\d|pan o ?'?n i|old (?:\w+ )?scars?"
    # An age or a year said another way: "at 16", "for most of 2021", "a while ago".
    r"|at (?:the )?(?:age (?:of )?)?1\d\b(?! ?:)|(?:of|during|until|throughout) (?:19|20)\d\d"
    r"|at the time\b(?! of)|back then|in those days|a (?:long )?while (?:ago|back)"
    r"|(?:over|more than) a year ago|(?:\w+|\d+) months ago)"
)
# Well now, said in the words tellers use beside a past risk (round 14, read by kind from the
# false alarms of v17 and v19): sober for a span, doing grand or great, well for a span.
WELL_SAID = (
    r"|(?:\w+|\d+) (?:years|yrs|months) sober|doing (?:grand|great|brilliantly|fine|ok|okay)"
    r"|(?:been|kept) well (?:for|since)|well for (?:a decade|decades|years|(?:\w+ )?years)"
)
WELL_NOW = re.compile(
    # Round 22: hurried words drop the apostrophe ("im 36 now, doing well").
    r"(?:'m|\bim|\bi m|\bam|'s|\bis|\bare|'re) (?:\w+ )?(?:now|well|better|fine|stable|okay|ok)\b"
    r"|\b(?:these days|nowadays|since then|ever since|recovery|recovered|in a (?:\w+ )?place"
    r"|has n't|hasn't|have n't|haven't|today i"
    r"|(?:a |an |totally |completely |entirely )?(?:different|new) person"
    r"|it ?'?s been (?:\w+ )?(?:years|decades)|(?:\w+ )?years (?:clean|free|since)"
    # "6 yrs on", "for fourteen months now", "out the other side", "a peer supporter now".
    r"|(?:\w+|\d+) (?:years|yrs|months) on|for (?:\w+ ){1,4}(?:years|yrs|months) now"
    r"|out the other side|peer (?:supporter|mentor|worker|support worker)" + WELL_SAID + r")\b"
    # Round 14: "four years sober", "both doing grand", "I've been well for a decade".
)
BACK_AGAIN = re.compile(
    r"\b(?:again|still|started|starting|back to|relapse|relapsed|lately|recently|this week"
    r"|last night|tonight|yesterday|struggling|worse|low|thoughts|thinking|want to|feel like)\b"
)
# "Die of embarrassment", "die of boredom": an idiom.
DIE_OF = frozenset(
    "embarrassment shame boredom laughing laughter fright cringe jealousy curiosity".split()
)
# "A leaflet warning about overdose", "suicide prevention", "awareness of self-harm".
INFORMATION_BEFORE = frozenset(
    "warning warned warns warnings leaflet leaflets prevent prevention preventing awareness "
    "information info educate education".split()
)
# A sentence that says the person is well, home or safe now.
RESOLVED = re.compile(
    r"\b(?:(?:is|was|'s|s|are|'re|am|'m|were) (?!not |never )(?:\w+ )?(?:fine|okay|ok|alright"
    r"|all right|safe|stable|settled|recovering|doing well|doing fine|much better|better now"
    r"|home now|now home|now safe|now stable|now fine|now a healthy|healthy now|much calmer)"
    r"|fine now|safe now|home now and|stable now|calmer now|thank goodness|but fine"
    r"|thankfully (?:he|she|they|we|i)|all ended well|no harm done)\b"
)
STILL_AT_RISK = re.compile(r"\b(?:still|again|for now|tonight|right now|coming back)\b")


def death_told(before: list[str]) -> bool:
    """ "Died by suicide", "lost his son to suicide": the two or three words before the phrase
    tell a death."""
    window = before[-4:]
    # Round 16: "after trying to hang herself" is an attempt, not a death.
    if ATTEMPT & set(window):
        return False
    return bool(window) and window[-1] in DEATH_LINK and bool(DEATH_BEFORE & set(window[:-1]))


def staff_account(story: str, before: list[str], phrase: list[str]) -> bool:
    """A professional tells what they see at work, and this phrase is not about the teller or
    someone of theirs: "I work as a nurse in A&E. Last night we had three overdoses"."""
    if not STAFF_INTRO.search(story) or not AT_WORK.search(" ".join([*before, *phrase])):
        return False
    near = set(before[-5:]) | set(phrase)
    return not (FIRST_PERSON & near) and not ({"my", "our"} & set(before))


def past_with_a_when(sentence: str, after: str) -> bool:
    """ "When I was a teenager I self-harmed. I'm 45 now": a time that puts the risk in the past
    in its sentence, and well now in that sentence or the next two, with no word it is back."""
    if not PAST_ANCHOR.search(sentence):
        return False
    if BACK_AGAIN.search(sentence) or BACK_AGAIN.search(STILL_ON_MEDICINE.sub(" ", after)):
        return False
    return bool(WELL_NOW.search(after))


def idiom_or_information(before: list[str], phrase: list[str], after: list[str]) -> str | None:
    """ "Wanted to die of embarrassment", "end it with this GP practice", "a leaflet warning
    about overdose": why the phrase is not a risk, or None."""
    if phrase[-1:] in (["die"], ["dead"]) and after[:1] == ["of"] and set(after[1:3]) & DIE_OF:
        return 'idiom ("die of ...")'
    if phrase[-2:] in (["end", "it"], ["end", "things"]) and after[:1] == ["with"]:
        return 'idiom ("end it with" someone or something)'
    if INFORMATION_BEFORE & set(before[-3:]):
        return "information about the risk, not a person at risk"
    return None


def resolved_now(text: str) -> bool:
    """A sentence that says the person is now fine, home, stable or safe, with no "still",
    "again", "for now" or "tonight" to say otherwise."""
    lowered = text.lower().replace("\u2019", "'")
    return bool(RESOLVED.search(lowered)) and not STILL_AT_RISK.search(lowered)


# A screening question (issue 19, precision, third round): "the GP did the PHQ-9 with me. The
# question about being better off dead, I ticked 'not at all'"; "nes i ateb 'na' i'r questions
# am self-harm". A question is named, and the answer given is no.
SCREENING = re.compile(
    r"\b(?:questions?|questionnaire|screening|screened|phq-?9|form|asked|asks|checklist|"
    r"assessment|item|check-?in|cwestiwn|cwestiynau|gofyn|gofynnodd)\b"
)
ANSWERED_NO = re.compile(
    r"\b(?:answered|answer|ticked|tick|said|put|circled|wrote|replied|ateb|atebais|dweud)"
    r"\s*['\"]?\s*(?:no|na|nage|naddo|not at all|never|none)\b"
    r"|['\"]\s*not at all\s*['\"]|\bwhich i (?:have|had|do|did) ?n'?t\b"
    # "All no.", "told her no and no", "says no", "scored 0", "no to all of it".
    r"|\b(?:all|both) no\b|\bno and no\b|\b(?:told (?:her|him|them)|says|say) no\b"
    r"|\bscored? (?:a )?(?:0|zero|nil)\b|\bno to (?:all|both|each|every)\b"
)
# The next sentence answers for the teller: "Honestly I'm fine, just knackered."
FINE_ANSWER = re.compile(
    r"^\W*(?:honestly,? |but |and |no,? )?(?:i ?'?m|i am) (?:fine|ok|okay|alright|all right|good)\b"
)
ANSWERED_YES = re.compile(
    r"\b(?:answered|ticked|said|put|circled|replied|ateb|admitted)\s*['\"]?\s*(?:yes|ie|do|"
    r"nearly every day|more than half|several days)\b"
)


def screening_answered_no(sentence: str, after: str = "") -> bool:
    """A screening question named beside the phrase and answered no, in its sentence or the
    next, with no answer of yes: "they asked if I'd had thoughts of harming myself, which I
    haven't". "They asked ... and I said yes" is the teller's risk, and is not held back."""
    around = f"{sentence} {after}"
    if ANSWERED_YES.search(around) or BACK_AGAIN_NOW.search(around):
        return False
    return bool(SCREENING.search(sentence)) and bool(
        ANSWERED_NO.search(around) or FINE_ANSWER.search(after)
    )


# Said beside a screening answer, these tell the risk is there now whatever was ticked.
BACK_AGAIN_NOW = re.compile(
    r"\b(?:but (?:actually|really|honestly|truthfully)|lied|wasn't true|was n't true|not true)\b"
)


# Said of a risk in general, not of a person at risk (issue 19, precision, fourth round; read
# by kind from the false alarms of rounds v13-v15): what a course, a talk or a meeting taught
# ("the trainer talked about how to respond if someone mentions suicide", "the speaker presented
# figures on suicide among farmers"), or what someone might say ("what to do if someone says
# they're thinking of ending their life").
TEACHING = frozenset(
    "trainer trainers training course courses session sessions talk talks talked taught teach "
    "teaching learnt learned practised practiced practise practice workshop workshops seminar "
    "seminars awareness presentation presented presenter speaker lecture module webinar "
    "figures statistics discussion forum conference refresher".split()
)
HYPOTHETICAL = re.compile(
    r"\b(?:if|when|whether) (?:someone|somebody|anyone|anybody|a person|a child|a young person"
    r"|a customer|a patient|a friend|people)\b"
    r"|\b(?:someone|somebody|anyone|people|a person) (?:saying|says|who says|mentions|mentioning"
    r"|discloses|disclosing|tells you)\b"
)
# Round 13: a person at a session saying it of themselves ("at the drop-in session a lad said
# he'd rather be dead", "told me she's been cutting again"): a disclosure, not what was taught.
OWN_WORDS = re.compile(
    r"\b(?:said|says|told (?:me|us|staff|the \w+)|admitted|disclosed|mentioned) (?:that )?"
    r"(?:he|she|they) ?(?:'d|'s|'re|'ve|would|was|is|were|had|has|have|wanted|wants|felt|feels)?"
    r"(?: \S+)?$"
)
TOPIC_OF = re.compile(r"\b(?:number|numbers|rate|rates|figures|statistics) (?:of|on)$")


def general_talk(before: list[str], phrase: list[str]) -> str | None:
    """Why a risk phrase is talk of the risk in general, or None: said as what someone might
    say or do ("if someone mentions suicide"), or in a sentence about a course or a talk with no
    one of the teller's near it ("the trainer talked about suicide in farming"); "the number of
    suicides"."""
    said = " ".join(before)
    if HYPOTHETICAL.search(said):
        return "what someone might say, in general"
    if TOPIC_OF.search(said):
        return "talk about the topic in general"
    near = set(before[-5:]) | set(phrase)
    if (
        TEACHING & set(before)
        and not (FIRST_PERSON | FAMILY) & near
        and not OWN_WORDS.search(" ".join(before[-8:]))
    ):
        return "what a course or a talk was about"
    return None


# A worker checked and found no risk now: "Explored this: ... no current thoughts or plans",
# "Nurse explored it with her: she meant he'd be annoyed, no concerns at home".
CHECKED = re.compile(r"\b(?:explored|checked|assessed|asked|spoke|talked|discussed)\b")
NO_RISK_NOW = re.compile(
    r"\bno (?:current |ongoing |safeguarding |further )?(?:concerns?|thoughts|plans|intent|risk)\b"
    r"|\bnot at risk\b|\bshe meant\b|\bhe meant\b|\bthey meant\b"
)


def checked_no_risk(after: str) -> bool:
    """The next sentences say someone checked and found no risk now, and nothing says it is
    there still."""
    return (
        bool(CHECKED.search(after))
        and bool(NO_RISK_NOW.search(after))
        and not BACK_AGAIN_NOW.search(after)
        and not STILL_AT_RISK.search(after)
    )


# Laughter or a joke beside a threat: "if she rings once more I'll kill her lol", "someone
# joked she'll kill them. We all laughed".
JEST = re.compile(
    r"\b(?:lol|lols|lmao|lmfao|rofl|haha\w*|joke|joked|joking|jokes|jokingly|kidding|laughed"
    r"|laughing|banter)\b|\U0001f602|\U0001f923|\U0001f606|\U0001f605|\U0001f61c"
)


# Round 13: the teller's own threat over one more of a daily annoyance ("I swear I'll kill them
# if they ask for one more snack", "I'll murder him if he leaves his socks out again"): the
# teller is exasperated, not in danger. Only "I" as the one who threatens, and only a condition
# that something happens once more; "he'll kill me if I leave" is not this.
EXASPERATED = re.compile(
    r"\bi (?:swear (?:i |to god i )?)?(?:'ll|will|am going to|'m going to|'m gonna|ll|'d)"
    r" (?:kill|murder|strangle) (?:them|him|her|you|the \w+|my \w+)\b"
    r".{0,30}\b(?:if|when|next time)\b.{0,60}\b(?:one more|once more|another|again)\b"
)


def said_in_jest(sentence: str, after: str) -> bool:
    """A joke or laughter in the threat's sentence or the next, or the teller's own
    exasperation at one more annoyance: hyperbole, left to the model."""
    return bool(JEST.search(sentence) or JEST.search(after) or EXASPERATED.search(sentence))


# Told long after: a risk anchored in the past and, later in the story, the person well now,
# with no word that it is back (the next two sentences are `past_with_a_when`; this reads on).
BACK_LATER = re.compile(
    r"\b(?:again|still|started|starting|relapse|relapsed|lately|recently|this week|last night"
    r"|tonight|yesterday|struggling|worse|right now|at the moment)\b"
)


def past_then_well(sentence: str, sentence_before: str, rest: str) -> bool:
    """ "When I was 14 I was self-harming most days ... I haven't hurt myself for two and a half
    years now": a time that puts the risk in the past (in its sentence or the one before), well
    now later in the story, and no word after the risk that it is back."""
    if not (PAST_ANCHOR.search(sentence) or PAST_ANCHOR.search(sentence_before)):
        return False
    if BACK_LATER.search(sentence) or BACK_LATER.search(STILL_ON_MEDICINE.sub(" ", rest)):
        return False
    return bool(WELL_LATER.search(rest))


# Round 14: "I still take a small dose of an antidepressant" is treatment kept up, not a risk
# back; "still" said of anything else ("still have the thoughts") still counts.
STILL_ON_MEDICINE = re.compile(
    r"\bstill (?:take|takes|taking|on|have|use) (?:\w+ ){0,5}?"
    r"(?:antidepressants?|medication|medicine|meds|dose|sertraline|citalopram|fluoxetine"
    r"|mirtazapine|tablets? (?:for|every|each|at)|inhalers?)\b"
)


# Well now, said so that it reads across a story: `WELL_NOW` without "hasn't" or "today I",
# which a long story says of anything ("I haven't had a call back").
WELL_LATER = re.compile(
    r"(?:'m|\bam|'s|\bis|\bare|'re) (?:\w+ )?(?:now|well|better|fine|stable)\b"
    r"|\b(?:these days|nowadays|ever since|recovery|recovered"
    r"|in a (?:better|good|much better) place"
    r"|(?:a |an |totally |completely |entirely )?(?:different|new) person"
    r"|it ?'?s been (?:\w+ )?(?:years|decades)|(?:\w+ )?years (?:clean|free|sober)"
    r"|(?:\w+|\d+) (?:years|yrs|months) on|for (?:\w+ ){1,4}(?:years|yrs|months) now"
    r"|out the other side|peer (?:supporter|mentor|worker|support worker)"
    r"|(?:have|has) ?(?:n't|not) (?:hurt|harmed|cut|self-harmed|self harmed|tried|felt) "
    r"(?:\w+ ){0,3}(?:for|in|since) " + WELL_SAID + ")"
)


# Hyperbole the sentence model reads in plain words (issue 19, precision, fourth round): said of
# queues, forms, noise and errands, these death words are no risk, yet the model, which hears
# "dying" and "death of me" near "want to die", raised them as possible risks. Each is said in
# words no risk is told in ("dying to know", "the death of me", "would wake the dead", "the wait
# is killing me") and replaced before the model reads the sentence; the rest of the sentence is
# read as it was, so a risk said beside one ("the wait is killing me and I want to end it") is
# still heard. Threats said with a laugh are not here: "he'll kill me lol" can be real.
PLAIN_IDIOMS = tuple(
    (re.compile(pattern, re.IGNORECASE), plain)
    for pattern, plain in (
        (
            r"\bdying (?:to|for) (?=(?:know|hear|find|get|go|try|meet|tell|have|eat|read|watch"
            r"|start|a |an |some |my tea|the loo|a wee)\b)",
            "keen to ",
        ),
        (r"\bto die for\b", "lovely"),
        (r"\bwould wake the dead\b|\bwake the dead\b", "was very loud"),
        (
            r"\b(?:be|is|was|'s|will be|'ll be|would be) the death of (?:me|her|him|us|them|you)\b",
            "is a real nuisance",
        ),
        (
            r"\b(?:die|died|dying) (?:of|from) "
            r"(?:embarrassment|shame|boredom|old age|cringe|fright|laughing)\b",
            "blush",
        ),
        (r"\b(?:bored|sick) to death\b", "very fed up"),
        (
            r"(\b(?:wait|waiting|queue|queues|hold music|form|forms|paperwork|traffic|noise|heat"
            r"|back|knees?|feet|tooth|teeth|hip|commute|stairs|shift|shifts|rota)"
            r"(?: \w+){0,4}? (?:is|was|are|were|'s|'re) )(?:literally )?killing (?:me|us)\b",
            r"\1wearing me out",
        ),
        (
            r"(\b(?:it'?s|it has|it was|has been|'s been|been) (?:absolute |bloody )?)murder\b",
            r"\1hard work",
        ),
        (r"\bcould (?:murder|kill for) (?:a|an|some)\b", "would love a"),
        # Round 22: the teller's exasperation with someone ("I could honestly kill him, up since
        # four with his snoring"): "could" is the idiom; "I'm going to kill him" is not here.
        (
            r"\b(?:i|a|ah) could (?:honestly |happily |cheerfully |quite happily |actually "
            r"|seriously |just |literally )?(?:kill|murder|strangle|throttle|swing for)"
            r" (?=(?:him|her|them|the (?:lot|pair|kids|dog|cat)|my (?:husband|wife|partner|son"
            r"|daughter|kids|mum|dad|brother|sister|boss|neighbours?)|me (?:man|husband|wife"
            r"|fella|missus))\b)"
            # Never beside a weapon, a time of now, or a word that it is meant (in this
            # sentence or just after).
            r"(?![^\n]{0,120}?\b(?:knife|knives|gun|weapon|hammer|tonight|right now|mean it"
            r"|not joking|serious))",
            "am so fed up with ",
        ),
        (r"\ba (?:real |proper |absolute )?life-? ?saver\b", "a great help"),
        (r"\bover my dead body\b", "no way"),
        # Round 18: a wait complained of ("I'll be dead before they fix that road"): a service
        # or a thing that is slow, never a time ("dead before the morning" is still read).
        (
            r"\b(?:i'?ll|i will|we'?ll|we will|she'?ll|he'?ll|you'?ll|mum'?ll|dad'?ll) be dead"
            r"(?: and (?:buried|gone))? (?:long )?before (?=(?:they|anyone|anybody|someone"
            r"|somebody|the (?:council|nhs|surgery|hospital|landlord|gp|doctors?|government"
            r"|road|lift|list|appointment|operation|referral|repair|letter|housing|bus|builders?"
            r"|workmen)) (?:\w+ )?(?:fix|fixes|sort|sorts|gets round|get round|answer"
            r"|answers|ring|rings|call|calls|see|sees|send|sends|reply|replies|do|does|finish"
            r"|finishes|turn|turns|repair|repairs|build|builds|open|opens|is|are"
            r"|bother|bothers)\b)",
            "it will take ages before ",
        ),
    )
)


def plain_idioms(text: str) -> str:
    """`text` with hyperbole about death said plainly, for the sentence model to read."""
    for pattern, plain in PLAIN_IDIOMS:
        text = pattern.sub(plain, text)
    return text


# Care planned for the end of life (round 13): a plan, a form or a decision about the last days
# ("Dad's advance care plan is done", "the DNACPR was discussed properly") is care, not a wish to
# die; the sentence model read "end of life" near "ending my life". Not when the sentence says
# someone wants to die or to be helped to, or names a means.
END_OF_LIFE_CARE = re.compile(
    r"\b(?:end[- ]of[- ]life (?:plan|plans|planning|care|wishes|decisions|team|nurse|pathway)"
    r"|advance (?:care )?(?:plan|planning|decision|directive)|respect form|dnacpr|dnar|dnr"
    r"|palliative|hospice)\b"
)
WISH_TO_DIE = re.compile(
    r"\b(?:want|wants|wanted|wanting|begg\w*|asking|asked|pleading|wish|wishes|ready) "
    r"(?:\w+ ){0,3}(?:to )?(?:die|be dead|end it|go now|help (?:her|him|me|them) (?:die|go))\b"
    r"|\b(?:kill|killing|overdose|tablets|pills|stockpil\w*|saved up|no point|can'?t go on"
    r"|can'?t take (?:it|this|any)"
    r"|(?:end|ending|take|taking) (?:it|(?:my|his|her|their) (?:own )?life)"
    r"|(?:be|being) here)\b"
)


def end_of_life_care(sentence: str) -> bool:
    """The sentence tells of care planned for the end of life, with no wish to die in it."""
    return bool(END_OF_LIFE_CARE.search(sentence)) and not WISH_TO_DIE.search(sentence)


# Asked about a risk, answered no and said to be true (round 14, read by kind from v17 and v19's
# long accounts of low mood): "The GP asked me straight, do you ever think about harming yourself
# ... and I told her no, hand on heart no"; "I say no, and it is true." The teller has answered
# for themselves: the sentence model may not raise suicide or self-harm on that sentence, the
# ones before it ("Since the stroke I've been low") or the two after it ("I want to live"). A
# sentence later in the story is still read, so a risk told after ("... but last week I took an
# overdose") is heard, and a correction anywhere ("that wasn't true", "I lied") undoes it.
SWORN = re.compile(
    r"\b(?:(?:it|that|which) (?:is|was|'s) (?:true|the truth)|(?:i|and) meant it"
    r"|hand on heart|(?:could|can) (?:honestly |truthfully )?say no|honest answer"
    r"|that'?s never been me|because there (?:were|was) ?n'?t)\b"
)


def sworn_no_until(sentences: list[str], asked: re.Pattern) -> int:
    """The index of the last sentence a true "no" to a risk question covers (the answer's
    sentence and the two after it, and all before), or -1 when the story has none; `asked`
    tells a question about a risk (a question about a wish to rebook is none)."""
    lowered = [" " + " ".join(s.lower().replace("\u2019", "'").split()) + " " for s in sentences]
    if any(BACK_AGAIN_NOW.search(s) or CORRECTED.search(s) for s in lowered):
        return -1
    for i, sentence in enumerate(lowered):
        after = lowered[i + 1] if i + 1 < len(lowered) else ""
        if (
            asked.search(sentence)
            and screening_answered_no(sentence, after)
            and SWORN.search(f"{sentence} {after}")
        ):
            # Covered: up to two sentences after the one that gives the answer.
            answered = i if ANSWERED_NO.search(sentence) and SWORN.search(sentence) else i + 1
            return min(answered + 2, len(lowered) - 1)
    return -1


# A "no" taken back: "that was not correct", "I didn't tell her the truth".
CORRECTED = re.compile(
    r"\b(?:not correct|was ?n'?t correct|was ?n'?t honest|not honest"
    r"|did ?n'?t tell (?:her|him|them) the truth|the truth is|truth was)\b"
)


# Round 15: a farewell that is ordinary, not the goodbyes before an end (v22's misses by kind
# were goodbyes said, things given away, affairs put in order; these are their look-alikes):
# someone else dying or dead, a move, a last shift or a leaving do, a hospital stay, things
# outgrown or cleared out, a terminal illness. Read in the phrase's sentence and the next.
ORDINARY_FAREWELL = re.compile(
    r"\b(?:died|dying|passed|passing|death|funeral|hospice|palliative|terminal|terminally"
    r"|cancer|end of life|before (?:she|he|they) (?:went|died|passed)"
    r"|moving|moved|emigrat\w*|retir\w*|leaving do|last (?:shift|day)|new job"
    r"|holiday|operation|surgery|visit|visiting|party|at the end of"
    r"|outgrown|grew out|grown out|declutter\w*|clear(?:ed|ing)? out|downsiz\w*|charity"
    r"|unwanted|spare|old ones|wedding|baby clothes|for christmas|for her birthday"
    r"|for his birthday|solicitor)\b"
)
FAREWELL_WORDS = frozenset({"goodbyes", "away", "affairs"})
# A watch kept for the body, not the life: after an operation, for falls, for dementia.
WATCH_FOR_THE_BODY = re.compile(
    r"\b(?:operation|surgery|post-?op|anaesthetic|falls?|fell|dementia|wander\w*|delirium"
    r"|sepsis|infection|seizures?|fits?|confused|confusion|learning disabilit\w*|autis\w*)\b"
)
WATCH_WORDS = frozenset({"obs", "observation", "observations", "security", "guard", "guards"})


def ordinary_farewell(phrase: list[str], around: str) -> bool:
    """The farewell rules' phrase sits beside an ordinary farewell's words."""
    return bool(FAREWELL_WORDS & set(phrase)) and bool(ORDINARY_FAREWELL.search(f" {around} "))


def watch_for_the_body(phrase: list[str], around: str) -> bool:
    """The watch rules' phrase (one-to-one, constant obs) beside a body's reason for it."""
    return bool(WATCH_WORDS & set(phrase)) and bool(WATCH_FOR_THE_BODY.search(f" {around} "))


# Round 16 (issue 19, "safeguarding that hears plain words"): the conditions under which the
# sixteenth round's rules count, each read by kind from v21's misses and their look-alikes.

# A vulnerable person gone missing is danger now; a person who is merely out is not. What makes
# them vulnerable is said somewhere in the story: a condition, a child's age, the cold, night
# clothes, medicines they need, exploitation.
VULNERABLE = re.compile(
    r"\b(?:dementia|alzheimer'?s?|learning disabilit\w*|epilep\w*|autis\w*|diabet\w*|suicidal"
    r"|self-?harm\w*|overdose|nightie|nightdress|pyjamas|slippers|freezing|minus|hypotherm\w*"
    r"|without (?:his|her|their) (?:medication|meds|tablets|insulin|inhaler)"
    r"|older men|exploit\w*|groom\w*|county lines"
    r"|(?:[1-9]|1[0-7]) ?(?:year|yr)s? old|aged (?:[1-9]|1[0-7])\b"
    r"|(?:is|she's|he's) (?:[1-9]|1[0-7])\b)"
)
FOUND = re.compile(
    r"\b(?:found (?:him|her|them)|turned up|back home|home safe"
    r"|(?:has|have|was|were) (?:been )?found|came (?:home|back)"
    r"|brought (?:him|her|them) (?:back|home))\b"
)
# Gone missing as a habit ("missing from home overnight three times this month"): a pattern of
# harm the abuse signals hear, not a danger now.
HABITUAL = re.compile(r"\b(?:times|every|often|regularly|sometimes|usually|always)\b")


def missing_and_vulnerable(story: str, around: str) -> bool:
    """A person gone missing, with what makes them vulnerable said in the story, and not said
    to be found in the sentence or the next: "Mum has dementia and has walked out of the care
    home", not "Dad walked out of the ward and got a taxi home" or "she went missing but the
    police found her safe"."""
    return (
        bool(VULNERABLE.search(story))
        and not FOUND.search(around)
        and not HABITUAL.search(around.split(".")[0])
    )


# A letter as a farewell: its sentence or the next says so ("so they understand it isn't their
# fault", "to say sorry", "for when I'm gone"), not a letter to the family about care.
FAREWELL_CUE = re.compile(
    r"\b(?:fault|goodbye|goodbyes|sorry|forgive|when i'?m gone|after i'?m gone|when i'?m not"
    r"|so (?:they|she|he|you) (?:understand|know|won'?t)|love them|explain(?:ing)? why)\b"
)


def farewell_letter(around: str) -> bool:
    """The letter rule's sentence or the next tells a farewell."""
    return bool(FAREWELL_CUE.search(around))


# Joining the dead: a death is told in the sentence or the one before ("after Mum's funeral on
# Friday I'll be going to join her"), and the joining is not to a place or an activity ("join
# her at the hospice", "join him for lunch").
DEATH_TOLD = re.compile(
    r"\b(?:died|dead|death|funeral|passed|passing|lost (?:him|her|my)|grave|heaven|buried"
    r"|cremat\w*|since (?:he|she) went|without (?:him|her))\b"
)
JOIN_PLACE = frozenset("at for on in to with and from as".split())


def joining_the_dead(around: str, after: list[str]) -> bool:
    """The joining rule's phrase is a wish to join someone dead."""
    if after[:1] and after[0] in JOIN_PLACE and not set(after[1:3]) & {"heaven", "soon"}:
        return False
    return bool(DEATH_TOLD.search(around))


# Eating and drinking stopped at the end of life ("he stopped eating and drinking naturally at
# the end", "the nurses explained it's part of dying"), or food held back for an operation:
# not a risk to life by a person's own hand.
END_OF_LIFE_EATING = re.compile(
    r"\b(?:end of (?:his |her |their )?life|end-of-life|dying|naturally|natural part|last (?:days"
    r"|week|weeks|hours)|at the end|syringe driver|palliative|hospice|comfortable|comfy"
    r"|passed|died|nil by mouth|fasting|fasted|before (?:the|my|his|her) (?:op|operation"
    r"|surgery|procedure|scan|colonoscopy)|ramadan|lent)\b"
)


def eating_at_the_end(around: str) -> bool:
    """The eating rules' sentence or the next tells of the end of life or of fasting."""
    return bool(END_OF_LIFE_EATING.search(around))


# Round 17 (issue 19, precision): what keeps a risk-to-life reading on a sentence of an abuse
# story. The model read abuse told as ongoing or past ("he checks my phone", "the little one
# is out on the step again at ten at night") as danger or suicide; a sentence that says the
# danger is now ("he's outside with a knife now", "tonight"), names a threat or a weapon, or
# names a body or a place in danger (cold, fire, gas, breathing, bleeding) keeps its reading.
DANGER_SAID = re.compile(
    r"\b(?:now|tonight|right now|at the moment|currently|outside|at the door"
    r"|on (?:his|her|their) way|999|hiding|knife|knives|gun|weapon\w*|kill\w*|threat\w*"
    r"|freez\w*|cold|frost\w*|heating|heat ?wave|hypotherm\w*|fire|smoke|gas|flood\w*"
    r"|breath\w*|bleed\w*|blood|unconscious|not waking|fitting|seizure\w*|chok\w*"
    r"|collapsed?|blue|overdose\w*|no (?:food|water) for)\b"
)


def danger_said(sentence: str) -> bool:
    """Whether a sentence says a danger is now, names a threat or a weapon, or a body or a
    place in danger: such a sentence keeps the model's risk reading in an abuse story."""
    return bool(DANGER_SAID.search(sentence.lower().replace("\u2019", "'")))
