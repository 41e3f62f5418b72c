"""Districts named by everyday words after the people who live there (issue 20, round 41).

Round 41 pooled the misses of every development set and built only kinds that three or more
writers share. A district such as "Page Hall", "Cape Hill", "Small Heath", "North Camp" or
"Low Hill" was missed in eight sets written by different hands, each time after the people who
live there and "in" ("Roma families in Page Hall", "older women in Cape Hill", "Nepali elders
in North Camp", "she lives with us in Small Heath", "I'm in Low Hill") or after a journey's
"from" ("the bus from Little Common"). The cues of `place_shapes.CUED_DISTRICT` ("live in",
"moved to") do not cover these, and "Hall" and "Camp" were no place tails there.

Look-alikes that must stay: a building's hall ("people in Town Hall", "the families in Church
Hall"), a bank, a park that is a business's ("from Retail Park", "from Food Bank"), a listed
first name before a tail (a person, "women in Amy Green's group"), a street after the district
("families in Page Hall Road" is the address rules' own), and a text with no capitals to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

PEOPLE = (
    r"families|family|women|men|elders|people|residents|patients|children|kids|mums|mothers|"
    r"fathers|dads|parents|carers|neighbours|communities|community|households|us|them|"
    r"I['’]m|I\s+am|we['’]re|we\s+are|based|everyone|everybody|folk|folks"
)
JOURNEY = r"bus|buses|train|trains|taxi|walk|journey|moved|came|come|comes|travelled|travel"
TAILS = r"Heath|Green|End|Cross|Common|Vale|Moor|Fields|Hill|Bridge|Wood|Town|Fell|Hall|Camp"
PEOPLE_IN = gated(
    re.compile(
        rf"(?<![\w'’-])(?:(?:{PEOPLE})[ \t]+in|(?:{JOURNEY})[ \t]+from)[ \t]+"
        rf"(?P<place>(?P<first>[A-Z][a-z]+)[ \t](?:{TAILS}))(?![\w'’-])"
    )
)
NOT_AFTER = re.compile(
    r"[ \t]+(?i:road|rd|street|st|lane|avenue|drive|close|way|surgery|practice|hospital|"
    r"medical|health|centre|school|primary|academy|ward|unit|hospice|trust|board|council|"
    r"library|park|estate|station)\b"
)
# A building's or a business's first word: "Town Hall", "Church Hall", "Village Green" stays a
# district only when it is no building ("Village Hall" is one).
NOT_FIRST = frozenset(
    """the a an my our his her their this that every any no town city village church community
    memorial sports civic county market music concert dining great main assembly school
    student students residence bingo scout guide function wedding food blood royal retail
    business science holiday theme trading""".split()
)


def people_in_districts(text: str) -> Iterator[Finding]:
    """ "families in Page Hall", "the bus from Little Common" (see the module's docstring)."""
    if capitals_mean_little(text):
        return
    first_names = gazetteer().first_names
    for m in PEOPLE_IN.finditer(text):
        first = m.group("first").lower()
        if first in NOT_FIRST or first in first_names or NOT_AFTER.match(text, m.end()):
            continue
        yield Finding(m.start("place"), m.end("place"), "LOCATION", 0.7, "cued_district")
