"""Second-stage document decisions: the document classifier's outputs plus what the candidate
classifier found (a document whose phrases look like victims and perpetrators reports an incident),
cue-word features (``cues.document_cue_features``: lead-sentence incident cues, task countries) and,
per incident type, how close its cue words are to the likely fillers (victims near "kidnapped").

Trained on out-of-fold outputs of the first stage (``scripts/train_rolefill.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from conflictgraph.extract.rolefill.cues import CUE_STEMS
from conflictgraph.extract.rolefill.model import DOC_OUTPUTS, ROLES, Filler


def _proximity(fillers: list[Filler], cues: dict[str, list[int]]) -> list[float]:
    """Per incident type, likely fillers weighted by closeness (in tokens) to that type's cue words."""
    likely = [f for f in fillers if f.probability > 0.5 and f.starts]
    values = []
    for kind in CUE_STEMS:
        positions = np.array(cues.get(kind, ()), dtype=np.int64)
        total = 0.0
        if len(positions):
            for filler in likely:
                distance = min(int(np.abs(positions - start).min()) for start in filler.starts)
                total += filler.probability * float(np.exp(-distance / 10))
        values.append(float(np.log1p(total)))
    return values


def stack_features(probs: dict[str, float], fillers: list[Filler], doc_views: np.ndarray,
                   cues: dict[str, list[int]]) -> np.ndarray:
    """Document logits; per role the two best filler probabilities and how many are likely; the
    document views (``templates.document_views``: cue features, naive-Bayes scores); filler-cue
    proximity per incident type."""
    values = [float(np.log(max(probs[k], 1e-6) / max(1 - probs[k], 1e-6))) for k in DOC_OUTPUTS]
    for role in ROLES:
        ranked = sorted((f.probability for f in fillers if f.role == role), reverse=True) + [0.0, 0.0]
        values += [ranked[0], ranked[1], sum(p > 0.5 for p in ranked), sum(p > 0.3 for p in ranked) / 5]
    values += [float(v) for v in doc_views]
    values += _proximity(fillers, cues)
    return np.array(values, dtype=np.float64)


@dataclass(frozen=True, slots=True)
class Stacker:
    """Logistic regression on standardised ``stack_features``; one output per DOC_OUTPUTS entry."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: np.ndarray

    def probabilities(self, probs: dict[str, float], fillers: list[Filler], doc_views: np.ndarray,
                      cues: dict[str, list[int]]) -> dict[str, float]:
        x = (stack_features(probs, fillers, doc_views, cues) - self.mean) / self.scale
        z = np.clip(x @ self.weights + self.bias, -30, 30)
        return dict(zip(DOC_OUTPUTS, (1.0 / (1.0 + np.exp(-z))).tolist(), strict=True))


def fit_stacker(features: np.ndarray, targets: np.ndarray, l2: float = 1e-2, steps: int = 500) -> Stacker:
    """Full-batch gradient descent; a few hundred documents and ~30 features need nothing more."""
    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-6
    x = (features - mean) / scale
    weights = np.zeros((x.shape[1], targets.shape[1]))
    bias = np.zeros(targets.shape[1])
    for _ in range(steps):
        grad = 1.0 / (1.0 + np.exp(-(x @ weights + bias))) - targets
        weights -= 0.5 * (x.T @ grad / len(x) + l2 * weights)
        bias -= 0.5 * grad.mean(axis=0)
    return Stacker(mean, scale, weights, bias)
