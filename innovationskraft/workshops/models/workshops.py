import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Organisation

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read off a projector is typed without doubt.
JOIN_CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
JOIN_CODE_LENGTH = 6


class Workshop(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        PUBLISHED = "published", _("Report published")

    class Language(models.TextChoices):
        SWEDISH = "sv", _("Swedish")
        ENGLISH = "en", _("English")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=220, unique=True)
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="workshops",
    )
    date = models.DateField(_("date"), default=datetime.date.today)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.SWEDISH
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    join_code = models.CharField(_("join code"), max_length=JOIN_CODE_LENGTH, unique=True)
    approve_first = models.BooleanField(
        _("approve contributions first"),
        default=False,
        help_text=_("Contributions reach the board only when a facilitator has approved them."),
    )
    locked = models.BooleanField(
        _("locked"), default=False, help_text=_("No new contributions or votes while locked.")
    )
    conclusions = models.TextField(_("conclusions"), blank=True)
    # Bumped by every change the board shows, so that a poll can answer "nothing new" cheaply.
    revision = models.PositiveBigIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Set when a published report is withdrawn: the facilitator took the results out of public
    # view, so the board, which shows the same answers, goes with them.
    report_withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    # How many organisations the participants named, counted when their names and
    # organisations were removed (services/retention.py), so that the report still says it.
    organisations_counted = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return self.title

    @property
    def accepts_contributions(self) -> bool:
        return self.state == self.State.OPEN and not self.locked

    @property
    def has_report(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def board_is_public(self) -> bool:
        """Open to anyone with the code, like the room, from opening until the report is
        withdrawn; a closed workshop's board stays up for the room that just closed it."""
        if self.state == self.State.CLOSED:
            return self.report_withdrawn_at is None
        return self.state in (self.State.OPEN, self.State.PUBLISHED)


class Prompt(models.Model):
    class Kind(models.TextChoices):
        EXAMPLE = "example", _("Example of an innovation")
        BARRIER = "barrier", _("Barrier")
        ENABLER = "enabler", _("Enabler")
        IDEA = "idea", _("Idea")
        QUESTION = "question", _("Free question")

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="prompts"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("prompt")
        verbose_name_plural = _("prompts")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class Participant(models.Model):
    """Someone in the room: known only by a random token in her browser, no account."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="participants"
    )
    token = models.CharField(max_length=43, unique=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    # A keyed hash of the network address, changing daily: enough to limit one address,
    # useless for finding the person.
    address_key = models.CharField(max_length=32, blank=True)
    # Drawn into the join form, so that the form sent twice (a double tap, a retried request)
    # makes one participant: the second INSERT meets the unique constraint.
    join_key = models.CharField(max_length=43, blank=True, editable=False)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        indexes = [models.Index(fields=["address_key", "joined_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "join_key"],
                condition=~models.Q(join_key=""),
                name="participant_joined_once",
            )
        ]

    def __str__(self):
        return self.name or str(_("Anonymous participant"))

    @property
    def organisation_label(self) -> str:
        return self.organisation.name if self.organisation else self.organisation_name
