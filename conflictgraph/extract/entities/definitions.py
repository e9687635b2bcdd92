"""Names the text defines for itself: "the Islamic State (ISIS)", "X, also known as Y".

Returns (defined name span, the span it names) pairs; the component links the
defined name to the same actor and then finds its later uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# "Long Name (ACR)": an acronym of 2-10 characters with at least two capitals.
_PAREN_ACRONYM = re.compile(r"\s?\((?:the\s+)?([A-Z][A-Za-z0-9&\-]{1,9})\)")
# "X, also known as Y", "X (also known as Y)", "X, formerly known as Y", "X, or Y,"
_AKA = re.compile(
    r"\s*[,(]\s*(?:which\s+is\s+|which\s+was\s+)?(?:also\s+|formerly\s+|locally\s+|better\s+|widely\s+)?"
    r"(?:known|referred\s+to|called)\s+(?:locally\s+)?as\s+(?:the\s+)?[\"“']?"
    r"((?:[A-Z][\w'’\-]*|al|wal|of|the|and|for|in|de|du|la)(?:\s+(?:[A-Z][\w'’\-]*|al|wal|of|the|and|for|in|de|du|la|al-\w+)){0,8})"
)
# "the Islamic State, or ISIS," / "Ansar Allah (or the Houthis)": an alternative name between commas or in brackets
_OR_NAME = re.compile(r"\s*(?:,\s*or|\(or)\s+(?:the\s+)?((?:[A-Z][\w'’\-]*)(?:\s+(?:[A-Z][\w'’\-]*|al|of|the)){0,5})\s*[,)]")
_NAME_BEFORE = re.compile(
    r"((?:[A-Z][\w'’\-]*)(?:\s+(?:[A-Z][\w'’\-]*|al|wal|of|the|and|for|in|de|du|la|al-\w+)){0,9})\s*$"
)
_TRAILING_LOWER = re.compile(r"(?:\s+(?:al|wal|of|the|and|for|in|de|du|la))+$")


def _capitals(text: str) -> int:
    return sum(ch.isupper() for ch in text)


def acronym_fits(acronym: str, long_form: str) -> bool:
    """Initials of the long form's capitalised words contain the acronym's letters in order (mostly)."""
    initials = "".join(word[0] for word in re.split(r"[\s\-]+", long_form) if word[:1].isupper()).upper()
    letters = [ch for ch in acronym.upper() if ch.isalpha()]
    hits, pos = 0, 0
    for letter in letters:
        found = initials.find(letter, pos)
        if found >= 0:
            hits, pos = hits + 1, found + 1
    return bool(letters) and hits / len(letters) >= 0.6


def acronym_definitions(text: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """((acronym start, end), (long form start, end)) for "Long Form (ACR)"."""
    for match in _PAREN_ACRONYM.finditer(text):
        acronym = match.group(1)
        if _capitals(acronym) < 2:
            continue
        before = text[max(0, match.start() - 120):match.start()]
        name = _NAME_BEFORE.search(before)
        if not name:
            continue
        long_form = _TRAILING_LOWER.sub("", name.group(1))
        if len(long_form.split()) < 2 or not acronym_fits(acronym, long_form):
            continue
        long_start = match.start() - len(before) + name.start(1)
        yield (match.start(1), match.end(1)), (long_start, long_start + len(long_form))


def or_definitions(text: str, name_ends: dict[int, tuple[int, int]]) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """((alias start, end), (named span)) for "X, or Y," where X is a known name."""
    for match in _OR_NAME.finditer(text):
        named = name_ends.get(match.start())
        if named is not None:
            yield (match.start(1), match.end(1)), named


def aka_definitions(text: str, name_ends: dict[int, tuple[int, int]]) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """((alias start, end), (named span)) where a known name ends right before ", also known as"."""
    for match in _AKA.finditer(text):
        named = name_ends.get(match.start())
        if named is None:
            continue
        alias = _TRAILING_LOWER.sub("", match.group(1))
        if alias:
            yield (match.start(1), match.start(1) + len(alias)), named
