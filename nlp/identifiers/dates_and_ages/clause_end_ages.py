"""An age given as "at" and a number that ends its clause (issue 20, round 41).

"home alone in a taxi at 93", "back living with my mum at 28.", "a move to another home at 97
or 98", "at 77!": the number after "at" is the person's age when nothing follows it but the
clause's end. The cued rules take "diagnosed at 58" and "died at 44"; round 41 pooled every
development set's misses and found this uncued shape in four sets by different writers. In
every set a number of twenty or more after "at" that ends its clause is marked as an age,
where the smaller ones are times ("seen at 11.", "the form shuts at 10.") and a number with
more after it is a time, a measure or an address ("at 11.40pm", "at 45 mph", "at 93 Hill
Road").

Look-alikes that must stay: a time (below twenty, or with its minutes or am/pm), a reading or
a measure before it ("sats at 88.", "blood pressure at 90,", "sugar at 25!", "score at 30"),
an address's number ("lives at 42.", "number at 53;"), money or a percentage, and the
service lines 101 and 111 ("the lovely person at 111,").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

AT_AGE = gated(
    re.compile(
        r"(?<![\w'’£$-])(?i:at)[ \t]+(?P<age>[2-9]\d|10[02-9]|110)"
        r"(?=[ \t]*(?:[!?,;)]|\.(?!\d)|$)|[ \t]+or[ \t]+(?:[2-9]\d|10\d|110)\b)"
    )
)
OR_AGE = re.compile(r"[ \t]+or[ \t]+(?P<age>[2-9]\d|1[01]\d)(?![\w.:%])")
# A reading or a measure shortly before "at": "her sats were at 88."
NOT_AN_AGE = re.compile(
    r"\b(?i:sats?|saturations?|oxygen|o2|bp|pressure|temp|temperature|pulse|heart\s+rate|"
    r"rate|sugars?|glucose|bms|score|scores|level|levels|reading|readings|weight|weighs|"
    r"kg|stone|speed|mph|price|cost|costs|percent|per\s+cent|degrees|count|hb|inr|egfr|"
    r"potassium|sodium|crp|bmi|peak\s+flow|o['’]?clock)\b"
)
# A place's number or a time's word right before "at": "she lives at 42.", "opens at 30."
WORD_BEFORE = re.compile(
    r"\b(?i:lives|live|living|lived|number|no|flat|house|bus|route|junction|exit|page|gate|"
    r"platform|stop|ward|room|bed|bay|table|pitch|started|starts|opens|closes|shuts|"
    r"booked|appointment|tonight|morning|evening|afternoon|night|is|was|were)[ \t]+$"
)
NEAR_BEFORE = 35


def clause_end_ages(text: str) -> Iterator[Finding]:
    """ "on her own at 93", "at 97 or 98" (see the module's docstring)."""
    for m in AT_AGE.finditer(text):
        if NOT_AN_AGE.search(text, max(0, m.start() - NEAR_BEFORE), m.start()):
            continue
        if WORD_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        if text[m.end("age") : m.end("age") + 1] == "%":
            continue
        yield Finding(m.start("age"), m.end("age"), "AGE", 0.7, "clause_end_age")
        other = OR_AGE.match(text, m.end("age"))
        if other is not None:
            yield Finding(other.start("age"), other.end("age"), "AGE", 0.7, "clause_end_age")
