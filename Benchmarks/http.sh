#!/usr/bin/env bash
# `make bench-http`: the server's HTTP figures on a release build, in one run (issue 14).
#
#   1. ticket create over HTTP (wrk, 16 connections) against the same create transaction
#      through `pgbench -M prepared` (16 clients), tickets spread over 20 organisations and
#      all in one;
#   2. GET of one ticket against GET /health/live;
#   3. each queue and search page (the JSON API, and the desk's web queue) at 10 000 and at
#      1 000 000 tickets, loaded set-based by Benchmarks/queue-load.sql.
# Every figure is p50/p99 (ms) with a ratio: the machine is shared, absolute figures vary.
#
#   BENCH_SECONDS (10) per create/GET measurement, BENCH_PAGE_SECONDS (5) per page,
#   BENCH_TICKETS (1000000) the large table, BENCH_PORT (18090), BENCH_SCRATCH_PATH
#   (.build-release) the release build's folder.
# Run from the repository root with the private PostgreSQL started (`make bench-http` does).
set -euo pipefail
cd "$(dirname "$0")/.."

install() {
	local sudo=()
	(($(id -u) == 0)) || sudo=(sudo)
	echo "bench-http: installing $* with apt-get" >&2
	"${sudo[@]}" apt-get update >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2
}
command -v wrk >/dev/null || install wrk
command -v pgbench >/dev/null || install postgresql-contrib

scratch=${BENCH_SCRATCH_PATH:-.build-release}
swift build -c release --product backoffice --scratch-path "$scratch" >&2
bin=$PWD/$scratch/release/backoffice
port=${BENCH_PORT:-18090}
base=http://127.0.0.1:$port
agent=teemu.tukipalvelu@pohde.example
server=
log=$(mktemp)
trap 'stop_server; rm -f "$log"' EXIT

# A fresh database NAME with the schema and the demo data; prints its URL.
fresh_database() {
	local url
	url=$(scripts/pg.sh fresh-db "$1")
	DATABASE_URL=$url "$bin" db migrate >&2
	DATABASE_URL=$url "$bin" seed demo >/dev/null
	printf '%s' "$url"
}

start_server() {
	DATABASE_URL=$1 "$bin" serve --port "$port" >"$log" 2>&1 &
	server=$!
	for _ in $(seq 150); do curl -sf "$base/health/ready" >/dev/null && return 0; sleep 0.2; done
	echo "bench-http: the server did not get ready" >&2
	cat "$log" >&2
	exit 1
}

stop_server() {
	[[ -z $server ]] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
	server=
}

token() {
	DATABASE_URL=$1 "$bin" token create --person "$agent" --name "bench-http $(date +%s%N)" --format json |
		python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["token"])'
}

# 1 and 2: creates and reads on the demo data.
url=$(fresh_database backoffice_bench_http)
start_server "$url"
python3 Benchmarks/bench_http.py requests "$base" "$(token "$url")" "$url" \
	"$(scripts/pg.sh url backoffice_bench_http backoffice_app)" "${BENCH_SECONDS:-10}" "$server"
stop_server

# 3: the queues at 10 000 and at BENCH_TICKETS tickets, each in a database of its own.
results=()
for tickets in 10000 "${BENCH_TICKETS:-1000000}"; do
	url=$(fresh_database "backoffice_bench_queues_$tickets")
	echo "bench-http: loading $tickets tickets" >&2
	psql -q -X -v ON_ERROR_STOP=1 "$url" >/dev/null <<-SQL
		SELECT set_config('bench.organisations', '20', false), set_config('bench.tickets', '$tickets', false),
		       set_config('bench.person', '$agent', false);
		\i Benchmarks/queue-load.sql
		VACUUM ANALYZE tickets, ticket_comments;
	SQL
	start_server "$url"
	result=$(mktemp)
	results+=("$result")
	python3 Benchmarks/bench_http.py pages "$base" "$(token "$url")" "$agent" "${BENCH_PAGE_SECONDS:-5}" "$tickets" >"$result"
	stop_server
done
python3 Benchmarks/bench_http.py compare "${results[@]}"
rm -f "${results[@]}"
