# Ficha — the two commands a contributor needs: `make dev` and `make test`.
# Uses DATABASE_URL / REDIS_URL when set; otherwise embedded PostgreSQL and Redis under .data/.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= auto

.PHONY: dev test lint format openapi lock install frontend frontend-test e2e bench clean help

help:
	@echo "make dev    - run Ficha (API + worker + SPA) on http://127.0.0.1:$${PORT:-8000}"
	@echo "make test   - lint + every test (backend, frontend unit, browser)"
	@echo "make openapi - regenerate openapi.json (and the SPA client)"
	@echo "make lock   - re-resolve the Python lock files after editing pyproject.toml"

$(STAMP): pyproject.toml requirements-dev.lock
	@$(PYTHON) -c 'import sys; sys.exit("Python >= 3.11 is required") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . || \
		$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

frontend:
	@if [ -f frontend/package.json ]; then \
		command -v npm >/dev/null || { echo "npm (Node >= 20) is required to build the console"; exit 1; }; \
		cd frontend && (test -d node_modules || npm ci --no-audit --no-fund) && npm run build; \
	fi

dev: $(STAMP) frontend
	$(BIN)/ficha dev

lint: $(STAMP)
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff check --fix .

test: $(STAMP) lint
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) -q
	@if [ -f frontend/package.json ]; then $(MAKE) --no-print-directory frontend-test e2e; fi

frontend-test:
	cd frontend && (test -d node_modules || npm ci --no-audit --no-fund) && npm run lint && npm test

e2e: $(STAMP)
	@if command -v chromium >/dev/null 2>&1; then \
		cd frontend && (test -d node_modules || npm ci --no-audit --no-fund) && npm run build && npm run e2e; \
	elif [ -n "$$FICHA_REQUIRE_BROWSER_TESTS" ]; then \
		echo "!!! Chromium is required (FICHA_REQUIRE_BROWSER_TESTS is set) but not installed"; exit 1; \
	else \
		echo ""; \
		echo "!!! Chromium is not installed: SKIPPING the browser tests (apt-get install -y chromium). CI requires them."; \
		echo ""; \
	fi

openapi: $(STAMP)
	$(BIN)/ficha openapi > openapi.json
	@if [ -f frontend/package.json ]; then cd frontend && npm run generate-client; fi

lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --no-header -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header -o requirements-dev.lock

bench: $(STAMP)
	@echo "Benchmarks are run one by one; see docs/performance.md"

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist .pytest_cache
