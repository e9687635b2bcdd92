"""store: the only code that speaks SQL."""

from conflictgraph.store.store import Store, WriteResult

__all__ = ["Store", "WriteResult"]
