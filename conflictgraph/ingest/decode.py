"""Bytes to text: refuse empty, binary and oversized input; try the usual encodings."""

from __future__ import annotations

import charset_normalizer

from conflictgraph.errors import IngestError

# Bytes that never occur in text files; a few of them mean binary data.
_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


def check_size(source: str, data: bytes, max_bytes: int) -> None:
    if not data.strip():
        raise IngestError(source, "empty file; nothing to ingest.")
    if len(data) > max_bytes:
        raise IngestError(source, f"{len(data):,} bytes is over the {max_bytes:,}-byte limit; raise it with --max-bytes if this is really one article.")


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte in _CONTROL)
    return control > max(2, len(sample) // 100)


def decode(source: str, data: bytes, max_bytes: int) -> str:
    """Return the text of ``data`` or raise IngestError naming ``source``."""
    check_size(source, data, max_bytes)
    if looks_binary(data):
        raise IngestError(source, "binary data, not text or HTML; pass article files (HTML, text, Markdown, JSON Lines).")
    # English news is UTF-8 or Windows-1252 (a superset of Latin-1's printable range) far more
    # often than anything else; statistical guessing comes last because it misreads short texts.
    for encoding in ("utf-8", "utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best)
    return data.decode("latin-1")  # every byte string decodes as Latin-1
