"""ingest: bytes in, ``Document`` out. Nothing downstream sees HTML."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from conflictgraph.errors import IngestError
from conflictgraph.ingest.decode import decode
from conflictgraph.ingest.html import extract_html
from conflictgraph.ingest.language import english_share
from conflictgraph.ingest.sources import Source, iter_paths, read_sources
from conflictgraph.ingest.text import clean_scraped_text, front_matter, markdown_to_text
from conflictgraph.models import Document

__all__ = ["IngestOptions", "document_from_source", "document_from_text", "load_documents", "document_id"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    max_bytes: int = 5_000_000
    min_chars: int = 200
    min_english: float = 0.12
    published: str | None = None  # applies to every document lacking one
    url: str | None = None


def document_id(text: str) -> str:
    """Hash of the cleaned text with whitespace folded: the same article stores once."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def normalize_date(value: str | None) -> str | None:
    """Keep the precision that is there: 2024-03-05, 2024-03 or 2024."""
    match = _DATE.match((value or "").strip())
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)


def _check_text(name: str, text: str, options: IngestOptions) -> None:
    if len(text.strip()) < options.min_chars:
        raise IngestError(name, f"only {len(text.strip())} characters of article text (minimum {options.min_chars}); nothing worth extracting.")
    share = english_share(text)
    if share < options.min_english:
        raise IngestError(name, f"does not look like English ({share:.0%} English function words); conflictgraph reads English articles only.")


def document_from_source(source: Source, options: IngestOptions) -> Document:
    """Clean one source into a Document or raise IngestError naming it."""
    raw = decode(source.name, source.data, options.max_bytes)
    meta = dict(source.meta)
    if source.format == "html":
        page = extract_html(source.name, raw)
        text, dropped = page.text, page.dropped
        found = {"title": page.title, "author": page.author, "site": page.site, "published": page.published, "url": page.url}
        meta = {**{k: v for k, v in found.items() if v}, **meta}
    else:
        if source.format == "markdown":
            found, raw = front_matter(raw)
            meta = {**found, **meta}
            raw = markdown_to_text(raw)
        clean = clean_scraped_text(raw, title_hint=meta.get("title"))
        text, dropped = clean.text, clean.dropped
        for key, value in (("author", clean.author), ("title", clean.title or _first_line_title(text)), ("published", _parse_date(clean.published))):
            if value and not meta.get(key):
                meta[key] = value
    _check_text(source.name, text, options)
    return Document(
        id=document_id(text), text=text, title=meta.get("title"), author=meta.get("author"),
        site=meta.get("site"), url=meta.get("url") or options.url,
        published=normalize_date(meta.get("published")) or normalize_date(options.published),
        source_path=source.name, dropped=dropped,
    )


def _parse_date(text: str | None) -> str | None:
    """A dateline such as "13 May 2024" or "August 22, 2025" as YYYY-MM-DD."""
    if not text:
        return None
    import dateparser  # imported here: it is slow to import and most documents never need it

    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


def _first_line_title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 200 and len(first.split()) <= 25 else None


def document_from_text(text: str, *, title: str | None = None, published: str | None = None,
                       url: str | None = None, source_path: str | None = None) -> Document:
    """A Document from text you already have (no chrome filtering, no checks)."""
    return Document(id=document_id(text), text=text, title=title, url=url,
                    published=normalize_date(published), source_path=source_path)


def load_documents(paths: list[str], options: IngestOptions | None = None) -> Iterator[Document | IngestError]:
    """Yield a Document or an IngestError for every article under ``paths``."""
    options = options or IngestOptions()
    for item in iter_paths(paths):
        for source in read_sources(item, options.max_bytes):
            if isinstance(source, IngestError):
                yield source
                continue
            try:
                yield document_from_source(source, options)
            except IngestError as e:
                yield e
