"""Dependency rules for conflict.RelationRules.v1: trigger lexicon, roles, pairs.

A *trigger* is a token whose lemma and part of speech appear in
``patterns/triggers.yaml``.  Every actor mention in the trigger's sentence gets
a *role* relative to the trigger (agent, patient, holder, owner, prep:P ...),
computed from the parse; the rule for the trigger says which roles give the
relation's source and target (or, for symmetric types, its parties).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

from conflictgraph.errors import KnowledgeError
from conflictgraph.models import SYMMETRIC_RELATIONS, Mention

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

TRIGGERS_PATH = Path(__file__).parent / "patterns" / "triggers.yaml"

COPULAS = frozenset({"be", "become", "remain", "serve", "act", "emerge", "seem", "appear", "stay", "turn"})
GENERIC_NOUNS = frozenset({
    "group", "organization", "organisation", "movement", "militia", "outfit", "network", "faction",
    "force", "front", "coalition", "alliance", "umbrella", "entity", "insurgency", "franchise",
})
_SUBJ = frozenset({"nsubj", "csubj"})
# Verbs whose object does what their infinitive says: "Y sent X to attack Z" (X attacks Z).
CONTROL_VERBS = frozenset({
    "send", "order", "deploy", "dispatch", "mobilize", "mobilise", "remobilize", "remobilise", "instruct",
    "direct", "urge", "encourage", "persuade", "force", "command", "task", "commission", "hire", "contract",
})
_OBJ = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
_MOD = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
_POS_CLASS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
_MAX_CLIMB = 10
# Nouns through which an actor still fills its NP's role: "X fighters attacked Y", "leaders of X met Y".
MEMBER_NOUNS = frozenset({
    "fighter", "militant", "member", "force", "troop", "soldier", "commander", "leader", "unit", "official",
    "leadership", "representative", "delegation", "envoy", "negotiator", "spokesman", "spokesperson", "army",
    "operative", "loyalist", "supporter", "jihadist", "rebel", "insurgent", "cadre", "wing", "militia", "side",
    "government", "regime", "authorities", "administration", "ministry",
    # parts of a force: "elements of X", "X battalions"
    "element", "remnant", "battalion", "brigade", "contingent", "detachment", "squad", "column", "rank", "cell",
})
# Nouns for part of a group's membership: "dissident members of X formed Y" says Y split from X.
FACTION_NOUNS = frozenset({
    "member", "dissident", "faction", "veteran", "defector", "rebel", "hardliner", "fighter", "commander", "cadre",
    "militant", "guerrilla", "guerilla", "remnant", "element", "splinter", "ex-member", "breakaway",
})
_PASS_THROUGH = frozenset({"conj", "appos", "flat", "cc", "pobj"})
# Places and assets of an actor that stand for it as a target: "attacked an X checkpoint", "Y's base".
TARGET_NOUNS = frozenset({
    "checkpoint", "base", "headquarters", "position", "stronghold", "camp", "convoy", "outpost", "office",
    "compound", "patrol", "post", "garrison", "barracks", "territory", "hideout", "facility", "bastion", "control",
})
# Verbs that take a relational noun as object and lend it their subject:
# "X formed an alliance with Y", "X and Y signed an agreement", "X announced its merger with Y".
LIGHT_VERBS = frozenset({
    "form", "forge", "create", "establish", "build", "make", "enter", "sign", "seal", "announce", "declare",
    "have", "maintain", "develop", "strike", "conclude", "reach", "launch", "conduct", "carry", "stage",
    "mount", "wage", "begin", "start", "continue", "deepen", "strengthen", "renew", "cement",
    "engage", "participate", "share", "enjoy", "pursue", "keep", "restore", "resume", "formalize",
    "formalise", "agree", "initiate", "hold", "open",
})
# Verbs whose subject takes its object in as what the "as" phrase says: "Y accepted X as an affiliate".
ACCEPTING_VERBS = frozenset({"accept", "recognize", "recognise", "welcome", "acknowledge", "admit", "approve",
                             "induct", "appoint", "anoint", "confirm"})
# Verbs whose subject becomes what their "as" phrase says: "X joined Y as an affiliate".
JOINING_VERBS = frozenset({"join", "rejoin", "merge", "enter", "integrate", "fold"})
# Verbs of receiving: "X received training from Y" says Y gives, X gets ("from" names the giver).
RECEIVING_VERBS = frozenset({"receive", "get", "obtain", "accept", "secure", "gain", "enjoy"})
# Prepositions that attach a relational noun to a clause as its manner: "X, in alliance with Y, ...".
_MANNER_PREPS = frozenset({"in", "through", "under"})
# Verbs whose object is the product of a merger or split: "merged to form Z", "split off to found Z".
PRODUCT_VERBS = frozenset({"form", "found", "create", "establish", "launch", "become", "start", "set", "re-form",
                           "reform", "build"})
# Words that stand for "the two parties of this relation": "fought alongside each other".
_EXAMPLE_PREPS = frozenset({"including", "like", "notably", "especially"})
_NAMING_VERBS = frozenset({"call", "name", "dub", "know", "title"})
# Verbs of describing: in "S describes X as a Y of Z" the subject S only says so.
DESCRIBING_VERBS = frozenset({
    "describe", "call", "label", "brand", "consider", "regard", "view", "see", "characterize", "characterise",
    "portray", "depict", "present", "classify", "list", "identify", "term", "dub", "paint", "cast",
})
_QUANTIFIER_HEADS = frozenset({"one", "some", "many", "several", "each", "any", "part", "most", "member"})
# Verbs saying what a force is made of: in "a force that included X fighters attacked Z", "a unit
# made up of X and Y", X and Y fill the role of the force.
COMPOSING_VERBS = frozenset({"include", "comprise", "consist", "compose", "contain", "encompass", "make"})


@dataclass(frozen=True, slots=True)
class TriggerRule:
    type: str
    pos: str
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()
    requires_any: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    target_kinds: frozenset[str] = frozenset()  # restricts the target actor kind ("X left Y": Y a group)
    not_objects: frozenset[str] = frozenset()  # direct objects that rule the trigger out

    @property
    def symmetric(self) -> bool:
        return self.type in SYMMETRIC_RELATIONS


@dataclass(frozen=True, slots=True)
class Filler:
    """An actor mention placed in a sentence: its head token and its coordination group."""

    mention: Mention
    token: Token
    group: int  # fillers sharing a group are coordinated ("X and Y", "both groups")
    extra_evidence: tuple[tuple[int, int], ...] = ()  # antecedent sentence for pronouns


@lru_cache(maxsize=1)
def load_rules(path: Path = TRIGGERS_PATH) -> dict[tuple[str, str], tuple[TriggerRule, ...]]:
    """Index the trigger lexicon by (lemma, part of speech)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as e:
        raise KnowledgeError(f"Cannot read relation triggers {path}: {e}. Restore the file from the repository.") from e
    index: dict[tuple[str, str], list[TriggerRule]] = {}
    for entry in raw:
        rule = TriggerRule(
            type=entry["type"], pos=entry["pos"],
            source=tuple(entry.get("source") or ()), target=tuple(entry.get("target") or ()),
            parties=tuple(entry.get("parties") or ()),
            objects=frozenset(str(o).lower() for o in entry.get("object") or ()),
            requires_any=frozenset(str(o).lower() for o in entry.get("requires_any") or ()),
            kinds=frozenset(entry.get("kinds") or ()),
            target_kinds=frozenset(entry.get("target_kinds") or ()),
            not_objects=frozenset(str(o).lower() for o in entry.get("not_object") or ()),
        )
        for lemma in entry["lemmas"]:
            index.setdefault((str(lemma).lower(), rule.pos), []).append(rule)
    return {key: tuple(rules) for key, rules in index.items()}


def trigger_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemma, _ in load_rules())


def rules_for(token: Token) -> tuple[TriggerRule, ...]:
    pos = _POS_CLASS.get(token.pos_)
    if pos is None:
        return ()
    rules = load_rules()
    found = rules.get((token.lemma_.lower(), pos)) or rules.get((token.lower_, pos)) or ()
    if not found:
        found = rules.get((typo_lemma(token) or "", pos)) or ()
    if pos == "VERB" and token.tag_ == "VBN" and (not found or token.dep_ == "amod"):
        # "-backed", "-designated" participles; "coordinated attacks" reads as the adjective
        found = rules.get((token.lower_, "ADJ")) or found
    return tuple(rule for rule in found if _constraints_hold(token, rule))


_TYPO_MIN = 7  # shorter words swap into other real words too often ("trial"/"trail")


def typo_lemma(token: Token) -> str | None:
    """A trigger lemma two swapped neighbouring letters away from the word or its lemma: analysts'
    typos ("began coopreating with Y", lemmatised "coopreate") still state the relation."""
    pos = _POS_CLASS.get(token.pos_)
    if pos is None:
        return None
    rules = load_rules()
    for word in (token.lemma_.lower(), token.lower_):
        if len(word) < _TYPO_MIN or not word.isalpha():
            continue
        for i in range(1, len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
            if swapped != word and (swapped, pos) in rules:
                return swapped
    return None


def rules_for_lemma(token: Token) -> tuple[TriggerRule, ...]:
    """Rules for the token's lemma under any part of speech, verbs first (parse-free fallback)."""
    rules = load_rules()
    found: list[TriggerRule] = []
    for pos in ("VERB", "NOUN", "ADJ"):
        # constrained rules need the parse ("X is a member of Y" is no "X attacked members of Y")
        found.extend(r for r in rules.get((token.lemma_.lower(), pos), ())
                     if not (r.objects or r.requires_any or r.kinds) and not _excluded_object(token, r))
    return tuple(found)


def _excluded_object(token: Token, rule: TriggerRule) -> bool:
    return bool(rule.not_objects) and any(c.dep_ == "dobj" and c.lemma_.lower() in rule.not_objects
                                          for c in token.children)


def _constraints_hold(token: Token, rule: TriggerRule) -> bool:
    if _excluded_object(token, rule):
        return False
    if rule.objects:
        objects = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "oprd", "attr", "xcomp", "ccomp", "acomp")}
        objects |= {c.lower_ for c in token.children if c.dep_ in ("dobj", "oprd", "attr")}
        if token.dep_ in ("amod", "compound") and rule.pos == "VERB":
            objects.add(token.head.lemma_.lower())
        if not objects & rule.objects:
            return False
    if rule.requires_any:
        near = {c.lemma_.lower() for c in token.children} | {c.lower_ for c in token.children}
        if any(c.i + 1 < len(c.doc) and _along_side(c.doc[c.i + 1]) for c in token.children):
            near.add("alongside")  # "fought along side Y"
        if any(companion_with(c) for c in token.children):
            near.add("alongside")  # "attacked Z together with Y", "fought jointly with Y"
        if not near & rule.requires_any:
            return False
    return True


# ----------------------------------------------------------------- roles ---

def np_root(token: Token) -> Token:
    """Climb compound/flat edges to the head of the noun phrase."""
    steps = 0
    while token.dep_ in ("compound", "flat") and token.head != token and steps < _MAX_CLIMB:
        token = token.head
        steps += 1
    return token


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJ:
            return child
    return None


def _inherited_agent(verb: Token, depth: int = 0) -> Token | None:
    """Subject of a verb, inherited through xcomp/advcl/conj/relcl when it has none."""
    subject = _subject(verb)
    if subject is not None and subject.dep_ == "csubj" and subject.tag_ == "VBG":
        # misparse "X being a Y group developed ...": the gerund's own subject is the verb's
        subject = next((c for c in subject.children if c.dep_ == "nsubj"), subject)
    if subject is not None and _called_for(verb):
        subject = None  # "X called for all Muslims to fight Y": the call states X's hostility, as "called on" does
    if subject is None and depth > 0:  # "X was created to combat Y", "X is believed to have worked with Y"
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ not in _RELATIVE:
        return subject
    if depth > 4 or verb.head == verb:
        return None
    if verb.dep_ == "relcl" or (subject is not None and verb.dep_ in ("relcl", "acl")):
        return verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return _message_author(verb.head) or verb.head
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.head.dep_ == "acl":
        return verb.head.head  # misparse "X, composed of Z, split from Y": the finite verb is X's predicate
    if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in CONTROL_VERBS:
        controlled = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if controlled is not None:  # "Y mobilized X to fight Z": X fights
            return controlled
    judged = _judged_doer(verb)
    if judged is not None:
        return judged
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "ccomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _inherited_agent(verb.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.pos_ in ("ADP", "SCONJ") and verb.head.head.pos_ in ("VERB", "AUX") \
            and verb.head.head != verb.head:  # "X was driven out after fighting with Y": X fought
        return _inherited_agent(verb.head.head, depth + 1)
    return None


def _judged_doer(gerund: Token) -> Token | None:
    """ "Y accused X of backing Z", "Y denounces X as apostates for negotiating with Z", "whom Y blames for
    ...": a gerund after "of / for" on a verb with a direct object says what the object did."""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or prep.lower_ not in ("of", "for") \
            or prep.head.pos_ != "VERB" or prep.head == prep:
        return None
    verb = prep.head
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if obj.lower_ in _RELATIVE:
        return verb.head if verb.dep_ == "relcl" else None
    return obj


# Messages whose author says what a participle on them says: "X issued a statement calling for ...".
_MESSAGE_NOUNS = frozenset({"statement", "message", "video", "communique", "communiqué", "recording", "fatwa",
                            "declaration", "speech", "sermon", "letter", "post", "tweet", "audio", "leaflet"})


def _message_author(noun: Token) -> Token | None:
    """The subject of the verb that issues a message noun ("X released a video praising Y" -> X)."""
    if noun.lemma_.lower() not in _MESSAGE_NOUNS or noun.dep_ != "dobj":
        return None
    author = _subject(noun.head)
    return author if author is not None and author.lower_ not in _RELATIVE else None


# Verbs of calling on others to act: "X called / appealed for Y to do Z".
_CALLING_VERBS = frozenset({"call", "appeal", "plead"})


def _called_for(verb: Token) -> bool:
    """Whether a "for ... to" clause is what a calling verb asks for ("calling for all Sunnis to fight Y")."""
    return verb.dep_ in ("advcl", "xcomp", "ccomp") and verb.head.lemma_.lower() in _CALLING_VERBS \
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


def noun_holder(noun: Token) -> Token | None:
    """What a relational noun or adjective describes ("X, an offshoot of Y" -> X)."""
    head = noun.head
    dep = noun.dep_
    if head == noun:
        return None
    if dep == "appos" or dep in ("compound", "amod", "nmod"):
        return np_root(head) if dep != "appos" else head
    if dep in ("attr", "acomp") and head.lemma_ in COPULAS:
        return _subject(head) or next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if dep == "pobj" and head.lower_ in ("as", "into") and head.head != head:
        verb = head.head
        if head.lower_ == "as" and verb.lemma_.lower() in JOINING_VERBS:
            return _subject(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if (obj is None or obj.lower_ in _RELATIVE) and verb.dep_ == "relcl":
            return verb.head  # "X, a group that officials describe as a front for Y"
        if obj is None and verb.lemma_.lower() in DESCRIBING_VERBS:
            return None  # "officials describe it as ...": who describes is a speaker, not the holder
        return obj or _subject(verb)
    if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _QUANTIFIER_HEADS \
            and head.head != noun:  # "X, one of Y's rivals" / "X is one of the founders of Y"
        quantifier = head.head
        return noun_holder(quantifier) if quantifier.dep_ in ("appos", "attr", "conj") else None
    if dep == "oprd":
        return next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None) or _subject(head)
    if dep == "conj":
        return None if list_item_noun(noun) else noun_holder(head)
    if dep == "relcl":
        return head
    return None


def list_item_noun(noun: Token) -> bool:
    """"A, B and the Saharan branch of Y merged": a relational noun coordinated with a name is one more
    item of the list (the branch is a party of its own), not a description of the names before it."""
    return noun.dep_ == "conj" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i


def up_roles(trigger: Token) -> dict[int, str]:
    """Roles of tokens the trigger hangs on (not in its subtree): token index -> role."""
    roles: dict[int, str] = {}
    if trigger.pos_ in ("VERB", "AUX") and not (trigger.tag_ == "VBN" and trigger.dep_ in ("amod", "compound")):
        _verb_up_roles(trigger, roles)
    elif trigger.pos_ in ("VERB", "AUX"):  # participle modifier: "Iranian-backed militia"
        roles[np_root(trigger.head).i] = "patient"
        holder = noun_holder(np_root(trigger.head))
        if holder is not None:
            roles[holder.i] = "patient"
    else:
        _noun_up_roles(trigger, roles)
    if trigger.pos_ in ("VERB", "AUX"):
        _product_roles(trigger, roles)
    if trigger.pos_ == "ADJ" or trigger.lemma_.lower() in ("joint", "combined") \
            or (trigger.dep_ == "amod" and trigger.lower_ in ("coordinated", "concerted")):
        _joint_word_roles(trigger, roles)
    return _spread(trigger, roles)


def _verb_up_roles(trigger: Token, roles: dict[int, str]) -> None:
    """A verb's subject taken from above (control, conjunction), the noun a participle or relative clause
    modifies, and what a generic or list noun there stands for."""
    agent = _inherited_agent(trigger)
    if agent is not None and not trigger.is_ancestor(agent):
        roles[agent.i] = "patient" if _passive_participle(trigger) else "agent"
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        roles[trigger.head.i] = "patient"
        described = noun_holder(trigger.head) if trigger.head.lemma_.lower() in GENERIC_NOUNS else None
        if described is not None:  # "designates X as an organization associated with Y"
            roles.setdefault(described.i, "patient")
        listed = _listed_entity(trigger.head)
        if listed is not None:  # "X was added to the list of groups linked to Y"
            roles.setdefault(listed.i, "patient")
    subject = _subject(trigger)
    passive_rel = next((c for c in trigger.children if c.dep_ == "nsubjpass" and c.lower_ in _RELATIVE), None)
    if passive_rel is not None and trigger.dep_ == "relcl":
        roles[trigger.head.i] = "patient"
    elif subject is None and trigger.dep_ == "relcl":
        roles.setdefault(trigger.head.i, "agent")


def _noun_up_roles(trigger: Token, roles: dict[int, str]) -> None:
    """A relational noun's holder, then the roles the phrase around the noun gives (in this order: the
    first role a token gets is kept)."""
    holder = noun_holder(trigger)
    if holder is not None:
        roles[holder.i] = "holder"
        outer = noun_holder(holder) if holder.lemma_.lower() in GENERIC_NOUNS else None
        if outer is not None:  # "X, a Y-backed group" / "X is the Y affiliate group"
            roles[outer.i] = "holder"
    _commanded_roles(trigger, roles)  # before the light verb's clause_agent: "under" makes it ``commanded``
    _light_verb_roles(trigger, roles)
    _backed_roles(trigger, roles)
    _history_roles(trigger, roles)
    _united_front_roles(trigger, roles)
    _intransitive_roles(trigger, roles)
    _generic_head_owner(trigger, roles)
    _generic_head_for(trigger, roles)
    _as_phrase_owner(trigger, roles)
    _accepted_pledge_roles(trigger, roles)
    _merger_product(trigger, roles)


def _joint_word_roles(trigger: Token, roles: dict[int, str]) -> None:
    """ "joint", "combined", "coordinated" (or an adjective trigger): the subject of the clause they sit in
    acts together with the others, and the noun they modify may be shared."""
    clause = trigger.head.head if trigger.dep_ == "amod" else trigger.head
    if clause.pos_ in ("VERB", "AUX"):
        agent = _inherited_agent(clause)
        if agent is not None:
            roles.setdefault(agent.i, "clause_agent")
    if trigger.dep_ == "amod" and trigger.head.pos_ == "NOUN":
        _shared_noun_roles(trigger.head, roles)


def _listed_entity(noun: Token) -> Token | None:
    """What a verb puts on a list of groups: "X was added to the list of organizations linked to Y",
    "the UN placed X on its list of entities associated with Y" -> X."""
    if noun.lemma_.lower() in GENERIC_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    if noun.lemma_.lower() != "list" or noun.dep_ != "pobj" or noun.head.lower_ not in ("to", "on", "onto"):
        return None
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)


def _as_phrase_owner(noun: Token, roles: dict[int, str]) -> None:
    """The other end of a relational noun in an "as" phrase: "Y accepted X as an affiliate" (Y, who
    accepts), "X joined Y as an affiliate", "X merged into Y as a branch" (Y, what is joined)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "as" or prep.head.pos_ not in ("VERB", "AUX"):
        return
    verb = prep.head
    lemma = verb.lemma_.lower()
    other = None
    if lemma in ACCEPTING_VERBS:
        other = _subject(verb) or next((g for c in verb.children if c.dep_ == "agent"
                                         for g in c.children if g.dep_ == "pobj"), None)
    elif lemma in JOINING_VERBS:
        other = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
            (g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("into", "with")
             for g in c.children if g.dep_ == "pobj"), None)
    if other is not None and other.lower_ not in _RELATIVE:
        roles.setdefault(other.i, "owner")


# Verbs whose subject comes out of the merger named in their "by/from/through" phrase
# ("Z was formed by the merger of X and Y", "Z emerged from the merger of X and Y").
_EMERGING_VERBS = frozenset({"emerge", "arise", "result", "come", "grow", "spring", "bear"})
_OUT_OF = frozenset({"by", "from", "through", "out", "via"})
# Nouns naming what a merger yields: "Z was the product of a merger between X and Y".
_OUTCOME_NOUNS = frozenset({"product", "result", "outcome", "fruit"})


def _merger_product(noun: Token, roles: dict[int, str]) -> None:
    """The group a merger noun yields is a party of the merger: "Z was formed by / emerged from the
    merger of X and Y", "the merger of X and Y created Z", "Z was the product of a merger between X and Y"."""
    if not any(r.type == "merged_with" for r in rules_for(noun)):
        return
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "out":
        head = head.head  # "born out of the merger"
    product = None
    if noun.dep_ == "nsubj" and head.lemma_.lower() in PRODUCT_VERBS | {"produce", "yield", "give", "birth"}:
        product = next((c for c in head.children if c.dep_ == "dobj"), None)
    elif noun.dep_ == "pobj" and head.lower_ in _OUT_OF and head.head.pos_ in ("VERB", "AUX") \
            and head.head.lemma_.lower() in PRODUCT_VERBS | _EMERGING_VERBS:
        product = next((c for c in head.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    elif noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _OUTCOME_NOUNS:
        product = noun_holder(head.head)
    if product is not None and product.lower_ not in _RELATIVE:
        roles.setdefault(product.i, "product")


def _accepted_pledge_roles(noun: Token, roles: dict[int, str]) -> None:
    """"Y accepted X's pledge of allegiance", "Y accepted the allegiance of X", "X's oath was accepted by
    Y": Y is who the allegiance goes to, X who gives it."""
    if not any(r.type == "allegiance_to" for r in rules_for(noun)):
        return
    phrase = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    phrase = phrase.head if phrase is not noun else noun
    verb = phrase.head
    if phrase.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in ACCEPTING_VERBS:
        return
    accepting = _subject(verb) if phrase.dep_ == "dobj" else next(
        (g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if accepting is None:
        return
    roles[accepting.i] = "prep:to"  # not the clause agent of a receiving verb: it takes the pledge
    for part in (phrase, noun):
        for child in part.children:
            if child.dep_ == "poss":
                roles.setdefault(child.i, "owner")
            elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for giver in child.children:
                    if giver.dep_ == "pobj" and giver != noun:
                        roles.setdefault(giver.i, "owner")


def _generic_head_owner(noun: Token, roles: dict[int, str]) -> None:
    """A relational noun modifying a generic noun takes that noun's possessor as its owner:
    "its new affiliate group" -> its is the parent, the group the holder; so is a name before it
    in the same compound ("a Y splinter group")."""
    head = noun.head
    if noun.dep_ != "compound" or head.lemma_.lower() not in GENERIC_NOUNS:
        return
    for child in head.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN" and child.i < noun.i):
            roles.setdefault(child.i, "owner")


def _generic_head_for(noun: Token, roles: dict[int, str]) -> None:
    """ "an umbrella group for Y" / "... for what became Y": the "for" phrase on the generic noun a
    relational noun modifies is the trigger's own."""
    head = noun.head
    if noun.dep_ != "compound" or head.lemma_.lower() not in GENERIC_NOUNS:
        return
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for obj in prep.children:
            named = _free_relative_name(obj) if obj.dep_ == "pcomp" else obj if obj.dep_ == "pobj" else None
            if named is not None:
                roles.setdefault(named.i, "prep:for")


def _free_relative_name(verb: Token) -> Token | None:
    """ "what became / what is now Y" names Y under its later name."""
    if verb.lemma_.lower() not in ("become", "be") or not any(c.dep_ == "nsubj" and c.lower_ == "what"
                                                               for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "attr"), None)


def _intransitive_roles(noun: Token, roles: dict[int, str]) -> None:
    """Parties named on the verb a relational noun is the subject of: "tensions arose between X and Y",
    "fighting broke out between X and Y", "a rivalry grew with Y"."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "dobj" for c in verb.children):
        return
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("between", "among", "with", "against"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    roles.setdefault(obj.i, f"prep:{prep.lower_}")


def _shared_noun_roles(noun: Token, roles: dict[int, str]) -> None:
    """Partners named on the noun a "joint" word modifies: "took part in a joint offensive with Y",
    "a joint operation between X and Y"; the clause's subject comes from the light verb."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "between", "by", "alongside"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    roles.setdefault(obj.i, f"prep:{prep.lower_}")
    _light_verb_roles(noun, roles)


def _light_verb_roles(noun: Token, roles: dict[int, str]) -> None:
    """Subject and prepositions of the verb a relational noun is the object of.

    "X formed an alliance with Y", "X and Y signed an agreement", "X, in
    cooperation with Y, attacked Z": the verb's subject takes the role
    ``clause_agent`` and the verb's own "with"/"against" objects their prep roles.
    """
    verb = _light_verb(noun, roles)
    if verb is None:
        return
    agent = _inherited_agent(verb)
    if agent is None and verb.lemma_.lower() == "involve":  # "X and Y were involved in an attack"
        agent = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is not None and not noun.is_ancestor(agent):
        roles.setdefault(agent.i, "clause_agent")
    if noun.dep_ == "dobj":
        _light_verb_prep_roles(verb, roles)


def _light_verb(noun: Token, roles: dict[int, str]) -> Token | None:
    """The verb whose subject acts through the noun ("formed an alliance", "in cooperation with", "took part
    in the attack", "responsible for it"). A manner phrase hung on the subject itself makes that subject the
    ``clause_agent`` at once (no verb to return)."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") \
            and head.lemma_.lower() in LIGHT_VERBS | RECEIVING_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ in _MANNER_PREPS and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in _TAKING_PART:
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _RESPONSIBLE:
        return _clause_verb(head.head)  # "X is responsible for the attack", "X claimed responsibility for it"
    if noun.dep_ == "pobj" and head.lower_ in _MANNER_PREPS and head.head.dep_ in ("nsubj", "nsubjpass") \
            and head.dep_ == "prep":  # "X, in cooperation with Y, attacked Z" with the phrase hung on X
        roles.setdefault(head.head.i, "clause_agent")
    return None


def _light_verb_prep_roles(verb: Token, roles: dict[int, str]) -> None:
    """The light verb's own "with"/"against"/... objects (and "from" after a receiving verb) take their prep
    roles; "at" takes only a target noun ("carried out attacks at the headquarters of Y")."""
    preps = {"with", "against", "between", "alongside", "on"}
    if verb.lemma_.lower() in RECEIVING_VERBS:
        preps.add("from")
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    roles.setdefault(obj.i, f"prep:{prep.lower_}")
        elif prep.dep_ == "prep" and prep.lower_ == "at":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in TARGET_NOUNS:
                    roles.setdefault(obj.i, "prep:at")


def _passive_participle(verb: Token) -> bool:
    """A bare past participle clause ("X attacked the town, aided by Y", "Backed by Y, X ...") is passive:
    the subject it shares with its clause is what it is done to. "Having attacked Y" (an auxiliary) is active."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children)


# Nouns of backing that a "with" phrase lends to its clause: "X attacked Z with Y's support / with help from Y".
BACKING_NOUNS = frozenset({"help", "support", "backing", "assistance", "aid", "blessing", "funding", "financing",
                           "sponsorship"})


def backing_phrase(noun: Token) -> bool:
    """Whether a noun of backing is the object of "with" ("with help from Y", "with the backing of Y")."""
    return noun.lemma_.lower() in BACKING_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "with"


def _backed_roles(noun: Token, roles: dict[int, str]) -> None:
    """Who a "with" phrase of backing helps: the actor of the clause it hangs on ("X carried out the attack
    with help from Y", "X, with the backing of Y, attacked Z"); the role is ``backed``."""
    if not backing_phrase(noun):
        return
    backed = _backed_actor(noun.head.head)
    if backed is not None and not noun.is_ancestor(backed):
        roles.setdefault(backed.i, "backed")


def _backed_actor(head: Token) -> Token | None:
    if head.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("NOUN", "PROPN"):
        return head  # the phrase set off on the subject: "X, with Y's support, attacked Z"
    token = head
    for _ in range(3):  # "with" on the verb or on its object: "attacked the base with help from Y"
        if token.pos_ in ("VERB", "AUX"):
            by_agent = next((o for c in token.children if c.dep_ == "agent" for o in c.children
                             if o.dep_ == "pobj"), None)
            return _inherited_agent(token) or by_agent  # "Z was attacked by X with Y's backing": X
        if token.head == token:
            return None
        token = token.head
    return None


# Nouns of command that put a group below another in an "under" phrase: "X operates under the command of Y".
COMMAND_NOUNS = frozenset({"command", "control", "direction", "leadership", "authority", "orders", "order",
                           "tutelage", "supervision"})


def _commanded_roles(noun: Token, roles: dict[int, str]) -> None:
    """Who is under a command noun's phrase: the actor of the clause ("X operates / is under the command of
    Y", "X, under Y's control, attacked Z"); the role is ``commanded``. Only "under": "X is in command /
    in control of Y" says the reverse."""
    if noun.lemma_.lower() not in COMMAND_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "under":
        return
    head = noun.head.head
    if head.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("NOUN", "PROPN"):
        roles.setdefault(head.i, "commanded")  # the phrase set off on the subject
    elif head.pos_ in ("VERB", "AUX"):
        agent = _inherited_agent(head) or next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if agent is not None and not noun.is_ancestor(agent):
            roles.setdefault(agent.i, "commanded")


# Nouns of a past pattern that lend their clause to the tie they are "of": "X and Y have a history of cooperation".
HISTORY_NOUNS = frozenset({"history", "record", "tradition", "legacy", "pattern", "experience", "decade", "year"})
# Words that make a front a shared stand: "X and Y formed / presented a united front".
_UNITED_WORDS = frozenset({"united", "unified", "common", "joint", "single"})


def _history_roles(noun: Token, roles: dict[int, str]) -> None:
    """The parties of a tie noun under a history noun: "X and Y have a long history of cooperation",
    "X has a tradition of collaboration with Y" (the history noun's light verb lends its subject)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in HISTORY_NOUNS:
        _light_verb_roles(head.head, roles)


def _united_front_roles(noun: Token, roles: dict[int, str]) -> None:
    """Who stands in a united front: the subject of any verb it is the object of ("X and Y presented /
    put up / formed a united front")."""
    if noun.lemma_.lower() != "front" or noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX"):
        return
    if not any(c.dep_ == "amod" and c.lower_ in _UNITED_WORDS for c in noun.children):
        return
    agent = _inherited_agent(noun.head)
    if agent is not None:
        roles.setdefault(agent.i, "clause_agent")


# Verbs whose subject takes part in the act named by their "in" phrase: "X was involved in an attack on Y".
_TAKING_PART = frozenset({"participate", "engage", "join", "involve", "take"})
# Words that make their clause's subject the agent of the act they are "for".
_RESPONSIBLE = frozenset({"responsible", "responsibility", "credit", "culpable", "behind"})


def _clause_verb(token: Token) -> Token | None:
    """The verb whose clause a word sits in ("is responsible", "claimed responsibility")."""
    steps = 0
    while token.pos_ not in ("VERB", "AUX") and token.head != token and steps < 3:
        token = token.head
        steps += 1
    return token if token.pos_ in ("VERB", "AUX") else None


def _product_roles(verb: Token, roles: dict[int, str]) -> None:
    """The group a merger or split produces: "X merged with Y to form Z", "X split off, forming Z";
    also a product clause beside the trigger's own clause: "W led members to split from Y, forming Z"."""
    children = list(verb.children)
    if verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        children += [c for c in verb.head.children if c.i > verb.i and c.dep_ == "advcl"]
    for child in children:
        if child.dep_ in ("advcl", "xcomp", "conj") and child.lemma_.lower() in PRODUCT_VERBS:
            obj = next((c for c in child.children if c.dep_ in ("dobj", "attr", "oprd")), None)
            if obj is not None:
                roles.setdefault(obj.i, "product")
        elif child.dep_ in ("advcl", "conj") and child.lemma_.lower() in _SELF_NAMING_VERBS:
            name = _self_name(child)
            if name is not None:  # "a faction of Y broke away and renamed itself Z"
                roles.setdefault(name.i, "product")


_SELF_NAMING_VERBS = frozenset({"rename", "call", "name", "dub", "style", "rebrand"})
_REFLEXIVES = frozenset({"itself", "themselves"})


def _self_name(verb: Token) -> Token | None:
    """The name in "renamed itself Z", "called themselves Z", "rebranded itself as Z"."""
    if not any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in verb.children):
        return None
    name = next((c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp", "ccomp")), None)
    if name is None:
        name = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                     for g in c.children if g.dep_ == "pobj"), None)
    return name


def _spread(trigger: Token, roles: dict[int, str]) -> dict[int, str]:
    """A generic noun in a role passes it to the actor it names ("the group, X")."""
    doc = trigger.doc
    extra: dict[int, str] = {}
    for i, role in roles.items():
        token = doc[i]
        if token.dep_ == "appos":
            extra.setdefault(token.head.i, role)
        for child in token.children:
            if child.dep_ == "appos":
                extra.setdefault(child.i, role)
            elif child.dep_ == "acl" and child.lemma_.lower() in _NAMING_VERBS and token.lemma_.lower() in GENERIC_NOUNS:
                for name in child.children:  # "a new group called Z"
                    if name.dep_ in ("oprd", "attr", "xcomp", "dobj"):
                        extra.setdefault(name.i, role)
        name = _name_after_place(token)
        if name is not None:
            extra.setdefault(name.i, role)
        member = _one_of_kind(token)
        if member is not None:
            extra.setdefault(member.i, role)
    return {**extra, **roles}


def _one_of_kind(noun: Token) -> Token | None:
    """ "X, one of the factions that merged into Y": the plural group noun's role is X's."""
    if noun.tag_ != "NNS" or noun.lemma_.lower() not in GENERIC_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    return noun_holder(noun)


def _name_after_place(noun: Token) -> Token | None:
    """"a new group in Northern Region, Z": the parser hangs the name Z on the place, but a place
    takes no name in apposition; Z names the generic noun."""
    if noun.lemma_.lower() not in GENERIC_NOUNS:
        return None
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "for"):
            continue
        for place in prep.children:
            if place.dep_ == "pobj" and place.ent_type_ in ("GPE", "LOC"):
                name = next((c for c in place.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                             and c.ent_type_ not in ("GPE", "LOC")), None)
                if name is not None:
                    return name
    return None


def down_role(trigger: Token, token: Token) -> str | None:
    """Role of a token inside the trigger's subtree, from the edge below the trigger."""
    path = _path_below(trigger, token)
    if path is None:
        return None
    special = _path_role(trigger, path)
    if special is not None:
        return special
    if not _transparent(path):
        return None
    return _edge_role(trigger, token, path)


def _path_below(trigger: Token, token: Token) -> list[Token] | None:
    """The tokens from ``token`` up to (not including) the trigger; None when the climb does not reach it
    within ``_MAX_CLIMB`` steps or the token is the trigger."""
    path: list[Token] = []
    current = token
    while current != trigger and current.head != current and len(path) < _MAX_CLIMB:
        path.append(current)
        current = current.head
    return path if current == trigger and path else None


def _path_role(trigger: Token, path: list[Token]) -> str | None:
    """Roles the whole path decides, before the edge below the trigger is looked at (the path may be opaque)."""
    if _owner_of_attack_in(trigger, path):
        return "agent"
    if _enemy_inside_companions(trigger, path):
        return "prep:against"
    split = _split_alongside(trigger, path) or _raised_object(trigger, path)
    if split is not None:
        return split
    if _helped_subject(trigger, path):
        return "patient"
    return None


def _edge_role(trigger: Token, token: Token, path: list[Token]) -> str | None:
    """Role from the dependency of the path's top token (the trigger's child) on the trigger."""
    child = path[-1]
    below = list(reversed(path[:-1]))
    dep = child.dep_
    is_verb = trigger.pos_ in ("VERB", "AUX")
    listed = _list_after_prep(trigger, child)
    if listed is not None:
        return listed
    if dep in ("xcomp", "advcl") and is_verb and child.pos_ in ("VERB", "AUX"):
        inner = down_role(child, token)
        return inner if inner in ("patient",) or (inner or "").startswith("prep:") else None
    if dep == "agent":
        return "agent"
    if dep == "appos" and not is_verb:
        return "holder"  # "its newest affiliate, X", "Y's armed wing, the Z Brigades": X, Z are what the noun names
    if dep in _SUBJ:
        return "agent"
    if dep == "prep":
        if not is_verb and child.lower_ != "by" and any(t.dep_ == "prep" and t.lower_ == "by" for t in below):
            return "prep:by"  # "reprisals on Y positions by X": the "by" phrase names the actor
        return _prep_role(child, below)
    if dep in ("dobj", "attr", "oprd", "advmod", "prt", "npadvmod", "dative", "acomp") and below:
        nested = next((t for t in below if t.dep_ == "prep" and not _naming(t, t.head)
                       and not example_prep(t)), None)
        if nested is not None and nested.lower_ != "of":
            return _prep_role(nested, [])
    if dep in _OBJ:
        return "patient"
    if dep in _MOD:
        return "agent" if is_verb else "owner"
    return None


def _list_after_prep(trigger: Token, child: Token) -> str | None:
    """ "fought alongside X troops, Y soldiers and Z": the parser hangs the later items of the list on
    the verb (npadvmod) after a comma; they share the preposition of the first item, not the subject's role."""
    if child.dep_ != "npadvmod" or child.left_edge.i < 2 or child.doc[child.left_edge.i - 1].lower_ != ",":
        return None
    before = child.left_edge.i - 2
    prep = next((p for p in trigger.children if p.dep_ == "prep" and p.i < child.i
                 and any(o.dep_ == "pobj" and o.right_edge.i == before for o in p.children)), None)
    return _prep_role(prep, []) if prep is not None else None


def _helped_subject(trigger: Token, path: list[Token]) -> bool:
    """"X helped Y escape", "X enabled Y to regroup": the subject of the helping verb's
    complement clause is who is helped."""
    if trigger.lemma_.lower() not in _HELPING_VERBS or len(path) < 2 or path[-1].dep_ not in ("ccomp", "xcomp"):
        return False
    return path[-2].dep_ == "nsubj" and _transparent(path[:-1])


def _split_alongside(trigger: Token, path: list[Token]) -> str | None:
    """"fought along side Y against Z", spelled in two words: the parser hangs Y on the verb or
    on "side" as a noun; Y right after "along side" is a companion, Z under "side" the enemy."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    doc = trigger.doc
    first = path[0].left_edge.i
    if first >= 2 and _along_side(doc[first - 1]) \
            and trigger.is_ancestor(doc[first - 1]):
        return "prep:alongside"
    child = path[-1]
    if _along_side(child) and len(path) >= 3 \
            and path[-2].dep_ == "prep" and path[-2].lower_ == "against" and _transparent(path[:-1]):
        return "prep:against"
    return None


# Prepositions an analyst leaves before "and" for the next conjunct's object ("fought with and against Y").
_STRANDED_PREPS = frozenset({"alongside", "beside", "with", "against", "behind", "for"})


def _raised_object(trigger: Token, path: list[Token]) -> str | None:
    """"X trained alongside and received funds from Y": a preposition left without its object before
    "and" shares the object of the next conjunct's preposition (Y is who X trained alongside)."""
    if trigger.pos_ not in ("VERB", "AUX") or len(path) < 3 or path[-1].dep_ != "conj" or path[-2].dep_ != "prep":
        return None
    conjunct = path[-1]
    stranded = next((c for c in trigger.children if c.lower_ in _STRANDED_PREPS and c.dep_ in ("advmod", "prep", "prt")
                     and c.i < conjunct.i and not any(g.dep_ == "pobj" for g in c.children)
                     and c.i + 1 < len(c.doc) and c.doc[c.i + 1].dep_ == "cc"), None)
    if stranded is None or not _transparent(path[:-1]):
        return None
    return f"prep:{stranded.lower_}"


def _along_side(token: Token) -> bool:
    """Is the token the "side" of "along side" (alongside spelled in two words)?"""
    return token.lower_ == "side" and token.i > 0 and token.doc[token.i - 1].lower_ == "along"


def _enemy_inside_companions(trigger: Token, path: list[Token]) -> bool:
    """"X fought alongside A, B and C against Y" with "against Y" parsed under C: Y is the enemy."""
    if trigger.pos_ not in ("VERB", "AUX") or path[-1].dep_ != "prep" or path[-1].lower_ not in ("alongside", "beside", "with"):
        return False
    against = next((i for i, t in enumerate(path[:-1]) if t.dep_ == "prep" and t.lower_ == "against"), None)
    return against is not None and _transparent(path[:against + 1])


def _owner_of_attack_in(trigger: Token, path: list[Token]) -> bool:
    """"Y was killed in an X attack", "Y died in X's bombing": X, owner of the attack noun that a
    passive verb happened in, is its agent."""
    if trigger.pos_ not in ("VERB", "AUX") or len(path) < 3 or path[-1].lower_ not in ("in", "during", "by"):
        return False
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children):
        return False
    noun, owner = path[-2], path[-3]
    if noun.dep_ != "pobj" or owner.dep_ not in ("poss", "compound", "amod", "nmod"):
        return False
    if any(t.dep_ not in ("compound", "flat", "conj") for t in path[:-3]):
        return False
    return any(r.type == "fights" for r in load_rules().get((noun.lemma_.lower(), "NOUN"), ()))


def _transparent(path: list[Token]) -> bool:
    """Whether an actor deep in an argument still fills it (not "the Iranian-backed X" for Iran)."""
    child = path[-1]
    for lower in path[:-1]:
        upper = lower.head
        if lower.dep_ in _PASS_THROUGH or _naming(lower, upper):
            continue
        if (lower.dep_ == "pcomp" and _alternative_verb(lower)) or (lower.dep_ == "dobj" and _alternative_verb(upper)):
            continue  # "associated with/aiding Y": Y is the object of both
        if lower.dep_ == "prep" and example_prep(lower) and (upper.pos_ == "PROPN" or nounish_example(upper)):
            continue  # "the X coalition, including Y": Y is part of what fills the role
        nounish = upper.lemma_.lower() in MEMBER_NOUNS or upper.lemma_.lower() in GENERIC_NOUNS \
            or upper.lemma_.lower() in TARGET_NOUNS
        if lower.dep_ == "prep" and (upper == child or nounish):
            continue
        if companion_with(lower) and upper.lower_ in _COMPANION_ADVERBS:
            continue  # "X, along with Y, attacked Z": Y acts with X
        if lower.dep_ in _MOD and nounish:
            continue
        if lower.dep_ == "compound" and lower.lemma_.lower() in MEMBER_NOUNS and upper.pos_ == "PROPN":
            continue  # a title before a name: "killed X leader Z" reaches X through "leader"
        if lower.dep_ in ("poss", "compound") and upper == child and upper.dep_ == "dobj" \
                and upper.lemma_.lower() in _EFFORT_NOUNS and _cooperative(upper.head):
            continue  # "coordinated X's operations", "pooled X and Y efforts": their owners act together
        if lower.dep_ == "compound" and upper.pos_ == "PROPN" and joining_hyphen(lower.doc[lower.i + 1]):
            continue  # "the X-Y alliance": X hangs on Y but is the pair's other half
        if upper.pos_ in ("VERB", "AUX") and child.pos_ in ("VERB", "AUX") and upper != child:
            continue  # nested clause: roles were computed relative to it
        if composing_edge(lower, upper) or belonging_edge(lower, upper):
            continue
        return False
    return True


# What two sides coordinate or pool: the owner of such an object is a party ("coordinate X-Y efforts").
_EFFORT_NOUNS = frozenset({"effort", "operation", "activity", "action", "campaign", "strategy", "plan", "resource"})


def _cooperative(verb: Token) -> bool:
    return any(r.type == "ally_of" for r in load_rules().get((verb.lemma_.lower(), "VERB"), ()))


def joining_hyphen(token: Token) -> bool:
    """A hyphen or slash written tight between two names joins them as a pair ("the X-Y alliance",
    "coordinate X/Y efforts"), as "and" does."""
    if token.text not in ("-", "/", "\u2013") or token.whitespace_ or token.i == 0 or token.i + 1 >= len(token.doc):
        return False
    return not token.doc[token.i - 1].whitespace_ and token.doc[token.i + 1].pos_ == "PROPN"


# Verbs whose complement clause's subject is the one helped ("X helped Y escape").
_HELPING_VERBS = frozenset({"help", "assist", "aid", "enable"})
_BELONGING = frozenset({"belong", "belonging", "loyal", "affiliated", "attached", "aligned"})


def belonging_edge(lower: Token, upper: Token) -> bool:
    """Edges of "militants belonging / loyal to X", "fighters affiliated with X": X's members,
    like "X militants"."""
    if lower.dep_ == "prep" and lower.lower_ in ("to", "with"):
        return upper.lower_ in _BELONGING and upper.dep_ in ("acl", "amod") and upper.head.lemma_.lower() in MEMBER_NOUNS
    return lower.dep_ in ("acl", "amod") and lower.lower_ in _BELONGING and upper.lemma_.lower() in MEMBER_NOUNS


def composing_edge(lower: Token, upper: Token) -> bool:
    """Edges of "a force that included / made up of X": X stands in the force's place."""
    if lower.dep_ in ("relcl", "acl"):
        return lower.lemma_.lower() in COMPOSING_VERBS and upper.pos_ in ("NOUN", "PROPN")
    if upper.lemma_.lower() not in COMPOSING_VERBS or upper.dep_ not in ("relcl", "acl"):
        return False
    return lower.dep_ == "dobj" or (lower.dep_ == "prep" and lower.lower_ == "of")


def _alternative_verb(verb: Token) -> bool:
    """A verb offered as an alternative right after a bare preposition ("associated with/aiding Y",
    "linked to or supporting Y"): the preposition has no object of its own, so they share the verb's."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.pos_ != "ADP" or any(c.dep_ == "pobj" for c in prep.children):
        return False
    between = verb.doc[prep.i + 1:verb.i]
    return 0 < len(between) <= 2 and any(t.lower_ in ("/", "or", "and") for t in between)


def example_prep(token: Token) -> bool:
    """ "including", "like", or "such as" ("groups such as X": X fills the role of "groups")."""
    if token.lower_ in _EXAMPLE_PREPS:
        return True
    return token.lower_ == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "such"


def nounish_example(token: Token) -> bool:
    return token.lemma_.lower() in GENERIC_NOUNS


def _naming(lower: Token, upper: Token) -> bool:
    """Edges of "a group called Z" / "a faction known as Z": Z fills the generic noun's role."""
    if upper.dep_ == "acl" and upper.lemma_.lower() in _NAMING_VERBS and lower.dep_ in ("oprd", "attr", "xcomp", "dobj"):
        return True
    if upper.dep_ == "acl" and upper.lemma_.lower() in _NAMING_VERBS and lower.dep_ == "prep" and lower.lower_ == "as":
        return True
    return lower.dep_ == "acl" and lower.lemma_.lower() in _NAMING_VERBS and upper.lemma_.lower() in GENERIC_NOUNS


def _prep_role(prep: Token, below: list[Token]) -> str:
    word = prep.lower_
    if word == "by":
        return "prep:by"
    if companion_with(prep) or (below and companion_with(below[0])):
        return "prep:alongside"  # "attacked Z together with Y": Y is a comrade, not an enemy
    if word in ("along", "together", "away", "out") and below:  # "along with", "away from"
        nested = next((t for t in below if t.dep_ == "prep"), None)
        if nested is not None:
            return f"prep:{nested.lower_}"
    return f"prep:{word}"


def role_of(trigger: Token, filler: Filler, ups: dict[int, str]) -> str | None:
    """Role of an actor filler relative to the trigger, climbing its coordination."""
    start = _relative_clause_example(filler.token) or filler.token
    token = start
    steps = 0
    while steps < _MAX_CLIMB:
        if token.i in ups:
            return ups[token.i]
        if token.head == token or not _climbable(token) or token.head == trigger:
            break  # "X, a Y offshoot": Y modifies the trigger; climbing past it would give Y the role of X
        token = token.head
        steps += 1
    if trigger.is_ancestor(start):
        role = down_role(trigger, start)
        if role == "prep:by" and trigger.pos_ in ("VERB", "AUX"):
            return "agent"
        return role
    return None


def _relative_clause_example(token: Token) -> Token | None:
    """"groups that kidnapped landowners, including Y": examples set off by a comma after a relative
    clause name the kind of group the clause describes; the parser hangs them on the clause's object."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or not example_prep(prep) or prep.i == 0 \
            or prep.doc[prep.i - 1].lower_ != ",":
        return None
    node = prep.head
    if node.lemma_.lower() in GENERIC_NOUNS or node.pos_ == "PROPN":
        return None  # "groups, including Y" / "the X coalition, including Y": attached where it belongs
    steps = 0
    while node.dep_ in ("dobj", "conj", "pobj", "prep") and steps < 6:
        node = node.head
        steps += 1
    if node.dep_ == "relcl" and node.head.lemma_.lower() in GENERIC_NOUNS:
        return node.head
    return None


def _climbable(token: Token) -> bool:
    """Edges an actor climbs to reach the phrase that fills a role ("members of X and Y")."""
    dep, head = token.dep_, token.head
    if dep in ("conj", "appos", "compound", "flat"):
        return True
    if dep == "pobj" and head.lower_ in ("of", "from"):
        return True
    if dep == "pobj" and example_prep(head) and (head.head.lemma_.lower() in GENERIC_NOUNS
                                                             or head.head.pos_ == "PROPN"):
        return True  # "groups, including X": X fills the role of "groups" (or of a coalition's name)
    if dep == "prep" and example_prep(token) and head.pos_ == "PROPN":
        return True
    lemma = head.lemma_.lower()
    if dep == "prep" and token.lower_ == "of" and (lemma in _QUANTIFIER_HEADS - {"member", "part"} or head.like_num):
        return True  # "some of its members", "two of X's commanders"
    member = lemma in MEMBER_NOUNS or lemma in GENERIC_NOUNS or lemma in TARGET_NOUNS
    if dep == "pobj" and head.lower_ in ("to", "with") and belonging_edge(head, head.head):
        return True  # "militants belonging to X" stand for X
    return (member and dep in ("prep", "poss", "nmod", "amod")) or composing_edge(token, head) or belonging_edge(token, head)


def coordinated(a: Filler, b: Filler) -> bool:
    """True when two fillers are conjuncts of one coordination ("X and Y"), or one is the other's
    companion ("X, along with Y,", "X together with Y")."""
    if a.group >= 0 and a.group == b.group:
        return True
    if a.token == b.token:
        return False
    return _conj_root(a.token) == _conj_root(b.token) or _companion_of(a.token, b.token) \
        or _companion_of(b.token, a.token)


# Adverbs that make "with" a companion's preposition: "together with Y", "jointly with Y", "along with Y".
_COMPANION_ADVERBS = frozenset({"together", "jointly", "along"})


def companion_with(prep: Token) -> bool:
    """Whether a preposition names a companion: "alongside", or a "with" under "along" / "together"
    or modified by "jointly" (a bare "with" may name an enemy: "X fought with Y")."""
    if prep.dep_ != "prep" and not (prep.lower_ == "with" and prep.head.lower_ in _COMPANION_ADVERBS):
        return False
    if prep.lower_ == "alongside":
        return True
    if prep.lower_ in ("along", "together"):
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in prep.children)
    return prep.lower_ == "with" and (prep.head.lower_ in _COMPANION_ADVERBS or any(
        c.dep_ == "advmod" and c.lower_ in _COMPANION_ADVERBS for c in prep.children))


def _companion_of(token: Token, other: Token) -> bool:
    """ "X, along with Y and Z,": Y (or its conjunct Z) hangs on X's phrase through a companion preposition."""
    root = _conj_root(token)
    if root.dep_ != "pobj" or not companion_with(root.head):
        return False
    holder = root.head.head
    if holder.lower_ in ("along", "together") and holder.dep_ in ("prep", "advmod"):
        holder = holder.head
    if holder.pos_ in ("VERB", "AUX"):  # "X, along with Y, attacked Z" with "along" on the verb: X's companion
        holder = _subject(holder) or holder
    return holder.pos_ in ("NOUN", "PROPN") and holder == _conj_root(other)


def _conj_root(token: Token) -> Token:
    steps = 0
    while (token.dep_ in ("conj", "compound", "flat", "appos") or _member_modifier(token)) \
            and token.head != token and steps < _MAX_CLIMB:
        token = token.head
        steps += 1
    return token


def _member_modifier(token: Token) -> bool:
    """ "X fighters and some Y's militants": the group named on a membership noun is coordinated through it."""
    return token.dep_ in ("nmod", "poss") and token.head.lemma_.lower() in MEMBER_NOUNS


def through_members(token: Token) -> bool:
    """Whether an actor fills its role through a membership noun ("members of X", "X dissidents")."""
    steps = 0
    while steps < 4 and token.head != token:
        dep, head = token.dep_, token.head
        if dep == "pobj" and head.lower_ in ("of", "from") and head.head != head:
            token = head.head
        elif dep in ("poss", "compound", "amod", "nmod", "conj", "appos", "flat"):
            token = head
        else:
            return False
        if token.lemma_.lower() in FACTION_NOUNS:
            return True
        steps += 1
    return False
