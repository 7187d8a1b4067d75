"""The measurements of `make bench-http` (Benchmarks/http.sh starts the server and loads the
data): wrk against the server, pgbench against the database, p50/p99 in ms and ratios.

    bench_http.py requests BASE TOKEN OWNER_URL APP_URL SECONDS SERVER_PID
        HTTP ticket create vs pgbench (20 organisations, one), GET one ticket vs /health/live,
        and the machine's CPU per create each way (the server's own share apart)
    bench_http.py pages BASE TOKEN AGENT_EMAIL SECONDS TICKETS > result.json
        each queue and search page of the API and the desk's web queue
    bench_http.py compare RESULT_SMALL.json RESULT_LARGE.json
        the pages side by side, with the large table's p50 and p99 over the small one's
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from web_pages import Session  # noqa: E402  (the desk's login, shared with web-pages.sh)

CONNECTIONS = 16
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
# make bench's create transaction (TicketCreateTransaction.swift) with the organisation drawn
# from the first :slots of bench_orgs
PGBENCH_CREATE = r"""\set slot random(0, {last})
BEGIN;
SELECT set_config('app.org_id', (SELECT organisation::text FROM bench_orgs WHERE slot = :slot), true);
WITH next AS (UPDATE ticket_counters SET last_number = last_number + 1 WHERE org_id = current_setting('app.org_id')::uuid RETURNING org_id, last_number) INSERT INTO tickets (org_id, number, subject, description, category, channel, priority, reporter_kind, first_response_due_at, resolution_due_at) SELECT org_id, last_number, 'Kirjautuminen ei onnistu', 'Ammattilainen ei pääse kirjautumaan Omaoloon.', 'login_and_access', 'phone', 'normal', 'resident', now() + interval '8 hours', now() + interval '40 hours' FROM next RETURNING id \gset
INSERT INTO ticket_events (org_id, ticket_id, kind, changes, interface) VALUES (current_setting('app.org_id')::uuid, :id, 'created', '{{}}', 'system');
COMMIT;
"""
CREATE_BODY = json.dumps({
    "subject": "Kirjautuminen ei onnistu", "description": "Ammattilainen ei pääse kirjautumaan Omaoloon.",
    "category": "login_and_access", "channel": "phone", "priority": "normal",
    "resident": {"name": "Aino Asukas", "phone": "+358 40 123 4567"}}, ensure_ascii=False)


def wrk(url, seconds, connections, headers=(), lua=None):
    """(p50 ms, p99 ms, requests/s) of wrk against url; non-2xx answers and script errors fail
    the run."""
    command = ["wrk", "--latency", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
    for header in headers:
        command += ["-H", header]
    if lua:
        command += ["-s", lua]
    run = subprocess.run(command + [url], check=True, capture_output=True, text=True)
    output = run.stdout
    if "Non-2xx" in output or run.stderr.strip():
        raise SystemExit(f"wrk {url}: answers other than 2xx, or a script error\n{output}{run.stderr}")
    latency = {m.group(1): float(m.group(2)) * UNITS[m.group(3)]
               for m in re.finditer(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)}
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return latency["50"], latency["99"], rate


def pgbench(app_url, slots, seconds):
    """(p50 ms, p99 ms, transactions/s) of the create transaction through pgbench."""
    with tempfile.TemporaryDirectory() as folder:
        script = os.path.join(folder, "create.sql")
        with open(script, "w") as handle:
            handle.write(PGBENCH_CREATE.format(last=slots - 1))
        output = subprocess.run(
            ["pgbench", "-n", "-M", "prepared", f"-c{CONNECTIONS}", "-j2", f"-T{seconds}", "-l",
             "--log-prefix", os.path.join(folder, "log"), "-f", script, app_url],
            check=True, capture_output=True, text=True, cwd=folder).stdout
        latencies = []
        for name in os.listdir(folder):
            if name.startswith("log"):
                with open(os.path.join(folder, name)) as handle:
                    latencies += [int(line.split()[2]) / 1000 for line in handle]
    rate = float(re.search(r"^tps = ([\d.]+)", output, re.M).group(1))
    return percentile(latencies, 0.5), percentile(latencies, 0.99), rate


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def create_lua(codes, token):
    """A wrk script that POSTs a ticket to each of `codes` in turn."""
    handle = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    handle.write("local codes = {%s}\nlocal n = 0\n" % ", ".join(json.dumps(c) for c in codes))
    # UTF-8 as it is: the LuaJIT of wrk knows no \u escapes
    handle.write("wrk.method = 'POST'\nwrk.body = %s\n" % json.dumps(CREATE_BODY, ensure_ascii=False))
    handle.write("wrk.headers['Content-Type'] = 'application/json'\n")
    handle.write("wrk.headers['Authorization'] = 'Bearer %s'\n" % token)
    handle.write("request = function()\n  n = n + 1\n"
                 "  return wrk.format(nil, '/api/v1/orgs/' .. codes[n % #codes + 1] .. '/tickets')\nend\n")
    handle.close()
    return handle.name


def machine_ticks():
    """CPU time (clock ticks) every core of the machine has spent busy so far."""
    with open("/proc/stat") as handle:
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, handle.readline().split()[1:9])
    return user + nice + system + irq + softirq + steal


def process_ticks(pid):
    """CPU time (clock ticks) the process `pid` has spent so far."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def with_cpu(run, seconds, pid=None):
    """run()'s (p50, p99, rate), the machine's busy CPU in ms per request or transaction (every
    process: the server, PostgreSQL, the load generator and whatever else the machine runs),
    and the process pid's own CPU per request."""
    tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
    machine, process = machine_ticks(), process_ticks(pid) if pid else 0
    figures = run()
    count = figures[2] * seconds
    machine_ms = (machine_ticks() - machine) * tick_ms / count
    return figures, machine_ms, (process_ticks(pid) - process) * tick_ms / count if pid else None


def line(name, figures, against, rate_name="req/s"):
    p50, p99, rate = figures
    b50, b99, brate = against
    print(f"  {name:<44} p50 {p50:7.2f}  p99 {p99:7.2f}  {rate:8.0f} {rate_name}"
          f"   ratio {rate / brate:5.2f}x (p50 {b50:6.2f}, p99 {b99:6.2f}, {brate:7.0f}/s)")


def requests(base, token, owner_url, app_url, seconds, server_pid):
    seconds, server_pid = int(seconds), int(server_pid)
    codes = subprocess.run(
        ["psql", "-XAtq", owner_url, "-c",
         "CREATE TABLE IF NOT EXISTS bench_orgs (slot int PRIMARY KEY, organisation uuid NOT NULL);"
         "GRANT SELECT ON bench_orgs TO backoffice_app, backoffice_county;"
         "INSERT INTO bench_orgs SELECT row_number() OVER (ORDER BY code) - 1, id FROM organisations"
         " WHERE kind <> 'county' ORDER BY code LIMIT 20 ON CONFLICT (slot) DO NOTHING;"
         "SELECT o.code FROM bench_orgs b JOIN organisations o ON o.id = b.organisation ORDER BY b.slot"],
        check=True, capture_output=True, text=True).stdout.split()
    print(f"HTTP against the database and the server's floor, {CONNECTIONS} connections, {seconds} s each:")
    for label, chosen in (("20 organisations", codes[:20]), ("one organisation", codes[:1])):
        lua = create_lua(chosen, token)
        http, http_cpu, server_cpu = with_cpu(lambda: wrk(f"{base}/", seconds, CONNECTIONS, lua=lua), seconds, server_pid)
        os.unlink(lua)
        direct, direct_cpu, _ = with_cpu(lambda: pgbench(app_url, len(chosen), seconds), seconds)
        line(f"ticket create, {label}: HTTP vs pgbench", http, direct)
        print(f"    machine CPU per create: HTTP {http_cpu:.2f} ms (the server's own {server_cpu:.2f} ms),"
              f" pgbench {direct_cpu:.2f} ms")
    auth = [f"Authorization: Bearer {token}"]
    ticket = wrk(f"{base}/api/v1/orgs/OULU-TK/tickets/OULU-TK-1", seconds, CONNECTIONS, auth)
    line("GET one ticket vs GET /health/live", ticket, wrk(f"{base}/health/live", seconds, CONNECTIONS))


def get_json(url, token):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def pages(base, token, agent, seconds, tickets):
    api = f"{base}/api/v1"
    queues = {
        "county queue, new+open by due": "/tickets?status=new,open",
        "county queue, unresolved by due": "/tickets?status=new,open,waiting",
        "county queue, every status by due": "/tickets",
        "county queue, newest first": "/tickets?sort=newest",
        "county queue, mine": "/tickets?status=new,open,waiting&assignee=me",
        "county queue, breaching within 4 h": "/tickets?breaching_within_hours=4",
        "county search q=kirjautuminen": "/tickets?q=kirjautuminen",
        "county search, unresolved": "/tickets?q=kirjautuminen&status=new,open,waiting",
        "county search, a rare word": "/tickets?q=nimenmuutos",
        "org queue by due": "/orgs/LOAD-01/tickets",
        "org queue, new+open by due": "/orgs/LOAD-01/tickets?status=new,open",
        "org search q=kirjautuminen": "/orgs/LOAD-01/tickets?q=kirjautuminen",
    }
    for name, path in list(queues.items()):
        if name in ("county queue, new+open by due", "org queue by due", "county search q=kirjautuminen"):
            cursor = get_json(api + path, token)["next_cursor"]
            queues[name.replace("queue", "queue page 2").replace("search", "search page 2")] = \
                f"{path}{'&' if '?' in path else '?'}cursor={cursor}"
    auth = [f"Authorization: Bearer {token}"]
    results = {name: wrk(api + path, seconds, 2, auth) for name, path in queues.items()}
    session = Session(base)
    session.log_in(agent, os.environ.get("DEMO_PASSWORD", "Omaolo-demo-2026"))
    cookie = "Cookie: " + "; ".join(f"{k}={v}" for k, v in session.cookies.items())
    results["web queue page (with the named queues' counts)"] = wrk(f"{base}/tickets", seconds, 2, [cookie])
    results["/health/live"] = wrk(f"{base}/health/live", seconds, 2)
    json.dump({"tickets": int(tickets), "pages": results}, sys.stdout)


def compare(small_file, large_file):
    small, large = (json.load(open(name)) for name in (small_file, large_file))
    print(f"Queue and search pages (2 connections), ms: {small['tickets']:,} tickets vs {large['tickets']:,}")
    print(f"  {'page':<50} {'small p50':>9} {'p99':>7}  {'large p50':>9} {'p99':>7}   ratio p50   p99")
    for name, (s50, s99, _) in small["pages"].items():
        l50, l99, _ = large["pages"][name]
        print(f"  {name:<50} {s50:9.2f} {s99:7.2f}  {l50:9.2f} {l99:7.2f}   {l50 / s50:8.2f}x {l99 / s99:5.2f}x")


if __name__ == "__main__":
    {"requests": requests, "pages": pages, "compare": compare}[sys.argv[1]](*sys.argv[2:])
