"""The one shape every detector returns, and how overlapping findings are settled."""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass

LABELS = (
    "PERSON",
    "NHS_NUMBER",
    "NI_NUMBER",
    "PHONE",
    "EMAIL",
    "POSTCODE",
    "ADDRESS",
    "DATE_OF_BIRTH",
    "AGE",
    "LOCATION",
    "CARE_SETTING",
    "URL",
    "OTHER_ID",
)

# When two findings overlap, a structured identifier (checked by pattern or checksum) beats a
# name or place guessed from words; otherwise the longer wins, then the label listed first.
TIER = {
    **dict.fromkeys(("EMAIL", "URL", "NHS_NUMBER", "NI_NUMBER", "PHONE", "POSTCODE"), 0),
    **dict.fromkeys(("ADDRESS", "CARE_SETTING", "DATE_OF_BIRTH", "OTHER_ID"), 1),
}
PRIORITY = {
    label: rank
    for rank, label in enumerate(
        (
            "EMAIL",
            "URL",
            "NHS_NUMBER",
            "NI_NUMBER",
            "PHONE",
            "POSTCODE",
            "ADDRESS",
            "CARE_SETTING",
            "DATE_OF_BIRTH",
            "OTHER_ID",
            "PERSON",
            "LOCATION",
            "AGE",
        )
    )
}


@dataclass(frozen=True)
class Finding:
    """One identifier in a text: `text[start:end]` (0-based, end exclusive)."""

    start: int
    end: int
    label: str
    score: float = 1.0
    source: str = "rule"

    def as_dict(self) -> dict:
        return asdict(self)

    def shifted(self, offset: int) -> Finding:
        return Finding(self.start + offset, self.end + offset, self.label, self.score, self.source)


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep a non-overlapping subset, preferring longer spans then surer labels; sorted by start.
    A setting, address, birth date or reference wholly inside a longer name or place gives way
    to it (`_without_parts_of_longer_names`).

    Same-label findings that overlap are first merged, so a name found by two detectors with
    slightly different edges is covered by their union rather than by the shorter guess. A
    finding that a union took in comes back on its own when the union lost and it overlaps
    nothing kept: "Ward 12" in "AA 00 00 00 A. Ward 12", joined to "A. Ward", which lost to the
    NI number, is still a ward (a property test found it: the second anonymisation took "Ward
    12" that the first had left).
    """
    merged: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.label, f.start, -f.end)):
        if merged and merged[-1].label == f.label and f.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Finding(
                last.start, max(last.end, f.end), f.label, max(last.score, f.score), last.source
            )
        else:
            merged.append(f)
    merged = _without_parts_of_longer_names(merged)
    starts: list[int] = []  # kept findings never overlap, so sorted starts find neighbours
    ranked = sorted(
        merged,
        key=lambda f: (TIER.get(f.label, 2), -(f.end - f.start), PRIORITY.get(f.label, 99)),
    )
    by_start: list[Finding] = []
    for f in ranked:
        pos = bisect.bisect_left(starts, f.start)
        if pos > 0 and by_start[pos - 1].end > f.start:
            continue
        if pos < len(by_start) and by_start[pos].start < f.end:
            continue
        starts.insert(pos, f.start)
        by_start.insert(pos, f)
    if len(merged) < len(findings):
        for f in sorted(findings, key=lambda f: -(f.end - f.start)):
            pos = bisect.bisect_left(starts, f.start)
            if (pos == 0 or by_start[pos - 1].end <= f.start) and (
                pos == len(by_start) or by_start[pos].start >= f.end
            ):
                starts.insert(pos, f.start)
                by_start.insert(pos, f)
    return by_start


def _without_parts_of_longer_names(findings: list[Finding]) -> list[Finding]:
    """A setting, address, birth date or reference found wholly inside a longer name or place
    gives way to it (round 50, issue 20).

    The tiers rank a setting above a place whatever their lengths, which is right where two
    findings cross, but a shorter setting inside a longer place's or name's finding then won
    and left the rest of the name in the story: "Leighton" (a hospital in the care list) inside
    "Leighton Buzzard", "Bute" inside "Isle of Bute", "Queens" inside "Queens Med", "Green
    Lane" (a street) inside "Green Lane Primary School". The longer finding hides all the
    shorter one did and more, so it stays, with its own label.
    """
    outer = [f for f in findings if TIER.get(f.label, 2) == 2]
    if not outer:
        return findings
    return [
        f
        for f in findings
        if TIER.get(f.label, 2) != 1
        or not any(
            o.start <= f.start and f.end <= o.end and f.end - f.start < o.end - o.start
            for o in outer
        )
    ]


def join_overlaps(findings: list[Finding]) -> list[Finding]:
    """Findings that overlap, of any label, joined into one covering all of them; sorted by
    start. The joined span takes the label of its longest member (then the surer label).

    Why, beside `resolve_overlaps`: a reviewer's list may overlap (the machine's "3 Stryd Fawr"
    kept, "Stryd Fawr, Bangor LL57 1AA" added). Choosing among overlapping spans drops some of
    them, and whatever only a dropped span covered would be shown: adding a finding must never
    reveal text that was masked. Non-overlapping findings come back unchanged.
    """
    joined: list[Finding] = []
    members: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if joined and f.start < joined[-1].end:
            members.append(f)
            best = max(
                members,
                key=lambda m: (m.end - m.start, -TIER.get(m.label, 2), -PRIORITY.get(m.label, 99)),
            )
            joined[-1] = Finding(
                joined[-1].start,
                max(joined[-1].end, f.end),
                best.label,
                max(m.score for m in members),
                best.source,
            )
        else:
            joined.append(f)
            members = [f]
    return joined
