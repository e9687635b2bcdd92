"""Actor-actor relations (conflict.RelationRules.v1)."""

from conflictgraph.extract.relations.component import NAME, extract_relations

__all__ = ["NAME", "extract_relations"]
