from django.db import models
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Case
from innovationskraft.core.models import OutgoingMail


class ContactMessage(models.Model):
    """A reader's message to the people behind a case, relayed by e-mail so that their
    address is never shown. Kept CONTACT_MESSAGE_KEEP_DAYS for a moderator to handle a report
    of abuse, then deleted by a scheduled task."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="contact_messages"
    )
    sender_name = models.CharField(_("name"), max_length=100)
    sender_email = models.EmailField(_("e-mail address"))
    sender_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)
    mail = models.ForeignKey(
        OutgoingMail, verbose_name=_("e-mail"), on_delete=models.SET_NULL, null=True, blank=True
    )
    # A keyed hash of the sender's network address that changes daily (core/clients.py): a
    # moderator can tell that messages came from one place without the address being kept.
    address_key = models.CharField(max_length=32, blank=True)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["created_at"], name="contact_created")]

    def __str__(self):
        return f"{self.sender_name} → {self.case}"


class SpentChallenge(models.Model):
    """A proof-of-work challenge whose solution was accepted once (bot.py); kept until it
    expires, so that the same solution cannot be posted again."""

    signature = models.CharField(max_length=128, unique=True)
    expires_at = models.DateTimeField()

    def __str__(self):
        return self.signature[:12]
