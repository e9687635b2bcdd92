"""conflict.ClaimRules.v1: statements attributed to a source, and numbers about actors or places.

- A sentence whose main clause is attributed ("X said", "according to X",
  "X believes") becomes a claim: its text, its subject actor, the source as
  ``attributed_to`` (an actor key when the source is a mention) and the
  sentence's certainty (reported, or speculative/negated when hedged).
- Every count of people or forces ("more than 2,000 fighters") becomes a claim
  with a ``Quantity`` (bounds and unit), the place named in the sentence and
  the same certainty and attribution.  Casualty counts are left to events.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from conflictgraph.extract.certainty import CertaintyCue, assess, attributed_key
from conflictgraph.extract.doccache import span_ents
from conflictgraph.extract.numbers import find_numbers
from conflictgraph.models import Claim, Document, Evidence, Mention, Place, Quantity

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

NAME = "conflict.ClaimRules.v1"
# Units a force/presence count is about (lemmas); casualty verbs are the events component's.
FORCE_UNITS = frozenset({
    "fighter", "militant", "member", "troop", "soldier", "jihadist", "insurgent", "rebel", "recruit",
    "combatant", "mercenary", "volunteer", "operative", "man", "follower", "supporter", "personnel",
    "refugee", "civilian", "family", "child", "woman", "people", "person", "resident", "migrant",
    "detainee", "prisoner", "hostage", "officer", "police", "policeman", "guard", "contractor",
    "adviser", "advisor", "commander", "cell", "camp", "group", "unit", "battalion", "brigade",
})
_CASUALTY = frozenset({"kill", "die", "wound", "injure", "dead", "death", "behead", "execute", "murder", "slay"})


def extract_claims(doc: Doc, document: Document, mentions: Sequence[Mention]) -> list[Claim]:
    claims: list[Claim] = []
    for sent in doc.sents:
        own = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
        cue = assess(sent, _main_clause(sent))
        numbers = [n for n in find_numbers(sent) if n.unit in FORCE_UNITS and not _casualty(doc, n.token_i)]
        if cue.source is None and cue.certainty == "asserted" and not numbers:
            continue
        evidence = _evidence(sent, document)
        if evidence is None:
            continue
        if cue.source is not None or cue.certainty == "reported":
            claims.append(_statement(sent, cue, own, evidence))
        for number in numbers:
            claims.append(_quantity_claim(doc, sent, number, own, evidence))
    return claims


def _main_clause(sent: Span) -> object:
    """The reported clause when the root is the attribution verb ("X said [the group ...]")."""
    root = sent.root
    for child in root.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return child
    return root


def _casualty(doc: Doc, token_i: int) -> bool:
    token = doc[token_i]
    return any(t.lemma_.lower() in _CASUALTY for t in [token.head, token.head.head, *token.head.children])


def _evidence(sent: Span, document: Document) -> tuple[Evidence, ...] | None:
    start, end = sent.start_char, sent.end_char
    while end > start and document.text[end - 1].isspace():
        end -= 1
    # sent.text is doc.text[start:end] without rebuilding the whole document's text per sentence
    if end <= start or document.text[start:end] != sent.text[:end - start]:
        return None
    return (Evidence(start=start, end=end, text=document.text[start:end]),)


def _subject(own: list[Mention], cue: CertaintyCue) -> str | None:
    for mention in own:
        if cue.source_start is not None and cue.source_start <= mention.start < (cue.source_end or 0):
            continue
        return mention.actor_key
    return None


def _statement(sent: Span, cue: CertaintyCue, own: list[Mention], evidence: tuple[Evidence, ...]) -> Claim:
    return Claim(certainty=cue.certainty, evidence=evidence, text=evidence[0].text, subject=_subject(own, cue),
                 attributed_to=attributed_key(cue, own), extractor=NAME)


def _quantity_claim(doc: Doc, sent: Span, number, own: list[Mention], evidence: tuple[Evidence, ...]) -> Claim:
    token = doc[number.token_i]
    cue = assess(sent, token.head if token.head.i != token.i else token)
    bounds = number.bounds
    value = bounds.min if bounds.min is not None and bounds.min == bounds.max else None
    quantity = Quantity(value=value, min=bounds.min, max=bounds.max, unit=number.unit)
    return Claim(certainty=cue.certainty, evidence=evidence, text=evidence[0].text, subject=_subject(own, cue),
                 quantity=quantity, place=sentence_place(sent), attributed_to=attributed_key(cue, own),
                 extractor=NAME)


def sentence_place(sent: Span) -> Place | None:
    """The first geocodable GPE/LOC/FAC entity of the sentence."""
    from conflictgraph.knowledge.places import geocode

    for ent in span_ents(sent):
        if ent.label_ in ("GPE", "LOC", "FAC"):
            place = geocode(ent.text)
            if place is not None:
                return place
    return None
