"""Learned role-filler model for incident templates (perpetrators, targets, victims, weapons).

A document classifier (is there a relevant incident, of which types), a classifier over every
short phrase of the text (which role it fills, if any), and a second stage combining both with
incident-cue features (``cues.py``) and naive-Bayes scores (``naive_bayes.py``), all on *hashed* features: the shipped weights hold bucket numbers and floats only, never words from
the training text. Trained by ``scripts/train_rolefill.py`` on the MUC-4 train split; scored by
``conflictgraph eval muc4`` (see ``docs/events.md``).
"""

from conflictgraph.extract.rolefill.model import Filler, RoleFillModel, load_model
from conflictgraph.extract.rolefill.templates import Thresholds, predict_templates

__all__ = ["Filler", "RoleFillModel", "Thresholds", "load_model", "predict_templates"]
