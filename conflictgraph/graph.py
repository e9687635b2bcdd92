"""The Python API: open a graph, ingest, query, export.

>>> from conflictgraph import Graph
>>> graph = Graph("conflict.db")
>>> report = graph.ingest(["samples/"])
>>> graph.actor("ISIS")["name"]
'Islamic State'
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from conflictgraph import query
from conflictgraph.errors import ExtractError, IngestError, StoreError
from conflictgraph.export import export_csv, export_json
from conflictgraph.extract.pipeline import extract_many
from conflictgraph.ingest import IngestOptions, load_documents
from conflictgraph.models import Document, Findings
from conflictgraph.settings import Config, load_config
from conflictgraph.store import Store

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())


@dataclass
class IngestReport:
    """What a batch did: stored, already there, failed (with the file and the reason)."""

    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


Progress = Callable[[str, str], None]  # (source, outcome) after each item


class Graph:
    """A conflict graph stored in one database."""

    def __init__(self, db: str | None = None, config: Config | None = None) -> None:
        self.config = (config or load_config()).with_overrides(db=db)
        self.store = Store(self.config.db)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------
    def ingest(self, paths: list[str], *, published: str | None = None, url: str | None = None,
               max_bytes: int | None = None, progress: Progress | None = None) -> IngestReport:
        """Ingest files, folders (recursive), JSON Lines or '-' (stdin); bad files are reported, not fatal."""
        options = IngestOptions(max_bytes=max_bytes or self.config.max_bytes, min_chars=self.config.min_chars,
                                min_english=self.config.min_english, published=published, url=url)
        return self.ingest_documents(load_documents(paths, options), progress=progress)

    def ingest_documents(self, items: Iterable[Document | IngestError], progress: Progress | None = None) -> IngestReport:
        report = IngestReport()
        notify = progress or (lambda _source, _outcome: None)
        fresh = self._new_documents(items, report, notify)
        for result in extract_many(fresh, n_process=self.config.n_process, batch_size=self.config.batch_size):
            self._store_result(result, report, notify)
        return report

    def _new_documents(self, items: Iterable[Document | IngestError], report: IngestReport, notify: Progress) -> Iterator[Document]:
        """Skip failures and documents already stored (or repeated in this batch) before the costly step."""
        seen: set[str] = set()
        for item in items:
            if isinstance(item, IngestError):
                report.failed.append((item.source, item.reason))
                notify(item.source, "failed")
            elif item.id in seen or self.store.has_document(item.id):
                report.duplicates.append(item.source_path or item.id)
                notify(item.source_path or item.id, "duplicate")
            else:
                seen.add(item.id)
                yield item

    def _store_result(self, result: Findings | ExtractError, report: IngestReport, notify: Progress) -> None:
        if isinstance(result, ExtractError):
            source = getattr(result, "source", "?")
            report.failed.append((source, str(result)))
            notify(source, "failed")
            return
        source = result.document.source_path or result.document.id
        try:
            written = self.store.write_findings(result)
        except StoreError as e:
            report.failed.append((source, str(e)))
            notify(source, "failed")
            return
        (report.stored if written.stored else report.duplicates).append(source)
        notify(source, "stored" if written.stored else "duplicate")

    def unmerge_event_report(self, report_id: str) -> str:
        return self.store.unmerge_event_report(report_id)

    # --- reading -------------------------------------------------------------------
    def summary(self, top: int = 10) -> dict:
        return query.summary(self.store, top=top)

    def actors(self, kind: str | None = None, limit: int | None = None) -> list[dict]:
        return self.store.actor_rows(kind=kind, limit=limit)

    def actor(self, name: str) -> dict:
        """One actor by any of its names, with aliases, mentions, sentences and facts."""
        return query.actor_detail(self.store, name)

    def relations(self, actor: str | None = None, type: str | None = None, certainty: str | None = None) -> list[dict]:
        actor_id = query.views.resolve_actor_name(self.store, actor) if actor else None
        return query.relation_views(self.store, actor_id=actor_id, type=type, certainty=certainty)

    def events(self, actor: str | None = None, country: str | None = None, since: str | None = None,
               until: str | None = None, type: str | None = None) -> list[dict]:
        actor_id = query.views.resolve_actor_name(self.store, actor) if actor else None
        return query.event_views(self.store, actor_id=actor_id, country=country, since=since, until=until, type=type)

    def claims(self, actor: str | None = None) -> list[dict]:
        actor_id = query.views.resolve_actor_name(self.store, actor) if actor else None
        return query.payload_views(self.store, "claims", actor_id)

    def movements(self, actor: str | None = None) -> list[dict]:
        actor_id = query.views.resolve_actor_name(self.store, actor) if actor else None
        return query.payload_views(self.store, "movements", actor_id)

    # --- exporting -----------------------------------------------------------------
    def export_json(self) -> dict:
        return export_json(self.store)

    def export_csv(self, what: str = "actors") -> str:
        return export_csv(self.store, what)

    def export_graph(self, fmt: str = "graphml") -> str:
        """GraphML or GEXF of actors and relations."""
        from conflictgraph.export.graph_export import export_graph
        return export_graph(self.store, fmt)
