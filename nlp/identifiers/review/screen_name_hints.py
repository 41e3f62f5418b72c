"""Hints for screen names on forums and in reviews, for the check page.

A story copied from a forum, a review site or a social feed names people by their screen
name ("posted by wheezy_in_wigan", "— jo.k.1987", "thanks dee_b"). No name list holds one and
the detector leaves most of them; on the pooled development sets three writers' forum posts
did. The shape is words joined by underscores, or a name with dots and a year; what shares
that shape in these stories is a form's or an export's field name ("post_code,", "date_seen |",
"case_no 117", "outcome=referred_on"), so a token beside the marks of a table, a form or a log
(`|`, `;`, `=`, `:`, a comma, a quote, a figure) is not offered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SCREEN_NAME = re.compile(
    r"(?<![\w@./:,\"'’-])[A-Za-z][A-Za-z0-9]+"
    r"(?:(?:_+[A-Za-z0-9]+)+|(?:\.[A-Za-z0-9]+)*\.\d{2,4})"
    r"(?![\w@/=\"',’:-]|\.[A-Za-z])"
)
NEXT_TOKEN = re.compile(r"[ \t]*(\S*)")
FIELD_MARKS = ("|", ";", "=", ":", ",", '"')


def screen_name_hints(text: str) -> Iterator[tuple[int, int, str]]:
    """Spans of screen names, labelled PERSON, not beside a field's marks."""
    for m in SCREEN_NAME.finditer(text):
        before = text[: m.start()].rstrip(" \t")
        if before[-1:] in FIELD_MARKS:
            continue
        after = NEXT_TOKEN.match(text, m.end()).group(1)
        if after[:1] in FIELD_MARKS or after[:1].isdigit() or "=" in after or after.endswith(":"):
            continue
        yield m.start(), m.end(), "PERSON"
