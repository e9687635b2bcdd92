"""Group-group relations on Stanford MMP analyst sentences (issue 4).

Each row is one to three sentences about two groups with a gold relation
code.  The sentence goes through the full extractor; the two gold groups are
found in it by their MMP names, the acronyms and parenthesised names those
contain, their knowledge-base aliases, and acronyms the sentence itself
defines ("Name (ACR)").  A row is a *hit* when some extracted relation between
the two groups has an acceptable type, *wrong* when some relation between them
has an unacceptable one.  Negated relations ("X ended its alliance with Y",
"denied any links") count as neither.

Type mapping (documented choice): all -> ally_of; riv -> rival_of or fights
(MMP's "rivals" code covers both open fighting and competition, and the
sentences mostly describe attacks); aff -> affiliate_of, branch_of or
allegiance_to; spl -> splinter_of (direction checked separately: group2 split
from group1); mer -> merged_with.

All rows are used, in file order (``limit`` takes the first N).
"""

from __future__ import annotations

import csv
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from conflictgraph.errors import EvalError
from conflictgraph.extract.relations import extract_relations
from conflictgraph.models import Document, Mention, Relation

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

ACCEPT: dict[str, frozenset[str]] = {
    "all": frozenset({"ally_of"}),
    "riv": frozenset({"rival_of", "fights"}),
    "aff": frozenset({"affiliate_of", "branch_of", "allegiance_to"}),
    "spl": frozenset({"splinter_of"}),
    "mer": frozenset({"merged_with"}),
}
RELATIONS_FILE = "Militant-Group-Relationships-clean.csv"
_SMALL = frozenset({"of", "the", "in", "and", "for", "al", "el", "de", "la", "ul", "e", "i", "wa",
                    "des", "du", "del", "di", "le", "les", "los", "las", "y"})  # French, Spanish, Italian too


@dataclass(frozen=True, slots=True)
class GoldRow:
    id: str
    type: str
    text: str
    group1: str
    group2: str


def read_rows(data_dir: Path, limit: int | None = None) -> list[GoldRow]:
    path = data_dir / RELATIONS_FILE
    if not path.exists():
        raise EvalError(f"{path} not found; pass --data pointing at the stanford_mmp folder.")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [GoldRow(r["unique_id"], r["type"].strip(), r["description"].replace("\\'", "'").strip(),
                        r["group1_name"].strip(), r["group2_name"].strip())
                for r in csv.DictReader(handle) if r.get("description", "").strip()]
    return rows[:limit] if limit else rows


# ------------------------------------------------------------ name matching ---

def name_variants(name: str) -> tuple[set[str], set[str]]:
    """(case-insensitive names, case-sensitive acronyms) for one group name, KB aliases included."""
    names, acronyms = own_variants(name)
    aliases = _kb_aliases(names | acronyms | {name})  # the name as written too: "X (Colombia)"
    names |= aliases | _state_forms(names | aliases)
    return {n for n in names if len(n) > 2}, acronyms | _alias_initials(aliases) | _branch_acronyms(name)


def _branch_acronyms(name: str) -> set[str]:
    """A country branch named "<Group> <Country>" or "<Group> (<Country>)" is written with the
    parent's initials and the country: "AI-Syria" for Ansar al-Islam Syria."""
    from conflictgraph.knowledge.names import norm

    words = re.sub(r"[()]", " ", name).split()
    if len(words) < 3 or not words[-1][:1].isupper() or norm(words[-1]) not in _state_index():
        return set()
    return {f"{initials} {words[-1]}" for initials in _initials(" ".join(words[:-1]))}


def _alias_initials(aliases: set[str]) -> set[str]:
    """Initials of the knowledge base's names, three letters or more: a group is often known by the
    acronym of its original-language name (FCA for Formazioni Comuniste Armate)."""
    found: set[str] = set()
    for alias in aliases:
        found |= {a for a in _initials(re.sub(r"\([^)]*\)", " ", alias)) if len(a) >= 3}
    return found


def own_variants(name: str) -> tuple[set[str], set[str]]:
    """Variants from the MMP name itself, without the knowledge base."""
    names: set[str] = set()
    acronyms: set[str] = set()
    inner = re.findall(r"\(([^)]*)\)", name)
    outer = re.sub(r"\([^)]*\)", " ", name).strip()
    parts = [outer]
    for part in inner:
        part = part.strip()
        if re.fullmatch(r"[A-Z][a-z]+", part) and outer:
            # one-word qualifier ("Ansar al-Shariah (Tunisia)"): not a name of its own,
            # but "Ansar al-Shariah in Tunisia" and the initials with it ("AST")
            parts.append(f"{outer} in {part}")
            acronyms |= _initials(f"{outer} {part}")
        else:
            parts.append(part)
    for part in parts:
        part = re.sub(r"^(formerly|also|aka|a\.k\.a\.)\s+", "", part.strip(), flags=re.I)
        if not part:
            continue
        if part.isupper() and len(part) <= 8:
            acronyms.add(part)
            continue
        names.add(part)
        names.add(re.sub(r"^the\s+", "", part, flags=re.I))
        names |= _leader_form(part)
        acronyms |= _initials(part)
    return names, acronyms


def _leader_form(part: str) -> set[str]:
    """A faction is mostly named after its leader ("Colonel Karuna Faction"), and analyst sentences
    name it by him ("Colonel Karuna split from ..."): the name without "Faction"."""
    leader = re.fullmatch(r"(.+?)\s+Faction", part.strip(), flags=re.I)
    return {leader.group(1)} if leader else set()


# Linking words of transliterated names kept as lower-case letters in their acronyms:
# "Lashkar-e-Taiba" -> LeT, "Harkat-ul-Jihad" -> HuJ, "Jamaat-ud-Dawa" -> JuD.
_LINKING = frozenset({"e", "ul", "ud", "i", "un", "us", "ut"})


def _initials(part: str) -> set[str]:
    words = re.findall(r"[A-Za-z][\w']*", part)
    found: set[str] = set()
    for keep_articles in (False, True):  # "AQAP" and "AQ" for "Al Qaeda in the Arabian Peninsula"
        initials = "".join(w[0].upper() for w in words
                           if (w.lower() not in _SMALL or (keep_articles and w.lower() in ("al", "el")))
                           and (w[0].isupper() or keep_articles))
        if len(initials) >= 2:
            found.add(initials)
    if "-" in part and any(w.lower() in _LINKING for w in words):
        mixed = "".join(w[0].lower() if w.lower() in _LINKING else w[0].upper()
                        for w in words if w.lower() not in ("al", "el", "of", "the", "and", "in"))
        if len(mixed) >= 3:
            found.add(mixed)
    return found


def _kb_aliases(names: set[str]) -> set[str]:
    from conflictgraph.knowledge.names import norm

    index = _kb_index()
    found: set[str] = set()
    for name in names:
        entry = index.get(norm(name))
        if entry is not None:
            found |= set(entry.names())
    return found


# How analyst sentences name a state as a party: "the Sri Lankan government", "Somali forces".
_STATE_HEADS = ("government", "forces", "army", "military", "troops", "security forces", "authorities")


def _state_forms(names: set[str]) -> set[str]:
    """Names of a state's government and forces when the MMP group is a state or its government
    ("Democratic Socialist Republic of Sri Lanka", "Federal Government of Somalia"); the bare
    country name is left out, as it mostly names the place."""
    from conflictgraph.knowledge.names import norm

    index = _state_index()
    found: set[str] = set()
    for entry in {index[norm(n)].id: index[norm(n)] for n in names if norm(n) in index}.values():
        for form in (*entry.names(), *entry.demonyms):
            if not form.isupper() and len(form) > 2:
                found |= {f"{form} {head}" for head in _STATE_HEADS}
        found |= {f"government of {form}" for form in entry.names()}
    return found


def _state_index() -> dict:
    """Normalised names of states, and of government bodies as their parent state."""
    if "states" not in _KB_CACHE:
        from conflictgraph.knowledge.actors import load_knowledge_base
        from conflictgraph.knowledge.names import norm

        base = load_knowledge_base()
        index = {}
        for entry in base.entries.values():
            state = entry if entry.kind == "state" else None
            if entry.kind == "government_body" and entry.parent and "government" in entry.name.lower():
                state = base.get(entry.parent)
            if state is not None and state.kind == "state":
                for name in entry.names():
                    index.setdefault(norm(name), state)
        _KB_CACHE["states"] = index
    return _KB_CACHE["states"]


_KB_CACHE: dict = {}


def _kb_index() -> dict:
    if "index" not in _KB_CACHE:
        from conflictgraph.knowledge.actors import load_knowledge_base
        from conflictgraph.knowledge.names import norm

        index = {}
        for entry in load_knowledge_base().entries.values():
            if entry.kind in ("armed_group", "coalition", "organization"):
                for name in entry.names():
                    index.setdefault(norm(name), entry)
        _KB_CACHE["index"] = index
    return _KB_CACHE["index"]


def _pattern(name: str) -> str:
    words = re.findall(r"[^\W_]+", name)
    return r"(?<![\w])" + r"[\W_]{0,3}".join(re.escape(w) for w in words) + r"(?![\w])"


def find_group(text: str, name: str) -> list[tuple[int, int]]:
    """Character spans where ``name`` (or a variant) occurs in ``text``."""
    names, acronyms = name_variants(name)
    spans: list[tuple[int, int]] = []
    for variant in names:
        spans += [(m.start(), m.end()) for m in re.finditer(_pattern(variant), text, flags=re.I)]
    for acronym in acronyms:
        spans += [(m.start(), m.end()) for m in re.finditer(_pattern(acronym), text)]
    if not spans:
        spans = _loose_spans(text, names)
    for _start, end in list(spans):  # "Name (ACR)" defines ACR for the rest of the text
        defined = re.match(r"\s*\(([A-Z][A-Za-z\-]{1,9})\)", text[end:])
        if defined:
            acr = defined.group(1)
            spans += [(m.start(), m.end()) for m in re.finditer(_pattern(acr), text)]
    return spans


def _loose_spans(text: str, names: set[str]) -> list[tuple[int, int]]:
    """Spans whose words equal a name up to transliteration (doubled letters, apostrophes):
    "Asai'ib Ahl al-Haqq" for "Asa'ib Ahl al-Haq".  Only names of two words or more."""
    from conflictgraph.knowledge.names import loose_key

    words = [(m.start(), m.end()) for m in re.finditer(r"[^\W_]+(?:['\u2019\u02bc`\u2018\x92][^\W_]+)*", text)]
    spans: list[tuple[int, int]] = []
    for name in names:
        key = loose_key(name)
        size = len(key.split())
        if size < 2:
            continue
        for i in range(len(words) - size + 1):
            start, end = words[i][0], words[i + size - 1][1]
            if loose_key(text[start:end]) == key:
                spans.append((start, end))
    return spans


def gold_mentions(text: str, groups: dict[str, str]) -> list[Mention]:
    """Non-overlapping mentions of the gold groups (longest match wins).

    When both groups match the same span (the knowledge base lists a group's
    successor as its alias, as for GSPC and AQIM), the group whose own MMP
    name matches it takes the span.
    """
    candidates = [(s, e, key, not _own_match(text[s:e], groups[key]))
                  for key, name in groups.items() for s, e in find_group(text, name)]
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[3], c[0]))
    taken: list[tuple[int, int, str]] = []
    for start, end, key, _alias in candidates:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, key))
    return [Mention(start=s, end=e, text=text[s:e], actor_key=k, kind="armed_group", source="kb")
            for s, e, k in sorted(taken)]


def _own_match(span_text: str, name: str) -> bool:
    names, acronyms = own_variants(name)
    return any(re.fullmatch(_pattern(n), span_text, flags=re.I) for n in names) \
        or any(re.fullmatch(_pattern(a), span_text) for a in acronyms)


def combine(pipeline: tuple[Mention, ...], gold: list[Mention]) -> list[Mention]:
    """Gold-group mentions replace the pipeline's mentions that overlap them."""
    kept = [m for m in pipeline if all(m.end <= g.start or m.start >= g.end for g in gold)]
    return sorted(kept + gold, key=lambda m: m.start)


# ------------------------------------------------------------------ scoring ---

def _between(relations: list[Relation], a: str, b: str) -> list[Relation]:
    """Relations the text states between a and b; negated ones ("ended its alliance") state none."""
    return [r for r in relations if {r.source, r.target} == {a, b} and r.certainty != "negated"]


def evaluate(data_dir: Path | None, limit: int | None = None) -> dict:
    from conflictgraph.extract.pipeline import findings_from_doc, get_extractor

    if data_dir is None:
        raise EvalError("The MMP evaluation needs --data pointing at the stanford_mmp folder.")
    rows = read_rows(Path(data_dir), limit)
    nlp = get_extractor().nlp
    totals, hits, wrong, found_pair, direction_ok = Counter(), Counter(), Counter(), Counter(), Counter()
    docs = nlp.pipe((row.text for row in rows), batch_size=32)
    for row, doc in zip(rows, docs, strict=True):
        document = Document(id=f"mmp-{row.id}", text=row.text)
        gold = gold_mentions(row.text, {"g1": row.group1, "g2": row.group2})
        totals[row.type] += 1
        if {m.actor_key for m in gold} != {"g1", "g2"}:
            continue
        found_pair[row.type] += 1
        mentions = combine(findings_from_doc(doc, document).mentions, gold)
        pair = _between(extract_relations(doc, document, mentions), "g1", "g2")
        accepted = ACCEPT.get(row.type, frozenset())
        good = [r for r in pair if r.type in accepted]
        hits[row.type] += bool(good)
        wrong[row.type] += any(r.type not in accepted for r in pair)
        if row.type == "spl" and any(r.source == "g2" for r in good):
            direction_ok[row.type] += 1
    return _report(totals, hits, wrong, found_pair, direction_ok)


def _report(totals: Counter, hits: Counter, wrong: Counter, found_pair: Counter, direction_ok: Counter) -> dict:
    scores: dict[str, float] = {}
    for code in sorted(totals):
        scores[f"{code}_hit"] = round(hits[code] / totals[code], 3)
        scores[f"{code}_wrong"] = round(wrong[code] / totals[code], 3)
    n = sum(totals.values())
    scores["overall_hit"] = round(sum(hits.values()) / n, 3) if n else 0.0
    scores["overall_wrong"] = round(sum(wrong.values()) / n, 3) if n else 0.0
    scores["both_groups_found"] = round(sum(found_pair.values()) / n, 3) if n else 0.0
    if hits["spl"]:
        scores["spl_direction"] = round(direction_ok["spl"] / hits["spl"], 3)
    counts = {"rows": n, **{f"{c}_rows": totals[c] for c in sorted(totals)}, "hits": sum(hits.values())}
    return {"dataset": "stanford_mmp", "method": "conflict.RelationRules.v1 over each description; pair found by MMP names/acronyms",
            "scores": scores, "counts": counts}
