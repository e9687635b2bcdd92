"""Coordination: whether two actors of a sentence are named together as one list.

"X and Y", "X, Y and Z", a misparsed list of names joined by commas and "and": such actors are co-parties
(one side of a trigger, not each other's enemies), unless a floating "both"/"each" distributes the act.
Called from ``component`` where pairs are made and ruled out.
"""

from __future__ import annotations

from conflictgraph.extract.relations.rules import Filler, coordinated, joining_hyphen


def distributive(a: Filler, b: Filler) -> bool:
    """ "X and Y were both responsible for attacks on Z", "X and Y each attacked Z": a floating "both" or
    "each" after the coordination says each did it, not that they did it together."""
    last = max(_name_end(a), _name_end(b))
    for token in a.token.doc[last + 1:min(last + 4, a.token.sent.end)]:
        if token.lower_ in ("both", "each") and not (token.dep_ in ("det", "predet", "preconj")
                                                     and token.head.i > token.i):
            return token.doc[token.i - 1].lower_ != ","  # ", both based in Z," only describes them
    return False


def _name_end(filler: Filler) -> int:
    """Index of the last token of the filler's name ("the Republic of X" ends at X, not at its head)."""
    end = filler.token.i
    doc = filler.token.doc
    while end + 1 < len(doc) and doc[end + 1].idx < filler.mention.end:
        end += 1
    return end


def co_parties(a: Filler, b: Filler) -> bool:
    """Coordinated in the parse, or only names, commas and "and" between them (a misparsed list)."""
    if coordinated(a, b):
        return True
    first, second = (a, b) if a.token.i < b.token.i else (b, a)
    if first.group >= 0 or second.group >= 0 or first.mention.source == "context" or second.mention.source == "context":
        return False
    doc = first.token.doc
    sent = first.token.sent
    seen_and = False
    for token in doc[first.token.i + 1:second.token.i]:
        if token.i >= sent.end:
            return False
        if token.lower_ in ("and", "&") or joining_hyphen(token):
            seen_and = True
            continue
        if token.is_punct or token.ent_type_ or token.pos_ == "PROPN":
            continue
        return False
    return seen_and
