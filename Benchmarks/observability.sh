#!/usr/bin/env bash
# What metrics and logging cost: ticket-create (POST) and GET-ticket throughput of a release
# build, two servers side by side on one database, one with both on (/metrics recorded,
# LOG_FORMAT=json at info: a line per request, to a file) and one with both off
# (--no-metrics, LOG_LEVEL=warning), measured in turn with wrk for BENCH_ROUNDS rounds of
# BENCH_SECONDS each, alternating which goes first, so neither gets the warmer machine. Run from the repository root with the
# private PostgreSQL started (`make db-start`):
#
#   Benchmarks/observability.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
rounds=${BENCH_ROUNDS:-4}
seconds=${BENCH_SECONDS:-8}
connections=${BENCH_CONNECTIONS:-8}
export DATABASE_URL="$(scripts/pg.sh fresh-db backoffice_bench_obs)"
swift build -c release --product backoffice >&2
bin=.build/release/backoffice
$bin db migrate >&2
$bin seed demo >/dev/null
token=$($bin token create --person teemu.tukipalvelu@pohde.example --name observability --format json |
	python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["token"])')
work=$(mktemp -d)
trap 'kill $on $off 2>/dev/null; wait $on $off 2>/dev/null; rm -rf "$work"' EXIT
on_port=${BENCH_PORT:-18090}
off_port=$((on_port + 1))
LOG_FORMAT=json LOG_LEVEL=info $bin serve --port "$on_port" 2>"$work/on.log" &
on=$!
LOG_LEVEL=warning $bin serve --port "$off_port" --no-metrics 2>"$work/off.log" &
off=$!
for port in "$on_port" "$off_port"; do
	for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
done

cat >"$work/create.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"subject": "Kirjautuminen ei onnistu", "description": "Kuormitustesti.", "category": "login_and_access", "channel": "phone", "priority": "low", "reporter_email": "professional.oulu-tk@pohde.example"}'
LUA
cat >"$work/show.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA

rate() { # URL SCRIPT -> requests per second (non-2xx answers make the run fail)
	local out
	out=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$2" "$1")
	if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers from $1:" >&2; echo "$out" >&2; exit 1; fi
	awk '/^Requests\/sec:/ { print $2 }' <<<"$out"
}

declare -A total=()
for round in $(seq "$rounds"); do
	for what in create show; do
		path=/api/v1/orgs/OULU-TK/tickets
		[[ $what == show ]] && path=/api/v1/orgs/OULU-TK/tickets/OULU-TK-1
		sides="on off"
		((round % 2)) || sides="off on" # alternate which goes first
		for side in $sides; do
			port=$on_port
			[[ $side == off ]] && port=$off_port
			r=$(rate "http://127.0.0.1:$port$path" "$work/$what.lua")
			printf 'round %d  %-6s %-3s %8.0f req/s\n' "$round" "$what" "$side" "$r"
			total[$what.$side]=$(awk -v a="${total[$what.$side]:-0}" -v b="$r" 'BEGIN { print a + b }')
		done
	done
done
lines=$(grep -c '"message":"request"' "$work/on.log" || true)
echo "release build, $connections connections, $rounds x $seconds s each; the 'on' server wrote $lines request lines"
for what in create show; do
	awk -v w="$what" -v on="${total[$what.on]}" -v off="${total[$what.off]}" -v n="$rounds" 'BEGIN {
		printf "  %-6s on %8.0f req/s   off %8.0f req/s   overhead %5.1f %%\n", w, on / n, off / n, (1 - on / off) * 100
	}'
done
