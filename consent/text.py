"""Text as it is kept: one kind of line ending and no control characters.

Why: a story typed on Windows or pasted from another program can carry carriage returns and
invisible control characters. Kept as they came, a control character makes the REFI-QDA export
invalid XML, and a carriage return counts as a character here but not in tools that read the
exported text with universal newlines (QualCoder), so every quote after it lands in the wrong
place there. Capture and import clean every text field with `clean_text`.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, C1 controls, and the two non-characters XML forbids.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def clean_text(value: str) -> str:
    """`value` with CR LF and lone CR as LF, and control characters removed."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
