"""Where an event happened: pick one place among those a paragraph names (issue 3).

Candidates are the GPE, LOC and FAC entities of the event's sentences that the
gazetteer knows. Each is scored:

- +3 when it is the object of a place preposition ("in", "near", "at",
  "outside", "of" in "the town of X") or an apposition/conjunct of one;
- +2 when it sits in the trigger's sentence, minus a little for distance;
- -4 when it hangs on a speech verb or follows "according to", or is the
  subject of a verb (the place is then usually an actor: "Kenya said");
- -2 when it is part of a nationality or organisation name.

The best candidates win; among the top scores (within 1 point) the most
specific place (point > city > admin1 > region > country) is kept and a
country named in the same sentence is passed as a hint to the gazetteer
("Mandera, Kenya"). When no entity resolves, the document's dateline place
("BAGHDAD, March 3 (Reuters) -") is used, if any.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from conflictgraph.extract.events.rules import LOCATION_PREPS, PLACE_LABELS, SPEECH_VERBS
from conflictgraph.knowledge.places import country_place, geocode
from conflictgraph.models import Place

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

SPECIFICITY: dict[str, int] = {"point": 5, "city": 4, "admin1": 3, "region": 2, "country": 1}
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'-]{2,40}?)(?:,\s*[A-Za-z .'-]{2,30})?\s*(?:,|\(|—|–|-{1,2})\s")


@dataclass(frozen=True, slots=True)
class Located:
    place: Place
    start: int
    end: int
    text: str
    score: float


PLACE_NOUNS: frozenset[str] = frozenset({
    "town", "city", "village", "province", "district", "region", "area", "suburb", "outskirts", "state",
    "governorate", "county", "capital", "neighbourhood", "neighborhood", "municipality", "department",
    "locality", "hamlet", "settlement", "island", "port", "border", "centre", "center", "heart", "part",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "vicinity",
})
_REFERENCE_HEADS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                              "km", "kilometres", "kilometers", "miles"})


def _prep_score(root: Token) -> float:
    """+3 for the object of a place preposition; less for reference points, modifiers and speakers."""
    token = root
    for _ in range(3):
        if token.dep_ in ("appos", "conj", "npadvmod") and token.head is not token:
            token = token.head
            continue
        break
    if token.dep_ in ("compound", "amod", "nmod", "poss") and token.head.pos_ in ("NOUN", "PROPN") and token.head.lemma_.lower() not in PLACE_NOUNS:
        return -2.5  # "a U.S. military vehicle": a modifier; a city as modifier ("a Kabul hotel") is lifted by the caller
    if token.dep_ == "pobj" and token.head.lower_ in LOCATION_PREPS:
        prep = token.head
        governor = prep.head
        if prep.lower_ == "of":
            if governor.lemma_.lower() in _REFERENCE_HEADS or any(c.lower_ in _REFERENCE_HEADS for c in governor.children):
                return -1.0  # "southeast of Tel Aviv": a reference point
            return 3.0 if governor.lemma_.lower() in PLACE_NOUNS else 0.0
        if prep.lower_ in ("from", "between"):
            return 1.0
        if governor.lemma_.lower() in _REFERENCE_HEADS:
            return -1.0
        return 3.0
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in SPEECH_VERBS | {"condemn", "urge", "vow"}:
        return -4.0
    if token.dep_ == "nsubj":
        return -2.0
    return 0.0


def _attribution(ent: Span) -> bool:
    sent = ent.sent
    before = sent.doc[max(sent.start, ent.start - 3):ent.start].text.lower()
    if "according to" in before:
        return True
    head = ent.root
    for _ in range(4):
        if head.lemma_.lower() in SPEECH_VERBS and head.pos_ == "VERB" and head.i > ent.root.i:
            return ent.root.dep_ in ("nsubj", "pobj") and head.lemma_.lower() != "claim"
        if head.head is head:
            break
        head = head.head
    return False


def _country_hint(sent: Span) -> str | None:
    for ent in sent.ents:
        if ent.label_ == "GPE":
            place = geocode(ent.text)
            if place is not None and place.precision == "country":
                return place.country
    return None


def _place_spans(sent: Span) -> list[tuple[Span, float]]:
    """Place-like spans with a prior: GPE/LOC/FAC entities, and other entities or proper nouns
    right after a place preposition (the small model often tags villages as ORG or PERSON)."""
    spans: list[tuple[Span, float]] = []
    covered: set[int] = set()
    for ent in sent.ents:
        if ent.label_ in PLACE_LABELS:
            spans.append((ent, 0.0))
        elif ent.label_ in ("ORG", "PERSON", "NORP") and ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATION_PREPS:
            spans.append((ent, -0.5))
        covered.update(range(ent.start, ent.end))
    for token in sent:
        if token.i not in covered and token.pos_ == "PROPN" and token.dep_ == "pobj" and token.head.lower_ in LOCATION_PREPS:
            spans.append((sent.doc[token.i:token.i + 1], -0.5))
    return spans


def candidates(sents: list[Span], trigger: Token | None) -> list[Located]:
    """Scored place candidates of an event's sentences."""
    found: list[Located] = []
    for sent in sents:
        hint = _country_hint(sent)
        for ent, prior in _place_spans(sent):
            text = re.sub(r"^(?:the|The|THE)\s+", "", ent.text)
            place = geocode(text, hint) if hint else geocode(text)
            if place is None and hint:
                place = geocode(text)
                if place is not None and place.precision not in ("country", "region"):
                    place = None  # a homonym abroad: "Solhan" in a sentence about Burkina Faso is not in Turkey
            if place is None:
                continue
            score = prior + _prep_score(ent.root)
            if score <= -2.5 and place.precision in ("city", "point") and ent.root.dep_ in ("compound", "nmod", "poss"):
                score = 0.5  # "a Jerusalem hotel", "Baghdad's Sadr City": the city is where it happened
            if _attribution(ent):
                score -= 4
            if trigger is not None and trigger.sent == sent:
                score += 2 - min(abs(ent.root.i - trigger.i), 30) / 30
            found.append(Located(place, ent.start_char, ent.end_char, ent.text, score))
    return found


def pick_location(sents: list[Span], trigger: Token | None, fallback: bool = True) -> Located | None:
    """The event's place: best score, then the most specific among near-best ones.

    With ``fallback``, a sentence naming no usable place gives the country of a nationality word.
    """
    found = candidates(sents, trigger)
    top = max((c.score for c in found), default=-99.0)
    if top < -1:
        return demonym_place(sents, trigger) if fallback else None
    near = [c for c in found if c.score >= top - 1.01]
    best = max(near, key=lambda c: (SPECIFICITY.get(c.place.precision or "", 0), c.score))
    if best.place.country is None or best.place.admin1 is None:
        best = _with_context(best, found)
    return best


def _with_context(best: Located, found: list[Located]) -> Located:
    """Fill a missing country from a broader candidate ("Djibo, Burkina Faso")."""
    for other in found:
        if other is best or other.place.country is None:
            continue
        if best.place.country is None and SPECIFICITY.get(other.place.precision or "", 0) < SPECIFICITY.get(best.place.precision or "", 0):
            hinted = geocode(best.text, other.place.country)
            if hinted is not None:
                return Located(hinted, best.start, best.end, best.text, best.score)
    return best


@lru_cache(maxsize=1)
def demonym_countries() -> dict[str, str]:
    """Lower-case demonym -> ISO alpha-2, from the states of the actor knowledge base."""
    from conflictgraph.knowledge.actors import load_knowledge_base

    table: dict[str, str] = {}
    for entry in load_knowledge_base().of_kind("state"):
        if entry.country:
            for demonym in entry.demonyms:
                table.setdefault(demonym.lower(), entry.country)
    return table


def demonym_place(sents: list[Span], trigger: Token | None) -> Located | None:
    """Last resort: the country of a nationality word near the trigger ("a Yemeni army checkpoint")."""
    table = demonym_countries()
    best: tuple[int, Token] | None = None
    for sent in sents:
        for token in sent:
            if token.lower_ in table and token.ent_type_ in ("NORP", "GPE", ""):
                distance = abs(token.i - trigger.i) if trigger is not None else 0
                if best is None or distance < best[0]:
                    best = (distance, token)
    if best is None:
        return None
    token = best[1]
    place = country_place(table[token.lower_])
    if place is None:
        return None
    return Located(place, token.idx, token.idx + len(token.text), token.text, -3.0)


def dateline_place(text: str) -> tuple[Place, int, int] | None:
    """The place a dateline opens the document with, e.g. "KABUL, Afghanistan (AP) --"."""
    match = _DATELINE.match(text[:120])
    if not match:
        return None
    name = match.group(1).strip()
    place = geocode(name.title() if name.isupper() else name)
    if place is None:
        return None
    return place, match.start(1), match.start(1) + len(name)
