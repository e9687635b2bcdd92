"""Do perpetrators named in their own sentence come out as armed-group actors?

Data: ``wiki_terror_incidents`` (Wikipedia incident rows: a description and a
perpetrator column). Method: keep rows whose perpetrator (minus "(suspected)",
split on "/", ";" and " and ") occurs verbatim, case-insensitively, in the
description; run the full actor stage on the description; a perpetrator counts
as found when a mention overlapping its occurrence is an ``armed_group`` actor,
and as linked when that actor comes from the knowledge base.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from conflictgraph.evaluation.common import every_nth, mentions_for, require, strip_footnotes

FILE = "wikipedia_terrorist_incidents_1970_2019.csv"
_SPLIT = re.compile(r"\s*(?:/|;|,| and )\s*")
_NOT_A_NAME = {"unknown", "", "none", "gunmen", "militants", "terrorists", "unidentified", "islamists"}


def perpetrator_names(field: str) -> list[str]:
    cleaned = re.sub(r"\((?:suspected|alleged|claimed)\)|\bsuspected\b", "", field, flags=re.IGNORECASE)
    return [name.strip(" .") for name in _SPLIT.split(cleaned) if name.strip(" .").lower() not in _NOT_A_NAME and len(name.strip()) > 2]


def gold_rows(path: Path) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """(description, [(perpetrator, start, end)]) for rows whose perpetrator is in the text."""
    rows = []
    with (path / FILE).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = strip_footnotes(row["details"] or "").strip()
            spans = []
            for name in perpetrator_names(row["perpetrator"] or ""):
                found = text.lower().find(name.lower())
                if found >= 0:
                    spans.append((name, found, found + len(name)))
            if spans:
                rows.append((text, spans))
    return rows


def evaluate(data_dir: Path | None, limit: int | None = None) -> dict:
    path = require(data_dir, FILE)
    rows = every_nth(gold_rows(path), limit)
    total = found = linked = 0
    for (_text, spans), (_, mentions) in zip(rows, mentions_for(text for text, _ in rows), strict=True):
        for _name, start, end in spans:
            total += 1
            hits = [m for m in mentions if m.start < end and start < m.end and m.kind == "armed_group"]
            found += bool(hits)
            linked += any(m.actor_key.startswith("kb:") for m in hits)
    return {
        "dataset": "wiki_terror_incidents: perpetrators as armed-group actors",
        "method": __doc__.split("\n\n")[1].replace("\n", " "),
        "scores": {"armed_group_recall": found / total if total else 0.0, "linked_to_knowledge_base": linked / total if total else 0.0},
        "counts": {"rows": len(rows), "perpetrators": total},
    }
