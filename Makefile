# Omaolo back office: the two set-up commands and their helpers. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
PG := scripts/pg.sh
BACKOFFICE := .build/debug/backoffice
PORT ?= 8080
TEST_DB ?= backoffice_test

.PHONY: run test browser-test api-fuzz bench bench-http build db-start db-stop db-migrate db-status seed clean-db help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

run: db-start build ## start the private database, migrate, load demo data, serve on $(PORT)
	export DATABASE_URL="$$($(PG) url)"; \
	$(BACKOFFICE) db migrate; \
	$(BACKOFFICE) seed demo; \
	echo "Serving on http://127.0.0.1:$(PORT): log in there with a demo e-mail and the demo password above." >&2; \
	echo "Health: /health/ready; Prometheus metrics: /metrics, from loopback or with METRICS_TOKEN; Ctrl-C stops it." >&2; \
	echo "Reports on a streaming replica: PG_REPLICA_PORT=54330 scripts/pg.sh replica start (README, Reporting)." >&2; \
	echo "Mail to the desk: DATABASE_URL=\"$$DATABASE_URL\" $(BACKOFFICE) mail receive --org OULU-TK < docs/sample-mail.eml" >&2; \
	exec $(BACKOFFICE) serve --port $(PORT)

test: db-start ## start a fresh test database, migrate it, run every test (Swift, the browser, then schemathesis over the API)
	swift build --build-tests
	export DATABASE_URL="$$($(PG) fresh-db $(TEST_DB))"; \
	$(BACKOFFICE) db migrate; \
	scripts/mail-tools.sh; \
	swift test --skip-build; \
	BROWSER_DATABASE_URL="$$($(PG) fresh-db $(TEST_DB)_browser)"; \
	DATABASE_URL="$$BROWSER_DATABASE_URL" $(BACKOFFICE) db migrate; \
	DATABASE_URL="$$BROWSER_DATABASE_URL" scripts/browser-tests.sh; \
	scripts/api-fuzz.sh

browser-test: db-start build ## only the browser tests, on a fresh test database
	export DATABASE_URL="$$($(PG) fresh-db $(TEST_DB))"; \
	$(BACKOFFICE) db migrate; \
	scripts/browser-tests.sh

api-fuzz: db-start build ## only schemathesis over the JSON API, on a fresh test database
	export DATABASE_URL="$$($(PG) fresh-db $(TEST_DB))"; \
	$(BACKOFFICE) db migrate; \
	scripts/api-fuzz.sh

bench: db-start build ## the ticket-create transaction: Postgres module vs pgbench
	export DATABASE_URL="$$($(PG) fresh-db backoffice_bench)"; \
	$(BACKOFFICE) db migrate; \
	$(BACKOFFICE) seed demo; \
	Benchmarks/run.sh

bench-http: db-start ## HTTP on a release build (wrk, pgbench): creates, reads, queues at 10 k and 1 M tickets
	Benchmarks/http.sh

build: ## build the back office (debug)
	swift build --product backoffice

db-start: ## start the private PostgreSQL (installs postgresql and libpq-dev if missing)
	$(PG) start

db-stop: ## stop the private PostgreSQL
	$(PG) stop

db-migrate: db-start build ## apply pending migrations to the development database
	DATABASE_URL="$$($(PG) url)" $(BACKOFFICE) db migrate

db-status: db-start build ## list the migrations of the development database
	DATABASE_URL="$$($(PG) url)" $(BACKOFFICE) db status
