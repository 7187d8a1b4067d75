"""What the people who run the back office read: the server's log (one JSON line per request,
the request's id on every line of it, never a resident's data) and, below, its metrics."""

import json
import os
import subprocess
import urllib.error
import urllib.request
import uuid

from conftest import AGENT, ROOT, SERVER_LOG

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

