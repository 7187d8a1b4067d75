#!/usr/bin/env bash
# Training readiness of every deployment of the county at its full size: 1 400 organisations,
# 18 000 professionals (and an Omaolo contact each organisation), five live deployments per
# organisation, with completions of the required courses for most people. Times, on a release
# build: `backoffice deployment at-risk` (readiness of every live deployment, county scope, and
# the list), the readiness view over every deployment in psql (one statement), and one
# organisation's `deployment list` (one statement in the tenant scope).
# Run it against a throwaway database, migrated and seeded with `seed demo` (it needs the demo
# county admin, courses and training rules); it adds organisations READY-0001…READY-1400.
#
#   swift build -c release --product backoffice
#   DATABASE_URL=$(scripts/pg.sh fresh-db readiness_bench) .build/release/backoffice db migrate
#   DATABASE_URL=… .build/release/backoffice seed demo
#   DATABASE_URL=… Benchmarks/deployment-readiness.sh [path/to/backoffice]
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to a throwaway database}"
backoffice=${1:-.build/release/backoffice}
actor=tuula.tuotevastaava@pohde.example
# Tenant rows go in as the server's login does: backoffice_app, in SET LOCAL ROLE backoffice_county.
app_url=${APP_DATABASE_URL:-$(sed -E 's#^(postgres(ql)?://)[^@/]*@#\1backoffice_app@#' <<<"$DATABASE_URL")}

if [[ $(psql "$DATABASE_URL" -Atc "SELECT count(*) FROM organisations WHERE code LIKE 'READY-%'") -eq 0 ]]; then
	echo "loading 1 400 organisations, 19 400 people, 7 000 deployments and their training…" >&2
	psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 <<-'SQL'
		INSERT INTO organisations (code, name, region_id, kind, population_served)
		SELECT 'READY-' || lpad(i::text, 4, '0'), 'Valmius ' || i, (SELECT id FROM regions ORDER BY code LIMIT 1), 'health_centre', 300
		FROM generate_series(1, 1400) i;
		INSERT INTO people (email, full_name)
		SELECT 'ready-' || i || '@bench.example', 'Ammattilainen ' || i FROM generate_series(1, 19400) i;
	SQL
	psql "$app_url" -q -v ON_ERROR_STOP=1 <<-'SQL'
		BEGIN;
		SET LOCAL ROLE backoffice_county;
		-- Person i works in organisation (i % 1400) + 1; the first 1 400 are the Omaolo contacts.
		CREATE TEMPORARY TABLE staff ON COMMIT DROP AS
		SELECT p.id AS person_id, o.id AS org_id, n.i, CASE WHEN n.i <= 1400 THEN 'omaolo_contact' ELSE 'professional' END AS role
		FROM generate_series(1, 19400) n(i)
		JOIN people p ON p.email = 'ready-' || n.i || '@bench.example'
		JOIN organisations o ON o.code = 'READY-' || lpad((n.i % 1400 + 1)::text, 4, '0');
		INSERT INTO org_members (org_id, person_id) SELECT org_id, person_id FROM staff;
		INSERT INTO org_role_grants (org_id, person_id, role, reason) SELECT org_id, person_id, role, 'benchmark' FROM staff;
		INSERT INTO deployments (org_id, service_id, status, live_since, owner_person_id)
		SELECT o.id, s.id, 'live', date '2024-01-01', (SELECT person_id FROM staff WHERE staff.org_id = o.id AND role = 'omaolo_contact')
		FROM organisations o
		JOIN omaolo_services s ON s.code IN ('symptom_back_pain', 'symptom_cough', 'symptom_respiratory_infection', 'health_check', 'own_plan')
		WHERE o.code LIKE 'READY-%';
		-- 95 % hold each required course; one in 40 of those completions has expired.
		INSERT INTO training_tasks (org_id, person_id, course_id, due_date, status, completed_on, evidence_kind, evidence_ref, expires_on)
		SELECT st.org_id, st.person_id, c.id, date '2024-02-01', 'completed', date '2024-01-15', 'e_learning', 'benchmark',
		       CASE WHEN (st.i + length(c.code)) % 40 = 0 THEN date '2024-06-01' END
		FROM staff st
		JOIN training_courses c ON c.code IN ('omaolo_perehdytys', 'oirearvioiden_kasittely')
		WHERE (st.i * 7 + length(c.code)) % 20 <> 0;
		COMMIT;
	SQL
	psql "$DATABASE_URL" -q -c "ANALYZE" 2>/dev/null
fi

seconds() { local start=$EPOCHREALTIME; "$@" >/dev/null; awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'; }
every_deployment() {
	psql "$app_url" -q -v ON_ERROR_STOP=1 -Atc "BEGIN; SET LOCAL ROLE backoffice_county;
		SELECT count(DISTINCT deployment_id), sum(fully_trained) FROM deployment_readiness; COMMIT;"
}
psql "$app_url" -Atc "BEGIN; SET LOCAL ROLE backoffice_county;
	SELECT count(DISTINCT deployment_id) || ' deployments, ' || sum(people) FILTER (WHERE course_id IS NOT NULL) || ' person-course pairs'
	FROM deployment_readiness; COMMIT;" | grep deployments >&2
echo "at risk: $("$backoffice" deployment at-risk --as "$actor" --format csv | tail -n +2 | wc -l) live deployments" >&2
for round in 1 2 3; do
	printf 'round %d  backoffice deployment at-risk (county)   %6s s\n' "$round" "$(seconds "$backoffice" deployment at-risk --as "$actor" --format csv)"
	printf 'round %d  psql: readiness of every deployment      %6s s\n' "$round" "$(seconds every_deployment)"
	printf 'round %d  backoffice deployment list --org READY-0700 %3s s\n' "$round" \
		"$(seconds "$backoffice" deployment list --org READY-0700 --as "$actor" --format csv)"
done
