from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        REGION = "region", _("Region")
        COUNTY_BOARD = "county_board", _("County administrative board")
        AGENCY = "agency", _("Government agency")
        UNIVERSITY = "university", _("University")
        RESEARCH = "research", _("Research institute")
        COMPANY = "company", _("Company")
        NON_PROFIT = "non_profit", _("Non-profit organisation")
        INTERNATIONAL = "international", _("International body")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=2, default="SE")
    official_code = models.CharField(
        _("official code"),
        max_length=20,
        blank=True,
        help_text=_("For example the municipality code from Statistics Sweden."),
    )
    county_code = models.CharField(_("county code"), max_length=2, blank=True, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "kind", "official_code"],
                condition=~models.Q(official_code=""),
                name="unique_official_code_per_country_and_type",
            )
        ]

    def __str__(self):
        return self.name


class Case(models.Model):
    class Stage(models.TextChoices):
        IDEA = "idea", _("Idea")
        PILOT = "pilot", _("Development or pilot")
        IMPLEMENTED = "implemented", _("Implemented")
        SPREAD = "spread", _("Spread to others")
        ENDED = "ended", _("Ended")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.TextField(_("summary"), max_length=600)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=2, default="sv")
    lead_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="led_cases",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    status = models.CharField(
        _("publication state"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "-published_at"], name="case_status_published")]

    def __str__(self):
        return self.title
