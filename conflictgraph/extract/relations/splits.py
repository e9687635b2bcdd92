"""Splits: how a group breaks away from another, and how an ended tie reads as one.

"X ended its affiliation with Y" and "the former wing of Y" say X split from Y; "X split off" with no
"from" phrase split from the whole named before it; "Z emerged from the merger of X and Y" is no split.
Called from ``component._sentence_relations``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from conflictgraph.extract.certainty import assess, load_lexicon
from conflictgraph.extract.relations.rules import FACTION_NOUNS, Filler, TriggerRule, coordinated, rules_for
from conflictgraph.models import Relation

# Ties to a parent group: ending one is leaving the parent.
_PARENT_TIES = frozenset({"affiliate_of", "allegiance_to", "branch_of"})
_RENOUNCING_VERBS = frozenset({"renounce", "sever", "abandon", "forsake", "relinquish", "repudiate"})


# Modifiers saying a relation held only in the past: "the former wing of Y", "X, formerly part of Y".
_FORMER_WORDS = frozenset({"former", "erstwhile", "onetime", "one-time", "ex", "formerly", "once", "previously"})


def _former(trigger: Token) -> bool:
    return trigger.pos_ == "NOUN" and any(c.dep_ in ("amod", "advmod") and c.lower_ in _FORMER_WORDS
                                          for c in trigger.children)


def no_longer(relation: Relation, trigger: Token) -> Relation:
    """A relation named by a "former" noun ("its former ally", "the former wing of Y") no longer holds:
    negated, as an ended one is."""
    if relation.certainty == "asserted" and _former(trigger):
        return replace(relation, certainty="negated")
    return relation


def split_by_ending(relation: Relation, trigger: Token) -> Relation | None:
    """"X ended its affiliation with Y", "X renounced its allegiance to Y": the tie is negated, and X
    broke away from Y (splinter_of, as certain as the ending verb itself); so did "the former wing
    of Y" and "X, formerly part of Y"."""
    verb = trigger.head
    if relation.type in _PARENT_TIES and relation.certainty == "asserted" and _former(trigger):
        return replace(relation, type="splinter_of")
    if relation.type not in _PARENT_TIES or trigger.pos_ != "NOUN" or trigger.dep_ != "dobj":
        return None
    if verb.lemma_.lower() not in load_lexicon().ending_verbs | _RENOUNCING_VERBS:
        return None
    return replace(relation, type="splinter_of", certainty=assess(verb.sent, verb).certainty)


# Verbs of splitting that often leave out what was split from ("X split off", "a faction broke away").
_BARE_SPLIT_VERBS = frozenset({"split", "splinter", "break", "secede", "spin"})
_GROUP_KINDS = frozenset({"armed_group", "coalition", "organization"})


def split_from_named_before(trigger: Token, rules: tuple[TriggerRule, ...], placed: list[tuple[Filler, str]],
                             fillers: list[Filler]) -> list[tuple[TriggerRule, Filler, Filler]]:
    """A split with no "from" phrase is from the group named last before it in the sentence:
    "X, which operated under the banner of Y, split off", "Y became divided, and a faction split to form X"."""
    rule = next((r for r in rules if r.type == "splinter_of" and r.pos == "VERB"), None)
    if rule is None or trigger.lemma_.lower() not in _BARE_SPLIT_VERBS:
        return []
    if trigger.lemma_.lower() in ("break", "spin") and not any(
            c.dep_ in ("prt", "advmod") and c.lower_ in ("away", "off") for c in trigger.children):
        return []  # "broke the siege", "spun the story"
    if any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("from", "with", "of", "into", "between"))
           for c in trigger.children):
        return []  # "split from Y", "split with Y", "split the group": the parse names it or it is no split
    by_role = {r: f for f, r in reversed(placed)}
    source = next((by_role[r] for r in ("product", "agent") if r in by_role), None)
    if source is None or source.mention.kind not in _GROUP_KINDS or source.mention.source == "context":
        return []  # "Y sought to crush X after it broke away": a pronoun may stand for either
    before = [f for f in fillers if f.token.i < trigger.i and f.mention.source != "context"
              and f.mention.kind in _GROUP_KINDS and f.mention.actor_key != source.mention.actor_key
              and not coordinated(f, source) and _whole_split(f.token, source.token)]
    if not before:
        return []
    return [(rule, source, max(before, key=lambda f: f.token.i))]


_CONTAINING_NOUNS = frozenset({"banner", "umbrella", "aegis", "part", "rank", "fold", "wing", "faction", "command"})
_DIVISION_WORDS = frozenset({"divide", "divided", "fragment", "fracture", "split", "splinter", "disintegrate",
                             "implode", "crumble"})


def _whole_split(token: Token, source: Token) -> bool:
    """Whether a group named before a bare split is the whole it split from: named in the source's own
    phrase ("X, which operated under Y,"), "inside / within Y", "under the banner of Y", or the subject of
    a division ("Y became divided", "Y fragmented"); not any group the sentence names ("Y attacked Z
    after X split")."""
    head = token.head
    if source.is_ancestor(token) or head.lower_ in ("within", "inside"):
        return True
    if head.lower_ == "of" and head.head.lemma_.lower() in _CONTAINING_NOUNS:
        return True  # "operating under the banner of Y", "long part of Y"
    if token.dep_ not in ("nsubj", "nsubjpass") or head.pos_ not in ("VERB", "AUX"):
        return False
    return head.lemma_.lower() in _DIVISION_WORDS or any(
        c.dep_ in ("acomp", "oprd", "attr", "xcomp") and c.lemma_.lower() in _DIVISION_WORDS for c in head.children)


def faction_anaphor(filler: Filler) -> bool:
    """ "the faction", "this wing" taken up from an earlier actor: a part of a group, never the whole a split leaves."""
    return filler.mention.source == "context" and filler.token.lemma_.lower() in FACTION_NOUNS | {"wing"}


def out_of_merger(trigger: Token) -> bool:
    """Whether a split verb's "from" / "out of" phrase is a merger noun ("emerged from the merger of X and Y")."""
    return any(c.dep_ == "prep" and c.lower_ in ("from", "out", "of") and any(
        g.dep_ == "pobj" and any(r.type == "merged_with" for r in rules_for(g)) for g in c.subtree)
        for c in trigger.children)


def ended_by_split(relation: Relation, trigger: Token, found: list[tuple[Relation, Token]]) -> bool:
    """"X, the Milan branch of Y, split from Y": the branch or affiliate tie that a split verb of the
    same sentence ends describes the past; the split is what the sentence states."""
    if relation.type not in _PARENT_TIES or trigger.pos_ != "NOUN":
        return False
    return any(other.type == "splinter_of" and (other.source, other.target) == (relation.source, relation.target)
               and other.certainty == "asserted" and other_trigger.pos_ == "VERB" and other_trigger != trigger
               for other, other_trigger in found)
