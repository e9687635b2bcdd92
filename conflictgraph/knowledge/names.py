"""Name normalization shared by the matcher, the resolver and the store.

Two spellings of one name must give the same key: "al-Qaida", "Al Qaeda",
"al-Qa'ida" -> ("al", "qaida"). Tokens are runs of letters and digits;
apostrophes inside a word vanish (Da'esh -> daesh), a final possessive 's is
dropped, accents are removed, and a small transliteration table folds the
common variants of Arabic-derived words (data: ``data/translit.yaml``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ`‘][^\W_]+)*")
_APOSTROPHES = str.maketrans("", "", "'’ʼ`‘")
_TRANSLIT_FILE = Path(__file__).parent / "data" / "translit.yaml"
# Leading articles carry no identity: "the Islamic State" is "Islamic State".
_DROP_FIRST = frozenset({"the"})


@lru_cache(maxsize=1)
def translit_table() -> dict[str, str]:
    if not _TRANSLIT_FILE.exists():
        return {}
    raw = yaml.safe_load(_TRANSLIT_FILE.read_text(encoding="utf-8")) or {}
    return {variant: canonical for canonical, variants in raw.items() for variant in [canonical, *variants]}


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> str:
    """Lower-case, accent-free, apostrophe-free, transliteration-folded token."""
    word = (token if token.isascii() else strip_accents(token)).lower()
    if len(word) > 2 and word[-2] in "'’ʼ`‘" and word[-1] == "s":
        word = word[:-2]
    word = word.translate(_APOSTROPHES)
    return translit_table().get(word, word)


def tokens_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """(folded token, start, end) for every word; end excludes a possessive 's."""
    out = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        raw = match.group()
        if len(raw) > 2 and raw[-2] in "'’ʼ`‘" and raw[-1] in "sS":
            end -= 2
        out.append((fold_token(raw), start, end))
    return out


def name_key(name: str) -> tuple[str, ...]:
    """The token tuple two spellings of one name share."""
    tokens = [fold_token(m.group()) for m in _TOKEN.finditer(name)]
    while len(tokens) > 1 and tokens[0] in _DROP_FIRST:
        tokens = tokens[1:]
    return tuple(tokens)


def norm(name: str) -> str:
    """name_key as one string: the form stored in the alias table."""
    return " ".join(name_key(name))


def slug(name: str) -> str:
    return "-".join(name_key(name)) or "unnamed"


def loose_key(name: str) -> str:
    """A looser key for transliteration variants that name_key keeps apart: apostrophes and
    hyphens gone, doubled letters single ("Asai'ib Ahl al-Haqq" and "Asa'ib Ahl al-Haq" -> "asaib ahl al haq").
    For matching a known name against a text, never for recognising new names."""
    words = [fold_token(m.group()) for m in _TOKEN.finditer(name)]
    return " ".join(re.sub(r"(.)\1+", r"\1", w) for w in words)

