"""Number phrases with their bounds: "at least 30 soldiers" -> Bounds(30, None), unit "soldier".

Two entry points:

- ``parse_count(text)`` turns a number phrase into ``Bounds`` (or ``None``).
- ``find_numbers(span)`` walks a spaCy ``Span`` (or ``Doc``) and returns every
  count it holds as a ``NumberMention``: bounds, character offsets into the
  document text, and the head noun it counts (the *unit*, lemmatized).

Rules (issue 3; DESIGN.md "Numbers keep their bounds"):

=========================================  ===========================
phrase                                     bounds
=========================================  ===========================
"12", "twelve", "1,200", "1.5 million"     min = max = value
"a/an" + unit ("a soldier was killed")     handled by callers, not here
"a dozen"                                  12 .. 12
"dozens", "dozens of"                      min 24 (two dozen), no max
"scores"                                   min 40 (two score)
"hundreds"                                 min 200
"thousands"                                min 2000
"tens of thousands"                        min 20000
"hundreds of thousands"                    min 200000
"millions"                                 min 2000000
"several", "a few", "some" (no number)     min 2 (at least two), no max
"a handful"                                min 2, max 9
"at least X", "more than X", "over X",     min X, no max. We keep X (not X+1):
"above X", "upwards of X", "in excess      sources use "more than 30" loosely,
of X", "X or more", "X-plus"               and DESIGN.md gives "over 2,000" -> min 2000.
"at most X", "up to X", "no more than X",  max X, no min
"less/fewer than X", "under X",
"nearly X", "almost X", "close to X"
"about/around/approximately/roughly/       min = max = X (an estimate keeps its value;
some/an estimated X"                       ``approximate=True`` on the mention)
"between X and Y", "X to Y", "X-Y",        min X, max Y
"from X to Y", "X or Y"
=========================================  ===========================

Numbers inside DATE, TIME, MONEY, PERCENT, ORDINAL or QUANTITY entities are not
counts and are skipped by ``find_numbers``; so are years (four digits 1900-2099
directly after a month or "in").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from conflictgraph.models import Bounds

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

UNITS: dict[str, int] = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

# Vague plural quantities: the word -> the minimum it implies (see the table above).
VAGUE_MIN: dict[str, int] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2_000_000,
    "several": 2, "few": 2, "many": 2, "numerous": 2, "multiple": 2,
}
LOWER_CUES: tuple[str, ...] = (
    "at least", "more than", "over", "above", "upwards of", "in excess of", "no fewer than",
    "no less than", "not less than", "a minimum of", "as many as",
)
UPPER_CUES: tuple[str, ...] = (
    "at most", "up to", "no more than", "not more than", "less than", "fewer than", "under",
    "nearly", "almost", "close to", "just under", "a maximum of", "as few as",
)
APPROX_CUES: tuple[str, ...] = (
    "about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "approx.",
    "circa", "some estimated", "reportedly",
)
# "as many as 40" is a lower bound in news use ("as many as 40 were killed" -> at least 40 reported).
NUMBER_WORDS: frozenset[str] = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | {"dozen", "score"}
VAGUE_WORDS: frozenset[str] = frozenset(VAGUE_MIN) | {"handful", "dozen"}
CUE_WORDS: frozenset[str] = frozenset(
    w for cue in LOWER_CUES + UPPER_CUES + APPROX_CUES for w in cue.split()
) | {"between", "from", "and", "to", "or", "-", "plus", "more", "just"}
SKIP_ENTS: frozenset[str] = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
# Nouns that make a number a duration, a distance or money rather than a count of people or things.
MEASURE_NOUNS: frozenset[str] = frozenset({
    "second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century", "am", "pm",
    "km", "kilometre", "kilometer", "mile", "metre", "meter", "percent", "dollar", "euro", "pound", "kg",
    "kilogram", "ton", "tonne", "o'clock", "%", "time",
})

_DIGITS = re.compile(r"^\d{1,3}(?:[,.\s]\d{3})+$|^\d+(?:\.\d+)?$")
_RANGE = re.compile(r"^(?:between|from)?\s*(.+?)\s*(?:and|to|-|–|or)\s*(.+)$")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A count found in text: its phrase, bounds and the noun it counts."""

    start: int  # char offset of the phrase in the document text
    end: int
    text: str
    bounds: Bounds
    unit: str | None = None  # lemma of the counted noun ("soldier")
    unit_start: int | None = None
    unit_end: int | None = None
    approximate: bool = False
    token_i: int = -1  # index of the number's last token in the Doc


def _digits_value(word: str) -> float | None:
    if not _DIGITS.match(word):
        return None
    if re.match(r"^\d{1,3}(?:[,\s]\d{3})+$", word):
        return float(re.sub(r"[,\s]", "", word))
    if re.match(r"^\d{1,3}(?:\.\d{3})+$", word) and word.count(".") > 1:
        return float(word.replace(".", ""))
    return float(word)


def parse_number(text: str) -> float | None:
    """An exact number from digits or words: "1,200", "twenty-five", "1.5 million", "a dozen"."""
    words = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text.lower().strip()).replace(" and ", " ").split()
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        value = _digits_value(word)
        if value is not None:
            current += value
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ("a", "an") and not seen:
            current += 1
            continue
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "score":
            current = (current or 1) * 20
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in ("thousand", "million", "billion"):
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _strip_cue(text: str, cues: tuple[str, ...]) -> str | None:
    for cue in sorted(cues, key=len, reverse=True):
        if text.startswith(cue + " "):
            return text[len(cue) + 1:]
    return None


def _vague(text: str) -> Bounds | None:
    if text in ("a dozen", "dozen", "one dozen"):
        return Bounds(12, 12)
    if text in ("a handful", "handful"):
        return Bounds(2, 9)
    if text in ("a few", "several", "some", "many", "numerous", "multiple"):
        return Bounds(2, None)
    if text.startswith("tens of thousands"):
        return Bounds(20_000, None)
    if text.startswith("hundreds of thousands"):
        return Bounds(200_000, None)
    first = text.split()[0] if text else ""
    if first in VAGUE_MIN and first not in ("few", "many", "several"):
        return Bounds(VAGUE_MIN[first], None)
    return None


def _plain(text: str) -> Bounds | None:
    text = re.sub(r"\s*(?:or more|-plus|\+|plus)$", "+", text)
    lower_only = text.endswith("+")
    value = parse_number(text.rstrip("+ "))
    if value is None:
        return _vague(text)
    return Bounds(value, None) if lower_only else Bounds(value, value)


def parse_count(text: str) -> Bounds | None:
    """Bounds of a number phrase, or ``None`` when it holds no count (rules in the module docstring)."""
    norm = re.sub(r"\s+", " ", text.lower().strip().replace("–", "-"))
    norm = re.sub(r"(?<=\d)\s*-\s*(?=\d)", " - ", norm)
    if not norm:
        return None
    rest = _strip_cue(norm, LOWER_CUES)
    if rest is not None:
        inner = parse_count(rest)
        return Bounds(inner.min, None) if inner else None
    rest = _strip_cue(norm, UPPER_CUES)
    if rest is not None:
        inner = parse_count(rest)
        return Bounds(None, inner.max if inner.max is not None else inner.min) if inner else None
    rest = _strip_cue(norm, APPROX_CUES)
    if rest is not None and parse_number(rest) is not None:
        return parse_count(rest)
    match = _RANGE.match(norm)
    if match and (norm.startswith(("between", "from")) or " - " in norm or " to " in norm or " or " in norm):
        low, high = parse_number(match.group(1)), parse_number(match.group(2))
        if low is not None and high is not None and low <= high:
            return Bounds(low, high)
    return _plain(norm)


# --- finder over spaCy spans -------------------------------------------------


def _is_number_token(token: Token) -> bool:
    lower = token.lower_
    if lower in NUMBER_WORDS or lower in VAGUE_WORDS:
        return True
    if token.like_num and _digits_value(lower) is not None:
        return True
    return False


def _is_year(token: Token) -> bool:
    if not (token.is_digit and len(token.text) == 4 and 1900 <= int(token.text) <= 2099):
        return False
    prev = token.nbor(-1).lower_ if token.i > 0 else ""
    return prev in ("in", "since", "of", "until", "by", ",") or token.ent_type_ == "DATE" or token.dep_ != "nummod"


MONTHS: frozenset[str] = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})


# Lower-case month names that are no ordinary word ("12 december"); "may", "march" and the short forms are left out.
_SAFE_LOWER_MONTHS: frozenset[str] = frozenset({
    "january", "february", "april", "june", "july", "august", "september", "october", "november", "december",
})


def _is_measure(token: Token) -> bool:
    """A number inside a date/time/money entity, unless it counts a noun that is not a measure."""
    doc = token.doc
    if token.like_num and any(
        0 <= j < len(doc) and doc[j].lower_.rstrip(".") in MONTHS and (doc[j].text[:1].isupper() or doc[j].lower_ in _SAFE_LOWER_MONTHS)
        for j in (token.i - 1, token.i + 1)
    ):
        return True
    if token.ent_type_ not in SKIP_ENTS:
        return False
    if token.dep_ == "dobj" and token.head.pos_ == "VERB" and _bare_count_entity(token):
        return False  # "injuring 70", "injuring an additional 14": the model's DATE ("the 70s") for an object count
    head = token
    for _ in range(3):
        if head.dep_ in ("nummod", "quantmod", "conj", "cc", "compound") and head.head != head:
            head = head.head
        else:
            break
    return head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() in MEASURE_NOUNS


# words an object count may carry inside the entity the model makes of it ("an additional 14", "a further 20")
_COUNT_LEADERS = frozenset({"a", "an", "another", "additional", "further", "other"})


def _bare_count_entity(token: Token) -> bool:
    """Does the entity end at ``token`` (or go on with a time phrase of its own) and hold nothing before it but a
    few count leaders?"""
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I" and not _time_after(token):
        return False
    i = token.i
    while doc[i].ent_iob_ == "I" and i > 0:
        i -= 1
        if doc[i].lower_ not in _COUNT_LEADERS:
            return False
    return True


def _time_after(token: Token) -> bool:
    """"injured six this morning": the rest of the entity is a time phrase of the verb, not part of the count."""
    doc = token.doc
    nxt = doc[token.i + 1]
    return nxt.head != token and nxt.head.dep_ == "npadvmod" and nxt.head.head == token.head


def _phrase_bounds(doc: Doc, start_i: int, end_i: int) -> tuple[int, int]:
    """Grow a run of number tokens leftwards over cue words ("at least", "between ... and")."""
    if start_i >= 2 and doc[start_i].lower_ in ("thousands", "millions") and doc[start_i - 1].lower_ == "of" \
            and doc[start_i - 2].lower_ in ("tens", "hundreds"):
        start_i -= 2  # "tens of thousands": the tagger leaves "tens" out of the number
    i = start_i
    while i > 0 and doc[i - 1].lower_ in CUE_WORDS and doc[i - 1].lower_ not in ("and", "to", "or", "-"):
        i -= 1
    if i > 0 and doc[i - 1].lower_ in ("a", "an") and doc[start_i].lower_ in ("dozen", "handful", "few"):
        i -= 1
    while i < start_i and doc[i].lower_ not in CUE_WORDS | {"a", "an"}:
        i += 1
    return i, end_i


def _unit_of(tokens: list[Token]) -> Token | None:
    """The noun a number phrase counts: its syntactic head, or the object of "of" after a vague quantity."""
    last = tokens[-1]
    for tok in tokens:
        if tok.dep_ in ("nummod", "quantmod", "amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if tok.head not in tokens:
                return tok.head
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    nxt = last.i + 1
    doc = last.doc
    if nxt < len(doc) and doc[nxt].lower_ in ("dead", "injured", "wounded", "killed", "missing", "hurt"):
        return doc[nxt]
    while nxt < len(doc) and nxt <= last.i + 3 and doc[nxt].pos_ in ("ADJ", "NOUN", "PROPN", "ADP"):
        if doc[nxt].pos_ == "ADP" and doc[nxt].lower_ != "of":
            break  # "injures 4 in a machete attack": a noun past another preposition is not what is counted
        if doc[nxt].pos_ == "NOUN" and (nxt + 1 >= len(doc) or doc[nxt + 1].pos_ != "NOUN"):
            return doc[nxt]
        nxt += 1
    return None


def _runs(span: Span | Doc) -> list[tuple[int, int]]:
    """Maximal runs of number tokens (inclusive start, exclusive end), ranges joined by and/to/-/or."""
    runs: list[tuple[int, int]] = []
    doc = span.doc if isinstance(span, Span) else span
    start = None
    for tok in span:
        ok = _is_number_token(tok) and not _is_measure(tok) and not _is_year(tok)
        if ok and start is None:
            start = tok.i
        elif not ok and start is not None:
            runs.append((start, tok.i))
            start = None
    if start is not None:
        runs.append((start, span[-1].i + 1))
    merged: list[tuple[int, int]] = []
    for run in runs:
        if merged and run[0] - merged[-1][1] == 1 and doc[run[0] - 1].lower_ in ("and", "to", "-", "–", "or"):
            prev_text = doc[merged[-1][0]:merged[-1][1]].text.lower()
            if prev_text not in VAGUE_WORDS and doc[run[0] - 1].lower_ != "and" or _between(doc, merged[-1][0]):
                merged[-1] = (merged[-1][0], run[1])
                continue
        merged.append(run)
    return merged


def _between(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].lower_ in ("between", "from")


def find_numbers(span: Span | Doc) -> list[NumberMention]:
    """Every count in ``span`` with bounds, char offsets and its unit noun (see module docstring)."""
    doc = span.doc if isinstance(span, Span) else span
    found: list[NumberMention] = []
    for run_start, run_end in _runs(span):
        start_i, end_i = _phrase_bounds(doc, run_start, run_end)
        if end_i < len(doc) and doc[end_i].lower_ in ("or", "plus") and end_i + 1 < len(doc) and doc[end_i + 1].lower_ == "more":
            end_i += 2
        phrase = doc[start_i:end_i]
        bounds = parse_count(phrase.text)
        while bounds is None and start_i < run_start:
            start_i += 1  # "a total of 23", "the lives of at least 27": drop leading words that are no cue
            phrase = doc[start_i:end_i]
            bounds = parse_count(phrase.text)
        if bounds is None:
            continue
        unit = _unit_of(list(doc[run_start:run_end]))
        found = [n for n in found if n.start < phrase.start_char]  # "hundreds" inside "hundreds of thousands"
        found.append(NumberMention(
            start=phrase.start_char, end=phrase.end_char, text=phrase.text, bounds=bounds,
            unit=unit.lemma_.lower() if unit is not None else None,
            unit_start=unit.idx if unit is not None else None,
            unit_end=unit.idx + len(unit.text) if unit is not None else None,
            approximate=any(t.lower_ in ("about", "around", "approximately", "roughly", "some", "estimated") for t in doc[start_i:run_start]),
            token_i=run_end - 1,
        ))
    return found


def add_bounds(values: list[Bounds]) -> Bounds:
    """Sum of counts: mins add up; the max is known only when every part has one."""
    low = sum((b.min if b.min is not None else 0) for b in values)
    has_min = any(b.min is not None for b in values)
    high = sum(b.max for b in values) if values and all(b.max is not None for b in values) else None
    return Bounds(low if has_min else None, high)
