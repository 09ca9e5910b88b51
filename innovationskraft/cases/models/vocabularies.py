from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Vocabulary(models.TextChoices):
    SECTOR = "sector", _("Sector")
    TARGET_GROUP = "target_group", _("Target group")
    INNOVATION_TYPE = "innovation_type", _("Innovation type")
    EFFECT = "effect", _("Effect")
    SDG = "sdg", _("Sustainable development goal")
    BARRIER = "barrier", _("Barrier")
    ENABLER = "enabler", _("Enabler")


HIERARCHICAL = {Vocabulary.BARRIER, Vocabulary.ENABLER}

# The field on Case that holds each vocabulary's terms.
CASE_FIELD_OF_VOCABULARY = {
    Vocabulary.SECTOR: "sector",
    Vocabulary.TARGET_GROUP: "target_groups",
    Vocabulary.INNOVATION_TYPE: "innovation_types",
    Vocabulary.EFFECT: "effects",
    Vocabulary.SDG: "sdgs",
    Vocabulary.BARRIER: "barriers",
    Vocabulary.ENABLER: "enablers",
}


class Term(models.Model):
    """One entry of a controlled vocabulary, with a code that never changes."""

    vocabulary = models.CharField(_("vocabulary"), max_length=20, choices=Vocabulary.choices)
    code = models.SlugField(_("code"), max_length=60)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    label_sv = models.CharField(_("label in Swedish"), max_length=200)
    label_en = models.CharField(_("label in English"), max_length=200)
    definition_sv = models.TextField(_("definition in Swedish"), blank=True)
    definition_en = models.TextField(_("definition in English"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("vocabulary term")
        verbose_name_plural = _("vocabulary terms")
        ordering = ["vocabulary", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "code"], name="unique_term_code"),
        ]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("cases:term", args=[self.vocabulary, self.code])

    @property
    def label(self) -> str:
        return self.label_en if get_language() == "en" else self.label_sv

    @property
    def definition(self) -> str:
        return self.definition_en if get_language() == "en" else self.definition_sv
