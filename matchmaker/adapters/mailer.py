"""Sending one e-mail through SMTP (smtplib, called from a worker thread by the sender)."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from matchmaker.config import SmtpSettings

TIMEOUT_S = 20.0


class MailFailed(Exception):
    """The message was not accepted; `permanent` when trying again cannot help (a 5xx)."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


def message(settings: SmtpSettings, to: str, subject: str, text: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = settings.sender
    mail["To"] = to
    mail["Subject"] = subject
    mail["Message-ID"] = make_msgid(domain=settings.sender.rsplit("@", 1)[-1].strip("> "))
    mail.set_content(text)
    return mail


def send(settings: SmtpSettings, mail: EmailMessage) -> None:
    """Hand `mail` to the SMTP server; raises MailFailed with the server's answer."""
    try:
        with _connect(settings) as smtp:
            if settings.user:
                smtp.login(settings.user, settings.password)
            smtp.send_message(mail)
    except smtplib.SMTPRecipientsRefused as e:
        codes = [code for code, _ in e.recipients.values()]
        raise MailFailed(f"recipient refused: {e.recipients}", _permanent(*codes)) from e
    except smtplib.SMTPResponseException as e:
        text = e.smtp_error.decode(errors="replace") if isinstance(e.smtp_error, bytes) else ""
        raise MailFailed(f"{e.smtp_code} {text}".strip(), _permanent(e.smtp_code)) from e
    except (smtplib.SMTPException, OSError) as e:
        raise MailFailed(f"{type(e).__name__}: {e}") from e


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.tls == "tls":
        context = ssl.create_default_context()
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT_S, context=context)
    smtp = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_S)
    if settings.tls == "starttls":
        try:
            smtp.starttls(context=ssl.create_default_context())
        except BaseException:
            smtp.close()
            raise
    return smtp


def _permanent(*codes: int) -> bool:
    return bool(codes) and all(500 <= code < 600 for code in codes)
