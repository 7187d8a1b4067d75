#!/usr/bin/env bash
# The request path of one release build, side by side in one run (issue 14): HTTP ticket
# create (POST, 16 connections, one organisation) vs pgbench running the same create SQL as
# `make bench` on the same database; GET one ticket vs GET /health/live; the round trips
# (from /metrics) and transactions (xact_commit) per GET and per create; the server's CPU per
# queue page of 50 tickets (a new connection each, and over one kept-alive connection); and
# its resident memory under 64 connections creating and after.
# Run from the repository root with the private PostgreSQL started and DATABASE_URL unset:
#
#   Benchmarks/request-path.sh [path/to/backoffice]      (default .build-release/release/backoffice)
#
# BENCH_SECONDS (10) per measurement; POOL settings come from the environment (README).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk pgbench psql; do command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
bin=${1:-.build-release/release/backoffice}
seconds=${BENCH_SECONDS:-10}
port=${BENCH_PORT:-18110}
export DATABASE_URL="$(scripts/pg.sh fresh-db backoffice_bench_path)"
$bin db migrate >&2
$bin seed demo >/dev/null 2>&1
token=$($bin token create --person teemu.tukipalvelu@pohde.example --name request-path --format json |
	python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["token"])')
work=$(mktemp -d)
server=
trap '[[ -n $server ]] && kill $server 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
LOG_LEVEL=warning $bin serve --port "$port" 2>"$work/server.log" &
server=$!
for _ in $(seq 150); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
base=http://127.0.0.1:$port
api=$base/api/v1/orgs/OULU-TK
auth="Authorization: Bearer $token"

cat >"$work/create.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"subject": "Kirjautuminen ei onnistu", "description": "Kuormitustesti.", "category": "login_and_access", "channel": "phone", "priority": "low", "reporter_email": "professional.oulu-tk@pohde.example"}'
LUA
cat >"$work/pgbench.sql" <<'SQL'
BEGIN;
SELECT set_config('app.org_id', (SELECT id::text FROM organisations WHERE code = 'OULU-TK'), true);
WITH next AS (UPDATE ticket_counters SET last_number = last_number + 1 WHERE org_id = current_setting('app.org_id')::uuid RETURNING org_id, last_number) INSERT INTO tickets (org_id, number, subject, description, category, channel, priority, reporter_kind, first_response_due_at, resolution_due_at) SELECT org_id, last_number, 'Kirjautuminen ei onnistu', 'Kuormitustesti.', 'login_and_access', 'phone', 'low', 'resident', now() + interval '8 hours', now() + interval '40 hours' FROM next RETURNING id \gset
INSERT INTO ticket_events (org_id, ticket_id, kind, changes, interface) VALUES (current_setting('app.org_id')::uuid, :id, 'created', '{}', 'system');
COMMIT;
SQL
rate() { awk '/Requests\/sec/ { printf "%.0f", $2 }'; }
latency() { awk '/ 50%/ { p50 = $2 } / 99%/ { p99 = $2 } END { printf "p50 %s p99 %s", p50, p99 }'; }
wrk_run() { wrk -t2 -c"$1" -d"${seconds}s" --latency "${@:2}"; }

# Warm up: prepared statements, caches.
wrk_run 16 -s "$work/create.lua" "$api/tickets" >/dev/null
wrk_run 16 -H "$auth" "$api/tickets/OULU-TK-1" >/dev/null

out=$(wrk_run 16 -s "$work/create.lua" "$api/tickets")
http_create=$(rate <<<"$out"); http_create_latency=$(latency <<<"$out")
pgbench_create=$(pgbench -n -M prepared -c 16 -j 2 -T "$seconds" -f "$work/pgbench.sql" "$DATABASE_URL" 2>&1 | awk '/^tps = / { printf "%.0f", $3 }')
out=$(wrk_run 16 -H "$auth" "$api/tickets/OULU-TK-1")
get_ticket=$(rate <<<"$out"); get_latency=$(latency <<<"$out")
out=$(wrk_run 16 "$base/health/live")
live=$(rate <<<"$out"); live_latency=$(latency <<<"$out")

# Round trips (statements sent, from /metrics) and transactions (the server's xact_commit) per request.
round_trips() { curl -s "$base/metrics" | awk '/^postgres_statement_duration_seconds_count/ { n += $2 } END { print n + 0 }'; }
commits() {
	psql -XAtq "$DATABASE_URL" -c "SELECT pg_stat_force_next_flush()" -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()" | tail -1
}
per_request() { # label, then curl arguments; 20 requests
	local trips_before commits_before
	trips_before=$(round_trips); commits_before=$(commits)
	for _ in $(seq 20); do curl -s -o /dev/null "${@:2}"; done
	sleep 1.2 # the statistics reach pg_stat_database on the server's own clock (at most 1 s)
	awk -v l="$1" -v t=$(( $(round_trips) - trips_before )) -v c=$(( $(commits) - commits_before - 2 )) \
		'BEGIN { printf "%-22s %5.1f round trips  %5.1f transactions\n", l, t / 20, c / 20 }'
}
body='{"subject": "Kirjautuminen ei onnistu", "description": "Kuormitustesti.", "category": "login_and_access", "channel": "phone", "priority": "low", "reporter_email": "professional.oulu-tk@pohde.example"}'
per_live=$(per_request "GET /health/live" "$base/health/live")
per_get=$(per_request "GET one ticket" -H "$auth" "$api/tickets/OULU-TK-1")
per_create=$(per_request "POST a ticket" -X POST -H "$auth" -H 'Content-Type: application/json' -d "$body" "$api/tickets")

# Server CPU per queue page of 50 tickets (utime + stime of the process over N pages).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
cpu_ms_per_page() { # the command's server CPU in ms per page, for 200 pages
	local before
	before=$(cpu_ticks)
	"$@"
	awk -v t=$(( $(cpu_ticks) - before )) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t * 1000 / hz / 200 }'
}
pages=(); for _ in $(seq 200); do pages+=("$api/tickets?limit=50"); done
each_on_its_connection() { for page in "${pages[@]}"; do curl -s -o /dev/null -H "$auth" "$page"; done; }
all_on_one_connection() { curl -s -H "$auth" "${pages[@]}" >/dev/null; }
queue_cpu=$(cpu_ms_per_page each_on_its_connection)
# The same 200 pages over one kept-alive connection (one curl): the page's own cost, without
# the TCP connection and HTTP setup each curl above costs the server (about 1 ms; GET
# /health/live costs as much that way).
queue_cpu_kept=$(cpu_ms_per_page all_on_one_connection)

rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }
rss_idle=$(rss)
wrk_run 64 -s "$work/create.lua" "$api/tickets" >/dev/null &
load=$!
rss_peak=0
while kill -0 $load 2>/dev/null; do r=$(rss); (( r > rss_peak )) && rss_peak=$r; sleep 0.5; done
sleep ${BENCH_SETTLE:-20}
rss_after=$(rss)

printf '\n%s\n' "request path of $bin ($seconds s each, 16 connections; ratios in this run)"
printf '  HTTP create    %6s req/s (%s)   pgbench same SQL %6s tx/s   ratio %.2f\n' "$http_create" "$http_create_latency" "$pgbench_create" "$(awk -v a="$http_create" -v b="$pgbench_create" 'BEGIN { print a / b }')"
printf '  GET one ticket %6s req/s (%s)   GET /health/live %6s req/s (%s)   ratio %.2f\n' "$get_ticket" "$get_latency" "$live" "$live_latency" "$(awk -v a="$get_ticket" -v b="$live" 'BEGIN { print a / b }')"
printf '  %s\n  %s\n  %s\n' "$per_live" "$per_get" "$per_create"
printf '  server CPU per queue page of 50 tickets: %s ms\n' "$queue_cpu"
printf '  server CPU per queue page of 50 tickets over one kept-alive connection: %s ms\n' "$queue_cpu_kept"
printf '  resident memory: %s MB idle, %s MB under 64 connections creating, %s MB %s s after\n' "$rss_idle" "$rss_peak" "$rss_after" "${BENCH_SETTLE:-20}"
