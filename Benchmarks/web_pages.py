"""Server time of the desk's pages: logs in as the demo support agent and times 200 GETs
each of /health/live, the county queue, one organisation's queue and a ticket page over one keep-alive connection, printing
p50 and p99 in milliseconds and each page's ratio to /health/live (the machine is shared:
the ratio means more than the absolute figure).

    python3 web_pages.py BASE_URL EMAIL PASSWORD TICKET_REFERENCE [LABEL]
"""

import http.client
import re
import sys
import time
import urllib.parse

REQUESTS = 200


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class Session:
    def __init__(self, base_url):
        parsed = urllib.parse.urlparse(base_url)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Accept-Language": "fi"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        answer = self.connection.getresponse()
        text = answer.read().decode()
        for header in answer.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return answer.status, text

    def log_in(self, email, password):
        _, form = self.request("GET", "/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        body = urllib.parse.urlencode({"csrf_token": token, "email": email, "password": password, "next": "/tickets"})
        status, _ = self.request("POST", "/login", body)
        if status != 303 or "bo_session" not in self.cookies:
            raise SystemExit(f"login as {email} failed ({status})")

    def time(self, path):
        samples = []
        for _ in range(REQUESTS):
            start = time.perf_counter()
            status, _ = self.request("GET", path)
            samples.append((time.perf_counter() - start) * 1000)
            if status != 200:
                raise SystemExit(f"GET {path} answered {status}")
        return percentile(samples, 0.5), percentile(samples, 0.99)


def main():
    base_url, email, password, reference = sys.argv[1:5]
    label = sys.argv[5] if len(sys.argv) > 5 else ""
    session = Session(base_url)
    session.log_in(email, password)
    pages = [("/health/live", "/health/live"), ("county queue", "/tickets"), ("OULU-TK queue", "/tickets?org=OULU-TK"),
             ("ticket page", f"/tickets/{reference}")]
    for path in (path for _, path in pages):  # warm up caches and prepared statements
        session.request("GET", path)
    results = {name: session.time(path) for name, path in pages}
    live50, live99 = results["/health/live"]
    print(f"{label}: {REQUESTS} GETs each, server time in ms (one keep-alive connection)")
    for name, (p50, p99) in results.items():
        print(f"  {name:<14} p50 {p50:7.2f}  p99 {p99:7.2f}  ratio to /health/live p50 {p50 / live50:6.1f}x")


if __name__ == "__main__":
    main()
