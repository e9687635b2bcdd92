"""Find source files and read them: files, folders (recursive), JSON Lines, stdin."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from conflictgraph.errors import IngestError

SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text", ".text": "text",
            ".md": "markdown", ".markdown": "markdown", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass(frozen=True, slots=True)
class Source:
    """One article's raw input before cleaning."""

    name: str  # file path, "file.jsonl:LINE" or "<stdin>"
    data: bytes
    format: str  # html, text, markdown
    meta: dict


def sniff_format(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return "html"
    return "text"


def iter_paths(paths: list[str]) -> Iterator[Path | str]:
    """Expand folders recursively (sorted, hidden files skipped); '-' means stdin."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            yield path


def read_sources(item: Path | str, max_bytes: int) -> Iterator[Source | IngestError]:
    """Yield the sources in one path; errors are yielded, not raised, so the batch goes on."""
    if item == "-":
        data = sys.stdin.buffer.read()
        yield Source("<stdin>", data, sniff_format(data), {})
        return
    path = Path(item)
    try:
        data = path.read_bytes()
    except OSError as e:
        yield IngestError(str(path), f"cannot read the file ({e.strerror or e}); check the path and permissions.")
        return
    kind = SUFFIXES.get(path.suffix.lower()) or sniff_format(data)
    if kind == "jsonl":
        yield from read_jsonl(str(path), data, max_bytes)
    else:
        yield Source(str(path), data, kind, {})


def read_jsonl(name: str, data: bytes, max_bytes: int) -> Iterator[Source | IngestError]:
    """One article per line with ``text`` or ``html`` and optional metadata."""
    for number, line in enumerate(data.splitlines(), start=1):
        label = f"{name}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            yield IngestError(label, f"not valid JSON ({e}); each line must be one JSON object.")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text") or record.get("html"), str):
            yield IngestError(label, "a JSON Lines record needs a 'text' or 'html' string field.")
            continue
        body, kind = (record["html"], "html") if record.get("html") else (record["text"], "text")
        meta = {k: record.get(k) for k in ("title", "url", "published", "author", "site") if record.get(k)}
        yield Source(label, body.encode("utf-8"), kind, meta)
