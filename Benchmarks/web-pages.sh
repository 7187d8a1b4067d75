#!/usr/bin/env bash
# The desk's pages on a release build: the queue and a ticket page timed against
# /health/live with the demo data, then again with 100 000 more tickets in one organisation.
# Run from the repository root with the private PostgreSQL started (`make db-start`):
#
#   Benchmarks/web-pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="$(scripts/pg.sh fresh-db backoffice_bench_web)"
# Its own build folder, so that a debug build in .build can go on meanwhile.
swift build -c release --product backoffice --scratch-path .build-release >&2
bin=.build-release/release/backoffice
$bin db migrate >&2
$bin seed demo >/dev/null
password=${DEMO_PASSWORD:-Omaolo-demo-2026}
agent=teemu.tukipalvelu@pohde.example
port=${BENCH_PORT:-18080}
log=$(mktemp)
$bin serve --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done

python3 Benchmarks/web_pages.py "http://127.0.0.1:$port" "$agent" "$password" OULU-TK-1 "demo data"

# 100 000 more tickets in OULU-TK, as the owner inside the organisation's tenant scope.
psql -q -v ON_ERROR_STOP=1 "$DATABASE_URL" <<'SQL'
BEGIN;
SELECT set_config('app.org_id', id::text, true) FROM organisations WHERE code = 'OULU-TK';
INSERT INTO tickets (org_id, number, subject, description, category, channel, priority, reporter_kind, status,
                     created_at, updated_at, first_response_due_at, resolution_due_at)
SELECT o.id, c.last_number + n, 'Kuormitustesti ' || n, 'Kirjautuminen ei onnistu (rivi ' || n || ')',
       (ARRAY['login_and_access','technical_fault','other','training_request'])[1 + n % 4],
       (ARRAY['phone','email','web'])[1 + n % 3], (ARRAY['critical','high','normal','low'])[1 + n % 4],
       'resident', (ARRAY['new','open','waiting','resolved','closed'])[1 + n % 5],
       now() - n * interval '1 minute', now() - n * interval '1 minute',
       now() + (n % 500 - 250) * interval '1 hour', now() + (n % 900 - 300) * interval '1 hour'
FROM organisations o JOIN ticket_counters c ON c.org_id = o.id, generate_series(1, 100000) n
WHERE o.code = 'OULU-TK';
UPDATE ticket_counters SET last_number = last_number + 100000 WHERE org_id = current_setting('app.org_id')::uuid;
COMMIT;
ANALYZE tickets;
SQL
python3 Benchmarks/web_pages.py "http://127.0.0.1:$port" "$agent" "$password" OULU-TK-1 "demo data + 100 000 tickets in OULU-TK"
