# One entry point for people and CI. `make report` and `make test` set everything up first.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?=
OUT ?= reports

.PHONY: setup report tables test test-fast lint browser clean bench

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv || true
	if [ -x $(BIN)/uv ]; then \
		$(BIN)/uv pip install -q --compile-bytecode --python $(BIN)/python -e ".[notebooks,ingest,scale,dev]"; \
	else \
		$(BIN)/python -m pip install -q --disable-pip-version-check -e ".[notebooks,ingest,scale,dev]"; \
	fi
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

setup: $(STAMP)

# Chromium for plotly's static export (kaleido) and the browser test; skipped where apt is not ours.
browser:
	@if command -v chromium >/dev/null 2>&1; then echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium could not be installed: static plotly images and the browser test are skipped"; \
	else echo "no chromium and no apt-get as root: static plotly images and the browser test are skipped"; fi

tables: setup
	$(BIN)/corpus-lib tables $(if $(CORPUS),--corpus $(CORPUS)) --out $(OUT)/tables --format csv,parquet

report: setup browser
	$(BIN)/corpus-lib report $(if $(CORPUS),--corpus $(CORPUS)) --out $(OUT)

test: setup browser
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not slow and not notebooks and not browser"

lint: setup
	$(BIN)/ruff check corpus_lib tests benchmarks tools
	$(BIN)/lint-imports

# Benchmarks (not tests): throughput, ratio to bare Punkt, memory, cache and worker speed-ups.
bench: setup
	$(BIN)/python -m benchmarks.run --sizes $(or $(SIZES),100,1000,10000) --workers 1,2 --cache

clean:
	rm -rf $(VENV) reports .pytest_cache .hypothesis
