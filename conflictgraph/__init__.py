"""conflictgraph: a sourced, queryable graph of armed-conflict actors, relations, events, claims and movements."""

from __future__ import annotations

import logging

__version__ = "0.1.0"
__all__ = ["Graph", "IngestReport", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):  # noqa: ANN202 - lazy import keeps `import conflictgraph` light for the CLI
    if name in {"Graph", "IngestReport"}:
        from conflictgraph import graph
        return getattr(graph, name)
    raise AttributeError(name)
