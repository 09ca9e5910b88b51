import uuid

import reversion
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models.organisations import Organisation
from innovationskraft.cases.models.vocabularies import Term, Vocabulary


def _terms(vocabulary: str, verbose_name, related_name: str, **kwargs) -> models.ManyToManyField:
    return models.ManyToManyField(
        Term,
        verbose_name=verbose_name,
        blank=True,
        limit_choices_to={"vocabulary": vocabulary},
        related_name=related_name,
        **kwargs,
    )


def new_case_identifier() -> str:
    return str(uuid.uuid4())


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self):
        return self.name


# Contact details are personal data: kept only in their current form, never in history.
@reversion.register(exclude=["contact_name", "contact_email"])
class Case(models.Model):
    class Stage(models.TextChoices):
        IDEA = "idea", _("Idea")
        PILOT = "pilot", _("Development or pilot")
        IMPLEMENTED = "implemented", _("Implemented")
        SPREAD = "spread", _("Spread to others")
        ENDED = "ended", _("Ended")

    class Facet(models.TextChoices):
        ENHANCEMENT = "enhancement", _("Enhancement-oriented")
        MISSION = "mission", _("Mission-oriented")
        ADAPTIVE = "adaptive", _("Adaptive")
        ANTICIPATORY = "anticipatory", _("Anticipatory")

    class Evidence(models.TextChoices):
        # Five steps, each asking more of how the effects are known: from a description to an
        # evaluation against a comparison (in the spirit of Nesta's standards of evidence).
        DESCRIBED = "described", _("Described: what it does and why")
        FOLLOWED = "followed", _("Followed up: results are recorded")
        MEASURED = "measured", _("Measured: effects before and after")
        INDEPENDENT = "independent", _("Evaluated independently")
        COMPARED = "compared", _("Evaluated with a comparison")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class Language(models.TextChoices):
        SWEDISH = "sv", _("Swedish")
        ENGLISH = "en", _("English")

    # Stable across catalogues: exports carry it and an import that meets it again updates the
    # case instead of adding a second one. Other catalogues' keys are kept as given; 500
    # characters stay within what a unique index holds on every database.
    identifier = models.CharField(
        _("identifier"),
        max_length=500,
        unique=True,
        default=new_case_identifier,
        editable=False,
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.TextField(_("summary"), max_length=600)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.SWEDISH
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="led_cases",
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_cases",
        through="cases.CasePartner",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    sector = models.ForeignKey(
        Term,
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"vocabulary": Vocabulary.SECTOR},
        related_name="sector_cases",
    )
    facet = models.CharField(_("OPSI facet"), max_length=20, choices=Facet.choices, blank=True)
    innovation_types = _terms(Vocabulary.INNOVATION_TYPE, _("innovation types"), "type_cases")
    target_groups = _terms(Vocabulary.TARGET_GROUP, _("target groups"), "target_group_cases")
    user_involvement = models.TextField(_("how users were involved"), blank=True)
    barriers = _terms(Vocabulary.BARRIER, _("barriers met"), "barrier_cases")
    barriers_text = models.TextField(_("barriers in your own words"), blank=True)
    enablers = _terms(Vocabulary.ENABLER, _("enablers"), "enabler_cases")
    enablers_text = models.TextField(_("enablers in your own words"), blank=True)
    effects = _terms(Vocabulary.EFFECT, _("effects"), "effect_cases")
    effects_evaluated = models.BooleanField(_("the effects have been evaluated"), default=False)
    evidence = models.CharField(
        _("evidence of effects"), max_length=20, choices=Evidence.choices, blank=True
    )
    evaluation = models.TextField(_("how the effects were evaluated"), blank=True)
    sdgs = _terms(Vocabulary.SDG, _("sustainable development goals"), "sdg_cases")
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="cases")
    inspired_by = models.ManyToManyField(
        "self",
        verbose_name=_("inspired by"),
        symmetrical=False,
        blank=True,
        related_name="inspired",
    )
    # Personal data: never rendered on a public page; reached only through the contact form.
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    status = models.CharField(
        _("publication state"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="created_cases",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Provenance of a harvested or imported case: the catalogue and its own key for the record,
    # so that a second harvest updates the case instead of adding it again.
    source = models.CharField(_("source catalogue"), max_length=100, blank=True)
    source_identifier = models.CharField(_("identifier in the source"), max_length=500, blank=True)
    harvested_at = models.DateTimeField(_("harvested"), null=True, blank=True)
    # Counted up by every write of what the case says: a save from a form loaded at an older
    # revision would overwrite someone else's work (see services.EditConflict).
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    # Kept by the adoption services so "most adopted" needs no count over the whole library.
    adoption_count = models.PositiveIntegerField(_("adoptions"), default=0, editable=False)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="case_status_published"),
            models.Index(fields=["status", "-adoption_count"], name="case_status_adoptions"),
            models.Index(fields=["status", "stage"], name="case_status_stage"),
            models.Index(fields=["status", "facet"], name="case_status_facet"),
            models.Index(fields=["status", "sector"], name="case_status_sector"),
            models.Index(fields=["status", "start_year"], name="case_status_year"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_identifier"],
                condition=~models.Q(source=""),
                name="unique_record_per_source",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cases:detail", args=[self.slug])

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED


class CaseLink(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("link text"), max_length=300)
    # Real addresses (a government decision's, say) run far past Django's default of 200.
    url = models.URLField(_("address"), max_length=2000)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["id"]

    def __str__(self):
        return self.title


class ReviewDecision(models.Model):
    """A moderator's decision on a case submitted for review, or on a change to a published
    case (a PendingRevision), with the comment to its owner."""

    class Outcome(models.TextChoices):
        PUBLISHED = "published", _("Published")
        RETURNED = "returned", _("Returned for changes")
        CHANGE_APPROVED = "change_approved", _("Change approved")
        CHANGE_RETURNED = "change_returned", _("Change returned")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reviews")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("decided"), auto_now_add=True)

    class Meta:
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.case}"
