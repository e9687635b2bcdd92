"""Does the event's location pick the gold place? Halterman (2019) event-location corpus (issue 3).

Data: ``event_location_halterman/gold_relabel.jsonl`` (496 sentence-verb records,
the corpus's gold part; the silver parts are not used). Each record gives a
sentence, its event VERB span and zero or more LOCATION spans (offsets from
``char_*_from_tokens``, as SOURCE.md advises).

Method: parse the sentence with the project's spaCy model and run the event
location picker (``conflictgraph.extract.events.location.pick_location``, the
same code the event extractor uses) with the VERB token as trigger and no
nationality fallback. A pick is correct when its span overlaps a gold
LOCATION span. Scores: ``precision`` (correct picks / picks), ``recall``
(correct picks / records with a gold location), ``f1``, and
``no_location_accuracy`` (records without a gold location where nothing was
picked). Every record is used (or the first ``limit``).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from conflictgraph.errors import EvalError
from conflictgraph.extract.events.location import pick_location

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

FILE = "gold_relabel.jsonl"


def _spans(record: dict, label: str) -> list[tuple[int, int]]:
    out = []
    for span in record.get("spans") or []:
        if span.get("label") == label:
            start = span.get("char_start_from_tokens", span.get("start"))
            end = span.get("char_end_from_tokens", span.get("end"))
            if start is not None and end is not None and end > start:
                out.append((start, end))
    return out


def load_records(data_dir: Path, limit: int | None = None) -> list[dict]:
    path = data_dir / FILE
    if not path.exists():
        raise EvalError(f"{path} not found; point --data at the event_location_halterman folder.")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if _spans(r, "VERB")]
    return records[:limit] if limit else records


def evaluate(data_dir: Path | None, limit: int | None = None) -> dict:
    """Score the location picker on the gold records (see module docstring)."""
    from conflictgraph.extract.pipeline import load_nlp

    if data_dir is None:
        raise EvalError("halterman needs --data pointing at the event_location_halterman folder.")
    records = load_records(Path(data_dir), limit)
    nlp = load_nlp()
    picks = correct = with_gold = empty = empty_ok = 0
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=64), strict=True):
        verb_start, verb_end = _spans(record, "VERB")[0]
        verb = doc.char_span(verb_start, verb_end, alignment_mode="expand")
        gold = _spans(record, "LOCATION")
        trigger = verb.root if verb is not None else None
        sents = [trigger.sent] if trigger is not None else list(doc.sents)
        located = pick_location(sents, trigger, fallback=False)
        if gold:
            with_gold += 1
        else:
            empty += 1
            empty_ok += int(located is None)
        if located is not None:
            picks += 1
            correct += int(any(located.start < end and start < located.end for start, end in gold))
    precision = correct / picks if picks else 0.0
    recall = correct / with_gold if with_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "dataset": "event_location_halterman",
        "method": "location picker on gold_relabel.jsonl with the VERB as trigger; a pick is correct when it overlaps a gold LOCATION span",
        "scores": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                   "no_location_accuracy": round(empty_ok / empty, 4) if empty else 0.0},
        "counts": {"records": len(records), "with_gold_location": with_gold, "picks": picks, "correct": correct,
                   "without_location": empty, "without_location_no_pick": empty_ok},
    }
