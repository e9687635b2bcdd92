"""Helpers shared by the evaluations: data-set checks, sampling, sentence streaming."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from conflictgraph.errors import EvalError
from conflictgraph.extract.entities import find_actor_mentions
from conflictgraph.extract.pipeline import load_nlp
from conflictgraph.ingest import document_from_text
from conflictgraph.models import Mention

_FOOTNOTE = re.compile(r"\[\d+\]|\[citation needed\]")


def require(path: Path | None, *names: str) -> Path:
    """The data folder, checked to hold ``names``; EvalError says where it should be."""
    if path is None or not path.exists():
        raise EvalError(f"Data set folder {path} not found; pass --data with the folder from ../shared/data.")
    for name in names:
        if not (path / name).exists():
            raise EvalError(f"{path} lacks {name}; is this the right data set folder?")
    return path


def every_nth(items: list, limit: int | None) -> list:
    """A deterministic spread sample of at most ``limit`` items (all of them without a limit)."""
    if not limit or limit >= len(items):
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def strip_footnotes(text: str) -> str:
    return _FOOTNOTE.sub("", text)


def mentions_for(texts: Iterable[str], batch_size: int = 32) -> Iterator[tuple[str, tuple[Mention, ...]]]:
    """Actor mentions of each text through the real pipeline (model plus knowledge base)."""
    nlp = load_nlp()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        mentions, _ = find_actor_mentions(doc, document_from_text(doc.text))
        yield doc.text, mentions
