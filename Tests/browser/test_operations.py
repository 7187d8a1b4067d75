"""What the people who run the back office read: the server's log (one JSON line per request,
the request's id on every line of it, never a resident's data), its metrics, and reports on a
streaming replica."""

import http.cookiejar
import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from conftest import AGENT, DEMO_PASSWORD, ROOT, SERVER_LOG, free_port

ORG = "OULU-TK"
COUNTY_ADMIN = "tuula.tuotevastaava@pohde.example"


def api_token(email=AGENT):
    """A fresh bearer token of `email`, made with the command line as an operator would."""
    binary = os.environ.get("BACKOFFICE_BIN", str(ROOT / ".build" / "debug" / "backoffice"))
    made = subprocess.run(
        [binary, "token", "create", "--person", email, "--name", f"ops-{uuid.uuid4().hex[:8]}", "--format", "json"],
        check=True, capture_output=True, text=True)
    return json.loads(made.stdout)[0]["token"]


def call(base_url, method, path, token=None, body=None, request_id=None):
    """(status, headers, parsed JSON body or None) of one request."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if request_id:
        headers["X-Request-Id"] = request_id
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base_url + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            status, answer_headers, raw = answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as refusal:
        status, answer_headers, raw = refusal.code, refusal.headers, refusal.read()
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = None
    return status, answer_headers, parsed


def unique_keys(pairs):
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys)), f"a log line names a key twice: {keys}"
    return dict(pairs)


def log_lines():
    """The server's log as it is now: every line that is JSON, parsed (each key once)."""
    lines = []
    for text in SERVER_LOG.read_text(errors="replace").splitlines():
        try:
            lines.append(json.loads(text, object_pairs_hook=unique_keys))
        except ValueError:
            continue
    return lines


def test_a_resident_ticket_leaves_ids_in_the_log_and_nothing_personal(base_url):
    token = api_token()
    marker = uuid.uuid4().hex[:10]
    name = f"Aino Lokitesti{marker}"
    phone = f"040 {int(marker[:6], 16) % 1000:03d} {int(marker[6:], 16) % 10000:04d}"
    email = f"aino.{marker}@asukas.example"
    subject = f"Kirjautuminen ei onnistu {marker}"
    request_id = f"ops-{marker}"
    status, headers, ticket = call(base_url, "POST", f"/api/v1/orgs/{ORG}/tickets", token, {
        "subject": subject, "description": f"Asukas {name} soitti numerosta {phone}.",
        "category": "login_and_access", "channel": "phone", "priority": "normal",
        "resident": {"name": name, "phone": phone, "email": email},
    }, request_id=request_id)
    assert status == 201, ticket
    assert headers["X-Request-Id"] == request_id
    reference = ticket["reference"]
    assert call(base_url, "GET", f"/api/v1/orgs/{ORG}/tickets/{reference}", token)[0] == 200
    assert call(base_url, "GET", f"/api/v1/orgs/{ORG}/tickets/{reference}/contact", token)[0] == 200
    # A refusal that the store logs in the database's own words (a unique violation), with the request's id.
    course = {"code": f"ops_{marker}", "title": "Lokitesti"}
    admin_token = api_token(COUNTY_ADMIN)
    assert call(base_url, "POST", "/api/v1/training/courses", admin_token, course)[0] == 201
    refused_id = f"ops-dup-{marker}"
    status, headers, problem = call(base_url, "POST", "/api/v1/training/courses", admin_token, course, request_id=refused_id)
    assert status == 409, problem
    assert problem["instance"] == refused_id
    assert headers["X-Request-Id"] == refused_id

    text = SERVER_LOG.read_text(errors="replace")
    for secret in (name, "Lokitesti" + marker, phone, phone.replace(" ", ""), email, subject, token, admin_token, AGENT):
        assert secret not in text, f"the server's log holds {secret!r}"

    lines = log_lines()
    created = [line for line in lines if line.get("request_id") == request_id]
    assert [line["message"] for line in created] == ["request"], created
    line = created[0]
    assert line["method"] == "POST" and line["status"] == 201 and line["level"] == "info"
    assert line["route"] == "/api/v1/orgs/{code}/tickets"
    assert line["org"] == ORG
    assert len(line["actor_id"]) == 36 and isinstance(line["duration_ms"], (int, float))
    assert {"time", "level", "message", "request_id", "method", "route", "status", "duration_ms"} <= set(line)
    refused = [line for line in lines if line.get("request_id") == refused_id]
    assert any(line["message"] == "request" and line["status"] == status for line in refused), refused
    assert any(line["label"] == "backoffice.store" and line.get("sqlstate") == "23505"
               and "unique constraint" in line["metadata.message"] for line in refused), refused


def test_every_request_line_has_an_id_and_web_pages_get_one_too(base_url):
    status, headers, _ = call(base_url, "GET", "/login")
    assert status == 200
    made = headers["X-Request-Id"]
    lines = [line for line in log_lines() if line.get("request_id") == made]
    assert [(line["route"], line["status"]) for line in lines] == [("/login", 200)]
    requests = [line for line in log_lines() if line.get("message") == "request"]
    assert requests and all(line.get("request_id") for line in requests)


# --- /metrics, parsed with prometheus-client's own text parser -------------------------------

TICKET_ROUTE = "/api/v1/orgs/{code}/tickets/{ref}"


def scrape(base_url):
    """{(sample name, sorted labels): value} of one scrape from loopback, which needs no token."""
    from prometheus_client.parser import text_string_to_metric_families

    with urllib.request.urlopen(base_url + "/metrics", timeout=30) as answer:
        assert answer.status == 200
        assert answer.headers["Content-Type"].startswith("text/plain")
        text = answer.read().decode()
    samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples, name, **labels):
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def until(condition, deadline_seconds=10):
    """Polls `condition` until it holds or the deadline passes; returns its last answer."""
    deadline = time.monotonic() + deadline_seconds
    while True:
        answer = condition()
        if answer or time.monotonic() > deadline:
            return answer
        time.sleep(0.05)  # polling a condition with a deadline, not synchronisation by sleeping


def web_login(base_url, email, password):
    """The path a login through the login form ends on (the queue, or the form again), sent with
    its cookie and form token as a browser sends it."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    with opener.open(base_url + "/login", timeout=30) as page:
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.read().decode()).group(1)
    form = urllib.parse.urlencode({"email": email, "password": password, "csrf_token": token}).encode()
    request = urllib.request.Request(base_url + "/login", data=form, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with opener.open(request, timeout=30) as answer:
        assert answer.status == 200
        return urllib.parse.urlsplit(answer.geturl()).path


def test_metrics_move_by_exactly_what_was_done(base_url):
    token = api_token()
    admin_token = api_token(COUNTY_ADMIN)
    marker = uuid.uuid4().hex[:8]
    before = scrape(base_url)

    references = []
    for channel in ("phone", "phone", "email"):
        status, _, ticket = call(base_url, "POST", f"/api/v1/orgs/{ORG}/tickets", token, {
            "subject": f"Mittaritesti {marker}", "description": "Testi.", "category": "other",
            "channel": channel, "priority": "low", "resident": {"name": "Testi Asukas", "phone": "040 000 0000"},
        })
        assert status == 201, ticket
        references.append(ticket["reference"])
    for reference in references:
        assert call(base_url, "GET", f"/api/v1/orgs/{ORG}/tickets/{reference}", token)[0] == 200
    assert call(base_url, "GET", f"/api/v1/orgs/{ORG}/tickets/{ORG}-999999999", token)[0] == 404
    assert web_login(base_url, f"nobody-{marker}@pohde.example", "väärin") == "/login"
    assert web_login(base_url, AGENT, DEMO_PASSWORD) == "/tickets"
    csv = "organisation,service,month,started,completed,forwarded\n" + "".join(
        f"{ORG},symptom_respiratory_infection,1999-{month:02d},10,8,2\n" for month in (1, 2))
    request = urllib.request.Request(base_url + "/api/v1/usage/imports?file_name=ops.csv", data=csv.encode(), method="POST",
                                     headers={"Content-Type": "text/csv", "Authorization": f"Bearer {admin_token}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 201

    def moved():
        """The scrape once the reads are counted: Hummingbird counts a request once its body is written."""
        after = scrape(base_url)
        reads = [value(after, "http_requests_total", route=TICKET_ROUTE, method="GET", status=status)
                 - value(before, "http_requests_total", route=TICKET_ROUTE, method="GET", status=status) for status in ("200", "404")]
        return after if reads[0] >= 3 and reads[1] >= 1 else None

    after = until(moved)
    assert after, "the ticket reads never showed in http_requests_total"

    def delta(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("backoffice_tickets_created_total", channel="phone") == 2
    assert delta("backoffice_tickets_created_total", channel="email") == 1
    assert delta("backoffice_tickets_created_total", channel="web") == 0
    assert delta("http_requests_total", route=TICKET_ROUTE, method="GET", status="200") == 3
    assert delta("http_requests_total", route=TICKET_ROUTE, method="GET", status="404") == 1
    assert delta("http_requests_total", route="/api/v1/orgs/{code}/tickets", method="POST", status="201") == 3
    assert delta("http_request_duration_seconds_count", route=TICKET_ROUTE, method="GET", status="200") == 3
    assert delta("http_request_duration_seconds_count", route=TICKET_ROUTE, method="GET", status="404") == 1
    assert delta("backoffice_failed_logins_total") == 1
    assert delta("backoffice_logins_total") == 1
    assert delta("backoffice_usage_rows_imported_total") == 2
    assert delta("backoffice_open_tickets", priority="low") == 3
    assert value(after, "backoffice_sla_breaches", priority="low") >= 0
    assert delta("postgres_statement_duration_seconds_count", kind="insert") >= 3
    assert delta("postgres_transaction_duration_seconds_count", outcome="commit") >= 6
    assert value(after, "postgres_pool_connections", state="open") >= 1
    assert value(after, "postgres_pool_connections", state="in_use") >= 0
    assert ("postgres_pool_waiting_leases", ()) in after
    routes = {dict(labels).get("route") for (_, labels) in after if dict(labels).get("route")}
    assert not [route for route in routes if ORG in route or marker in route], routes


# --- reporting on a streaming replica ---------------------------------------------------------

PG = str(ROOT / "scripts" / "pg.sh")


def own_cluster_environment():
    """The environment of scripts/pg.sh for the private cluster (without DATABASE_URL), or None
    when the tests run on a database of the user's own, of which no standby can be made here."""
    environment = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    url = subprocess.run([PG, "url"], env=environment, capture_output=True, text=True, check=True).stdout.strip()
    socket_folder = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["host"][0]
    database_url = os.environ["DATABASE_URL"]
    mine = urllib.parse.parse_qs(urllib.parse.urlsplit(database_url).query).get("host", [""])[0] == socket_folder
    return environment if mine else None


def test_a_report_on_the_standby_sees_what_the_primary_committed_and_no_write(base_url, tmp_path):
    environment = own_cluster_environment()
    if environment is None:
        pytest.skip("a standby is made of the private cluster of scripts/pg.sh only")
    binary = os.environ.get("BACKOFFICE_BIN", str(ROOT / ".build" / "debug" / "backoffice"))
    database = urllib.parse.urlsplit(os.environ["DATABASE_URL"]).path.lstrip("/")
    marker = uuid.uuid4().hex[:8]
    login, password = f"ops_replica_{marker}", f"salasana-{marker}-{uuid.uuid4().hex}"
    (tmp_path / "password").write_text(password + "\n")
    subprocess.run([binary, "reporting", "grant-login", login, "--county", "--password-file", str(tmp_path / "password")],
                   check=True, capture_output=True, text=True)
    port = free_port()
    environment["PG_REPLICA_PORT"] = str(port)
    try:
        started = subprocess.run([PG, "replica", "start"], env=environment, capture_output=True, text=True)
        assert started.returncode == 0, started.stderr
        assert f":{port}/" in started.stdout
        status, _, ticket = call(base_url, "POST", f"/api/v1/orgs/{ORG}/tickets", api_token(), {
            "subject": f"Replikatesti {marker}", "category": "other", "channel": "chat", "priority": "low",
            "reporter_email": "professional.oulu-tk@pohde.example"})
        assert status == 201, ticket
        reporting = dict(os.environ, REPORTING_DATABASE_URL=(
            f"postgresql://{login}:{password}@127.0.0.1:{port}/{database}?target_session_attrs=read-only"))

        def report():
            done = subprocess.run([binary, "report", "ticket_facts", "--org", ORG, "--format", "csv"],
                                  env=reporting, capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
            return any(ticket["reference"] in line.split(",") for line in done.stdout.splitlines())

        assert until(report, deadline_seconds=30), "the standby never showed the ticket committed on the primary"
        owner_on_standby = f"postgresql://backoffice_owner@127.0.0.1:{port}/{database}"
        write = subprocess.run(["psql", owner_on_standby, "-XAtqc", "CREATE TABLE ops_replica_write (i int)"],
                               capture_output=True, text=True)
        assert write.returncode != 0 and "read-only transaction" in write.stderr, write.stderr
        in_recovery = subprocess.run(["psql", owner_on_standby, "-XAtqc", "SELECT pg_is_in_recovery()"],
                                     capture_output=True, text=True, check=True)
        assert in_recovery.stdout.strip() == "t"
    finally:
        stopped = subprocess.run([PG, "replica", "stop"], env=environment, capture_output=True, text=True)
        subprocess.run([binary, "reporting", "revoke-login", login], capture_output=True, text=True)
    assert stopped.returncode == 0, stopped.stderr
