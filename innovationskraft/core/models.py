from django.db import models
from django.utils.translation import gettext_lazy as _

from innovationskraft.core.audit import AuditEntry

__all__ = ["AuditEntry", "OutgoingMail", "ScheduledRun"]


class OutgoingMail(models.Model):
    """An e-mail as the site wrote it, kept until it has been handed to the mail server: a
    failure to send leaves it here to be tried again (core/mail.py), so no message is lost
    and none is sent twice. Sent mails are deleted after MAIL_SENT_KEEP_DAYS."""

    kind = models.CharField(_("kind"), max_length=40)
    to = models.JSONField(_("recipients"), default=list)
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    reply_to = models.CharField(_("reply to"), max_length=400, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Set while one worker is sending it, so that a second task for the same mail does nothing.
    sending_since = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"], name="mail_unsent")]

    def __str__(self):
        return self.subject


class ScheduledRun(models.Model):
    """When a scheduled task was last queued (core/schedule.py): several schedulers may run,
    and only the one that moves this time on queues the task."""

    name = models.CharField(max_length=100, unique=True)
    last_queued_at = models.DateTimeField()

    def __str__(self):
        return self.name
