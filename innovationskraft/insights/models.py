from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Case, Organisation, Term, Vocabulary


class Resource(models.Model):
    """A course, guide, toolkit, method or network that helps past barriers: curated by the
    moderators and linked to the barriers and enablers it is about."""

    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        GUIDE = "guide", _("Guide")
        TOOLKIT = "toolkit", _("Toolkit")
        METHOD = "method", _("Method")
        NETWORK = "network", _("Network")

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Everyone working with innovation")
        LEADERS = "leaders", _("Managers and leaders")
        POLITICIANS = "politicians", _("Elected representatives")
        PRACTITIONERS = "practitioners", _("Innovation and development staff")
        BUYERS = "buyers", _("Procurement staff")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), max_length=800)
    provider = models.CharField(_("provided by"), max_length=200, blank=True)
    url = models.URLField(_("address"), max_length=2000)
    language = models.CharField(
        _("language"), max_length=2, choices=Case.Language.choices, default=Case.Language.SWEDISH
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    # The stages of an innovation it fits, as the case's stage codes; empty fits every stage.
    stages = models.JSONField(_("stages"), default=list, blank=True)
    barriers = models.ManyToManyField(
        Term,
        verbose_name=_("barriers it helps past"),
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.BARRIER},
        related_name="barrier_resources",
    )
    enablers = models.ManyToManyField(
        Term,
        verbose_name=_("enablers it builds"),
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.ENABLER},
        related_name="enabler_resources",
    )
    is_published = models.BooleanField(_("shown on the site"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["title"]

    def __str__(self):
        return self.title


class Assessment(models.Model):
    """One person's answers to the self-assessment, saved for her organisation. Only
    aggregates are shown to anyone else: the organisation's team profile to its members, and
    means over at least five organisations to everyone (self_assessment/selectors.py)."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    # Deleting a person deletes her answers: they are hers.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    # Statement code (self_assessment/statements.py) -> 1..5.
    answers = models.JSONField(_("answers"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "user", "created_at"])]

    def __str__(self):
        return f"{self.organisation}, {self.created_at:%Y-%m-%d}"
