"""Tables of the graph (SQLAlchemy Core: SQLite by default, PostgreSQL for teams).

Facts whose shape grows with the extractors (events, claims, movements) keep
their fields in a JSON ``payload`` column next to the columns we filter on.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, MetaData, String, Table, Text, UniqueConstraint

metadata = MetaData()

meta = Table("meta", metadata, Column("key", String, primary_key=True), Column("value", String, nullable=False))

documents = Table(
    "documents", metadata,
    Column("id", String, primary_key=True),
    Column("title", String), Column("author", String), Column("site", String), Column("url", String),
    Column("published", String), Column("source_path", String), Column("language", String),
    Column("text", Text, nullable=False), Column("chars", Integer, nullable=False),
    Column("dropped", JSON), Column("extractors", JSON), Column("ingested_at", String, nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("id", String, primary_key=True),
    Column("key", String, nullable=False, unique=True),
    Column("name", String, nullable=False), Column("kind", String, nullable=False),
    Column("country", String), Column("parent_id", String), Column("role", String),
    Column("external_ids", JSON), Column("origin", String, nullable=False),
)

aliases = Table(
    "aliases", metadata,
    Column("actor_id", String, ForeignKey("actors.id"), nullable=False),
    Column("alias", String, nullable=False), Column("norm", String, nullable=False),
    Column("source", String, nullable=False),
    UniqueConstraint("actor_id", "alias"),
    Index("ix_aliases_norm", "norm"),
)

actor_merges = Table(
    "actor_merges", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("actor_id", String, nullable=False), Column("key", String, nullable=False),
    Column("document_id", String, nullable=False), Column("reason", String, nullable=False),
    Column("undone", Integer, nullable=False, default=0),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id"), nullable=False),
    Column("actor_id", String, ForeignKey("actors.id"), nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", String, nullable=False), Column("source", String, nullable=False), Column("role", String),
    UniqueConstraint("document_id", "start", "end"),
    Index("ix_mentions_actor", "actor_id"),
)

relations = Table(
    "relations", metadata,
    Column("id", String, primary_key=True),
    Column("type", String, nullable=False),
    Column("source_id", String, nullable=False), Column("target_id", String, nullable=False),
    Column("certainty", String, nullable=False), Column("attributed_to", String),
    Column("start", String), Column("end", String), Column("extractor", String),
    Index("ix_relations_source", "source_id"), Index("ix_relations_target", "target_id"),
)

events = Table(
    "events", metadata,
    Column("id", String, primary_key=True),
    Column("type", String, nullable=False), Column("subtype", String),
    Column("date", String), Column("country", String),
    Column("payload", JSON, nullable=False),
    Index("ix_events_block", "type", "date"),
)

event_reports = Table(
    "event_reports", metadata,
    Column("id", String, primary_key=True),
    Column("event_id", String, nullable=False),
    Column("document_id", String, ForeignKey("documents.id"), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("reason", String),  # why it joined its event; NULL for the report that started it
    Index("ix_event_reports_event", "event_id"),
)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", String, nullable=False), Column("actor_id", String, nullable=False),
    Column("role", String, nullable=False),
    UniqueConstraint("event_id", "actor_id", "role"),
    Index("ix_event_actors_actor", "actor_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", String, primary_key=True),
    Column("document_id", String, nullable=False), Column("subject", String),
    Column("certainty", String, nullable=False), Column("attributed_to", String),
    Column("payload", JSON, nullable=False),
)

movements = Table(
    "movements", metadata,
    Column("id", String, primary_key=True),
    Column("document_id", String, nullable=False), Column("who", String),
    Column("certainty", String, nullable=False), Column("attributed_to", String),
    Column("payload", JSON, nullable=False),
)

evidence = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fact_id", String, nullable=False),
    Column("document_id", String, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    UniqueConstraint("fact_id", "document_id", "start", "end"),
    Index("ix_evidence_fact", "fact_id"),
)

