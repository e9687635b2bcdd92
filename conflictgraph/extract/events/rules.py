"""Lexicons and small token-level rules for event extraction (issue 3).

The trigger lexicon lives in ``patterns/triggers.jsonl``; the word lists below
are the cues that link numbers, actors and places to a trigger. Everything here
works on one spaCy token or span at a time: no rule names a sentence or document.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from conflictgraph.extract.dates import WEEKDAYS
from conflictgraph.models import VIOLENT_TYPES

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

PATTERNS = Path(__file__).parent / "patterns" / "triggers.jsonl"

# Event families: triggers of one family in one paragraph describe one event unless they say otherwise.
FAMILY: dict[str, str] = dict.fromkeys(VIOLENT_TYPES, "violence")

KILL_WORDS: frozenset[str] = frozenset({
    "kill", "killed", "die", "dead", "death", "murder", "slay", "slain", "behead", "execute", "massacre",
    "fatality", "perish", "toll", "life", "lives", "lifeless", "body", "corpse", "corpses", "assassinate", "assassinated",
    "decapitate", "decapitated", "slew",
})
WOUND_WORDS: frozenset[str] = frozenset({"wound", "wounded", "injure", "injured", "hurt", "injury", "casualty", "maim",
                                         "injuried", "injuired", "wouded",  # common misspellings in news copy
                                         "hospitalize", "hospitalise", "hospitalized", "hospitalised"})
PART_WORDS: frozenset[str] = frozenset({"include", "including", "among", "of"})
# Nouns a count of victims never has: "two bombs", "three vehicles", "10 houses".
NON_PERSON_UNITS: frozenset[str] = frozenset({
    "bomb", "vehicle", "car", "truck", "house", "home", "building", "village", "town", "city", "shop", "school",
    "mosque", "church", "round", "shell", "rocket", "missile", "mortar", "grenade", "device", "explosive",
    "attack", "incident", "blast", "explosion", "strike", "airstrike", "raid", "time", "year", "day", "hour",
    "minute", "week", "month", "km", "kilometre", "kilometer", "mile", "meter", "metre", "dollar", "percent",
    "province", "district", "area", "point", "post", "checkpoint", "tank", "aircraft", "plane", "helicopter",
    "drone", "weapon", "gun", "rifle", "kilogram", "kg", "ton", "bus", "shot", "camp", "base", "hospital",
    "people's", "location", "site", "target", "group", "party", "organization", "suicide", "motorcycle",
    # places and facilities that attacks hit ("grenade attacks on two bars")
    "bar", "restaurant", "hotel", "market", "office", "station", "bank", "store", "embassy", "road", "street",
    "bridge", "train", "boat", "ship", "cafe", "club", "factory", "farm", "pipeline", "tower", "prison", "mall",
    "temple", "shrine", "residence", "neighborhood", "neighbourhood", "locality", "floor", "storey", "story",
    "region", "zone", "sector",
})
PERP_NOUNS: frozenset[str] = frozenset({
    "militant", "gunman", "gunmen", "fighter", "insurgent", "jihadist", "rebel", "terrorist", "bomber", "attacker",
    "extremist", "member", "cell", "guerrilla", "militia", "militiaman", "assailant", "suspect", "operative",
    "force", "troop", "soldier", "army", "jet", "warplane", "aircraft", "drone", "unit", "commando", "squad",
    "man", "men", "kidnapper", "hijacker", "sniper", "loyalist", "supporter", "faction", "element",
})
CLAIM_VERBS: frozenset[str] = frozenset({"claim", "admit", "acknowledge"})
CLAIM_OBJECTS: frozenset[str] = frozenset({"responsibility", "credit", "attack", "bombing", "killing", "strike", "assault", "it"})
DENY_VERBS: frozenset[str] = frozenset({"deny", "reject", "disclaim"})
BLAME_VERBS: frozenset[str] = frozenset({"blame", "accuse", "suspect", "attribute", "hold", "link", "point", "believe"})
SPEECH_VERBS: frozenset[str] = frozenset({"say", "tell", "report", "announce", "state", "add", "confirm", "claim", "deny", "condemn", "accuse", "blame"})
ACTION_VERBS: frozenset[str] = frozenset({"carry", "launch", "stage", "conduct", "open", "mount", "perpetrate", "commit", "plant", "fire", "detonate", "target", "hit", "use", "attack", "kill", "storm"})
SUICIDE_WORDS: frozenset[str] = frozenset({"suicide", "self-detonate", "self-immolation", "kamikaze"})
REFLEXIVE: frozenset[str] = frozenset({"himself", "herself", "themselves"})
ANAPHORIC_DETS: frozenset[str] = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_RELATIVE_DAYS = frozenset({*WEEKDAYS, "yesterday", "today", "tonight", "weekend"})
LOCATION_PREPS: frozenset[str] = frozenset({"in", "near", "at", "outside", "around", "on", "across", "into", "inside", "of", "from", "between", "close", "throughout", "within"})
PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
CLAIM_CUES: frozenset[str] = CLAIM_VERBS | DENY_VERBS | BLAME_VERBS | {"responsibility", "responsible", "suspected", "behind",
                                                                     "allegiance"}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: an event type, subtype and how specific it is (rank)."""

    type: str
    subtype: str | None
    rank: int
    pos: str | None = None

    @property
    def family(self) -> str:
        return FAMILY.get(self.type, self.type)


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: dict[str, Trigger]
    phrases: dict[str, tuple[tuple[tuple[str, ...], Trigger], ...]]  # first word -> (words, trigger)
    keys: frozenset[str]


@lru_cache(maxsize=1)
def lexicon(path: Path = PATTERNS) -> Lexicon:
    """Read the trigger lexicon once per process."""
    words: dict[str, Trigger] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        if "type" not in entry:
            continue
        trigger = Trigger(entry["type"], entry.get("subtype"), int(entry.get("rank", 1)), entry.get("pos"))
        if "word" in entry:
            words[entry["word"]] = trigger
        else:
            parts = tuple(entry["phrase"].split())
            phrases.setdefault(parts[0], []).append((parts, trigger))
    keys = frozenset(words) | frozenset(phrases)
    return Lexicon(words, {k: tuple(v) for k, v in phrases.items()}, keys)


def _phrase_match(tokens: Span, i: int, parts: tuple[str, ...]) -> bool:
    """Do the words of ``parts`` follow token ``i`` in order (particles and one word may sit between)?"""
    doc = tokens.doc
    j = i + 1
    for part in parts[1:]:
        limit = min(j + 3, tokens.end)
        while j < limit and doc[j].lemma_.lower() != part and doc[j].lower_ != part:
            j += 1
        if j >= limit:
            return False
        j += 1
    return True


def find_triggers(sent: Span) -> list[tuple[Token, Trigger]]:
    """Trigger tokens of a sentence with their lexicon entry (phrases beat single words)."""
    lex = lexicon()
    found: list[tuple[Token, Trigger]] = []
    for token in sent:
        lemma = token.lemma_.lower()
        lower = token.lower_
        if lemma not in lex.keys and lower not in lex.keys:
            continue
        best: Trigger | None = None
        for key in (lemma, lower):
            for parts, trigger in lex.phrases.get(key, ()):
                if trigger.pos and token.pos_ != trigger.pos:
                    continue  # "fired at a patrol" (verb), not "a fire at a warehouse"
                if _phrase_match(sent, token.i, parts) and (best is None or trigger.rank > best.rank):
                    best = trigger
        if best is None and lemma == "set":
            best = _set_on_fire(token, lex)
        if best is None:
            best = _word_entry(token, lex, lemma, lower)
        best = _refined(token, best) if best is not None else None
        if best is not None:
            found.append((token, best))
    return found


def _refined(token: Token, entry: Trigger) -> Trigger | None:
    """The entry as this use of the word means it, or ``None`` when the word tells of no act here: a weapon only
    held or seized, an aircraft shot down, a smoke bomb, people captured."""
    if entry.type == "attack" and (_weapon_in_stock(token, entry) or _harmless_device(token) or _aircraft_downed(token)):
        return None
    if entry.subtype == "bombing" and _incendiary(token):
        return _INCENDIARY  # "threw petrol bombs at the mosque": a fire weapon, as a Molotov cocktail is
    if entry.type == "withdrawal" and _withdraws_no_force(token):
        return None
    if entry.type == "takeover":
        if _captures_people(token) or _takes_things(token) or _succeeds(token):
            return None
        if _takes_a_vehicle(token):
            return _HIJACKING  # "seized a tanker", "captured a cargo ship": a hijacking, not territory
    return entry


# Verbs of taking weapons away, and nouns for a stock of them: a weapon they hold was not used.
_SEIZING_VERBS = frozenset({"seize", "confiscate", "recover", "capture", "impound"})
_SEIZED = frozenset({"seized", "confiscated", "recovered", "captured", "impounded"})
_STOCK_NOUNS = frozenset({"cache", "arsenal", "stockpile", "haul", "depot"})
_ARMS_NOUNS = frozenset({"weapon", "weapons", "arms", "ammunition"})
_WEAPON_SUBTYPES = frozenset({"bombing", "shelling", "armed_assault"})


def _weapon_in_stock(token: Token, entry: Trigger) -> bool:
    """"troops seized rifles and explosives", "a cache of weapons including grenades", "a grenade launcher was
    seized": a weapon listed in a stock or taken by the security forces tells of no attack made with it ("attacked
    the post with small arms and bombs" still does)."""
    if entry.subtype not in _WEAPON_SUBTYPES or token.pos_ not in ("NOUN", "PROPN", "VERB"):
        return False
    node = token
    for _ in range(6):
        if any(c.dep_ == "amod" and _seizing(c) for c in node.children):
            return True  # "the seized grenades"
        if node.dep_ in ("dobj", "nsubjpass") and _seizing(node.head):
            return True
        if node.dep_ not in ("conj", "compound", "pobj", "prep", "appos") or node.head == node:
            return False
        child, node = node, node.head
        if node.lower_ in _STOCK_NOUNS or node.lower_ in _ARMS_NOUNS and child.lower_ == "including":
            return True
    return False


def _seizing(word: Token) -> bool:
    return word.lemma_.lower() in _SEIZING_VERBS or word.lower_ in _SEIZED  # the participle may be tagged ADJ


# what a "bomb" of these is made of hurts no one by blast: "smoke bombs", "stink bombs", "paint bombs"
_HARMLESS_FILLS = frozenset({"smoke", "stink", "paint", "glitter", "confetti", "water"})


def _harmless_device(token: Token) -> bool:
    return token.lemma_.lower() in ("bomb", "bombs", "grenade", "grenades") and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in _HARMLESS_FILLS for c in token.children)


_AIRCRAFT = frozenset({"warplane", "drone", "drones", "helicopter", "jet", "aircraft", "plane", "airliner"})


def _aircraft_downed(token: Token) -> bool:
    """"shot down a warplane", "a drone was brought down": the aircraft is what was hit, not an air strike."""
    if token.lemma_.lower() not in _AIRCRAFT or token.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = token.head
    return verb.lemma_.lower() in ("shoot", "bring", "down") and any(
        c.dep_ == "prt" and c.lower_ == "down" for c in verb.children) or verb.lemma_.lower() == "down"


def _word_entry(token: Token, lex: Lexicon, lemma: str, lower: str) -> Trigger | None:
    """The single-word entry for the lemma, else for the surface form, whose part of speech fits the token:
    the verb "shell" does not make the noun "shells" no trigger (the surface entry "shells" is a noun's)."""
    for key in (lemma, lower):
        entry = lex.words.get(key)
        if entry is not None and (not entry.pos or token.pos_ == entry.pos
                                  or entry.pos == "VERB" and token.pos_ == "AUX"):
            return entry
    return None


_HIJACKING = Trigger("attack", "hijacking", 8, None)
_INCENDIARY = Trigger("attack", "arson", 3, None)
_FUELS = frozenset({"petrol", "gasoline", "gas", "kerosene"})


def _incendiary(token: Token) -> bool:
    """"petrol bomb", "gasoline bombs": a bomb named by its fuel is an incendiary device."""
    return token.lemma_.lower() in ("bomb", "bombs") and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in _FUELS for c in token.children)
_VEHICLES = frozenset({"ship", "vessel", "tanker", "freighter", "carrier", "boat", "plane", "aircraft", "airliner",
                       "jet", "helicopter", "bus", "train", "truck", "lorry", "convoy", "ferry", "yacht", "dhow"})


def _takes_a_vehicle(token: Token) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _VEHICLES for c in token.children)


# People a verb of taking can hold: "captured a fourth attacker alive", "seized two hostages" is no takeover.
_PEOPLE = frozenset({"people", "person", "civilian", "hostage", "officer", "policeman", "policemen", "worker",
                     "villager", "woman", "women", "child", "children", "leader", "commander", "journalist"})


def _captures_people(token: Token) -> bool:
    """Is the object of "captured" / "seized" a person, a pronoun or a bare count ("captured a fourth alive")?"""
    for child in token.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        lemma = child.lemma_.lower()
        if _called_a_place(child):
            return False  # "captured Goma, the largest city in the east": the model's PERSON is a town
        return (child.pos_ in ("PRON", "NUM") or child.ent_type_ in ("PERSON", "ORDINAL", "CARDINAL")
                or lemma in PERP_NOUNS or lemma in _PEOPLE or child.lower_ in _PEOPLE
                or child.lower_ == "alive")  # "captured a fourth alive", parsed with "alive" as the object
    return False


# Things a verb of taking can hold that are no territory: "seized weapons and vehicles", "took over its operations".
_GOODS = frozenset({"weapon", "arm", "ammunition", "equipment", "vehicle", "car", "truck", "motorcycle", "supply",
                    "cash", "money", "fund", "document", "phone", "laptop", "drug", "cattle", "livestock", "food",
                    "loot", "material", "operation", "asset", "business", "contract", "network", "role", "duty",
                    "responsibility", "command", "leadership", "presidency", "chairmanship"})


def _object_lemmas(token: Token) -> list[str]:
    """Lemmas of the verb's objects, conjuncts included ("seized weapons and vehicles"), or of "the X of Y"
    for the noun ("the seizure of weapons")."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    objects += [c for o in objects for c in o.conjuncts]
    return [o.lemma_.lower() for o in objects]


def _takes_things(token: Token) -> bool:
    lemmas = _object_lemmas(token)
    return bool(lemmas) and all(lemma in _GOODS for lemma in lemmas)


def _succeeds(token: Token) -> bool:
    """"X took over from Y" with nothing taken: one body or mission succeeding another, no territory taken."""
    children = list(token.children)
    return token.lemma_.lower() == "take" and not any(c.dep_ == "dobj" for c in children) \
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in children)


# What a military withdrawal takes away; "withdrew the claim", "withdrawal of support" tell of no movement of forces.
_FORCES = frozenset({"troop", "force", "soldier", "fighter", "unit", "contingent", "mission", "peacekeeper",
                     "personnel", "battalion", "brigade", "army", "militant", "man", "men", "police", "deployment",
                     "presence"})


def _withdraws_no_force(token: Token) -> bool:
    lemmas = _object_lemmas(token)
    return bool(lemmas) and not any(lemma in _FORCES for lemma in lemmas)


# nouns an apposition uses to say that a name is a place ("X, a town in the north")
_PLACE_APPOSITIONS = frozenset({"city", "town", "village", "capital", "port", "hub", "stronghold", "district",
                                "province", "region", "county", "settlement", "municipality", "locality"})


def _called_a_place(token: Token) -> bool:
    return any(c.dep_ == "appos" and c.lemma_.lower() in _PLACE_APPOSITIONS for c in token.children)


def _set_on_fire(token: Token, lex: Lexicon) -> Trigger | None:
    """"set at least 15 construction vehicles and machines on fire": the phrase with a long object between its
    words (up to 12 words on, within the clause: no punctuation or other verb in between)."""
    doc = token.doc
    for j in range(token.i + 1, min(token.i + 13, token.sent.end)):
        word = doc[j]
        if word.lower_ in ("ablaze", "alight") or word.lower_ == "fire" and doc[j - 1].lower_ == "on":
            return next((t for parts, t in lex.phrases.get("set", ()) if parts == ("set", "on", "fire")), None)
        if word.is_punct or word.pos_ == "VERB":
            return None
    return None


def is_anaphoric(token: Token) -> bool:
    """"the attack", "this blast", "Monday's bombing": a noun trigger that points back to an event already
    named (a news report dates its event by the weekday)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(child.dep_ in ("det", "poss") and child.lower_ in ANAPHORIC_DETS
               or child.dep_ == "poss" and child.lower_ in _RELATIVE_DAYS for child in token.children)


def casualty_kind(token: Token) -> str | None:
    """"killed" or "wounded" for a casualty word, else ``None``."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    if lemma in WOUND_WORDS or lower in WOUND_WORDS:
        return "wounded"
    if lemma in KILL_WORDS or lower in KILL_WORDS:
        if lemma in ("toll", "life", "lives", "body", "corpse") and not _toll_context(token):
            return None
        return "killed"
    if lower == "shot" and any(c.lower_ in ("dead", "fatally") for c in token.children):
        return "killed"
    if lemma == "gun" and any(c.lower_ == "down" for c in token.children):
        return "killed"  # "were gunned down"
    return None


# Verbs and nouns of trying: a killing they govern was aimed at, not done ("tried to assassinate the governor");
# those of planning or threatening tell of no act at all yet ("plotted to kill the mayor").
_TRYING_VERBS = frozenset({"try", "attempt", "seek", "fail"})
_TRYING_NOUNS = frozenset({"attempt", "bid", "effort"})
_PLANNING_VERBS = frozenset({"plan", "plot", "intend", "aim", "want", "threaten", "conspire", "scheme", "vow"})
_PLANNING_NOUNS = frozenset({"plot", "plan", "conspiracy", "threat"})


def is_attempted(verb: Token, tried_only: bool = False) -> bool:
    """Is ``verb`` a casualty verb only tried or planned: "tried to kill", "an attempt to assassinate", "plotted to
    kill" (with ``tried_only``, only tried: an attack that was made)? Not "an attempt in which two guards were
    killed" (a relative clause tells what the attempt did)."""
    if verb.pos_ != "VERB" or casualty_kind(verb) is None:
        return False
    head = verb.head.lemma_.lower()
    verbs = _TRYING_VERBS if tried_only else _TRYING_VERBS | _PLANNING_VERBS
    nouns = _TRYING_NOUNS if tried_only else _TRYING_NOUNS | _PLANNING_NOUNS
    return (verb.dep_ == "xcomp" and head in verbs
            or verb.dep_ == "acl" and head in nouns and verb.head.pos_ == "NOUN")


def _toll_context(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma == "toll":
        return True
    if lemma in ("life", "lives"):
        return token.head.lemma_.lower() in ("claim", "lose", "take")
    return token.head.lemma_.lower() in ("find", "recover", "discover")


def suicide_in(span: Span) -> bool:
    """A suicide attack: "suicide" in the span, or someone "blew himself up"."""
    for token in span:
        lower = token.lower_
        if lower in SUICIDE_WORDS or lower.startswith("self-detonat"):
            return True
        if lower in REFLEXIVE and token.head.lemma_.lower() in ("blow", "detonate", "explode"):
            return True
        if lower in REFLEXIVE and token.head.lemma_.lower() == "kill" and _with_explosive(token.head):
            return True  # "killed himself with a bomb"; gunmen "killing themselves" after a shooting made no suicide attack
    return False


def _with_explosive(verb: Token) -> bool:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "by"):
            for obj in prep.children:
                entry = lexicon().words.get(obj.lemma_.lower()) or lexicon().words.get(obj.lower_)
                if obj.dep_ == "pobj" and entry is not None and entry.subtype in ("bombing", "suicide_bombing"):
                    return True
    return False


def has_claim_cue(sent: Span) -> bool:
    return any(t.lemma_.lower() in CLAIM_CUES or t.lower_ in CLAIM_CUES for t in sent)
