"""The role-filler model: candidate classifier + logistic document classifiers, stored as sparse hashed weights."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from conflictgraph.errors import ExtractError
from conflictgraph.extract.rolefill.candidates import CAND_BUCKETS, CandidateClassifier
from conflictgraph.extract.rolefill.features import N_BUCKETS

if TYPE_CHECKING:
    from conflictgraph.extract.rolefill.naive_bayes import NaiveBayes
    from conflictgraph.extract.rolefill.stacking import Stacker

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
LABELS = ("O", *ROLES)
DOC_OUTPUTS = ("relevant", "attack", "bombing", "kidnapping", "arson", "robbery", "forced work stoppage", "multi")
MODEL_PATH = Path(__file__).with_name("muc4_rolefill.npz")


@dataclass(frozen=True, slots=True)
class Filler:
    """A candidate phrase with its most likely role and that role's probability."""

    role: str
    text: str
    probability: float
    starts: tuple[int, ...] = ()  # token index of each occurrence (to find the incident it belongs to)


class DocClassifier:
    """Independent logistic outputs (DOC_OUTPUTS) over hashed word presence."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray) -> None:
        self.weights, self.bias = weights, bias  # (N_BUCKETS, k), (k,)

    def probabilities(self, ids: list[int]) -> dict[str, float]:
        z = np.clip(self.weights[ids].sum(axis=0) + self.bias, -30, 30)
        return dict(zip(DOC_OUTPUTS, (1.0 / (1.0 + np.exp(-z))).tolist(), strict=True))


def train_doc_classifier(docs: list[list[int]], targets: np.ndarray, epochs: int = 15, rate: float = 0.2,
                         l2: float = 1e-4, seed: int = 0) -> DocClassifier:
    """SGD on the logistic loss; targets is (len(docs), len(DOC_OUTPUTS)) of 0/1."""
    weights = np.zeros((N_BUCKETS, targets.shape[1]), dtype=np.float32)
    bias = np.zeros(targets.shape[1], dtype=np.float32)
    rng = np.random.default_rng(seed)
    for epoch in range(epochs):
        lr = rate / (1 + epoch)
        for d in rng.permutation(len(docs)):
            ids = docs[d]
            z = weights[ids].sum(axis=0) + bias
            grad = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))) - targets[d]
            weights[ids] -= lr * (grad + l2 * weights[ids])
            bias -= lr * grad
    return DocClassifier(weights, bias)


@dataclass(frozen=True, slots=True)
class RoleFillModel:
    candidates: CandidateClassifier
    doc: DocClassifier
    stacker: Stacker | None = None
    naive_bayes: NaiveBayes | None = None  # extra document view for the stacker (naive_bayes.py)


def _sparse(array: np.ndarray, keep: float) -> tuple[np.ndarray, np.ndarray]:
    # Weights this small change no decision; dropping them keeps the shipped file small.
    flat = array.ravel()
    idx = np.flatnonzero(np.abs(flat) > keep).astype(np.int32)  # < 2**31 for every table here
    return idx, flat[idx].astype(np.float16)


def save_model(model: RoleFillModel, path: Path = MODEL_PATH) -> None:
    """Store non-negligible weights only (hash buckets and numbers, no feature strings)."""
    c_idx, c_val = _sparse(model.candidates.weights, 1e-3)
    d_idx, d_val = _sparse(model.doc.weights, 1e-3)
    stack = {} if model.stacker is None else {
        f"stack_{name}": getattr(model.stacker, name) for name in ("mean", "scale", "weights", "bias")}
    if model.naive_bayes is not None:
        stack["nb_idx"], stack["nb_val"] = _sparse(model.naive_bayes.ratio, 1e-3)
        stack["nb_unseen"] = model.naive_bayes.unseen
    np.savez_compressed(path, cand_idx=c_idx, cand_val=c_val, doc_idx=d_idx, doc_val=d_val,
                        doc_bias=model.doc.bias.astype(np.float32), **stack)
    logger.info("saved %s candidate and %s document weights to %s", len(c_idx), len(d_idx), path)


def _dense(idx: np.ndarray, val: np.ndarray, rows: int, columns: int) -> np.ndarray:
    array = np.zeros(rows * columns, dtype=np.float32)
    array[idx] = val.astype(np.float32)
    return array.reshape(rows, columns)


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> RoleFillModel:
    if not path.exists():
        raise ExtractError(f"{path} not found; train it with scripts/train_rolefill.py --data ../shared/data/muc4.")
    with np.load(path) as data:
        candidates = CandidateClassifier(_dense(data["cand_idx"], data["cand_val"], CAND_BUCKETS, len(LABELS)))
        doc = DocClassifier(_dense(data["doc_idx"], data["doc_val"], N_BUCKETS, len(DOC_OUTPUTS)), data["doc_bias"])
        stacker = None
        if "stack_weights" in data:
            from conflictgraph.extract.rolefill.stacking import Stacker  # stacking imports this module

            stacker = Stacker(*(data[f"stack_{name}"] for name in ("mean", "scale", "weights", "bias")))
        naive_bayes = None
        if "nb_unseen" in data:
            from conflictgraph.extract.rolefill.naive_bayes import NaiveBayes

            unseen = data["nb_unseen"]
            ratio = _dense(data["nb_idx"], data["nb_val"], 2 * N_BUCKETS, unseen.shape[1])
            naive_bayes = NaiveBayes(ratio.reshape(2, N_BUCKETS, unseen.shape[1]), unseen)
    return RoleFillModel(candidates, doc, stacker, naive_bayes)
