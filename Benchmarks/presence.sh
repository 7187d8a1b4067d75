#!/usr/bin/env bash
# What "who else is here" costs the server per open ticket page, on a release build: the
# presence report a ticket page's script posts every 5 s (POST /tickets/{REF}/presence, a
# session, a form token and the ticket checked against the agent's work), hammered with wrk
# beside GET /health/live, with the CPU time the server process and PostgreSQL spent on each.
# Run from the repository root with the private PostgreSQL started (`make db-start`):
#
#   Benchmarks/presence.sh            # BENCH_SECONDS (10) per run, BENCH_ROUNDS (2) rounds
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="$(scripts/pg.sh fresh-db backoffice_bench_presence)"
swift build -c release --product backoffice >&2
bin=.build/release/backoffice
$bin db migrate >&2
$bin seed demo >/dev/null
seconds=${BENCH_SECONDS:-10}
rounds=${BENCH_ROUNDS:-2}
port=${BENCH_PORT:-18081}
url="http://127.0.0.1:$port"
log=$(mktemp)
script=$(mktemp --suffix=.lua)
$bin serve --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log" "$script"' EXIT
for _ in $(seq 100); do curl -sf "$url/health/ready" >/dev/null && break; sleep 0.2; done

# A signed-in support agent with OULU-TK-1 open: the session cookie and the page's form token.
read -r token cookie < <(python3 - "$url" <<'PY'
import re, sys
sys.path.insert(0, "Benchmarks")
from web_pages import Session
session = Session(sys.argv[1])
session.log_in("teemu.tukipalvelu@pohde.example", "Omaolo-demo-2026")
_, page = session.request("GET", "/tickets/OULU-TK-1")
token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
print(token, "; ".join(f"{k}={v}" for k, v in session.cookies.items()))
PY
)
cat >"$script" <<LUA
wrk.method = "POST"
wrk.body = "csrf_token=$token&writing=0"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$cookie"
LUA
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Cookie: $cookie" --data "csrf_token=$token&writing=0" "$url/tickets/OULU-TK-1/presence")
[[ $status == 200 ]] || { echo "presence answered $status" >&2; exit 1; }

postmaster=$(head -1 "${PG_ROOT:-.pg}/data/postmaster.pid")
ticks() {  # CPU ticks (user + system) of a process and its children that ended, and of PostgreSQL's backends
	local pid=$1
	awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat"
}
postgres_ticks() {
	local total=0
	for pid in $(pgrep -P "$postmaster"); do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
	echo "$total"
}
hz=$(getconf CLK_TCK)
run() {  # name, then wrk's target arguments
	local name=$1; shift
	local s0 p0 s1 p1 out requests rate
	s0=$(ticks $server); p0=$(postgres_ticks)
	out=$(wrk -t2 -c8 -d"${seconds}s" "$@")
	s1=$(ticks $server); p1=$(postgres_ticks)
	requests=$(awk '/requests in/ {print $1}' <<<"$out")
	rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
	awk -v n="$name" -v r="$rate" -v q="$requests" -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v hz="$hz" 'BEGIN {
		printf "  %-22s %9.0f req/s   server CPU %6.1f µs/request   PostgreSQL CPU %6.1f µs/request\n",
			n, r, 1e6 * s / hz / q, 1e6 * p / hz / q }'
}
echo "presence vs /health/live, wrk -t2 -c8 -d${seconds}s, release build (the machine's other load included)"
for round in $(seq "$rounds"); do
	echo "round $round"
	run "GET /health/live" "$url/health/live"
	run "POST …/presence" -s "$script" "$url/tickets/OULU-TK-1/presence"
done
