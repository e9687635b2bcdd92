"""Certainty cues (issue 4): one lexicon, cues scoped to the trigger's governing path."""

import pytest

from conflictgraph.extract.certainty import assess, certainty_of
from conflictgraph.extract.pipeline import load_nlp

CASES = [
    ("The militia joined the coalition.", "joined", "asserted", None),
    ("The militia did not join the coalition.", "join", "negated", None),
    ("The militia may join the coalition.", "join", "speculative", None),
    ("The militia joined the coalition, the governor said.", "joined", "reported", "the governor"),
    ("According to the ministry, the militia joined the coalition.", "joined", "reported", "the ministry"),
    ("Will the militia join the coalition?", "join", "speculative", None),
    ("If the truce holds, the militia could join the coalition.", "join", "speculative", None),
    ("The militia reportedly joined the coalition.", "joined", "reported", None),
    ("The militia is believed to have joined the coalition.", "joined", "speculative", None),
    ("Analysts fear the militia will join the coalition.", "join", "speculative", "Analysts"),
    ("The militia denied any links to the coalition.", "links", "negated", "The militia"),
]


@pytest.mark.parametrize(("text", "trigger", "certainty", "source"), CASES)
def test_certainty_cases(text: str, trigger: str, certainty: str, source: str | None) -> None:
    doc = load_nlp()(text)
    token = next(t for t in doc if t.text == trigger)
    assert certainty_of(doc[:], token) == (certainty, source)


def test_source_span_points_into_text() -> None:
    doc = load_nlp()("The militia joined the coalition, a regional official told reporters.")
    cue = assess(doc[:], doc[2])
    assert doc.text[cue.source_start:cue.source_end] == cue.source == "a regional official"


def test_negated_disclosure_leaves_its_object_standing() -> None:
    doc = load_nlp()("The two militias did not announce their alliance until 2005.")
    token = next(t for t in doc if t.text == "alliance")
    assert certainty_of(doc[:], token)[0] != "negated"
    doc = load_nlp()("The two militias did not form an alliance.")
    token = next(t for t in doc if t.text == "alliance")
    assert certainty_of(doc[:], token)[0] == "negated"
