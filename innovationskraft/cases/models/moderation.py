from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models.cases import Case


class PendingRevision(models.Model):
    """An editor's change to a published case, held until a moderator approves it: the case
    itself, its page, the search index and the API keep the reviewed text meanwhile. One per
    case: a newer change by the case's editors replaces it."""

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting for review")
        RETURNED = "returned", _("Returned for changes")

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="pending_revision")
    # The change as the case contract's input, serialised by cases/pending_data.py.
    data = models.JSONField(_("change"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The case's revision the change was written against: a later one means the live case
    # changed meanwhile, and approving would overwrite that.
    base_revision = models.PositiveIntegerField(_("based on revision"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.WAITING
    )
    comment = models.TextField(_("moderator's comment"), blank=True)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        ordering = ["created_at", "id"]

    def __str__(self):
        return str(self.case)

    @property
    def is_stale(self) -> bool:
        return self.case.revision != self.base_revision
