"""Actor mentions: knowledge-base matching, definitions in text, context rules."""

from conflictgraph.extract.entities.component import NAME, find_actor_mentions

__all__ = ["NAME", "find_actor_mentions"]
