"""An age given roughly: "~45", "approx 40", "aged about 50" (issue 20, round 42).

Notes of outreach and drop-in sessions give the age of someone whose birth date nobody knows:
"Peter, ~45.", "Fereshta, approx 40,", "Tadek, aged about 50, said". Three sets by different
writers mark the number as an age; the cued rules want "aged 50" or "50 years old". The cue
here is the writer's mark of guessing ("~", "approx", "approximately", "aged about/around")
straight after a comma or bracket (said of someone just named), and the number must end its
clause, so waits and measures stay ("approx 40 mins", "~45 minutes' walk", "hours caring:
approx. 25"). A decade ("approx 30s", "mid-40s") stays unmarked, as the seventh round decided:
it already is the band the renderer would write; writers split over it (five sets mark it,
eight do not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

ROUGH_AGE = gated(
    re.compile(
        r"[,(][ \t]*(?:~[ \t]?|(?i:approx\.?|approximately|aged[ \t]+(?:about|around|approx\.?|"
        r"roughly))[ \t]+)(?P<age>\d{1,2})(?=[ \t]*(?:[,;)\n!?—–]|\.(?!\d)|$))"
    )
)


def approximate_ages(text: str) -> Iterator[Finding]:
    """ "Peter, ~45.", "Tadek, aged about 50," (see the module's docstring)."""
    for m in ROUGH_AGE.finditer(text):
        yield Finding(m.start("age"), m.end("age"), "AGE", 0.7, "approximate_age")
