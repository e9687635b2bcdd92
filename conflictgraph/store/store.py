"""The only code that speaks SQL. One document = one transaction."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, func, insert, or_, select
from sqlalchemy.exc import SQLAlchemyError

from conflictgraph.errors import StoreError
from conflictgraph.knowledge.actors import KnowledgeBase, load_knowledge_base
from conflictgraph.knowledge.names import norm
from conflictgraph.models import Findings
from conflictgraph.store import schema as t
from conflictgraph.store.facts import FactWriter
from conflictgraph.store.migrations import migrate

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())


@dataclass(frozen=True, slots=True)
class WriteResult:
    document_id: str
    stored: bool  # False when the document was already in the graph
    mentions: int = 0
    new_actors: int = 0


def database_url(target: str) -> str:
    """A file path becomes a SQLite URL; URLs pass through."""
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API callback
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(target: str) -> Engine:
    url = database_url(target)
    if url.startswith("sqlite:///"):
        folder = Path(url.removeprefix("sqlite:///")).parent
        if not folder.exists():
            raise StoreError(f"Folder {folder} for the database does not exist; create it or choose another --db.")
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ImportError) as e:
        raise StoreError(f"Cannot open database {target!r}: {e}. Use a file path or a SQLAlchemy URL.") from e
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Store:
    """A graph database: documents, actors, mentions and facts with evidence."""

    def __init__(self, target: str, kb: KnowledgeBase | None = None) -> None:
        self.target = target
        self.engine = make_engine(target)
        self.kb = kb or load_knowledge_base()
        try:
            with self.engine.begin() as connection:
                migrate(connection)
        except SQLAlchemyError as e:
            raise StoreError(f"Cannot open or migrate database {target!r}: {e.__class__.__name__}: {e}. Is it a conflictgraph database?") from e

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    def close(self) -> None:
        self.engine.dispose()

    # --- writing -----------------------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        with self._read() as connection:
            return connection.execute(select(t.documents.c.id).where(t.documents.c.id == document_id)).first() is not None

    def write_findings(self, findings: Findings) -> WriteResult:
        """Store one document and everything found in it, atomically; re-ingesting is a no-op."""
        document = findings.document
        try:
            with self.engine.begin() as connection:
                if connection.execute(select(t.documents.c.id).where(t.documents.c.id == document.id)).first():
                    return WriteResult(document.id, stored=False)
                self._insert_document(connection, findings)
                writer = FactWriter(connection, self.kb, document)
                new_actors = writer.write_actors(findings.actors)
                count = writer.write_mentions(findings.mentions)
                writer.write_facts(findings)
        except SQLAlchemyError as e:
            raise StoreError(f"Could not store {document.source_path or document.id}: {e.__class__.__name__}: {e}. Nothing from it was kept.") from e
        return WriteResult(document.id, stored=True, mentions=count, new_actors=new_actors)

    def _insert_document(self, connection: Connection, findings: Findings) -> None:
        document = findings.document
        connection.execute(insert(t.documents).values(
            id=document.id, title=document.title, author=document.author, site=document.site, url=document.url,
            published=document.published, source_path=document.source_path, language=document.language,
            text=document.text, chars=len(document.text), dropped=list(document.dropped),
            extractors=list(findings.extractors), ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        ))

    # --- reading -----------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        tables = {"documents": t.documents, "actors": t.actors, "mentions": t.mentions, "relations": t.relations,
                  "events": t.events, "claims": t.claims, "movements": t.movements}
        with self._read() as connection:
            return {name: connection.execute(select(func.count()).select_from(table)).scalar_one() for name, table in tables.items()}

    def actors_by_kind(self) -> dict[str, int]:
        with self._read() as connection:
            rows = connection.execute(select(t.actors.c.kind, func.count()).group_by(t.actors.c.kind)).all()
        return {kind: n for kind, n in rows}

    def actor_rows(self, kind: str | None = None, limit: int | None = None) -> list[dict]:
        """Actors with their mention and document counts, most mentioned first."""
        mentions = (select(t.mentions.c.actor_id, func.count().label("mention_count"),
                           func.count(func.distinct(t.mentions.c.document_id)).label("document_count"))
                    .group_by(t.mentions.c.actor_id).subquery())
        query = (select(t.actors, func.coalesce(mentions.c.mention_count, 0).label("mention_count"),
                        func.coalesce(mentions.c.document_count, 0).label("document_count"))
                 .join(mentions, mentions.c.actor_id == t.actors.c.id, isouter=True)
                 .order_by(func.coalesce(mentions.c.mention_count, 0).desc(), t.actors.c.name))
        if kind:
            query = query.where(t.actors.c.kind == kind)
        if limit:
            query = query.limit(limit)
        with self._read() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def aliases_of(self, actor_ids: list[str]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {actor_id: [] for actor_id in actor_ids}
        with self._read() as connection:
            rows = connection.execute(select(t.aliases).where(t.aliases.c.actor_id.in_(actor_ids)).order_by(t.aliases.c.alias))
            for row in rows:
                out[row.actor_id].append({"alias": row.alias, "source": row.source})
        return out

    def find_actor_ids(self, name: str) -> list[str]:
        """Actor ids whose id, name or any alias matches ``name`` (normalized)."""
        key = norm(name)
        with self._read() as connection:
            by_id = connection.execute(select(t.actors.c.id).where(or_(t.actors.c.id == name, t.actors.c.key == name))).scalars().all()
            by_alias = connection.execute(select(t.aliases.c.actor_id).where(t.aliases.c.norm == key).distinct()).scalars().all()
        return list(dict.fromkeys([*by_id, *by_alias]))

    def actor(self, actor_id: str) -> dict | None:
        with self._read() as connection:
            row = connection.execute(select(t.actors).where(t.actors.c.id == actor_id)).first()
        return dict(row._mapping) if row else None

    def mentions_of(self, actor_id: str) -> list[dict]:
        query = (select(t.mentions, t.documents.c.title, t.documents.c.text.label("document_text"))
                 .join(t.documents, t.documents.c.id == t.mentions.c.document_id)
                 .where(t.mentions.c.actor_id == actor_id).order_by(t.mentions.c.document_id, t.mentions.c.start))
        with self._read() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def document_rows(self, with_text: bool = False) -> list[dict]:
        columns = [c for c in t.documents.c if with_text or c.name != "text"]
        with self._read() as connection:
            return [dict(row._mapping) for row in connection.execute(select(*columns).order_by(t.documents.c.published, t.documents.c.id))]

    def document_texts(self, document_ids: list[str]) -> dict[str, str]:
        with self._read() as connection:
            rows = connection.execute(select(t.documents.c.id, t.documents.c.text).where(t.documents.c.id.in_(document_ids)))
            return {row.id: row.text for row in rows}

    def mention_counts(self) -> dict[str, int]:
        with self._read() as connection:
            rows = connection.execute(select(t.mentions.c.actor_id, func.count()).group_by(t.mentions.c.actor_id))
            return {actor_id: n for actor_id, n in rows}

    def evidence_for(self, fact_ids: list[str]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {fact_id: [] for fact_id in fact_ids}
        if not fact_ids:
            return out
        with self._read() as connection:
            query = select(t.evidence).where(t.evidence.c.fact_id.in_(fact_ids)).order_by(t.evidence.c.document_id, t.evidence.c.start)
            for row in connection.execute(query):
                out[row.fact_id].append({"document": row.document_id, "start": row.start, "end": row.end, "text": row.text})
        return out

    def relation_rows(self, actor_id: str | None = None, type: str | None = None, certainty: str | None = None) -> list[dict]:
        query = select(t.relations).order_by(t.relations.c.type, t.relations.c.source_id, t.relations.c.target_id)
        if actor_id:
            query = query.where(or_(t.relations.c.source_id == actor_id, t.relations.c.target_id == actor_id))
        if type:
            query = query.where(t.relations.c.type == type)
        if certainty:
            query = query.where(t.relations.c.certainty == certainty)
        with self._read() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def event_rows(self, actor_id: str | None = None, country: str | None = None, since: str | None = None,
                   until: str | None = None, type: str | None = None) -> list[dict]:
        query = select(t.events).order_by(t.events.c.date, t.events.c.id)
        if actor_id:
            query = query.where(t.events.c.id.in_(select(t.event_actors.c.event_id).where(t.event_actors.c.actor_id == actor_id)))
        if country:
            query = query.where(t.events.c.country == country.upper())
        if since:
            query = query.where(t.events.c.date >= since)
        if until:
            query = query.where(t.events.c.date <= until + "~")  # "~" sorts after digits: includes all of that day/month
        if type:
            query = query.where(or_(t.events.c.type == type, t.events.c.subtype == type))
        with self._read() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def event_report_rows(self, event_id: str | None = None) -> list[dict]:
        query = select(t.event_reports).order_by(t.event_reports.c.event_id, t.event_reports.c.id)
        if event_id:
            query = query.where(t.event_reports.c.event_id == event_id)
        with self._read() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def fact_rows(self, kind: str, actor_id: str | None = None) -> list[dict]:
        table = {"claims": t.claims, "movements": t.movements}[kind]
        query = select(table).order_by(table.c.document_id, table.c.id)
        if actor_id:
            who = table.c.subject if kind == "claims" else table.c.who
            query = query.where(or_(who == actor_id, table.c.attributed_to == actor_id))
        with self._read() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def unmerge_event_report(self, report_id: str) -> str:
        """Undo a cross-document event merge: the report becomes an event of its own."""
        with self.engine.begin() as connection:
            return FactWriter(connection, self.kb, None).split_report(report_id)

    def merge_log(self) -> list[dict]:
        with self._read() as connection:
            actors = [dict(r._mapping) for r in connection.execute(select(t.actor_merges))]
            reports = [dict(r._mapping) for r in connection.execute(select(t.event_reports.c.id, t.event_reports.c.event_id, t.event_reports.c.reason).where(t.event_reports.c.reason.is_not(None)))]
        return actors + reports


__all__ = ["Store", "WriteResult"]
