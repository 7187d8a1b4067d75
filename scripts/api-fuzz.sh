#!/usr/bin/env bash
# schemathesis over /openapi.json: every operation of the JSON API (except revoking the
# caller's own token, which would end the run's authentication), with a county admin's and
# an organisation admin's token, positive and negative data, and the checks for server
# errors, status codes, content types and response schemas. Any finding fails the run.
#
#   DATABASE_URL=... scripts/api-fuzz.sh [schemathesis run arguments]
#
# schemathesis (pinned) is installed from PyPI into a virtual environment under .build/ when
# missing. The server is `backoffice serve` on a free loopback port over the test database,
# with the demo data seeded. API_FUZZ_EXAMPLES bounds the examples per operation.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'api-fuzz: %s\n' "$*" >&2; }
: "${DATABASE_URL:?DATABASE_URL must name the migrated test database}"

VENV=.build/schemathesis-venv
BACKOFFICE=${BACKOFFICE_BIN:-.build/debug/backoffice}
# Pinned, so that a run is the same run on every machine.
SCHEMATHESIS=schemathesis==4.32.5
EXAMPLES=${API_FUZZ_EXAMPLES:-25}
COUNTY_ADMIN=tuula.tuotevastaava@pohde.example
ORG_ADMIN=org-admin.oulu-tk@pohde.example
REPORTS=.build/api-fuzz
SERVER_LOG=$REPORTS/server.log

if [[ ! -x $VENV/bin/schemathesis ]] || [[ $("$VENV/bin/schemathesis" --version 2>/dev/null) != *"${SCHEMATHESIS#*==}" ]]; then
	say "making the Python environment $VENV"
	python3 -m venv "$VENV"
	"$VENV/bin/pip" install -q --disable-pip-version-check "$SCHEMATHESIS"
fi

say "seeding the demo data into the test database"
"$BACKOFFICE" seed demo >/dev/null

token() { # the secret of a new token of person $1
	"$BACKOFFICE" token create --person "$1" --name "schemathesis" --format csv | tail -n 1 | awk -F, '{print $NF}'
}
county_token=$(token "$COUNTY_ADMIN")
org_token=$(token "$ORG_ADMIN")

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$REPORTS"
# One secret for the run, so that every cursor the server hands out stays good.
CURSOR_SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))') \
	"$BACKOFFICE" serve --host 127.0.0.1 --port "$port" >"$SERVER_LOG" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 300); do # polling a condition with a deadline (60 s), not synchronisation by sleeping
	if curl -fsS "$base/health/ready" >/dev/null 2>&1; then break; fi
	kill -0 "$server" 2>/dev/null || { say "the server exited; see $SERVER_LOG"; exit 1; }
	sleep 0.2
done
curl -fsS "$base/health/ready" >/dev/null || { say "the server was not ready within 60 s; see $SERVER_LOG"; exit 1; }

failed=0
# The county admin second: its changes (revoked grants, renamed organisations) would leave
# the org admin little to test.
for who in org county; do
	if [[ $who == county ]]; then secret=$county_token; else secret=$org_token; fi
	say "schemathesis as the $who admin, at most $EXAMPLES examples per operation"
	"$VENV/bin/schemathesis" --no-color --config-file Tests/api/schemathesis.toml run "$base/openapi.json" \
		--header "Authorization: Bearer $secret" \
		--checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection,positive_data_acceptance \
		--mode all --phases examples,coverage,fuzzing --max-examples "$EXAMPLES" --seed 12 \
		--exclude-operation-id revokeToken --workers 1 --request-timeout 30 --generation-database none \
		--report junit --report-junit-path "$REPORTS/$who.xml" \
		--suppress-health-check all "$@" || failed=1
done
exit $failed
