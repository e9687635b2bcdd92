"""Attributed statements and attributed numbers (conflict.ClaimRules.v1)."""

from conflictgraph.extract.claims.component import NAME, extract_claims

__all__ = ["NAME", "extract_claims"]
