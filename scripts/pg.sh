#!/usr/bin/env bash
# A private PostgreSQL cluster for development and tests.
#
#   scripts/pg.sh start | stop | status | restart | url [DBNAME [ROLE]] | fresh-db NAME
#   scripts/pg.sh replica start | stop
#
# The cluster lives in $PG_ROOT, default <repo>/.pg. As root the server runs as the
# `postgres` OS user (initdb refuses root); if that user cannot enter <repo> (a clone under
# /root, say), the cluster goes to /tmp/omaolo-backoffice-<hash of the repo path> instead.
# It listens on a Unix socket in the cluster folder and on 127.0.0.1:$PG_PORT (default
# 54329) with trust authentication: it is a loopback-only cluster for development and tests.
#
# If DATABASE_URL is set, the user brought their own database: start/stop/restart do
# nothing, `url` prints $DATABASE_URL and `fresh-db` works through it.
#
# Messages go to stderr; only URLs go to stdout.
set -euo pipefail

readonly OWNER_ROLE=backoffice_owner
readonly DEFAULT_DB=backoffice
readonly SUPERUSER=postgres   # bootstrap superuser name of the private cluster (initdb -U)

# Reporting logins are roles of the whole cluster: they go with the database that made them,
# so a database is recreated only after its reporting logins are dropped.
REVOKE_REPORTING_LOGINS=$(
	cat <<'SQL'
SET client_min_messages = warning;
DO $$
BEGIN
    IF to_regprocedure('public.reporting_revoke_login(text)') IS NOT NULL THEN
        PERFORM public.reporting_revoke_login(login) FROM (SELECT DISTINCT login FROM reporting.login_scopes) logins;
    END IF;
END
$$;
SQL
)
readonly REVOKE_REPORTING_LOGINS

say() { printf 'pg.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
bad_arg() { say "error: $*"; say "run 'scripts/pg.sh help' for usage"; exit 64; }

usage() {
	cat >&2 <<'EOF'
usage: scripts/pg.sh COMMAND

  start              initialise (once) and start the private cluster; ensure the login
                     role backoffice_owner and the database backoffice exist
  stop               stop the cluster (fast shutdown); fine if it is not running
  status             print running/stopped; exit 0 if running, 3 if not
  restart            restart the cluster (fast shutdown; starts it if it is stopped)
  url [DB [ROLE]]    print a libpq URL (default database backoffice, role backoffice_owner)
  fresh-db NAME      drop (WITH (FORCE)) and recreate database NAME owned by
                     backoffice_owner; print its URL
  replica start      make a hot standby of the cluster (pg_basebackup, streaming
                     replication) in <cluster>/replica on port PG_REPLICA_PORT; print
                     the URL of its database backoffice
  replica stop       stop the standby and remove its copy of the data

environment:
  PG_ROOT            cluster folder (default <repo>/.pg, or /tmp/omaolo-backoffice-<hash>
                     when running as root and the postgres user cannot enter the repo)
  PG_PORT            TCP port on 127.0.0.1 and socket port (default 54329)
  PG_REPLICA_PORT    the standby's port (default PG_PORT + 1)
  DATABASE_URL       use this database instead; start/stop/restart then do nothing
EOF
	exit 64
}

SCRIPT_DIR=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd -P -- "$SCRIPT_DIR/.." && pwd)
PORT=${PG_PORT:-54329}
[[ $PORT =~ ^[0-9]+$ ]] && ((PORT > 0 && PORT < 65536)) || die "PG_PORT must be a port number, not '$PORT'"

IS_ROOT=0
[[ $(id -u) -eq 0 ]] && IS_ROOT=1

# --- URLs -------------------------------------------------------------------------------

urlencode() { # percent-encode (byte-wise) everything but unreserved characters and '/'
	local LC_ALL=C
	local s=$1 out='' c i
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		case $c in
		[A-Za-z0-9/._~-]) out+=$c ;;
		*) out+=$(printf '%%%02X' "'$c") ;;
		esac
	done
	printf '%s' "$out"
}

# Rewrite the database (and optionally the user) of $DATABASE_URL. Handles URLs
# (postgres[ql]://[user[:pw]@]host[:port][/db][?params]) and key=value strings
# (later keywords win in libpq).
external_url() {
	local db=${1-} role=${2-} u=$DATABASE_URL
	if [[ -z $db && -z $role ]]; then
		printf '%s\n' "$u"
		return
	fi
	local re='^(postgres(ql)?://)([^@/?]*@)?([^/?]*)(/[^?]*)?(\?.*)?$'
	if [[ $u =~ $re ]]; then
		local scheme=${BASH_REMATCH[1]} userinfo=${BASH_REMATCH[3]} hostport=${BASH_REMATCH[4]}
		local path=${BASH_REMATCH[5]} query=${BASH_REMATCH[6]}
		[[ -n $role ]] && userinfo="$role@"
		[[ -n $db ]] && path="/$(urlencode "$db")"
		printf '%s%s%s%s%s\n' "$scheme" "$userinfo" "$hostport" "$path" "$query"
	else
		local extra=''
		[[ -n $db ]] && extra+=" dbname=$db"
		[[ -n $role ]] && extra+=" user=$role"
		printf '%s%s\n' "$u" "$extra"
	fi
}

# --- DATABASE_URL mode --------------------------------------------------------------------

valid_ident() { [[ $1 =~ ^[a-z_][a-z0-9_]{0,62}$ ]]; }

if [[ -n ${DATABASE_URL:-} ]]; then
	cmd=${1:-}
	case $cmd in
	start | stop | restart)
		[[ $# -eq 1 ]] || usage
		say "DATABASE_URL is set: using that database, not starting/stopping a private cluster ($cmd does nothing)"
		exit 0
		;;
	status)
		[[ $# -eq 1 ]] || usage
		if psql "$DATABASE_URL" -XAtqc 'select 1' >/dev/null 2>&1; then
			echo running
			exit 0
		fi
		echo stopped
		exit 3
		;;
	url)
		[[ $# -le 3 ]] || usage
		[[ -z ${2:-} ]] || valid_ident "$2" || bad_arg "bad database name '$2'"
		[[ -z ${3:-} ]] || valid_ident "$3" || bad_arg "bad role name '$3'"
		external_url "${2:-}" "${3:-}"
		exit 0
		;;
	fresh-db)
		[[ $# -eq 2 ]] || usage
		valid_ident "$2" || bad_arg "bad database name '$2' (use [a-z_][a-z0-9_]*)"
		# Dropping the database we are connected to is impossible: connect to the
		# DATABASE_URL's own database, which must be a different one.
		current=$(psql "$DATABASE_URL" -XAtqc 'select current_database()') ||
			die "cannot connect to DATABASE_URL"
		[[ $current != "$2" ]] || die "cannot recreate $2: it is the database DATABASE_URL points at"
		if [[ $(psql "$DATABASE_URL" -XAtq -v db="$2" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db'") == 1 ]]; then
			psql "$(external_url "$2" "")" -X -q -v ON_ERROR_STOP=1 >/dev/null <<<"$REVOKE_REPORTING_LOGINS"
		fi
		psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 -v db="$2" >&2 <<'SQL'
SET client_min_messages = warning;
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
CREATE DATABASE :"db";
SQL
		say "recreated database $2 (owned by the DATABASE_URL login)"
		external_url "$2" ""
		exit 0
		;;
	*) usage ;;
	esac
fi

# --- the private cluster ------------------------------------------------------------------

# The binaries: the version of an existing cluster, else the newest installed.
find_bindir() {
	local want=${1:-} d best=''
	if [[ -n $want && -x /usr/lib/postgresql/$want/bin/pg_ctl ]]; then
		printf '%s' "/usr/lib/postgresql/$want/bin"
		return 0
	fi
	for d in $(printf '%s\n' /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
		[[ -x $d/pg_ctl && -x $d/initdb ]] && best=$d
	done
	if [[ -z $best ]] && command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
		best=$(dirname -- "$(command -v pg_ctl)")
	fi
	[[ -n $best ]] && printf '%s' "$best"
}

have_libpq_dev() { command -v pg_config >/dev/null && [[ -f /usr/include/postgresql/libpq-fe.h ]]; }

install_postgres() {
	local pkgs=("$@")
	say "installing ${pkgs[*]} with apt-get"
	local sudo=()
	if ((!IS_ROOT)); then
		command -v sudo >/dev/null || die "PostgreSQL is not installed and I am not root: install ${pkgs[*]}"
		sudo=(sudo)
	fi
	"${sudo[@]}" apt-get update >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${pkgs[@]}" >&2
}

# Everything the server does runs as this user. fd 9 (the lock) is closed so that the
# postmaster does not inherit it and hold the lock for its whole life.
as_server() {
	if ((IS_ROOT)); then
		# From / : postgres may not be allowed into the caller's working directory.
		(cd / && runuser -u postgres -- "$@" 9>&-)
	else
		"$@" 9>&-
	fi
}

# Where the cluster lives. Sets ROOT, PGDATA, SOCKDIR, LOGFILE.
locate_cluster() {
	local root
	if [[ -n ${PG_ROOT:-} ]]; then
		root=$PG_ROOT
		[[ $root == /* ]] || root="$PWD/$root"
	else
		root="$REPO/.pg"
		if ((IS_ROOT)); then
			# The postgres user must be able to traverse every folder down to the cluster.
			local probe=$root
			[[ -d $probe ]] || probe=$REPO
			if ! runuser -u postgres -- test -x "$probe" 2>/dev/null; then
				local hash
				hash=$(printf '%s' "$REPO" | sha256sum | cut -c1-10)
				root="/tmp/omaolo-backoffice-$hash"
			fi
		fi
	fi
	ROOT=$root
	PGDATA="$ROOT/data"
	LOGFILE="$ROOT/postgresql.log"
	# A Unix socket path is limited to 107 bytes; fall back to a short folder under /tmp.
	SOCKDIR=$ROOT
	if ((${#ROOT} + 16 > 100)); then
		SOCKDIR="/tmp/omaolo-backoffice-sock-$(printf '%s' "$ROOT" | sha256sum | cut -c1-10)"
	fi
}

# Create a folder owned by the server user (mode 0755: clients must reach the socket).
ensure_dir() {
	local d=$1
	if ((IS_ROOT)); then
		if [[ -d $d ]]; then
			local owner
			owner=$(stat -c %U -- "$d")
			if [[ $owner != postgres ]]; then
				# Only take over folders that we (root) own; never someone else's.
				[[ $owner == root ]] || die "$d belongs to $owner, not postgres; remove it or set PG_ROOT"
				chown postgres: -- "$d"
			fi
		else
			mkdir -p -- "$d"
			chown postgres: -- "$d"
		fi
		runuser -u postgres -- test -x "$d" -a -w "$d" ||
			die "the postgres user cannot use $d; set PG_ROOT to a folder it can reach"
	else
		mkdir -p -- "$d"
	fi
	chmod 0755 -- "$d"
}

setup() {
	# Install first (the postgres OS user comes with the package and decides where the
	# cluster can live), then pick the binaries matching an existing cluster's version.
	BINDIR=$(find_bindir) || true
	if [[ ${1:-} == install ]] && { [[ -z ${BINDIR:-} ]] || ! have_libpq_dev; }; then
		local pkgs=(libpq-dev)
		[[ -z ${BINDIR:-} ]] && pkgs=(postgresql libpq-dev)
		install_postgres "${pkgs[@]}"
		BINDIR=$(find_bindir) || true
	fi
	[[ -n ${BINDIR:-} ]] || die "PostgreSQL binaries (pg_ctl, initdb) not found; run 'scripts/pg.sh start' to install them"
	if ((IS_ROOT)) && ! id -u postgres >/dev/null 2>&1; then
		die "running as root needs the 'postgres' OS user (it comes with the postgresql package)"
	fi
	locate_cluster
	if [[ -f $PGDATA/PG_VERSION ]]; then
		BINDIR=$(find_bindir "$(<"$PGDATA/PG_VERSION")") || true
	fi
}

is_running() { as_server "$BINDIR/pg_ctl" status -D "$PGDATA" >/dev/null 2>&1; }

# psql as the cluster's superuser over the socket (trust: no need to switch OS user).
admin_psql() {
	"$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKDIR" -p "$PORT" -U "$SUPERUSER" "$@"
}

write_config() {
	# Rewritten on every start so PG_PORT and paths always match; included from postgresql.conf.
	local conf
	conf=$(
		cat <<EOF
# Written by scripts/pg.sh on every start; edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKDIR'
# Swift Testing runs every suite at once, each test with a small pool of its own: 200 was
# seen full (198 at the peak of the Swift tests).
max_connections = 400
log_destination = 'stderr'
logging_collector = off
log_line_prefix = '%m [%p] %q%u@%d '
log_timezone = 'UTC'
timezone = 'UTC'
EOF
	)
	printf '%s\n' "$conf" | as_server tee "$PGDATA/omaolo.conf" >/dev/null
	as_server tee "$PGDATA/pg_hba.conf" >/dev/null <<'EOF'
# Written by scripts/pg.sh: a private, loopback-only cluster for development and tests.
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  trust
host    all       all   ::1/128       trust
local   replication all               trust
host    replication all 127.0.0.1/32  trust
EOF
}

init_cluster() {
	ensure_dir "$ROOT"
	[[ $SOCKDIR == "$ROOT" ]] || ensure_dir "$SOCKDIR"
	if [[ -f $PGDATA/PG_VERSION ]]; then
		return 0
	fi
	say "initialising a cluster in $PGDATA"
	local locale=C
	grep -qiE '^c\.utf-?8$' <<<"$(locale -a 2>/dev/null)" && locale=C.UTF-8
	as_server "$BINDIR/initdb" -D "$PGDATA" -U "$SUPERUSER" --auth=trust \
		--encoding=UTF8 --locale="$locale" >/dev/null
	printf "\ninclude_if_exists = 'omaolo.conf'\n" | as_server tee -a "$PGDATA/postgresql.conf" >/dev/null
}

ensure_owner_and_db() {
	admin_psql -d postgres >/dev/null <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '$OWNER_ROLE') THEN
    CREATE ROLE $OWNER_ROLE LOGIN NOSUPERUSER CREATEROLE CREATEDB;
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DEFAULT_DB OWNER $OWNER_ROLE'
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_database WHERE datname = '$DEFAULT_DB') \gexec
SQL
}

running_port() { # the port of the running postmaster (line 4 of postmaster.pid)
	sed -n 4p "$PGDATA/postmaster.pid" 2>/dev/null || true
}

# Serialise start/stop/restart of one cluster (parallel test runs may all call start).
lock_cluster() {
	command -v flock >/dev/null || return 0
	local lock
	lock="${TMPDIR:-/tmp}/omaolo-backoffice-$(printf '%s' "$ROOT" | sha256sum | cut -c1-10).lock"
	exec 9>>"$lock"
	flock -w 120 9 || die "timed out waiting for $lock"
}

cmd_start() {
	setup install
	lock_cluster
	if [[ -f $PGDATA/PG_VERSION ]] && is_running; then
		local rport
		rport=$(running_port)
		[[ -z $rport || $rport == "$PORT" ]] ||
			die "the cluster in $PGDATA is running on port $rport, not $PORT; run 'scripts/pg.sh stop' first"
	else
		init_cluster
		write_config
		say "starting PostgreSQL ($PGDATA, port $PORT, log $LOGFILE)"
		if ! as_server "$BINDIR/pg_ctl" start -D "$PGDATA" -l "$LOGFILE" -w -t 60 -s >&2; then
			say "PostgreSQL did not start; the end of $LOGFILE:"
			tail -n 20 "$LOGFILE" >&2 || true
			exit 1
		fi
	fi
	"$BINDIR/pg_isready" -q -h "$SOCKDIR" -p "$PORT" -U "$SUPERUSER" -d postgres || die "PostgreSQL is not accepting connections"
	ensure_owner_and_db
	say "running: $(owner_url "$DEFAULT_DB" "$OWNER_ROLE")"
}

cmd_stop() {
	setup
	lock_cluster
	if [[ -f $PGDATA/PG_VERSION ]] && is_running; then
		as_server "$BINDIR/pg_ctl" stop -D "$PGDATA" -m fast -w -s >&2
		say "stopped"
	else
		say "not running"
	fi
}

cmd_status() {
	setup
	if [[ -f $PGDATA/PG_VERSION ]] && is_running; then
		say "$PGDATA, port $(running_port)"
		echo running
		exit 0
	fi
	echo stopped
	exit 3
}

cmd_restart() {
	setup
	lock_cluster
	if ! [[ -f $PGDATA/PG_VERSION ]] || ! is_running; then
		say "not running; starting"
		cmd_start
		return
	fi
	write_config
	as_server "$BINDIR/pg_ctl" restart -D "$PGDATA" -l "$LOGFILE" -m fast -w -t 60 -s >&2 || {
		say "PostgreSQL did not restart; the end of $LOGFILE:"
		tail -n 20 "$LOGFILE" >&2 || true
		exit 1
	}
	say "restarted"
}

owner_url() {
	local db=$1 role=$2
	printf 'postgresql://%s@localhost:%s/%s?host=%s\n' "$role" "$PORT" "$(urlencode "$db")" "$(urlencode "$SOCKDIR")"
}

cmd_url() {
	local db=${1:-$DEFAULT_DB} role=${2:-$OWNER_ROLE}
	valid_ident "$db" || bad_arg "bad database name '$db'"
	valid_ident "$role" || bad_arg "bad role name '$role'"
	locate_cluster
	owner_url "$db" "$role"
}

cmd_fresh_db() {
	local db=$1
	valid_ident "$db" || bad_arg "bad database name '$db' (use [a-z_][a-z0-9_]*)"
	[[ $db != postgres && $db != template0 && $db != template1 ]] || die "refusing to recreate $db"
	cmd_start
	if [[ $(admin_psql -d postgres -At -v db="$db" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db'") == 1 ]]; then
		admin_psql -d "$db" >/dev/null <<<"$REVOKE_REPORTING_LOGINS"
	fi
	admin_psql -d postgres -v db="$db" -v owner="$OWNER_ROLE" >/dev/null <<'SQL'
SET client_min_messages = warning;
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
CREATE DATABASE :"db" OWNER :"owner";
SQL
	say "recreated database $db"
	owner_url "$db" "$OWNER_ROLE"
}

# --- a streaming replica, for reporting -----------------------------------------------------

# Sets REPLICA_PORT and REPLICA_DATA (after setup).
locate_replica() {
	REPLICA_PORT=${PG_REPLICA_PORT:-$((PORT + 1))}
	[[ $REPLICA_PORT =~ ^[0-9]+$ ]] && ((REPLICA_PORT > 0 && REPLICA_PORT < 65536 && REPLICA_PORT != PORT)) ||
		die "PG_REPLICA_PORT must be a port number other than PG_PORT, not '$REPLICA_PORT'"
	REPLICA_DATA="$ROOT/replica"
}

replica_running() { [[ -f $REPLICA_DATA/PG_VERSION ]] && as_server "$BINDIR/pg_ctl" status -D "$REPLICA_DATA" >/dev/null 2>&1; }

cmd_replica_start() {
	cmd_start
	locate_replica
	lock_cluster
	if replica_running; then
		say "the standby is already running (port $REPLICA_PORT)"
	else
		if [[ -e $REPLICA_DATA ]]; then
			as_server rm -rf -- "$REPLICA_DATA"
		fi
		say "copying the cluster into $REPLICA_DATA (pg_basebackup, streaming)"
		# -R writes standby.signal and primary_conninfo; -X stream copies the WAL it needs.
		as_server "$BINDIR/pg_basebackup" -D "$REPLICA_DATA" -h "$SOCKDIR" -p "$PORT" -U "$SUPERUSER" -R -X stream -c fast
		# The copy's omaolo.conf is the primary's: the standby gets its own port.
		as_server sed -i "s/^port = .*/port = $REPLICA_PORT/" "$REPLICA_DATA/omaolo.conf"
		printf 'hot_standby = on\n' | as_server tee -a "$REPLICA_DATA/omaolo.conf" >/dev/null
		say "starting the standby (port $REPLICA_PORT, log $ROOT/replica.log)"
		if ! as_server "$BINDIR/pg_ctl" start -D "$REPLICA_DATA" -l "$ROOT/replica.log" -w -t 60 -s >&2; then
			say "the standby did not start; the end of $ROOT/replica.log:"
			tail -n 20 "$ROOT/replica.log" >&2 || true
			exit 1
		fi
	fi
	printf 'postgresql://%s@localhost:%s/%s?host=%s\n' "$OWNER_ROLE" "$REPLICA_PORT" "$DEFAULT_DB" "$(urlencode "$SOCKDIR")"
}

cmd_replica_stop() {
	setup
	locate_replica
	lock_cluster
	if replica_running; then
		as_server "$BINDIR/pg_ctl" stop -D "$REPLICA_DATA" -m fast -w -s >&2
		say "standby stopped"
	else
		say "no standby running"
	fi
	if [[ -e $REPLICA_DATA ]]; then
		as_server rm -rf -- "$REPLICA_DATA"
	fi
}

case ${1:-} in
start) [[ $# -eq 1 ]] || usage; cmd_start ;;
stop) [[ $# -eq 1 ]] || usage; cmd_stop ;;
status) [[ $# -eq 1 ]] || usage; cmd_status ;;
restart) [[ $# -eq 1 ]] || usage; cmd_restart ;;
url) [[ $# -le 3 ]] || usage; cmd_url "${2:-}" "${3:-}" ;;
fresh-db) [[ $# -eq 2 ]] || usage; cmd_fresh_db "$2" ;;
replica)
	[[ $# -eq 2 ]] || usage
	case $2 in
	start) cmd_replica_start ;;
	stop) cmd_replica_stop ;;
	*) usage ;;
	esac
	;;
-h | --help | help) usage ;;
*) usage ;;
esac
