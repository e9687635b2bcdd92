"""conflict.ActorMentions.v1: every actor mention in a document, linked to one actor key.

Order matters: knowledge-base names first (most reliable), then names the
text defines ("X (ACR)", "X, also known as Y"), then actors found only by the
model's entities and their context, then later uses of names defined in the
text. A span is claimed once; the first claim wins.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from conflictgraph.extract.entities import context
from conflictgraph.extract.entities.definitions import acronym_definitions, aka_definitions, or_definitions
from conflictgraph.extract.entities.matcher import AliasIndex, Match, find_matches, is_all_caps, kb_index
from conflictgraph.knowledge.actors import KnowledgeBase, load_knowledge_base
from conflictgraph.knowledge.names import name_key, norm
from conflictgraph.knowledge.places import geocode
from conflictgraph.models import ActorInfo, Document, Mention

NAME = "conflict.ActorMentions.v1"
logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_KIND_PRIORITY = {"armed_group": 0, "state": 1, "government_body": 2, "igo": 3, "coalition": 4, "person": 5, "organization": 6, "population": 7, "unknown": 8}


@dataclass
class _Collector:
    """Mentions claimed so far, and what each actor key is called and is."""

    text: str
    mentions: dict[tuple[int, int], Mention] = field(default_factory=dict)
    infos: dict[str, dict] = field(default_factory=dict)
    local_names: dict[tuple[str, ...], str] = field(default_factory=dict)
    occupied: bytearray = field(default_factory=bytearray)

    def taken(self, start: int, end: int) -> bool:
        if not self.occupied:
            self.occupied = bytearray(len(self.text) + 1)
        return any(self.occupied[start:end])

    def release_inside(self, start: int, end: int) -> bool:
        """Free demonym and state mentions inside [start, end) so a longer name can take the span.

        "Paraguayan People's Army" is one armed group, not the state Paraguay.
        """
        inside = [span for span, m in self.mentions.items() if start <= span[0] and span[1] <= end]
        if not inside or any(self.mentions[span].kind != "state" for span in inside) or (start, end) in inside:
            return False
        if any(s < start < e or s < end < e for (s, e) in self.mentions):
            return False
        for span in inside:
            del self.mentions[span]
            self.occupied[span[0]:span[1]] = bytes(span[1] - span[0])
        return True

    def add(self, start: int, end: int, key: str, kind: str, source: str, role: str | None = None, name: str | None = None) -> None:
        if start >= end or self.taken(start, end):
            return
        surface = self.text[start:end]
        self.occupied[start:end] = b"\x01" * (end - start)
        self.mentions[(start, end)] = Mention(start, end, surface, key, kind, source, role)
        info = self.infos.setdefault(key, {"name": name or surface, "kind": kind, "aliases": {}})
        if source != "demonym":
            info["aliases"].setdefault(surface, None)
            self.local_names.setdefault(name_key(surface), key)


def _pick_entry(match: Match, kb: KnowledgeBase, countries: set[str]) -> str:
    """Several actors share a name: prefer one whose country the document mentions."""
    ids = match.alias.actor_ids
    if len(ids) == 1:
        return ids[0]
    def rank(actor_id: str) -> tuple:
        entry = kb.entries[actor_id]
        return (entry.country not in countries, _KIND_PRIORITY.get(entry.kind, 9), -len(entry.aliases), actor_id)
    return min(ids, key=rank)


def _person_role(doc: Doc, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return context.title_before(span) if span is not None else None


def _add_kb_matches(collector: _Collector, doc: Doc, kb: KnowledgeBase, index: AliasIndex) -> None:
    matches = find_matches(collector.text, index)
    countries = {kb.entries[i].country for m in matches for i in m.alias.actor_ids if kb.entries[i].kind == "state"}
    for match in matches:
        entry = kb.entries[_pick_entry(match, kb, countries)]
        if entry.kind == "person" and _part_of_longer_person(doc, match.start, match.end, entry.name):
            continue  # a one-word alias ("Hassan") inside another person's full name ("Hassan Sofi")
        source = "demonym" if match.alias.demonym else ("acronym" if match.alias.acronym else "kb")
        role = _person_role(doc, match.start, match.end) if entry.kind == "person" else None
        collector.add(match.start, match.end, entry.key, entry.kind, source, role=role, name=entry.name)


def _part_of_longer_person(doc: Doc, start: int, end: int, name: str) -> bool:
    """Whether a one-word person alias is only part of someone else's longer name in the text.

    A surname alias of the entry ("Shekau" in "Abubakar Shekau") still names the person; another
    single word ("Hassan" listed for a person with another name) inside "Ali Hassan" does not.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].ent_type_ != "PERSON":
        return False
    token = span[0]
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    longer = token.ent_iob_ == "I" or (after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "I")
    surname = name_key(name)[-1:] == name_key(token.text)
    return longer and not surname


def _add_definitions(collector: _Collector, doc: Doc) -> None:
    """Acronyms defined in parentheses: link both names to one actor."""
    for (a_start, a_end), (l_start, l_end) in acronym_definitions(collector.text):
        long_mention = _long_form_mention(collector, doc, l_start, l_end)
        if long_mention is not None:
            key, kind = long_mention.actor_key, long_mention.kind
        else:
            long_form = collector.text[l_start:l_end]
            kind = _kind_for_new_name(long_form, doc, l_start)
            if kind is None:
                continue  # "Specially Designated Global Terrorist (SDGT)": a defined term, not an actor
            key = f"txt:{norm(long_form)}"
            collector.add(l_start, l_end, key, kind, "definition", name=long_form)
        collector.add(a_start, a_end, key, kind, "definition")


def _long_form_mention(collector: _Collector, doc: Doc, start: int, end: int) -> Mention | None:
    """The mention a defined long form already is, if any.

    A state or demonym inside a group's long form ("Communist Party of Nepal (CPN)", "Paraguayan
    People's Army (EPP)") is part of the name: it is released so the long form becomes its own actor.
    """
    covering = next((m for (s, e), m in collector.mentions.items() if s <= start < e), None)
    if covering is not None and (covering.kind != "state" or covering.end >= end):
        return covering
    inside = covering or next((m for (s, e), m in collector.mentions.items() if start <= s < end), None)
    if inside is not None and _kind_for_new_name(collector.text[start:end], doc, start) == "armed_group" and collector.release_inside(start, end):
        return None
    return inside


def _kind_for_new_name(name: str, doc: Doc, start: int) -> str | None:
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    kind = context.kind_from_name(name.split(), first_is_state=False)
    if kind is None and span is not None and context.armed_context(span):
        kind = "armed_group"
    if kind is None and span is not None and any(t.ent_type_ in {"ORG", "NORP"} for t in span):
        kind = "organization"
    return kind


def _heading_line(text: str, start: int, end: int) -> bool:
    """Short lines without a sentence end are headings, captions or credits: no actors there."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    return len(line.split()) <= 10 and not line.endswith((".", "?", "!", '"', "”", ":"))


def _add_entities(collector: _Collector, doc: Doc, site: str | None) -> None:
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "NORP", "PERSON"}:
            continue
        if collector.taken(ent.start_char, ent.end_char) and not _longer_group_name(collector, ent):
            continue
        if _heading_line(collector.text, ent.start_char, ent.end_char) or (site and norm(ent.text) == norm(site)):
            continue
        if ent.label_ == "PERSON" and not context.armed_context(ent) and not _group_head(ent):
            _add_person(collector, ent)
        else:
            _add_group(collector, ent)


# Acronym-shaped words the model often leaves untagged: "UÇK", "M-19", "CGSB".
_ACRONYM = re.compile(r"(?<![\w\-])([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9]*(?:-[A-ZÀ-ÖØ-Þ0-9]+)*)(?![\w\-])")
_ROMAN = re.compile(r"^[IVXLCDM]+$")


def _acronym_shaped(word: str) -> bool:
    capitals = sum(ch.isupper() for ch in word)
    return 2 <= len(word) <= 10 and not _ROMAN.match(word) and (capitals >= 2 or ("-" in word and any(ch.isdigit() for ch in word)))


def _add_cued_acronyms(collector: _Collector, doc: Doc) -> None:
    """Untagged acronyms in armed context ("M-19 militants", "members of ZIPRA") are armed groups."""
    for match in _ACRONYM.finditer(collector.text):
        start, end = match.span(1)
        if not _acronym_shaped(match.group(1)) or collector.taken(start, end) or _heading_line(collector.text, start, end):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.start_char != start or span.end_char != end:
            continue
        if context.armed_context(span) or context.linked_to_group(span):
            key = collector.local_names.get(name_key(span.text)) or f"txt:{norm(span.text)}"
            collector.add(start, end, key, "armed_group", "context", name=span.text)


def _group_head(ent: Span) -> bool:
    """ "Medellín Cartel", "Quintin Lame Brigade": a name ending in a group noun is no person, whatever the model says."""
    return len(ent) > 1 and ent[-1].text[:1].isupper() and ent[-1].lower_ in context.cues()["group_head_words"]


def _longer_group_name(collector: _Collector, ent: Span) -> bool:
    """An organisation name that holds a demonym ("Niger Delta Avengers") takes the span over."""
    span = _clean_ent(ent)
    if ent.label_ != "ORG" or len(span) < 2:
        return False
    kind = context.kind_from_name([t.text for t in span], first_is_state=True)
    return kind == "armed_group" and collector.release_inside(span.start_char, span.end_char)


def _clean_ent(ent: Span) -> Span:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    if ent.doc[start].lower_ == "the" and end - start > 1:
        start += 1
    if end - start > 1 and ent.doc[end - 1].text in {"'s", "’s", "'"}:
        end -= 1
    if end - start > 1 and ent.doc[end - 1].lower_ in context.cues()["fighter_nouns"]:
        end -= 1  # "NHLF fighters": the group is NHLF; the noun is context
    cut = next((i for i in range(start + 1, end - 1) if ent.doc[i].lower_ == "in"), None)
    if cut is not None and geocode(ent.doc[cut + 1:end].text) is not None:
        end = cut  # "the Tahrir Police Station in Baqubah": the name ends before the town it is in
    return ent.doc[start:end]


def _not_an_actor(span: Span) -> bool:
    """Places, buildings and bare titles that the model tags as organisations or people."""
    c = context.cues()
    words = [t.lower_.rstrip(".") for t in span]
    if words[-1] in c["facility_words"] or words[0] in c["non_actor_first_words"] or all(w in c["titles"] or w in c["title_modifiers"] or not w.isalpha() for w in words):
        return True
    return len(span) <= 4 and geocode(span.text) is not None


# prepositions after which an unknown name the model calls an organisation is a place it mislabels
_PLACE_PREPS = frozenset({"in", "near", "outside", "around", "at"})


def _placed_object(span: Span) -> bool:
    """"overran a base at Buulo Mareer", "fighting near Kismu Hills": the object of a place preposition
    that hangs on a noun or verb, not on a name ("the head of X")."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS and root.head.head.pos_ in ("NOUN", "VERB")


def _add_group(collector: _Collector, ent: Span) -> None:
    span = _clean_ent(ent)
    if not span.text[:1].isupper() or len(span) > 8:
        return
    first_is_state = span[0].ent_type_ in {"GPE", "NORP"} or (span.start_char, span.start_char) in collector.mentions
    kind = context.kind_from_name([t.text for t in span], first_is_state)
    if context.armed_context(span) or context.linked_to_group(span) or ent[-1].lower_ in context.cues()["fighter_nouns"]:
        kind = "armed_group"
    if kind != "armed_group" and _not_an_actor(span):
        return
    if len(span) == 1 and span[0].lower_ in context.cues()["group_force_words"] | context.cues()["state_force_words"]:
        return  # "the Army" alone is some state's army, not a new group
    if kind is None and ent.label_ == "ORG" and (len(span) > 1 or (span.text.isupper() and len(span.text) >= 3)) \
            and not _placed_object(span):
        kind = "organization"  # one capitalised word alone is too often a place the model mislabels
    if kind is None or (kind == "armed_group" and _lone_adjective(span)):
        return  # a NORP without armed context is a population adjective ("Shiite", "Malian"), not an actor
    key = collector.local_names.get(name_key(span.text)) or f"txt:{norm(span.text)}"
    collector.add(span.start_char, span.end_char, key, kind, "context", name=span.text)


def _lone_adjective(span: Span) -> bool:
    """ "Islamist militants", "Shiite fighters", "its East African affiliate": adjectives describe the
    fighters or the branch's region and name no group."""
    return len(span) <= 3 and all(t.tag_ == "JJ" for t in span) \
        and context.kind_from_name([t.text for t in span], first_is_state=False) is None


def _add_person(collector: _Collector, ent: Span) -> None:
    span = _clean_ent(ent)
    if not span.text[:1].isupper() or len(span) > 5:
        return
    role = context.title_before(span)
    if not role and (_not_an_actor(span) or _names_a_kind_of_group(span)):
        return
    tokens = name_key(span.text)
    key = collector.local_names.get(tokens)
    if key is None and len(tokens) == 1:
        key = next((k for names, k in collector.local_names.items() if len(names) > 1 and names[-1] == tokens[0] and collector.infos[k]["kind"] == "person"), None)
    if key is None and len(tokens) == 1 and not role:
        return  # a lone word is too weak to be a new person
    key = key or f"txt:{norm(span.text)}"
    collector.add(span.start_char, span.end_char, key, "person", "title" if role else "ner", role=role, name=span.text)
    if role:
        collector.infos[key].setdefault("role", role)


def _names_a_kind_of_group(span: Span) -> bool:
    """ "an Iranian-backed Zaydi Shia movement": words the model takes for a person that only modify a
    group noun say what kind of group it is (a creed, a region); a person's name is not written there."""
    root = span.root
    return root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.lower_ in context.cues()["group_nouns"]


def _add_aka(collector: _Collector) -> None:
    ends = {e: (s, e) for (s, e) in collector.mentions}
    for (a_start, a_end), named in aka_definitions(collector.text, ends):
        mention = collector.mentions[named]
        collector.add(a_start, a_end, mention.actor_key, mention.kind, "definition")
    for (a_start, a_end), named in or_definitions(collector.text, ends):
        mention = collector.mentions[named]
        # "Mali, or Niger," lists two places; only groups and bodies get "or" names.
        if mention.kind not in {"state", "person"} and not collector.taken(a_start, a_end):
            collector.add(a_start, a_end, mention.actor_key, mention.kind, "definition")


def _add_local_reuses(collector: _Collector) -> None:
    """Later uses of names first seen in this document (defined acronyms, new groups)."""
    index = AliasIndex()
    for mention in collector.mentions.values():
        if mention.actor_key.startswith("txt:") or mention.source == "definition":
            index.add(mention.text, mention.actor_key)
    index.freeze()
    kinds = {m.actor_key: m.kind for m in collector.mentions.values()}
    for match in find_matches(collector.text, index):
        key = match.alias.actor_ids[0]
        collector.add(match.start, match.end, key, kinds[key], "coreference")


def _actor_infos(collector: _Collector, kb: KnowledgeBase) -> tuple[ActorInfo, ...]:
    infos = []
    for key, info in collector.infos.items():
        entry = kb.get(key) if key.startswith("kb:") else None
        infos.append(ActorInfo(
            key=key, name=entry.name if entry else info["name"], kind=entry.kind if entry else info["kind"],
            aliases=tuple(info["aliases"]), country=entry.country if entry else None,
            external_ids=dict(entry.external_ids) if entry else {},
            parent_key=f"kb:{entry.parent}" if entry and entry.parent else None,
        ))
    return tuple(infos)


def find_actor_mentions(doc: Doc, document: Document, kb: KnowledgeBase | None = None) -> tuple[tuple[Mention, ...], tuple[ActorInfo, ...]]:
    """All actor mentions of ``doc`` (sorted by offset) and what each actor key is."""
    kb = kb or load_knowledge_base()
    collector = _Collector(document.text)
    _add_kb_matches(collector, doc, kb, kb_index(kb))
    _add_definitions(collector, doc)
    if not is_all_caps(document.text):
        _add_entities(collector, doc, document.site)
        _add_cued_acronyms(collector, doc)
    _add_aka(collector)
    _add_local_reuses(collector)
    _unify_kinds(collector)
    mentions = tuple(sorted(collector.mentions.values(), key=lambda m: m.start))
    return mentions, _actor_infos(collector, kb)


# An actor has one kind: for actors found in text, the strongest evidence across its mentions wins.
_TEXT_KIND_ORDER = ("armed_group", "government_body", "igo", "coalition", "state", "person", "population", "organization", "unknown")


def _unify_kinds(collector: _Collector) -> None:
    kinds: dict[str, set[str]] = {}
    for mention in collector.mentions.values():
        kinds.setdefault(mention.actor_key, set()).add(mention.kind)
    best = {key: min(found, key=_TEXT_KIND_ORDER.index) for key, found in kinds.items()}
    for span, mention in collector.mentions.items():
        if mention.kind != best[mention.actor_key]:
            collector.mentions[span] = replace(mention, kind=best[mention.actor_key])
    for key, info in collector.infos.items():
        info["kind"] = best.get(key, info["kind"])
