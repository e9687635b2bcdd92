"""query: one read API over the store for the CLI, exports and the web."""

from conflictgraph.query.views import actor_detail, event_views, payload_views, relation_views, summary

__all__ = ["actor_detail", "event_views", "payload_views", "relation_views", "summary"]
