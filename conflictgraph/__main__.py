from conflictgraph.cli import cli

cli(prog_name="conflictgraph")
