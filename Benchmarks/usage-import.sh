#!/usr/bin/env bash
# The usage import of a 1 000 000-row file: `backoffice usage import` against psql's \copy of
# the same file into a similar staging table, alone and followed by the same replace SQL.
# Run it against a throwaway database, migrated and seeded with `seed demo`: it adds 1 400
# organisations BENCH-0001…BENCH-1400 (30 services × 24 months each make the unique keys).
#
#   DATABASE_URL=$(scripts/pg.sh fresh-db usage_bench) .build/debug/backoffice db migrate
#   DATABASE_URL=… .build/debug/backoffice seed demo
#   DATABASE_URL=… Benchmarks/usage-import.sh [path/to/backoffice]
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to a throwaway database}"
backoffice=${1:-.build/debug/backoffice}
actor=tuula.tuotevastaava@pohde.example
file=${USAGE_FILE:-/tmp/usage-1m.csv}
# psql loads as the server's login does: backoffice_app, in SET LOCAL ROLE backoffice_county.
app_url=${APP_DATABASE_URL:-$(sed -E 's#^(postgres(ql)?://)[^@/]*@#\1backoffice_app@#' <<<"$DATABASE_URL")}

psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -c "
    INSERT INTO organisations (code, name, region_id, kind)
    SELECT 'BENCH-' || lpad(i::text, 4, '0'), 'Benchmark ' || i, (SELECT id FROM regions ORDER BY code LIMIT 1), 'health_centre'
    FROM generate_series(1, 1400) i
    ON CONFLICT DO NOTHING"
if [[ ! -s $file ]]; then
	psql "$DATABASE_URL" -Atc "SELECT code FROM omaolo_services ORDER BY code" | awk '
		{ services[n++] = $0 }
		END {
			print "organisation,service,month,started,completed,forwarded"
			srand(5); rows = 0
			for (o = 1; o <= 1400; o++) for (s = 0; s < n; s++) for (m = 0; m < 24; m++) {
				if (rows++ == 1000000) exit
				started = int(rand() * 500); completed = int(rand() * (started + 1))
				printf "BENCH-%04d,%s,%d-%02d,%d,%d,%d\n", o, services[s], 2023 + int(m / 12), m % 12 + 1,
					started, completed, int(rand() * (completed + 1))
			}
		}' >"$file"
fi
echo "file: $file, $(($(wc -l <"$file") - 1)) rows, $(du -h "$file" | cut -f1)" >&2

seconds() { local start=$EPOCHREALTIME; "$@" >/dev/null; awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }

staging="CREATE TEMPORARY TABLE usage_staging (organisation text, service text, month text,
    started integer, completed integer, forwarded integer) ON COMMIT DROP;"
replace="DELETE FROM usage_monthly u USING (SELECT DISTINCT o.id, (s.month || '-01')::date AS month
        FROM usage_staging s JOIN organisations o ON o.code = s.organisation) covered
    WHERE u.org_id = covered.id AND u.month = covered.month;
    INSERT INTO usage_imports (id, imported_by, file_name, file_sha256, row_count)
    SELECT '00000000-0000-0000-0000-000000000001', id, 'psql', repeat('0', 64), 0 FROM people WHERE email = '$actor'
    ON CONFLICT (id) DO NOTHING;
    INSERT INTO usage_monthly (org_id, service_id, month, started, completed, forwarded, import_id)
    SELECT o.id, v.id, (s.month || '-01')::date, s.started, s.completed, s.forwarded, '00000000-0000-0000-0000-000000000001'
    FROM usage_staging s JOIN organisations o ON o.code = s.organisation JOIN omaolo_services v ON v.code = s.service;"
copy_only() {
	psql "$app_url" -q -v ON_ERROR_STOP=1 <<-SQL
		BEGIN; SET LOCAL ROLE backoffice_county; $staging
		\copy usage_staging FROM '$file' WITH (FORMAT csv, HEADER true)
		COMMIT;
	SQL
}
copy_and_replace() {
	psql "$app_url" -q -v ON_ERROR_STOP=1 <<-SQL
		BEGIN; SET LOCAL ROLE backoffice_county; $staging
		\copy usage_staging FROM '$file' WITH (FORMAT csv, HEADER true)
		$replace
		COMMIT;
	SQL
}
for round in 1 2; do
	printf 'round %d  backoffice usage import        %6s s\n' "$round" "$(seconds "$backoffice" usage import "$file" --as "$actor")"
	printf 'round %d  psql \\copy into staging        %6s s\n' "$round" "$(seconds copy_only)"
	printf 'round %d  psql \\copy + replace (same SQL) %6s s\n' "$round" "$(seconds copy_and_replace)"
done
