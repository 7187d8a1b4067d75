#!/usr/bin/env bash
# The browser tests of the web pages (Tests/browser): Debian's chromium and chromium-driver,
# Selenium and pytest in a virtual environment under .build/, the demo data seeded into the
# test database, then pytest against a server that the tests start themselves.
#
#   DATABASE_URL=... scripts/browser-tests.sh [pytest arguments]
#
# Installs what is missing (apt-get as root or with sudo; PyPI for the Python packages).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'browser-tests: %s\n' "$*" >&2; }
: "${DATABASE_URL:?DATABASE_URL must name the migrated test database}"

VENV=.build/browser-venv
BACKOFFICE=${BACKOFFICE_BIN:-.build/debug/backoffice}
# Pinned, so that a run is the same run on every machine.
PYTHON_PACKAGES=(selenium==4.50.0 pytest==9.0.3 prometheus-client==0.26.0)
AXE_PACKAGE=axe-playwright-python==0.1.8

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
	say "installing chromium and chromium-driver"
	SUDO=""
	[[ $(id -u) -eq 0 ]] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [[ ! -x $VENV/bin/pytest ]] || ! "$VENV/bin/python" -c 'import selenium, pytest, prometheus_client' 2>/dev/null; then
	say "making the Python environment $VENV"
	python3 -m venv "$VENV"
	"$VENV/bin/pip" install -q --disable-pip-version-check "${PYTHON_PACKAGES[@]}"
	# Only its axe.min.js is used (injected into the page by Selenium): no Playwright needed.
	"$VENV/bin/pip" install -q --disable-pip-version-check --no-deps "$AXE_PACKAGE"
fi

say "seeding the demo data into the test database"
"$BACKOFFICE" seed demo >/dev/null

mkdir -p .build/screenshots
say "running the browser tests (screenshots in .build/screenshots/)"
BACKOFFICE_BIN="$BACKOFFICE" "$VENV/bin/pytest" -q -p no:cacheprovider Tests/browser "$@"
