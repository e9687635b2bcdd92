"""Link a document's actor keys to actors already in the graph.

Knowledge-base actors keep their knowledge-base id. An actor found only in
text joins an existing actor when one of its names normalizes to a name that
actor already has ("al-Qaida" = "Al Qaeda"); otherwise it becomes a new actor.
Every join records its reason, so it can be reviewed and undone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from conflictgraph.knowledge.names import norm, slug
from conflictgraph.models import ActorInfo


@dataclass(frozen=True, slots=True)
class Resolution:
    actor_id: str
    is_new: bool
    reason: str | None = None  # set when a text actor joined an existing actor


def actor_id_for_key(key: str) -> str:
    """Stable id: the knowledge-base slug, or ``x-<slug>`` for actors found in text."""
    if key.startswith("kb:"):
        return key[3:]
    return "x-" + slug(key.removeprefix("txt:"))


def resolve_actor(info: ActorInfo, existing_by_norm: Callable[[list[str]], dict[str, str]], known_ids: Callable[[str], bool]) -> Resolution:
    """Decide which stored actor ``info`` is."""
    own_id = actor_id_for_key(info.key)
    if info.key.startswith("kb:") or known_ids(own_id):
        return Resolution(own_id, not known_ids(own_id))
    names = [info.name, *info.aliases]
    found = existing_by_norm([norm(name) for name in names if norm(name)])
    for name in names:
        actor_id = found.get(norm(name))
        if actor_id:
            return Resolution(actor_id, False, f"name {name!r} normalizes to {norm(name)!r}, a name of {actor_id}")
    return Resolution(own_id, True)
