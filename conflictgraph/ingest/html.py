"""HTML to clean text and metadata through trafilatura.

trafilatura drops navigation, footers, share buttons and "related" boxes and
never executes scripts; we then pass its text through the same line filter as
scraped text to catch bylines it leaves in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura

from conflictgraph.errors import IngestError
from conflictgraph.ingest.text import clean_scraped_text

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None
    author: str | None
    site: str | None
    published: str | None
    url: str | None
    dropped: tuple[str, ...]


def extract_html(source: str, html: str) -> Extracted:
    """Main text and metadata of one HTML page, or IngestError naming ``source``."""
    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, favor_precision=True, deduplicate=False,
        )
    except Exception as e:  # trafilatura raises many lxml/parser types on broken input
        raise IngestError(source, f"HTML could not be parsed ({type(e).__name__}: {e}).") from e
    if result is None or not (result.text or "").strip():
        raise IngestError(source, "no article text found in the HTML (only navigation, scripts or boilerplate).")
    clean = clean_scraped_text(result.text)
    return Extracted(
        text=clean.text, title=result.title, author=result.author or clean.author,
        site=result.sitename, published=result.date, url=result.url, dropped=clean.dropped,
    )
