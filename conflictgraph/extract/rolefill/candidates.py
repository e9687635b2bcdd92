"""Entity-level role classifier: every short phrase of a document is a candidate filler.

A candidate is a distinct word sequence (1 to ``MAX_LEN`` tokens, not starting or ending with a
function word or punctuation). Its features pool the contexts of all its occurrences, so that one
clear context ("... kidnapped X ...") decides for the phrase, as MUC keys list each entity once.
A softmax over none + the five roles is trained by SGD on hashed features.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from conflictgraph.extract.rolefill.features import Token, sentence_ids

MAX_LEN = 5
CAND_BUCKETS = 1 << 20
_FUNCTION = frozenset("""a an the of in on at to and or by for with from as is was were be been that this these
those which who whom his her its their our your my he she it they we you i not no but if than then so also said
says say after before during about into over under between against since while when where there here all some any
other such one two three four five six seven eight nine ten has have had do does did will would could should may
might can must today yesterday tomorrow last this next""".split())
_WINDOW = 5


@dataclass(frozen=True, slots=True)
class Candidate:
    text: str  # the phrase as in the document (lower-cased)
    words: tuple[str, ...]
    starts: tuple[int, ...]  # token index of every occurrence


def _hash(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) & (CAND_BUCKETS - 1)


def _is_word(text: str) -> bool:
    return text[:1].isalnum()


def candidates(tokens: list[Token]) -> list[Candidate]:
    """Distinct phrases within one sentence, with the token index of each occurrence."""
    sent = sentence_ids(tokens)
    words = [t.text for t in tokens]
    found: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, first in enumerate(words):
        if not _is_word(first) or first in _FUNCTION:
            continue
        for n in range(1, MAX_LEN + 1):
            j = i + n - 1
            if j >= len(words) or sent[j] != sent[i] or not _is_word(words[j]):
                break
            if words[j] not in _FUNCTION:
                found[tuple(words[i:j + 1])].append(i)
    return [Candidate(" ".join(w), w, tuple(starts)) for w, starts in found.items()]


def _occurrence_features(words: list[str], sent: list[int], start: int, n: int) -> set[str]:
    def word(k: int) -> str:
        return words[k] if 0 <= k < len(words) else "<>"

    end = start + n - 1
    feats = {f"l1={word(start - 1)}", f"r1={word(end + 1)}", f"l2={word(start - 2)}|{word(start - 1)}",
             f"r2={word(end + 1)}|{word(end + 2)}", f"l2w={word(start - 2)}", f"r2w={word(end + 2)}",
             f"l1h={word(start - 1)}|{words[end]}", f"hr1={words[end]}|{word(end + 1)}"}
    for k in range(start - _WINDOW, start - 2):
        feats.add(f"lw={word(k)}")
    for k in range(end + 3, end + _WINDOW + 1):
        feats.add(f"rw={word(k)}")
    feats.add(f"sent={min(sent[start], 5)}")
    return feats


def candidate_features(tokens: list[Token], cands: list[Candidate],
                       tags: Sequence[tuple[str, ...]] | None = None) -> list[list[int]]:
    """Hashed features of each candidate: its words, and the pooled contexts of its occurrences;
    ``tags``: per token, its parse tags (``parse.Parsed.tags``), pooled over the occurrences too."""
    words = [t.text for t in tokens]
    sent = sentence_ids(tokens)
    # Content words per sentence, computed once: the incident verb ("kidnapped", "exploded") may be
    # far from the filler, but in its sentence.
    sentence_words: dict[int, set[str]] = defaultdict(set)
    for word, sid in zip(words, sent, strict=True):
        if word not in _FUNCTION:
            sentence_words[sid].add(f"sw={word}")
    out = []
    for candidate in cands:
        feats = _features(words, sent, sentence_words, candidate)
        if tags:
            feats |= _parse_features(tags, candidate)
        out.append(sorted({_hash(f) for f in feats}))
    return out


def _parse_features(tags: Sequence[tuple[str, ...]], candidate: Candidate) -> set[str]:
    """Parse tags of the phrase's last word (the head of an English noun phrase: its relation to the
    verb, "nsubjpass|kidnap") and the entity label of its first word, at each occurrence."""
    last = len(candidate.words) - 1
    feats: set[str] = set()
    for start in candidate.starts[:8]:
        feats |= {f"pt:{tag}" for tag in tags[start + last]}
        feats |= {f"pf:{tag}" for tag in tags[start] if tag.startswith("ent=")}
    return feats


def _features(words: list[str], sent: list[int], sentence_words: dict[int, set[str]], candidate: Candidate) -> set[str]:
    w = candidate.words
    feats = {"bias", f"ph={candidate.text}", f"head={w[-1]}", f"first={w[0]}", f"len={len(w)}",
             f"hs3={w[-1][-3:]}", f"count={min(len(candidate.starts), 4)}",
             f"firstsent={min(sent[candidate.starts[0]], 5)}"}
    feats |= {f"in={x}" for x in w}
    if len(w) > 1:
        feats.add(f"head2={w[-2]}|{w[-1]}")
    for start in candidate.starts[:8]:  # a phrase seen more often adds little beyond its first contexts
        feats |= _occurrence_features(words, sent, start, len(w))
    for sid in {sent[start] for start in candidate.starts[:3]}:
        feats |= sentence_words[sid]
    return feats


class CandidateClassifier:
    """Softmax over ("none", *roles) on hashed candidate features."""

    def __init__(self, weights: np.ndarray) -> None:
        self.weights = weights  # (CAND_BUCKETS, 1 + len(roles))

    def probabilities(self, ids: list[int]) -> np.ndarray:
        z = self.weights[ids].sum(axis=0)
        z = np.exp(z - z.max())
        return z / z.sum()


def train_candidate_classifier(examples: list[tuple[list[int], int]], n_labels: int, epochs: int = 8,
                               rate: float = 0.1, l2: float = 1e-6, seed: int = 0) -> CandidateClassifier:
    """SGD on the softmax loss; ``examples`` are (feature ids, label index)."""
    weights = np.zeros((CAND_BUCKETS, n_labels), dtype=np.float32)
    model = CandidateClassifier(weights)
    rng = np.random.default_rng(seed)
    for epoch in range(epochs):
        lr = rate / (1 + 0.5 * epoch)
        for e in rng.permutation(len(examples)):
            ids, label = examples[e]
            grad = model.probabilities(ids)
            grad[label] -= 1.0
            weights[ids] -= lr * (grad + l2 * weights[ids])
    return model
