from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models.cases import Case
from innovationskraft.cases.models.organisations import Organisation


class Adoption(models.Model):
    """Organisation B took up case A: the edges of the spread graph."""

    class How(models.TextChoices):
        COPIED = "copied", _("Copied as it was")
        ADAPTED = "adapted", _("Adapted to local needs")
        INSPIRED = "inspired", _("Inspired a solution of its own")

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="adoptions"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    how = models.CharField(_("how"), max_length=20, choices=How.choices, default=How.ADAPTED)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["-year", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "organisation"], name="one_adoption_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} → {self.case}"
