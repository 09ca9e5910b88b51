from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.names import other_names


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
        OTHER = "other", _("Other organisation")

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
    website = models.URLField(_("website"), max_length=2000, blank=True)
    # Other names the organisation goes by (an acronym, its name in English), so that an import
    # naming it so finds it instead of creating it again.
    aliases = models.JSONField(_("other names"), default=list, blank=True)
    # Post-moderation: its editors' changes to published cases go live at once, and the
    # moderators read them afterwards (services.organisation_set_trusted).
    trusted = models.BooleanField(
        _("trusted"),
        default=False,
        help_text=_(
            "Changes its editors make to published innovations go live at once; moderators "
            "are told and read them afterwards."
        ),
    )

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

    def get_absolute_url(self):
        return reverse("cases:organisation", args=[self.slug])

    @property
    def known_as(self) -> list[str]:
        """Its other names, as text."""
        return other_names(self.aliases)

    @property
    def county_name(self) -> str:
        from innovationskraft.cases.registry import county_names

        return county_names().get(self.county_code, "")
