"""Suicide risk written down by a witness (issue 19, round 21: what someone else writes down about
a person, from workplaces not usually asked: pharmacists, school nurses, housing officers,
paramedics, volunteers, faith leaders, hairdressers, taxi drivers): a request for help to die,
and the hints of suicide such notes tell — "I won't be here by then" beside low mood, a question
of ending one's life answered yes, "I just want it all to stop" beside a means, letters to
everyone and a day set, self-injury with a sharp thing, an attempt promised "this time", a way
felt like ("walking into the sea"), and Welsh self-injury told through the body.

Why apart: a note written by a witness says what was seen and done, rarely the words the rules
were written from. A dying person asks for "all my tablets"; a pastor asks whether she thinks of
ending her life and she says "some days, yes". Each check here needs two things said together
(an act and what makes it a risk now), so the words alone — a tablet round, a debate on assisted
dying, a screening answered no — never fire. `witness_notes.heard` runs them beside the token
rules; the sentence split is `note_sentences`, shared with the other note modules.
"""

from __future__ import annotations

import re

from nlp.signals.core import note_sentences
from nlp.signals.phrasings import suicide_hints

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
        or suicide_hints.LOW_MOOD.search(lowered)
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
    for sentence in note_sentences.sentences(story):
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
