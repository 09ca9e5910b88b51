from django.db import models
from django.utils.translation import gettext_lazy as _

from innovationskraft.accounts.models import Membership, User
from innovationskraft.cases.models import Case, Organisation
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


class JoinRequest(models.Model):
    """A person asks to become a member of an organisation; its administrators, or a moderator,
    approve or refuse. Until then she has no rights in it."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="join_requests"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PENDING
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(state="pending"),
                name="one_pending_join_request",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation}"


class Invitation(models.Model):
    """An organisation's administrator invites someone by e-mail; the link in the mail makes
    the account with that address a member."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"), max_length=20, choices=Membership.Role.choices, default=Membership.Role.EDITOR
    )
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organisation}"


class NotificationOptOut(models.Model):
    """A kind of notification (connect/notifications.py) that a person no longer wants."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="opt_outs"
    )
    kind = models.CharField(_("kind"), max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("turned-off notification")
        verbose_name_plural = _("turned-off notifications")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_opt_out_per_kind")
        ]

    def __str__(self):
        return f"{self.user}: {self.kind}"


class Follow(models.Model):
    """A signed-in person follows a part of the library: an organisation, a sector, a barrier
    or an enabler, or any search. Each is the list's filters and words (search/filters.py), so
    a digest finds what is new by the same read as the list."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="follows"
    )
    label = models.CharField(_("what"), max_length=300)
    filters = models.JSONField(_("filters"), default=dict)
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)
    # Up to when the cases have been told; a digest tells what changed after it.
    told_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.user}: {self.label}"


class SsoRule(models.Model):
    """Who becomes a member of an organisation by signing in through single sign-on: everyone
    whose e-mail address ends in the domain, or whose identity provider sends the claim with
    the value (connect/sso.py). Set up by an administrator."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="sso_rules",
    )
    email_domain = models.CharField(
        _("e-mail domain"),
        max_length=200,
        blank=True,
        help_text=_("For example eskilstuna.se: the part after @, without it."),
    )
    claim = models.CharField(
        _("claim"),
        max_length=100,
        blank=True,
        help_text=_("The name of a claim the identity provider sends, for example organisation."),
    )
    claim_value = models.CharField(_("claim value"), max_length=200, blank=True)
    role = models.CharField(
        _("role"), max_length=20, choices=Membership.Role.choices, default=Membership.Role.EDITOR
    )

    class Meta:
        verbose_name = _("single sign-on rule")
        verbose_name_plural = _("single sign-on rules")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email_domain="") | ~models.Q(claim=""),
                name="sso_rule_names_a_domain_or_a_claim",
            ),
            models.CheckConstraint(
                condition=models.Q(claim="") | ~models.Q(claim_value=""),
                name="sso_rule_claim_has_a_value",
            ),
        ]

    def __str__(self):
        which = self.email_domain or f"{self.claim}={self.claim_value}"
        return f"{which} → {self.organisation}"

    def matches(self, email: str, claims: dict) -> bool:
        if self.email_domain:
            return email.lower().rsplit("@", 1)[-1] == self.email_domain.lower().lstrip("@")
        return self.claim in claims and str(claims[self.claim]) == self.claim_value
