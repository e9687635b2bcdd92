"""Where an event happened: pick one place among those a paragraph names (issue 3).

Candidates are the GPE, LOC and FAC entities of the event's sentences, plus
ORG/PERSON entities the small model gives to villages when the text uses them
as places (after a place preposition, next to a settlement noun as in "Sirrin
town" or "the village of X", as the object of a control verb such as
"captured Birao", or as a possessive "Grozny's streets"). Each is scored:

- +3 when it is the object of a place preposition ("in", "near", "at",
  "outside", "of" in "the town of X") or an apposition/conjunct of one;
  +2.5 as the object of a control verb; +2 after "through"/"along";
- +2 when it sits in the trigger's sentence, minus a little for distance;
- -4 when it hangs on a speech verb or follows "according to", or is the
  subject of a verb (the place is then usually an actor: "Kenya said");
- -2 when it is part of a nationality or organisation name;
- +1 when the incident is named after it ("the Nahariya massacre", "Lod Airport Massacre").

A town followed by its division ("Segovia (Antioquia)", "Langley, Virginia") is looked up in that
division's country; a facility named after its city ("the Colombo Central Bank", "the University of
Baghdad") resolves to the city wherever it stands in the sentence.

Country hints: a country named as a place in the sentence ("Mandera, Kenya",
"in northern Syria") is a strong hint (a city or division of that name
abroad is refused); otherwise the country most named or implied by
nationality words in the document is a weak one; and a sentence naming
divisions of one country only puts its cities there ("Kourou town in the
Tillaberi region"). "X province" / "the province of X" is tried as a division
first; "Tanout village" is looked up as "Tanout".

A place the gazetteer lacks but the text marks as a place is kept by name
(precision ``unknown``), taking country, division and, inside a city, the
city's point from the most specific resolved candidate; it only wins when
no resolved place scores within 1 point. Among the top scores (within 1
point) the most specific place (point > city > admin1 > region > country) is
kept. When no entity resolves, the document's dateline place ("BAGHDAD,
March 3 (Reuters) -") is used, if any.

Fourth round (docs/events.md): comma-joined entities are split ("Abuja, Nigeria"); a town followed by its
country is looked up there; a nationality naming a border is no hint; a country used as a modifier is no
hint or container; an unlisted village or district the text names as one wins over its division or
country; untagged names before a settlement noun and possessives ("Kandahar's Zhari district", read in the
possessor's country) are candidates; ``with_actor_country`` gives a place without a country the home
country of the event's perpetrators.

Seventh round (docs/events.md): names the gazetteer spells otherwise are found by a loose key
(``places.geocode_loose``); a preposition left without an object by the parser, apposition to a place
preposition's object, any name label after "in", incident titles and control-verb objects give candidates;
initials and nationality entities are no places; a nationality on a settlement noun or before a name gives
its country; a weak hint does not send a world city to a village namesake; with no place in the event's
sentences, a place of the next or previous sentence is used.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from conflictgraph.extract.dates import MONTHS
from conflictgraph.extract.doccache import doc_text, span_ents
from conflictgraph.extract.events.rules import LOCATION_PREPS, PLACE_LABELS, SPEECH_VERBS
from conflictgraph.knowledge.places import (
    SMALL_POPULATION,
    city_population,
    country_place,
    geocode,
    geocode_loose,
    listed_name,
    spelling_key,
)
from conflictgraph.knowledge.places import division as admin1_division
from conflictgraph.models import Place

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

SPECIFICITY: dict[str, int] = {"point": 5, "city": 4, "admin1": 3, "region": 2, "country": 1}
# the rank of a seat town the text names as a division: a province as a first-level division, a district,
# cercle or tehsil between that and a town ("state" and "region" also name groups and areas: "Kent State")
_PROVINCE_RANK, _DISTRICT_RANK, _SUBDISTRICT_RANK = 3.0, 3.5, 3.75
_UNIT_RANKS: dict[str, float] = {
    "province": _PROVINCE_RANK, "governorate": _PROVINCE_RANK, "department": _PROVINCE_RANK, "oblast": _PROVINCE_RANK,
    "district": _DISTRICT_RANK, "county": _DISTRICT_RANK, "cercle": _DISTRICT_RANK,
    "tehsil": _SUBDISTRICT_RANK, "taluka": _SUBDISTRICT_RANK, "subdistrict": _SUBDISTRICT_RANK,
}
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'-]{2,40}?)(?:,\s*[A-Za-z .'-]{2,30})?\s*(?:,|\(|—|–|-{1,2})\s")


@dataclass(frozen=True, slots=True)
class Located:
    place: Place
    start: int
    end: int
    text: str
    score: float
    settlement: bool = False  # a name the text marks as a settlement ("the village of X", "X district")
    modifier: bool = False  # a country naming people or things, not a place ("a US patrol", "two US soldiers")
    # the division the text names the place as ("the Pulwama district", "Uruzgan province"; 0 for none): a seat
    # town so named ranks as that division, below the towns inside it (``_rank``)
    unit: float = 0.0


PLACE_NOUNS: frozenset[str] = frozenset({
    "town", "city", "village", "province", "district", "region", "area", "suburb", "outskirts", "state",
    "governorate", "county", "capital", "neighbourhood", "neighborhood", "municipality", "department",
    "locality", "hamlet", "settlement", "island", "port", "border", "centre", "center", "heart", "part",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "vicinity",
    "commune", "tehsil", "township", "cercle", "barangay",
})
# nouns that name the kind of place an adjacent proper noun is ("Sirrin town", "the village of Tamthil")
_SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "villages", "towns", "district", "province", "neighbourhood",
                               "neighborhood", "suburb", "area", "camp", "municipality", "region", "governorate",
                               "county", "hamlet", "settlement", "locality", "countryside", "valley", "island",
                               "commune", "tehsil", "township", "cercle", "barangay", "taluka", "regency",
                               "metropolis", "subdistrict", "sub-district", "department"})
# prepositions that put an event inside a named place (not "of", "on", "from": "fighters of the Movement")
_INSIDE_PREPS = frozenset({"in", "near", "outside", "inside"})
# movement prepositions the event rules do not count as place prepositions ("marched through X")
_ROUTE_PREPS = frozenset({"through", "along", "towards", "toward"})
# verbs whose direct object is a place when it is one ("captured Badme", "patrolled Kakata", "shelled Homs")
_CONTROL_VERBS = frozenset({"capture", "seize", "take", "retake", "recapture", "overrun", "liberate", "control", "patrol",
                            "storm", "besiege", "shell", "bomb", "raid", "enter", "occupy", "attack", "hit", "strike",
                            "secure", "invade", "encircle", "surround", "reach", "evacuate", "abandon"})
# nouns an incident is named by; a place modifying one names where it happened ("the Guildford pub bombing")
_INCIDENT_NOUNS = frozenset({"massacre", "massacres", "bombing", "bombings", "attack", "attacks", "shooting", "shootings",
                             "siege", "ambush", "raid", "hijacking", "crisis", "explosion", "blast", "blasts", "disaster",
                             "killings", "kidnapping", "stabbing", "stabbings", "uprising", "riot", "riots", "incident"})
_INCIDENT_NAME = re.compile(r"^(?:(?:19|20)\d\d\s+)?(.+?)\s+(?:" + "|".join(sorted(_INCIDENT_NOUNS)) + r")$", re.I)
_REFERENCE_HEADS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                              "km", "kilometres", "kilometers", "miles"})


# People and bodies that a place after "in" only locates: "partners in Moscow", "donors in Brussels".
_SEATED_NOUNS = frozenset({
    "partner", "ally", "backer", "sponsor", "patron", "donor", "counterpart", "friend", "investor", "creditor",
    "diplomat", "embassy", "consulate", "ambassador", "envoy", "government", "ministry", "parliament", "court",
    "headquarters", "leadership", "capital", "correspondent", "analyst", "observer", "exile", "diaspora",
})


def _prep_score(root: Token) -> float:
    """+3 for the object of a place preposition; less for reference points, modifiers and speakers."""
    token = _slot_token(root)
    if _names_incident(token):
        return 1.0  # "the Nahariya massacre": the incident is named after its place (weaker than "in X")
    if token.dep_ in ("compound", "amod", "nmod", "poss") and token.head.pos_ in ("NOUN", "PROPN") and token.head.lemma_.lower() not in PLACE_NOUNS:
        return -2.5  # "a U.S. military vehicle": a modifier; a city as modifier ("a Kabul hotel") is lifted by the caller
    if token.dep_ == "pobj" and token.head.lower_ in _ROUTE_PREPS:
        return 2.0
    if token.dep_ == "dobj" and token.head.lemma_.lower() in _CONTROL_VERBS:
        return 2.5
    if token.dep_ == "pobj" and token.head.lower_ in LOCATION_PREPS:
        return _place_prep_score(token.head)
    if token.dep_ in ("nsubj", "nsubjpass", "dobj") and _after_dangling_prep(token):
        return 3.0  # "in Mahmoudiyah killing 13", "Near Khartsyzk, a commander was killed": a misparsed "in X"
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in SPEECH_VERBS | {"condemn", "urge", "vow"}:
        return -4.0
    if token.dep_ == "nsubj":
        return -2.0
    return 0.0


def _slot_token(root: Token) -> Token:
    """The token that fills the name's slot in the sentence: past appositions, conjuncts and settlement nouns."""
    token = root
    if _named_by_place_noun(token):
        token = token.doc[token.i - 1]  # "in the capital Sana'a": the noun carries the preposition
    for _ in range(3):
        if token.dep_ in ("appos", "conj", "npadvmod") and token.head != token:
            token = token.head
            continue
        if token.dep_ in ("compound", "nmod", "amod") and token.head.lemma_.lower() in _SETTLEMENT_NOUNS:
            token = token.head  # "on Khanasir town": the town noun carries the preposition
            continue
        break
    return token


def _place_prep_score(prep: Token) -> float:
    """The score of a name after a place preposition, by what the preposition hangs on."""
    governor = prep.head
    if prep.lower_ == "of":
        if governor.lemma_.lower() in _REFERENCE_HEADS or any(c.lower_ in _REFERENCE_HEADS for c in governor.children):
            return -1.0  # "southeast of Tel Aviv": a reference point
        if governor.lemma_.lower() in PLACE_NOUNS and governor.dep_ == "pobj" and _near_a_name(governor.head):
            return 1.0  # "the village of Akmese near the city of Siirt"
        return 3.0 if governor.lemma_.lower() in PLACE_NOUNS else 0.0
    if prep.lower_ in ("from", "between") or _near_a_name(prep) or _inside_a_source(governor):
        return 1.0  # "Al-Hawari near Benghazi", "Kambari (near Maiduguri)": where the named place lies
    if governor.lemma_.lower() in _REFERENCE_HEADS:
        return -1.0
    if governor.pos_ == "NOUN" and governor.lemma_.lower() in _SEATED_NOUNS:
        return -2.0  # "Mali's partners in Moscow": where those people sit, not where it happened
    return 3.0


def _names_its_member(root: Token) -> bool:
    """Does the name modify a settlement noun that names its own place after "of", a place and no country ("the
    West Bank settlement of Tekoa"; not "the Herat province of Afghanistan")?"""
    noun = root.head
    if root.dep_ not in ("compound", "nmod", "amod") or noun.lemma_.lower() not in _SETTLEMENT_NOUNS:
        return False
    if not any(child.dep_ == "det" and child.i < root.i for child in noun.children):
        return False  # "Benin city of Edo State" names the city itself
    for child in noun.children:
        for member in (obj for obj in child.children if child.lower_ == "of" and obj.dep_ == "pobj"):
            name = doc_text(member.doc)[member.left_edge.idx:member.right_edge.idx + len(member.right_edge)]
            place = geocode(re.sub(r"^the\s+", "", name, flags=re.I)) if member.pos_ == "PROPN" else None
            if member.pos_ == "PROPN" and (place is None or place.precision != "country"):
                return True
    return False


_SOURCE_AREAS = frozenset({"area", "territory", "region", "part", "side"})


def _inside_a_source(governor: Token) -> bool:
    """Is the place inside the area something came from ("rockets fired from an area in Syria hit the town";
    not "100 meters from the market in X" nor "kidnapped from the village of X in Y")?"""
    return governor.lemma_.lower() in _SOURCE_AREAS and governor.dep_ == "pobj" and governor.head.lower_ == "from"


def _near_a_name(prep: Token) -> bool:
    """Is ``prep`` a "near" right after a place name ("in Al-Hawari near Benghazi", "the town of Mutriku, near
    San Sebastian", "Kiryat Arba (near Hebron)")? Its object then says where that place lies, not where the
    event happened (the parser seldom hangs the phrase on the name itself)."""
    if prep.lower_ != "near":
        return False
    i = prep.i - 1
    while i >= 0 and prep.doc[i].text in (",", "("):
        i -= 1
    # not a company's or a force's name ("Alaskan Fur Company Inc., near Bloomington")
    return i >= 0 and prep.doc[i].pos_ == "PROPN" and prep.doc[i].ent_type_ != "ORG"


def _after_dangling_prep(token: Token) -> bool:
    """Does the name stand right after a place preposition that the parser left without an object ("detonated
    a device in Mahmoudiyah killing 13", where the name became the subject of "killing")?"""
    doc, i = token.doc, token.left_edge.i - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in ("outside", "inside"):
        i -= 1  # "outside of Misrata"
    if i < 0 or doc[i].lower_ not in _INSIDE_PREPS | {"at"}:
        return False
    return not any(child.dep_ == "pobj" for child in doc[i].children)


def _names_incident(token: Token) -> bool:
    """Is the token a modifier of an incident noun, directly or through other modifiers ("Guildford pub bombing")?"""
    for _ in range(3):
        if token.dep_ not in ("compound", "nmod") or token.head == token:
            return False
        token = token.head
        if token.lower_ in _INCIDENT_NOUNS:
            return True
    return False


def _attribution(ent: Span) -> bool:
    sent = ent.sent
    before = sent.doc[max(sent.start, ent.start - 3):ent.start].text.lower()
    if "according to" in before:
        return True
    head = ent.root
    for _ in range(4):
        if head.lemma_.lower() in SPEECH_VERBS and head.pos_ == "VERB" and head.i > ent.root.i:
            return ent.root.dep_ in ("nsubj", "pobj") and head.lemma_.lower() != "claim"
        if head.head == head:
            break
        head = head.head
    return False


def _country_hint(sent: Span) -> str | None:
    """The first country the sentence names as a place ("Mandera, Kenya", "in northern Syria"), not as a
    modifier or speaker ("a US patrol", "Kenya said"): a strong hint that refuses homonyms abroad."""
    for ent in span_ents(sent):
        # any label: the small model tags some countries as PERSON ("in Tanout, Niger")
        if ent.label_ in ("GPE", "PERSON", "ORG", "LOC") and _prep_score(ent.root) >= 3 and not _attribution(ent):
            place = geocode(ent.text)
            if place is not None and place.precision == "country":
                return place.country
    return None


def _soft_hint(sent: Span) -> str | None:
    """Any country the sentence names, else that of a nationality word ("Afghan police said")."""
    for ent in span_ents(sent):
        if ent.label_ == "GPE" and _prep_score(ent.root) > -2.5:  # not a modifier: "U.S. servicemen" are no place
            place = geocode(ent.text)
            if place is not None and place.precision == "country":
                return place.country
    table = demonym_countries()
    for ent in span_ents(sent):
        if ent.label_ == "NORP" and ent.text.lower() in table and not _names_border(ent.root):
            return table[ent.text.lower()]
    return None


def _named_countries(sent: Span) -> set[str]:
    """Every country the sentence names as a GPE, in any role."""
    places = (geocode(ent.text) for ent in span_ents(sent) if ent.label_ == "GPE")
    return {place.country for place in places if place is not None and place.precision == "country" and place.country}


_BORDER_NOUNS = frozenset({"border", "borders", "frontier", "boundary", "borderland"})


def _names_border(token: Token) -> bool:
    """"close to the Turkish border": a nationality naming a border says where the event is not."""
    for _ in range(2):
        if token.dep_ not in ("amod", "compound", "nmod") or token.head == token:
            return False
        token = token.head
        if token.lemma_.lower() in _BORDER_NOUNS:
            return True
    return False


def _document_hint(sents: list[Span]) -> str | None:
    """The country most often named or implied across the given sentences' document: a weak hint
    for sentences that name none (homonyms elsewhere are not refused on its word)."""
    return _document_countries(sents[0].doc).hint if sents else None


def _document_focus(doc: Doc) -> str | None:
    """The document hint when several sentences name that country: a report about it."""
    countries = _document_countries(doc)
    return countries.hint if countries.sentences(0) >= _FOCUS_SENTENCES else None


def _document_named(doc: Doc) -> frozenset[str]:
    """Every country the document names or implies in some sentence."""
    return _document_countries(doc).named


def _document_subject(doc: Doc) -> str | None:
    """The country a report is about: named in several sentences, twice as many as any other."""
    countries = _document_countries(doc)
    first = countries.sentences(0)
    return countries.hint if first >= _SUBJECT_SENTENCES and first >= 2 * countries.sentences(1) else None


@dataclass(frozen=True, slots=True)
class _Countries:
    ranked: tuple[tuple[str, int], ...]  # countries with the number of sentences naming them, most first
    named: frozenset[str]  # every country named or implied

    @property
    def hint(self) -> str | None:
        return self.ranked[0][0] if self.ranked else None

    def sentences(self, rank: int) -> int:
        return self.ranked[rank][1] if rank < len(self.ranked) else 0


def _document_countries(doc: Doc) -> _Countries:
    """The countries the document names, by how many sentences name each."""
    # Depends on the document only; computed once per document (it scans every sentence's
    # entities, and it is asked for every event: recomputing it made event cost quadratic).
    if _DOCUMENT_HINT not in doc.user_data:
        counts: dict[str, int] = {}
        named: set[str] = set()
        for sent in doc.sents:
            # a country named as a place counts even when the model tags it ORG ("in northern Mozambique")
            hint = _country_hint(sent) or _soft_hint(sent)
            if hint:
                counts[hint] = counts.get(hint, 0) + 1
            named.update(_named_countries(sent))
        # a stable sort: among countries named equally often, the first named leads (as max() picked it)
        ranked = tuple(sorted(counts.items(), key=lambda item: -item[1]))
        doc.user_data[_DOCUMENT_HINT] = _Countries(ranked, frozenset(named | set(counts)))
    return doc.user_data[_DOCUMENT_HINT]


_DOCUMENT_HINT = "conflict.events.document_countries"
_FOCUS_SENTENCES = 2
_SUBJECT_SENTENCES = 3


_ADMIN_NOUNS = frozenset({"province", "state", "governorate", "region", "district", "department", "county", "oblast"})
_REFUSED = Place(precision="refused")


def _resolve(ent: Span, text: str, hint: str | None, strong: bool) -> Place | None:
    """Geocode with the hint; a strong (same-sentence) hint refuses a city or division abroad
    (``_REFUSED``). "Shaba province" is tried as a division before "Shaba" alone."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    before = ent.doc[ent.start - 2:ent.start] if ent.start >= 2 else None
    noun = after.lower_ if after is not None and after.lower_ in _ADMIN_NOUNS else None
    if noun is None and before is not None and before[1].lower_ == "of" and before[0].lower_ in _ADMIN_NOUNS:
        noun = before[0].lower_
    focus, named = _document_focus(ent.doc), _document_named(ent.doc)
    if noun and not text.lower().endswith(noun):
        place = _lookup(f"{text} {noun}", hint, strong, focus, named)
        if place is not None and place.precision == "admin1":
            return place
    return _lookup(text, hint, strong, focus, named)


_POSSESSIVE_END = re.compile(r"\s*['’]s$")  # "Democratic Republic of Congo's east": the name without its 's
# a direction adjective the model takes into a name ("eastern Democratic Republic of Congo"); "North Kivu",
# "South Sudan" are names and resolve whole first
# bare direction words too ("North Burkina Faso", "west Baghdad", "North-West Cameroon"): tried only once the whole
# name is in no gazetteer
_DIRECTION_ADJ = re.compile(r"^(?:(?:north|south)[- ]?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?|central)\s+", re.I)


def _lookup(text: str, hint: str | None, strong: bool, focus: str | None = None,
            named: frozenset[str] = frozenset()) -> Place | None:
    owner = _INNER_POSSESSIVE.match(text)
    if owner is not None:
        inside = _owned_place(owner.group(1), owner.group(2))
        if inside is not None:
            return inside
    place = geocode(text, hint) if hint else geocode(text)
    if hint and not strong and place is not None and place.precision == "city":
        place = _famous_namesake(text, place, hint)
    if place is None:
        decided, part = _without_direction(text, hint, strong, focus, named)
        if decided:
            return part
    first = text.split(" ", 1)
    nationality = demonym_countries().get(first[0].lower()) if place is None and len(first) == 2 else None
    if nationality is not None:
        # "the Malian Mopti region", "Indian Kashmir": the place, in the nationality's country
        inside = geocode(first[1], nationality)
        if inside is not None and inside.country == nationality:
            return inside
    words = text.rsplit(" ", 1)
    if place is None and len(words) == 2 and words[1].lower() in _SETTLEMENT_NOUNS:
        return _lookup(words[0], hint, strong, focus, named)  # "Tanout village" -> "Tanout"
    if place is None:
        place = _without_article(text, hint, strong, focus, named)
    if place is None and hint:
        return _abroad(text, hint, strong, focus, named)
    return place


def _without_direction(text: str, hint: str | None, strong: bool, focus: str | None,
                       named: frozenset[str]) -> tuple[bool, Place | None]:
    """(decided, place) for a name opening with a direction word ("northern Borno", "North Samar"); not
    decided when the word is part of the name or the rest names only a country."""
    direction = _DIRECTION_ADJ.match(text)
    bare = direction is not None and direction.group(0).strip().lower() in _BARE_DIRECTIONS
    if not direction or (bare and listed_name(text)):
        return False, None  # ("West Bank" under a hint elsewhere is a name of its own, looked up abroad below)
    rest = _DIRECTION_ADJ.sub("", text)
    part = _lookup(rest, hint, strong, focus, named)
    if not bare:
        return True, part
    if part is not None and part.precision == "city" and part.country != hint \
            and (city_population(rest) or 0) < _BIG_CITY:
        part = None  # "North Samar" is a province of its own, not the north of a Ukrainian town called Samar
    if part is not None and part.precision != "country":
        return True, part  # "north-west Pakistan" names no place of its own: a town named beside it is where it was
    return False, None


def _abroad(text: str, hint: str, strong: bool, focus: str | None, named: frozenset[str]) -> Place | None:
    """A name the hint's country lacks, looked up anywhere."""
    place = geocode(text)
    if strong and place is not None and place.precision not in ("country", "region"):
        return _REFUSED  # a homonym abroad: "Solhan" in a sentence about Burkina Faso is not in Turkey
    if hint == focus and place is not None and place.precision == "city" \
            and (city_population(text) or 0) < _FAMOUS_ABROAD and place.country not in named:
        # a town abroad in a document about another country: more likely a local town the gazetteer
        # lacks ("Palma" in a report on Mozambique) than Palma de Mallorca; unless the document names
        # the town's own country too ("Goma" in a report on Rwanda and the Congo)
        return Place(name=text, country=hint, precision="unknown")
    return place


_FAMOUS_ABROAD = 1_000_000
# "Chhattisgarh's Bijapur", "Balkh's Chimtal District": a place named by its division or city first
_SAINT_WORDS = frozenset({"saint", "st", "st.", "san", "santa", "sainte"})
_INNER_POSSESSIVE = re.compile(r"^([A-Z][^'’]{2,40})['’]s\s+([A-Z].{2,60})$")


def _owned_place(owner_text: str, name: str) -> Place | None:
    """The place after the possessive, in its owner's country and division; a name the gazetteer lacks is kept
    by name there. None when the owner is no listed place ("St. Luke's Hospital"), or the possessive names a
    building after a saint or a person ("Saint Mark's Church": a parish of Dominica is called Saint Mark)."""
    if _has_facility_noun("x " + name) or owner_text.split(" ", 1)[0].lower() in _SAINT_WORDS:
        return None
    owner = geocode(owner_text)
    if owner is None or owner.precision not in ("admin1", "city", "country"):
        return None
    place = geocode(name, owner.country)
    if place is not None and place.country == owner.country:
        return place
    admin1 = owner.admin1 or (owner.name if owner.precision == "admin1" else None)
    return Place(name=name, admin1=admin1, country=owner.country, precision="unknown")


def _without_article(text: str, hint: str | None, strong: bool, focus: str | None,
                     named: frozenset[str]) -> Place | None:
    """"al-Dibis" is listed as "Dibis": the name without its Arabic article, kept only in the hinted country, or
    without a hint in a country whose names take the article (without it "el-Barth" matches a German town)."""
    article = _ARABIC_ARTICLE.match(text)
    if article is None or len(text) - article.end() < 4:
        return None
    place = _lookup(text[article.end():], hint, strong, focus, named)
    if place is None or place is _REFUSED:
        return None
    if hint:
        return place if place.country == hint else None
    return place if place.country in _ARABIC_NAMES else None
# the Arabic article before a name the gazetteer lists without it; the name after it starts upper case
# countries whose place names take the article, and where a name found without it may stand: Arab League
# members (ISO 3166 alpha-2) besides Israel, whose own such places a sentence about a neighbour does not mean
_ARABIC_NAMES = frozenset(("IQ", "SY", "YE", "SA", "EG", "LY", "TN", "DZ", "MA", "JO", "LB", "PS", "SD", "SO",
                               "MR", "KW", "QA", "BH", "AE", "OM", "DJ", "KM"))
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)[-‐ ](?=[A-Z])", re.I)
_BARE_DIRECTIONS = frozenset({"north", "south", "east", "west", "north-east", "north-west", "south-east", "south-west",
                              "northeast", "northwest", "southeast", "southwest", "north east", "north west",
                              "south east", "south west"})
# a weak (document) hint does not send a city this big abroad to a namesake this many times smaller at home
_WORLD_CITY = 500_000
_WORLD_CITY_RATIO = 5


def _famous_namesake(text: str, hinted: Place, hint: str) -> Place:
    """"Bombing of a restaurant outside Madrid" in a report naming American servicemen: the document's country
    (a weak hint) holds a small Madrid, but a city known worldwide by the name is the one meant."""
    plain = geocode(text)
    if plain is None or plain.precision != "city" or plain.country == hint:
        return hinted
    big, small = city_population(text) or 0, city_population(text, hint) or 0
    return plain if big >= _WORLD_CITY and big >= _WORLD_CITY_RATIO * small else hinted



def _place_like(ent: Span) -> bool:
    """Is a non-place entity used as a place: after a place preposition, or naming a settlement
    ("Khanasir town", "the village of Tamthil", "in Swat")?"""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATION_PREPS | _ROUTE_PREPS:
        return True
    if root.dep_ in ("nsubj", "nsubjpass", "dobj") and _after_dangling_prep(root):
        return True  # "outside of Misrata killing two": a misparsed "in X"
    if root.dep_ == "appos" and root.head.dep_ == "pobj" and root.head.head.lower_ in LOCATION_PREPS:
        return True  # "outside the regional capital, Grozny": kept only when the gazetteer knows it
    if root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in _SETTLEMENT_NOUNS:
        return True
    if _names_incident(root) or (len(ent) > 1 and ent[-1].lower_ in _INCIDENT_NOUNS):
        return True  # "Kiryat Shmona massacre", "Lod Airport Massacre": kept only when the gazetteer knows it
    if _facility_head(root) is not None:
        return True  # "the Surat Thani police station": kept only when the gazetteer knows it
    if root.dep_ == "poss" or (root.dep_ == "dobj" and root.head.lemma_.lower() in _CONTROL_VERBS):
        return True  # "Grozny's streets", "rebels captured Birao": kept only when the gazetteer knows it
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.lower_ in _SETTLEMENT_NOUNS:
        return True
    before = ent.doc[ent.start - 2:ent.start] if ent.start >= 2 else None
    return before is not None and before[1].lower_ == "of" and before[0].lower_ in _SETTLEMENT_NOUNS


# "X, a village in Y", "X, a small town of Y", "X, a suburb of Y": an appositive saying what kind of place X is
_KIND_IN_APPOSITION = re.compile(
    r"^\s*,\s*(?:a|an)\s+(?:[a-z-]+\s+){0,2}?(?:village|town|hamlet|settlement|suburb|locality|municipality|commune"
    r"|district|township)\s+(?:in|of|near)\b")


# labels of numbers and times: never a place's name, whatever preposition they follow
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_ACTOR_SPANS = "conflict.events.actor_spans"
# Calendar words after "on"/"in" are times, never places ("on Thursday" is not Thursday Island).
_CALENDAR_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "today",
    "yesterday", "tonight", "ramadan", "christmas", "easter", "eid"})


def remember_actor_spans(doc: Doc, spans: list[tuple[int, int]]) -> None:
    """Character spans of the document's actor names: a place word inside a longer group name ("Khorasan
    Province" in "Islamic State Khorasan Province", "Pakistan" in "Tehrik-i-Taliban Pakistan") is no place."""
    doc.user_data[_ACTOR_SPANS] = sorted(spans)


def _inside_actor_name(doc: Doc, start: int, end: int) -> bool:
    spans = doc.user_data.get(_ACTOR_SPANS) or ()
    index = bisect.bisect_right(spans, (start, float("inf")))
    # only spans starting at or before this one can cover it; names are short, so a few steps back suffice
    for span_start, span_end in spans[max(0, index - 8):index]:
        if span_start <= start and end <= span_end and span_end - span_start > end - start:
            return True
    return False


def _not_a_place(ent: Span) -> bool:
    words = ent.text.lower().rstrip("'’s").split()
    return (bool(words) and all(w in _CALENDAR_WORDS or w.isdigit() for w in words)) or _generic_name(words) or \
        _inside_actor_name(ent.doc, ent.start_char, ent.end_char)


def _acronym(text: str) -> bool:
    """Initials ("UN", "ELN", "ANP") that the gazetteer does not list as a country or region ("US", "DRC", "KP")."""
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 5 and bare.isupper() and bare.isalpha() and not listed_name(text)


def _generic_name(words: list[str]) -> bool:
    # a name written by hand in the gazetteer stays one ("West Bank", "Middle East")
    return bool(words) and all(w in _GENERIC_WORDS for w in words) and not listed_name(" ".join(words))


def _place_spans(sent: Span) -> list[tuple[Span, float]]:
    """Place-like spans with a prior: GPE/LOC/FAC entities, and other entities or proper nouns
    right after a place preposition (the small model often tags villages as ORG or PERSON)."""
    covered: set[int] = set()
    spans = _entity_spans(sent, covered)
    for token in sent:
        if token.i in covered or not (_proper_name_word(token) or _named_by_place_noun(token)):
            continue
        span = _untagged_name(sent, token, covered)
        if span is not None:
            spans.append((span, -0.5))
    return spans


def _entity_spans(sent: Span, covered: set[int]) -> list[tuple[Span, float]]:
    """The entities that may name places, with their prior; ``covered`` gets the tokens of every entity."""
    spans: list[tuple[Span, float]] = []
    for whole, ent in _entity_parts(sent):
        covered.update(range(whole.start, whole.end))  # the kind words of "Jere Local Government Area of Borno" too
        # an area's parts: the model's whole entity may be taken for an organisation's name, not each part
        if _not_a_place(whole if ent is not whole else ent):
            covered.update(range(ent.start, ent.end))
            continue
        if ent.label_ in PLACE_LABELS or (ent.label_ == "ORG" and _has_facility_noun(ent.text)):
            spans.append((ent, 0.0))
        elif ent.label_ not in PLACE_LABELS and _acronym(ent.text):
            pass  # "the UN's Baghdad headquarters", "militants of EPL": a group's initials, not the town Un or Epinal
        elif ent.label_ == "NORP" and ent.text.lower() in demonym_countries():
            pass  # "the central Somali town of Beledweyne": a nationality, not Ethiopia's Somali Region
        elif (ent.label_ not in _NUMERIC_LABELS or ent.root.pos_ == "PROPN") and _place_like(ent):
            # any label on a proper noun: the small model even tags towns as DATE ("in Barrancabermeja")
            spans.append((ent, -0.5))
        covered.update(range(ent.start, ent.end))
    return spans


def _untagged_name(sent: Span, token: Token, covered: set[int]) -> Span | None:
    """The untagged name a proper noun belongs to when the text uses it as a place, else None."""
    if (token.dep_ == "pobj" and token.head.lower_ in LOCATION_PREPS) or _after_place_object(token) \
            or _named_by_place_noun(token):
        return _place_object_name(sent, token, covered)
    if (_names_incident(token) or (token.dep_ == "dobj" and token.head.lemma_.lower() in _CONTROL_VERBS)) \
            and not (token.dep_ == "compound" and token.head.pos_ == "PROPN") and not token.text.isupper():
        # the name's last word; an acronym is a group ("the RAB camp bombing"), not a place
        # "2016 Munich shooting:", "gunmen entered Mpeketoni": kept only when the gazetteer knows the name
        return _claimed_name(sent, token, covered, checked=True)
    if token.lower_ in _LGA_WORDS:
        return None  # "Local", "Government": kind words, not a name before a settlement noun
    if _lga_root(sent.doc[token.i:token.i + 1]) is not None or _names_unit(token):
        # "in the Damboa local government area": the model leaves the name untagged, a modifier of "area";
        # "in the Bijapur district", "Peshawar's Mathra": the name is the proper nouns before
        return _claimed_name(sent, token, covered, checked=False)
    return None


def _place_object_name(sent: Span, token: Token, covered: set[int]) -> Span | None:
    """The name of a place preposition's untagged object (or of the name in apposition to it)."""
    span = _across_hyphens(sent, _with_name_particles(sent, token))
    if _after_place_object(token) or len(span) == 1:
        # "near Ardboe, County Tyrone": the appositive's whole name; "in Sabaa Al Bour": the compounded name whole,
        # without a direction word the tagger took for a name ("in southeast Niger")
        start = _name_start(sent, token.i, covered)
        while start < token.i and sent.doc[start].lower_ in _BARE_DIRECTIONS | _DIRECTION_WORDS:
            start += 1
        span = sent.doc[start:token.i + 1]
    if any(i in covered for i in range(span.start, span.end)):
        span = sent.doc[token.i:token.i + 1]
    return None if _not_a_place(span) else span


def _claimed_name(sent: Span, token: Token, covered: set[int], checked: bool) -> Span | None:
    """The untagged name ending at ``token``, its tokens then ``covered``; None when its start is taken (the
    tail of a tagged name: "Sar-e" tagged alone, then "Pol's") or, ``checked``, when it names no place."""
    start = _name_start(sent, token.i, covered)
    if any(i in covered for i in range(start, token.i)):
        return None
    span = sent.doc[start:token.i + 1]
    if checked and _not_a_place(span):
        return None
    covered.update(range(start, token.i + 1))
    return span


def _entity_parts(sent: Span) -> list[tuple[Span, Span]]:
    """The sentence's entities, tidied and cut into the places they name, each with the span it was cut from."""
    named = [_across_hyphens(sent, _without_leading_article(ent)) for ent in span_ents(sent)]
    # an organisation's span cut at its comma ("at Buea, Southwest Cameroon") is checked whole: the actor
    # recogniser may have taken the whole for a group's name, not each part
    return [(whole if some is not whole and whole.label_ not in PLACE_LABELS else piece, part)
            for whole in _joined_names(named) for some in _comma_parts(whole)
            for piece in _in_parts(some) for part in _lga_parts(piece)]


def _name_start(sent: Span, index: int, covered: set[int]) -> int:
    """Where the untagged name ending at ``index`` starts: over the proper nouns compounded with it and a
    hyphenated part before them ("al-Sekak", "Sar-e Pol": the hyphenated name is one)."""
    start = index
    while start > sent.start and start - 1 not in covered and sent.doc[start - 1].pos_ == "PROPN" \
            and sent.doc[start - 1].dep_ == "compound":
        start -= 1
    return _hyphen_start(sent, start)


def _without_leading_article(ent: Span) -> Span:
    """An entity the model starts with "the" ("the Nad Ali" of "in the Nad Ali district of Helmand") has the
    article as its root when both hang on the noun after the name: the name's own words carry its role. A
    preposition the model runs into the end ("Timbuktu in" of "in Timbuktu in northern Mali") is no part of it."""
    start, end = ent.start, ent.end
    if end - start > 1 and ent[0].dep_ == "det" and ent.root == ent[0]:
        start += 1
    if end - start > 1 and ent.doc[end - 1].pos_ == "ADP":
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(ent.doc, start, end, label=ent.label_)


def _proper_name_word(token: Token) -> bool:
    """A proper noun, or a capitalised word the tagger could not class ("Sana'a" is tagged X)."""
    return token.pos_ == "PROPN" or (token.pos_ == "X" and token.text[:1].isupper())


def _named_by_place_noun(token: Token) -> bool:
    """A capitalised word right after a place preposition's settlement noun that the parser hung elsewhere ("in
    the Yemeni capital Sana'a", the name taken for an adverb of the verb)."""
    if token.i == 0 or not token.text[:1].isupper() or token.pos_ in ("DET", "PRON", "VERB", "AUX", "ADP", "CCONJ"):
        return False
    noun = token.doc[token.i - 1]
    return token.head != noun and noun.lemma_.lower() in _SETTLEMENT_NOUNS | {"capital"} and noun.dep_ == "pobj" \
        and noun.head.lower_ in LOCATION_PREPS


def _after_place_object(token: Token) -> bool:
    """An untagged name in apposition to a place preposition's object ("in the capital of Somalia, Mogadishu",
    "in the town Sevare"): kept only when the gazetteer knows it or a settlement noun names it."""
    head = token.head
    return token.dep_ == "appos" and head.dep_ == "pobj" and head.head.lower_ in LOCATION_PREPS


def _joined_names(ents: list[Span]) -> list[Span]:
    """Two place names joined by "and" that the gazetteer lists as one ("Jammu and Kashmir", "Trinidad and
    Tobago") are one place: the model tags the halves apart, and "Jammu" alone is a city in the state."""
    out: list[Span] = []
    for ent in ents:
        previous = out[-1] if out else None
        if previous is not None and previous.label_ in PLACE_LABELS and ent.label_ in PLACE_LABELS \
                and ent.start == previous.end + 1 and ent.doc[previous.end].lower_ in ("and", "&"):
            joined = Span(ent.doc, previous.start, ent.end, label=previous.label_)
            place = geocode(_POSSESSIVE_END.sub("", joined.text))
            if place is not None and place.precision in ("admin1", "country"):
                out[-1] = joined
                continue
        out.append(ent)
    return out


# lower-case links inside Portuguese, Spanish, French, Italian and Arabic place names
_NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "di", "du", "des", "la", "el", "al"})


def _with_name_particles(sent: Span, token: Token) -> Span:
    """An untagged name joined by a particle ("Mocímboa da Praia", "Ciudad del Este") when the gazetteer knows
    the whole; else the proper noun alone."""
    doc, start = sent.doc, token.i
    while start - 2 >= sent.start and doc[start - 1].lower_ in _NAME_PARTICLES and doc[start - 2].pos_ == "PROPN":
        start -= 2
    if start < token.i and geocode(doc[start:token.i + 1].text) is not None:
        return doc[start:token.i + 1]
    return doc[token.i:token.i + 1]


def _hyphen_start(sent: Span, start: int) -> int:
    """Extend a name's start over a hyphenated part before it ("al-" in "al-Sekak", "Sar-e" before "Pol")."""
    doc = sent.doc
    while start - 2 >= sent.start:
        if doc[start - 1].text in ("-", "‐") and not doc[start - 1].whitespace_:
            start -= 2  # "al" "-" "Sekak"
        elif doc[start - 2].text in ("-", "‐") and not doc[start - 2].whitespace_:
            start -= 3 if start - 3 >= sent.start else 2  # "Sar" "-" "e" "Pol"
        else:
            break
    return max(start, sent.start)


def _across_hyphens(sent: Span, name: Span) -> Span:
    """The whole of a hyphenated name the tokenizer splits ("Ra-ngae", "Pul-i-Alam", "Mayo-Sava", of which
    the model tags one part or none) when the gazetteer lists the whole or a division noun follows it ("in
    Ra-ngae district"); else the name as tagged ("the Kandahar-Herat highway" stays Kandahar)."""
    doc, end = sent.doc, name.end
    while end + 1 < sent.end and doc[end].text in ("-", "‐") and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    start = _hyphen_start(sent, name.start)
    if not (doc[start].text[:1].isupper() or _ARABIC_ARTICLE.match(doc[start:name.end].text)):
        start = name.start  # "insurgency-hit Dantewada district": a lower-case word before is no part of the name
    if (start, end) == (name.start, name.end):
        return name
    whole = Span(doc, start, end, label=name.label_)
    after = doc[end] if end < sent.end else None
    if geocode(whole.text) is not None or (after is not None and after.lower_ in _SETTLEMENT_NOUNS):
        return whole
    return name


def _names_unit(token: Token) -> bool:
    """A proper noun the model left untagged that names a place: the last name word before a settlement noun
    that is itself after a place preposition ("in the Dera Bugti district"), or a possessive of a place
    ("Peshawar's Mathra", "Kashmir's Pulwama town")."""
    head = token.head
    if token.dep_ == "compound" and head.lemma_.lower() in _SETTLEMENT_NOUNS and _only_nouns_between(token, head):
        if head.dep_ == "pobj" and head.head.lower_ in LOCATION_PREPS | _ROUTE_PREPS:  # "through the X district"
            return True
        if head.dep_ == "dobj" and head.head.lemma_.lower() in _CONTROL_VERBS:  # "gunmen raided X village"
            return True
        # "in Jammu and Kashmir's Anantnag district", "Balochistan's Chaman border town": a place's part, however
        # the parser hung the noun
        return any(child.dep_ == "poss" and child.pos_ == "PROPN" for child in head.children)
    return token.dep_ == "poss" and (head.pos_ == "PROPN" or head.lemma_.lower() in _SETTLEMENT_NOUNS)


def _only_nouns_between(token: Token, head: Token) -> bool:
    """Is ``token`` right before its head, or only lower-case nouns apart ("Chaman border town")?"""
    between = token.doc[token.i + 1:head.i]
    return head.i > token.i and all(t.pos_ == "NOUN" and t.text.islower() and t.dep_ == "compound" for t in between)


def _comma_parts(ent: Span) -> list[Span]:
    """An entity the model runs over a comma ("Abuja, Nigeria", "Moyale,Somali Region") is a town and its
    division or country when the last part is one: each part is a place of its own (the whole is in no
    gazetteer)."""
    if len(ent) < 3 or not any(t.text == "," for t in ent):
        return [ent]
    if ent.label_ not in PLACE_LABELS and not _after_place_preposition(ent):
        return [ent]  # an ORG or PERSON span elsewhere is a group's or a person's name ("Smith, Texas Rangers")
    parts, start = [], ent.start
    for token in ent:
        if token.text == ",":
            if token.i > start:
                parts.append(Span(ent.doc, start, token.i, label=ent.label_))
            start = token.i + 1
    if start < ent.end:
        parts.append(Span(ent.doc, start, ent.end, label=ent.label_))
    last = geocode(_DIRECTION_ADJ.sub("", parts[-1].text)) if len(parts) > 1 else None
    if last is None or last.precision not in ("country", "admin1"):
        return [ent]  # "Kenilworth, Cape Town": a part the gazetteer lacks, in its city (see ``_named_after``)
    return parts


def _after_place_preposition(ent: Span) -> bool:
    """"at Buea, Southwest Cameroon" tagged as an organisation: the object of a place preposition."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATION_PREPS and ent.root.head.lower_ != "of"


def _in_parts(ent: Span) -> list[Span]:
    """A name the model runs over "in" ("the Tahrir Police Station in Baqubah") holds the place after it: the
    building and the town are two spans, the town tagged as a place when the gazetteer lists it."""
    cut = next((t.i for t in ent[1:-1] if t.lower_ == "in"), None)
    if cut is None or ent.label_ not in ("ORG", "FAC"):
        return [ent]
    tail = Span(ent.doc, cut + 1, ent.end, label="GPE")
    place = geocode(tail.text)
    if place is None or place.precision not in ("city", "admin1", "country"):
        return [ent]
    return [Span(ent.doc, ent.start, cut, label=ent.label_), tail]


# Nigeria's local government areas ("Jere Local Government Area", "the Damboa local government area", "Bassa
# Local Government", "Madagali Local Council"): second-level units, named after their seat town
_LGA_AFTER = re.compile(r"^\s*(?i:local\s+(?:government|council)|LGA\b)")
_LGA_NOUN = re.compile(r"\s+(?i:local\s+(?:government(?:\s+(?:area|council))?|council)|LGA)\b.*$")
_LGA_COUNTRY = "NG"
# Nigerian reports name an incident by its local government area, not by the ward or village inside it: the
# area ranks above a town
_LGA_RANK = 4.5


def _lga_parts(ent: Span) -> list[Span]:
    """An entity the model runs over a local government area's kind words ("Jere Local Government Area of Borno")
    is the area's name, then the state after "of"."""
    words = [t.lower_ for t in ent]
    if "local" not in words[1:] or ent.label_ in _NUMERIC_LABELS:
        return [ent]
    cut = ent.start + words.index("local", 1)
    if not _LGA_AFTER.match(ent.doc[cut:ent.end].text):
        return [ent]
    parts = [Span(ent.doc, ent.start, cut, label="GPE")]
    tail = next((t.i for t in ent.doc[cut:ent.end] if t.lower_ == "of"), None)
    if tail is not None and tail + 1 < ent.end:
        parts.append(Span(ent.doc, tail + 1, ent.end, label="GPE"))
    return parts


_LGA_WORDS = frozenset({"local", "government", "area", "council", "lga"})
# "the local government of Geidam"; not "Jere Local Government Area of Borno", where the state comes after "of"
_LGA_BEFORE = re.compile(r"\b(?i:the\s+local\s+(?:government|council)(?:\s+area)?\s+of\s+(?:the\s+)?)$")


def _lga_root(ent: Span) -> Token | None:
    """The kind noun of a local government area the name is given as ("Jere Local Government Area", "the local
    government of Geidam"): it carries the area's role in the sentence. None when the name names no such area."""
    doc = ent.doc
    if ent.end < len(doc) and _LGA_AFTER.match(doc_text(doc)[ent.end_char:ent.end_char + 30]):
        end = ent.end
        while end < len(doc) and doc[end].lower_ in _LGA_WORDS:
            end += 1
        return doc[end - 1]
    if _LGA_BEFORE.search(doc_text(doc)[max(0, ent.start_char - 40):ent.start_char]):
        of = ent.start - 2 if doc[ent.start - 1].lower_ == "the" else ent.start - 1
        return doc[of - 1]
    return None


def _lga_place(text: str, hint: str | None) -> Place:
    """A local government area: its seat town (in the hinted country, else in Nigeria, where most are), else the
    name kept there."""
    name, country = _LGA_NOUN.sub("", text), hint or _LGA_COUNTRY
    place = geocode(name, country)
    if place is not None and place.precision == "city" and place.country == country:
        return place
    return Place(name=name, country=country, precision="unknown")


def candidates(sents: list[Span], trigger: Token | None) -> list[Located]:
    """Scored place candidates of an event's sentences."""
    found: list[Located] = []
    weak_hint = _document_hint(sents)
    for sent in sents:
        hint = _country_hint(sent)
        near = trigger if trigger is not None and trigger.sent == sent else None
        restating = _restating_verb(sent) if near is None else None
        here = [located for ent, prior in _place_spans(sent)
                if (located := _candidate(ent, prior, (hint, weak_hint), near, restating)) is not None]
        found.extend(here if hint is not None else _within_division(here))
    return found


def _candidate(ent: Span, prior: float, hints: tuple[str | None, str | None], trigger: Token | None,
               restating: Token | None) -> Located | None:
    """One place span scored: ``hints`` are the sentence's and the document's country, ``trigger`` the
    event's trigger when it stands in this sentence, ``restating`` a verb saying where the incident happened."""
    hint, weak_hint = hints
    text = _POSSESSIVE_END.sub("", re.sub(r"^(?:the|The|THE)\s+", "", ent.text))
    named = _INCIDENT_NAME.match(text) if len(ent) > 1 and ent[-1].lower_ in _INCIDENT_NOUNS else None
    if named:  # an entity spanning an incident's name ("Lod Airport Massacre"): its place part
        text, prior = named.group(1), prior + 1.0
    lga = _lga_root(ent)
    place, unlisted = _span_place(ent, text, named is not None, lga, hints)
    if place is None:
        return None
    prior -= 0.5 if unlisted else 0.0
    place = _in_container(ent, text, _of_nationality(ent, text, _in_possessor(ent, text, place)))
    located = _in_named_division(ent, text, place, hint or weak_hint)
    # an unlisted town placed by the division or country after it ("Moyale, Somali Region") is more
    # specific than that container: it wins over it, as a resolved town would
    attached = located is not place and located.precision == "unknown"
    place = located
    score = prior + _prep_score(ent.root if lga is None else lga) + (1.5 if attached else 0.0)
    score = _context_score(ent, text, place, score, prior, trigger, restating)
    # a town the text places in its division or country ("Khan Beni Saad, Iraq") is inside that container
    settlement = place.precision == "unknown" and (attached or _names_settlement(ent)) and not _names_division(ent)
    modifier = place.precision == "country" and ent.root.dep_ != "poss" and _prep_score(ent.root) <= -2.5
    return Located(place, ent.start_char, ent.end_char, ent.text, score, settlement, modifier,
                   _unit_rank(ent) if lga is None else _LGA_RANK)


def _span_place(ent: Span, text: str, named: bool, lga: Token | None,
                hints: tuple[str | None, str | None]) -> tuple[Place | None, bool]:
    """The place a span names, and whether the gazetteer lacked it (such a place scores lower)."""
    hint, weak_hint = hints
    place = _lga_place(text, hint or weak_hint) if lga is not None else _resolve(ent, text, hint or weak_hint, strong=hint is not None)
    if place is None and named:
        place = _named_after(text, hint or weak_hint)
    unlisted = place is None
    if unlisted:
        place = _unlisted_place(ent, text, hint, weak_hint)
    if place is _REFUSED:
        # a homonym abroad: in the hinted country the place is one the gazetteer lacks ("Balad, Somalia")
        place = _unresolved(ent, text, hint)
        if place is not None:
            place = _spelt_otherwise(ent, text, hint, None) or place
    return place, unlisted


def _unlisted_place(ent: Span, text: str, hint: str | None, weak_hint: str | None) -> Place | None:
    """A span the gazetteer lacks: kept by name when the text marks it as a place, else a facility's town."""
    # only a same-sentence hint gives an unlisted place its country here: a place resolved in
    # the sentence ("the Abbey Gate of Kabul airport") or the document's country comes later
    place = _unresolved(ent, text, hint)
    if place is not None:
        return _named_after(text, hint or weak_hint) or _spelt_otherwise(ent, text, hint, weak_hint) or place
    if ent.label_ in ("FAC", "ORG"):
        return _named_after(text, hint or weak_hint)  # "the Colombo Central Bank", wherever it stands
    return None


def _context_score(ent: Span, text: str, place: Place, score: float, prior: float, trigger: Token | None,
                   restating: Token | None) -> float:
    """``score`` adjusted for the span's role: a city as a modifier, a speaker, a region holding a named place,
    and nearness to the trigger (or to a verb saying where the incident happened)."""
    if score <= -2.5 and place.precision in ("city", "point", "admin1") and ent.root.dep_ in ("compound", "nmod", "poss"):
        score = 0.5  # "a Jerusalem hotel", "Baghdad's Sadr City": the city is where it happened
        facility = _facility_head(ent.root) if place.precision in ("city", "point") else None
        if facility is not None and _named_by_its_town(facility, text, place):
            score = max(score, prior + _prep_score(facility))  # "outside the Surat Thani police station"
    if _attribution(ent):
        score -= 4
    if place.precision in ("region", "country") and _names_its_member(ent.root):
        score -= 2.0  # "near the West Bank settlement of Tekoa": the region holds the named place
    if trigger is not None:
        score += 2 - min(abs(ent.root.i - trigger.i), 30) / 30
    elif restating is not None and _said_to_happen_in(ent.root, restating):
        score += 2 - min(abs(ent.root.i - restating.i), 30) / 30  # as good as the trigger's sentence
    return score


# verbs that say where an incident happened, and the nouns that name the incident as their subject
_HAPPEN_VERBS = frozenset({"occur", "happen"})
_RESTATED_NOUNS = _INCIDENT_NOUNS | {"incident", "killing", "casualties", "execution", "assault", "violence"}


def _restating_verb(sent: Span) -> Token | None:
    """The verb of a sentence that says where the incident happened ("The incident took place in Herat city",
    "the killings occurred in the village of X", "the attack, which happened near Y"): its subject is an
    incident noun under "the"/"this" (not "Another attack occurred in Z", a second incident)."""
    for token in sent:
        if token.pos_ != "VERB" or not (token.lemma_ in _HAPPEN_VERBS or (
                token.lemma_ == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in token.children))):
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.tag_ == "WDT" and token.dep_ == "relcl":
            subject = token.head  # "the attack, which occurred in front of the station"
        if subject is not None and subject.lemma_.lower() in _RESTATED_NOUNS \
                and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children):
            return token
    return None


def _said_to_happen_in(root: Token, verb: Token) -> bool:
    """Is the place where ``verb`` ("took place", "occurred") puts the incident: the verb governs it through
    prepositions and place nouns only, not through another verb or incident ("The attack occurred on the day
    of a bombing in Najaf", "occurred while negotiators met in Islamabad")?"""
    token = root
    while token.head != token:
        token = token.head
        if token == verb:
            return True
        if token.pos_ in ("VERB", "AUX") or token.lemma_.lower() in _RESTATED_NOUNS:
            return False
    return False


def _restated_after(sents: list[Span]) -> list[Located]:
    """Candidates of the next two sentences after the event's when they say where the incident happened ("...
    killed two. The incident took place in Maiduguri city."): the event's own sentences may name only its
    country or province."""
    doc = sents[-1].doc if sents else None
    found: list[Located] = []
    index = sents[-1].end if sents else 0
    for _ in range(2):
        if doc is None or index >= len(doc):
            break
        sent = doc[index].sent
        if _restating_verb(sent) is not None:
            found += candidates([sent], None)
        index = sent.end
    return found


def _unit_rank(ent: Span) -> float:
    """The rank of a division the text names by its seat town ("Bala Deh in the Gardez district", "Genc, in
    Bingol Province", "the province of Quezon"): a town the gazetteer lists under the division's name is
    not where the text puts the event, the division is (0 when the text names no division)."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    before = doc[ent.start - 2:ent.start] if ent.start >= 2 else None
    for word in (ent[-1], after, before[0] if before is not None and before[1].lower_ == "of" else None):
        if word is not None and word.lower_ in _UNIT_RANKS and word.i != ent.start:
            return _UNIT_RANKS[word.lower_]
    return 0.0


def _rank(candidate: Located) -> float:
    """How specific a candidate is: its place's precision, or for a seat town the division the text names."""
    if candidate.unit == _LGA_RANK:
        return _LGA_RANK  # whether the gazetteer knows its seat or not
    return _seat_unit(candidate) or SPECIFICITY.get(candidate.place.precision or "", 0)


def _seat_unit(candidate: Located) -> float:
    """The division rank of a town the gazetteer lists under the name the text gives a division, else 0."""
    return candidate.unit if candidate.place.precision in ("city", "point") else 0.0


def _seat_of_province(candidate: Located) -> bool:
    """Is the candidate a province the text names ("Parwan province", "the province of Khost") that the
    gazetteer only knows as a town in a division of that name, spelt alike (Parvan, Khowst)? Not a namesake
    town elsewhere ("North Samar province" is no Ukrainian Samar, "Quezon province" no Quezon City)."""
    if _seat_unit(candidate) != _PROVINCE_RANK or not candidate.place.admin1:
        return False
    name = _KIND_WORD_END.sub("", re.sub(r"^(?:the|The)\s+", "", candidate.text))
    return spelling_key(name) == spelling_key(candidate.place.admin1)


_KIND_WORD_END = re.compile(r"\s+(?:" + "|".join(_UNIT_RANKS) + r")$", re.I)


def _fits_inside(inner: Located, seat: float) -> bool:
    """May an unlisted place the text puts in a division named by its seat town (of rank ``seat``) replace
    it? A unit of its own only when it is a smaller one ("Dhanora tehsil of Gadchiroli district"); a village or
    an area only inside a province: reports name "the village of X in the Y district" by its district."""
    if inner.unit:
        return inner.unit > seat
    return seat < _DISTRICT_RANK or not inner.settlement


def _of_nationality(ent: Span, text: str, place: Place) -> Place:
    """"the Syrian city of Homs", "the Lebanese border town of Nabi Othman", "the north Cameroonian town of
    Bodo": a nationality on the settlement noun says which country the town is in; a namesake elsewhere is
    looked up there again, else the name is kept in that country."""
    if place.precision not in ("city", "point", "unknown") or ent.start < 2:
        return place
    noun, of = ent.doc[ent.start - 2], ent.doc[ent.start - 1]
    if of.lower_ != "of" or noun.lemma_.lower() not in _SETTLEMENT_NOUNS | {"capital"}:
        return place
    table = demonym_countries()
    country = next((table[t.lower_] for t in noun.children if t.dep_ in ("amod", "compound", "nmod") and t.lower_ in table), None)
    if country is None or country == place.country:
        return place
    hinted = geocode(text, country)
    if hinted is not None and hinted.country == country:
        return hinted
    return Place(name=text, country=country, precision="unknown")


def _spelt_otherwise(ent: Span, text: str, hint: str | None, weak_hint: str | None) -> Place | None:
    """A name the text marks as a place but the gazetteer spells otherwise ("Hawija" for Al Hawijah, "Logar"
    for Lowgar): looked up by its loose key in the sentence's country, else in the document's (or that of a
    nationality word inside a name: "the Syrian Army"); anywhere (when only one place has that key) only in a
    document that names or implies no country at all; a name with the Arabic article only in a country whose
    names take it ("al-Sho'la" is no Russian village)."""
    hint = hint or weak_hint or _name_nationality(ent.doc)
    place = geocode_loose(text, hint)
    if place is not None and not hint and _ARABIC_ARTICLE.match(text) and place.country not in _ARABIC_NAMES:
        return None
    return place


_NAME_NATIONALITY = "conflict.events.name_nationality"


def _name_nationality(doc: Doc) -> str | None:
    """The country of the first nationality word in any entity of the document ("the Colombian Air Force",
    "Burkinabe security forces"), computed once per document."""
    if _NAME_NATIONALITY not in doc.user_data:
        table = demonym_countries()
        words = (w.lower() for ent in span_ents(doc[:]) for w in ent.text.split())
        doc.user_data[_NAME_NATIONALITY] = next((table[w] for w in words if w in table), None)
    return doc.user_data[_NAME_NATIONALITY]


# the division's name may hold lower-case particles ("Jamundi, Valle del Cauca Department")
_PARTICLES = r"(?:del|de|la|da|do|dos|das|des|du|el|al)"
_FOLLOWING_NAME = re.compile(r"^\s*(?:,|\()\s*((?:[A-Z][^\s,()]*)(?:\s+(?:" + _PARTICLES + r"\s+)?[A-Z][^\s,()]*){0,3})")
_PARTICLE_SPLIT = re.compile(r"\s+" + _PARTICLES + r"\s+")
_LIST_GOES_ON = re.compile(r"^\s*(?:,|and\b|or\b)\s*[A-Z]")
_SECOND_LEVEL_AFTER = re.compile(r"^\s+(?i:territory|district|cercle|tehsil|taluka|subdistrict|township)\b")


def _in_named_division(ent: Span, text: str, place: Place, hint: str | None) -> Place:
    """A town followed by its division ("Segovia (Antioquia)", "Langley, Virginia") lies in that division's
    country: a namesake abroad is looked up there again, else kept by name with that division."""
    if place.precision not in ("city", "point", "unknown"):
        return place
    doc_chars = doc_text(ent.doc)  # spaCy rebuilds doc.text from every token on each access
    match = _FOLLOWING_NAME.match(doc_chars[ent.end_char:ent.end_char + 60])
    if not match:
        return place
    name = match.group(1)
    particle = _PARTICLE_SPLIT.search(name)
    if particle and geocode(name) is None and admin1_division(name, hint) is None:
        name = name[:particle.start()]  # "Davao del Norte" unlisted whole: "Davao" names the division
    rest = doc_chars[ent.end_char + match.end():ent.end_char + match.end() + 30]
    if "(" not in match.group(0) and _LIST_GOES_ON.match(rest):
        return place  # "in Paris, London and Berlin": a list of places, not a town and its division
    if _SECOND_LEVEL_AFTER.match(rest):
        return place  # "X, Beni territory": a second-level unit, not a first-level division of that name abroad
    plain = geocode(name)
    if plain is not None and plain.precision == "country":
        # "Tanout, Niger": the country, not Nigeria's Niger State; a namesake abroad is looked up there again
        if not plain.country or place.country == plain.country:
            # an unlisted town so placed is more specific than its country: a copy marks it as attached
            return dataclasses.replace(place) if place.precision == "unknown" else place
        hinted = geocode(text, plain.country)
        if hinted is not None and hinted.country == plain.country:
            return hinted
        return Place(name=text, country=plain.country, precision="unknown")
    division = admin1_division(name, hint)
    if division is None or not division.country or division.country == place.country:
        return place
    hinted = geocode(text, division.country)
    if hinted is not None and hinted.country == division.country:
        return hinted
    return Place(name=text, admin1=division.name, country=division.country, lat=None, lon=None, precision="unknown")


def _possessor(ent: Span) -> Span | None:
    """The place a name is given as part of: "Kandahar's Zhari district", "Pakistan's Khyber Agency"."""
    holders = [ent.root]
    if ent.root.dep_ in ("compound", "nmod") and ent.root.head.lemma_.lower() in _SETTLEMENT_NOUNS:
        holders.append(ent.root.head)
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN" and child.i < ent.start:
                start = child.i
                while start > ent.sent.start and child.doc[start].ent_iob_ == "I":
                    start -= 1  # the whole entity: "Democratic Republic of Congo's"
                while start > ent.sent.start and child.doc[start - 1].dep_ == "compound" and child.doc[start - 1].pos_ == "PROPN":
                    start -= 1
                return child.doc[_hyphen_start(ent.sent, start):child.i + 1]
    return None


# "Lido beach in Mogadishu", "al-Shaab Stadium in eastern Baghdad": the place right after "in" holds the name
# (the parser often hangs that "in" on the verb, but the text still places one inside the other)
_IN_PLACE_AFTER = re.compile(
    r"^(?:\s+[a-z]+)?\s+in\s+(?:the\s+)?(?:(?:north|south)?(?:east|west)?(?:ern)?\s+|central\s+)?"
    r"((?:[A-Z][^\s,.;:()]*)(?:\s+[A-Z][^\s,.;:()]*){0,2})")


def _container(ent: Span) -> str | None:
    """The name of the place a name is said to be in, right after it."""
    doc_chars = doc_text(ent.doc)
    match = _IN_PLACE_AFTER.match(doc_chars[ent.end_char:ent.end_char + 80])
    if match is None or match.group(1).split()[0].lower().rstrip(".") in MONTHS:
        return None  # "shot in Bogota in June": a date, not a place that holds it
    return match.group(1)


def _in_container(ent: Span, text: str, place: Place) -> Place:
    """A place the text puts in another named place lies in that place's country, whatever namesake the
    gazetteer knows abroad ("Lido beach in Mogadishu" is no Lido Beach in New York)."""
    if place.precision not in ("city", "point", "unknown"):
        return place
    holder = _container(ent)
    return _lies_in(text, place, geocode(holder) if holder is not None else None, with_point=True)


def _lies_in(text: str, place: Place, container: Place | None, with_point: bool = False) -> Place:
    """``place`` moved into ``container``'s country when the text puts it there: the namesake in that
    country if the gazetteer has one, else the name kept with the container's division (and, with
    ``with_point``, a city container's coordinates)."""
    if container is None or not container.country or container.country == place.country:
        return place
    hinted = geocode(text, container.country)
    if hinted is not None and hinted.country == container.country:
        return hinted
    near = with_point and container.precision in ("city", "point")
    admin1 = container.admin1 or (container.name if container.precision == "admin1" else None)
    return Place(name=text, admin1=admin1, country=container.country, lat=container.lat if near else None,
                 lon=container.lon if near else None, precision="unknown")


def _in_possessor(ent: Span, text: str, place: Place) -> Place:
    """A place named as part of another ("Kandahar's Zhari district") lies in the possessor's country: a
    namesake abroad is looked up there again, else kept by name with the possessor's country and division."""
    if place.precision not in ("city", "point", "unknown", "admin1"):
        return place
    holder = _possessor(ent)
    return _lies_in(text, place, geocode(holder.text) if holder is not None else None)


def _within_division(found: list[Located]) -> list[Located]:
    """A sentence naming divisions of one country only ("near Kourou town in the Tillaberi region") puts
    its cities in that country: a city resolved abroad is looked up there, else kept by name only. A province
    the text names by a seat town of the province's own name ("in Bagram district of Parwan province": Jabal os
    Saraj in Parvan) counts as that division."""
    countries = {c.place.country for c in found if c.place.country and (c.place.precision in ("admin1", "region")
                                                                         or _seat_of_province(c))}
    if len(countries) != 1:
        return found
    country = countries.pop()
    out = []
    for c in found:
        if c.place.precision in ("city", "point") and c.place.country != country:
            place = geocode(c.text, country) or Place(name=c.text, country=country, precision="unknown")
            c = Located(place, c.start, c.end, c.text, c.score)
        out.append(c)
    return out


_FACILITY_NOUNS = frozenset({"airport", "hotel", "university", "station", "bank", "embassy", "consulate", "market",
                             "mosque", "church", "synagogue", "temple", "school", "college", "stadium", "bridge",
                             "campus", "prison", "base", "barracks", "hospital", "port", "harbour", "harbor",
                             "hall", "prefecture", "subway", "metro", "headquarters", "courthouse", "parliament",
                             "court", "museum", "theatre", "theater", "mall", "cafe", "café", "restaurant", "fair",
                             "airfield", "airbase", "compound", "factory"})
# words naming a kind of place, a direction or a part: a capitalised run of them only ("the Valley", "Southern
# District", "Airport") names no place of its own, whatever town the gazetteer knows by that word
_DIRECTION_WORDS = frozenset({"northern", "southern", "eastern", "western", "central", "north-east", "north-west",
                              "south-east", "south-west", "upper", "lower", "middle", "old", "greater"})
_GENERIC_WORDS = (PLACE_NOUNS | _SETTLEMENT_NOUNS | _FACILITY_NOUNS | _INCIDENT_NOUNS | _REFERENCE_HEADS | _DIRECTION_WORDS
                  | {"zone", "sector", "war", "battle", "front", "line", "territory", "valley", "the"})


_PART_PREFIX = re.compile(r"^(?:north|south|east|west|northern|southern|eastern|western|central|downtown|greater|old)\s+", re.I)


_FACILITY_OF = re.compile(r"\b(?:" + "|".join(sorted(_FACILITY_NOUNS)) + r") of (?:the )?([A-Z][^,]*)$", re.I)


def _facility_head(token: Token) -> Token | None:
    """The facility noun a name modifies, over other modifiers ("the Chana railway station", "a Karachi port")."""
    for _ in range(3):
        if token.dep_ not in ("compound", "nmod") or token.head.i < token.i:
            return None
        token = token.head
        if token.lower_ in _FACILITY_NOUNS:
            return token
    return None


def _named_by_its_town(facility: Token, name: str, place: Place) -> bool:
    """Does the name on a facility ("the Chana railway station") stand for the town it is in? Not when the text
    puts the facility in another place ("the Helwan university at Cairo", "the Marriott hotel in New York"),
    nor when the gazetteer knows the name only as a hamlet (a brand or a person)."""
    if any(child.dep_ == "prep" and child.lower_ in ("in", "at") for child in facility.children):
        return False
    return (city_population(name, place.country) or 0) >= SMALL_POPULATION


def _has_facility_noun(text: str) -> bool:
    """Does a name end in or contain (after its first word) a building or facility noun ("Kabul Bank")?"""
    return any(w.lower() in _FACILITY_NOUNS for w in text.split()[1:]) or _FACILITY_OF.search(text) is not None


def _named_after(text: str, hint: str | None) -> Place | None:
    """A part or facility named after its city: "West Beirut", "Los Angeles International Airport"."""
    if ", " in text:  # "Kenilworth, Cape Town": a part the gazetteer lacks, in the city named after it
        container = text.rsplit(", ", 1)[1]
        place = geocode(container, hint) if hint else geocode(container)
        if place is not None and place.precision in ("city", "admin1"):
            return place
    stripped = _PART_PREFIX.sub("", text)
    if stripped != text:
        place = geocode(stripped, hint) if hint else geocode(stripped)
        if place is not None and place.precision == "city":
            return place
    words = text.split()
    if not _has_facility_noun(text):
        return None  # "Khor Dabbah" is a village, not a part of a town called Khor
    tail = _FACILITY_OF.search(text)
    if tail:  # "the University of Beirut": the city the facility is named after comes last
        place = (geocode(tail.group(1), hint) if hint else None) or geocode(tail.group(1))
        if place is not None and place.precision == "city" and (city_population(tail.group(1), place.country) or 0) >= SMALL_POPULATION:
            return place
    for size in range(min(len(words) - 1, 3), 0, -1):
        prefix = " ".join(words[:size])
        # the population of the city found (a weak hint abroad must not hide "Tel Aviv" in "Tel Aviv Savoy Hotel",
        # nor a hamlet of that name in the hinted country "Kabul" in "Kabul Airport")
        for place in ((geocode(prefix, hint) if hint else None), geocode(prefix)):
            if place is not None and place.precision == "city" and (city_population(prefix, place.country) or 0) >= SMALL_POPULATION:
                return place
    return None


# the score of a control verb's object ("captured X"): a place-labelled one the gazetteer lacks is kept by name
_CONTROLLED_SCORE = 2.5


def _unresolved(ent: Span, text: str, country: str | None) -> Place | None:
    """A named place the gazetteer lacks (a village, a square, a neighbourhood), kept by name when the
    text marks it as a place: a GPE/LOC/FAC entity after a place preposition or next to a settlement noun."""
    if not _ARABIC_ARTICLE.sub("", text)[:1].isupper() or len(text) < 3 or ent.label_ == "NORP":
        return None  # "al-Sekak" is a name as much as "Al-Sekak"
    if ent.label_ in PLACE_LABELS and _prep_score(ent.root) >= _CONTROLLED_SCORE:
        return Place(name=text, country=country, precision="unknown")  # "in X", "raiders attacked X"
    if _names_settlement(ent):
        return Place(name=text, country=country, precision="unknown")
    root = ent.root
    # "hiding in Al-Dawr", "in Niger's Makalondi": villages tagged as people, groups or products
    if ent.label_ not in _NUMERIC_LABELS and root.dep_ == "pobj" and len(ent) <= 3 \
            and (root.head.lower_ in _INSIDE_PREPS or (root.head.lower_ == "at" and not _has_facility_noun(text))):
        # "at Hombori", untagged or tagged as a group; not "a rally at East Timor University": a facility
        return Place(name=text, country=country, precision="unknown")
    return None


def _names_division(ent: Span) -> bool:
    """"Hiran region", "the Aleppo Governorate": an unlisted first-level division (or a kind word taken for a
    name) is no settlement inside the place it would replace."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return ent[-1].lower_ in _ADMIN_NOUNS - {"district"} or (after is not None and after.lower_ in _ADMIN_NOUNS - {"district"})


def _names_settlement(ent: Span) -> bool:
    """"Sirrin town", "the village of Tamthil", "the Sholgara District": a settlement noun next to the name
    or ending it."""
    if len(ent) > 1 and ent[-1].lower_ in _SETTLEMENT_NOUNS:
        return True
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.lower_ in _SETTLEMENT_NOUNS:
        return True
    before = ent.doc[ent.start - 2:ent.start] if ent.start >= 2 else None
    if before is not None and before[1].lower_ in _SETTLEMENT_NOUNS and ent.root.dep_ == "appos" \
            and ent.root.head == before[1]:
        return True  # "in the town Sevare": the name in apposition to the settlement noun
    if before is not None and before[1].lower_ == "of" and before[0].lower_ in _SETTLEMENT_NOUNS:
        return True
    return _KIND_IN_APPOSITION.match(doc_text(ent.doc)[ent.end_char:ent.end_char + 60]) is not None


def pick_location(sents: list[Span], trigger: Token | None, fallback: bool = True) -> Located | None:
    """The event's place: best score, then the most specific among near-best ones.

    With ``fallback``, a sentence naming no usable place gives the country of a nationality word.
    """
    own = candidates(sents, trigger)
    found = own + _restated_after(sents)
    top = max((c.score for c in found), default=-99.0)
    heading = _document_heading(sents[0].doc) if sents else None
    if top < -1:
        return _with_heading(heading, (_neighbour_place(sents) or demonym_place(sents, trigger)) if fallback else None)
    near = [c for c in found if c.score >= top - 1.01]
    best = max(near, key=lambda c: (_rank(c), c.score))
    refined = _refined(best, near, found, sents[0].doc)
    if refined.place.precision == "country":
        refined = _refined(_placed_in_country(best, found, sents[0].doc), near, found, sents[0].doc)
    best = _city_told_later(refined, own, sents)
    if best.place.country is None or best.place.admin1 is None or best.place.precision == "unknown":
        best = _with_context(best, found, _sentence_of(best, sents), _document_hint(sents))
    if best.place.country is None and best.place.precision == "unknown":
        # a village the gazetteer lacks, in no resolved place: a nationality word near the trigger gives its
        # country, else the document's
        demonym = demonym_place(sents, trigger) if fallback else None
        country = (demonym.place.country if demonym is not None else None) or _document_hint(sents)
        if country is not None:
            place = Place(name=best.place.name, country=country, precision="unknown")
            best = Located(place, best.start, best.end, best.text, best.score)
    return _with_heading(heading, best)


def _refined(best: Located, near: list[Located], found: list[Located], doc: Doc) -> Located:
    """The best-scored candidate made more specific: a settlement, unit or named place inside it, or the city
    around a quarter."""
    best = _settlement_inside(best, near)
    best = _named_inside(best, near, doc)
    best = _unit_within(best, found, doc)
    return _city_around(best, found, doc)


# a report opening with the incident's name ("2016 Pathankot attack: militants ...", "Battle of Kulbiyow: ...",
# "Part of Battle of Mosul (2016): ..."): the heading, its incident noun and the words that may precede the name
_HEADING = re.compile(r"^\s*(?:Part of\s+)?(?:the\s+)?(?P<title>[^:.!?\n]{3,80}?)\s*(?:\(\d{4}\)\s*)?:")
_HEADING_NOUNS = _INCIDENT_NOUNS | {"crash", "clash", "clashes", "battle", "derailment", "hostage", "assassination"}
_HEADING_SKIP = re.compile(r"^(?:the|\d{1,2}|(?:19|20)\d\d|" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")$", re.I)


_HEADING_PLACE = "conflict.events.heading_place"


def _document_heading(doc: Doc) -> Located | None:
    """``_heading_place`` under the document's hint, computed once per document (every event asks for it)."""
    if _HEADING_PLACE not in doc.user_data:
        doc.user_data[_HEADING_PLACE] = _heading_place(doc, _document_countries(doc).hint)
    return doc.user_data[_HEADING_PLACE]


def _heading_place(doc: Doc, hint: str | None) -> Located | None:
    """The place a report's heading names its incident after ("2017 Quetta church attack: ..."); none when the
    heading names several ("the Mastung and Bannu bombings") or a facility ("King George Street bombing")."""
    match = _HEADING.match(doc_text(doc))
    if match is None:
        return None
    words = match.group("title").split()
    if not words or not (words[-1].lower() in _HEADING_NOUNS or words[0].lower() == "battle"):
        return None
    runs = [run for run in _heading_names(words) if not _acronym(run)]
    found = [place for run in runs if (place := geocode(run, hint)) is not None
             and spelling_key(place.name) == spelling_key(run)]
    if len(runs) == 1 and not found and geocode_loose(runs[0], hint) is None:
        found = [Place(name=runs[0], precision="unknown")]  # a village the gazetteer lacks ("2002 Kaluchak massacre")
    if len(found) != 1:
        return None
    return Located(found[0], match.start("title"), match.end("title"), found[0].name, 0.0)


def _heading_names(words: list[str]) -> list[str]:
    """Runs of capitalised words of a heading, without dates, incident nouns or codes ("Mi-26")."""
    runs: list[list[str]] = [[]]
    for word in words:
        if any(char.isdigit() for char in word):
            continue  # a year or a code ("Mi-26"), left out without breaking the name
        if word[:1].isupper() and word.lower() not in _HEADING_NOUNS and not _HEADING_SKIP.match(word):
            runs[-1].append(word)
        else:
            runs.append([])
    return [" ".join(run) for run in runs if run]


def _with_heading(heading: Located | None, best: Located | None) -> Located | None:
    """The heading's place when it stands for the event: a listed one over a coarser or foreign pick, one the
    gazetteer lacks only over a country (whose country it takes) or no pick at all."""
    if heading is None or best is None:
        return heading or best
    if heading.place.precision == "unknown":
        if best.place.precision != "country":
            return best
        return dataclasses.replace(heading, place=dataclasses.replace(heading.place, country=best.place.country))
    return heading if _heading_wins(heading, best) else best


def _heading_wins(heading: Located, best: Located) -> bool:
    """The heading's place stands for the event unless the text names a more specific one inside it: a coarser
    pick in its country ("an Indian air base"), or a place abroad or elsewhere in the country (a victim's hospital)."""
    if heading.place.country != best.place.country:
        return heading.place.precision in ("city", "point") and (city_population(heading.text, heading.place.country)
                                                                  or 0) >= SMALL_POPULATION
    # an unlisted place is as specific as a town ("the township of X" under a "2016 Iraq attacks" heading)
    best_rank = SPECIFICITY["city"] if best.place.precision == "unknown" else SPECIFICITY.get(best.place.precision, 0)
    return SPECIFICITY.get(heading.place.precision, 0) >= best_rank and best.place.name != heading.place.name


# a place in the sentence before or after must be the object of a place preposition to stand for the event's
_NEIGHBOUR_SCORE = 2.5


def _neighbour_place(sents: list[Span]) -> Located | None:
    """The event's sentences name no place: a place the next (else the previous) sentence puts something in
    ("Gunmen attacked a house. It happened in the city of Itaugua.") is where the story happened. Only a
    place preposition's object counts, and only a resolved place (not a name the gazetteer lacks)."""
    doc = sents[0].doc if sents else None
    if doc is None:
        return None
    after = doc[sents[-1].end:sents[-1].end + 1].sent if sents[-1].end < len(doc) else None
    before = doc[sents[0].start - 1].sent if sents[0].start > 0 else None
    for sent in (after, before):
        if sent is None:
            continue
        found = [c for c in candidates([sent], None) if c.score >= _NEIGHBOUR_SCORE and c.place.precision != "unknown"]
        if found:
            return max(found, key=lambda c: (c.score, SPECIFICITY.get(c.place.precision or "", 0)))
    return None


def _settlement_inside(best: Located, near: list[Located]) -> Located:
    """A village or district the gazetteer lacks but the text names as one ("in the village of Macanga in
    the Palma district of Cabo Delgado", "Harfa village in Quneitra province") is where it happened, rather
    than the division or country around it: it wins over a near-best division, region or country (of the
    same country when it has one) and takes that container's country and division (``_contained``)."""
    seat = _seat_unit(best)
    if best.place.precision not in ("admin1", "region", "country") and not seat:
        return best
    inside = [c for c in near if c.settlement and c.place.country in (None, best.place.country)
              and (not seat or _fits_inside(c, seat))]
    return max(inside, key=lambda c: c.score) if inside else best


# prepositions that put the place before them inside the one after ("Jani Khel area of Bannu district")
_WITHIN_PREPS = frozenset({"in", "of", "inside"})


def _named_inside(best: Located, near: list[Located], doc: Doc) -> Located:
    """An unlisted name the text places inside the chosen place ("the Sholgara District of Balkh Province",
    "Al-Dana in Idlib Governorate", "the Jani Khel area of Bannu district") is the more precise place: it
    wins and takes its container's country and division (``_contained``). Not inside a town: a hotel or
    a quarter would take the town's place, and a place keeps one name. A container the gazetteer lacks too
    (a second-level province: "in Datu Piang, Maguindanao") counts unless the text names it as a settlement."""
    seat = _seat_unit(best)
    unlisted = best.place.precision == "unknown" and best.unit != _LGA_RANK \
        and (not best.settlement or best.unit == _PROVINCE_RANK)
    if best.place.precision not in ("admin1", "region") and not seat and not unlisted:
        return best
    outer = doc.char_span(best.start, best.end, alignment_mode="expand")
    if outer is None:
        return best
    for inner in near:
        if inner is not best and inner.place.precision == "unknown" and inner.place.country in (None, best.place.country) \
                and (not seat or _fits_inside(inner, seat)) \
                and _placed_in(doc.char_span(inner.start, inner.end, alignment_mode="expand"), outer) \
                and (not unlisted or best.unit or doc_text(doc)[inner.end:best.start].strip() == ","):
            return inner  # (an unlisted container named as no division only after a comma: "the mosque in X")
    return best


# what may stand between a district and the province the text names right after it as its container: its unit
# noun, "in"/"of", an article, the country's possessive, a direction word, a nationality and "province of"
# ("Kajaki District in the southern Helmand Province", "Yahyakhel district in Afghanistan's eastern Paktika
# province", "Bala Buluk district in the Afghan province of Farah")
_UNIT_GAP = re.compile(
    r"^\s*(?:(?i:district|county|tehsil|taluka|subdistrict|sub-district|cercle|department|province)\s*)?(?:,\s*)?(?i:in|of|inside)?\s*"
    r"(?:(?i:the)\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s?\s+)?"
    r"(?:(?i:(?:north|south)?-?(?:east|west)?(?:ern)?|northern|southern|central|upper|lower)\s+)?"
    r"(?:[A-Z][a-z]+\s+)?(?:(?i:province|state|region|governorate|department|oblast)\s+of\s+(?:(?i:the)\s+)?)?$")


def _unit_within(best: Located, found: list[Located], doc: Doc) -> Located:
    """A district the text names right before the chosen province as inside it ("a market in Kajaki District
    in the southern Helmand Province", "stormed the headquarters of Anar Dara district in Farah province") is
    where it happened, whatever role its own words play in the sentence: the text names the province only to
    say where the district lies. Not a district of a city (a quarter: reports name the city)."""
    if best.place.precision not in ("admin1", "region") and not _seat_of_province(best):
        return best
    for inner in found:
        if inner.unit < _PROVINCE_RANK or inner.end > best.start or best.start - inner.end > 60 \
                or inner.place.country not in (None, best.place.country) or inner.score <= -2:
            continue
        gap = doc_text(doc)[inner.end:best.start]
        if re.search(r"(?:\bin\b|\bof\b|,)", gap) and _UNIT_GAP.match(gap):
            return inner
    return best


# words naming a part of a city: a quarter, a road, a market
# (not "district": "Kandahar's Maywand District" is a district of the province the city gives its name to)
_CITY_PARTS = r"(?i:area|neighbou?rhood|quarter|zone|road|street|avenue|bazaar|market|square|chowk|colony|locality)"
# what stands between a part and the city the text names right after it as its whole ("Hazara Town on the outskirts
# of Quetta", "Sha'ab, a neighbourhood of Baghdad", "the Akhtarabad area, Quetta city"; not "X area of Y", which
# reports use for a town in its district as much as for a quarter)
_CITY_AFTER_PART = re.compile(
    r"^(?:\s+" + _CITY_PARTS + r")?(?:\s+(?:on|in)\s+the\s+outskirts\s+of|\s*,\s*(?:an?\s+)?(?:[a-z]+\s+)?"
    + _CITY_PARTS + r"\s+of)\s+(?:the\s+)?(?:[A-Za-z]+\s+){0,2}?$"
    r"|^\s+" + _CITY_PARTS + r"\s*,\s*$")
# a city's possessive before a part of it ("Quetta's Raisani Road", "Mosul's al-Thawra district")
_CITY_BEFORE_PART = re.compile(r"^['’]s?\s+$")


def _city_around(best: Located, found: list[Located], doc: Doc) -> Located:
    """A quarter, road or suburb the text names as part of a city ("a market in Hazara Town on the outskirts of
    Quetta", "Quetta's Raisani Road", "Sha'ab, a neighbourhood of Baghdad") is reported by its city: the city is
    the event's place."""
    chars = doc_text(doc)
    for outer in found:
        if outer is best or outer.place.precision != "city":
            continue  # (a namesake abroad of the part does not matter: the text puts it in the city)
        if best.end <= outer.start <= best.end + 60 and _CITY_AFTER_PART.match(chars[best.end:outer.start]):
            return outer
        if outer.end <= best.start <= outer.end + 3 and _CITY_BEFORE_PART.match(chars[outer.end:best.start]) \
                and re.search(r"\s" + _CITY_PARTS + r"\b", chars[best.start:best.end + 12]):
            return outer
    return best


# the words that may stand between a place and the division named right after it as its container
_WITHIN_WORDS = frozenset({("in",), ("in", "the"), ("of",), ("of", "the"), (",",), (",", "in"), (",", "in", "the")})


def _placed_in(inner: Span | None, outer: Span) -> bool:
    """``outer`` is the object of "in"/"of" attached to ``inner`` or to the settlement noun right after it, or
    follows it with only "in"/"of" or a comma between ("Salang in Parwan province", whatever the parser hung
    that "in" on)."""
    if inner is None or inner.end > outer.start:
        return False
    if tuple(t.lower_ for t in inner.doc[inner.end:outer.start]) in _WITHIN_WORDS:
        return True
    gap = inner.doc[inner.end:outer.start].text
    if outer.start - inner.end <= 8 and re.search(r"\b(?:in|of)\b", gap) and _UNIT_GAP.match(" " + gap + " "):
        return True  # "Mamasapano in the Philippine province of Maguindanao"
    root = outer.root
    while root.dep_ == "compound" and root.head.i > root.i:  # "Bannu district", "Idlib Governorate"
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ not in _WITHIN_PREPS:
        return False
    holder = root.head.head
    return inner.start <= holder.i < inner.end or (holder.i == inner.end and holder.lower_ in _SETTLEMENT_NOUNS)


# the words between a place and the country right after it that name the country as its container ("Kaduna
# state, Nigeria", "the outskirts of Quetta in Pakistan", "the Lac region of Chad", "Tika in northern Cameroon",
# "Tripoli Libya")
_COUNTRY_AFTER_PLACE = re.compile(
    r"^(?:\s+(?i:state|province|region|district|department|governorate|county|territory|prefecture|canton))?"
    r"(?:\s*,\s*|\s+(?:in|of)\s+(?:the\s+)?(?:(?i:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?|central|far)\s+)?|\s+)$")
# "the capital of Iraq, Baghdad": the country's capital in apposition after it
_CAPITAL_BEFORE_COUNTRY = re.compile(r"\bcapital(?:\s+city)?\s+of\s+(?:the\s+)?$", re.I)


def _placed_in_country(best: Located, found: list[Located], doc: Doc) -> Located:
    """A country pick gives way to a place of that country the text names as lying in it, right before it ("in
    Kaduna state, Nigeria", "on the outskirts of Quetta in Pakistan") or as its capital after it ("in the
    capital of Iraq, Baghdad"): the parser often makes the country the preposition's object, the place a
    modifier of it."""
    if best.place.precision != "country":
        return best
    chars = doc_text(doc)
    inside = [c for c in found if c.place.country in (best.place.country, None) and c.place.precision != "country"
              and (_before_its_country(c, best, chars) or _capital_after(c, best, chars))]
    return min(inside, key=lambda c: abs(c.start - best.start)) if inside else best


def _before_its_country(inner: Located, country: Located, chars: str) -> bool:
    return country.start - 40 <= inner.end <= country.start and bool(_COUNTRY_AFTER_PLACE.match(chars[inner.end:country.start]))


def _capital_after(inner: Located, country: Located, chars: str) -> bool:
    return inner.place.precision == "city" and re.fullmatch(r"\s*,\s*", chars[country.end:inner.start]) is not None \
        and _CAPITAL_BEFORE_COUNTRY.search(chars[max(0, country.start - 30):country.start]) is not None


# the least score of a city another sentence puts the event in ("in X", "the city of X"; a modifier scores less)
_TOLD_LATER_SCORE = 2.5


def _city_told_later(best: Located, found: list[Located], sents: list[Span]) -> Located:
    """A report that opens with the country ("a car bomb attack in southeast Turkey ...") often names the town
    in its next sentence ("... attacked the military post in X"): a town of that country (or of the province
    picked) that another of the event's sentences names as a place is where it happened; not a sentence telling
    another incident ("Another attack occurred in X")."""
    if best.place.precision not in ("country", "admin1", "region"):
        return best
    division = best.place.admin1 or best.place.name if best.place.precision == "admin1" else None
    own = _sentence_of(best, sents)
    elsewhere = [s for s in sents if s.start_char != own[0] and not _tells_another_incident(s)]
    towns = [c for c in found if c.place.precision in ("city", "point") and c.place.country == best.place.country
             and (division is None or c.place.admin1 == division) and c.score >= _TOLD_LATER_SCORE
             and any(s.start_char <= c.start < s.end_char for s in elsewhere)]
    return max(towns, key=lambda c: c.score) if towns else best


_ANOTHER_WORDS = frozenset({"another", "other", "second", "separate", "earlier", "later", "similar"})


def _tells_another_incident(sent: Span) -> bool:
    """"Another attack occurred in X", "In a separate incident ...": the sentence tells an incident of its own."""
    return any(t.lower_ in _ANOTHER_WORDS and t.head.lemma_.lower() in _RESTATED_NOUNS for t in sent)


def _sentence_of(best: Located, sents: list[Span]) -> tuple[int, int]:
    """Character range of the sentence holding a candidate."""
    return next(((s.start_char, s.end_char) for s in sents if s.start_char <= best.start < s.end_char), (0, 0))


def _with_context(best: Located, found: list[Located], sentence: tuple[int, int] = (0, 0),
                  document_country: str | None = None) -> Located:
    """Fill a missing country from a broader candidate ("Djibo, Burkina Faso"); an unresolved place
    takes the country and division of the most specific resolved one ("al-Tijara in central Damascus")."""
    if best.place.precision == "unknown":
        return _contained(best, found, sentence, document_country)
    for other in found:
        if other is best or other.place.country is None:
            continue
        if best.place.country is None and SPECIFICITY.get(other.place.precision or "", 0) < SPECIFICITY.get(best.place.precision or "", 0):
            hinted = geocode(best.text, other.place.country)
            if hinted is not None:
                return Located(hinted, best.start, best.end, best.text, best.score)
    return best


def _contained(best: Located, found: list[Located], sentence: tuple[int, int] = (0, 0),
               document_country: str | None = None) -> Located:
    # not a country used as a modifier: "two US soldiers" does not put a village in the United States
    resolved = [c for c in found if c.place.precision not in ("unknown", None) and c.place.country and not c.modifier]
    if best.place.country is None:
        # a place of another sentence, abroad from the document's country, does not hold an unlisted one
        resolved = [c for c in resolved if c.place.country == document_country or sentence[0] <= c.start < sentence[1]]
    if not resolved:
        return best
    container = max(resolved, key=lambda c: (SPECIFICITY.get(c.place.precision or "", 0), c.score))
    country = best.place.country or container.place.country
    if container.place.country != country:
        return best
    admin1 = container.place.admin1 or (container.place.name if container.place.precision == "admin1" else None)
    near = container.place.precision in ("city", "point")  # a city's point is close; a province's centroid is not
    place = Place(name=best.place.name, admin1=admin1, country=country, lat=container.place.lat if near else None,
                  lon=container.place.lon if near else None, precision="unknown")
    return Located(place, best.start, best.end, best.text, best.score)


@lru_cache(maxsize=1)
def demonym_countries() -> dict[str, str]:
    """Lower-case demonym -> ISO alpha-2, from the states of the actor knowledge base."""
    from conflictgraph.knowledge.actors import load_knowledge_base

    table: dict[str, str] = {}
    for entry in load_knowledge_base().of_kind("state"):
        if entry.country:
            for demonym in entry.demonyms:
                table.setdefault(demonym.lower(), entry.country)
    return table


def demonym_place(sents: list[Span], trigger: Token | None) -> Located | None:
    """Last resort: the country of a nationality word near the trigger ("a Yemeni army checkpoint")."""
    table = demonym_countries()
    focus = _document_subject(sents[0].doc) if sents else None
    best: tuple[bool, int, Span] | None = None
    for sent in sents:
        for token in sent:
            word = _demonym_at(token, sent, table)
            if word is not None and not _names_border(token):
                distance = abs(token.i - trigger.i) if trigger is not None else 0
                key = (table[word.text.lower()] != focus, distance, word)
                if best is None or key[:2] < best[:2]:
                    best = key
    if best is None or (focus is not None and best[0]):
        # a report about one country: a nationality word of another names foreign troops, not the event's
        # place ("a base held by Ugandan soldiers", "expelled French troops")
        return None
    word = best[2]
    place = country_place(table[word.text.lower()])
    if place is None:
        return None
    return Located(place, word.start_char, word.end_char, word.text, -3.0)


def _demonym_at(token: Token, sent: Span, table: dict[str, str]) -> Span | None:
    """The nationality word starting at ``token`` ("Yemeni", "Sri Lankan"), outside names, or first in the name
    of a body ("the Iraqi Ministry of Migration", "the Sri Lankan Armed Forces": that state's body)."""
    doc = token.doc
    for size in (2, 1):
        if token.i + size > sent.end:
            continue
        word = doc[token.i:token.i + size]
        if word.text.lower() not in table:
            continue
        first_in_name = token.ent_iob_ == "B" or (token.i > 0 and doc[token.i - 1].ent_iob_ == "B"
                                                  and doc[token.i - 1].lower_ == "the")
        # the name goes on after it: a nationality word alone taken for an ORG ("Ugandan peacekeepers") is a
        # plain nationality word, and foreigners' nationality does not place an event
        name_goes_on = token.i + size < len(doc) and doc[token.i + size].ent_iob_ == "I"
        if token.ent_type_ in ("NORP", "GPE", "") or (token.ent_type_ == "ORG" and first_in_name and name_goes_on):
            return word
    return None


def dateline_place(text: str) -> tuple[Place, int, int] | None:
    """The place a dateline opens the document with, e.g. "KABUL, Afghanistan (AP) --"."""
    match = _DATELINE.match(text[:120])
    if not match:
        return None
    name = match.group(1).strip()
    place = geocode(name.title() if name.isupper() else name)
    if place is None:
        return None
    return place, match.start(1), match.start(1) + len(name)


# a city this big abroad is where a group struck, even with a namesake at home ("the embassy in Lisbon")
_BIG_CITY = 100_000
# links that name who carried the event out (not "context" actors the document merely mentions)
_PERPETRATOR_LINKS = frozenset({"claimed", "stated", "blamed", "suspected"})


def with_actor_country(place: Place | None, links: Sequence[tuple[str, str]], surface: str | None = None) -> Place | None:
    """An event whose place has no country (a village the gazetteer lacks, or no place named at all) takes
    the country of its perpetrators when the knowledge base ties every one of them to one and the same
    country (an armed group's home country: "ELN members massacred ... in Gingaraba" is in Colombia); a
    town resolved abroad whose name (``surface``) the gazetteer also knows in that country is taken there
    ("ELN guerrillas ambushed a patrol in El Bosque" is not the Mexican El Bosque).
    ``links`` are (actor key, link kind) pairs. States are left out: their forces act abroad."""
    if place is not None and place.country is not None and (surface is None or place.precision not in ("city", "point")):
        return place
    from conflictgraph.knowledge.actors import load_knowledge_base

    kb = load_knowledge_base()
    countries = set()
    for actor, link in links:
        entry = kb.get(actor) if link in _PERPETRATOR_LINKS else None
        if entry is None or entry.kind != "armed_group":
            continue
        if not entry.country:
            return place  # a group without one home country (Islamic State, al-Qaeda): no guess
        countries.add(entry.country)
    if len(countries) != 1:
        return place
    country = countries.pop()
    if place is None:
        return country_place(country)
    if place.country is not None:
        name = re.sub(r"^(?:the|The)\s+", "", surface or "")
        if place.country == country or not name or (city_population(name, place.country) or 0) >= _BIG_CITY:
            return place  # a town of its own size abroad stays ("attacked the Turkish embassy in Lisbon")
        home = geocode(name, country)
        return home if home is not None and home.country == country and home.precision == "city" else place
    return dataclasses.replace(place, country=country)
