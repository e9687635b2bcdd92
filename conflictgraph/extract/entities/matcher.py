"""Knowledge-base matching over normalized tokens.

Every alias becomes a tuple of folded tokens (``knowledge.names``), so case,
hyphens, dashes, "al-"/"Al " forms, apostrophes, possessives and common
transliterations all match without listing each spelling. Longest match wins,
left to right. Short all-capital aliases (acronyms such as IS or AQ) only
match capitalised text, except in documents written all in capitals.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from conflictgraph.knowledge.actors import KnowledgeBase, load_knowledge_base
from conflictgraph.knowledge.names import name_key, tokens_with_offsets

# Characters allowed between two tokens of one name: spaces, hyphens, dashes, an opening bracket
# ("CPI (Maoist)"), after a possessive "'s" that the tokenizer leaves out of the token ("Lord's Resistance Army").
_JOINER = re.compile(r"^(?:['’ʼ`‘][sS]?)?[\s\-–—‐‑(]{1,3}$")
_MAX_ACRONYM = 6
_GENERIC_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "generic_words.yaml"


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    return frozenset(yaml.safe_load(_GENERIC_FILE.read_text(encoding="utf-8")) or [])


@dataclass(frozen=True, slots=True)
class Alias:
    tokens: tuple[str, ...]
    actor_ids: tuple[str, ...]
    acronym: bool
    demonym: bool


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    alias: Alias


def is_acronym(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and not any(ch.islower() for ch in letters) and len(letters) <= _MAX_ACRONYM


class AliasIndex:
    """First token -> aliases starting with it, longest first."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[Alias]] = defaultdict(list)
        self._ids: dict[tuple[tuple[str, ...], bool, bool], list[str]] = defaultdict(list)

    def add(self, name: str, actor_id: str, demonym: bool = False) -> None:
        tokens = name_key(name)
        if not tokens or (len(tokens) == 1 and len(tokens[0]) < 2):
            return
        if len(tokens) == 1 and not is_acronym(name) and (tokens[0] in generic_words() or tokens[0] in STOP_WORDS):
            return  # "The Base", "Foundation": ordinary words, never a name on their own
        key = (tokens, is_acronym(name), demonym)
        if actor_id not in self._ids[key]:
            self._ids[key].append(actor_id)

    def freeze(self) -> AliasIndex:
        for (tokens, acronym, demonym), ids in self._ids.items():
            self._by_first[tokens[0]].append(Alias(tokens, tuple(ids), acronym, demonym))
        for aliases in self._by_first.values():
            aliases.sort(key=lambda alias: (-len(alias.tokens), alias.acronym))
        return self

    def candidates(self, first: str) -> list[Alias]:
        return self._by_first.get(first, [])


@lru_cache(maxsize=2)
def kb_index(kb: KnowledgeBase | None = None) -> AliasIndex:
    kb = kb or load_knowledge_base()
    index = AliasIndex()
    for entry in kb.entries.values():
        for name in entry.names():
            index.add(name, entry.id)
        for demonym in entry.demonyms:
            index.add(demonym, entry.id, demonym=True)
    return index.freeze()


def is_all_caps(text: str) -> bool:
    letters = [ch for ch in text[:5000] if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def _case_ok(surface: str, alias: Alias, all_caps: bool) -> bool:
    if all_caps:
        # Without case we cannot tell "IS" from "is": keep acronyms that are no English word.
        return not alias.acronym or (len(alias.tokens) == 1 and alias.tokens[0] not in STOP_WORDS and len(alias.tokens[0]) >= 3)
    if alias.acronym:
        return surface.upper() == surface
    # "al-shabaab", "al-qaeda": a hyphenated Arabic article marks the name even in lower case.
    return any(ch.isupper() for ch in surface) or (len(alias.tokens) >= 2 and alias.tokens[0] == "al" and surface[:3].lower() == "al-")


def _joined(text: str, tokens: list[tuple[str, int, int]], i: int, n: int) -> bool:
    return all(_JOINER.match(text[tokens[j][2]:tokens[j + 1][1]]) for j in range(i, i + n - 1))


def find_matches(text: str, index: AliasIndex) -> list[Match]:
    """Longest non-overlapping alias matches, left to right."""
    tokens = tokens_with_offsets(text)
    all_caps = is_all_caps(text)
    matches: list[Match] = []
    i = 0
    while i < len(tokens):
        found = _match_at(text, tokens, i, index, all_caps)
        if found is None:
            i += 1
            continue
        matches.append(found)
        i += len(found.alias.tokens)
    return matches


def _match_at(text: str, tokens: list[tuple[str, int, int]], i: int, index: AliasIndex, all_caps: bool) -> Match | None:
    for alias in index.candidates(tokens[i][0]):
        n = len(alias.tokens)
        if i + n > len(tokens) or tuple(tok[0] for tok in tokens[i:i + n]) != alias.tokens:
            continue
        start, end = tokens[i][1], tokens[i + n - 1][2]
        if _joined(text, tokens, i, n) and _case_ok(text[start:end], alias, all_caps):
            if text.count("(", start, end) > text.count(")", start, end) and text[end:end + 1] == ")":
                end += 1  # close the bracket the name opened
            return Match(start, end, alias)
    return None
