"""Killed and wounded counts of an event, as bounds with their breakdown (issue 3).

A number counts the dead (or wounded) when the dependency path from the noun it
counts (or from the number itself) climbs to a casualty word within a few
steps: "13 soldiers and at least 170 civilians were killed" (both conjuncts
climb to "killed"), "killing seven and wounding 28 others", "left 12 dead",
"the death toll rose to 30". Counts on one path through "including" or
"among" are parts of a total, kept in the breakdown but not added.
Within a sentence the counts of one kind add up; across the sentences of an
event the largest total wins (a later toll updates an earlier one).
"a soldier was killed" and "injuring another" count one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Span, Token

from conflictgraph.extract.events.rules import NON_PERSON_UNITS, PART_WORDS, casualty_kind
from conflictgraph.extract.numbers import NumberMention, add_bounds, find_numbers
from conflictgraph.models import Bounds

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_MAX_HOPS = 5
_PERSONISH_SINGULAR_DETS = frozenset({"a", "an", "one", "another"})


@dataclass(frozen=True, slots=True)
class Toll:
    kind: str  # killed | wounded
    bounds: Bounds
    start: int
    end: int
    text: str
    unit: str | None
    part: bool = False  # a part of another count ("including 5 children")


def _climb(anchor: Token) -> tuple[str | None, bool]:
    """Casualty kind reached from ``anchor`` by climbing heads, and whether the path marks a part."""
    token = anchor
    part = False
    for _ in range(_MAX_HOPS):
        if token is not anchor or token.pos_ in ("ADJ", "VERB", "NOUN"):
            kind = casualty_kind(token)
            if kind is not None:
                return kind, part
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() == "toll":
                return "killed", part
            if child.dep_ == "dobj" and child.lemma_.lower() in ("life", "lives") and token.lemma_.lower() == "lose":
                return "killed", part
            if child.dep_ in ("amod", "acomp", "oprd", "ccomp", "xcomp") and child is not anchor and child.i > anchor.i:
                kind = casualty_kind(child)
                if kind is not None and (token is anchor or token.pos_ == "VERB"):
                    return kind, part
        if token.lower_ in PART_WORDS or token.lemma_.lower() in PART_WORDS:
            part = part or token.lower_ != "of"
        if token.head is token:
            break
        token = token.head
    return None, part


def _unit_token(span: Span, number: NumberMention) -> Token | None:
    if number.unit_start is None:
        return None
    unit = span.doc.char_span(number.unit_start, number.unit_end)
    return unit.root if unit is not None else None


def _tolls_from_numbers(sent: Span) -> list[Toll]:
    tolls: list[Toll] = []
    for number in find_numbers(sent):
        if number.unit in NON_PERSON_UNITS:
            continue
        unit = _unit_token(sent, number)
        anchor = unit if unit is not None else sent.doc[number.token_i]
        kind, part = _climb(anchor)
        if kind is None and unit is not None:
            kind = casualty_kind(unit)
        if kind is None:
            continue
        tolls.append(Toll(kind, number.bounds, number.start, number.end, number.text, number.unit, part))
    return tolls


def _singular_victims(sent: Span, taken: set[int]) -> list[Toll]:
    """"a policeman was killed", "killing a student and injuring another": one each."""
    tolls: list[Toll] = []
    for token in sent:
        if token.dep_ not in ("nsubjpass", "dobj", "nsubj") or token.i in taken:
            continue
        kind = casualty_kind(token.head)
        if kind is None or token.tag_ not in ("NN", "NNP") and token.lower_ != "another":
            continue
        if token.dep_ == "nsubj" and token.head.lemma_.lower() not in ("die", "perish"):
            continue
        det = next((c for c in token.children if c.dep_ in ("det", "nummod")), None)
        if token.lower_ == "another" or (det is not None and det.lower_ in _PERSONISH_SINGULAR_DETS):
            if token.lemma_.lower() in NON_PERSON_UNITS:
                continue
            start = det.idx if det is not None and token.lower_ != "another" else token.idx
            end = token.idx + len(token.text)
            tolls.append(Toll(kind, Bounds(1, 1), start, end, sent.doc.text[start:end], token.lemma_.lower()))
    return tolls


def sentence_tolls(sent: Span) -> list[Toll]:
    """Every killed/wounded count in a sentence (parts included, flagged)."""
    tolls = _tolls_from_numbers(sent)
    taken = {t.i for t in sent if any(t.idx <= toll.start < t.idx + len(t.text) + 1 for toll in tolls)}
    unit_tokens = {tok.i for tok in sent for toll in tolls if toll.unit and tok.lemma_.lower() == toll.unit}
    return tolls + _singular_victims(sent, taken | unit_tokens)


def event_tolls(sents: list[Span]) -> dict[str, tuple[Bounds, list[Toll]]]:
    """Per kind: the total (sum within a sentence, largest across sentences) and the counts behind it."""
    best: dict[str, tuple[Bounds, list[Toll]]] = {}
    for sent in sents:
        by_kind: dict[str, list[Toll]] = {}
        for toll in sentence_tolls(sent):
            by_kind.setdefault(toll.kind, []).append(toll)
        for kind, tolls in by_kind.items():
            wholes = [t for t in tolls if not t.part] or tolls[:1]
            total = add_bounds([t.bounds for t in wholes])
            current = best.get(kind)
            if current is None or _larger(total, current[0]):
                best[kind] = (total, tolls)
    return best


def _larger(a: Bounds, b: Bounds) -> bool:
    value_a = a.min if a.min is not None else a.max or 0
    value_b = b.min if b.min is not None else b.max or 0
    return value_a > value_b
