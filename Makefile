# StdLink — all set-up happens through these targets (see README.md).
PY_SYS ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
HOST   ?= 127.0.0.1
PORT   ?= 8000
DATA_DIR ?= ../shared/data
export STDLINK_DATA_DIR ?= $(abspath $(DATA_DIR))

.PHONY: run seed serve test test-pg bench lint format venv assets browser migrate messages clean

$(VENV)/.installed: pyproject.toml constraints.txt
	@command -v $(PY_SYS) >/dev/null 2>&1 || { echo "需要 Python 3.11 / Python 3.11 is required ($(PY_SYS) not found)"; exit 1; }
	$(PY_SYS) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -c constraints.txt -e ".[dev]"
	@touch $@

venv: $(VENV)/.installed

# Front-end assets (Bootstrap, htmx, Chart.js, Swagger UI) come from the npm registry and are served
# locally: no CDN. --ignore-scripts: no package may run code (or phone home) at install time.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

assets: node_modules/.installed

# Debian's Chromium drives the Playwright browser tests (Playwright's own browser download is not used).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "warning: /usr/bin/chromium missing (apt-get install chromium); browser tests will be skipped"; fi; \
	fi

migrate: venv assets
	mkdir -p var
	$(PY) -m stdlink.cli migrate

# Built-in data loads with every migrate; the small reference tables (when the data is there) and a
# clearly marked demo data set make the first start look alive. All three steps are idempotent.
seed: migrate
	@if [ -d "$(STDLINK_DATA_DIR)/reference" ]; then \
	  $(PY) -m stdlink.cli import ics "$(STDLINK_DATA_DIR)/reference/ics/ics_ed7.csv" --no-progress && \
	  $(PY) -m stdlink.cli import ccs "$(STDLINK_DATA_DIR)/reference/ccs" --no-progress && \
	  $(PY) -m stdlink.cli import countries "$(STDLINK_DATA_DIR)/reference/countries/countries_iso_zh_wto_bri.csv" && \
	  $(PY) -m stdlink.cli import hs "$(STDLINK_DATA_DIR)/reference/hs"; \
	else echo "note: no reference data at $(STDLINK_DATA_DIR); skipping ICS/CCS/countries/HS"; fi
	$(PY) -m stdlink.cli demo

# The web server and one queue worker in one foreground command (honcho + Procfile); Ctrl-C
# stops both.
run: seed
	$(PY) -m stdlink.cli collectstatic --noinput -v0
	STDLINK_PY=$(PY) STDLINK_ADDR=$(HOST):$(PORT) $(VENV)/bin/honcho -f Procfile start

# A production-style server (gunicorn, one sync worker per core: threads only contend for the GIL)
# plus queue workers: JOB_WORKERS processes that only run jobs and one that also enqueues periodic
# jobs (Procfile.serve). Any number of further `stdlink worker` processes, on this or other
# machines, share the queue when it is in PostgreSQL (DATABASE_URL) or Redis (STDLINK_QUEUE=redis).
# gunicorn limits (Procfile.serve): request line ≤ 4 KB (longer URLs get 414), ≤ 100 headers of
# ≤ 8 KB, a request killed after 30 s; bodies over STDLINK_MAX_UPLOAD_BYTES are refused by the app
# before they are read.
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
JOB_WORKERS ?= 1
serve: migrate
	$(PY) -m stdlink.cli collectstatic --noinput -v0
	STDLINK_PY=$(PY) STDLINK_VENV=$(VENV) STDLINK_ADDR=$(HOST):$(PORT) STDLINK_WEB_WORKERS=$(WORKERS) \
	  $(VENV)/bin/honcho -f Procfile.serve start -c worker=$(JOB_WORKERS),scheduler=1

test: venv assets browser
	$(VENV)/bin/pytest -q

# The same suite against PostgreSQL (needs a server; DATABASE_URL may be overridden).
PG_URL ?= postgresql://postgres@127.0.0.1:5432/stdlink
test-pg: venv assets browser
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -q

bench: venv
	$(PY) bench/import_relaton.py
	@for b in bench/pubid.py bench/search_quality.py bench/search_speed.py bench/jobs.py bench/tbt.py bench/tracking.py bench/compare.py bench/compare_quality.py bench/embeddings.py bench/list_speed.py; do \
	  [ -f $$b ] && $(PY) $$b || true; done

lint: venv
	$(VENV)/bin/ruff check stdlink tests bench
	$(VENV)/bin/ruff format --check stdlink tests bench

format: venv
	$(VENV)/bin/ruff format stdlink tests bench
	$(VENV)/bin/ruff check --fix stdlink tests bench

messages: venv
	cd stdlink && ../$(PY) -m django compilemessages --settings=stdlink.settings

clean:
	rm -rf $(VENV) node_modules var staticfiles
