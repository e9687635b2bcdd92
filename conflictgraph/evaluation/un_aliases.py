"""Do the UN sanctions list's entity aliases resolve to the right actor?

Data: ``un_isil_aq_sanctions`` (UN ISIL/Al-Qaida list XML). Method: every
entity's name and each of its aliases (split at " / ", without a trailing
"(ACRONYM)" or a leading "The", whitespace folded) is put, alone, through the
knowledge-base matcher; it resolves correctly when the whole name matches one
actor whose ``external_ids.un`` is the entity's reference number (or an actor
the knowledge base merged it into). Reports the share correct and the share
that resolves to a different actor (confusions).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conflictgraph.evaluation.common import every_nth, require
from conflictgraph.extract.entities.matcher import find_matches, kb_index
from conflictgraph.knowledge.actors import load_knowledge_base

FILE = "un_isil_alqaida_sanctions_list_2024-06-07.xml"


def entity_names(path: Path) -> list[tuple[str, str]]:
    """(reference number, name) for every entity name and alias on the list."""
    root = ET.parse(path / FILE).getroot()
    pairs = []
    for entity in root.iter("ENTITY"):
        reference = (entity.findtext("REFERENCE_NUMBER") or "").strip()
        names = [entity.findtext("FIRST_NAME") or ""] + [alias.findtext("ALIAS_NAME") or "" for alias in entity.iter("ENTITY_ALIAS")]
        pairs += [(reference, form) for name in names for form in name_forms(name)]
    return pairs


def name_forms(raw: str) -> list[str]:
    forms = []
    for part in re.split(r"\s+/\s+", " ".join(raw.split())):
        part = re.sub(r"\s*\([A-Z0-9\-]{2,10}\)\s*$", "", part)
        part = re.sub(r"^(?:the)\s+", "", part, flags=re.IGNORECASE).strip(" .\"“”")
        if part:
            forms.append(part)
    return forms


def evaluate(data_dir: Path | None, limit: int | None = None) -> dict:
    path = require(data_dir, FILE)
    kb = load_knowledge_base()
    by_reference = {entry.external_ids.get("un"): entry.id for entry in kb.entries.values() if entry.external_ids.get("un")}
    index = kb_index(kb)
    pairs = every_nth(entity_names(path), limit)
    correct = wrong = 0
    for reference, name in pairs:
        matches = find_matches(name, index)
        whole = [m for m in matches if m.start == 0 and m.end >= len(name.rstrip(" .")) - 1]
        if not whole:
            continue
        if by_reference.get(reference) in whole[0].alias.actor_ids:
            correct += 1
        else:
            wrong += 1
    total = len(pairs)
    return {
        "dataset": "un_isil_aq_sanctions: entity names and aliases",
        "method": __doc__.split("\n\n")[1].replace("\n", " "),
        "scores": {"resolved_correctly": correct / total if total else 0.0, "resolved_to_other_actor": wrong / total if total else 0.0},
        "counts": {"names": total, "correct": correct, "wrong": wrong},
    }
