"""Accuracy on the public gold data sets in ``../shared/data``.

Each module here exposes ``evaluate(data_dir: Path, limit: int | None = None) -> dict``
returning ``{"dataset": ..., "method": ..., "scores": {metric: float}, "counts": {...}}``.
``conflictgraph eval NAME --data PATH`` runs one of them.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from conflictgraph.errors import EvalError

# name -> (module, default folder under ../shared/data)
DATASETS: dict[str, tuple[str, str]] = {
    "actors": ("conflictgraph.evaluation.actors", "wiki_terror_incidents"),
    "un-aliases": ("conflictgraph.evaluation.un_aliases", "un_isil_aq_sanctions"),
    "wiki-terror": ("conflictgraph.evaluation.wiki_terror", "wiki_terror_incidents"),
    "muc4": ("conflictgraph.evaluation.muc4", "muc4"),
    "ucdp": ("conflictgraph.evaluation.ucdp", "ucdp_ged_sample"),
    "halterman": ("conflictgraph.evaluation.halterman", "event_location_halterman"),
    "mmp": ("conflictgraph.evaluation.mmp", "stanford_mmp"),
    "un-links": ("conflictgraph.evaluation.un_links", "un_isil_aq_sanctions"),
    "sentences": ("conflictgraph.evaluation.sentences", ""),
}


def run(name: str, data_dir: Path | None, limit: int | None = None) -> dict:
    """Run the named evaluation and return its report."""
    if name not in DATASETS:
        raise EvalError(f"Unknown data set {name!r}; choose one of: {', '.join(DATASETS)}.")
    module_name, _ = DATASETS[name]
    module = importlib.import_module(module_name)
    return module.evaluate(data_dir, limit=limit)


def default_data_dir(name: str, shared: Path) -> Path | None:
    """The set's folder under ``shared``; None for the project's own set (``sentences``), which ships in tests/."""
    folder = DATASETS[name][1]
    return shared / folder if folder else None
