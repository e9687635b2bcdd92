"""Load the actor knowledge base shipped as data under ``knowledge/data``.

Two layers, merged by ``id``:

- ``data/actors/*.yaml``: written by hand; every entry names its sources.
- ``data/generated/*.jsonl``: rebuilt by ``scripts/build_knowledge.py`` from
  the public lists in ``../shared/data`` and committed.

Entry fields: ``id`` (slug), ``name``, ``kind``, ``aliases`` (list of names),
``alias_sources`` (optional ``{alias: source}``), ``demonyms`` (states: linked
to the state but never merged into its names), ``country`` (ISO alpha-2),
``parent`` (id of the parent group or state), ``roles`` (persons:
``[{title, of}]``), ``sources`` (where the names come from), ``external_ids``.
Curated entries override generated ones field by field; aliases are unioned.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from conflictgraph.errors import KnowledgeError
from conflictgraph.models import ACTOR_KINDS

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    alias_sources: dict = field(default_factory=dict)
    demonyms: tuple[str, ...] = ()
    country: str | None = None
    parent: str | None = None
    roles: tuple[dict, ...] = ()
    sources: tuple[str, ...] = ()
    external_ids: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"kb:{self.id}"

    def names(self) -> tuple[str, ...]:
        """Canonical name first, then aliases, without repeats."""
        seen: dict[str, None] = {self.name: None}
        for alias in self.aliases:
            seen.setdefault(alias, None)
        return tuple(seen)

    def alias_source(self, alias: str) -> str:
        return self.alias_sources.get(alias) or (self.sources[0] if self.sources else "knowledge base")


# eq=False: hashed by identity so the alias index can be cached per loaded base.
@dataclass(frozen=True, slots=True, eq=False)
class KnowledgeBase:
    entries: dict[str, ActorEntry]

    def get(self, actor_id: str) -> ActorEntry | None:
        return self.entries.get(actor_id.removeprefix("kb:"))

    def __len__(self) -> int:
        return len(self.entries)

    def of_kind(self, kind: str) -> list[ActorEntry]:
        return [entry for entry in self.entries.values() if entry.kind == kind]


def _entry_from_raw(raw: dict, origin: str) -> ActorEntry:
    try:
        entry = ActorEntry(
            id=str(raw["id"]),
            name=str(raw["name"]),
            kind=str(raw.get("kind", "unknown")),
            aliases=tuple(str(a) for a in raw.get("aliases") or ()),
            alias_sources=dict(raw.get("alias_sources") or {}),
            demonyms=tuple(str(d) for d in raw.get("demonyms") or ()),
            country=raw.get("country"),
            parent=raw.get("parent"),
            roles=tuple(raw.get("roles") or ()),
            sources=tuple(raw.get("sources") or ()),
            external_ids=dict(raw.get("external_ids") or {}),
        )
    except (KeyError, TypeError) as e:
        raise KnowledgeError(f"{origin}: actor entry {raw!r} lacks a field ({e}); every entry needs id and name.") from e
    if entry.kind not in ACTOR_KINDS:
        raise KnowledgeError(f"{origin}: actor {entry.id!r} has unknown kind {entry.kind!r}; use one of {', '.join(ACTOR_KINDS)}.")
    return entry


def _merge(old: ActorEntry, new: ActorEntry) -> ActorEntry:
    """Curated (new) wins field by field; names and sources are unioned."""
    aliases = tuple(dict.fromkeys(new.aliases + old.aliases + ((old.name,) if old.name != new.name else ())))
    return ActorEntry(
        id=new.id, name=new.name, kind=new.kind, aliases=aliases,
        alias_sources={**old.alias_sources, **new.alias_sources},
        demonyms=tuple(dict.fromkeys(new.demonyms + old.demonyms)),
        country=new.country or old.country, parent=new.parent or old.parent,
        roles=new.roles or old.roles,
        sources=tuple(dict.fromkeys(new.sources + old.sources)),
        external_ids={**old.external_ids, **new.external_ids},
    )


def _read_raw(path: Path) -> list[dict]:
    try:
        if path.suffix == ".jsonl":
            return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, ValueError, yaml.YAMLError) as e:
        raise KnowledgeError(f"Cannot read knowledge file {path}: {e}. Rebuild it with scripts/build_knowledge.py or fix the YAML.") from e


def load_entries(data_dir: Path = DATA_DIR) -> dict[str, ActorEntry]:
    entries: dict[str, ActorEntry] = {}
    layers = sorted((data_dir / "generated").glob("*.jsonl")) + sorted((data_dir / "actors").glob("*.yaml"))
    for path in layers:
        for raw in _read_raw(path):
            entry = _entry_from_raw(raw, str(path))
            entries[entry.id] = _merge(entries[entry.id], entry) if entry.id in entries else entry
    return entries


@lru_cache(maxsize=4)
def load_knowledge_base(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """Load (once per process) and return the knowledge base."""
    entries = load_entries(data_dir)
    logger.info("knowledge base: %s actors from %s", len(entries), data_dir)
    return KnowledgeBase(entries=entries)
