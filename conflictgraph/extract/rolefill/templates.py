"""Incident templates from the candidate classifier and the document classifiers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from conflictgraph.extract.rolefill.candidates import candidate_features, candidates
from conflictgraph.extract.rolefill.features import document_features, tokenize
from conflictgraph.extract.rolefill.model import DOC_OUTPUTS, MODEL_PATH, ROLES, Filler, RoleFillModel, load_model

INCIDENT_TYPES = DOC_OUTPUTS[1:-1]
THRESHOLDS_PATH = MODEL_PATH.with_suffix(".thresholds.json")


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Decision thresholds, chosen on a held-out part of the train split by the training script."""

    relevant: float = 0.5
    extra_type: float = 0.5
    multi: float = 1.1  # P(several incidents) above which a second template of the main type is added
    shared_roles: tuple[str, ...] = ()  # roles whose fillers the extra templates repeat (often one perpetrator)
    role: dict[str, float] = field(default_factory=lambda: {role: 0.5 for role in ROLES})
    max_per_role: int = 10
    # Skip a filler whose words overlap a likelier filler of the same role ("guerrillas" after
    # "urban guerrillas"): MUC lists one entity once, so the variants mostly cost precision.
    skip_overlaps: bool = False


@lru_cache(maxsize=1)
def load_thresholds(path: Path = THRESHOLDS_PATH) -> Thresholds:
    """The thresholds the training script chose (defaults when the file is absent)."""
    if not path.exists():
        return Thresholds()
    values = json.loads(path.read_text(encoding="utf-8"))
    return Thresholds(**{**values, "shared_roles": tuple(values.get("shared_roles", ()))})


def save_thresholds(thresholds: Thresholds, path: Path = THRESHOLDS_PATH) -> None:
    fields = ("relevant", "extra_type", "multi", "shared_roles", "role", "max_per_role", "skip_overlaps")
    path.write_text(json.dumps({f: getattr(thresholds, f) for f in fields}, indent=1) + "\n", encoding="utf-8")


def score_candidates(text: str, model: RoleFillModel) -> list[Filler]:
    """Every candidate phrase with its most likely role and that role's probability."""
    tokens = tokenize(text)
    cands = candidates(tokens)
    out = []
    for candidate, ids in zip(cands, candidate_features(tokens, cands), strict=True):
        probs = model.candidates.probabilities(ids)
        best = int(np.argmax(probs[1:])) + 1
        out.append(Filler(ROLES[best - 1], candidate.text, float(probs[best])))
    return out


def document_probabilities(text: str, model: RoleFillModel) -> dict[str, float]:
    return model.doc.probabilities(document_features(tokenize(text)))


def predict_templates(text: str, model: RoleFillModel | None = None,
                      thresholds: Thresholds | None = None) -> list[dict]:
    """Templates for one document: none if it reports no relevant incident, else one for the main
    incident type (with all role fillers) plus one for each other likely type."""
    model = model or load_model()
    thresholds = thresholds or load_thresholds()
    probs = document_probabilities(text, model)
    fillers = score_candidates(text, model)
    if model.stacker is not None:
        probs = model.stacker.probabilities(probs, fillers)
    return build_templates(probs, fillers, thresholds)


def _entities(fillers: list[Filler], role: str, thresholds: Thresholds) -> list[list[str]]:
    ranked = sorted((f for f in fillers if f.role == role and f.probability >= thresholds.role[role]),
                    key=lambda f: -f.probability)
    chosen: list[Filler] = []
    for filler in ranked:
        if len(chosen) >= thresholds.max_per_role:
            break
        if thresholds.skip_overlaps and any(_overlap(filler.text, c.text) for c in chosen):
            continue
        chosen.append(filler)
    return [[f.text] for f in chosen]


def _overlap(a: str, b: str) -> bool:
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def build_templates(probs: dict[str, float], fillers: list[Filler], thresholds: Thresholds) -> list[dict]:
    """The decision step of ``predict_templates``, apart so that thresholds can be tuned on cached scores."""
    if probs["relevant"] < thresholds.relevant:
        return []
    ranked = sorted(INCIDENT_TYPES, key=lambda kind: -probs[kind])
    entities = {role: _entities(fillers, role, thresholds) for role in ROLES}
    kinds = [ranked[0], *(kind for kind in ranked[1:] if probs[kind] >= thresholds.extra_type)]
    if len(kinds) == 1 and probs["multi"] >= thresholds.multi:
        kinds.append(ranked[0])
    shared = {role: (entities[role] if role in thresholds.shared_roles else []) for role in ROLES}
    return [{"incident_type": kinds[0], **entities}, *({"incident_type": kind, **shared} for kind in kinds[1:])]
