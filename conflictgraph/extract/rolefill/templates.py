"""Incident templates from the candidate classifier and the document classifiers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from conflictgraph.extract.rolefill.candidates import candidate_features, candidates
from conflictgraph.extract.rolefill.cues import cue_positions, document_cue_features
from conflictgraph.extract.rolefill.features import Token, document_features, tokenize
from conflictgraph.extract.rolefill.model import DOC_OUTPUTS, MODEL_PATH, ROLES, Filler, RoleFillModel, load_model
from conflictgraph.extract.rolefill.parse import Tags, parse

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
    # With several incident types, put each filler into the template of the type whose cue word
    # ("kidnapped", "bomb") is nearest to its occurrences, instead of all into the main one.
    assign: bool = False


@lru_cache(maxsize=1)
def load_thresholds(path: Path = THRESHOLDS_PATH) -> Thresholds:
    """The thresholds the training script chose (defaults when the file is absent)."""
    if not path.exists():
        return Thresholds()
    values = json.loads(path.read_text(encoding="utf-8"))
    return Thresholds(**{**values, "shared_roles": tuple(values.get("shared_roles", ()))})


def save_thresholds(thresholds: Thresholds, path: Path = THRESHOLDS_PATH) -> None:
    fields = ("relevant", "extra_type", "multi", "shared_roles", "role", "max_per_role", "skip_overlaps", "assign")
    path.write_text(json.dumps({f: getattr(thresholds, f) for f in fields}, indent=1) + "\n", encoding="utf-8")


def score_candidates(text: str, model: RoleFillModel, tokens: list[Token] | None = None,
                     tags: Tags | None = None) -> list[Filler]:
    """Every candidate phrase with its most likely role, that role's probability and its positions."""
    tokens = tokenize(text) if tokens is None else tokens
    cands = candidates(tokens)
    out = []
    for candidate, ids in zip(cands, candidate_features(tokens, cands, tags), strict=True):
        probs = model.candidates.probabilities(ids)
        best = int(np.argmax(probs[1:])) + 1
        out.append(Filler(ROLES[best - 1], candidate.text, float(probs[best]), candidate.starts))
    return out


def document_views(tokens: list[Token], model: RoleFillModel) -> np.ndarray:
    """The stacker's document-level inputs besides the first stage: cue features, naive-Bayes scores."""
    views = [document_cue_features(tokens)]
    if model.naive_bayes is not None:
        views.append(model.naive_bayes.scores(tokens))
    return np.concatenate(views)


def predict_templates(text: str, model: RoleFillModel | None = None,
                      thresholds: Thresholds | None = None) -> list[dict]:
    """Templates for one document: none if it reports no relevant incident, else one for the main
    incident type plus one for each other likely type (fillers go to the type of their nearest cue)."""
    model = model or load_model()
    thresholds = thresholds or load_thresholds()
    tokens = tokenize(text)
    if not candidates(tokens):  # no phrase at all: nothing is reported (and the length features would extrapolate)
        return []
    fillers = score_candidates(text, model, tokens, parse(text, tokens))
    probs = model.doc.probabilities(document_features(tokens))
    cue_index = cue_positions(tokens)
    if model.stacker is not None:
        probs = model.stacker.probabilities(probs, fillers, document_views(tokens, model), cue_index)
    return build_templates(probs, fillers, thresholds, cue_index)


def _entities(fillers: list[Filler], role: str, thresholds: Thresholds) -> list[Filler]:
    ranked = sorted((f for f in fillers if f.role == role and f.probability >= thresholds.role[role]),
                    key=lambda f: -f.probability)
    chosen: list[Filler] = []
    for filler in ranked:
        if len(chosen) >= thresholds.max_per_role:
            break
        if thresholds.skip_overlaps and any(_overlap(filler.text, c.text) for c in chosen):
            continue
        chosen.append(filler)
    return chosen


def _overlap(a: str, b: str) -> bool:
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _nearest_kind(filler: Filler, kinds: list[str], cues: dict[str, list[int]]) -> str:
    """The incident type (of ``kinds``) whose cue word is nearest to an occurrence of the filler;
    the main type when the filler has no position or no such cue occurs."""
    best, best_distance = kinds[0], None
    for kind in kinds:
        for position in cues.get(kind, ()):
            distance = min((abs(position - start) for start in filler.starts), default=None)
            if distance is not None and (best_distance is None or distance < best_distance):
                best, best_distance = kind, distance
    return best


def build_templates(probs: dict[str, float], fillers: list[Filler], thresholds: Thresholds,
                    cues: dict[str, list[int]] | None = None) -> list[dict]:
    """The decision step of ``predict_templates``, apart so that thresholds can be tuned on cached scores.
    ``cues``: token indices of each incident type's cue words (``cues.cue_positions``)."""
    if probs["relevant"] < thresholds.relevant:
        return []
    ranked = sorted(INCIDENT_TYPES, key=lambda kind: -probs[kind])
    chosen = {role: _entities(fillers, role, thresholds) for role in ROLES}
    kinds = [ranked[0], *(kind for kind in ranked[1:] if probs[kind] >= thresholds.extra_type)]
    if len(kinds) == 1 and probs["multi"] >= thresholds.multi:
        kinds.append(ranked[0])
    templates = [{"incident_type": kind, **{role: [] for role in ROLES}} for kind in kinds]
    distinct = list(dict.fromkeys(kinds))
    for role in ROLES:
        for filler in chosen[role]:
            if role in thresholds.shared_roles:
                targets = templates
            elif thresholds.assign and cues and len(distinct) > 1:
                kind = _nearest_kind(filler, distinct, cues)
                targets = [next(t for t in templates if t["incident_type"] == kind)]
            else:
                targets = templates[:1]
            for template in targets:
                template[role].append([filler.text])
    return templates
