"""Per-document values that spaCy rebuilds on every access, computed once and kept in ``doc.user_data``.

``Doc.text`` joins every token's text on each access and ``Doc.ents`` / ``Span.ents`` build a
``Span`` for every entity of the whole document on each access; rules that ask per event,
per sentence or per token made the rules' cost grow with the square of document length.
The components never change ``doc.ents`` or the tokens after parsing (the pipeline drops a few
entities once, through ``drop_ents``, before any component runs), so the cached values stay equal
to what spaCy would return.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from spacy.tokens import Doc, Span

_TEXT = "conflictgraph.text"
_ENTS = "conflictgraph.ents"
_SPAN_ENTS = "conflictgraph.span_ents"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def _doc_ents(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        ents = tuple(doc.ents)
        cached = doc.user_data[_ENTS] = (ents, [ent.start for ent in ents])
    return cached


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document."""
    return _doc_ents(doc)[0]


def drop_ents(doc: Doc, dropped: Callable[[Span], bool]) -> None:
    """Remove the entities ``dropped`` picks from ``doc.ents`` and forget the cached entity lists."""
    ents = doc_ents(doc)
    kept = [ent for ent in ents if not dropped(ent)]
    if len(kept) != len(ents):
        doc.ents = kept
        doc.user_data.pop(_ENTS, None)
        doc.user_data.pop(_SPAN_ENTS, None)


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (entities wholly inside the span, in order), from the document's cached entities.

    Same rule as spaCy's ``Span.ents``: from the first entity starting at or after the span's
    start, take entities while they end inside the span.
    """
    by_span = span.doc.user_data.setdefault(_SPAN_ENTS, {})
    key = (span.start, span.end)
    found = by_span.get(key)
    if found is None:
        ents, starts = _doc_ents(span.doc)
        found = []
        for ent in ents[bisect_left(starts, span.start):]:
            if ent.end > span.end:
                break
            found.append(ent)
        by_span[key] = found
    return list(found)
