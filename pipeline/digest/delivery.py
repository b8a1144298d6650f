"""Optional delivery of a digest by SMTP and by webhook: off unless configured; a failure is reported, files stay."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from urllib.parse import urlsplit

import requests

from pipeline.config import DigestSettings

TIMEOUT_S = 30


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str = "jobpipe@localhost"
    security: str = "starttls"  # starttls | ssl | none


@dataclass(frozen=True)
class Delivery:
    email_to: tuple[str, ...] = ()
    smtp: SmtpSettings | None = None
    webhook_url: str = field(default="", repr=False)  # hook URLs often carry a token

    @property
    def is_configured(self) -> bool:
        return bool(self.email_to or self.webhook_url)


@dataclass(frozen=True)
class Outcome:
    channel: str  # email | webhook
    ok: bool
    detail: str


def delivery_settings(settings: DigestSettings, env) -> Delivery:
    """Recipients from the config; the SMTP server, its credentials and a webhook URL override from the environment."""
    host = env.get("JOBPIPE_SMTP_HOST")
    smtp = None
    if host:
        smtp = SmtpSettings(
            host=host,
            port=int(env.get("JOBPIPE_SMTP_PORT") or 587),
            user=env.get("JOBPIPE_SMTP_USER") or None,
            password=env.get("JOBPIPE_SMTP_PASSWORD") or None,
            sender=env.get("JOBPIPE_SMTP_FROM") or "jobpipe@localhost",
            security=(env.get("JOBPIPE_SMTP_SECURITY") or "starttls").lower(),
        )
    url = env.get("JOBPIPE_DIGEST_WEBHOOK_URL") or settings.webhook_url
    return Delivery(email_to=settings.email_to, smtp=smtp, webhook_url=url)


def deliver(result, delivery: Delivery) -> list[Outcome]:
    """Send the digest every configured way; each way reports on its own and none raises."""
    outcomes = []
    if delivery.email_to:
        outcomes.append(send_email(result, delivery))
    if delivery.webhook_url:
        outcomes.append(post_webhook(result, delivery.webhook_url))
    return outcomes


def digest_message(result, sender: str, recipients: tuple[str, ...]) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = f"jobpipe weekly digest {result.week.label}"
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message.set_content(result.files["digest.md"].read_text(encoding="utf-8"))
    message.add_alternative(result.files["digest.html"].read_text(encoding="utf-8"), subtype="html")
    for name in ("new_roles.csv", "changes.csv"):
        message.add_attachment(result.files[name].read_bytes(), maintype="text", subtype="csv", filename=name)
    return message


def send_email(result, delivery: Delivery) -> Outcome:
    if delivery.smtp is None:
        return Outcome("email", False, "[digest] email_to is set but JOBPIPE_SMTP_HOST is not: nothing sent")
    smtp = delivery.smtp
    try:
        message = digest_message(result, smtp.sender, delivery.email_to)
        with _open_smtp(smtp) as server:
            if smtp.user:
                server.login(smtp.user, smtp.password or "")
            server.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        return Outcome("email", False, f"SMTP {smtp.host}:{smtp.port}: {_one_line(exc)}")
    return Outcome("email", True, f"sent to {len(delivery.email_to)} recipient(s) via {smtp.host}:{smtp.port}")


def _open_smtp(smtp: SmtpSettings) -> smtplib.SMTP:
    context = ssl.create_default_context()  # certificates are always verified
    if smtp.security == "ssl":
        return smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=TIMEOUT_S, context=context)
    server = smtplib.SMTP(smtp.host, smtp.port, timeout=TIMEOUT_S)
    if smtp.security == "starttls":
        server.starttls(context=context)
    return server


def webhook_payload(result) -> dict:
    return {
        "week": result.week.label,
        "summary": result.summary_line(),
        "is_empty": result.is_empty,
        "headline": result.headline,
        "files": {name: str(path.resolve()) for name, path in result.files.items()},
        "markdown": result.files["digest.md"].read_text(encoding="utf-8"),
    }


def post_webhook(result, url: str) -> Outcome:
    try:
        response = requests.post(url, json=webhook_payload(result), timeout=TIMEOUT_S)
    except requests.RequestException as exc:
        # the message would repeat the URL, and with it any token: name the host and the kind of failure only
        return Outcome("webhook", False, f"POST to {_host(url)} failed: {type(exc).__name__}")
    if not response.ok:
        return Outcome("webhook", False, f"POST to {_host(url)} answered HTTP {response.status_code}")
    return Outcome("webhook", True, f"POST to {_host(url)} answered HTTP {response.status_code}")


def _host(url: str) -> str:
    return urlsplit(url).netloc or "the webhook"


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
