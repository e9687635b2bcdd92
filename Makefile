# conflictgraph: `make demo` sets everything up and shows the graph of the sample articles;
# `make test` installs the test extras and runs lint and the whole suite (what CI runs).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
SAMPLES := samples/html samples/text samples/markdown samples/jsonl

.PHONY: install demo test lint bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/conflictgraph ingest $(SAMPLES) --db $(DEMO_DB)
	$(BIN)/conflictgraph summary --db $(DEMO_DB) --top 12
	@echo
	@echo "Explore further:"
	@echo "  $(BIN)/conflictgraph actors --db $(DEMO_DB) --kind armed_group"
	@echo "  $(BIN)/conflictgraph show ISWAP --db $(DEMO_DB)"
	@echo "  $(BIN)/conflictgraph events --db $(DEMO_DB)"
	@echo "  $(BIN)/conflictgraph relations --db $(DEMO_DB)"
	@echo "  $(BIN)/conflictgraph export --db $(DEMO_DB) --format json -o graph.json"

lint: install
	$(BIN)/ruff check conflictgraph tests benchmarks scripts

test: install lint
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache $(DEMO_DB)
