# The verbs a newcomer needs. `make up` runs the platform, `make test` runs every check.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PACKAGES := shared services/membership services/exchange services/knowledge services/notifications

.PHONY: web-install web-build web-check web-test web-e2e web-api help install infra-up infra-down infra-status up down status logs test lint typecheck pytest bench bench-quick clean

help:
	@echo "make up         - install, start PostgreSQL + Kafka + the four services (prints URLs)"
	@echo "make test       - install, start local infrastructure if none is configured, ruff + mypy + pytest"
	@echo "make down       - stop the services and the infrastructure"
	@echo "make infra-up   - start only PostgreSQL and Kafka (idempotent)"
	@echo "make bench      - benchmarks with same-run baselines, 1x and 100x data (~8 min)"
	@echo "make bench-quick - every benchmark for about a second, no thresholds (CI)"
	@echo "make logs       - where the logs are"
	@echo "make web-build  - build the web app (web/dist) that the gateway serves"
	@echo "make web-check  - web app: type check, component tests, typed clients vs the OpenAPI documents (part of make test)"
	@echo "make web-test   - web app: type check, component tests, API types check, browser tests on a platform of its own"
	@echo "make web-e2e    - only the browser tests (Playwright + Debian's Chromium; part of make test)"
	@echo "make web-api    - regenerate the web app's typed API clients from the services' OpenAPI documents"

$(VENV)/.installed: constraints.txt deploy/local/prerequisites.sh $(addsuffix /pyproject.toml,$(PACKAGES))
	@bash deploy/local/prerequisites.sh >/dev/null
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -c constraints.txt -e "shared[testing]" $(addprefix -e ,$(filter services/%,$(PACKAGES))) \
		ruff mypy check-jsonschema import-linter
	touch $@

install: $(VENV)/.installed

infra-up:
	@bash deploy/local/infra.sh up

infra-down:
	@bash deploy/local/infra.sh down

infra-status:
	@bash deploy/local/infra.sh status

up: install infra-up web-build
	@echo "web app: http://127.0.0.1:$${GATEWAY_PORT:-8080}/  (ready once the lines below end)"
	@bash deploy/local/services.sh up
	@bash deploy/local/gateway.sh up
	@$(PY) deploy/local/demo-data.py
	@$(PY) deploy/local/demo-exchange.py
	@$(PY) deploy/local/demo-knowledge.py
	@echo "web app: http://127.0.0.1:$${GATEWAY_PORT:-8080}/  (one origin; the APIs under /api/<service>/)"

down:
	-@bash deploy/local/gateway.sh down
	@bash deploy/local/services.sh down
	@bash deploy/local/infra.sh down

status:
	@bash deploy/local/infra.sh status; bash deploy/local/services.sh status

logs:
	@ls -l .local/logs/

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

typecheck: install
	$(VENV)/bin/mypy shared/src services/membership/src services/exchange/src services/knowledge/src services/notifications/src
	@# The fakes are checked against the ports they stand in for: a missing method fails here.
	$(VENV)/bin/mypy $(wildcard services/*/tests/unit/fake*.py)

pytest: install
	@bash deploy/local/run-tests.sh $(PYTEST_ARGS)

test: lint typecheck web-check pytest web-e2e

# The bench starts its own service processes (as services.sh serves them) on copies of scaled databases.
bench: install infra-up
	@set -a; eval "$$(bash deploy/local/infra.sh env)"; set +a; $(PY) -m bench --markdown .local/bench-last.md $(BENCH_ARGS)

bench-quick: install infra-up
	@set -a; eval "$$(bash deploy/local/infra.sh env)"; set +a; $(PY) -m bench --quick $(BENCH_ARGS)

clean: down
	rm -rf .local $(VENV)

# The web app (web/README.md). npm ci installs exactly package-lock.json.
web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

web-install: web/node_modules/.installed

web-build: web-install
	cd web && npm run build

web-api: install web-install
	cd web && npm run gen:api

# Type check, component tests, and the typed clients against the services' documents: a changed
# API breaks `make test`, not a person's browser.
web-check: install web-install
	cd web && npm run typecheck && npm test && npm run check:api

# Browser tests start their own services (free ports, throwaway databases) and gateway.
web-test: web-check web-e2e

web-e2e: install infra-up web-build
	@set -a; eval "$$(bash deploy/local/infra.sh env)"; set +a; \
		cd web && ../$(PY) e2e/run_platform.py -- npx playwright test
