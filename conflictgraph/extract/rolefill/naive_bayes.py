"""Naive-Bayes log-count ratios over hashed words, of the whole text and of the lead sentences.

A second view of the document decisions (relevance, incident types, several incidents) for the
stacker: on out-of-fold train predictions it raised relevance accuracy from 0.80 to 0.82, where a
second logistic model on the same words did not (the lead sentences say whether a report is about
a specific incident; the bag of words of the whole text mixes that with background).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from conflictgraph.extract.rolefill.features import N_BUCKETS, Token, document_features, hash_feature, sentence_ids

LEAD_SENTENCES = 2
MIN_DOCS = 2  # words of one training document only are noise for a ratio


def lead_features(tokens: list[Token]) -> list[int]:
    """Hashed set of the words of the first ``LEAD_SENTENCES`` sentences."""
    return sorted({hash_feature(f"lead={t.text}") for t, s in zip(tokens, sentence_ids(tokens), strict=True)
                   if s < LEAD_SENTENCES and t.text.isalnum()})


@dataclass(frozen=True, slots=True)
class NaiveBayes:
    """Per view (words, lead words): ``ratio`` (N_BUCKETS, k) of log-ratio minus ``unseen`` (k,), the
    ratio of a word never seen in training (so that the table is zero for all unseen buckets)."""

    ratio: np.ndarray  # (2, N_BUCKETS, k)
    unseen: np.ndarray  # (2, k)

    def scores(self, tokens: list[Token]) -> np.ndarray:
        return self.scores_of((document_features(tokens), lead_features(tokens)))

    def scores_of(self, views: tuple[list[int], list[int]]) -> np.ndarray:
        """Scores from precomputed (document_features, lead_features)."""
        out = []
        for view, ids in enumerate(views):
            total = self.ratio[view][ids].sum(axis=0) + self.unseen[view] * len(ids)
            out.append(total / np.sqrt(len(ids) + 1))
        return np.concatenate(out).astype(np.float64)


def fit_naive_bayes(docs: list[tuple[list[int], list[int]]], targets: np.ndarray, alpha: float = 1.0) -> NaiveBayes:
    """``docs``: (document_features, lead_features) per document; ``targets`` (n, k) of 0/1."""
    k = targets.shape[1]
    ratios, unseen = np.zeros((2, N_BUCKETS, k), dtype=np.float32), np.zeros((2, k))
    n_pos, n_neg = targets.sum(axis=0) + 2 * alpha, (1 - targets).sum(axis=0) + 2 * alpha
    for view in range(2):
        pos, neg, df = np.zeros((N_BUCKETS, k)), np.zeros((N_BUCKETS, k)), np.zeros(N_BUCKETS)
        for features, target in zip((d[view] for d in docs), targets, strict=True):
            pos[features] += target
            neg[features] += 1 - target
            df[features] += 1
        base = np.log(alpha / n_pos) - np.log(alpha / n_neg)
        ratio = np.log((pos + alpha) / n_pos) - np.log((neg + alpha) / n_neg) - base
        ratio[df < MIN_DOCS] = 0.0
        ratios[view], unseen[view] = ratio, base
    return NaiveBayes(ratios, unseen)
