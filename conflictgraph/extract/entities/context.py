"""Actors the knowledge base does not know, found from the model's entities and context.

Lexicons of cue words live in ``patterns/cues.yaml``; the rules here read the
words around an entity: "the militant group X", "X fighters", "X, a jihadist
faction", and the words inside its name ("... Brigades", "Ministry of ...").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span

_CUES_FILE = Path(__file__).parent / "patterns" / "cues.yaml"


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    raw = yaml.safe_load(_CUES_FILE.read_text(encoding="utf-8"))
    return {name: frozenset(str(w).lower() for w in words) for name, words in raw.items()}


def _lower_words(span: Span) -> list[str]:
    return [token.lower_ for token in span]


def armed_context(ent: Span) -> bool:
    """Context marks an armed group: before, after, or in an apposition."""
    doc, c = ent.doc, cues()
    before = _lower_words(doc[max(ent.start - 4, ent.sent.start):ent.start])
    if any(w in c["group_nouns"] for w in before[-2:]) and any(w in c["armed_adjectives"] for w in before):
        return True
    after = doc[ent.end:min(ent.end + 5, ent.sent.end)]
    if len(after) and after[0].lower_ in c["fighter_nouns"]:
        return True
    if len(after) and after[0].lower_ in c["group_nouns"] and any(w in c["armed_adjectives"] for w in before[-2:]):
        return True  # "the extremist X group"
    if any(t.lemma_ == "claim" for t in after[:3]) and any(t.lower_ == "responsibility" for t in after):
        return True
    if any(w in c["member_nouns"] for w in before[-4:-1]) and any(w in c["member_links"] for w in before[-3:]):
        return True
    if len(after) and after[0].text == ",":
        apposition = _lower_words(doc[ent.end + 1:min(ent.end + 8, ent.sent.end)])
        head = [w for w in apposition if w in c["group_nouns"]]
        return bool(head) and any(w in c["armed_adjectives"] or w in c["fighter_nouns"] for w in apposition)
    return False


def linked_to_group(ent: Span) -> bool:
    """ "claimed by the X", "the Hezbollah-affiliated X": words before a name that only groups take."""
    doc, c = ent.doc, cues()
    before = _lower_words(doc[max(ent.start - 3, ent.sent.start):ent.start])
    if before[-2:] == ["claimed", "by"] or before[-3:] == ["claimed", "by", "the"]:
        return True
    return len(before) >= 2 and before[-1] in c["link_participles"] and before[-2] in {"-", "–"}


def _bare(word: str) -> str:
    """ "People's" -> "people": a possessive does not change what a name word says."""
    word = word.lower()
    return word[:-2] if len(word) > 2 and word[-2] in "'’" and word[-1] == "s" else word.rstrip("'’")


def kind_from_name(words: list[str], first_is_state: bool) -> str | None:
    """The words of a name often tell its kind: "Ministry of Defence", "Martyrs Brigades"."""
    c = cues()
    lowered = {_bare(w) for w in words}
    if lowered & c["armed_name_words"]:
        return "armed_group"
    if lowered & c["agency_words"] or (first_is_state and lowered & c["state_force_words"]):
        return "government_body"
    if lowered & c["group_force_words"]:
        return "armed_group"
    if lowered & c["igo_words"]:
        return "igo"
    return None


def title_before(ent: Span) -> str | None:
    """Titles and roles right before a person's name: "army spokesman Col.", "President"."""
    doc, c = ent.doc, cues()
    start = ent.start
    while start > ent.sent.start and (doc[start - 1].lower_.rstrip(".") in c["titles"] or (doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ in c["title_modifiers"])):
        start -= 1
    while start > ent.sent.start and start < ent.start and doc[start - 1].lower_ in c["role_modifiers"]:
        start -= 1
    return doc[start:ent.start].text or None
