"""Who moves where (conflict.MovementRules.v1)."""

from conflictgraph.extract.movements.component import NAME, extract_movements

__all__ = ["NAME", "extract_movements"]
