#!/usr/bin/env bash
# What the mail tests need: a sendmail-compatible program (msmtp, from Debian) and a local
# SMTP sink (aiosmtpd, from PyPI, in a virtual environment under .build/). Installs what is
# missing (apt-get as root or with sudo); `make test` runs it before the Swift tests, which
# start the sink themselves (scripts/smtp-sink.py) on a free loopback port.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'mail-tools: %s\n' "$*" >&2; }
VENV=.build/mail-venv
# Pinned, so that a run is the same run on every machine.
AIOSMTPD=aiosmtpd==1.4.6

if ! command -v msmtp >/dev/null; then
	say "installing msmtp"
	SUDO=""
	[[ $(id -u) -eq 0 ]] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq msmtp >/dev/null
fi

if [[ ! -x $VENV/bin/python ]] || ! "$VENV/bin/python" -c 'import aiosmtpd' 2>/dev/null; then
	say "making the Python environment $VENV"
	python3 -m venv "$VENV"
	"$VENV/bin/pip" install -q --disable-pip-version-check "$AIOSMTPD"
fi
