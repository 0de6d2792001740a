# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export STORYLINE_SHARED ?= $(abspath ../shared)
DEMO_CORPUS := $(if $(wildcard $(STORYLINE_SHARED)/seeds/*.txt),$(STORYLINE_SHARED)/seeds,tests/fixtures/corpus)
DEMO_OUT := demo-out

.PHONY: install demo test lint bench clean

$(VENV)/.installed: pyproject.toml requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

# The benchmarks' anchors (TF-IDF, sumy's summarisers, ROUGE, textacy's quotations): not needed to run storyline, but the
# scorers in ../shared/eval (run after `make demo`) grade with rouge-score and scikit-learn.
BENCH_PINS := scikit-learn==1.9.1 rouge-score==0.1.2 sumy==0.13.0 textacy==0.13.0
$(VENV)/.bench-installed: $(VENV)/.installed Makefile
	$(BIN)/pip install --quiet $(BENCH_PINS)
	touch $@

demo: $(VENV)/.bench-installed
	@rm -f $(DEMO_OUT)/storyline.db*
	@mkdir -p $(DEMO_OUT)
	@echo "storyline demo on $(DEMO_CORPUS)"
	$(BIN)/storyline ingest $(DEMO_CORPUS) --db $(DEMO_OUT)/storyline.db
	$(BIN)/storyline report --db $(DEMO_OUT)/storyline.db --out $(DEMO_OUT)/report.md
	@echo "report: $(abspath $(DEMO_OUT))/report.md   store: $(abspath $(DEMO_OUT))/storyline.db"

lint: install
	$(BIN)/ruff check storyline tests bench

test: lint $(VENV)/.bench-installed
	$(BIN)/pytest

bench: $(VENV)/.bench-installed
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/plain.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/embed.py
	$(BIN)/python bench/cluster_offline.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/scans.py
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/implied_dates.py
	$(BIN)/python bench/links.py
	$(BIN)/python bench/links.py --batch-days 7
	$(BIN)/python bench/links.py --batch-days 7 --newest-first
	$(BIN)/python bench/links.py --text-dates
	$(BIN)/python bench/names.py
	$(BIN)/python bench/transliterated.py
	$(BIN)/python bench/entities.py
	$(BIN)/python bench/mention_types.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/analysis.py
	$(BIN)/python bench/summaries.py
	$(BIN)/python bench/timeline.py

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache .ruff_cache
