"""The English rules as data: word classes (`WORDS`) and the token patterns of each signal
(`PATTERNS`), with the record the engine keeps of one pattern (`Rule`).

Why apart: the patterns are what a reviewer reads and edits when a rule fires wrongly or misses;
kept away from the matcher (`rules.py`) and from the checks that hold a hit back
(`held_back.py`), a change to them is a change to words only. The Welsh rules are in `welsh.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

# Word classes used in the patterns below as @NAME.
WORDS: dict[str, tuple[str, ...]] = {
    "NOT": tuple("not n't nt never".split()),
    "SELF": tuple("myself himself herself themselves themself yourself".split()),
    "POSS": tuple("my his her their your our".split()),
    "CHILD": tuple(
        "child children kid kids kiddies son sons daughter daughters baby babies toddler toddlers "
        "boy boys girl girls grandson granddaughter grandchild grandchildren stepson stepdaughter "
        "niece nephew infant newborn teenager teenagers youngster".split()
    ),
    "PARENT": tuple("dad stepdad father stepfather mum mom mother stepmum stepmother".split()),
    "PARTNER": tuple(
        "husband wife partner boyfriend girlfriend ex fiance fiancé spouse hubby".split()
    ),
    "CARER": tuple(
        "carer carers worker workers staff nurse nurses porter home helper aide".split()
    ),
    "HARM": tuple(
        "hit hits hitting beat beats beating slap slaps slapped slapping punch punches punched "
        "punching kick kicks kicked kicking shake shakes shook shaking smack smacks smacked burns "
        "burned burnt abuses abused abusing neglects neglected neglecting starves starved locks "
        "locked hurts hurting hurt batters battered molested molests".split()
    ),
    "HARMED": tuple(
        "hit beaten abused neglected hurt slapped punched kicked starved locked shaken battered "
        "smacked burned burnt molested groomed raped assaulted harmed".split()
    ),
    "DVERB": tuple(
        "hit hits hitting beat beats beating hurt hurts hurting kicked kicks punched punches "
        "slapped slaps strangled strangles choked chokes pushed pushes shoved raped rapes "
        "threatened threatens abuses abused batters battered attacked attacks assaulted bit bites "
        "throttled".split()
    ),
    "LOTS": tuple(
        "all loads load lots handful handfuls box boxes packet packets bottle bottles whole "
        "bunch dozens ten twenty thirty forty fifty sixty hundred 10 12 15 16 20 24 25 30 32 40 "
        "50 60 100".split()
    ),
    "MEDS": tuple(
        "tablets pills meds medication paracetamol codamol codeine sertraline morphine insulin "
        "antidepressants painkillers sleepers citalopram fluoxetine amitriptyline diazepam "
        "tramadol quetiapine ibuprofen aspirin".split()
    ),
    # Round 15: what a person gives away before an end ("gave away all his things").
    "KEEPSAKES": tuple(
        "things stuff belongings possessions clothes games console books records guitar "
        "jewellery jewelry collection treasures pets dog cat phone laptop bike medals".split()
    ),
    "CLOSE": tuple(
        "mates mate friends friend family brother brothers sister sisters cousin cousins "
        "girlfriend boyfriend neighbour neighbours".split()
    ),
    "DANGER_WHO": tuple(
        "i we m 'm am life lives family mum mother dad she he they child children kids son "
        "daughter baby".split()
    ),
}

# Each pattern: space-separated tokens; "a|b" alternatives, "@NAME" a word class, a trailing
# "?" optional, "*N" up to N tokens of anything. Numbered by position in `why`.
PATTERNS: dict[str, tuple[str, ...]] = {
    "suicide_self_harm": (
        "want|wanted|wanting|wants|wish|wished|ready|plan|planning|planned to die",
        "end|ending|ended|take|taking|took|taken @POSS own? life|lives",
        "want|wanted|wanting|going|plan|planning to end it|things|everything",
        "gonna|wanna end it|things|everything",
        "kill|killing|killed|kills|hang|hanging|hanged|hung|harm|harming|harmed|hurt|hurting"
        "|cut|cutting|cuts|burn|burning|burnt|burned|starve|starving|strangle @SELF",
        "suicidal|suicide|suicides|selfharm|selfharming|overdose|overdosed|overdosing|od'd",
        "self -? harm|harming|harmed|harms|harmer|injury|injuring|injured",
        "better off dead|without",
        "no|nothing point|reason|purpose in|to? live|living",
        "no point|reason in|to? going|carrying|carry on",
        "nothing|nobody|no left? to live for",
        "@NOT worth living",
        "do|did|does n't|nt|not want to live|exist|wake",
        "do|did|does n't|nt|not want to be alive",
        "jump|jumping|jumped|throw|throwing|threw|step|stepping|stepped @SELF? off|from the|a"
        " bridge|roof|building|cliff|balcony",
        "jump|jumping|jumped|throw|throwing|threw|step|stepping|stepped @SELF? in front of"
        " a|the train|bus|lorry|car|traffic",
        "stockpiling|stockpiled|hoarding|saving|saved *2 tablets|pills|medication|meds",
        "wish|wished|wishing i was|were|had dead|died",
        "wish|wished|wishing i'd died",
        "rather die|be dead",
        "rather not wake",
        "rather not be alive",
        "thoughts|thinking|thought|think about|of ending|killing|harming|dying",
        "just took|taken|swallowed *4 tablets|pills|paracetamol",
        "took|taken|swallowed all|whole *2 tablets|pills|packet|bottle|box",
        # Plain words the earlier rules missed ("I don't see the point in going on").
        "@NOT see|seeing the|any point in|of? going|carrying on",
        "@NOT see|seeing the|any point in|of? living|existing|life",
        "@NOT want|wanna to be here|alive|around any? more|anymore",
        "ca|can n't|nt|not? go|carry on any? more|anymore|living",
        "taken|took|swallowed|swallowing|necked *2 @LOTS *4 @MEDS",
        # Second round (issue 19, precision): thoughts of a way ("thought about driving into a
        # wall"), and the self said as "me" in Easy Read or a second language ("I want to kill
        # me").
        "thought|thoughts|thinking|think|ones|urge|urges|pictures|images about|of|to driving"
        "|crashing|jumping|stepping|walking|swimming|drive|crash|jump|step|walk *1 into|off|under"
        " the|a|an? wall|tree|sea|river|traffic|lorry|train|trains|bridge|cliff|water|lake|canal"
        "|bus|motorway|roof|balcony|ledge|edge|road|platform|tracks|track|rails",
        "i want|wanted|wanna|going|gonna|try|tried|will to? kill|hurt|cut|harm me",
        # Third round (found by probing): the plan said before it is done, with the means
        # ("I'm going to take all my pills tonight", "gonna swallow the whole box of them").
        "going|gonna|will|'ll|ll|about|planning|plan|intend|intending|decided|ready to?"
        " take|swallow|neck|down *2 @LOTS *4 @MEDS|them|lot",
        # Round 13: a way pictured as a scene ("the thoughts about stepping in front of the
        # train are back", "urges to walk out in front of a lorry").
        "thought|thoughts|thinking|think|ones|urge|urges|pictures|images about|of|to jumping"
        "|stepping|walking|throwing|jump|step|walk|throw @SELF? out? in front of the|a|an? train"
        "|trains|lorry|lorries|bus|traffic|car|cars|van",
        # Round 15 (farewell behaviour, from v22's misses by kind): goodbyes said, things given
        # away, affairs put in order; the ordinary farewells are held back in `held_back.py`
        # (`context.ordinary_farewell`).
        "said|saying|say|says|sent|sending|wrote|written|writing my|his|her|their goodbyes",
        "giving|gave|given|gives|give away @POSS|all *2 @KEEPSAKES",
        "giving|gave|given|gives|give @POSS *4 away to @POSS @CLOSE",
        "put|putting|puts|sorted|sorting|sort|getting|got|get @POSS affairs in order",
        # A risk question answered yes, then taken back ("I said yes. I'm not really.").
        "asked|asks|asking if|whether i was|were|am|'m|felt|feel safe *8 i 'm|m|am|was not"
        "|n't ,? really|actually|honestly|though|.",
        # A professional's watch that says the risk (held back when it is kept for the body:
        # `context.watch_for_the_body`): "put on one-to-one with a guard", "constant obs".
        "on|onto one - to - one|1:1 obs|observation|observations|watch|with a? security|guard"
        "|guards",
        "on|onto constant|continuous|eyesight obs|observation|observations|watch",
    ),
    "child_abuse_neglect": (
        "@HARM *3 @CHILD",
        "@CHILD *4 is|are|was|were|being|been|gets|got|getting|keeps|kept *2 @HARMED",
        "@PARENT *2 @HARM me",
        "@PARENT 's|s? boyfriend|girlfriend|partner *2 @HARM me",
        "left|leave|leaves|leaving the|my|his|her|their|our? @CHILD *2 alone|unsupervised",
        "@CHILD *4 left|leaving *1 alone|unsupervised",
        "child|childhood sexual? abuse|neglect|cruelty|exploitation",
        "@HARMED as a child|kid|boy|girl|teenager|baby",
        "@CHILD *3 @NOT been? fed|feeding|washed|changed",
        "touched|touches|touching|groped *3 @CHILD *2 inappropriately|sexually",
        "@CHILD *2 are|is|were|was|be|being *1 in danger|unsafe",
    ),
    "adult_abuse_neglect": (
        "abuse|abused|abusing|abusive|abuses|mistreated|mistreating|mistreatment|maltreated",
        "neglect|neglected|neglecting|neglectful",
        "left|leaving|lying|lay|sitting|sat *4 soiled|urine|faeces|excrement|wee|poo",
        "left *3 without food|water|drink|drinks|fluids|meals|eating|drinking",
        "@CARER *6 rough|roughly|slap|slapped|slaps|hit|hits|hitting|pushed|shoved|shoving"
        "|punched|kicked|pinched|stole|steal|steals|stealing",
        "taking|took|takes|stole|steal|stealing|steals|controls|controlling *3 money|pension"
        "|pensions|card|cards|benefits|savings|purse|cash",
        "unexplained bruises|bruising|injuries|marks",
        "bruises|bruising|injuries|marks *3 nobody|no *2 explain|explained",
        "locked|locking|locks|tied|tying|ties|strapped|restrained|restraining *2 in|to|into"
        " *2 room|chair|bed|bedroom",
        "touched|touches|touching|grabbed|groped *3 inappropriately|sexually",
        "sexually assaulted|abused|harassed",
        "raped|rape|molested|groped",
    ),
    "domestic_abuse": (
        "domestic abuse|violence|abuser|assault",
        "abuse|abused|violence|violent *3 @PARTNER",
        "@PARTNER|he|she *4 @DVERB me|us",
        "@CHILD 's father|dad|mum|mother *2 @DVERB me",
        "@PARTNER|he|she *4 wo|does|did|do|will n't|nt|not let me",
        "@PARTNER|he|she *3 controls|controlled|controlling|checks|tracks|monitors|takes *2"
        " money|phone|everything|bank|where|who|friends",
        "coercive|coercion",
        "controlling behaviour|behavior|relationship",
        "afraid|scared|frightened|terrified of @POSS? @PARTNER",
        "refuge|refuges",
        "marital rape",
        "@PARTNER *3 throws|threw|throwing things|stuff",
    ),
    "immediate_danger": (
        "going|gonna|will|'ll|ll|threatened|threatening|threatens|swore|swears|promised to?"
        " kill|stab|shoot|strangle|burn",
        "@NOT feel|felt|feeling|am|is|are|be|being? safe *3 home|house|tonight|now|him|her|here",
        "unsafe *2 home|tonight|now",
        "@DANGER_WHO *3 in danger",
        "immediate|serious danger",
        "has|had|got|holding|carrying|pulled|brandished|brandishing|grabbed|came|threatened *4"
        " knife|knives|gun|weapon|machete|blade",
        "fear|fearing|feared|scared|afraid|terrified for @POSS life|lives|safety",
        "nowhere safe",
        "just took|taken|swallowed *4 tablets|pills|paracetamol|overdose",
        "took|taken|swallowed all|whole *2 tablets|pills|packet|bottle|box",
        "kill|killing|hang|hanging|hurt|end|ending myself|it|things *2 tonight|today|now",
        "end|ending|take|taking my life tonight|today|now",
        "he|she|they 's|s|is|are outside *3 now|tonight",
        "he|she|they|someone 's|s|is|are *3 with a|his|her|the knife|gun|weapon|machete|blade"
        "|hammer|axe",
        "he|she|they|someone 's|s|is|are kicking|banging|breaking|smashing|trying *3 door|doors"
        "|window|windows",
        "'m|am|m|are|'re hiding in|from|under",
        # Second round: a body in trouble now, in the plain words of anaphylaxis.
        "tongue|throat|airway *3 swelling|swollen|closing",
        # Round 15 (danger happening now, from v22's misses by kind): a body failing now (a
        # floppy child, breathing stopped, lips gone blue), someone unseen for days, and the
        # police sent to check on someone's life.
        "@CHILD *6 is|was|'s|went|gone|going|goes|seems|seemed|looks|looked|,|and|very|really"
        " floppy|limp|unresponsive|lifeless",
        "stopped|stops|stopping breathing",
        "is|'s|was|are|'re|were n't|not breathing",
        "lips|face|skin *2 turned|turning|gone|going|went|is|are|'s blue|grey|gray",
        "his|her|their|'s curtains|blinds *2 @NOT *2 opened|open|drawn|moved|been *3 days",
        "police|officers|officer|cops *5 welfare check|checks|visit",
        "he|she|they|baby|child|mum|dad|nan|gran|grandad|grandma|grandpa|husband|wife|partner"
        "|son|daughter *3 making|makes a rattling|gurgling|rasping noise|noises|sound|sounds",
        "welfare check|checks *6 police",
    ),
    "complaint": (
        "want|wanted|wanting|wants|going|gonna|like|intend|intending|plan|planning|need"
        "|needed|decided|wish|considering|thinking *3 complain|complaining",
        "make|making|made|file|filed|filing|lodge|lodged|lodging|raise|raised|raising|put"
        "|putting|submit|submitted|submitting|send|sent|write|wrote|writing *3 complaint",
        "how|who|where *4 complain|complaint",
        "ombudsman",
        "sue|suing|lawsuit",
        "legal action",
        "negligence claim",
        "take|taking this|it|things|matters further",
        "held|hold *2 accountable",
    ),
}


@dataclass(frozen=True)
class Rule:
    """One pattern as the engine keeps it: its signal, its number in `PATTERNS` (named in
    `why`), and whether the pattern itself says "not" (see `rules.py`)."""

    signal: str
    number: int
    carries_negation: bool
