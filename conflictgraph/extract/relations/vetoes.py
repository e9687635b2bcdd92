"""Vetoes: pairs a trigger's roles make but the sentence itself denies.

"X and Y's joint attack" (one side, not enemies), "X attacked Z with help from Y" (Y only backs X),
"President X and Prime Minister Y" (each title is its own), "X confronted Y about the rumours" (words, not
arms), "X formed a coalition, Z" (Z is the coalition): each such pair is dropped before a relation is built.
Called from ``component._sentence_relations``.
"""

from __future__ import annotations

from spacy.tokens import Token

from conflictgraph.extract.relations.coordination import co_parties
from conflictgraph.extract.relations.rules import (
    ACCEPTING_VERBS,
    JOINING_VERBS,
    Filler,
    TriggerRule,
    np_root,
    rules_for,
    rules_for_lemma,
)
from conflictgraph.extract.relations.splits import faction_anaphor, out_of_merger
from conflictgraph.extract.relations.umbrellas import backer_only

# Types whose coordinated parties are one side when a third actor is the other: "X and Y attacked Z".
ADVERSARIAL = frozenset({"fights", "rival_of", "negotiates_with"})


# Modifiers that make an attack noun a shared action: "a joint attack by X and Y".
JOINT_WORDS = frozenset({"joint", "combined", "coordinated", "concerted", "collaborative", "common"})


def ruled_out(rule: TriggerRule, trigger: Token, source: Filler, target: Filler, role_by: dict[int, str]) -> bool:
    """A pair the roles make but the sentence denies (one side, a backer, a title, words not arms)."""
    if rule.type in ("merged_with", "supports") and _joins_as_part(trigger):
        return True  # "X merged into Y as its affiliate", "Y welcomed X as a province": the "as" noun says it
    if rule.type == "splinter_of" and out_of_merger(trigger):
        return True  # "Z emerged from the merger of X and Y": Z is their merger, no split
    if rule.type == "splinter_of" and faction_anaphor(target):
        return True  # "the faction broke away and renamed itself Z": the faction is what split, not the whole
    if backer_only(rule.type, trigger, source, target):
        return True  # "X attacked Z with help from Y": Y backs X, it takes no part in the attack
    if rule.symmetric and _nested(source, target):
        return True  # "US envoy X": the state and its envoy are one phrase, not two parties
    if rule.type in ADVERSARIAL and _joint(trigger) and _same_side(source, target, role_by):
        return True  # "X and Y's joint attack", "a joint offensive with Y": one side, not enemies
    if rule.type == "negotiates_with" and _alliance_deal(trigger):
        return True  # "X signed a cooperation agreement with Y": the deal is an alliance (ally_of)
    if rule.type == "ally_of" and (_names_the_tie(trigger, source) or _names_the_tie(trigger, target)):
        return True  # "X formed a coalition, Z": Z is the coalition itself, not X's ally
    if rule.type == "leads" and (_own_title(trigger, source) or _first_conjunct_title(trigger, source)):
        return True  # "President X and Prime Minister Y": Y's title is his own, not X's
    if rule.type == "fights" and _verbal_confrontation(trigger):
        return True  # "X confronted Y about the rumours": words, not arms
    # "X and Y oppose the talks", "X and Y were attacked": one side, not enemies
    return rule.type in ADVERSARIAL and _acting_together(trigger, source, target, role_by)


def _nested(a: Filler, b: Filler) -> bool:
    """One actor is a modifier inside the other's name phrase ("US envoy Amos Hochstein")."""
    if a.token == b.token:
        return False  # "the two groups": one phrase standing for both parties
    return np_root(a.token) == b.token or np_root(b.token) == a.token


def _same_side(a: Filler, b: Filler, role_by: dict[int, str]) -> bool:
    if co_parties(a, b):
        return True
    roles = {role_by.get(id(a)), role_by.get(id(b))}
    return not roles & {"prep:against", "prep:on", "patient"}


def _joint(trigger: Token) -> bool:
    return any(c.dep_ in ("amod", "compound") and (c.lemma_.lower() in JOINT_WORDS or c.lower_ in JOINT_WORDS)
               for c in trigger.children)


# Verbs whose object is what two sides contend for, not a third party: "X and Y contested the town".
_PRIZE_VERBS = frozenset({"contest", "dispute", "vie", "compete", "feud", "quarrel", "rival"})


_RECIPROCAL_OBJECTS = frozenset({"other", "another"})


def _acting_together(trigger: Token, a: Filler, b: Filler, role_by: dict[int, str]) -> bool:
    """Coordinated subjects of a hostile verb that has an object of its own ("X and Y oppose the
    talks", "X fighters and Y militants attacked the convoy") act on it together, and coordinated
    passive subjects ("X and Y were attacked") are both its targets: neither pair is enemies.
    A conflict noun or "each other" as object keeps them apart ("X and Y fought a war")."""
    role = role_by.get(id(a))
    if trigger.pos_ not in ("VERB", "AUX") or role != role_by.get(id(b)) or role not in ("agent", "patient"):
        return False
    if role == "patient":
        return True
    if trigger.lemma_.lower() in _PRIZE_VERBS:
        return False
    # a passive subject is what the agents acted on too: "civilians were killed by X and Y"
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")] + _opponents(trigger)
    if not objects or any(_reciprocal(t) for t in trigger.subtree):
        return False
    return not any(r.type in ("fights", "rival_of") for o in objects for r in rules_for_lemma(o) if r.pos == "NOUN")


# Things fought *with* that are no opponent: "X and Y fought with rifles".
_INSTRUMENT_NOUNS = frozenset({"weapon", "arm", "gun", "rifle", "rocket", "missile", "drone", "mortar", "artillery",
                               "explosive", "bomb", "grenade", "machete", "knife", "stone", "tank"})


def _opponents(trigger: Token) -> list[Token]:
    """Nouns after "with" / "against" on the verb that name an opponent, actor or not
    ("X and Y clashed with the insurgents"): the coordinated subjects then face it together."""
    return [o for p in trigger.children if p.dep_ == "prep" and p.lower_ in ("with", "against")
            for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")
            and o.lemma_.lower() not in _INSTRUMENT_NOUNS]


# Modifiers that make a deal an alliance: "a cooperation agreement", "a mutual defence pact".
_ALLIANCE_DEAL_WORDS = frozenset({"cooperation", "co-operation", "alliance", "defence", "defense", "partnership",
                                  "coordination", "collaboration", "unity"})


def _alliance_deal(trigger: Token) -> bool:
    """Whether the deal noun (or the deal a verb signs) is modified by an alliance word."""
    nouns = [trigger] if trigger.pos_ == "NOUN" else [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(m.dep_ in ("compound", "amod", "nmod") and m.lemma_.lower() in _ALLIANCE_DEAL_WORDS
               for noun in nouns for m in noun.children)


# Verbs that name a verbal exchange when an "about" phrase gives its topic.
_CHALLENGING_VERBS = frozenset({"confront", "challenge", "question", "press"})


def _verbal_confrontation(trigger: Token) -> bool:
    """ "X confronted Y about his conduct": challenging someone over a topic is no armed clash."""
    return trigger.pos_ in ("VERB", "AUX") and trigger.lemma_.lower() in _CHALLENGING_VERBS \
        and any(c.dep_ == "prep" and c.lower_ == "about" for c in trigger.children)


# Titles a person's name can carry; a conjunct with one of them holds no other title in the list.
_TITLE_WORDS = frozenset({"leader", "head", "chief", "commander", "president", "chairman", "emir", "amir",
                          "minister", "premier", "king", "governor", "general", "secretary", "envoy",
                          "spokesman", "spokeswoman", "mayor", "chancellor", "ambassador", "deputy"})


def _own_title(trigger: Token, person: Filler) -> bool:
    """Whether a coordinated person carries a title of its own ("Somali President X and Ethiopian Prime
    Minister Y"), so the other conjunct's title noun is not Y's."""
    token = person.token
    if token.dep_ != "conj" or trigger in token.subtree:
        return False
    return any(t.lemma_.lower() in _TITLE_WORDS and t.dep_ in ("compound", "amod", "appos")
               for t in token.subtree if t.i < token.i and t != trigger)


def _first_conjunct_title(trigger: Token, person: Filler) -> bool:
    """ "SDF commander X and Y signed": a singular title written before the first name is that name's alone."""
    token = person.token
    return token.dep_ == "conj" and trigger.tag_ == "NN" and trigger.dep_ in ("compound", "amod") \
        and trigger.head == token.head and trigger.i < token.head.i


def _reciprocal(token: Token) -> bool:
    """ "each other", "one another('s members)"."""
    return token.lower_ in _RECIPROCAL_OBJECTS and token.i > 0 and token.doc[token.i - 1].lower_ in ("each", "one")


# What a group joining another "as" something becomes instead of merging with it.
_PART_TYPES = frozenset({"affiliate_of", "branch_of", "allegiance_to", "ally_of"})


def _joins_as_part(trigger: Token) -> bool:
    """"X joined Y as an affiliate", "X merged into Y as its branch": no merger; "Y welcomed X as an
    affiliate": no praise (welcoming someone in as a part is accepting it)."""
    if trigger.lemma_.lower() not in JOINING_VERBS | ACCEPTING_VERBS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(
        g.dep_ == "pobj" and any(r.type in _PART_TYPES for r in rules_for(g)) for g in c.children)
        for c in trigger.children)


# Nouns for the tie itself (not for a partner: "its ally, Y" names the ally).
_TIE_NOUNS = frozenset({"alliance", "coalition", "pact", "bloc", "axis", "partnership", "union", "front",
                        "operations-room", "agreement", "accord", "treaty"})


def _names_the_tie(trigger: Token, filler: Filler) -> bool:
    """ "X formed a maritime coalition, Z", "X and Y signed a defence pact, the Z": a name in apposition to a
    noun for the tie names the coalition, which is no party to it."""
    if trigger.lemma_.lower() not in _TIE_NOUNS or filler.mention.source == "context":
        return False
    token = filler.token
    steps = 0
    while token.dep_ in ("conj", "compound", "flat") and token.head != trigger and steps < 6:
        token = token.head
        steps += 1
    return token.dep_ == "appos" and token.head == trigger
