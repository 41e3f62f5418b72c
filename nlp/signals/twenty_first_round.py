"""Round 21 (issue 19, what someone else writes down about a person, from workplaces not usually
asked: pharmacists, school nurses, housing officers, paramedics, volunteers, faith leaders,
hairdressers, taxi drivers): the plain words such notes tell a risk in, and the ordinary words
beside them that are no risk.

Why apart: a note written by a witness says what was seen and done, rarely the words the rules
were written from. A dying person asks for "all my tablets"; a tenant's oxygen sits beside a lit
fire; a child is found alone on a road at midnight; a pastor asks whether she thinks of ending
her life and she says "some days, yes". Each rule here needs two things said together (an act
and what makes it a risk now), so the words alone — a tablet round, an oxygen safety leaflet, a
child walking to school, a screening answered no — never fire. The checks on the sentence
model (`model_held_back`) hold back what the notes say is no risk: a wish about where to die, a
questionnaire item answered "not at all", "I want to die" already assessed as no intent, and
"I thought I was going to die" of a busy morning.

Recent incidents (the project's definition, docs/safeguarding.md): an overdose, a ligature or a
collapse of last night or today is a risk to life now even when 999 was called or the person was
taken to hospital — the lead must hear of it, the cause is not over. Only a risk told as long
past and well now ("years ago", "doing well now"), or a person said to be fine, home or safe
now, is past.
"""

from __future__ import annotations

import re

from nlp.signals import context as signal_context
from nlp.signals import nineteenth_round
from nlp.signals.findings import Detection, Signal

SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _sentences(text: str) -> list[str]:
    return [m.group(0) for m in SENTENCE.finditer(text.replace("\u2019", "'"))]


def _quote(sentence: str) -> str:
    return " ".join(sentence.split())[:120]


# --- A request for help to die, now -----------------------------------------------------------
# Asked, begged, pleaded: the person wants it done (a request), not a death told ("the hospice
# helped her die peacefully") nor a debate ("the assisted dying bill").
REQUEST = re.compile(
    r"\b(?:asked|asking|asks|ask|begged|begging|begs|beg|pleaded|pleading|pleads|pleaded with"
    r"|keeps? (?:on )?asking|kept (?:on )?asking|wants? (?:me|us|you|someone|somebody|them)"
    r"|wanted (?:me|us|someone|somebody|them)|please|will you|would you|can you|could you"
    r"|just)\b",
    re.IGNORECASE,
)
ALL_THE_TABLETS = re.compile(
    r"\b(?:give|get|bring|hand|pass|fetch)\s+(?:me|her|him|them)\s+(?:all|the whole (?:lot"
    r"|box|bottle|packet)|every one|the lot)\s+(?:of\s+)?(?:my|her|his|their|the|them)?\s*"
    r"(?:tablets|pills|meds|medication|medicines|morphine|oramorph|painkillers|patches"
    r"|insulin|sleeping (?:tablets|pills)|doses)?\b",
    re.IGNORECASE,
)
# What makes "all my tablets" a wish to die, said in the sentence: at once, to end it, to go.
TO_END_IT = re.compile(
    r"\b(?:at once|in one go|all together|so (?:i|she|he|they) (?:can|could|could just) (?:go"
    r"|die|sleep|be with|end)|and let (?:me|her|him) go|to end it|end it all|to finish it"
    r"|be done with it|and be done|so it'?s over|to go to sleep (?:and|for)|not wake up"
    r"|want(?:s|ed)? to go|want(?:s|ed)? to die|ready to go|had enough)\b",
    re.IGNORECASE,
)
HELP_TO_DIE = re.compile(
    r"\bhelp (?:me|her|him|them) (?:to )?(?:die|end it|end (?:my|her|his|their) (?:own )?life"
    r"|finish it|slip away|go(?![\w'-])(?!\s+(?:home|to|out|back|up|down|in|on|for|and|with"
    r"|outside|upstairs|downstairs|shopping|round|over|through|into|off|ahead|along|get|see"
    r"|and|there|too)))",
    re.IGNORECASE,
)
# A debate, a law, a programme, or the end-of-life care meant: not a request now.
DEBATE = re.compile(
    r"\b(?:assisted (?:dying|suicide)|dignitas|euthanasia|bill|law|legal\w*|legislation|debate"
    r"|vote|mps|parliament|documentary|programme|film|novel|book|if it (?:was|were) legal)\b",
    re.IGNORECASE,
)
ROUTINE = re.compile(
    r"\b(?:breakfast|lunch|dinner|tea ?time|supper|bedtime|morning|evening|night-time|with food"
    r"|\d{1,2} ?(?:am|pm)|o'clock|blister|dosette|as prescribed|usual|round)\b",
    re.IGNORECASE,
)


def request_to_die(sentence: str) -> bool:
    """A person asking someone to give them all their tablets to end it, or to help them die
    or "go": a request for help to die now. Never a debate on assisted dying, a good death told
    ("helped her die peacefully" has no request), or a routine round of all the tablets."""
    if DEBATE.search(sentence):
        return False
    if HELP_TO_DIE.search(sentence) and REQUEST.search(sentence):
        return True
    return bool(
        ALL_THE_TABLETS.search(sentence)
        and REQUEST.search(sentence)
        and TO_END_IT.search(sentence)
        and not ROUTINE.search(sentence)
    )


# --- Hints of suicide others write down ------------------------------------------------------
# "I won't be here by then", "won't be around for Christmas": not being alive, unless a move,
# a holiday or work is what takes the person away.
WONT_BE_HERE = re.compile(
    r"\b(?:i'?ll|i will|he'?ll|she'?ll|he will|she will) be (?:gone|dead) by (?:then|christmas"
    r"|the (?:weekend|end of the (?:week|month))|next (?:week|month)|(?:her|his|my) birthday)"
    r"|\b(?:won'?t|will not|wont|shan'?t)\s+(?:still\s+)?be\s+(?:here|around)\s+(?:by then"
    r"|for (?:it|that|christmas|her birthday|his birthday|my birthday|the next one|long)"
    r"|much longer|next (?:time|year|month|week)|to see)",
    re.IGNORECASE,
)
AWAY = re.compile(
    r"\b(?:holiday|off to|moving|move|(?:going|be|been|gone) away|away (?:on|for|at|in|with)|abroad"
    r"|leaving|retir\w*|shift|off work|new job|visiting"
    r"|at work|on leave|travelling|emigrat\w*|spain|course|contract)\b",
    re.IGNORECASE,
)
GIVING_AWAY = re.compile(
    r"\b(?:giving|given|gave|gives|handing|handed) (?:\w+ ){0,3}(?:away|out)\b"
    r"|\b(?:giving|given|gave|gives) away\b",
    re.IGNORECASE,
)

# Affairs put in order or a way hinted beside it ("will's sorted", "one way or another").
AFFAIRS_SORTED = re.compile(
    r"\b(?:will'?s? (?:is )?(?:sorted|done|made|written)|funeral (?:is )?(?:planned|paid|sorted)"
    r"|one way or (?:another|the other)|(?:dog|cat)'?s? (?:rehomed|sorted|going to))\b"
)


def not_here_with_low_mood(sentence: str, story: str) -> bool:
    """ "I won't be here by then" beside belongings given away, grief or low mood told in the
    story, and no move, holiday or work that takes the person away."""
    if not WONT_BE_HERE.search(sentence) or AWAY.search(sentence):
        return False
    lowered = story.lower().replace("\u2019", "'")
    return bool(
        GIVING_AWAY.search(lowered)
        or nineteenth_round.LOW_MOOD.search(lowered)
        or AFFAIRS_SORTED.search(lowered)
    )


# A question of ending one's life asked and answered yes in reported speech ("asked her if she
# was thinking of ending hers; she said 'some days, yes'").
ASKED_IF_THINKING = re.compile(
    r"\basked (?:her|him|them|me)?\s*(?:directly |outright |straight out |straight )?"
    r"(?:if|whether) (?:she|he|they|i)(?:'d| had| was| were| is| are|'s)?(?: been)? "
    r"(?:thinking|having thoughts|had thoughts|feeling like|thought) (?:of|about) "
    r"(?:ending|killing|taking|harming|hurting|suicide|ending it)",
    re.IGNORECASE,
)
ANSWER_YES = re.compile(
    r"\b(?:said|says|answered|replied|told (?:me|us|her|him))\b[^.!?]{0,6}?['\"]?\s*"
    r"(?:yes|yeah|some days|sometimes|at times|often|most days|every day|she was|he was"
    r"|they were|a bit|maybe)\b",
    re.IGNORECASE,
)


def asked_and_answered_yes(sentence: str, after: str) -> bool:
    """A question of ending one's life, asked, and answered yes in the sentence or the next."""
    if not ASKED_IF_THINKING.search(sentence):
        return False
    rest = sentence[ASKED_IF_THINKING.search(sentence).end() :] + " " + after
    return bool(ANSWER_YES.search(rest[:200]))


# "I just want it all to stop" beside means or giving up in the story.
ALL_TO_STOP = re.compile(
    r"\b(?:want|wants|wanted|wanting)\s+(?:it all|everything|all of it|all this)\s+to\s+"
    r"(?:stop|end|be over|go away)\b|\bmake (?:it all|everything) (?:stop|end|go away)\b",
    re.IGNORECASE,
)
MEANS = re.compile(
    r"\b(?:tablets|pills|paracetamol|co-?codamol|painkillers|packs|packets|overdose|rope"
    r"|bridge|blade|razor|pills|sleeping|insulin|ligature|cliff|railway|train line)\b",
    re.IGNORECASE,
)


def all_to_stop_with_means(sentence: str, story: str) -> bool:
    """ "I just want it all to stop" in a story that names a means (tablets bought, a rope, a
    bridge): a wish to die told plainly, not a noise or a row that should stop."""
    return bool(ALL_TO_STOP.search(sentence) and MEANS.search(story))


# Letters written to everyone and a day set ("Friday is the day"): a plan, and the day near.
LETTERS_TO_ALL = re.compile(
    r"\b(?:written|wrote|writing|write|left)\s+(?:goodbye |farewell |last )?(?:letters|notes"
    r"|a letter|a note|cards)\s+(?:to|for)\s+(?:everyone|everybody|all of (?:us|them|her|his)"
    r"|each of|(?:her|his|my|their) (?:whole )?(?:family|kids|children|parents|friends))\b",
    re.IGNORECASE,
)
THANKS = re.compile(r"\b(?:thank\w*|christmas|birthday|invit\w*|wedding|party|fete|penpal)\b", re.I)
DAY_SET = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today"
    r"|this weekend)(?:'s| is) (?:the|my|her|his) (?:day|night|last day)\b"
    r"(?!\s+(?:of|for|we|they|when|that|the|to|off))",
    re.IGNORECASE,
)


def letters_and_a_day(story: str) -> str | None:
    """Letters written to everyone and a day set in the same story: the day's sentence."""
    if not LETTERS_TO_ALL.search(story):
        return None
    for sentence in _sentences(story):
        if LETTERS_TO_ALL.search(sentence) and THANKS.search(sentence):
            return None
    day = DAY_SET.search(story)
    return day.group(0) if day else None


# Self-harm told as an act on one's own body with a sharp thing ("scratching her thighs with a
# compass", "burning his arm with a lighter"), never an itch or an accident.
SELF_INJURY_ACT = re.compile(
    r"\b(?:scratch\w*|cut(?:s|ting)?|carv\w*|burn(?:s|t|ed|ing)?|scor(?:es|ed|ing)|scrap\w*"
    r"|dig(?:s|ging)?|stab(?:s|bing|bed)?)\s+(?:at\s+|into\s+)?(?:her|his|their|my)\s+(?:own\s+)?"
    r"(?:inner\s+|upper\s+)?(?:thighs?|wrists?|arms?|forearms?|legs?|stomach|tummy|belly|skin"
    r"|hips?|ankles?)\s+(?:with|using)\s+(?:a|an|the|her|his|my|their)?\s*(?:\w+\s+)?"
    r"(?:compass|blades?|razors?|sharpener|scissors|knife|glass|pins?|needles?|lighter"
    r"|paperclips?|safety pins?|cigarettes?|lid|pen ?knife|stanley knife)\b",
    re.IGNORECASE,
)
ITCH_OR_ACCIDENT = re.compile(
    r"\b(?:eczema|itch\w*|rash|psoriasis|chicken ?pox|bites?|hives|accident\w*|by mistake"
    r"|slipped|cooking|ironing|oven|dermatitis|allergy)\b",
    re.IGNORECASE,
)


def self_injury_act(sentence: str) -> bool:
    """An act of self-injury with a sharp thing on one's own body, no itch or accident told."""
    return bool(SELF_INJURY_ACT.search(sentence) and not ITCH_OR_ACCIDENT.search(sentence))


# "If they send me back there I'll finish it this time": an attempt promised again, beside a
# ward, a discharge or an attempt told; never a job or a book finished this time.
THIS_TIME = re.compile(
    r"\b(?:i'?ll|i will|i'?m going to|i'?m gonna|he'?ll|she'?ll|he will|she will|going to)"
    r" (?:finish it|finish the job|do it properly|make sure|do it right|not fail)"
    r"(?: this time| properly)\b",
    re.IGNORECASE,
)
AFTER_AN_ATTEMPT = re.compile(
    r"\b(?:ward|patient|discharg\w*|send (?:me|her|him) back|sent back|attempt\w*|overdose\w*"
    r"|tablets|crisis|a&e|section\w*|hca|nurse)\b",
    re.IGNORECASE,
)


def attempt_promised(sentence: str, story: str) -> bool:
    """An attempt promised "this time" in a story of a ward, a discharge or an attempt."""
    return bool(THIS_TIME.search(sentence) and AFTER_AN_ATTEMPT.search(story))


# "Some days I feel like walking into the sea": a way pictured as a wish.
FEEL_LIKE_A_WAY = re.compile(
    r"\bfeel(?:s|ing)? like (?:walking|walk|driving|drive|jumping|jump|stepping|step|throwing"
    r" (?:my|her|him)self|running|run) (?:into|in front of|off|out to|under|out in front of)"
    r"(?: the| a| an)? (?:sea|river|lake|traffic|train|trains|bus|lorry|car|bridge|cliff|road"
    r"|motorway|canal|water|waves)\b",
    re.IGNORECASE,
)
A_SWIM_OR_A_LAUGH = re.compile(
    r"\b(?:swim\w*|paddl\w*|dip|bungee|holiday|lol|haha\w*|joking|kidding|heat|hot day)\b", re.I
)


def way_felt(sentence: str) -> bool:
    """ "I feel like walking into the sea" with no swim, holiday or joke beside it."""
    return bool(FEEL_LIKE_A_WAY.search(sentence) and not A_SWIM_OR_A_LAUGH.search(sentence))


# Welsh self-injury told through the body ("brathu'i freichia nes eu bod nhw'n gwaedu").
WELSH_SELF_INJURY = re.compile(
    r"\b(?:brathu|cnoi|crafu|torri|llosgi)(?:'i| ei)? (?:freichia\w*|breichia\w*|fraich|braich"
    r"|goesau|choesau|coesau|arddyrnau|garddwrn|nghoesau|mreichiau|mreichia)\b.{0,40}"
    r"\b(?:gwaedu|waedu|bob dydd|bob nos|eto|ar bwrpas)\b",
    re.IGNORECASE,
)


# --- Danger now others write down -------------------------------------------------------------
# A weapon carried with harm meant now ("showed me a knife in his bag, said he's sorting out a
# boy after school today").
WEAPON_CARRIED = re.compile(
    r"\b(?:showed|shown|showing|carrying|carries|carried|had|has|brought|pulled out|pulled"
    r"|got|hid|hiding|with)\b[^.!?]{0,30}\b(?:knife|knives|blade|machete|gun|hammer"
    r"|screwdriver|knuckle ?duster)\b",
    re.IGNORECASE,
)
HARM_MEANT = re.compile(
    r"\b(?:sort(?:ing)? (?:him|her|them|\w+) out|sorting out|sort out|do (?:him|her|them) in"
    r"|get (?:him|her|them)|getting (?:him|her|them)|stab\w*|shank\w*|use it|going to (?:hurt"
    r"|get|do|use)|after school|tonight|today|later|deal with (?:him|her|them)|pay (?:him|her"
    r"|them) back|teach (?:him|her|them) a lesson)\b",
    re.IGNORECASE,
)
NOT_A_THREAT = re.compile(
    r"\b(?:knife crime|awareness|workshop|talk|training|cake|bread|fruit|kitchen|cook\w*"
    r"|fishing|scouts?|carving|whittl\w*|butter|vegetables?|dinner|lunch|chef|toy|plastic"
    r"|amnesty|surrender bin|drama|prop|play|film|game)\b",
    re.IGNORECASE,
)


def weapon_with_harm_meant(sentence: str) -> bool:
    """A weapon carried beside harm meant or a time now, not a cooking knife or a talk."""
    return bool(
        WEAPON_CARRIED.search(sentence)
        and HARM_MEANT.search(sentence)
        and not NOT_A_THREAT.search(sentence)
    )


# A young child found alone where no child should be, now: at night, on a road, or left with
# no adult come back.
YOUNG_CHILD = re.compile(
    r"\b(?:toddler|baby|infant|little (?:girl|boy|one)|(?:child|girl|boy|kid|lad)\s+(?:of\s+)?"
    r"(?:about\s+|around\s+|aged\s+|maybe\s+|roughly\s+)?(?:[1-9]|1[0-4]|one|two|three|four"
    r"|five|six|seven|eight|nine|ten)\b|(?:[1-9]|one|two|three|four|five|six|seven|eight|nine)"
    r"[- ]year[- ]old"
    # "the youngest can't be more than 3", "child alone, small, maybe 3 years".
    r"|(?:kids|children|child|youngest|little ones?)\b[^.!?]{0,40}\b(?:more than|older than"
    r"|under|about|maybe|only|aged) (?:[1-6]|one|two|three|four|five|six)\b)",
    re.IGNORECASE,
)
ALONE = re.compile(
    r"\b(?:alone|on (?:her|his|their) own|by (?:her|him|them)sel(?:f|ves)|unattended"
    r"|no adult|nobody with (?:her|him)|no-one with (?:her|him)|no one with (?:her|him))\b",
    re.IGNORECASE,
)
NOBODY_CAME = re.compile(
    r"\b(?:no (?:adult|parent|one|-one|body)|nobody) (?:has |had )?(?:returned|come back|came"
    r"|come|collected|turned up)\b|\bnot (?:been )?collected\b|\bsince (?:opening|this morning"
    r"|\d)|\bat night\b|\bmidnight\b|\b[1-5] ?am\b|\bin the dark\b|\bon (?:the|a) (?:road"
    r"|main road|dual carriageway|motorway|bypass|a\d+)\b|\bby the (?:river|canal|water)\b"
    r"|\bno shoes\b|\bgoes to voicemail\b|\bnight ?time\b|\bovernight\b|\ball night\b"
    r"|\bsince (?:yesterday|last night)\b|\bfor (?:hours|(?:two|three|\d+) days)\b",
    re.IGNORECASE,
)
SUPERVISED = re.compile(
    r"\b(?:policy|allowed|can be left|may be left|should not be left|shouldn'?t be left|sign"
    r"|rule|rules|walks? (?:home|to school)|gets the bus|with (?:her|his) (?:mum|dad|gran"
    r"|parents?|nan|carer)|mum (?:was|is) (?:there|upstairs|nearby)|play(?:s|ing)?|garden"
    r"|i (?:watch|can see|keep an eye)|watching (?:them|her|him)|incubator|ward|nurses?"
    r"|hospital|nicu|scbu|cot ?side)\b"
    # The teller left alone ("I was left alone for hours, unable to reach my baby").
    r"|\b(?:i|we) (?:was|were|am|'m) (?:left )?(?:alone|on my own|on our own|by myself)\b",
    re.IGNORECASE,
)


def child_alone_now(sentence: str) -> bool:
    """A young child (an age under 15 said, or a toddler or baby) alone, with night, a road,
    or no adult come back in the same sentence; never a rule about leaving children, or a
    child walking to school."""
    return bool(
        YOUNG_CHILD.search(sentence)
        and ALONE.search(sentence)
        and NOBODY_CAME.search(sentence)
        and not SUPERVISED.search(sentence)
    )


# Welsh: a child on their own, at night or on a road.
WELSH_CHILD_ALONE = re.compile(
    r"\bplentyn\b.{0,80}\bar (?:ei ben ei hun|ei phen ei hun|eu pen eu hunain)\b"
    r"|\bplentyn\b.{0,80}\bheb (?:oedolyn|neb)\b",
    re.IGNORECASE,
)
WELSH_NIGHT_OR_ROAD = re.compile(
    r"\b(?:hanner nos|yn y nos|ganol nos|yn y tywyllwch|ar ochr y|ar y ffordd|ar y lôn|a\d+"
    r"|dim sgidiau|heb sgidiau|[1-5] y\.?b\.?)\b",
    re.IGNORECASE,
)


def welsh_child_alone_now(sentence: str) -> bool:
    """A Welsh note of a child alone at night or on a road."""
    return bool(WELSH_CHILD_ALONE.search(sentence) and WELSH_NIGHT_OR_ROAD.search(sentence))


# Kept in and got out ("an older man wouldn't let her leave and she climbed out a window").
KEPT_IN = re.compile(
    r"\b(?:wouldn'?t|would not|won'?t|will not|didn'?t|did not|doesn'?t|does not) let (?:her|him"
    r"|them|me) (?:leave|go|out)\b|\blocked (?:her|him|them|me) in\b",
    re.IGNORECASE,
)
GOT_OUT = re.compile(
    r"\b(?:climbed out|escaped|ran (?:out|away|off)|got out (?:of )?(?:a|the) window"
    r"|jumped out|no shoes|barefoot)\b",
    re.IGNORECASE,
)
KEPT_BY_A_STRANGER = re.compile(
    r"\b(?:an? |the )?(?:older |adult |grown )?(?:man|men|guy|bloke|stranger|strangers|adults"
    r"|lads)\b",
    re.IGNORECASE,
)


def kept_in_and_got_out(sentence: str) -> bool:
    """Someone kept in by a man or strangers, and got out: held against their will."""
    return bool(
        KEPT_IN.search(sentence)
        and GOT_OUT.search(sentence)
        and KEPT_BY_A_STRANGER.search(sentence)
    )


# A body not answering now ("he's not responding to his name now").
NOT_RESPONDING = re.compile(
    r"\b(?:not|isn'?t|is not|stopped|no longer) respond(?:ing|s)? to (?:his|her|their|my) (?:name"
    r"|voice)|\b(?:not|isn'?t|is not|stopped) respond(?:ing)? to (?:pain|touch|us shaking)\b",
    re.IGNORECASE,
)
WAS_THEN = re.compile(
    r"\b(?:years ago|last year|fine now|came round|recovered|back to normal)\b", re.I
)


def not_responding_now(sentence: str) -> bool:
    """A person not answering to their name or to touch, not told as over."""
    return bool(NOT_RESPONDING.search(sentence) and not WAS_THEN.search(sentence))


# A live fire hazard: oxygen beside a flame or smoking.
OXYGEN_AND_FLAME = re.compile(
    r"\boxygen\b[^.!?]{0,80}\b(?:lit|gas fire|open fire|fire|flame|candles?|hob|smokes|smoking"
    r"|cigarettes?|lighter)\b|\b(?:lit|gas fire|open fire|flame|candles?|smokes|smoking"
    r"|cigarettes?|lighter)\b[^.!?]{0,80}\boxygen\b",
    re.IGNORECASE,
)
SAFETY_TALK = re.compile(
    r"\b(?:not lit|unlit|no (?:lit )?candles?|no naked|no smoking|not smoke|never smok\w*"
    r"|doesn'?t smoke|don'?t smoke|leaflet|poster"
    r"|training|advice|advised|sign|policy|check (?:done|completed)|safety (?:talk|check|visit)"
    r"|reminded|risk assessment|away from)\b",
    re.IGNORECASE,
)


def fire_hazard_now(sentence: str) -> bool:
    """Oxygen beside a lit fire, a flame or smoking, not a safety leaflet or advice."""
    return bool(OXYGEN_AND_FLAME.search(sentence) and not SAFETY_TALK.search(sentence))


# Hoarding in a home: a person living among things piled to the ceiling.
HOARDING = re.compile(
    r"\b(?:belongings|stuff|rubbish|junk|boxes|papers|bags|newspapers|things)\s+(?:piled |stacked"
    r" |heaped )?(?:up )?to the ceiling\b|\bhoarding\b(?!\s+(?:board|boards|advert\w*|sign))",
    re.IGNORECASE,
)
HOME_LIFE = re.compile(
    r"\b(?:living|lives|tenant|resident|flat|house|home|bedroom|kitchen|sleeping|he|she)\b",
    re.IGNORECASE,
)
NOT_A_HOME = re.compile(r"\b(?:stock ?room|warehouse|shop|storage|office|garage|loft)\b", re.I)


def hoarding_at_home(sentence: str) -> bool:
    """A home filled to the ceiling, where a person lives: self-neglect."""
    return bool(
        HOARDING.search(sentence) and HOME_LIFE.search(sentence) and not NOT_A_HOME.search(sentence)
    )


# Forced marriage with travel booked: a flight or a trip "to marry" and the person unwilling.
TRAVEL_TO_MARRY = re.compile(
    r"\b(?:booked|booking|taking|take|sending|send|flying|fly|flight|ticket)\b[^.!?]{0,60}"
    r"\bto (?:marry|be married|get married|wed)\b",
    re.IGNORECASE,
)
UNWILLING = re.compile(
    r"\b(?:refus\w*|won'?t (?:be allowed to )?come back|can'?t say no|terrified|frightened|scared"
    r"|against (?:her|his) will|passport|doesn'?t want|does not want|never met|hasn'?t met"
    r"|has not met|no choice|forced)\b",
    re.IGNORECASE,
)
SOON = re.compile(
    r"\b(?:next|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend)"
    r"\b|\btomorrow\b|\btonight\b|\bin (?:a|two|three|\d) (?:days?|weeks?)\b",
    re.IGNORECASE,
)
# Welsh: taken to marry a man she has never met, or her passport taken.
WELSH_TO_MARRY = re.compile(
    r"\bi (?:briodi|phriodi)\b.{0,80}\b(?:erioed wedi'i gyfarfod|erioed wedi cyfarfod|heb ei"
    r"gyfarfod|yn erbyn ei hewyllys|dim dewis)\b|\b(?:gorfodi|gorfod) (?:hi |fe |e )?(?:i )?"
    r"(?:briodi|phriodi)\b",
    re.IGNORECASE,
)
WELSH_PASSPORT_TAKEN = re.compile(
    r"\b(?:cymryd|cadw|dwyn|cuddio)\b.{0,20}\b(?:pasbort|phasbort|basbort)\b", re.IGNORECASE
)
UNDER_EIGHTEEN = re.compile(
    r"\b(?:1[0-7]|fifteen|sixteen|seventeen)(?:[- ]year[- ]old|\b(?! (?:years|months|weeks|days|"
    r"mlynedd|oed\b)))|\b(?:aged|age) (?:1[0-7])\b|\bmae hi'?n (?:1[0-7])\b|\b(?:1[0-7]) oed\b",
    re.IGNORECASE,
)


def forced_marriage_soon(sentence: str, story: str) -> bool:
    """Travel booked to marry, someone unwilling told in the story, and the journey soon."""
    return bool(
        TRAVEL_TO_MARRY.search(sentence) and UNWILLING.search(story) and SOON.search(sentence)
    )


def welsh_forced_marriage(sentence: str) -> bool:
    """A Welsh note of marriage to a man never met, forced, or a passport taken."""
    return bool(WELSH_TO_MARRY.search(sentence) or WELSH_PASSPORT_TAKEN.search(sentence))


# --- Danger beside suicide: a plan for now, a ligature in place, an act of last night -----------
PLAN_OR_ACT = re.compile(
    r"\b(?:overdose\w*|tablets|pills|paracetamol|saving (?:them )?up|saved (?:them )?up"
    r"|stockpil\w*|won'?t need (?:them|it)|take them|do it|end it|jump|bridge|river|railway"
    r"|rope|ligature|noose|letters|last time|unconscious|anymwybodol|gorddos)\b",
    re.IGNORECASE,
)
NOW_OR_LAST_NIGHT = re.compile(
    r"\b(?:tonight|today|this (?:afternoon|evening|morning)|after tonight|right now|last night"
    r"|neithiwr|heno|heddiw|bore 'ma|by tomorrow)\b",
    re.IGNORECASE,
)
LIGATURE_IN_PLACE = re.compile(
    r"\b(?:rope|ligature|noose|cord|belt|scarf)\b[^.!?]{0,20}\b(?:tied|hanging|attached|fixed"
    r"|fastened|knotted|set up|round (?:her|his|their) neck)\b",
    re.IGNORECASE,
)
FINE_NOW = re.compile(
    r"\b(?:fine now|ok now|okay now|safe now|home now|well now|doing well|years ago|back home"
    r"|discharged|iawn rŵan|iawn nawr)\b",
    re.IGNORECASE,
)

# A dose taken by mistake, a story on screen, "an overdose of paperwork": no act of one's own.
NOT_AN_ACT = re.compile(
    r"\b(?:accident\w*|by mistake|mistakenly|episode|drama|programme|film|storyline|soap|novel"
    r"|series)\b|\boverdose of (?!(?:\w+ ){0,2}(?:tablets|pills|paracetamol|insulin|medication"
    r"|meds|painkillers|heroin|methadone|sleeping))",
    re.IGNORECASE,
)


def danger_beside_suicide(text: str) -> str | None:
    """The sentence that makes a suicide risk a danger now: a plan, means or act with today,
    tonight or last night, or a ligature in place; never one that says the person is fine or
    home now."""
    if FINE_NOW.search(text):
        return None
    for sentence in _sentences(text):
        if NOT_AN_ACT.search(sentence):
            continue
        if LIGATURE_IN_PLACE.search(sentence) or (
            PLAN_OR_ACT.search(sentence) and NOW_OR_LAST_NIGHT.search(sentence)
        ):
            return _quote(sentence)
    return None


# Family keeping an adult's medicines ("her nephew collects her prescriptions ... he keeps
# them"): an adult at risk harmed by family is domestic abuse too.
FAMILY = re.compile(
    r"\b(?:son|daughter|grandson|granddaughter|nephew|niece|husband|wife|brother|sister"
    r"|son-in-law|daughter-in-law|mab|merch|ŵyr|wyres|nai|nith|gŵr|gwraig)\b",
    re.IGNORECASE,
)
MEDICINES = re.compile(
    r"\b(?:prescriptions?|medication|medicines?|tablets|pills|patches|meds|painkillers"
    r"|morphine|insulin|inhalers?)\b",
    re.IGNORECASE,
)
# The one who keeps them is the relative ("he keeps them", "her son sells them"), never the
# person herself ("has been hiding her tablets" is stockpiling, a risk of its own).
KEPT_FROM = re.compile(
    r"\b(?:he|they|son|daughter|grandson|granddaughter|nephew|niece|husband|wife|brother"
    r"|sister)\s+(?:has\s+|had\s+|is\s+|'s\s+)?['\"]?(?:keeps|kept|keeping|withholds|withheld"
    r"|withholding|won'?t give|doesn'?t give|never gives|sells|sold|selling|takes|took"
    r"|taking|pockets|pocketed)\b\W+(?:them|it|her|his|the)\b",
    re.IGNORECASE,
)


def family_keeps_medicines(text: str) -> str | None:
    """A family member and an adult's medicines kept, withheld or taken, in one sentence or
    two together."""
    sentences = _sentences(text)
    for i, sentence in enumerate(sentences):
        pair = (sentences[i - 1] if i else "") + " " + sentence
        if KEPT_FROM.search(sentence) and MEDICINES.search(pair) and FAMILY.search(pair):
            return _quote(sentence)
    return None


# --- What the rules hear (added to the rules' detection) -------------------------------------


def heard(text: str, fired: set[str]) -> list[Signal]:
    """This round's rules on `text`: the signals not already in `fired`, each with the words."""
    found: dict[str, str] = {}
    sentences = _sentences(text)
    for i, sentence in enumerate(sentences):
        after = " ".join(sentences[i + 1 : i + 2])
        if request_to_die(sentence):
            found.setdefault("suicide_self_harm", f'a request for help to die "{_quote(sentence)}"')
        if not_here_with_low_mood(sentence, text):
            found.setdefault(
                "suicide_self_harm", f'not here "by then", low mood "{_quote(sentence)}"'
            )
        if asked_and_answered_yes(sentence, after):
            found.setdefault("suicide_self_harm", f'asked and answered yes "{_quote(sentence)}"')
        if all_to_stop_with_means(sentence, text):
            found.setdefault(
                "suicide_self_harm", f'"all to stop" beside a means "{_quote(sentence)}"'
            )
        if self_injury_act(sentence):
            found.setdefault(
                "suicide_self_harm", f'self-injury with a sharp thing "{_quote(sentence)}"'
            )
        if attempt_promised(sentence, text):
            found.setdefault("suicide_self_harm", f'an attempt promised "{_quote(sentence)}"')
        if way_felt(sentence):
            found.setdefault("suicide_self_harm", f'a way felt like "{_quote(sentence)}"')
        if WELSH_SELF_INJURY.search(sentence):
            found.setdefault("suicide_self_harm", f'Welsh self-injury "{_quote(sentence)}"')
        if not_responding_now(sentence):
            found.setdefault("immediate_danger", f'not responding now "{_quote(sentence)}"')
        if weapon_with_harm_meant(sentence):
            found.setdefault(
                "immediate_danger", f'a weapon carried, harm meant "{_quote(sentence)}"'
            )
        if child_alone_now(sentence) or welsh_child_alone_now(sentence):
            found.setdefault("immediate_danger", f'a young child alone now "{_quote(sentence)}"')
            found.setdefault("child_abuse_neglect", f'a young child alone "{_quote(sentence)}"')
        if kept_in_and_got_out(sentence):
            found.setdefault("immediate_danger", f'kept in and got out "{_quote(sentence)}"')
        if fire_hazard_now(sentence):
            found.setdefault("immediate_danger", f'oxygen beside a flame "{_quote(sentence)}"')
        if hoarding_at_home(sentence):
            found.setdefault("adult_abuse_neglect", f'a home hoarded "{_quote(sentence)}"')
        if forced_marriage_soon(sentence, text):
            found.setdefault("immediate_danger", f'travel to marry, soon "{_quote(sentence)}"')
            found.setdefault("domestic_abuse", f'travel to marry, unwilling "{_quote(sentence)}"')
        if welsh_forced_marriage(sentence):
            found.setdefault("domestic_abuse", f'Welsh forced marriage "{_quote(sentence)}"')
            if UNDER_EIGHTEEN.search(text):
                found.setdefault(
                    "child_abuse_neglect", f'forced marriage under 18 "{_quote(sentence)}"'
                )
    day = letters_and_a_day(text)
    if day:
        found.setdefault("suicide_self_harm", f'letters to everyone and "{day}"')
        found.setdefault("immediate_danger", f'letters to everyone and "{day}"')
    return [
        Signal(name, "rules", f"{why} (round 21)")
        for name, why in found.items()
        if name not in fired
    ]


def relabel(text: str, detection: Detection) -> None:
    """Danger beside a suicide risk told as now, and domestic abuse beside an adult's
    medicines kept by family (in place, as rules)."""
    names = set(detection.names)
    if "suicide_self_harm" in names and "immediate_danger" not in names:
        words = danger_beside_suicide(text)
        if words:
            detection.signals.append(
                Signal("immediate_danger", "rules", f'suicide told as now (round 21): "{words}"')
            )
    if "adult_abuse_neglect" in names and "domestic_abuse" not in names:
        words = family_keeps_medicines(text)
        if words:
            detection.signals.append(
                Signal("domestic_abuse", "rules", f'medicines kept by family (round 21): "{words}"')
            )


# --- What the rules hold back ------------------------------------------------------------------
# "If they call me in again I'll kill myself" with a laugh or called a joke: the teller's
# hyperbole over a trivial thing. "Laughed it off" is not this: a risk laughed off is a risk
# minimised (a hairdresser's client who "won't be here by then" and laughed it off).
LAUGHED_OFF = re.compile(r"\blaugh(?:ed|ing|s)? (?:it|this|that) off\b")
NOT_JOKING = re.compile(r"\b(?:not joking|wasn'?t joking|means it|meant it|serious(?:ly)?)\b")
CONDITION = re.compile(r"\b(?:if|when|unless|one more|another)\b")


def own_threat_in_jest(phrase: list[str], sentence: str, after: str, story: str) -> bool:
    """ "I'll kill myself" on a condition ("if they call me in again"), with a laugh or a joke
    in the sentence or the next, no low mood or means told, and nothing said to be meant."""
    if not phrase or phrase[-1] not in ("myself", "meself", "mysel"):
        return False
    around = f"{sentence} {after}".lower().replace("\u2019", "'")
    return bool(
        CONDITION.search(sentence.lower())
        and signal_context.JEST.search(around)
        and not LAUGHED_OFF.search(around)
        and not NOT_JOKING.search(around)
        and not MEANS.search(around)
        and not nineteenth_round.LOW_MOOD.search(story.lower())
    )


# --- What the sentence model may not raise -----------------------------------------------------
WISH_WHERE = re.compile(
    r"\b(?:die|dying|pass away|go)\s+(?:at home|in (?:his|her|their|my) own (?:bed|home)"
    r"|peacefully|in (?:the )?hospice|in hospital|with (?:his|her|their|my) family"
    r"|surrounded|with (?:prayers|dignity))\b",
    re.IGNORECASE,
)
INSTRUMENT = re.compile(
    r"\b(?:phq-?9|item \d+|questionnaire|screening|scale|form|checklist|cwestiynau)\b", re.I
)
BUSY = re.compile(
    r"\b(?:manic|busy|rushed|hectic|chaos|chaotic|mad|run off|crates|queue|embarrass\w*"
    r"|mortified|laugh\w*|funny|hilarious|lol|haha\w*|rollercoaster|ride|scary film)\b",
    re.IGNORECASE,
)


def model_held_back(name: str, sentence: str, before: str, after: str) -> bool:
    """Whether the sentence model's reading of `name` is held back by this round's kinds: a
    wish about where to die with no hurry or means, a questionnaire item answered no, a wish to
    die already assessed as no intent, "I thought I was going to die" of a busy day."""
    if name not in ("suicide_self_harm", "immediate_danger"):
        return False
    lowered = " " + " ".join(sentence.lower().replace("\u2019", "'").split()) + " "
    harm = nineteenth_round.HARM_WORDS.search(lowered)
    if name == "suicide_self_harm":
        if (
            WISH_WHERE.search(lowered)
            and not nineteenth_round.HURRIED.search(lowered)
            and not MEANS.search(lowered)
            and not request_to_die(sentence)
        ):
            return True
        if INSTRUMENT.search(lowered) and signal_context.screening_answered_no(
            lowered, after.lower()
        ):
            return True
        if (
            not harm
            and (
                signal_context.checked_no_risk(after.lower())
                or signal_context.checked_no_risk(lowered)
            )
            and not signal_context.ANSWERED_YES.search(after.lower())
        ):
            return True
    return bool(
        nineteenth_round.THOUGHT_I_WOULD_DIE.search(lowered) and BUSY.search(lowered) and not harm
    )
