"""Shared by the relation tests: the relations the full extractor draws from a sentence written for a test."""

from conflictgraph.extract.pipeline import get_extractor
from conflictgraph.models import Document

Rels = set[tuple[str, str, str, str]]


def relations(text: str) -> Rels:
    """(type, source, target, certainty) of every relation in ``text``."""
    findings = get_extractor().extract(Document(id="t", text=text, published="2024-06-01"))
    return {(r.type, r.source, r.target, r.certainty) for r in findings.relations}


def between(rels: Rels, a: str, b: str) -> set[str]:
    """Types of the relations between a and b, either way, negated ones included."""
    return {t for t, s, o, _ in rels if {s, o} == {a, b}}


def stated_between(rels: Rels, a: str, b: str) -> set[str]:
    """Types of the relations between a and b that the text does not negate."""
    return {t for t, s, o, c in rels if {s, o} == {a, b} and c != "negated"}
