"""A web address written with its scheme or "www.", taken to its end (issue 20, twenty-sixth
round).

Presidio's URL pattern ends a host at a top-level domain it knows, so an address on a newer or
reserved domain was cut short or missed: "https://www.fenlandcarers.care/join" was flagged
only up to ".car", and "https://reviews.example/r/77" not at all, leaving the page's path (a
person's handle, a review's number, a local service's name) in the story. An address that
starts with "http://", "https://" or "www." is a web address whatever its domain; it runs to
the next space or bracket, without the full stop or comma that ends the sentence around it.
Bare hosts ("fernleaf.health/book") are left to Presidio, which checks their domain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

# After the scheme or "www.", a host of at least two dot-separated parts, then anything up to
# a space, a bracket or a quotation mark.
SCHEME_URL = re.compile(
    r"(?<![\w@/.])(?:https?://(?:www\.)?|www\.)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
    r"(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?(?:[/?#][^\s<>\"'“”‘’()\[\]{}]*)?",
    re.IGNORECASE,
)
SCHEME_URL = gated(SCHEME_URL)
# Twenty-fifth session: a bare host on the UK's own top-level domains ("gofalwyr.cymru",
# "nhsinform.scot/ask"), which Presidio's list of domains lacks: a Welsh or Scottish service's
# site, often a small local one.
UK_DOMAIN_URL = re.compile(
    r"(?<![\w@/.-])[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    r"\.(?:cymru|wales|scot)(?:[/?#][^\s<>\"'“”‘’()\[\]{}]*)?(?![\w])",
    re.IGNORECASE,
)
TRAILING = ".,;:!?*"


def web_addresses(text: str) -> Iterator[Finding]:
    """Web addresses with a scheme or "www.", whole."""
    for m in (*SCHEME_URL.finditer(text), *UK_DOMAIN_URL.finditer(text)):
        end = m.end()
        while end > m.start() and text[end - 1] in TRAILING:
            end -= 1
        yield Finding(m.start(), end, "URL", 0.9, "web_address")
