#!/usr/bin/env bash
# The report pages on a release build with the demo data, timed against /health/live as the
# demo reporter (the whole county). Run from the repository root with the private PostgreSQL
# started (`make db-start`):
#
#   Benchmarks/report-pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="$(scripts/pg.sh fresh-db backoffice_bench_reports)"
# Its own build folder, so that a debug build in .build can go on meanwhile.
swift build -c release --product backoffice --scratch-path .build-release >&2
bin=.build-release/release/backoffice
$bin db migrate >&2
$bin seed demo >/dev/null
port=${BENCH_PORT:-18081}
log=$(mktemp)
$bin serve --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
python3 Benchmarks/report_pages.py "http://127.0.0.1:$port" riikka.raportoija@pohde.example "${DEMO_PASSWORD:-Omaolo-demo-2026}"
