"""Claims with attributed numbers and movements (issue 4)."""

from conflictgraph.extract.pipeline import get_extractor
from conflictgraph.models import Document


def _findings(text: str):
    return get_extractor().extract(Document(id="t", text=text, published="2024-06-01"))


def test_attributed_number() -> None:
    findings = _findings("More than 2,000 fighters are in Idlib, a UN report said.")
    (claim,) = [c for c in findings.claims if c.quantity is not None]
    assert (claim.quantity.min, claim.quantity.max, claim.quantity.unit) == (2000, None, "fighter")
    assert claim.certainty == "reported" and claim.attributed_to is not None
    assert claim.place is not None and claim.place.name == "Idlib"


def test_speculative_movement_stays_speculative() -> None:
    findings = _findings("Officials fear that Central Asian jihadists will flock to Afghanistan through Iran.")
    (movement,) = findings.movements
    assert movement.certainty == "speculative"
    assert movement.who_text == "Central Asian jihadists"
    assert movement.destination.name == "Afghanistan" and [p.name for p in movement.via] == ["Iran"]
    assert not findings.events


def test_movement_with_count_origin_and_date() -> None:
    findings = _findings("About 300 fighters travelled from Iraq to Libya in 2016.")
    (movement,) = findings.movements
    assert movement.origin.name == "Iraq" and movement.destination.name == "Libya"
    assert movement.count.min == 300 and movement.date == "2016"


def test_sent_movement_with_dative_or_object_preposition() -> None:
    from conflictgraph.extract.pipeline import get_extractor
    from conflictgraph.models import Document

    for text in ("Russia sent mercenaries to Libya.", "Turkey deployed troops to Libya in 2020."):
        findings = get_extractor().extract(Document(id="t", text=text, published="2024-06-01"))
        assert any(m.destination is not None and m.destination.name == "Libya" for m in findings.movements), text
