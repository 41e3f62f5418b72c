"""The worker's Welsh model step: which Welsh sentence of a story it may raise each signal on,
and with what score; `nlp.signals` turns a score over the threshold into a "possible risk,
please read" signal.

Why apart from `nlp.signals`: the English detector is long already; this is the Welsh model's
half of `signals.model_signals_many`, and it imports nothing of `nlp.signals` (the import goes
one way: the caller normalises the text and finds the rules' held-back phrases). Why the
checks: a model has no phrase to place a negation against, so it respects the rules' held-back
phrases and `signal_welsh.sentence_held_back`'s whole-sentence checks.
"""

from __future__ import annotations

from nlp.signals.sentence_model import model as signal_model
from nlp.signals.welsh import welsh as signal_welsh
from nlp.signals.welsh import welsh_model as signal_welsh_model


def welsh_best(
    text: str, model: signal_welsh_model.WelshModel, held_back: list[tuple[str, int, int]]
) -> list[tuple[float, signal_model.Unit] | None]:
    """Per signal of `model`, the Welsh sentence of `text` the Welsh model scores highest and
    its score, among those it may raise the signal on: not one holding a phrase the rules held
    back for that signal (negated, a service, a question), nor one `signal_welsh` holds back
    as a whole (asked and answered no, an end-of-life wish, past and well now). A short
    Welsh story is also scored whole (`signal_welsh_model.reads_whole`) when none of its
    Welsh sentences is held back for the signal. `text` is normalised by the caller
    (`signals.normalise`), so offsets match the rules' held-back phrases."""
    units = signal_model.units(text)
    welsh = [signal_welsh_model.reads(unit.text) for unit in units]
    rows = [i for i, read in enumerate(welsh) if read]
    whole = signal_welsh_model.reads_whole(welsh)
    scores = model.probabilities([units[i].text for i in rows] + ([text] if whole else []))
    best: list[tuple[float, signal_model.Unit] | None] = []
    for column, name in enumerate(model.names):
        top: tuple[float, signal_model.Unit] | None = None
        held = False
        for row, i in enumerate(rows):
            unit = units[i]
            after = units[i + 1].text.lower() if i + 1 < len(units) else ""
            if any(
                s == name and a < unit.end and unit.start < b for s, a, b in held_back
            ) or signal_welsh.sentence_held_back(name, unit.text.lower(), after):
                held = True
                continue
            if name == "immediate_danger" and signal_welsh.death_awaited_in_care(
                text.lower(), unit.text.lower()
            ):
                held = True
                continue
            if top is None or scores[row, column] > top[0]:
                top = (float(scores[row, column]), unit)
        # The story whole, when no Welsh sentence of it is held back for the signal: its
        # score, with its likeliest sentence as the evidence.
        if whole and not held and top is not None and scores[-1, column] > top[0]:
            top = (float(scores[-1, column]), top[1])
        best.append(top)
    return best
