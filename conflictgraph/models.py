"""Internal records shared by every stage.

Frozen dataclasses: stages hand these to each other and never mutate them.
Offsets (`start`, `end`) are character offsets into `Document.text`.
Actor references inside findings are *actor keys*: a knowledge-base id
(``kb:...``) or a key for an actor found only in text (``txt:<normalized name>``).
The store turns keys into stable actor ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Certainty = Literal["asserted", "reported", "speculative", "negated"]
CERTAINTIES: tuple[str, ...] = ("asserted", "reported", "speculative", "negated")

ActorKind = Literal[
    "armed_group", "state", "government_body", "igo", "person",
    "coalition", "organization", "population", "unknown",
]
ACTOR_KINDS: tuple[str, ...] = (
    "armed_group", "state", "government_body", "igo", "person",
    "coalition", "organization", "population", "unknown",
)

RELATION_TYPES: tuple[str, ...] = (
    "branch_of", "affiliate_of", "splinter_of", "merged_with", "allegiance_to",
    "ally_of", "rival_of", "fights", "supports", "criticizes", "designates",
    "negotiates_with", "threatens", "recruits_from", "leads", "member_of",
)
SYMMETRIC_RELATIONS: frozenset[str] = frozenset(
    {"merged_with", "ally_of", "rival_of", "fights", "negotiates_with"}
)

EVENT_TYPES: tuple[str, ...] = (
    "attack", "battle", "takeover", "withdrawal", "defeat", "agreement",
    "designation", "arrest", "protest", "statement",
)
# the violent event types: the ones with tolls, grouped as one family of triggers
VIOLENT_TYPES: frozenset[str] = frozenset({"attack", "battle"})
ATTACK_SUBTYPES: tuple[str, ...] = (
    "bombing", "suicide_bombing", "armed_assault", "assassination", "kidnapping",
    "hijacking", "arson", "infrastructure_attack", "airstrike", "drone_strike", "shelling",
)


@dataclass(frozen=True, slots=True)
class Document:
    """Clean text plus metadata; nothing downstream of ingest sees HTML."""

    id: str
    text: str
    title: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    source_path: str | None = None
    language: str | None = "en"
    dropped: tuple[str, ...] = ()  # lines removed as site chrome, kept for audit


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of a document's clean text that supports a fact."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Bounds:
    """A number with its bounds: "at least 30" -> Bounds(30, None)."""

    min: float | None = None
    max: float | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str | None = None
    admin1: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # point, city, admin1, country, region, unknown
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface form of an actor in a document."""

    start: int
    end: int
    text: str
    actor_key: str
    kind: str = "unknown"
    source: str = "kb"  # kb, ner, acronym, definition, context, title
    role: str | None = None  # for persons: "President", "spokesman of X"


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """What a document says about one actor key: name, kind, names seen."""

    key: str
    name: str
    kind: str = "unknown"
    aliases: tuple[str, ...] = ()
    country: str | None = None
    external_ids: dict = field(default_factory=dict)
    parent_key: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    type: str
    source: str  # actor key
    target: str  # actor key
    certainty: Certainty
    evidence: tuple[Evidence, ...]
    attributed_to: str | None = None  # actor key
    start: str | None = None  # date the relation began, if stated
    end: str | None = None
    extractor: str = "conflict.RelationRules.v1"


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float | None = None
    min: float | None = None
    max: float | None = None
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    certainty: Certainty
    evidence: tuple[Evidence, ...]
    subtype: str | None = None
    date: str | None = None
    date_text: str | None = None  # surface form, kept when unresolved
    location: Place | None = None
    perpetrators: tuple[str, ...] = ()  # actor keys
    targets: tuple[str, ...] = ()
    claimed_by: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()  # negated claims of responsibility
    killed: Bounds | None = None
    wounded: Bounds | None = None
    suicide: bool | None = None
    attributed_to: str | None = None
    details: dict = field(default_factory=dict)  # breakdowns, per-field evidence
    extractor: str = "conflict.EventRules.v1"


@dataclass(frozen=True, slots=True)
class Claim:
    certainty: Certainty
    evidence: tuple[Evidence, ...]
    text: str | None = None
    subject: str | None = None  # actor key the claim is about
    quantity: Quantity | None = None
    place: Place | None = None
    attributed_to: str | None = None
    extractor: str = "conflict.ClaimRules.v1"


@dataclass(frozen=True, slots=True)
class Movement:
    certainty: Certainty
    evidence: tuple[Evidence, ...]
    who: str | None = None  # actor key
    who_text: str | None = None
    origin: Place | None = None
    destination: Place | None = None
    via: tuple[Place, ...] = ()
    count: Bounds | None = None
    date: str | None = None
    attributed_to: str | None = None
    extractor: str = "conflict.MovementRules.v1"


@dataclass(frozen=True, slots=True)
class Findings:
    """Everything extracted from one document; pure data, no database."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    actors: tuple[ActorInfo, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    movements: tuple[Movement, ...] = ()
    extractors: tuple[str, ...] = ()
