"""Backers and umbrellas: ties that are no merger or fighting although the parse pairs them so.

"X attacked Z with Y's support / with help from Y": Y backs X (``supports``) and takes no part in
the attack; "A, B and C joined forces to form an umbrella known as Z": the founders are allies that
each keep their identity inside Z (``affiliate_of``), unless they merged or dissolved into it.
Called from ``component._sentence_relations``.
"""

from __future__ import annotations

from spacy.tokens import Token

from conflictgraph.extract.relations.rules import PRODUCT_VERBS, Filler, TriggerRule, backing_phrase, coordinated

_MAX_CLIMB = 6
_ALLY = TriggerRule(type="ally_of", pos="VERB", parties=("agent",))
_AFFILIATE = TriggerRule(type="affiliate_of", pos="VERB", source=("agent",), target=("patient",))
# Bodies whose member groups keep their own identity: "an umbrella organization", "a coalition called Z".
UMBRELLA_NOUNS = frozenset({"umbrella", "coalition", "alliance", "front", "network", "council", "federation",
                            "confederation", "bloc", "platform", "grouping", "consortium"})
# Verbs that say the founders ceased to exist apart: "merged into", "dissolved themselves into", "fused".
_MERGING_VERBS = frozenset({"merge", "amalgamate", "fuse", "dissolve", "absorb", "incorporate", "integrate",
                            "subsume", "fold"})
_NAMING_VERBS = frozenset({"call", "name", "dub", "know", "title"})
# Name endings of such a body ("the Z Alliance", "the Z Council"); "Front" is left out: many single groups
# bear it ("the Nusra Front").
_UMBRELLA_NAMES = frozenset({"coalition", "alliance", "council", "federation", "confederation", "bloc"})
Pair = tuple[TriggerRule, Filler, Filler]


def backer_only(relation_type: str, trigger: Token, a: Filler, b: Filler) -> bool:
    """Whether a party is named only in a "with" phrase of backing outside the trigger ("X carried out the
    attack with help from Y" is no fighting between X and Y): that phrase states support and nothing else."""
    if relation_type == "supports":
        return False
    return _backing_above(a.token, trigger) or _backing_above(b.token, trigger)


def _backing_above(token: Token, trigger: Token) -> bool:
    current = token
    for _ in range(_MAX_CLIMB):
        if current == trigger or current.head == current:
            return False
        if backing_phrase(current):
            return True
        current = current.head
    return False


def umbrella_ties(trigger: Token, pairs: list[Pair], placed: list[tuple[Filler, str]]) -> list[Pair]:
    """Groups that join forces / come together / unite to form an umbrella, or that form one ("A, B and C
    formed a coalition called Z"), are allies that each keep their identity in it: their merger pairs become
    ``ally_of`` among the founders and ``affiliate_of`` from each founder to the umbrella."""
    if _formed_umbrella_noun(trigger):
        return [_member_tie(trigger, rule, a, b) for rule, a, b in pairs]
    if _joins_in_umbrella(trigger):  # "X and Y joined in a united front / an alliance": allies, no merger
        return [(_ALLY if rule.type == "merged_with" else rule, a, b) for rule, a, b in pairs]
    umbrella = _umbrella_formed(trigger)
    if umbrella is None:
        return pairs
    named = [f for f, _ in placed if _names(umbrella, f.token)]
    founders = _founders(trigger, pairs, placed, named)
    out = [(rule, a, b) for rule, a, b in pairs if rule.type != "merged_with"]
    out += [(_ALLY, a, b) for i, a in enumerate(founders) for b in founders[i + 1:]
            if a.mention.actor_key != b.mention.actor_key]
    out += [(_AFFILIATE, f, z) for f in founders for z in named if f.mention.actor_key != z.mention.actor_key]
    return out


def _joins_in_umbrella(verb: Token) -> bool:
    if verb.lemma_.lower() not in ("join", "unite", "combine"):
        return False
    return any(p.dep_ == "prep" and p.lower_ == "in" and any(o.dep_ == "pobj" and _umbrella_noun(o) for o in p.children)
               for p in verb.children)


def _formed_umbrella_noun(noun: Token) -> bool:
    """An umbrella noun that a founding verb forms ("A and B formed a coalition, Z")."""
    return noun.dep_ in ("dobj", "attr", "oprd") and noun.head.lemma_.lower() in PRODUCT_VERBS \
        and noun.head.lemma_.lower() not in _MERGING_VERBS and _umbrella_noun(noun)


def _member_tie(umbrella: Token, rule: TriggerRule, a: Filler, b: Filler) -> Pair:
    """The alliance noun's tie between a founder and the umbrella's own name is membership."""
    if rule.type != "ally_of" or _names(umbrella, a.token) == _names(umbrella, b.token):
        return rule, a, b
    return (_AFFILIATE, b, a) if _names(umbrella, a.token) else (_AFFILIATE, a, b)


def _founders(trigger: Token, pairs: list[Pair], placed: list[tuple[Filler, str]], named: list[Filler]) -> list[Filler]:
    merged = [f for rule, a, b in pairs if rule.type == "merged_with" for f in (a, b)]
    if trigger.lemma_.lower() in PRODUCT_VERBS:  # "A and B formed an umbrella group": its subjects
        merged += _co_subjects([f for f, role in placed if role == "agent"])
    founders: list[Filler] = []
    for filler in merged:
        if all(filler is not n for n in named) and all(filler is not f for f in founders):
            founders.append(filler)
    return founders


def _co_subjects(agents: list[Filler]) -> list[Filler]:
    """Founders of one body are conjuncts ("A and B formed ..."): one group that founds an umbrella may stand
    outside it (its sponsor), and a name the parser hangs on the verb beside the subject ("X founded an
    umbrella, the Z Emirate, ...") is no co-founder."""
    return [a for a in agents if any(b is not a and (coordinated(a, b) or _co_subject(a, b)) for b in agents)]


def _co_subject(a: Filler, b: Filler) -> bool:
    """Two subjects of one verb: the parser's way with a list of hyphenated names ("A, B al-C and D")."""
    return a.token.dep_ == b.token.dep_ == "nsubj" and a.token.head == b.token.head


def _umbrella_formed(trigger: Token) -> Token | None:
    """The umbrella noun (or the name it is set beside) that the trigger's clause forms: "joined forces to form
    an umbrella organization", "came together to form a coalition", "formed an umbrella group"."""
    if trigger.pos_ not in ("VERB", "AUX") or trigger.lemma_.lower() in _MERGING_VERBS:
        return None
    if trigger.dep_ in ("advcl", "xcomp", "conj") and trigger.head.lemma_.lower() in _MERGING_VERBS:
        return None  # "merged to form a coalition": the merging verb says they dissolved into it
    verbs = [trigger] if trigger.lemma_.lower() in PRODUCT_VERBS else []
    verbs += [c for c in trigger.children if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in PRODUCT_VERBS]
    for verb in verbs:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)
        if obj is not None and _umbrella_noun(obj):
            return obj
    return None


def _umbrella_noun(token: Token) -> bool:
    if token.lemma_.lower() in UMBRELLA_NOUNS and token.pos_ == "NOUN":
        return True
    if token.pos_ == "PROPN" and token.lower_ in _UMBRELLA_NAMES:
        return True  # "formed the Z Alliance"
    if any(c.dep_ == "compound" and c.lemma_.lower() in UMBRELLA_NOUNS for c in token.children):
        return True  # "an umbrella organization"
    return any(c.dep_ == "appos" and c.lemma_.lower() in UMBRELLA_NOUNS for c in token.children)


def _names(umbrella: Token, token: Token) -> bool:
    """Whether a name is the umbrella's: the noun itself, its apposition, or "known as / called Z"."""
    if token == umbrella:
        return True
    if token.dep_ == "appos":  # "the Z Front (ZF)", "an umbrella group, Z"
        return _names(umbrella, token.head)
    head = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "as" else token.head
    return head.dep_ == "acl" and head.lemma_.lower() in _NAMING_VERBS and head.head == umbrella \
        and (token.dep_ in ("oprd", "attr", "xcomp", "dobj") or token.head.lower_ == "as")
