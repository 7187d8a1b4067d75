"""Server time of the report pages (issue 11): logs in as the demo reporter (every
organisation) and times 50 GETs each of /health/live and every report page over one
keep-alive connection, printing p50 and p95 in milliseconds and the ratio to /health/live.

    python3 report_pages.py BASE_URL EMAIL PASSWORD
"""

import sys
import time

from web_pages import Session, percentile

REQUESTS = 50
PAGES = [
    "/health/live",
    "/reports/tickets",
    "/reports/tickets?by=organisation&months=24",
    "/reports/tickets.csv?by=organisation&months=24",
    "/reports/usage",
    "/reports/deployments",
    "/reports/training",
]


def timed(session, path):
    samples = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        status, _ = session.request("GET", path)
        samples.append((time.perf_counter() - start) * 1000)
        if status != 200:
            raise SystemExit(f"GET {path} answered {status}")
    return percentile(samples, 0.5), percentile(samples, 0.95)


def main():
    base_url, email, password = sys.argv[1:4]
    session = Session(base_url)
    session.log_in(email, password)
    for path in PAGES:  # warm up caches and prepared statements
        session.request("GET", path)
    results = {path: timed(session, path) for path in PAGES}
    live50, _ = results["/health/live"]
    print(f"{REQUESTS} GETs each as {email}, server time in ms (one keep-alive connection)")
    for path, (p50, p95) in results.items():
        print(f"  {path:<48} p50 {p50:7.2f}  p95 {p95:7.2f}  ratio to /health/live p50 {p50 / live50:6.1f}x")


if __name__ == "__main__":
    main()
