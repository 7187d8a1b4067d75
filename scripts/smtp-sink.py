"""A local SMTP sink for the mail tests: aiosmtpd on a free loopback port, each message
written whole to DIR/<n>.eml with its envelope as X-Envelope-From / X-Envelope-To lines
on top. Prints the port on stdout once it listens; ends on SIGTERM (unblocked here: a test
process may pass a mask that blocks it) or when stdin closes.

    .build/mail-venv/bin/python scripts/smtp-sink.py DIR
"""
import os
import signal
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        head = "X-Envelope-From: %s\r\nX-Envelope-To: %s\r\n" % (envelope.mail_from, ", ".join(envelope.rcpt_tos))
        path = os.path.join(self.directory, "%04d.eml" % self.count)
        with open(path + ".part", "wb") as file:
            file.write(head.encode("ascii") + envelope.original_content)
        os.rename(path + ".part", path)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    port = free_port()
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print(port, flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
