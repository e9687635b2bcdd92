"""Rebuild ``conflictgraph/knowledge/data/generated/*.jsonl`` from the public lists in ``../shared/data``.

Inputs (see each folder's SOURCE.md):

- ``un_isil_aq_sanctions/``: the UN ISIL (Da'esh) & Al-Qaida Sanctions List (2024-06-07): every listed entity
  (armed group, or organization for charities, companies and front NGOs) and every listed individual.
- ``petrarch2/dictionaries/Phoenix.MilNonState.actors.txt``: militant groups with their aliases (MIT).
- ``petrarch2/dictionaries/Phoenix.Countries.actors.txt``: name variants and adjectives of the curated states.

A generated entry that is the same actor as a hand-written one (same UN reference, or same normalized name) is
written under the curated id, so the loader unions the aliases; UN and Phoenix entries for the same group are
merged. Output is deterministic: entries sorted by id, keys sorted, one JSON object per line.

Usage: ``python scripts/build_knowledge.py [--data-dir DIR] [--out-dir DIR]``. Exits 0 with a message, writing
nothing, when the shared data folder is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
KNOWLEDGE = REPO / "conflictgraph" / "knowledge" / "data"
UN_XML = "un_isil_aq_sanctions/un_isil_alqaida_sanctions_list_2024-06-07.xml"
PHOENIX_GROUPS = "petrarch2/dictionaries/Phoenix.MilNonState.actors.txt"
PHOENIX_COUNTRIES = "petrarch2/dictionaries/Phoenix.Countries.actors.txt"
UN_SOURCE = "UN ISIL/Al-Qaida sanctions list 2024-06-07"
PHOENIX_SOURCE = "PETRARCH2 Phoenix MilNonState dictionary"
PHOENIX_COUNTRY_SOURCE = "PETRARCH2 Phoenix Countries dictionary"
UN_TAG, PHOENIX_TAG = "UN list", "Phoenix"
GROUP_KINDS = frozenset({"armed_group", "organization", "coalition"})

# Words that make a phrase a group name rather than a person's name.
GROUP_WORDS = frozenset("""
army armies brigade brigades battalion battalions front movement group groups organization organisation party
league council committee force forces faction cells cell commando commandos unit units nuclei nucleus militia
army's jihad mujahideen mujahidin mujahedin mujahideen's resistance liberation revolutionary revolution
alliance union federation association society foundation trust network legion corps guerrilla guerrillas
command squad squads jamaat jamaah jemaah jama'at jamaat-ul harakat harkat hizb hezb lashkar jaish jaysh
tehrik tehreek ansar ansaru katiba katibat kataib brotherhood fighters patriots rebels order squadron
vanguard vanguards martyrs shabaab shabab taliban qaeda qaida qa'ida emirate state caliphate mujahid
kommando kommandos commission circle platoon defense defence fraction column nationalists anarchists
""".split())
# First tokens that mark a person's name (Phoenix lists leaders among group aliases and entries).
PERSON_TITLES = frozenset("""
sheikh shaykh sheik mullah maulana mawlana mufti commander emir amir dr doctor hafiz imam abu umm osama usama
ayman mohammed mohammad muhammad muhammed ahmed ahmad abdul abdullah abdel ali hassan hasan khaled khalid
marwan mokhtar moktar mukhtar omar umar ibrahim yusuf yousef youssef mustafa mahmoud sami said saeed saif
""".split())
# Aliases in the Phoenix file that are not names of the group they stand under (leaders, descriptions, or a
# different group's name); kept out deliberately. Compared after normalization.
PHOENIX_DROP = frozenset("""
al awlaki|raska lukwiya|al qaeda linked abu sayyaf|al qaida affiliated|al qaida offshoot|al qaeda operatives
|al qaeda in iraq|al qaeda linked abu sayyaf|qaeda group|islamic jihad|ex contras|free land|the avengers
|movement of hope|emgann|revolutionary left|wisdom of jihad|movement of riak machar|al aqsa|al aksa
|zawahiri|bin laden|al zawahiri|aulaqi|awlaqi|anwar awlaki|naser al wahishi|nasir al wuhayshi
|nasser al wahayshi|nasser al wuhayshi|imad fayez mughniyeh|imad moughniyah|imad mughniyah|imad mughniyeh
|sayyed nasrallah|sayyid hassan nasrallah|seyyed hassan nasrallah|alphonse lamola|caesar achellam
|dominic ongwen|joseph kony|nixman oryanga|odong latek|okot odhiambo|vincent otti|brother julian|ernst stavro blofeld|ras al ghul|hong kil dong|la liga|we will win|falcon
""".replace("\n", "").split("|"))
# Words that alone say nothing about which group is meant: a name made only of these is too generic.
GENERIC_TOKENS = frozenset("""
the of and in for a an national front resistance islamic group groups organization organisation revolutionary
army brigade brigades people's peoples popular liberation movement union unity community party council forces
force struggle action revolution cells cell committee fighters defense defence of jihad holy war new red black
anti state armed commando commandos unit units international world federation league
""".split())
# Single words too generic to match safely.
GENERIC_WORDS = frozenset("""
avengers guardians rebels militants defenders partisans patriots warriors justice revenge liberation freedom
resistance vengeance fighters hope wrath soldiers soldier tigers eagles falcons hawks wolves lions sentinels
the base veiled resistance aleph
""".split())
LOWER_WORDS = frozenset("""
of the and in for to on at by with from de du des la le les el y et pour wa wal wa'l fi fil bi li lil min an
""".split())
HYPHEN_PARTICLES = frozenset({"e", "i", "ul", "ud", "ur", "us", "ut"})
ORG_NAME = re.compile(
    r"\b(foundation|trust|charit\w*|relief|society|exchange|money|company|hawala|welfare|benevolence|committee|"
    r"association|bureau|humanitarian|haramain|haramayn|furqan|taibah|tameer|khidamat)\b", re.I)
PARENT_PATTERNS = (
    re.compile(r"[Ss]plinter group of (?:the )?[^.]*?\((QDe\.\d+)\)"),
    re.compile(r"\b(?:branch|affiliate|wing) of (?:the )?[^.]*?\((QDe\.\d+)\)"),
    re.compile(r"under the umbrella of [^.]*?\((QDe\.\d+)\)"),
    re.compile(r"^Joined the [^.]*?\((QDe\.\d+)\)"),
)
ROLE_PATTERN = re.compile(
    r"\b(Leader|Head|Founder and leader|Founder|Commander|Spokesman|Official spokesman|leader|head|founder|"
    r"commander|spokesman|Member|member)\s+of\s+(?:the\s+)?[^.]*?\((QDe\.\d+)\)")


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def name_key(text: str) -> str:
    """Normalized form used to compare names: ascii, lower case, no quotes or punctuation, no leading 'the'."""
    text = ascii_fold(text).lower()
    text = re.sub(r"[’'`\"]", "", text)
    text = re.sub(r"[^a-z0-9()]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def slug(text: str) -> str:
    text = re.sub(r"[’'`]", "", ascii_fold(text).lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def clean_space(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "’‘–—" for ch in text)


@dataclass
class Record:
    """One actor from one source, before it is given its final id."""

    name: str
    kind: str
    tag: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    external_ids: dict = field(default_factory=dict)
    parent_ref: str | None = None
    role_refs: list[tuple[str, str]] = field(default_factory=list)

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Curated:
    """What the hand-written layer tells the build: ids by name key, by UN reference, states by name."""

    entries: dict[str, dict]
    by_key: dict[str, set[str]]
    by_un: dict[str, str]
    acronyms: frozenset[str]
    iso3: dict[str, str]
    state_by_key: dict[str, str]


# ---------------------------------------------------------------- curated layer


def load_curated(actors_dir: Path) -> Curated:
    entries: dict[str, dict] = {}
    for path in sorted(actors_dir.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            entries[str(raw["id"])] = raw
    by_key: dict[str, set[str]] = defaultdict(set)
    for entry_id, raw in entries.items():
        for name in [raw["name"], *(raw.get("aliases") or [])]:
            by_key[name_key(str(name))].add(entry_id)
    by_un = {str(raw["external_ids"]["un"]): i for i, raw in entries.items() if (raw.get("external_ids") or {}).get("un")}
    acronyms = frozenset(
        str(a) for raw in entries.values() for a in (raw.get("aliases") or []) if re.fullmatch(r"[A-Z0-9][A-Z0-9\-/&]+", str(a)))
    states = {i: raw for i, raw in entries.items() if raw.get("kind") == "state"}
    iso3 = {str(raw["external_ids"]["iso3"]): i for i, raw in states.items() if (raw.get("external_ids") or {}).get("iso3")}
    state_by_key = {name_key(str(n)): i for i, raw in states.items() for n in [raw["name"], *(raw.get("aliases") or [])]}
    return Curated(entries, dict(by_key), by_un, acronyms, iso3, state_by_key)


# ---------------------------------------------------------------- title case


def _cap(word: str) -> str:
    """Capitalize after hyphens and slashes but not after apostrophes: JAMA'AT-UL -> Jama'at-ul."""
    parts = re.split(r"([-/])", word.lower())
    out = []
    for part in parts:
        if part in ("-", "/") or not part:
            out.append(part)
        elif part in HYPHEN_PARTICLES or part in ("al", "el", "ad", "ud", "ash", "as", "an", "ar", "at"):
            out.append(part)
        else:
            out.append(part[0].upper() + part[1:])
    text = "".join(out)
    return text[0].upper() + text[1:] if text and text[0] != "a" and text[0] != "e" and text[0] != "u" else text


def _word_case(word: str, first: bool, acronyms: frozenset[str]) -> str:
    bare = word.strip("()")
    if bare.upper() in acronyms or (re.fullmatch(r"[A-Z]{2,5}", bare) and not re.search(r"[AEIOUY]", bare)):
        return word.upper()
    if re.fullmatch(r"[IVX]+|[A-Z]*\d[A-Z0-9]*", bare):
        return word.upper()
    elision = re.fullmatch(r"([LD])[’']([A-Z].*)", word)
    if elision:
        return f"{elision.group(1).lower()}’{_cap(elision.group(2))}"
    low = word.lower()
    if low in ("al", "el") or (low in LOWER_WORDS and not first):
        return low
    if low.startswith(("al-", "el-", "ash-", "as-", "ad-", "an-", "ar-", "at-")):
        head, _, rest = low.partition("-")
        return f"{head}-{_cap(rest)}" if rest else low
    capped = _cap(word)
    return capped[0].upper() + capped[1:]


def smart_title(text: str, acronyms: frozenset[str]) -> str:
    """Title-case an all-caps name sensibly: 'AL_QAEDA' -> 'al-Qaeda', 'LASHKAR_E_TAIBA' -> 'Lashkar-e-Taiba'."""
    if not text.isupper():
        return clean_space(text)
    text = clean_space(text.replace("_", " "))
    if re.fullmatch(r"[A-Z0-9][A-Z0-9\-/&.]*", text) and len(re.sub(r"[^A-Z]", "", text)) <= 6:
        return text
    words = text.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if out and low in HYPHEN_PARTICLES and i + 1 < len(words):
            out[-1] = f"{out[-1]}-{low}-"
            continue
        cased = _word_case(word, first=not out, acronyms=acronyms)
        if out and out[-1].endswith("-"):
            out[-1] += cased
        elif out and out[-1] in ("al", "el") and not out[-1].endswith("-"):
            out[-1] = f"{out[-1]}-{cased}"
        else:
            out.append(cased)
    return " ".join(out)


def split_paren_acronyms(name: str) -> tuple[str, list[str]]:
    """'TEHRIK-E TALIBAN PAKISTAN (TTP)' -> ('TEHRIK-E TALIBAN PAKISTAN', ['TTP']); also 'X / HUM'."""
    name = clean_space(name)
    extra: list[str] = []
    match = re.search(r"\s*\(([^()]*)\)\s*$", name)
    if match:
        parts = [p.strip() for p in re.split(r"[,;]", match.group(1)) if p.strip()]
        if parts and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9\-]*", parts[0]) and sum(c.isupper() for c in parts[0]) >= 2:
            extra = parts
            name = name[: match.start()].strip()
    if " / " in name:
        head, _, tail = name.partition(" / ")
        if re.fullmatch(r"[A-Z]{2,6}", tail.strip()):
            name, extra = head.strip(), [tail.strip(), *extra]
    return name, extra


# ---------------------------------------------------------------- UN list


def _un_alias_names(raw: str) -> list[str]:
    """One ALIAS_NAME may hold several names: 'Arabic (A; B; C)' or 'A; B'. Keep Latin-script names."""
    raw = clean_space(raw).strip('"')
    if not raw:
        return []
    inner = re.fullmatch(r"(.*?)\s*\((.*)\)\s*$", raw)
    pieces: list[str] = []
    if inner and (not is_latin(inner.group(1)) or ";" in inner.group(2)):
        pieces = [inner.group(1), *inner.group(2).split(";")]
    else:
        pieces = raw.split(";")
    names: list[str] = []
    for piece in pieces:
        piece = re.sub(r"\((original script|.*sub-unit name.*)\)", "", piece).strip()
        piece = re.sub(r"\s*-\s*sub-unit name$", "", piece).strip()
        piece = _balance_parens(piece)
        if piece and is_latin(piece) and not re.search(r"original script", piece):
            names.append(piece)
    return names


def _balance_parens(text: str) -> str:
    text = text.strip()
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].strip()
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].strip()
    if text.count("(") > text.count(")"):
        text += ")"
    return text


def _country_of(names: Iterable[str], curated: Curated) -> str | None:
    for name in names:
        state_id = curated.state_by_key.get(name_key(name))
        if state_id:
            return curated.entries[state_id]["country"]
    return None


def _entity_kind(name: str, comments: str) -> str:
    if ORG_NAME.search(name) or re.search(r"(?i)money exchange|charit|citizens.{0,3} association|its directors", comments):
        return "organization"
    return "armed_group"


def _entity_parent_ref(name: str, comments: str) -> str | None:
    for pattern in PARENT_PATTERNS:
        match = pattern.search(comments)
        if match:
            return match.group(1)
    if re.search(r"(?i)islamic state|\bISIL\b", name) and re.search(r"Associated with[^.]*\(QDe\.115\)", comments):
        return "QDe.115"
    return None


def parse_un_entity(node: ET.Element, curated: Curated) -> Record:
    raw_name = clean_space(node.findtext("FIRST_NAME") or "")
    name, extra = split_paren_acronyms(raw_name)
    comments = clean_space(node.findtext("COMMENTS1") or "").split("Review pursuant")[0]
    aliases = list(extra)
    for alias in node.findall("ENTITY_ALIAS"):
        if (alias.findtext("QUALITY") or "") in ("a.k.a.", "f.k.a."):
            for alias_name in _un_alias_names(alias.findtext("ALIAS_NAME") or ""):
                alias_main, alias_extra = split_paren_acronyms(alias_name)
                aliases += [alias_main, *alias_extra]
    countries = [a.findtext("COUNTRY") or "" for a in node.findall("ENTITY_ADDRESS")]
    record = Record(
        name=smart_title(name, curated.acronyms), kind=_entity_kind(raw_name, comments), tag=UN_TAG,
        aliases=[smart_title(a, curated.acronyms) for a in aliases],
        country=_country_of([c for c in countries if c], curated),
        external_ids={"un": clean_space(node.findtext("REFERENCE_NUMBER") or "")},
        parent_ref=_entity_parent_ref(raw_name, comments),
    )
    return record


def _person_name(text: str, acronyms: frozenset[str]) -> str:
    text = clean_space(text)
    if "," in text and text.count(",") == 1:
        surname, given = (p.strip() for p in text.split(","))
        if surname and given and not re.search(r"\d", given):
            text = f"{given} {surname}"
    return smart_title(text, acronyms) if text.isupper() else text


def parse_un_individual(node: ET.Element, curated: Curated) -> Record:
    parts = [node.findtext(tag) or "" for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    name = _person_name(" ".join(p for p in parts if p.strip()), curated.acronyms)
    aliases: list[str] = []
    for alias in node.findall("INDIVIDUAL_ALIAS"):
        if (alias.findtext("QUALITY") or "") in ("Good", "a.k.a."):
            aliases += [_person_name(a, curated.acronyms) for a in _un_alias_names(alias.findtext("ALIAS_NAME") or "")]
    comments = clean_space(node.findtext("COMMENTS1") or "").split("Review pursuant")[0]
    nationality = [v.text or "" for v in node.findall("NATIONALITY/VALUE")]
    roles = [(m.group(1).lower(), m.group(2)) for m in ROLE_PATTERN.finditer(comments)]
    return Record(
        name=name, kind="person", tag=UN_TAG, aliases=aliases,
        country=_country_of([n for n in nationality if n], curated),
        external_ids={"un": clean_space(node.findtext("REFERENCE_NUMBER") or "")}, role_refs=roles,
    )


def read_un(path: Path, curated: Curated) -> tuple[list[Record], list[Record]]:
    root = ET.parse(path).getroot()
    entities = [parse_un_entity(n, curated) for n in root.findall("ENTITIES/ENTITY")]
    people = [parse_un_individual(n, curated) for n in root.findall("INDIVIDUALS/INDIVIDUAL")]
    return entities, people


# ---------------------------------------------------------------- Phoenix dictionaries


@dataclass
class PhoenixEntry:
    name: str
    aliases: list[str]
    code: str
    person_section: bool


def _phoenix_phrase(text: str) -> str:
    text = re.sub(r"#.*$", "", text)
    text = re.sub(r"\[[^\]]*\]", "", text)
    return clean_space(text.strip().strip("_").replace("_", " "))


def iter_phoenix(lines: Iterable[str]) -> Iterator[PhoenixEntry]:
    """Parse TABARI/PETRARCH actor blocks: a primary line, '+' synonym lines, tab-indented code lines."""
    current: PhoenixEntry | None = None
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0] in " \t":
            code = re.search(r"\[([A-Z]+)", stripped)
            if current and code and not current.code:
                current.code = code.group(1)
            continue
        if stripped.startswith("+"):
            if current:
                current.aliases += [a for a in (_phoenix_phrase(p) for p in stripped[1:].split("+")) if a]
            continue
        if current:
            yield current
        code = re.search(r"\[([A-Z]+)", stripped)
        head = re.sub(r"#.*$", "", stripped).split("[")[0].strip()
        current = PhoenixEntry(_phoenix_phrase(stripped), [], code.group(1) if code else "", head.endswith("__"))
    if current:
        yield current


def _looks_like_person(text: str, curated: Curated, person_keys: set[str]) -> bool:
    key = name_key(text)
    words = set(key.split())
    if words & GROUP_WORDS:
        return False
    if key in person_keys:
        return True
    return bool(key.split()) and key.split()[0] in PERSON_TITLES


def is_generic(text: str) -> bool:
    """Too generic to match safely: a date or number, a common word, or only generic words."""
    key = name_key(text)
    months = "january february march april may june july august september october november december"
    tokens = [t for t in key.replace("(", " ").replace(")", " ").split() if t not in months.split() and not t.isdigit()]
    return not tokens or key in GENERIC_WORDS or all(t in GENERIC_TOKENS for t in tokens)


def _usable_phoenix_alias(text: str) -> bool:
    key = name_key(text)
    if not key or key in PHOENIX_DROP or is_generic(text):
        return False
    if re.search(r"\(.*\b(name|general|original)\b.*\)", key):
        return False
    return not re.search(r"\b(linked|affiliated|offshoot|operatives)\b", key)


def read_phoenix_groups(path: Path, curated: Curated, person_keys: set[str]) -> list[Record]:
    records: list[Record] = []
    for entry in iter_phoenix(path.read_text(encoding="utf-8", errors="replace").splitlines()):
        in_curated_group = any(
            curated.entries[i].get("kind") in GROUP_KINDS for i in curated.by_key.get(name_key(entry.name), ()))
        has_group_word = bool(set(name_key(entry.name).split()) & GROUP_WORDS)
        if entry.person_section and not (has_group_word or in_curated_group):
            continue
        if not in_curated_group and _looks_like_person(entry.name, curated, person_keys):
            continue
        if not _usable_phoenix_alias(entry.name):
            continue
        name, extra = split_paren_acronyms(entry.name.upper())
        aliases = [*extra]
        for alias in entry.aliases:
            if _usable_phoenix_alias(alias) and not _looks_like_person(alias, curated, person_keys):
                alias_main, alias_extra = split_paren_acronyms(alias.upper())
                aliases += [alias_main, *alias_extra]
        state_id = curated.iso3.get(entry.code[:3])
        records.append(Record(
            name=smart_title(name, curated.acronyms), kind="armed_group", tag=PHOENIX_TAG,
            aliases=[smart_title(a, curated.acronyms) for a in aliases],
            country=curated.entries[state_id]["country"] if state_id else None,
        ))
    return records


# ---------------------------------------------------------------- merging and ids


def _curated_match(record: Record, curated: Curated) -> str | None:
    """Curated id for a record: by UN reference, else by canonical name, else by a unique long alias."""
    un_ref = record.external_ids.get("un")
    if un_ref and un_ref in curated.by_un:
        return curated.by_un[un_ref]
    compatible = {"person"} if record.kind == "person" else GROUP_KINDS

    def fits(entry_id: str) -> bool:
        raw = curated.entries[entry_id]
        same_country = not (record.country and raw.get("country")) or record.country == raw.get("country")
        return raw.get("kind") in compatible and same_country

    def hits(name: str, min_len: int) -> set[str]:
        key = name_key(name)
        return {i for i in curated.by_key.get(key, ()) if fits(i)} if len(key) >= min_len else set()

    by_name = hits(record.name, 3)
    if len(by_name) == 1:
        return next(iter(by_name))
    if record.tag != UN_TAG:
        return None
    # A listed entity whose own name is not curated joins a curated entry only when two of its aliases agree.
    votes: dict[str, int] = defaultdict(int)
    for alias in record.aliases:
        for entry_id in hits(alias, 4):
            votes[entry_id] += 1
    agreed = [i for i, n in votes.items() if n >= 2]
    return agreed[0] if len(agreed) == 1 else None


@dataclass
class Cluster:
    """Records that are one actor; ``curated_id`` set when it is a hand-written entry."""

    records: list[Record]
    curated_id: str | None = None

    @property
    def lead(self) -> Record:
        return self.records[0]


def cluster_records(records: list[Record], curated: Curated) -> list[Cluster]:
    """Group records that share a curated id or a normalized name (UN records first, so they lead)."""
    clusters: list[Cluster] = []
    by_curated: dict[str, Cluster] = {}
    by_key: dict[str, Cluster] = {}
    by_lead: dict[str, Cluster] = {}
    for record in records:
        curated_id = _curated_match(record, curated)
        cluster = by_curated.get(curated_id) if curated_id else None
        if cluster is None and not curated_id and record.kind != "person":
            cluster = by_key.get(name_key(record.name)) or next(
                (by_lead[k] for k in map(name_key, record.aliases) if len(k) > 3 and k in by_lead), None)
        if cluster is None:
            cluster = Cluster([], curated_id)
            clusters.append(cluster)
            if curated_id:
                by_curated[curated_id] = cluster
        cluster.records.append(record)
        if record.kind != "person":
            by_lead.setdefault(name_key(cluster.lead.name), cluster)
            for key in map(name_key, record.names()):
                if len(key) > 3:
                    by_key.setdefault(key, cluster)
    return clusters


def assign_ids(clusters: list[Cluster], curated: Curated) -> dict[int, str]:
    """Final id per cluster: the curated id, else a slug of the lead name, made unique deterministically."""
    taken = set(curated.entries)
    ids: dict[int, str] = {}
    for index, cluster in enumerate(clusters):
        if cluster.curated_id:
            ids[index] = cluster.curated_id
            continue
        base = slug(cluster.lead.name) or "actor"
        candidate = base
        if candidate in taken:
            ref = cluster.lead.external_ids.get("un") or cluster.lead.country or str(index)
            candidate = f"{base}-{slug(ref)}"
        taken.add(candidate)
        ids[index] = candidate
    return ids


def _alias_owner_counts(clusters: list[Cluster]) -> dict[str, int]:
    owners: dict[str, set[int]] = defaultdict(set)
    for index, cluster in enumerate(clusters):
        for record in cluster.records:
            for alias in record.aliases:
                owners[name_key(alias)].add(index)
    return {key: len(v) for key, v in owners.items()}


def _keep_alias(alias: str, own_id: str, cluster: Cluster, curated: Curated, owners: dict[str, int]) -> bool:
    key = name_key(alias)
    if not key or is_generic(alias) or len(alias) > 120:
        return False
    other_curated = curated.by_key.get(key, set()) - {own_id}
    if other_curated:
        return False
    is_lead_name = any(name_key(r.name) == key for r in cluster.records)
    return owners.get(key, 0) <= 1 or is_lead_name


def build_entry(cluster: Cluster, own_id: str, ids_by_ref: dict[str, str], curated: Curated,
                owners: dict[str, int]) -> dict:
    lead = cluster.lead
    curated_names = set()
    if cluster.curated_id:
        raw = curated.entries[cluster.curated_id]
        curated_names = {str(n) for n in [raw["name"], *(raw.get("aliases") or [])]}
    alias_sources: dict[str, set[str]] = defaultdict(set)
    for record in cluster.records:
        for alias in record.names():
            if alias in curated_names or not _keep_alias(alias, own_id, cluster, curated, owners):
                continue
            alias_sources[alias].add(record.tag)
    name = lead.name
    aliases = sorted(a for a in alias_sources if a != name)
    tags = {r.tag for r in cluster.records}
    entry: dict = {
        "id": own_id, "name": name, "kind": lead.kind, "aliases": aliases,
        "alias_sources": {a: "; ".join(sorted(alias_sources[a])) for a in sorted(alias_sources)},
        "sources": [s for t, s in ((UN_TAG, UN_SOURCE), (PHOENIX_TAG, PHOENIX_SOURCE)) if t in tags],
    }
    country = next((r.country for r in cluster.records if r.country), None)
    if country:
        entry["country"] = country
    external: dict = {}
    for record in cluster.records:
        external.update(record.external_ids)
    if external:
        entry["external_ids"] = external
    parent = ids_by_ref.get(lead.parent_ref or "")
    if parent and parent != own_id and not cluster.curated_id:
        entry["parent"] = parent
    roles = [{"title": t, "of": ids_by_ref[r]} for t, r in lead.role_refs if r in ids_by_ref]
    if roles and not cluster.curated_id:
        entry["roles"] = roles
    return entry


def _name_branch_parent(entry: dict, curated: Curated, by_key: dict[str, str]) -> str | None:
    """'Al-Haramain: Albania Branch' or 'Al-Haramain Foundation (Kenya)' -> the parent organization's id."""
    match = re.match(r"^(.*?)(?::\s*.*\bBranch|\s*\([^()]*\))$", entry["name"], re.I)
    if not match:
        return None
    key = name_key(match.group(1))
    owner = by_key.get(key) or next(iter(sorted(curated.by_key.get(key, ()))), None)
    return owner if owner and owner != entry["id"] else None


def build_entries(records: list[Record], curated: Curated) -> list[dict]:
    clusters = cluster_records(records, curated)
    ids = assign_ids(clusters, curated)
    ids_by_ref = {r.external_ids["un"]: ids[i] for i, c in enumerate(clusters) for r in c.records if r.external_ids.get("un")}
    owners = _alias_owner_counts(clusters)
    entries = [build_entry(c, ids[i], ids_by_ref, curated, owners) for i, c in enumerate(clusters)]
    by_key = {name_key(e["name"]): e["id"] for e in entries}
    for entry, cluster in zip(entries, clusters, strict=True):
        if "parent" not in entry and not cluster.curated_id and entry["kind"] != "person":
            parent = _name_branch_parent(entry, curated, by_key)
            if parent:
                entry["parent"] = parent
    return sorted(entries, key=lambda e: e["id"])


# ---------------------------------------------------------------- states


DEMONYM_SUFFIX = re.compile(r"(an|ian|ese|ish|i|ean|ic|ch|ot)$")


def read_phoenix_states(path: Path, curated: Curated) -> list[dict]:
    """Name variants and adjectives of curated states from the Phoenix country blocks ('NAME_ [ISO3]')."""
    entries: list[dict] = []
    for block in iter_phoenix(path.read_text(encoding="utf-8", errors="replace").splitlines()):
        state_id = curated.iso3.get(block.code) if len(block.code) == 3 else None
        if not state_id or block.person_section:
            continue
        raw = curated.entries[state_id]
        known = {name_key(str(n)) for n in [raw["name"], *(raw.get("aliases") or []), *(raw.get("demonyms") or [])]}
        names, demonyms = set(), set()
        stems = {name_key(str(n))[:4] for n in [raw["name"], *(raw.get("aliases") or [])] if len(name_key(str(n))) >= 4}
        for phrase in [block.name, *block.aliases]:
            text = clean_space(phrase).title() if " " not in clean_space(phrase) else smart_title(phrase.upper(), curated.acronyms)
            key = name_key(text)
            # The Phoenix file also lists cities and provinces under a country: keep only forms of its name.
            if not key or key in known or "(" in key or len(key.split()) > 5 or not key.startswith(tuple(stems)):
                continue
            other = curated.state_by_key.get(key)
            if other and other != state_id:
                continue
            single = len(key.split()) == 1 and not key.endswith(("tan", "land", "ia", "ea"))
            (demonyms if single and DEMONYM_SUFFIX.search(key) else names).add(text)
        if names or demonyms:
            entries.append({
                "id": state_id, "name": raw["name"], "kind": "state", "country": raw.get("country"),
                "aliases": sorted(names), "alias_sources": {n: PHOENIX_TAG for n in sorted(names)},
                "demonyms": sorted(demonyms), "sources": [PHOENIX_COUNTRY_SOURCE],
            })
    merged: dict[str, dict] = {}
    for entry in entries:
        if entry["id"] in merged:
            old = merged[entry["id"]]
            old["aliases"] = sorted(set(old["aliases"]) | set(entry["aliases"]))
            old["demonyms"] = sorted(set(old["demonyms"]) | set(entry["demonyms"]))
            old["alias_sources"] = {a: PHOENIX_TAG for a in old["aliases"]}
        else:
            merged[entry["id"]] = entry
    return [merged[k] for k in sorted(merged)]


# ---------------------------------------------------------------- output


def write_jsonl(path: Path, entries: list[dict]) -> None:
    lines = [json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entries]
    path.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")


def build(data_dir: Path, out_dir: Path, actors_dir: Path) -> dict[str, int]:
    curated = load_curated(actors_dir)
    entities, people = read_un(data_dir / UN_XML, curated)
    person_keys = {name_key(n) for p in people for n in p.names()}
    person_keys |= {name_key(str(n)) for raw in curated.entries.values() if raw.get("kind") == "person"
                    for n in [raw["name"], *(raw.get("aliases") or [])]}
    groups = read_phoenix_groups(data_dir / PHOENIX_GROUPS, curated, person_keys)
    outputs = {
        "groups.jsonl": build_entries(entities + groups, curated),
        "un_sanctions_individuals.jsonl": build_entries(people, curated),
        "state_names.jsonl": read_phoenix_states(data_dir / PHOENIX_COUNTRIES, curated),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, entries in outputs.items():
        write_jsonl(out_dir / name, entries)
    return {name: len(entries) for name, entries in outputs.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--out-dir", type=Path, default=KNOWLEDGE / "generated", help="where the .jsonl files go")
    parser.add_argument("--actors-dir", type=Path, default=KNOWLEDGE / "actors", help="the hand-written YAML")
    args = parser.parse_args(argv)
    if not (args.data_dir / UN_XML).is_file() or not (args.data_dir / PHOENIX_GROUPS).is_file():
        print(f"build_knowledge: shared data not found under {args.data_dir}; nothing rebuilt "
              "(the committed generated files are left as they are).")
        return 0
    counts = build(args.data_dir, args.out_dir, args.actors_dir)
    for name, count in counts.items():
        print(f"{args.out_dir / name}: {count} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
