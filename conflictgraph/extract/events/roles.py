"""Role fillers of an attack as text spans: attackers, victims, physical targets, weapons (issue 3).

These complement the actor-key links (``linking.py``): they keep noun phrases
that name no known actor ("unidentified gunmen", "a peasant", "the power
tower", "dynamite"), as ``Event.details["roles"]``. Rules, per trigger token:

- subject of an attack verb, or "by X" after it, or "X attack": attacker
  (``perpetrator_individuals``) when X is a person or attacker noun;
- object of an attack verb, "attack on/against X", subject of a passive
  attack verb: ``victims`` when X is a person noun or a PERSON entity,
  else ``physical_targets``;
- the objects of "kill", "wound", "kidnap" are always victims;
- any weapon noun in the event's sentences ("bomb", "dynamite", "rifles")
  and "with X" after an attack verb: ``weapons``.

Each filler is the base noun phrase (determiners and possessives dropped).
"""

from __future__ import annotations

import logging

from spacy.tokens import Span, Token

from conflictgraph.extract.events.rules import PERP_NOUNS, casualty_kind, lexicon

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

PERSON_NOUNS: frozenset[str] = frozenset({
    "people", "person", "civilian", "peasant", "soldier", "policeman", "police", "officer", "priest", "student",
    "child", "woman", "man", "worker", "leader", "mayor", "judge", "journalist", "official", "member", "guard",
    "driver", "passenger", "citizen", "villager", "farmer", "businessman", "diplomat", "ambassador", "minister",
    "candidate", "politician", "teacher", "nun", "bishop", "archbishop", "agent", "employee", "worshipper",
    "trader", "tourist", "president", "senator", "deputy", "councilman", "commander", "colonel", "general",
    "captain", "lieutenant", "sergeant", "major", "trooper", "troop", "bodyguard", "wife", "son", "daughter",
    "family", "jesuit", "missionary", "lawyer", "doctor", "nurse", "engineer", "executive", "manager",
    "director", "chief", "governor", "legislator", "councillor", "activist", "unionist", "labourer", "laborer",
    "pilot", "sailor", "marine", "policemen", "resident", "inhabitant", "youth", "boy", "girl", "victim",
    "hostage", "individual", "adviser", "advisor", "secretary", "spokesman", "commissioner", "prosecutor",
})
WEAPON_NOUNS: frozenset[str] = frozenset({
    "bomb", "dynamite", "explosive", "grenade", "mine", "landmine", "rifle", "gun", "machinegun", "machine-gun",
    "pistol", "revolver", "mortar", "rocket", "missile", "ied", "knife", "machete", "firearm", "ak-47", "m-16",
    "rpg", "bazooka", "launcher", "shell", "artillery", "tnt", "device", "charge", "weapon", "submachinegun",
    "carbine", "shotgun", "incendiary", "molotov", "car-bomb", "vbied",
})
_ATTACK_VERBS: frozenset[str] = frozenset({
    "attack", "bomb", "shoot", "kill", "murder", "assassinate", "kidnap", "abduct", "wound", "injure", "burn",
    "blow", "destroy", "damage", "storm", "raid", "ambush", "massacre", "hit", "target", "detonate", "set",
    "fire", "dynamite", "machinegun", "stab", "behead", "execute", "hijack", "seize", "torch",
})
_VICTIM_VERBS: frozenset[str] = frozenset({"kill", "murder", "assassinate", "kidnap", "abduct", "wound", "injure", "shoot", "massacre", "execute", "behead", "stab", "hijack"})
_DROP_DETS = frozenset({"det", "poss", "predet", "nummod", "quantmod", "case"})


def _phrase(token: Token) -> Span:
    """The base noun phrase of ``token``: its left subtree, minus determiners, possessives and numbers."""
    doc = token.doc
    start = token.left_edge.i
    while start < token.i and (doc[start].dep_ in _DROP_DETS or doc[start].pos_ in ("DET", "NUM", "PUNCT", "ADV", "CCONJ")
                               or doc[start].head.dep_ == "poss" or doc[start].dep_ == "poss"):
        start += 1
    return doc[start:token.i + 1]


def _is_person(token: Token) -> bool:
    return token.lemma_.lower() in PERSON_NOUNS or token.ent_type_ == "PERSON" or token.lower_ in PERSON_NOUNS


def _is_attacker(token: Token) -> bool:
    return token.lemma_.lower() in PERP_NOUNS or token.lower_ in PERP_NOUNS or token.lemma_.lower() in ("terrorist", "guerrilla", "subversive", "criminal", "individual", "assassin", "kidnapper", "bandit", "narcoterrorist")


def _nominal(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN")


def _with_conjuncts(token: Token) -> list[Token]:
    out = [token]
    for conj in token.conjuncts:
        if _nominal(conj):
            out.append(conj)
    return out


def _add(roles: dict[str, list[Span]], role: str, token: Token) -> None:
    for item in _with_conjuncts(token):
        phrase = _phrase(item)
        if len(phrase) and all(phrase.start != p.start or phrase.end != p.end for p in roles[role]):
            roles[role].append(phrase)


def _verb_slots(verb: Token, roles: dict[str, list[Span]]) -> None:
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "nsubj" and _nominal(child) and _is_attacker(child):
            _add(roles, "perpetrator_individuals", child)
        elif child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and _nominal(pobj) and (_is_attacker(pobj) or pobj.ent_type_ != "ORG"):
                    _add(roles, "perpetrator_individuals" if _is_attacker(pobj) else "_agents", pobj)
        elif child.dep_ in ("dobj", "nsubjpass") and _nominal(child):
            if _is_person(child) or lemma in _VICTIM_VERBS and child.lemma_.lower() not in WEAPON_NOUNS:
                if _is_person(child):
                    _add(roles, "victims", child)
                elif lemma not in ("shoot",):
                    _add(roles, "physical_targets", child)
            elif child.lemma_.lower() not in WEAPON_NOUNS:
                _add(roles, "physical_targets", child)
        elif child.dep_ == "prep" and child.lower_ in ("with", "using"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in WEAPON_NOUNS:
                    _add(roles, "weapons", pobj)


def _noun_slots(noun: Token, roles: dict[str, list[Span]]) -> None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "against"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and _nominal(pobj):
                    _add(roles, "victims" if _is_person(pobj) else "physical_targets", pobj)
        elif child.dep_ == "prep" and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and _is_attacker(pobj):
                    _add(roles, "perpetrator_individuals", pobj)


def event_roles(sents: list[Span]) -> dict[str, list[Span]]:
    """Role filler spans of an attack's sentences (see module docstring)."""
    roles: dict[str, list[Span]] = {"perpetrator_individuals": [], "victims": [], "physical_targets": [], "weapons": [], "_agents": []}
    lex = lexicon()
    for sent in sents:
        for token in sent:
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX") and (lemma in _ATTACK_VERBS or casualty_kind(token) is not None):
                _verb_slots(token, roles)
            elif _nominal(token) and lemma in lex.words and lex.words[lemma].type == "attack":
                _noun_slots(token, roles)
            if _nominal(token) and lemma in WEAPON_NOUNS and not any(c.dep_ == "compound" and c.lemma_.lower() in WEAPON_NOUNS for c in token.children if c.i > token.i):
                if token.dep_ != "compound":
                    _add(roles, "weapons", token)
    roles.pop("_agents")
    return roles
