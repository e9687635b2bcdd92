"""Links between listed entities in the UN ISIL/Al-Qaida narrative summaries (issue 4).

Gold: for each entity narrative (``QDe.*``), the entities in its "related
listed individuals and entities" section.  The narrative goes through the
extractor; the listed entity and the related ones are found in the text by
their list names and aliases (XML), in the same way as the MMP evaluation
finds group names.  A link *comes out* when any relation joins the narrative's
own entity and the related one.  All entity narratives are used, in ref order.
"""

from __future__ import annotations

import json
import logging
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from conflictgraph.errors import EvalError
from conflictgraph.evaluation.mmp import combine, gold_mentions
from conflictgraph.extract.relations import extract_relations
from conflictgraph.models import Document

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())


def entity_names(data_dir: Path) -> dict[str, list[str]]:
    """ref -> [list name, aliases] for every listed entity."""
    xml = next(data_dir.glob("*.xml"), None)
    if xml is None:
        raise EvalError(f"No sanctions list XML in {data_dir}; pass --data pointing at un_isil_aq_sanctions.")
    names: dict[str, list[str]] = {}
    for entity in ET.parse(xml).getroot().iter("ENTITY"):
        ref = (entity.findtext("REFERENCE_NUMBER") or "").strip()
        first = (entity.findtext("FIRST_NAME") or "").strip()
        aliases = [(a.findtext("ALIAS_NAME") or "").strip() for a in entity.iter("ENTITY_ALIAS")]
        names[ref] = [n for n in [first, *aliases] if n]
    return names



def evaluate(data_dir: Path | None, limit: int | None = None) -> dict:
    from conflictgraph.extract.pipeline import findings_from_doc, get_extractor

    if data_dir is None:
        raise EvalError("The UN links evaluation needs --data pointing at un_isil_aq_sanctions.")
    data_dir = Path(data_dir)
    names = entity_names(data_dir)
    lines = (data_dir / "narrative_summaries.jsonl").read_text(encoding="utf-8").splitlines()
    records = sorted((json.loads(line) for line in lines if line.strip()), key=lambda r: r["ref"])
    records = [r for r in records if r["ref"].startswith("QDe")][: limit or None]
    nlp = get_extractor().nlp
    counts: Counter = Counter()
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        document = Document(id=record["ref"], text=record["text"])
        related = [ref for ref in record.get("related_refs_section") or () if ref.startswith("QDe") and ref in names]
        groups = {record["ref"]: names.get(record["ref"], [""])[0], **{ref: names[ref][0] for ref in related}}
        gold = _gold(record["text"], groups, names)
        mentions = combine(findings_from_doc(doc, document).mentions, gold)
        relations = extract_relations(doc, document, mentions)
        linked = {r.target if r.source == record["ref"] else r.source for r in relations
                  if record["ref"] in (r.source, r.target)}
        counts["links"] += len(related)
        counts["links_found"] += sum(ref in linked for ref in related)
    scores = {"link_recall": round(counts["links_found"] / counts["links"], 3) if counts["links"] else 0.0}
    return {"dataset": "un_isil_aq_sanctions", "method": "conflict.RelationRules.v1 over entity narratives",
            "scores": scores, "counts": {"narratives": len(records), **counts}}


def _gold(text: str, groups: dict[str, str], names: dict[str, list[str]]) -> list:
    """Mentions of each entity under any of its names (list name or alias)."""
    found = []
    for ref in groups:
        for variant in names.get(ref, []):
            found += gold_mentions(text, {ref: variant})
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept = []
    for mention in found:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
