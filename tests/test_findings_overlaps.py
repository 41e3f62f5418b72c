"""Choosing among overlapping findings never loses a finding that overlapped only a union that
lost."""

from __future__ import annotations

from nlp.identifiers.core.findings import Finding, resolve_overlaps


def spans(findings: list[Finding]) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.label) for f in findings]


def test_a_finding_joined_into_a_losing_union_comes_back_alone():
    # "AA 00 00 00 A. Ward 12": the NI number, "A. Ward" and "Ward 12"
    ni = Finding(0, 13, "NI_NUMBER")
    initial_ward = Finding(12, 19, "CARE_SETTING")
    ward = Finding(15, 22, "CARE_SETTING")
    assert spans(resolve_overlaps([ni, initial_ward, ward])) == [
        (0, 13, "NI_NUMBER"),
        (15, 22, "CARE_SETTING"),
    ]


def test_a_union_that_wins_is_kept_whole_and_losers_stay_out():
    a, b = Finding(0, 5, "PERSON"), Finding(3, 9, "PERSON")
    assert spans(resolve_overlaps([a, b])) == [(0, 9, "PERSON")]
    long, short = Finding(0, 20, "ADDRESS"), Finding(5, 9, "PERSON")
    assert spans(resolve_overlaps([long, short])) == [(0, 20, "ADDRESS")]
