from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from innovationskraft.workshops.models.contributions import Contribution, Theme
from innovationskraft.workshops.models.workshops import Participant, Workshop


class VotingRound(models.Model):
    class Target(models.TextChoices):
        THEMES = "themes", _("Themes")
        CONTRIBUTIONS = "contributions", _("Contributions")

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="rounds"
    )
    question = models.CharField(_("question"), max_length=200, blank=True)
    target = models.CharField(
        _("vote on"), max_length=20, choices=Target.choices, default=Target.THEMES
    )
    budget = models.PositiveSmallIntegerField(_("votes per participant"), default=3)
    max_per_item = models.PositiveSmallIntegerField(
        _("votes one participant may give one item"), default=1
    )
    is_open = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("voting round")
        verbose_name_plural = _("voting rounds")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(budget__gte=1) & Q(budget__lte=20), name="round_budget_1_to_20"
            ),
            models.CheckConstraint(
                condition=Q(max_per_item__gte=1) & Q(max_per_item__lte=F("budget")),
                name="round_max_per_item_within_budget",
            ),
        ]

    def __str__(self):
        return self.question or str(self.get_target_display())


class Vote(models.Model):
    """One dot. The table itself keeps a participant within her budget and within the round's
    limit per item, whatever the number of requests racing: each dot takes one of her
    numbered slots in the round (1..budget) and one of her numbered slots on its item
    (1..max_per_item), each unique."""

    round = models.ForeignKey(VotingRound, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    slot = models.PositiveSmallIntegerField()
    budget = models.PositiveSmallIntegerField()
    item_slot = models.PositiveSmallIntegerField(default=1)
    # Copied from the round, as `budget` is, so that a CHECK can hold the slot to it.
    max_per_item = models.PositiveSmallIntegerField(default=1)
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.CASCADE, related_name="votes"
    )
    contribution = models.ForeignKey(
        Contribution, null=True, blank=True, on_delete=models.CASCADE, related_name="votes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "participant", "slot"], name="vote_one_per_slot"
            ),
            models.CheckConstraint(
                condition=Q(slot__gte=1) & Q(slot__lte=F("budget")), name="vote_slot_in_budget"
            ),
            models.CheckConstraint(
                condition=(Q(theme__isnull=True) & Q(contribution__isnull=False))
                | (Q(theme__isnull=False) & Q(contribution__isnull=True)),
                name="vote_on_one_item",
            ),
            models.CheckConstraint(
                condition=Q(item_slot__gte=1) & Q(item_slot__lte=F("max_per_item")),
                name="vote_item_slot_in_limit",
            ),
            models.UniqueConstraint(
                fields=["round", "participant", "theme", "item_slot"],
                condition=Q(theme__isnull=False),
                name="vote_one_per_theme_slot",
            ),
            models.UniqueConstraint(
                fields=["round", "participant", "contribution", "item_slot"],
                condition=Q(contribution__isnull=False),
                name="vote_one_per_contribution_slot",
            ),
        ]

    def __str__(self):
        return f"{self.participant_id}: {self.theme_id or self.contribution_id}"
