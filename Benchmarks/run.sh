#!/usr/bin/env bash
# The ticket-create benchmark: the same transaction through the Postgres module and through
# `pgbench -M prepared`, 16 clients over 16 connections, alternating for BENCH_ROUNDS rounds
# of BENCH_SECONDS each so neither gets the warmer cache; prints both and their ratio.
# Called by `make bench`, which starts the database and sets DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")"
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install postgresql-contrib" >&2; exit 1; }
rounds=${BENCH_ROUNDS:-2}
seconds=${BENCH_SECONDS:-10}
export BENCH_SECONDS=$seconds
swift build -c release --product TicketCreateBenchmark >&2
bench=.build/release/TicketCreateBenchmark
conninfo=$($bench prepare)
script=$(mktemp --suffix=.sql)
trap 'rm -f "$script"' EXIT
$bench script >"$script"
swift_total=0
pgbench_total=0
for round in $(seq "$rounds"); do
	swift_rate=$($bench measure)
	printf 'round %d  Postgres module      %8.0f tx/s\n' "$round" "$swift_rate"
	pgbench_rate=$(pgbench -n -M prepared -c 16 -j 2 -T "$seconds" -f "$script" "$conninfo" 2>&1 |
		awk '/^tps = / { print $3 }')
	[[ -n $pgbench_rate ]] || { echo "pgbench failed" >&2; exit 1; }
	printf 'round %d  pgbench -M prepared  %8.0f tx/s\n' "$round" "$pgbench_rate"
	swift_total=$(awk -v a="$swift_total" -v b="$swift_rate" 'BEGIN { print a + b }')
	pgbench_total=$(awk -v a="$pgbench_total" -v b="$pgbench_rate" 'BEGIN { print a + b }')
done
awk -v s="$swift_total" -v p="$pgbench_total" -v n="$rounds" -v t="$seconds" 'BEGIN {
	printf "ticket-create (set tenant, insert ticket, insert event, commit), 16 clients, %d x %d s:\n", n, t
	printf "  Postgres module      %8.0f tx/s\n", s / n
	printf "  pgbench -M prepared  %8.0f tx/s\n", p / n
	printf "  ratio                %8.2f x\n", s / p
}'
