from django.db import models
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Case, Term, Vocabulary


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
