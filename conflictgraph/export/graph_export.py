"""The actor graph for Gephi and networkx: GraphML or GEXF.

Nodes are actors (name, kind, country, mention count); edges are relations
(type, certainty, attributed_to, evidence count, first evidence sentence).
Several relations between the same two actors become parallel edges.
"""

from __future__ import annotations

import io

import networkx as nx

from conflictgraph.errors import ConfigError
from conflictgraph.models import SYMMETRIC_RELATIONS
from conflictgraph.query.views import names_by_id, relation_views
from conflictgraph.store import Store

FORMATS = ("graphml", "gexf")


def actor_graph(store: Store) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for row in store.actor_rows():
        graph.add_node(row["id"], label=row["name"], kind=row["kind"], country=row["country"] or "",
                       mentions=int(row["mention_count"]), documents=int(row["document_count"]))
    for relation in relation_views(store, names=names_by_id(store)):
        graph.add_edge(relation["source_id"], relation["target_id"], key=relation["id"], type=relation["type"],
                       certainty=relation["certainty"], attributed_to=relation["attributed_to"] or "",
                       symmetric=relation["type"] in SYMMETRIC_RELATIONS, evidence=len(relation["evidence"]),
                       example=relation["evidence"][0]["text"] if relation["evidence"] else "")
    return graph


def export_graph(store: Store, fmt: str) -> str:
    """The graph serialized as GraphML or GEXF text."""
    if fmt not in FORMATS:
        raise ConfigError(f"Unknown graph format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    graph = actor_graph(store)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer)
    else:
        nx.write_gexf(graph, buffer)
    return buffer.getvalue().decode("utf-8")
