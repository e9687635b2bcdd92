"""Train the MUC-4 role-filler model (conflictgraph/extract/rolefill) on the train split.

Usage: .venv/bin/python scripts/train_rolefill.py --data ../shared/data/muc4 [--folds 4]

Uses only gtt_processed/train.json (1,300 documents). The decision thresholds are chosen on
out-of-fold predictions (--folds K: K models, each trained without one fold) and their GTT-style
score is logged; the final model is then trained on all train documents. The weights file holds
hashed feature buckets and numbers only, never text. Takes about 5 minutes on one core.
"""

from __future__ import annotations

import argparse
import json
import logging
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from conflictgraph.evaluation.muc4 import _empty_counts, _f1, _normalize_templates, normalize_mention, score_document
from conflictgraph.extract.rolefill.candidates import candidate_features, candidates, train_candidate_classifier
from conflictgraph.extract.rolefill.cues import cue_positions, document_cue_features
from conflictgraph.extract.rolefill.features import Token, document_features, tokenize
from conflictgraph.extract.rolefill.model import (
    DOC_OUTPUTS,
    LABELS,
    MODEL_PATH,
    ROLES,
    RoleFillModel,
    save_model,
    train_doc_classifier,
)
from conflictgraph.extract.rolefill.naive_bayes import fit_naive_bayes, lead_features
from conflictgraph.extract.rolefill.parse import Tags, parse_many
from conflictgraph.extract.rolefill.stacking import Stacker, fit_stacker, stack_features
from conflictgraph.extract.rolefill.templates import Filler, Thresholds, build_templates, save_thresholds

logger = logging.getLogger("train_rolefill")
# Keep a quarter of the non-filler candidates: ~50 negatives per filler is enough and 4x faster.
NEGATIVE_KEEP = 0.25


@dataclass(frozen=True, slots=True)
class Prepared:
    doc: dict
    doc_ids: list[int]
    targets: list[int]
    texts: list[str]
    cand_ids: list[np.ndarray]
    labels: list[int]
    starts: list[tuple[int, ...]]
    cue_features: np.ndarray
    cues: dict[str, list[int]]
    lead_ids: list[int]


def gold_roles(templates: list[dict]) -> dict[str, int]:
    """Normalised gold mention -> label index (first role wins when a string fills two)."""
    out: dict[str, int] = {}
    for template in templates:
        for role in ROLES:
            for entity in template[role]:
                for mention, _ in entity:
                    out.setdefault(normalize_mention(mention), LABELS.index(role))
    return out


def doc_targets(templates: list[dict]) -> list[int]:
    kinds = {k.strip() for t in templates for k in t["incident_type"].split("/")}
    return [int(bool(templates)), *(int(kind in kinds) for kind in DOC_OUTPUTS[1:-1]), int(len(templates) > 1)]


def prepare(doc: dict, tokens: list[Token], tags: Tags) -> Prepared:
    gold = gold_roles(doc["templates"])
    cands = candidates(tokens)
    return Prepared(doc, document_features(tokens), doc_targets(doc["templates"]), [c.text for c in cands],
                    [np.array(ids, dtype=np.int64) for ids in candidate_features(tokens, cands, tags)],
                    [gold.get(normalize_mention(c.text), 0) for c in cands], [c.starts for c in cands],
                    document_cue_features(tokens), cue_positions(tokens), lead_features(tokens))


def prepare_all(docs: list[dict]) -> list[Prepared]:
    """Tokens, parse tags (one batched spaCy pass, about 1.5 minutes) and all features of every document."""
    tokens = [tokenize(doc["doctext"]) for doc in docs]
    tags = parse_many((doc["doctext"] for doc in docs), tokens)
    return [prepare(doc, toks, view) for doc, toks, view in zip(docs, tokens, tags, strict=True)]


def train(prepared: list[Prepared], seed: int = 0) -> RoleFillModel:
    rng = np.random.default_rng(seed)
    # Candidates only from documents with an incident: at prediction time the document classifier
    # has already said there is one, and fillers of irrelevant incidents would teach the opposite.
    examples = [(ids, label) for p in prepared if p.doc["templates"] for ids, label in zip(p.cand_ids, p.labels, strict=True)
                if label or rng.random() < NEGATIVE_KEEP]
    logger.info("%s candidate examples", len(examples))
    cand = train_candidate_classifier(examples, len(LABELS), epochs=8)
    # 30 epochs, small rate, some L2: the best relevance accuracy on held-out train documents.
    doc = train_doc_classifier([p.doc_ids for p in prepared], np.array([p.targets for p in prepared], dtype=np.float32),
                               epochs=30, rate=0.05, l2=1e-3)
    naive_bayes = fit_naive_bayes([(p.doc_ids, p.lead_ids) for p in prepared],
                                  np.array([p.targets for p in prepared], dtype=np.float64))
    return RoleFillModel(cand, doc, naive_bayes=naive_bayes)


class HeldOut:
    """Out-of-fold model outputs for the train documents, for threshold search."""

    def __init__(self) -> None:
        self.probs: list[dict[str, float]] = []
        self.fillers: list[list[Filler]] = []
        self.gold: list[list[dict]] = []
        self.cue_features: list[np.ndarray] = []
        self.cues: list[dict[str, list[int]]] = []

    def add(self, model: RoleFillModel, prepared: list[Prepared]) -> None:
        for p in prepared:
            self.probs.append(model.doc.probabilities(p.doc_ids))
            fillers = []
            for text, ids, starts in zip(p.texts, p.cand_ids, p.starts, strict=True):
                probs = model.candidates.probabilities(ids)
                best = int(np.argmax(probs[1:])) + 1
                fillers.append(Filler(ROLES[best - 1], text, float(probs[best]), starts))
            self.fillers.append(fillers)
            self.gold.append(_normalize_templates(p.doc["templates"]))
            nb = model.naive_bayes.scores_of((p.doc_ids, p.lead_ids)) if model.naive_bayes else np.zeros(0)
            self.cue_features.append(np.concatenate([p.cue_features, nb]))
            self.cues.append(p.cues)

    def counts(self, thresholds: Thresholds) -> dict[str, list[int]]:
        totals = _empty_counts()
        for probs, fillers, gold, cues in zip(self.probs, self.fillers, self.gold, self.cues, strict=True):
            pred = _normalize_templates(build_templates(probs, fillers, thresholds, cues))
            for role, counts in score_document(pred, gold).items():
                totals[role] = [a + b for a, b in zip(totals[role], counts, strict=True)]
        return totals

    def f1(self, thresholds: Thresholds) -> float:
        totals = self.counts(thresholds)
        return _f1(*[sum(c[i] for c in totals.values()) for i in range(4)])[2]


def _candidates(best: Thresholds) -> list[Thresholds]:
    out = [replace(best, relevant=v) for v in (0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6)]
    out += [replace(best, skip_overlaps=v) for v in (False, True)]
    out += [replace(best, assign=v) for v in (False, True)]
    out += [replace(best, extra_type=v) for v in (0.3, 0.4, 0.5, 0.6, 0.8, 1.1)]
    out += [replace(best, multi=v) for v in (0.3, 0.4, 0.5, 0.6, 0.8, 1.1)]
    out += [replace(best, shared_roles=v) for v in ((), ("PerpOrg",), ("PerpInd", "PerpOrg"), ROLES)]
    out += [replace(best, max_per_role=v) for v in (1, 2, 3, 4, 6, 10)]
    for role in ROLES:
        out += [replace(best, role={**best.role, role: v}) for v in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)]
    return out


def tune(held: HeldOut, rounds: int = 2) -> Thresholds:
    """Coordinate ascent over the thresholds on held-out train documents."""
    best = Thresholds()
    best_f1 = held.f1(best)
    logger.info("held-out F1 with default thresholds: %.4f", best_f1)
    for _ in range(rounds):
        for candidate in _candidates(best):
            if (f := held.f1(candidate)) > best_f1:
                best, best_f1 = candidate, f
    logger.info("held-out F1 with tuned thresholds %s: %.4f", best, best_f1)
    for role, counts in held.counts(best).items():
        logger.info("  %s P %.3f R %.3f F1 %.3f", role, *_f1(*counts))
    return best


def stack(held: HeldOut, targets: np.ndarray, folds: int) -> Stacker:
    """Fit the second stage on out-of-fold outputs; replace ``held.probs`` by its own out-of-fold outputs."""
    features = np.array([stack_features(p, f, c, q) for p, f, c, q in
                         zip(held.probs, held.fillers, held.cue_features, held.cues, strict=True)])
    index = np.arange(len(features))
    stacked = list(held.probs)
    for fold in range(folds):
        fitted = fit_stacker(features[index % folds != fold], targets[index % folds != fold])
        for i in np.flatnonzero(index % folds == fold):
            stacked[i] = fitted.probabilities(held.probs[i], held.fillers[i], held.cue_features[i], held.cues[i])
    held.probs = stacked
    return fit_stacker(features, targets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the muc4 folder (with gtt_processed/)")
    parser.add_argument("--folds", type=int, default=4, help="cross-validation folds for the thresholds (0: defaults)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    lines = (args.data / "gtt_processed" / "train.json").read_text(encoding="utf-8").splitlines()
    prepared = prepare_all([json.loads(line) for line in lines if line.strip()])
    logger.info("prepared %s documents", len(prepared))
    thresholds = Thresholds()
    stacker = None
    if args.folds:
        held, targets = HeldOut(), []
        for fold in range(args.folds):
            rest = [p for i, p in enumerate(prepared) if i % args.folds != fold]
            part = [p for i, p in enumerate(prepared) if i % args.folds == fold]
            held.add(train(rest), part)
            targets += [p.targets for p in part]
        logger.info("first stage, tuned:")
        tune(held)
        stacker = stack(held, np.array(targets, dtype=np.float64), args.folds)
        logger.info("with the stacker, tuned:")
        thresholds = tune(held)
    model = train(prepared)
    save_model(RoleFillModel(model.candidates, model.doc, stacker, model.naive_bayes), args.out)
    save_thresholds(thresholds, args.out.with_suffix(".thresholds.json"))


if __name__ == "__main__":
    main()
