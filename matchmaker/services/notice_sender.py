"""The background sender: claims due notices from the outbox, sends each through SMTP in a
worker thread, and records every attempt; a failure is tried again later, doubling the wait.

Every server process runs one; a notice is claimed by one sender at a time under a lease
(adapters.outbox.claim), so each is sent once however many processes run. A process that dies
mid-send leaves its claim to expire, and the notice is sent again: at least once, not exactly
once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid

from matchmaker.adapters import mailer, outbox
from matchmaker.adapters.graph import Graph
from matchmaker.config import SmtpSettings
from matchmaker.domain import notices as rules
from matchmaker.domain.notices import Outgoing
from matchmaker.errors import Neo4jUnavailable

log = logging.getLogger(__name__)

BATCH = 10
LEASE_S = BATCH * mailer.TIMEOUT_S + 30


class NoticeSender:
    """Sends the outbox's due notices, every `smtp.poll_s` seconds or when woken."""

    def __init__(self, graph: Graph, smtp: SmtpSettings, public_url: str) -> None:
        self.graph = graph.sibling()  # its own counters: background work is not a request's
        self.smtp = smtp
        self.public_url = public_url
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="notice-sender")

    def wake(self) -> None:
        self._wake.set()

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        await asyncio.to_thread(self.graph.close)

    async def _run(self) -> None:
        while True:
            try:
                sent = await self.send_due()
            except Neo4jUnavailable as e:
                log.warning("notices wait for the graph: %s", e)
                sent = 0
            except Exception:
                log.exception("the notice sender failed; it tries again")
                sent = 0
            if sent < BATCH:
                await self._pause()

    async def _pause(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), self.smtp.poll_s)
        self._wake.clear()

    async def send_due(self) -> int:
        """Claim and send one batch of due notices; returns how many were claimed."""
        claimed = await asyncio.to_thread(outbox.claim, self.graph, self.worker, BATCH, LEASE_S)
        for notice in claimed:
            await asyncio.to_thread(self.send_one, notice)
        return len(claimed)

    def send_one(self, notice: Outgoing) -> None:
        """Send a claimed notice and record the attempt (sent, retry or failed)."""
        text = rules.email_text(notice.body, rules.link(self.public_url, notice.path))
        mail = mailer.message(self.smtp, notice.to_email, notice.subject, text)
        try:
            mailer.send(self.smtp, mail)
        except mailer.MailFailed as e:
            self._failed(notice, e)
            return
        outbox.record_attempt(self.graph, self.worker, notice.id, "sent")

    def _failed(self, notice: Outgoing, error: mailer.MailFailed) -> None:
        delay = (
            None if error.permanent else rules.retry_delay(notice.attempts + 1, self.smtp.retry_s)
        )
        outcome = "failed" if delay is None else "retry"
        log.warning("notice %s not sent (%s): %s", notice.id, outcome, error)
        outbox.record_attempt(self.graph, self.worker, notice.id, outcome, str(error), delay)


def start_sender(graph: Graph, smtp: SmtpSettings, public_url: str) -> NoticeSender | None:
    """The running sender, or None (with a log line) when no SMTP host is configured: notices
    then stay in the outbox, pending, for a server that has one."""
    if not smtp.enabled:
        log.info("MATCHMAKER_SMTP_HOST is not set: e-mail notices stay in the outbox unsent")
        return None
    sender = NoticeSender(graph, smtp, public_url)
    sender.start()
    return sender
