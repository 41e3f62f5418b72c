"""A real SMTP server on loopback (aiosmtpd) that keeps what it is sent, for the tests of every
email the workbench sends: updates to storytellers and alerts to the safeguarding lead."""

from __future__ import annotations

import email.policy
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import EmailMessage

from aiosmtpd.controller import Controller


class Sink:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.envelopes.append(envelope)
        return "250 OK"

    def messages(self) -> list[EmailMessage]:
        return [message_from_bytes(e.content, policy=email.policy.default) for e in self.envelopes]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_on(port: int) -> Iterator[Sink]:
    """An SMTP server listening on `port` for the length of the block."""
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()
