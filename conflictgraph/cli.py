"""The command-line interface: a thin shell over ``conflictgraph.Graph``."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from conflictgraph import __version__
from conflictgraph.errors import ConflictGraphError
from conflictgraph.models import ACTOR_KINDS, CERTAINTIES, EVENT_TYPES, RELATION_TYPES, VIOLENT_TYPES

CONTEXT = {"help_option_names": ["-h", "--help"]}
err = Console(stderr=True)
# Piped output (less, a file) gets room for the wide event and relation tables instead of rich's 80 columns.
out = Console(width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else 160)


def _graph(db: str | None):  # noqa: ANN202 - conflictgraph.Graph, imported late to keep --help fast
    from conflictgraph.graph import Graph
    try:
        return Graph(db)
    except ConflictGraphError as e:
        raise click.ClickException(str(e)) from e


def db_option(function):  # noqa: ANN001, ANN201 - click decorator
    return click.option("--db", envvar="CONFLICTGRAPH_DB", help="Database file or URL [default: ./conflictgraph.db].")(function)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="conflictgraph")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """conflictgraph: a sourced graph of armed-conflict actors, relations and events.

    Example: conflictgraph ingest samples/ && conflictgraph actors --kind armed_group
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if not verbose:  # the per-file reasons printed by the CLI say it better than trafilatura's own warnings
        logging.getLogger("trafilatura").setLevel(logging.ERROR)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("--url", help="Source URL for documents that carry none.")
@click.option("--max-bytes", type=int, help="Skip files larger than this [default: 5000000].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def ingest(paths: tuple[str, ...], db: str | None, published: str | None, url: str | None, max_bytes: int | None, quiet: bool) -> None:
    """Read articles (HTML, text, Markdown, JSON Lines, folders, '-' for stdin) into the graph.

    Example: conflictgraph ingest samples/ --db conflict.db
    """
    graph = _graph(db)
    with _progress(quiet or len(paths) == 1 and not Path(paths[0]).is_dir()) as (bar, notify):
        try:
            report = graph.ingest(list(paths), published=published, url=url, max_bytes=max_bytes, progress=notify)
        except ConflictGraphError as e:
            raise click.ClickException(str(e)) from e
    for source, reason in report.failed:
        message = reason if reason.startswith(source) else f"{source}: {reason}"
        err.print(f"[red]skipped[/red] {escape(message)}", highlight=False, soft_wrap=True)
    if not quiet:
        err.print(f"{len(report.stored)} stored, {len(report.duplicates)} already in the graph, {len(report.failed)} failed → "
                  f"{escape(str(graph.config.db))}")
    sys.exit(0 if report.ok else 1)


class _progress:
    """A rich progress bar fed by the graph's per-item callback; silent when quiet."""

    def __init__(self, quiet: bool) -> None:
        self.bar = None if quiet else Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True)

    def __enter__(self):  # noqa: ANN204
        if self.bar is None:
            return None, None
        self.bar.start()
        task = self.bar.add_task("ingesting", total=None)
        return self.bar, lambda source, outcome: self.bar.update(task, advance=1, description=f"{outcome}: {Path(source).name[:40]}")

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@cli.command()
@db_option
@click.option("--top", default=10, show_default=True, help="How many of the most mentioned actors to show.")
def summary(db: str | None, top: int) -> None:
    """Counts of documents, actors by kind and facts, and the most mentioned actors.

    Example: conflictgraph summary --top 5
    """
    data = _graph(db).summary(top=top)
    counts = ", ".join(f"{n} {name}" for name, n in data["counts"].items())
    out.print(f"[bold]Graph:[/bold] {counts}")
    out.print("[bold]Actors by kind:[/bold] " + ", ".join(f"{k} {n}" for k, n in sorted(data["actors_by_kind"].items(), key=lambda kv: -kv[1])))
    table = Table("actor", "kind", "mentions", "documents", title=f"Top {top} actors")
    for row in data["top_actors"]:
        _add_row(table, row["name"], row["kind"], str(row["mention_count"]), str(row["document_count"]))
    out.print(table)


@cli.command()
@db_option
@click.option("--kind", type=click.Choice(ACTOR_KINDS), help="Only actors of this kind.")
@click.option("--limit", type=int, help="At most this many rows.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
def actors(db: str | None, kind: str | None, limit: int | None, as_json: bool) -> None:
    """List actors, most mentioned first.

    Example: conflictgraph actors --kind armed_group --limit 20
    """
    rows = _graph(db).actors(kind=kind, limit=limit)
    if as_json:
        click.echo(json.dumps(rows, indent=2, default=str))
        return
    table = Table("id", "name", "kind", "country", "mentions", "documents")
    for row in rows:
        _add_row(table, row["id"], row["name"], row["kind"], row["country"] or "", str(row["mention_count"]), str(row["document_count"]))
    out.print(table)


@cli.command()
@click.argument("actor")
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON instead of text.")
def show(actor: str, db: str | None, as_json: bool) -> None:
    """Show one actor found by any of its names: aliases, mentions, sentences, relations, events.

    Example: conflictgraph show ISIS
    """
    try:
        detail = _graph(db).actor(actor)
    except ConflictGraphError as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        click.echo(json.dumps(detail, indent=2, default=str))
        return
    _print_actor(detail)


def _add_row(table: Table, *cells: str) -> None:
    """A table row of text from the articles: brackets in it are text, not rich markup."""
    table.add_row(*(escape(cell) for cell in cells))


def _print_actor(detail: dict) -> None:
    name = escape(detail["name"])
    out.print(f"[bold]{name}[/bold]  ({detail['kind']}{', ' + detail['country'] if detail['country'] else ''})  id={escape(detail['id'])}")
    if detail.get("parent_id"):
        out.print(f"parent: {detail['parent_id']}")
    by_source: dict[str, list[str]] = {}
    for alias in detail["aliases"]:
        by_source.setdefault(alias["source"], []).append(alias["alias"])
    for source, names in by_source.items():
        out.print(f"aliases [dim]({escape(source)})[/dim]: " + escape("; ".join(names)), highlight=False)
    out.print(f"{detail['mention_count']} mentions in {len(detail['documents'])} documents")
    for doc in detail["documents"]:
        out.print(f"\n[bold]{escape(doc['title'] or doc['id'])}[/bold] [dim]{doc['id']}[/dim]")
        for sentence in doc["sentences"][:5]:
            out.print(f"  • {escape(sentence)}", highlight=False)
    _print_facts("Relations", [f"{r['source_name']} —{r['type']}→ {r['target_name']} [{r['certainty']}]" for r in detail["relations"]])
    _print_facts("Events", [_event_line(e) for e in detail["events"]])
    _print_facts("Claims", [f"{c.get('text') or ''} [{c['certainty']}]" for c in detail["claims"]])
    _print_facts("Movements", [f"{m.get('who_text') or m.get('who')} → {(m.get('destination') or {}).get('name')} [{m['certainty']}]" for m in detail["movements"]])


def _print_facts(title: str, lines: list[str]) -> None:
    if lines:
        out.print(f"\n[bold]{title}[/bold]")
        for line in lines:
            out.print(f"  • {escape(line)}", highlight=False)


def _bounds_text(bounds: dict | None) -> str:
    if not bounds:
        return ""
    low, high = bounds.get("min"), bounds.get("max")
    if low is not None and high is not None:
        return f"{low:g}" if low == high else f"{low:g}–{high:g}"
    return f"≥{low:g}" if low is not None else f"≤{high:g}" if high is not None else ""


def _event_line(event: dict) -> str:
    place = (event.get("location") or {}).get("name") or ""
    kind = event["type"] + (f"/{event['subtype']}" if event.get("subtype") else "")
    killed = _bounds_text(event.get("killed"))
    # a toll is asked of violence only: "killed ?" after a designation or an agreement reads as a missing figure
    toll = f" killed {killed or '?'}" if killed or event["type"] in VIOLENT_TYPES else ""
    sources = len(event.get("sources") or [])
    return f"{event.get('date') or '?'} {kind} {place}{toll} [{event['certainty']}] ({sources} source{'s' * (sources != 1)})"



@cli.command()
@db_option
@click.option("--actor", help="Only events involving this actor (any alias).")
@click.option("--country", help="ISO 3166-1 alpha-2 code, e.g. NG.")
@click.option("--since", help="Earliest date, YYYY[-MM[-DD]].")
@click.option("--until", help="Latest date, YYYY[-MM[-DD]].")
@click.option("--type", "type_", help=f"Event type or subtype ({', '.join(EVENT_TYPES)}, bombing, ...).")
@click.option("--reports", "with_reports", is_flag=True,
              help="Also list each event's reports: one per source document, its toll and why it was merged.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
def events(db: str | None, actor: str | None, country: str | None, since: str | None, until: str | None, type_: str | None,
           with_reports: bool, as_json: bool) -> None:
    """List events with date, type, place, actors, tolls and sources.

    Example: conflictgraph events --country BF --since 2024-01
    """
    try:
        rows = _graph(db).events(actor=actor, country=country, since=since, until=until, type=type_)
    except ConflictGraphError as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        click.echo(json.dumps(rows, indent=2, default=str))
        return
    table = Table("date", "type", "place", "perpetrators", "killed", "wounded", "certainty", "sources")
    for event in rows:
        names = event["actor_names"]
        _add_row(table, event.get("date") or "?", event["type"] + (f"/{event['subtype']}" if event.get("subtype") else ""),
                      ", ".join(x for x in ((event.get("location") or {}).get("name"), (event.get("location") or {}).get("country")) if x),
                      ", ".join(names.get(a, a) for a in event.get("perpetrators") or []),
                      _bounds_text(event.get("killed")), _bounds_text(event.get("wounded")), event["certainty"], str(len(event.get("sources") or [])))
    out.print(table)
    if with_reports:
        _print_reports(rows)


def _print_reports(events: list[dict]) -> None:
    """Reports of the events that merge several sources: what `unmerge-event` takes."""
    table = Table("event", "report", "document", "killed", "wounded", "merged because")
    for event in events:
        reports = event.get("reports") or []
        for report in sorted(reports, key=lambda r: r.get("merge_reason") is not None) if len(reports) > 1 else []:
            _add_row(table, event["id"], report.get("id") or "", report.get("document") or "", _bounds_text(report.get("killed")),
                          _bounds_text(report.get("wounded")), report.get("merge_reason") or "(first report)")
    if table.row_count:
        out.print(table)
    else:
        out.print("No event merges several reports.")


@cli.command()
@click.argument("actor", required=False)
@db_option
@click.option("--type", "type_", type=click.Choice(RELATION_TYPES), help="Only this relation type.")
@click.option("--certainty", type=click.Choice(CERTAINTIES), help="Only this certainty.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
def relations(actor: str | None, db: str | None, type_: str | None, certainty: str | None, as_json: bool) -> None:
    """List relations between actors, with certainty, attribution and evidence count.

    Example: conflictgraph relations ISWAP --type branch_of
    """
    try:
        rows = _graph(db).relations(actor=actor, type=type_, certainty=certainty)
    except ConflictGraphError as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        click.echo(json.dumps(rows, indent=2, default=str))
        return
    table = Table("source", "relation", "target", "certainty", "according to", "evidence")
    for row in rows:
        _add_row(table, row["source_name"], row["type"], row["target_name"], row["certainty"], row["attributed_name"] or "", str(len(row["evidence"])))
    out.print(table)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("--what", type=click.Choice(["actors", "events"]), default="actors", show_default=True, help="For CSV: which table.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead of stdout.")
def export(db: str | None, fmt: str, what: str, output: str | None) -> None:
    """Export the graph: JSON (the conflictgraph/1 contract) or CSV of actors or events.

    Example: conflictgraph export --format json -o graph.json
    """
    graph = _graph(db)
    try:
        text = json.dumps(graph.export_json(), indent=2, ensure_ascii=False) if fmt == "json" else graph.export_csv(what)
    except ConflictGraphError as e:
        raise click.ClickException(str(e)) from e
    _write(text, output)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf"]), default="graphml", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead of stdout.")
def graph(db: str | None, fmt: str, output: str | None) -> None:
    """Export the actor graph (actors as nodes, relations as edges) for Gephi or networkx.

    Example: conflictgraph graph --format gexf -o actors.gexf
    """
    try:
        text = _graph(db).export_graph(fmt)
    except ConflictGraphError as e:
        raise click.ClickException(str(e)) from e
    _write(text, output)


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        err.print(f"wrote {escape(str(output))}")
    else:
        click.echo(text)


@cli.command()
@click.argument("dataset")
@click.option("--data", "data_path", type=click.Path(file_okay=False), help="Folder of the data set [default: ../shared/data/<set>].")
@click.option("--limit", type=int, help="Only the first N items (faster, less exact).")
@click.option("--json", "as_json", is_flag=True, help="JSON report.")
def eval(dataset: str, data_path: str | None, limit: int | None, as_json: bool) -> None:  # noqa: A001 - the command is called eval
    """Score extraction against a public gold data set.

    Example: conflictgraph eval wiki-terror --data ../shared/data/wiki_terror_incidents --limit 500
    """
    from conflictgraph import evaluation
    path = Path(data_path) if data_path else evaluation.default_data_dir(dataset, Path("../shared/data")) if dataset in evaluation.DATASETS else None
    try:
        report = evaluation.run(dataset, path, limit=limit)
    except ConflictGraphError as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        click.echo(json.dumps(report, indent=2, default=str))
        return
    out.print(f"[bold]{report.get('dataset', dataset)}[/bold]: {report.get('method', '')}")
    table = Table("metric", "score")
    for name, value in report.get("scores", {}).items():
        _add_row(table, name, f"{value:.3f}" if isinstance(value, float) else str(value))
    out.print(table)
    if report.get("counts"):
        out.print("counts: " + ", ".join(f"{k}={v}" for k, v in report["counts"].items()))


@cli.command(name="unmerge-event")
@click.argument("report_id")
@db_option
def unmerge_event(report_id: str, db: str | None) -> None:
    """Undo a cross-document event merge: the report becomes an event of its own.

    Example: conflictgraph unmerge-event er-1a2b3c4d5e6f
    """
    try:
        new_id = _graph(db).unmerge_event_report(report_id)
    except ConflictGraphError as e:
        raise click.ClickException(str(e)) from e
    out.print(f"report {report_id} is now event {new_id}")


if __name__ == "__main__":  # pragma: no cover
    cli()
