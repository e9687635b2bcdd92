"""export: the graph as JSON (the contract), CSV and graph formats."""

from conflictgraph.export.csv_export import export_csv
from conflictgraph.export.json_export import FORMAT, export_json

__all__ = ["FORMAT", "export_csv", "export_json"]
