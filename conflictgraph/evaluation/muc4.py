"""MUC-4 template filling, scored like GTT (Du, Rush & Cardie 2021) on the dev split TST1+TST2 (issue 3).

Data: ``muc4/gtt_processed/dev.json`` (200 documents, lower-cased text,
templates with role-filler entities as lists of coreferent mentions).

System (``system="rolefill"``, the default): the learned role-filler model in
``conflictgraph/extract/rolefill`` (trained on the train split only, by
``scripts/train_rolefill.py``). A document classifier decides whether the text
reports a relevant incident and of which types; every short phrase is a
candidate filler, classified into PerpInd / PerpOrg / Target / Victim / Weapon
or none from the pooled contexts of its occurrences; a second stage combines
both for the document decisions. The main incident type gets a template with
all fillers, each other likely type an empty one. Each filler is one entity
with one mention.

System ``"pipeline"`` (the earlier baseline, 0.253 F1 on dev): the text is
truecased (``truecase``: sentence starts, and words and phrases known as places
or actor names in the project's gazetteer and knowledge base get their usual
case) and run through the full pipeline. Every attack event becomes a template:

- ``incident_type``: bombing/suicide_bombing -> bombing, kidnapping/hijacking
  -> kidnapping, arson -> arson, other attacks -> attack;
- ``PerpInd``: ``details["roles"]["perpetrator_individuals"]``;
- ``PerpOrg``: surface text of actor mentions linked as perpetrator or claimant
  (kinds armed_group, organization, unknown);
- ``Target`` / ``Victim`` / ``Weapon``: ``physical_targets`` / ``victims`` /
  ``weapons`` roles.

Events of one document with the same incident type are merged into one
template (MUC keys one template per incident, and a news item usually retells
one incident several times); documents keep at most ``MAX_TEMPLATES``.

Metric (checked line by line against GTT's ``eval.py``): per document, the
one-to-one mapping of predicted to gold templates that maximises micro F1 is
chosen; a mapped pair counts only if the predicted incident type occurs in
the gold type ("attack" matches "attack / bombing"). In a mapped pair, a
predicted entity is correct when all its mentions are among a gold entity's
mentions, after lower-casing and removing punctuation and articles; incident
type counts one for each mapped pair. Unmapped predicted templates add to the
precision denominator, unmapped gold ones to the recall denominator. Scores
are micro-averaged over roles (incident type included, as in GTT) and
documents; the mapping is the first, in ``itertools.product`` order, with the
highest per-document micro F1, as in GTT. GTT reports 50.2 F1 on this metric
(on the test split; this copy scores dev, as test is held out).
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import string
from functools import lru_cache
from pathlib import Path

from conflictgraph.errors import EvalError
from conflictgraph.models import Document, Event

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
MAX_TEMPLATES = 3
_INCIDENT = {"bombing": "bombing", "suicide_bombing": "bombing", "kidnapping": "kidnapping", "hijacking": "kidnapping",
             "arson": "arson"}
_ORG_KINDS = frozenset({"armed_group", "organization", "unknown", "coalition"})
_ROLE_KEYS = {"PerpInd": "perpetrator_individuals", "Target": "physical_targets", "Victim": "victims", "Weapon": "weapons"}


# --- truecasing -------------------------------------------------------------

@lru_cache(maxsize=1)
def _cased_names() -> dict[tuple[str, ...], str]:
    """Lower-case word tuples -> cased name, from actor aliases and gazetteer places (2+ letters, capitalised)."""
    from conflictgraph.knowledge.actors import load_knowledge_base
    from conflictgraph.knowledge.places import gazetteer

    names: dict[tuple[str, ...], str] = {}
    gaz = gazetteer()
    kb = load_knowledge_base()
    sources = [name for kind in ("armed_group", "organization", "state", "government_body", "coalition", "igo", "person") for entry in kb.of_kind(kind) for name in entry.names()]
    sources += [place.name for place in gaz.countries.values() if place.name]
    sources += [p.name for places in gaz.admin1_names.values() for p in places if p.name]
    sources += [c.name for cities in gaz.cities.values() for exact, c in cities if exact and c.population >= 15000]
    for name in sources:
        if not name or not name[:1].isupper() or not name.isascii():
            continue
        words = tuple(name.lower().split())
        if 0 < len(words) <= 4:
            names.setdefault(words, name)
    return names


_COMMON = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "by", "for", "with", "from", "as",
                     "is", "was", "were", "be", "he", "she", "it", "we", "they", "this", "that", "army", "police",
                     "government", "said", "today", "will", "has", "have", "not", "but", "who", "which", "also",
                     "president", "people", "san", "los", "las", "de", "la", "el", "del", "more", "most", "can",
                     "may", "march", "union", "national", "front", "party", "general", "center", "central", "i"})


def truecase(text: str) -> str:
    """Upper-case sentence starts and known names in lower-cased text (offsets are kept)."""
    names = _cased_names()
    words = [(m.start(), m.end()) for m in re.finditer(r"[a-z0-9][a-z0-9'\-]*", text)]
    chars = list(text)
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            key = tuple(text[s:e] for s, e in words[i:i + n])
            if len(key) < n or (n == 1 and key[0] in _COMMON):
                continue
            cased = names.get(key)
            if cased is not None and len(cased) == words[i + n - 1][1] - words[i][0]:
                chars[words[i][0]:words[i + n - 1][1]] = cased
                i += n - 1
                break
        i += 1
    out = "".join(chars)
    return re.sub(r"(^|[.!?]\s+|\n\s*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)


# --- templates from events --------------------------------------------------

def _texts(event: Event, role: str) -> list[str]:
    if role == "PerpOrg":
        return [x["evidence"]["text"] for x in event.details.get("links", [])
                if x["link"] in ("claimed", "stated", "blamed", "suspected", "context") and x.get("kind") in _ORG_KINDS]
    return [x["text"] for x in event.details.get("roles", {}).get(_ROLE_KEYS[role], [])]


def templates_from_events(events: list[Event] | tuple[Event, ...]) -> list[dict]:
    """One template per incident type among the document's attack events (see module docstring)."""
    merged: dict[str, dict] = {}
    for event in events:
        if event.type != "attack" or event.certainty == "negated":
            continue
        kind = _INCIDENT.get(event.subtype or "", "attack")
        template = merged.setdefault(kind, {"incident_type": kind, **{role: [] for role in ROLES}})
        for role in ROLES:
            for text in _texts(event, role):
                entity = [text]
                if entity not in template[role]:
                    template[role].append(entity)
    ranked = sorted(merged.values(), key=lambda t: -sum(len(t[r]) for r in ROLES))
    return ranked[:MAX_TEMPLATES]


# --- GTT-style scoring ------------------------------------------------------

def normalize_mention(text: str) -> str:
    text = "".join(ch for ch in text.lower() if ch not in string.punctuation)
    return " ".join(re.sub(r"\b(a|an|the)\b", " ", text).split())


def _entity_match(gold: list[str], pred: list[str]) -> bool:
    return all(m in gold for m in pred)


def _empty_counts() -> dict[str, list[int]]:
    return {role: [0, 0, 0, 0] for role in ("incident_type", *ROLES)}  # p_num, p_den, r_num, r_den


def _score_mapping(mapping: dict[int, int], pred: list[dict], gold: list[dict]) -> dict[str, list[int]]:
    counts = _empty_counts()
    mapped_pred, mapped_gold = set(), set()
    for p_idx, g_idx in mapping.items():
        if g_idx == -1 or pred[p_idx]["incident_type"] not in gold[g_idx]["incident_type"]:
            continue
        mapped_pred.add(p_idx)
        mapped_gold.add(g_idx)
        counts["incident_type"][0] += 1
        counts["incident_type"][1] += 1
        counts["incident_type"][2] += 1
        counts["incident_type"][3] += 1
        for role in ROLES:
            for entity in pred[p_idx][role]:
                counts[role][1] += 1
                counts[role][0] += int(any(_entity_match(g, entity) for g in gold[g_idx][role]))
            for entity in gold[g_idx][role]:
                counts[role][3] += 1
                counts[role][2] += int(any(_entity_match(entity, p) for p in pred[p_idx][role]))
    for p_idx, template in enumerate(pred):
        if p_idx not in mapped_pred:
            counts["incident_type"][1] += 1
            for role in ROLES:
                counts[role][1] += len(template[role])
    for g_idx, template in enumerate(gold):
        if g_idx not in mapped_gold:
            counts["incident_type"][3] += 1
            for role in ROLES:
                counts[role][3] += len(template[role])
    return counts


def _f1(p_num: int, p_den: int, r_num: int, r_den: int) -> tuple[float, float, float]:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _micro(counts: dict[str, list[int]]) -> float:
    total = [sum(c[i] for c in counts.values()) for i in range(4)]
    return _f1(*total)[2]


def score_document(pred: list[dict], gold: list[dict]) -> dict[str, list[int]]:
    """Counts under the best one-to-one template mapping for one document."""
    best: dict[str, list[int]] | None = None
    targets = [*range(len(gold)), -1]
    for choice in itertools.product(targets, repeat=len(pred)):
        used = [g for g in choice if g != -1]
        if len(used) != len(set(used)):
            continue
        counts = _score_mapping(dict(enumerate(choice)), pred, gold)
        if best is None or _micro(counts) > _micro(best):
            best = counts
    return best if best is not None else _score_mapping({}, pred, gold)


def _normalize_templates(templates: list[dict]) -> list[dict]:
    out = []
    for template in templates:
        norm = {"incident_type": template["incident_type"]}
        for role in ROLES:
            entities = []
            for entity in template.get(role, []):
                mentions = [normalize_mention(m[0] if isinstance(m, list) else m) for m in entity]
                if mentions:
                    entities.append(mentions)
            norm[role] = entities
        if norm not in out:
            out.append(norm)
    return out


def load_dev(data_dir: Path, limit: int | None = None) -> list[dict]:
    path = data_dir / "gtt_processed" / "dev.json"
    if not path.exists():
        raise EvalError(f"{path} not found; point --data at the muc4 folder.")
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return docs[:limit] if limit else docs


def _pipeline_templates(docs: list[dict]) -> list[list[dict]]:
    from conflictgraph.extract.pipeline import get_extractor

    documents = [Document(id=d["docid"], text=truecase(d["doctext"])) for d in docs]
    out = []
    for findings in get_extractor().extract_stream(documents, batch_size=16):
        out.append(templates_from_events([] if isinstance(findings, Exception) else findings.events))
    return out


def _rolefill_templates(docs: list[dict]) -> list[list[dict]]:
    from conflictgraph.extract.rolefill import predict_templates

    return [predict_templates(d["doctext"]) for d in docs]


SYSTEMS = {"rolefill": _rolefill_templates, "pipeline": _pipeline_templates}
_METHODS = {
    "rolefill": "learned role-filler tagger + document classifiers (extract/rolefill, trained on the train split)",
    "pipeline": "truecased text through the full pipeline; attack events -> templates (one per incident type)",
}


def evaluate(data_dir: Path | None, limit: int | None = None, system: str = "rolefill") -> dict:
    """Template F1 on the dev split (see module docstring); ``system`` picks how templates are made."""
    if data_dir is None:
        raise EvalError("muc4 needs --data pointing at the muc4 folder.")
    if system not in SYSTEMS:
        raise EvalError(f"Unknown muc4 system {system!r}; choose one of: {', '.join(SYSTEMS)}.")
    docs = load_dev(Path(data_dir), limit)
    totals = _empty_counts()
    predicted_templates = 0
    for doc, templates in zip(docs, SYSTEMS[system](docs), strict=True):
        pred = _normalize_templates(templates)
        predicted_templates += len(pred)
        for role, counts in score_document(pred, _normalize_templates(doc["templates"])).items():
            totals[role] = [a + b for a, b in zip(totals[role], counts, strict=True)]
    scores = {f"{role}_f1": round(_f1(*counts)[2], 4) for role, counts in totals.items()}
    per_role = {role: {"precision": round(_f1(*c)[0], 4), "recall": round(_f1(*c)[1], 4), "f1": round(_f1(*c)[2], 4)}
                for role, c in totals.items()}
    p, r, f = _f1(*[sum(c[i] for c in totals.values()) for i in range(4)])
    scores.update({"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)})
    return {
        "dataset": "muc4 (dev = TST1+TST2, gtt_processed)",
        "method": _METHODS[system] + "; GTT-style template F1 (best one-to-one mapping, incident type must match, entity correct when its mentions are among a gold entity's)",
        "scores": scores,
        "counts": {"documents": len(docs), "gold_templates": sum(len(d["templates"]) for d in docs),
                   "predicted_templates": predicted_templates, "baseline_gtt_f1": 50.2},
        "per_role": per_role,
    }
