"""conflict.MovementRules.v1: who moves (or may move) from where, to where, through where.

A movement verb (``patterns/movement.yaml``) with at least one place
argument: origin ("from"), destination ("to", "into", or the object of
"enter"/"cross"), transit ("through", "via").  Who moves is the subject (the
object for "send", "deploy"...), kept as text and linked to an actor when a
mention sits in that phrase.  Certainty comes from the certainty cues, so
"may move to" stays speculative; movements are never turned into events.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from conflictgraph.errors import KnowledgeError
from conflictgraph.extract.certainty import assess, attributed_key
from conflictgraph.extract.doccache import doc_ents, doc_text, span_ents
from conflictgraph.extract.numbers import find_numbers
from conflictgraph.models import Bounds, Document, Evidence, Mention, Movement, Place

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

NAME = "conflict.MovementRules.v1"
PATTERNS = Path(__file__).parent / "patterns" / "movement.yaml"
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
_OBJECT_IS_DESTINATION = frozenset({"enter", "cross", "infiltrate", "reach"})


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    try:
        raw = yaml.safe_load(PATTERNS.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise KnowledgeError(f"Cannot read {PATTERNS}: {e}. Restore the file from the repository.") from e
    return {key: frozenset(str(w) for w in values) for key, values in raw.items()}


def extract_movements(doc: Doc, document: Document, mentions: Sequence[Mention]) -> list[Movement]:
    words = lexicon()
    triggers = words["self"] | words["sent"]
    found: list[Movement] = []
    for sent in doc.sents:
        for token in sent:
            if token.pos_ in ("VERB", "NOUN") and token.lemma_.lower() in triggers:
                movement = _movement(token, sent, document, mentions, words)
                if movement is not None:
                    found.append(movement)
    return found


def _movement(trigger: Token, sent: Span, document: Document, mentions: Sequence[Mention],
              words: dict[str, frozenset[str]]) -> Movement | None:
    origin, destination, via = _places(trigger, words)
    if origin is None and destination is None and not via:
        return None
    mover = _mover(trigger, words)
    start, end = sent.start_char, sent.end_char
    while end > start and document.text[end - 1].isspace():
        end -= 1
    if document.text[start:end] != doc_text(sent.doc)[start:end]:
        return None
    cue = assess(sent, trigger)
    own = [m for m in mentions if start <= m.start < end]
    return Movement(
        certainty=cue.certainty, evidence=(Evidence(start=start, end=end, text=document.text[start:end]),),
        who=_who(mover, own), who_text=mover.text if mover is not None else None,
        origin=origin, destination=destination, via=tuple(via), count=_count(mover),
        date=_date(trigger, document), attributed_to=attributed_key(cue, own), extractor=NAME,
    )


def _mover(trigger: Token, words: dict[str, frozenset[str]]) -> Span | None:
    lemma = trigger.lemma_.lower()
    deps = ("dobj", "nsubjpass") if lemma in words["sent"] else ("nsubj", "nsubjpass")
    head = next((c for c in trigger.children if c.dep_ in deps), None)
    if head is None and trigger.dep_ in ("xcomp", "conj", "advcl", "ccomp") and lemma not in words["sent"]:
        head = next((c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if head is None and trigger.dep_ in ("acl", "relcl"):
        return trigger.doc[trigger.head.left_edge.i:trigger.head.i + 1]
    if head is None:
        return None
    return trigger.doc[head.left_edge.i:head.right_edge.i + 1]


def _places(trigger: Token, words: dict[str, frozenset[str]]) -> tuple[Place | None, Place | None, list[Place]]:
    origin = destination = None
    via: list[Place] = []
    for child in _place_edges(trigger, words):
        word = child.lower_
        target = _place_object(child) if child.dep_ in ("prep", "advmod", "prt", "dative") else None
        if target is None and child.dep_ == "dobj" and trigger.lemma_.lower() in _OBJECT_IS_DESTINATION:
            destination = destination or _place(child)
            continue
        if target is None:
            continue
        if word in words["origin"]:
            origin = origin or target
        elif word in words["via"]:
            via.append(target)
        elif word in words["destination"]:
            destination = destination or target
    return origin, destination, via


def _place_edges(trigger: Token, words: dict[str, frozenset[str]]) -> list[Token]:
    """The trigger's children, plus the prepositions the parser hangs on what is sent ("sent troops to X")."""
    edges = list(trigger.children)
    if trigger.lemma_.lower() in words["sent"]:
        for obj in [c for c in edges if c.dep_ == "dobj"]:
            edges.extend(c for c in obj.children if c.dep_ == "prep")
    return edges


def _place_object(prep: Token) -> Place | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            return _place(child)
        if child.dep_ == "prep":  # "out of", "away from"
            return _place_object(child)
    return None


def _place(token: Token) -> Place | None:
    """The place a token names: its entity if it is inside a place entity, else None."""
    from conflictgraph.knowledge.places import geocode

    for ent in doc_ents(token.doc):
        if ent.start <= token.i < ent.end and ent.label_ in _PLACE_LABELS:
            return geocode(ent.text) or Place(name=ent.text, precision="unknown")
    phrase = token.doc[token.left_edge.i:token.i + 1]
    if any(t.pos_ == "PROPN" for t in phrase):
        return geocode(phrase.text) or None
    return None


def _who(mover: Span | None, own: list[Mention]) -> str | None:
    if mover is None:
        return None
    inside = [m for m in own if mover.start_char <= m.start and m.end <= mover.end_char]
    return inside[-1].actor_key if inside else None


def _count(mover: Span | None) -> Bounds | None:
    if mover is None:
        return None
    numbers = find_numbers(mover)
    return numbers[0].bounds if numbers else None


def _date(trigger: Token, document: Document) -> str | None:
    from conflictgraph.extract.dates import contract_date, resolve_date

    for ent in span_ents(trigger.sent):
        if ent.label_ == "DATE" and trigger.is_ancestor(ent.root):
            value, precision = resolve_date(ent.text, document.published)
            return contract_date(value, precision)
    return None
