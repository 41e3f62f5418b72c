"""The training texts for the risk-signal model, written for this project and varied here.

Two sources, both in `nlp/data/`:

- `signal_sentences.txt` and `signal_kinds.txt`: hand-written sentences in blocks by signal
  (many voices, registers and the hard negatives that must not fire; the second is written by
  kind: understatement, means and plans, neglect through what is missing, coercive control,
  children's own words, reported speech, past and over against current risk);
- the slot generators below, which combine who is speaking, about whom, what happens and
  when, so the model meets the same idea in many words rather than one phrasing.

Each sentence is then varied the way people really write: lower case, no punctuation, typos,
text-speak, reported speech ("my sister told me ..."), and set among ordinary sentences.
Nothing here may come from a set the detector is measured on.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

SENTENCES_PATH = Path(__file__).parents[2] / "data" / "signal_sentences.txt"
KINDS_PATH = Path(__file__).parents[2] / "data" / "signal_kinds.txt"
VOICES_PATH = Path(__file__).parents[2] / "data" / "signal_voices.txt"
NOW_PATH = Path(__file__).parents[2] / "data" / "signal_now.txt"
CONTRASTS_PATH = Path(__file__).parents[2] / "data" / "signal_contrasts.txt"


@dataclass(frozen=True)
class Example:
    """One training sentence, the signals it carries, and the sentences around it as the
    model meets them in a story (the sentence alone when `context` is empty)."""

    text: str
    labels: tuple[str, ...]
    context: str = ""
    group: str = ""  # variants of one written sentence share it, so folds never split them
    # Signals this sentence is neither a positive nor a negative for: a sentence of a story
    # labelled with the signal, but not the sentence that carries it (see
    # nlp.signals.model_training.written).
    unsure: tuple[str, ...] = ()

    @property
    def around(self) -> str:
        return self.context or self.text


def hand_written(
    paths: tuple[Path, ...] = (SENTENCES_PATH, KINDS_PATH, VOICES_PATH, NOW_PATH, CONTRASTS_PATH),
) -> list[Example]:
    """The sentences of `signal_sentences.txt`, `signal_kinds.txt`, `signal_voices.txt`,
    `signal_now.txt` (danger now against abuse that is ongoing or past) and
    `signal_contrasts.txt` (the ordinary sentences of long stories the model read as a risk,
    beside a risk told in the same words) with the labels of their block."""
    labels: tuple[str, ...] = ()
    examples = []
    lines = [line for path in paths for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            names = tuple(line[1:-1].split())
            labels = () if names == ("none",) else names
            continue
        # "sentence ~ what follows it": the sentence, read with the next one as its context
        # ("I tried to end my life in 2019. ~ I'm well now and know who to call.").
        focus, _, after = (part.strip() for part in line.partition(" ~ "))
        examples.append(Example(focus, labels, f"{focus} {after}" if after else ""))
    return examples


# Slot generators ----------------------------------------------------------------------------

RELATIVES = (
    "my mum", "my dad", "my nan", "my grandad", "my aunt", "my uncle", "my brother",
    "my sister", "my husband", "my wife", "my neighbour", "my friend", "the lady next door",
    "the man upstairs", "my son", "my daughter", "my father-in-law", "my cousin",
)  # fmt: skip
ELDERS = (
    "my mum", "my dad", "my nan", "my grandad", "my aunt", "my uncle", "my father-in-law",
    "the old man next door", "my brother, who has learning disabilities,",
    "my sister, who has dementia,", "my mother-in-law", "the lady across the road",
)  # fmt: skip
CHILDREN = (
    "my son", "my daughter", "my little boy", "my little girl", "my grandson",
    "my granddaughter", "my nephew", "my niece", "the kids next door", "the baby",
    "my stepson", "the children", "my youngest", "the boy down the road",
)  # fmt: skip
ABUSERS_OF_CHILDREN = (
    "her dad", "his stepdad", "their mum", "mum's boyfriend", "dad's girlfriend", "her uncle",
    "the babysitter", "his father", "their stepmum", "my ex", "her mum's partner",
)  # fmt: skip
PARTNERS = (
    "my husband", "my wife", "my partner", "my boyfriend", "my girlfriend", "my ex",
    "my fiancé", "he", "she", "my other half",
)  # fmt: skip
WHEN = (
    "", "", "", " again", " every week", " most nights", " when he's been drinking",
    " when nobody is looking", " for months now", " since the summer", " all the time",
)  # fmt: skip
NOW = (
    "right now", "as I type this", "at this moment", "tonight", "now", "this minute",
)  # fmt: skip

SUICIDE_FEELINGS = (
    "can't see the point any more", "want it all to end", "don't want to wake up",
    "think everyone would be better off without me", "have had enough of living",
    "can't go on", "want to die", "keep thinking about ending it", "feel like giving up on life",
    "don't want to be alive", "have been thinking about killing myself",
    "want to disappear for good", "think about taking my own life",
    "can't keep going like this much longer", "wish I wasn't here",
)  # fmt: skip
SUICIDE_REPORTED = (
    "wants to die", "keeps saying there's no point living", "has been talking about ending it",
    "said everyone would be better off without them", "has been cutting", "tried to end their life",
    "has been self-harming", "took an overdose", "said they can't go on",
    "has been saying goodbye to people", "has been hurting themselves",
)  # fmt: skip
MEANS = (
    "the tablets", "my pills", "the rope", "a blade", "the whole packet of paracetamol",
    "my insulin", "the car keys and a hosepipe", "my husband's tablets", "a bottle of pills",
)  # fmt: skip
# Domestic abuse as the teller writes: danger and domestic abuse both.
DANGER_ACTS = (
    "he's outside the door", "he's got a knife", "he's trying to break the door down",
    "he's threatening to kill me", "he's smashing the place up", "I'm hiding from him",
    "he won't let me leave the flat", "he's coming back for me", "I can hear him shouting",
    "I'm locked in the bedroom", "she's got a knife and won't let me out",
    "my son is smashing the house up and coming for me",
)  # fmt: skip
# Danger that is not domestic abuse: a body, a house or a stranger, now.
DANGER_OTHER = (
    "someone is trying to get in", "my dad can't breathe properly",
    "mum is on the floor and won't wake",
    "the kitchen is full of smoke and nan is upstairs",
    "my son's gone grey and can't get his breath",
    "there's a strong smell of gas and grandad is confused", "my friend is fitting and won't stop",
    "a man with a knife is shouting on our landing", "my little boy has gone missing by the river",
    "she's bleeding heavily and going pale",
)  # fmt: skip
# Abuse that is ongoing, habitual or over: domestic abuse, not danger (the model used to hear
# "he" and a threat as danger whatever the tense).
NOT_NOW = (
    " last year", " a few months ago", " most weekends", " whenever he's had a drink",
    " for years", " before we split up", " when we were together", " every so often",
)  # fmt: skip
PAST_ACTS = (
    "hit me", "pushed me into the wall", "pulled my hair", "shoved me against the door",
    "threatened to kill me", "smashed the plates", "locked me out of the house",
    "took my bank card", "said no one would believe me", "kicked the door in",
)  # fmt: skip
CHILD_HARMS = (
    "hits", "slaps", "hurts", "kicks", "shakes", "burns", "locks up", "starves", "screams at",
    "beats", "touches", "punches",
)  # fmt: skip
CHILD_NEGLECT = (
    "are left on their own all night", "go to school hungry", "have no food in the house",
    "are never washed", "sleep in a freezing house with no heating",
    "are left in dirty nappies", "have no one to look after them",
    "aren't taken to the doctor when they're ill", "are left to fend for themselves",
    "look after themselves because their mum is always drunk",
)  # fmt: skip
ADULT_NEGLECT = (
    "has had no food in the house for days", "has been left in soiled sheets",
    "has no heating and it's freezing", "wasn't given a drink all day",
    "was left on the floor all night", "hasn't been washed for a week",
    "didn't get her tablets because the carers didn't come",
    "was left in bed until the afternoon with no breakfast", "has bedsores no one dressed",
    "can't reach the call bell and nobody checks on her",
    "is losing weight because nobody helps her eat",
)  # fmt: skip
ADULT_ABUSE = (
    "is being bullied by a carer", "has money going missing from her purse",
    "is frightened of one of the staff", "had her bank card taken by a relative",
    "has unexplained bruises", "is shouted at by the night staff", "is being kept in her room",
    "has been pushed around by a care worker", "is made to sign things she doesn't understand",
)  # fmt: skip
CONTROL = (
    "checks my phone", "controls all the money", "won't let me see my friends",
    "tells me what to wear", "tracks where I go", "decides when I can leave the house",
    "takes my wages", "stops me seeing my family", "says no one will believe me",
    "makes me ask permission to go out", "threatens to take the children",
    "pushes me around", "hits me", "shouts in my face", "grabs me by the arm",
    "calls me worthless", "makes me account for every penny",
)  # fmt: skip
COMPLAINTS = (
    "make a formal complaint", "complain about the ward", "raise this with the trust",
    "take this further", "report what happened", "get this investigated",
    "go to the ombudsman", "write to the chief executive", "put a complaint in",
)  # fmt: skip


def _generated(rng: random.Random) -> list[Example]:
    """Slot-filled sentences: each pattern's fills are drawn at random, a few per pattern."""
    out: list[Example] = []

    def add(labels: tuple[str, ...], texts: list[str]) -> None:
        out.extend(Example(t, labels) for t in texts)

    for _ in range(40):
        feeling = rng.choice(SUICIDE_FEELINGS)
        opener = rng.choice(("I", "Honestly I", "Most days I", "Lately I", "Some nights I"))
        add(("suicide_self_harm",), [f"{opener} {feeling}."])
        who = rng.choice(RELATIVES)
        add(
            ("suicide_self_harm",),
            [f"{who.capitalize()} {rng.choice(SUICIDE_REPORTED)}{rng.choice(WHEN)}."],
        )
        means = rng.choice(MEANS)
        verb = rng.choice(("I've got", "I'm holding", "I've taken", "I have", "I've swallowed"))
        add(
            ("suicide_self_harm", "immediate_danger"),
            [f"{verb} {means} {rng.choice(NOW)}."],
        )
        add(
            ("domestic_abuse", "immediate_danger"),
            [f"{rng.choice(DANGER_ACTS).capitalize()} {rng.choice(NOW)}."],
        )
        add(
            ("immediate_danger",),
            [f"{rng.choice(DANGER_OTHER).capitalize()} {rng.choice(NOW)}."],
        )
        add(
            ("domestic_abuse",),
            [f"{rng.choice(PARTNERS).capitalize()} {rng.choice(PAST_ACTS)}{rng.choice(NOT_NOW)}."],
        )
        child, adult = rng.choice(CHILDREN), rng.choice(ABUSERS_OF_CHILDREN)
        add(
            ("child_abuse_neglect",),
            [f"{adult.capitalize()} {rng.choice(CHILD_HARMS)} {child}{rng.choice(WHEN)}."],
        )
        add(
            ("child_abuse_neglect",),
            [f"{rng.choice(CHILDREN).capitalize()} {rng.choice(CHILD_NEGLECT)}."],
        )
        add(
            ("child_abuse_neglect",),
            [f"{adult.capitalize()} {rng.choice(CHILD_HARMS)} me{rng.choice(WHEN)}."],
        )
        add(
            ("adult_abuse_neglect",),
            [f"{rng.choice(ELDERS).capitalize()} {rng.choice(ADULT_NEGLECT)}."],
        )
        add(
            ("adult_abuse_neglect",),
            [f"{rng.choice(ELDERS).capitalize()} {rng.choice(ADULT_ABUSE)}."],
        )
        partner = rng.choice(PARTNERS)
        add(
            ("domestic_abuse",),
            [f"{partner.capitalize()} {rng.choice(CONTROL)}{rng.choice(WHEN)}."],
        )
        add(
            ("complaint",),
            [
                f"{rng.choice(('I want to', 'I would like to', 'I intend to', 'I need to'))}"
                f" {rng.choice(COMPLAINTS)}."
            ],
        )
    return out


# Kinds an earlier model missed, slot by slot: means at hand said in the present tense, danger
# as the teller types, neglect through what is missing, coercive control told about someone
# else, and what an adult does to a child in the child's words.

MEANS_HERE = (
    "the tablets are on the table in front of me", "i've got all my pills out on the bed",
    "the rope is in the shed and i know where", "there's a blade in my pocket",
    "i've got a month of my meds saved in a jar", "the paracetamol is lined up by the sink",
    "i've got the keys to the roof", "my insulin pens are all here and i know how much it takes",
    "the knife is right here next to me", "i've kept back every tablet they gave me",
)  # fmt: skip
MEANS_WHY = (
    "", " and i'm going to use them", " and nobody knows", " for when i decide",
    " and tonight feels like the night", " and i keep thinking about it", " just in case",
)  # fmt: skip
MISSING = (
    "there's no food in the fridge", "the heating hasn't been on for weeks",
    "her water jug is always empty", "he hasn't had a hot meal in days",
    "nobody has washed her since last week", "his pad hasn't been changed since yesterday",
    "the carers haven't turned up for three days", "her tablets haven't been given for days",
    "the bed is soaked and nobody has changed it",
    "he's lost so much weight his clothes hang off him",
    "the house is freezing and there's no money for the meter", "she can't reach her call bell",
)  # fmt: skip
CHILD_MISSING = (
    "there's never any food in the house", "they have no beds, just a mattress on the floor",
    "nobody gets them up for school", "the baby's bottles are never made up",
    "they're left on their own overnight", "there's no heating and they sleep in their coats",
    "nobody takes them to the dentist or the doctor", "they wear the same dirty clothes all week",
    "they're always hungry and asking the neighbours for food",
)  # fmt: skip
THIRD_PARTNERS = (
    "my sister's husband", "my friend's boyfriend", "my daughter's partner", "her husband",
    "my son's girlfriend", "the man she lives with", "my mum's partner", "his wife",
)  # fmt: skip
THIRD_CONTROL = (
    "checks her phone every night", "won't let her see her friends",
    "takes all her wages", "decides what she can wear", "tracks where she goes",
    "won't let her out without him", "keeps her passport", "makes her account for every penny",
    "tells her no one would believe her", "answers for her at appointments",
    "threatens to take the children if she leaves", "has cut her off from all of us",
)  # fmt: skip
CHILD_VOICE_ADULTS = (
    "my dad", "my mum", "my stepdad", "my stepmum", "mum's boyfriend", "my uncle",
    "my foster carer", "my nan's boyfriend", "the man mum lives with",
)  # fmt: skip
CHILD_VOICE_ACTS = (
    "hits me", "hurts me", "locks me in my room", "doesn't give me any tea",
    "shouts at me and throws things", "grabs me really hard", "makes me keep secrets",
    "touches me in ways i don't like", "says i'm worthless and stupid", "kicks me",
    "leaves me on my own all night", "makes me sleep in the cold",
)  # fmt: skip
CHILD_VOICE_WHEN = (
    "", " when he's drunk", " when i get things wrong", " when mum's at work", " every day",
    " and says i'll get in trouble if i tell", " and i'm scared to go home",
)  # fmt: skip
SCREENING = (
    "asked if I was safe at home", "asked whether I'd thought about hurting myself",
    "went through the suicide questions", "asked if anyone hurts the children",
    "asked if my partner controls the money", "asked if I'd ever been abused",
    "checked whether I had tablets saved up", "asked about thoughts of ending my life",
)  # fmt: skip
SCREENING_ANSWER = (
    "and I said no", ", which is routine", " and I was fine with that", "; I haven't",
    " and I answered honestly that I'm OK", ", they ask everyone",
)  # fmt: skip


def _kinds(rng: random.Random) -> list[Example]:
    """Slot-filled sentences of the kinds an earlier model missed, and hard negatives."""
    out: list[Example] = []
    for _ in range(40):
        means = rng.choice(MEANS_HERE) + rng.choice(MEANS_WHY)
        labels = ("suicide_self_harm", "immediate_danger")
        out.append(Example(f"{means} {rng.choice(NOW)}".strip() + ".", labels))
        out.append(
            Example(
                f"{rng.choice(ELDERS).capitalize()} lives alone and {rng.choice(MISSING)}.",
                ("adult_abuse_neglect",),
            )
        )
        out.append(
            Example(
                f"At {rng.choice(('her', 'his', 'their'))} house {rng.choice(CHILD_MISSING)}.",
                ("child_abuse_neglect",),
            )
        )
        out.append(
            Example(
                f"{rng.choice(THIRD_PARTNERS).capitalize()} {rng.choice(THIRD_CONTROL)}.",
                ("domestic_abuse",),
            )
        )
        act = rng.choice(CHILD_VOICE_ACTS) + rng.choice(CHILD_VOICE_WHEN)
        out.append(Example(f"{rng.choice(CHILD_VOICE_ADULTS)} {act}", ("child_abuse_neglect",)))
        out.append(
            Example(
                f"{rng.choice(ASKERS)} {rng.choice(SCREENING)}{rng.choice(SCREENING_ANSWER)}.", ()
            )
        )
        medicine = rng.choice(MEDICINES)
        out.append(
            Example(
                rng.choice(
                    (
                        f"I've got {medicine} here with me and I take them as prescribed.",
                        f"{medicine.capitalize()} are on the kitchen table where I can see them.",
                        f"I keep a spare box of {medicine} in my bag.",
                        f"I've saved the leftover {medicine} to take back to the pharmacy.",
                    )
                ),
                (),
            )
        )
    return [Example(e.text, e.labels) for e in {e.text: e for e in out}.values()]


# Ordinary sentences and hard negatives: most of a story is neither, and the model has to
# meet as many ways of saying nothing risky as ways of saying something.

SERVICES = (
    "the GP surgery", "the ward", "A&E", "the walk-in centre", "the pharmacy", "the dentist",
    "the physio", "the maternity unit", "the care home", "the hospice", "the clinic",
    "the out-of-hours service", "the district nurses", "the mental health team",
    "the memory clinic", "the diabetes nurse", "the eye hospital", "the ambulance crew",
    "the receptionists", "the consultant", "the health visitor", "the talking therapies service",
)  # fmt: skip
GOOD = (
    "were brilliant", "were kind and patient", "explained everything clearly",
    "listened to me properly", "couldn't have done more", "were run off their feet but lovely",
    "made me feel at ease", "sorted it out quickly", "treated me with respect",
)  # fmt: skip
BAD = (
    "kept me waiting for hours", "lost my referral", "never rang back", "were short with me",
    "sent the letter to the wrong address", "cancelled my appointment twice",
    "didn't explain the results", "made me repeat my story five times",
    "had no interpreter", "ran out of my prescription", "gave me the wrong date",
)  # fmt: skip
WAITS = (
    "three hours", "six weeks", "eighteen months", "all morning", "two days on a trolley",
    "forty minutes on hold", "a year for a hearing test", "ages",
)  # fmt: skip
THINGS = (
    "a scan", "my results", "an ambulance", "a call back", "a home visit", "my new glasses",
    "a wheelchair", "the consultant", "a bed on the ward", "my repeat prescription",
)  # fmt: skip
MEDICINES = (
    "my tablets", "my blood pressure pills", "my insulin", "my inhaler", "my painkillers",
    "the morphine patches", "my antidepressants", "paracetamol", "my water tablets", "my meds",
)  # fmt: skip
MEDICINE_TALK = (
    "I take {m} every morning.", "I keep {m} in the kitchen cupboard.",
    "The pharmacist went through {m} with me.", "I collect {m} on a Friday.",
    "The GP reviewed {m} and changed the dose.", "I forgot {m} when we went away.",
    "My daughter puts {m} in a dosette box for me.", "I ran out of {m} over the bank holiday.",
    "The nurse checked I was taking {m} properly.", "I've got a good supply of {m} at home.",
)  # fmt: skip
RISK_PHRASES = (
    ("want to die", "suicide_self_harm"), ("think about ending my life", "suicide_self_harm"),
    ("hurt myself", "suicide_self_harm"), ("feel unsafe at home", "immediate_danger"),
    ("have thoughts of suicide", "suicide_self_harm"), ("get hit at home", "domestic_abuse"),
    ("am frightened of my partner", "domestic_abuse"), ("self-harm", "suicide_self_harm"),
)  # fmt: skip
ASKERS = (
    "The nurse", "The doctor", "The triage nurse", "The midwife", "The GP", "The social worker",
    "The pharmacist", "The paramedic", "The health visitor", "The psychiatrist",
)  # fmt: skip
RISK_TOPICS = (
    "suicide", "self-harm", "domestic abuse", "child neglect", "elder abuse",
    "coercive control", "knife crime", "an overdose", "a murder", "a violent marriage",
)  # fmt: skip
FICTION = (
    "a novel", "a film", "a TV drama", "a podcast", "a play", "a documentary", "a soap storyline",
)  # fmt: skip
HELPERS = (
    "My husband is here with me", "My neighbour is sitting with me", "My sister has come to stay",
    "My son is with me now", "The carer is here", "My friend came straight round",
    "My daughter is staying over", "The district nurse is with dad now",
)  # fmt: skip
HELPING = (
    "and he's been wonderful.", "and she's making tea.", "until I feel better.",
    "while I wait for the GP to ring.", "so I'm not on my own.", "and she's sorting my tablets.",
)  # fmt: skip
LOVED_ONES = ("Mum", "Dad", "My wife", "My husband", "Nan", "Grandad", "My brother", "Auntie Jean")
END_OF_LIFE = (
    "{p} wanted to die at home and the nurses made it happen.",
    "{p} died peacefully with the family around them.",
    "{p} was ready to go and passed in her sleep, comfortable.",
    "{p} had a DNR in place and the team respected it.",
    "{p} chose to stop dialysis and was kept comfortable to the end.",
    "{p} said they'd had enough of treatment and wanted to be comfortable, and the hospice helped.",
    "The palliative team looked after {p} beautifully in the last week.",
    "{p} passed away on the ward and a nurse sat with them so they weren't alone.",
)  # fmt: skip


# Ordinary talk that shares a topic with a signal: children and babies at groups and clinics,
# recovery and endings in mental health services, older people's care going well. A model
# that meets children only in stories of abuse learns "a child is mentioned", not "a child is
# harmed"; these teach the difference.
KIDS = (
    "my son", "my daughter", "my little boy", "my little girl", "the baby", "my toddler",
    "my twins", "my grandson", "our eldest", "my 3 year old", "my baby, who's 7 months,",
    "my teenager", "my stepdaughter", "our youngest",
)  # fmt: skip
KIDS_DOING = (
    "loves the messy play on a Tuesday", "has started talking much more since the group",
    "was seen quickly for her ear infection",
    "slept through for the first time after the sleep clinic",
    "is on the waiting list for an autism assessment", "had his jabs and was very brave",
    "was weighed by the health visitor and is doing well", "goes to the breakfast club at school",
    "was poorly with a temperature and the GP saw us the same day",
    "has made friends at the stay and play",
    "is behind with her speech and the therapist is helping",
    "struggles with her behaviour and the parenting course gave us ideas",
    "started nursery and cried at first but loves it now",
    "was born early and spent a week in special care",
    "gets picked up by her nan after school", "had a tooth out at the dentist",
)  # fmt: skip
ENDINGS = (
    "I'm sad the group is ending but I'm ready to move on.",
    "Saying goodbye to the staff was the hardest part.",
    "I've been discharged from the service and I'm a lot better now.",
    "This is my last session and I'll miss everyone.",
    "I'm nearly back to my old self.",
    "I don't know where I'd be without this service.",
    "It's the end of my journey with the team and I'm grateful.",
    "I've given up ringing, it's pointless, nobody answers.",
    "I wish someone had told me about this group sooner.",
    "I still haven't heard back about my letter.",
    "I've had my sessions and now I'm on my own, which is a bit scary.",
    "I don't want to be passed to another team again.",
    "I was struggling with my mood and the GP referred me to talking therapies.",
    "The medication has made a big difference to how I feel.",
    "I've been depressed for months and the wait for therapy is too long.",
    "I've come off my antidepressants slowly with the GP's help.",
)  # fmt: skip
OLDER_WELL = (
    "has a hot meal every day and the carers stay for a chat",
    "is kept warm and clean and the home rings us with any news",
    "goes to the day centre twice a week and loves the singing",
    "has a key safe so the carers can let themselves in",
    "is well looked after by the district nurses, who come every morning",
    "has a pendant alarm and the response team came quickly when she fell",
)  # fmt: skip


# First-person talk of feelings that is not risk: recovery, thanks, hope, frustration. Without
# it "I" and a feeling read as distress ("I've been able to be myself" scored like "I want to
# die" in an earlier model).
I_FEEL_OPEN = (
    "I've been able to", "Thanks to the team I can", "Since the group I've started to",
    "I'm learning to", "Slowly I'm beginning to", "For the first time in years I can",
)  # fmt: skip
I_FEEL_DO = (
    "be myself again", "go out on my own", "sleep through the night", "talk about how I feel",
    "enjoy my family again", "cope with the bad days", "go back to work part time",
    "look forward to things", "make plans for the summer", "laugh again",
)  # fmt: skip
I_SAY = (
    "I can't recommend it enough.", "Long may it continue.", "I wish I'd known about it sooner.",
    "I still haven't had a reply to my email.", "I feel I'm being ignored by the practice.",
    "I wish people would be honest from the start.", "I've had choices and I've made them.",
    "I hope every one has a good future.", "I've gone from strength to strength.",
    "This has been going on for months and nobody has sorted it.",
    "I felt let down and I still do.", "I'm so grateful, I can't thank them enough.",
    "I had no idea what to expect but it was fine.",
    "I've given up trying to get an appointment.",
    "I've no hope of getting a dentist round here.", "I feel lost in the system.",
    "I wasn't told about the change and now I see a different doctor every time.",
    "I was at the end of my tether with the phone system.", "I feel so much more confident.",
    "I didn't want to go at first but I'm glad I did.", "I was at my wits' end with the noise.",
    "I'm dreading the next appointment because nobody listens.", "I felt invisible on the ward.",
    "I don't want to be a bother but this needs fixing.", "I can't take any more waiting.",
    "I'm exhausted from chasing everyone.", "I'm tired of having to fight for everything.",
    "I just want someone to listen.", "I'm finally getting somewhere.",
    "I couldn't have got through it without my key worker.",
    "Being back home with my family has helped me recover.",
    "The team went above and beyond for me on that ward.",
    "I couldn't have asked for kinder people.",
    "The group is what keeps me going through the tough weeks.",
    "Life has been tough this year but the nurse made a real difference.",
    "I'm here today feeling stronger than I have in years.",
    # About the telling itself: who is writing, why, and thanks for being asked.
    "I'm filling this in for my dad as his hands shake too much to write.",
    "I'm writing on behalf of my wife, who doesn't use computers.",
    "My son is typing this for me because my eyes are bad.",
    "This is the first time I've ever left a review.",
    "I hope sharing this makes a difference for the next family.",
    "I only want things to improve for the patients who come after me.",
    "Thanks for giving me the chance to say all this.",
    "I'm glad someone finally asked what I think.",
    "I don't usually write these but I felt I had to.",
    "I'd like this passed on to the staff on the ward, please.",
    "Please share this with the manager so they know.",
    "I'm telling you this so it doesn't happen to anyone else.",
)  # fmt: skip


# Ordinary feedback said with the words danger is told in: the time ("right now", "at the
# moment", "tonight") and the body ("blood", "breathing", "chest", "collapsed") in care that
# went as it should. The danger examples end in a time word; without these the model hears
# the time word alone as danger ("can't think of anything at the moment").
ORDINARY_STATES = (
    "there's nothing more I'd like to say", "nothing needs changing", "everything is fine",
    "the ward is really busy", "the hand dryer in the toilets isn't working",
    "the lift is out of order",
    "we're waiting for the consultant's round", "Dad is comfortable and asleep",
    "my pain is under control", "there's nowhere to park", "the phone lines are engaged",
    "I'm on the waiting list for my knee", "the baby is feeding well", "I'm feeling much better",
    "the heating on the ward is far too high", "I'm sitting in the waiting room",
    "the pharmacy is closed", "my mum is settled in her room", "I'm happy with my care",
    "the staff are run off their feet", "the food is cold", "I'm still waiting for my letter",
)  # fmt: skip
ORDINARY_NOW = (
    " right now", " at the moment", " tonight", " now", " today", " as I type this",
    " at this minute", " this morning", " just now", "",
)  # fmt: skip
BODY_CARE = (
    "They took blood for tests and it didn't hurt at all.",
    "The nurse checked my breathing and my oxygen and all was well.",
    "The bleeding stopped once the doctor put two stitches in.",
    "I had a blood transfusion and felt much better the next day.",
    "The physio taught me breathing exercises for my lungs.",
    "My chest pain turned out to be indigestion, and they explained why.",
    "They gave me oxygen in the ambulance and I was fine by the evening.",
    "The midwife listened to the baby's heartbeat and it was strong.",
    "My blood sugar was low so the nurse gave me juice and a biscuit.",
    "I fainted in the queue and the staff looked after me until I came round.",
    "The paramedics ran an ECG in the kitchen and took Dad in to be safe.",
    "I was short of breath with the chest infection but the antibiotics worked.",
    "The fire alarm test made everyone jump but it was only a drill.",
    "The ward had a leak from the ceiling and they moved us quickly.",
    "Mum's blood pressure dropped after her fall and they kept her in overnight.",
    "The allergy clinic gave me an adrenaline pen and showed me how to use it.",
)  # fmt: skip


def _ordinary_now(rng: random.Random) -> list[Example]:
    """Ordinary states said with a time word, and ordinary care of the body (no signal)."""
    texts = [f"{rng.choice(ORDINARY_STATES)}{rng.choice(ORDINARY_NOW)}." for _ in range(60)]
    texts = [t[0].upper() + t[1:] for t in texts]
    return [Example(t, ()) for t in dict.fromkeys(texts + list(BODY_CARE))]


def _ordinary_first_person(rng: random.Random) -> list[Example]:
    """First-person feelings that carry no signal: recovery, thanks, hope and frustration."""
    texts = [f"{rng.choice(I_FEEL_OPEN)} {rng.choice(I_FEEL_DO)}." for _ in range(40)]
    return [Example(t, ()) for t in dict.fromkeys(texts + list(I_SAY))]


def _ordinary_topics(rng: random.Random) -> list[Example]:
    """Ordinary sentences about children, endings and older people's care (no signal)."""
    texts: list[str] = []
    for _ in range(80):
        texts.append(f"{rng.choice(KIDS).capitalize()} {rng.choice(KIDS_DOING)}.")
        texts.append(rng.choice(ENDINGS))
        texts.append(f"{rng.choice(ELDERS).capitalize()} {rng.choice(OLDER_WELL)}.")
    return [Example(t, ()) for t in dict.fromkeys(texts)]


def _ordinary(rng: random.Random) -> list[Example]:
    """Ordinary and hard-negative sentences, drawn from the slots above."""
    texts: list[str] = []
    for _ in range(150):
        service = rng.choice(SERVICES)
        texts.append(f"{service.capitalize()} {rng.choice(GOOD + BAD)}.")
        texts.append(f"I waited {rng.choice(WAITS)} for {rng.choice(THINGS)}.")
    for _ in range(60):
        texts.append(rng.choice(MEDICINE_TALK).format(m=rng.choice(MEDICINES)))
        phrase, _signal = rng.choice(RISK_PHRASES)
        asker = rng.choice(ASKERS)
        texts.append(
            rng.choice(
                (
                    f"{asker} asked whether I {phrase}, and I said no.",
                    f"{asker} asked if I ever {phrase}; I don't.",
                    f"I don't {phrase}, I just want my appointment.",
                    f"I have never wanted to {phrase.removeprefix('want to ')}.",
                    f"{asker} checked whether I {phrase}, which is their job.",
                )
            )
        )
        topic = rng.choice(RISK_TOPICS)
        texts.append(
            rng.choice(
                (
                    f"I watched {rng.choice(FICTION)} about {topic} last night.",
                    f"The {topic} support service was really helpful.",
                    f"We had training at work on spotting {topic}.",
                    f"The charity that deals with {topic} gave a talk at the library.",
                    f"There was a poster about {topic} in the waiting room.",
                    f"I'm reading {rng.choice(FICTION)} about {topic} for my book club.",
                )
            )
        )
        texts.append(f"{rng.choice(HELPERS)} {rng.choice(HELPING)}")
        texts.append(rng.choice(END_OF_LIFE).format(p=rng.choice(LOVED_ONES)))
    return [Example(t, ()) for t in dict.fromkeys(texts)]


# Variation --------------------------------------------------------------------------------

TEXT_SPEAK = {
    "you": "u", "because": "cos", "don't": "dont", "I'm": "im", "can't": "cant",
    "won't": "wont", "I've": "ive", "doesn't": "doesnt", "are": "r", "to": "2",
    "tonight": "2nite", "please": "pls", "he's": "hes", "she's": "shes",
}  # fmt: skip
REPORTERS = (
    "My sister told me", "My friend said", "My neighbour keeps saying", "She told the nurse",
    "He said to me", "My daughter wrote", "Mum said on the phone", "He messaged me saying",
)  # fmt: skip


def _typos(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(max(1, len(chars) // 25)):
        i = rng.randrange(len(chars) - 1)
        if chars[i].isalpha() and chars[i + 1].isalpha():
            choice = rng.random()
            if choice < 0.4:
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
            elif choice < 0.7:
                chars[i] = ""
            else:
                chars[i] = chars[i] * 2
    return "".join(chars)


def _text_speak(text: str) -> str:
    words = text.split()
    return " ".join(TEXT_SPEAK.get(w, w) for w in words).lower()


def _reported(text: str, rng: random.Random) -> str:
    return f'{rng.choice(REPORTERS)} "{text}"'


def _vary(example: Example, text: str) -> Example:
    """The example with its sentence rewritten as `text`, its context rewritten to match."""
    context = example.context.replace(example.text, text, 1) if example.context else ""
    return Example(text, example.labels, context, example.group)


def variants(example: Example, rng: random.Random) -> list[Example]:
    """The sentence as written, plus two of: lower case without punctuation, typos,
    text-speak, reported speech."""
    text = example.text
    plain = re.sub(r"[^\w\s']", "", text).lower()
    options = [
        Example(plain, example.labels, re.sub(r"[^\w\s']", "", example.context).lower(),
                example.group),
        _vary(example, _typos(text, rng)),
        Example(_text_speak(text), example.labels, _text_speak(example.context), example.group),
    ]  # fmt: skip
    if text.startswith(("I ", "I'", "i ")):
        options.append(_vary(example, _reported(text, rng)))
    return [example, *rng.sample(options, 2)]


def in_context(example: Example, neutral: list[str], rng: random.Random) -> Example:
    """The sentence with an ordinary neighbour, as the model meets it in a story."""
    other = rng.choice(neutral)
    around = example.around
    context = f"{other} {around}" if rng.random() < 0.5 else f"{around} {other}"
    return Example(example.text, example.labels, context, example.group)


def beside_risk(example: Example, neutral: list[str], rng: random.Random) -> Example:
    """An ordinary sentence whose neighbour carries the signal: the ordinary sentence itself
    does not (the neighbour's own unit does), so context alone never fires."""
    other = rng.choice(neutral)
    context = f"{example.text} {other}" if rng.random() < 0.5 else f"{other} {example.text}"
    return Example(other, (), context, example.group)


def training_examples(seed: int = 19) -> list[Example]:
    """Every written training text: hand-written and generated sentences with their variants,
    each group (a sentence and its variants) named so cross-validation keeps it together."""
    rng = random.Random(seed)
    base = (
        hand_written()
        + _generated(rng)
        + _kinds(rng)
        + _ordinary(rng)
        + _ordinary_topics(rng)
        + _ordinary_first_person(rng)
        + _ordinary_now(rng)
    )
    base = [Example(e.text, e.labels, e.context, f"g{i}") for i, e in enumerate(base)]
    neutral = [e.text for e in _ordinary(random.Random(seed + 1))]
    out: list[Example] = []
    for example in base:
        out.extend(variants(example, rng))
        if rng.random() < 0.3:
            out.append(in_context(example, neutral, rng))
        if example.labels and rng.random() < 0.15:
            out.append(beside_risk(example, neutral, rng))
    return out
