"""Backers and umbrellas: ties that are no merger or fighting although the parse pairs them so.

"X attacked Z with Y's support / with help from Y": Y backs X (``supports``) and takes no part in
the attack; "A, B and C joined forces to form an umbrella known as Z": the founders are allies that
each keep their identity inside Z (``affiliate_of``), unless they merged or dissolved into it.
Called from ``component._sentence_relations``.
"""

from __future__ import annotations

from spacy.tokens import Token

from conflictgraph.extract.relations.rules import Filler, backing_phrase

_MAX_CLIMB = 6


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
