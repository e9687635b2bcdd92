"""Number phrases and their bounds (issue 3; rules in conflictgraph/extract/numbers.py)."""

import pytest

from conflictgraph.extract.numbers import add_bounds, find_numbers, parse_count
from conflictgraph.models import Bounds


@pytest.fixture(scope="module")
def nlp():
    from conflictgraph.extract.pipeline import load_nlp

    return load_nlp()


@pytest.mark.parametrize(("text", "expected"), [
    ("12", Bounds(12, 12)),
    ("twenty-five", Bounds(25, 25)),
    ("1,200", Bounds(1200, 1200)),
    ("1.5 million", Bounds(1_500_000, 1_500_000)),
    ("three hundred", Bounds(300, 300)),
    ("at least 30", Bounds(30, None)),
    ("over 2,000", Bounds(2000, None)),
    ("more than a dozen", Bounds(12, None)),
    ("50 or more", Bounds(50, None)),
    ("nearly 40", Bounds(None, 40)),
    ("almost seventy", Bounds(None, 70)),
    ("up to 5", Bounds(None, 5)),
    ("between 10 and 15", Bounds(10, 15)),
    ("10-15", Bounds(10, 15)),
    ("about 20", Bounds(20, 20)),
    ("a dozen", Bounds(12, 12)),
    ("two dozen", Bounds(24, 24)),
    ("dozens", Bounds(24, None)),
    ("scores", Bounds(40, None)),
    ("hundreds", Bounds(200, None)),
    ("thousands", Bounds(2000, None)),
    ("tens of thousands", Bounds(20_000, None)),
    ("several", Bounds(2, None)),
])
def test_parse_count(text, expected):
    assert parse_count(text) == expected


def test_parse_count_rejects_words():
    assert parse_count("soldiers") is None
    assert parse_count("") is None


def test_add_bounds_keeps_open_maximum():
    assert add_bounds([Bounds(13, 13), Bounds(170, None)]) == Bounds(183, None)
    assert add_bounds([Bounds(2, 2), Bounds(3, 3)]) == Bounds(5, 5)


def test_finder_units_offsets_and_dates(nlp):
    text = "On 12 May, 13 soldiers and at least 170 civilians were killed and dozens of people were wounded over two days."
    doc = nlp(text)
    found = find_numbers(doc)
    assert [(m.text, m.unit) for m in found] == [("13", "soldier"), ("at least 170", "civilian"), ("dozens", "people")]
    for mention in found:
        assert text[mention.start:mention.end] == mention.text


def test_finder_range_tagged_as_date(nlp):
    found = find_numbers(nlp("Between 10 and 15 militants died."))
    assert found[0].bounds == Bounds(10, 15)
    assert found[0].unit == "militant"


def test_lower_case_month_is_a_date_not_a_count(nlp):
    found = find_numbers(nlp("The driver died of his wounds on 14 november in a hospital, and 3 guards survived."))
    assert [m.text for m in found] == ["3"]


@pytest.mark.parametrize(("text", "phrase", "low"), [
    ("The war has killed tens of thousands of people.", "tens of thousands", 20_000),
    ("Hundreds of thousands of people fled the city.", "Hundreds of thousands", 200_000),
])
def test_vague_multiples_in_a_sentence_are_one_number(text, phrase, low):
    from conflictgraph.extract.pipeline import get_extractor

    numbers = find_numbers(get_extractor().nlp(text)[:])
    assert [(n.text, n.bounds.min) for n in numbers] == [(phrase, low)]


def test_object_count_with_a_leader_tagged_as_date(nlp):
    """The model may make "an additional 14" a DATE; as the object of a verb it is still a count."""
    from spacy.tokens import Span

    doc = nlp("The blast killed a guard and injured an additional 14 near the gate.")
    start = next(t.i for t in doc if t.lower_ == "an")
    doc.ents = [Span(doc, start, start + 3, label="DATE")]
    assert [m.text for m in find_numbers(doc)] == ["14"]
    # a real date stays one
    doc = nlp("The blast killed a guard and injured another man on 14 May near the gate.")
    assert find_numbers(doc) == []
