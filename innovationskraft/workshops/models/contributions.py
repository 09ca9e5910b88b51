from django.db import models
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Case, Term
from innovationskraft.workshops.models.workshops import Participant, Prompt, Workshop

MAX_CONTRIBUTION_LENGTH = 280
THEME_NAME_LENGTH = 120
TAG_VOCABULARIES = ("barrier", "enabler")


class Theme(models.Model):
    """A cluster of contributions to one prompt, found automatically or arranged by hand."""

    prompt = models.ForeignKey(
        Prompt, verbose_name=_("prompt"), on_delete=models.CASCADE, related_name="themes"
    )
    name = models.CharField(_("name"), max_length=THEME_NAME_LENGTH)
    position = models.PositiveIntegerField(_("position"), default=0)
    terms = models.ManyToManyField(
        Term,
        verbose_name=_("barriers and enablers"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary__in": TAG_VOCABULARIES},
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.name


class Contribution(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="contributions", editable=False
    )
    prompt = models.ForeignKey(
        Prompt, verbose_name=_("prompt"), on_delete=models.CASCADE, related_name="contributions"
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    text = models.CharField(_("text"), max_length=MAX_CONTRIBUTION_LENGTH)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.VISIBLE
    )
    # Flags as live Q&A tools have them; `flagged` is the word list's warning to the facilitator.
    highlighted = models.BooleanField(_("highlighted"), default=False)
    done = models.BooleanField(_("done"), default=False)
    flagged = models.BooleanField(_("possibly offensive"), default=False)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    # Set when a facilitator placed the contribution: clustering leaves it where it is.
    placed_by_hand = models.BooleanField(default=False)
    terms = models.ManyToManyField(
        Term,
        verbose_name=_("barriers and enablers"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary__in": TAG_VOCABULARIES},
    )
    case = models.ForeignKey(
        Case,
        verbose_name=_("innovation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_contributions",
    )
    address_key = models.CharField(max_length=32, blank=True)
    # Chosen by the participant's browser, so that a contribution resent after a lost answer
    # is stored once.
    client_key = models.CharField(max_length=36, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["workshop", "status"]),
            models.Index(fields=["participant", "created_at"]),
            models.Index(fields=["address_key", "created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "client_key"],
                condition=~models.Q(client_key=""),
                name="contribution_sent_once",
            )
        ]

    def __str__(self):
        return self.text

    @property
    def on_board(self) -> bool:
        return self.status == self.Status.VISIBLE and self.merged_into_id is None
