#!/usr/bin/env bash
# Builds and runs the benchmarks (release build, their own package and build folder).
# Called by `make bench`, which starts the database and sets DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")"
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install postgresql-contrib" >&2; exit 1; }
swift build -c release --product TicketCreateBenchmark
.build/release/TicketCreateBenchmark
