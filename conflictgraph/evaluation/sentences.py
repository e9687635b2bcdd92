"""The project's own annotated sentences (``tests/data/sentences.jsonl``, issue 4).

Written for what the public sets lack: designates, recruits_from,
negotiates_with, supports, criticizes, threatens, leads, movements, numbers
with attribution, and hedged/negated versions of each.  Each line: ``text``,
``relations`` [{type, source_name, target_name, certainty}], ``claims``
[{min, max, unit, certainty, attributed_name}], ``movements``
[{who_text, origin, destination, via, certainty, min}].

Scores: relation recall (type, pair and direction), certainty accuracy on the
relations found, claim and movement recall (bounds/places) and their
certainty accuracy.  ``data_dir`` may point at another file or folder.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from conflictgraph.models import SYMMETRIC_RELATIONS, Document, Findings

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "sentences.jsonl"


def load_items(data_dir: Path | None, limit: int | None = None) -> list[dict]:
    path = Path(data_dir) if data_dir else DEFAULT_FILE
    if path.is_dir():
        path = path / "sentences.jsonl"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return items[:limit] if limit else items


def _keys_for(name: str, findings: Findings) -> set[str]:
    """Actor keys of mentions whose text or actor names match ``name``."""
    from conflictgraph.knowledge.names import norm

    wanted = norm(name)
    keys = {m.actor_key for m in findings.mentions if norm(m.text) == wanted}
    keys |= {a.key for a in findings.actors if wanted in {norm(a.name), *(norm(x) for x in a.aliases)}}
    keys.add(f"txt:{wanted}")
    return keys


def _relation_match(expected: dict, findings: Findings) -> tuple[bool, bool]:
    sources, targets = _keys_for(expected["source_name"], findings), _keys_for(expected["target_name"], findings)
    symmetric = expected["type"] in SYMMETRIC_RELATIONS
    for relation in findings.relations:
        if relation.type != expected["type"]:
            continue
        direct = relation.source in sources and relation.target in targets
        reverse = relation.source in targets and relation.target in sources
        if direct or (symmetric and reverse):
            return True, relation.certainty == expected["certainty"]
    return False, False


def _claim_match(expected: dict, findings: Findings) -> tuple[bool, bool]:
    for claim in findings.claims:
        q = claim.quantity
        if q is None or (expected.get("unit") and q.unit != expected["unit"]):
            continue
        if all(getattr(q, key) == expected[key] for key in ("min", "max") if key in expected):
            return True, claim.certainty == expected["certainty"]
    return False, False


def _place_name(place) -> str:
    return (place.name or "").lower() if place is not None else ""


def _movement_match(expected: dict, findings: Findings) -> tuple[bool, bool]:
    for movement in findings.movements:
        if "origin" in expected and _place_name(movement.origin) != expected["origin"].lower():
            continue
        if "destination" in expected and _place_name(movement.destination) != expected["destination"].lower():
            continue
        if "via" in expected and [v.lower() for v in expected["via"]] != [_place_name(v) for v in movement.via]:
            continue
        if "who_text" in expected and expected["who_text"].lower() not in (movement.who_text or "").lower():
            continue
        return True, movement.certainty == expected["certainty"]
    return False, False


def evaluate(data_dir: Path | None, limit: int | None = None) -> dict:
    from conflictgraph.extract.pipeline import get_extractor

    extractor = get_extractor()
    tallies = {kind: [0, 0, 0] for kind in ("relations", "claims", "movements")}  # expected, found, certainty ok
    matchers = {"relations": _relation_match, "claims": _claim_match, "movements": _movement_match}
    items = load_items(data_dir, limit)
    spurious = 0
    for n, item in enumerate(items):
        findings = extractor.extract(Document(id=f"sentence-{n}", text=item["text"], published="2024-06-01"))
        if not item.get("relations"):
            spurious += bool(findings.relations) and not item.get("claims") and not item.get("movements")
        for kind, match in matchers.items():
            for expected in item.get(kind) or ():
                found, certain = match(expected, findings)
                tallies[kind][0] += 1
                tallies[kind][1] += found
                tallies[kind][2] += certain
    scores: dict[str, float] = {}
    for kind, (total, found, certain) in tallies.items():
        scores[f"{kind}_recall"] = round(found / total, 3) if total else 0.0
        scores[f"{kind}_certainty_accuracy"] = round(certain / found, 3) if found else 0.0
    counts = {f"{kind}_expected": t[0] for kind, t in tallies.items()}
    counts.update({"sentences": len(items), "sentences_with_unexpected_relations": spurious})
    return {"dataset": "sentences", "method": "full extractor over tests/data/sentences.jsonl",
            "scores": scores, "counts": counts}
