#!/usr/bin/env bash
# A bulk action over 200 tickets on a release build: the demo data and 200 more new tickets in
# OULU-TK, then POST /api/v1/tickets/bulk (assign, status, priority three times, an internal
# note) and `backoffice ticket bulk` (the process's start and pool included), each timed.
# Run from the repository root with the private PostgreSQL started (`make db-start`):
#
#   Benchmarks/bulk-action.sh
#   BACKOFFICE_BIN=path/to/release/backoffice Benchmarks/bulk-action.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="$(scripts/pg.sh fresh-db backoffice_bench_bulk)"
# Its own build folder, so that a debug build in .build can go on meanwhile (BACKOFFICE_BIN: one built already).
if [[ -z ${BACKOFFICE_BIN:-} ]]; then swift build -c release --scratch-path .build-release --product backoffice >&2; fi
bin=${BACKOFFICE_BIN:-.build-release/release/backoffice}
$bin db migrate >&2
$bin seed demo >/dev/null
agent=teemu.tukipalvelu@pohde.example
port=${BENCH_PORT:-18081}

# 200 new tickets in OULU-TK, as the owner inside the organisation's tenant scope.
first=$(psql -qtA -v ON_ERROR_STOP=1 "$DATABASE_URL" <<'SQL'
BEGIN;
SELECT set_config('app.org_id', id::text, true) FROM organisations WHERE code = 'OULU-TK' \g /dev/null
SELECT last_number + 1 FROM ticket_counters WHERE org_id = current_setting('app.org_id')::uuid;
INSERT INTO tickets (org_id, number, subject, category, channel, priority, reporter_kind, first_response_due_at, resolution_due_at)
SELECT c.org_id, c.last_number + n, 'Joukkotoiminto ' || n, 'technical_fault', 'phone', 'normal', 'resident',
       now() + interval '1 day', now() + interval '5 days'
FROM ticket_counters c, generate_series(1, 200) n WHERE c.org_id = current_setting('app.org_id')::uuid;
UPDATE ticket_counters SET last_number = last_number + 200 WHERE org_id = current_setting('app.org_id')::uuid;
COMMIT;
SQL
)
references=$(seq "$first" $((first + 199)) | sed 's/^/OULU-TK-/')
items=$(printf '%s\n' $references | sed 's/.*/{"reference": "&"}/' | paste -sd, -)

log=$(mktemp)
answers=$(mktemp)
$bin serve --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log" "$answers"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
token=$($bin token create --person "$agent" --name bulk-bench --expires-in 1 --format csv | tail -1 | awk -F, '{print $NF}')

bulk() {  # action value reason
	local answer
	answer=$(curl -sS -o "$answers" -w '%{time_total}' -X POST "http://127.0.0.1:$port/api/v1/tickets/bulk" \
		-H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
		-d "{\"tickets\": [$items], \"action\": \"$1\", \"value\": \"$2\", \"reason\": \"$3\"}")
	printf 'HTTP  %-8s %-9.9s %6.3f s  %s\n' "$1" "$2" "$answer" "$(python3 -c 'import json, sys; print("changed {changed}, unchanged {unchanged}, refused {refused}".format(**json.load(open(sys.argv[1]))))' "$answers")"
}
echo "200 tickets per action, release build, $(nproc) cores"
bulk assign me "Aamun jono"
bulk status open "Otettu työn alle"
bulk priority high "Häiriö"
bulk priority low "Häiriö ohi"
bulk priority normal "Tavallinen"
bulk note "Häiriö korjattu, seurataan." "Häiriötiedote"
start=$(date +%s.%N)
$bin ticket bulk --as "$agent" --action status --value waiting --reason "Odotetaan toimittajaa" $references >/dev/null
printf 'CLI   %-8s %-9s %6.3f s  (process start, pool and 200 tickets)\n' status waiting "$(echo "$(date +%s.%N) - $start" | bc)"
