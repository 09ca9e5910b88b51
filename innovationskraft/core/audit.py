"""The audit log: who moderated or administered what, and when. Each service that publishes,
returns, hides, grants, deletes or imports calls `audit_record` inside its own transaction, so
an entry exists exactly when the change does. Entries are never changed or deleted; the names
of the person and the thing are frozen as text, so an entry stays readable after either is
gone. docs/audit.md."""

from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

REPR_LENGTH = 200


class AuditAction(models.TextChoices):
    # "case." and a review outcome of cases (ReviewDecision.Outcome): the review records itself
    # with the outcome it stores, in one line of cases' services.
    CASE_PUBLISHED = "case.published", _("Case published")
    CASE_RETURNED = "case.returned", _("Case returned for changes")
    CASE_ARCHIVED = "case.archived", _("Case archived")
    CASE_CHANGE_APPROVED = "case.change_approved", _("Change to a published case approved")
    CASE_CHANGE_RETURNED = "case.change_returned", _("Change to a published case returned")
    ORGANISATION_TRUSTED = "organisation.trusted", _("Organisation trusted")
    ORGANISATION_UNTRUSTED = "organisation.untrusted", _("Organisation no longer trusted")
    CONTRIBUTION_HIDDEN = "contribution.hidden", _("Contribution hidden")
    CONTRIBUTION_SHOWN = "contribution.shown", _("Contribution shown")
    CONTRIBUTION_MERGED = "contribution.merged", _("Contribution merged")
    CONTRIBUTION_UNMERGED = "contribution.unmerged", _("Contribution no longer merged")
    MEMBERSHIP_GRANTED = "membership.granted", _("Membership granted")
    MEMBERSHIP_ROLE_CHANGED = "membership.role_changed", _("Membership role changed")
    MEMBERSHIP_LEFT = "membership.left", _("Membership ended")
    JOIN_REQUEST_APPROVED = "join_request.approved", _("Request to join approved")
    JOIN_REQUEST_REFUSED = "join_request.refused", _("Request to join refused")
    INVITATION_SENT = "invitation.sent", _("Invitation sent")
    SITE_ROLE_CHANGED = "user.site_role_changed", _("Site role changed")
    ACCOUNT_DELETED = "user.deleted", _("Account deleted")
    API_TOKEN_CREATED = "api_token.created", _("API token created")
    API_TOKEN_REVOKED = "api_token.revoked", _("API token revoked")
    API_TOKENS_ENDED = "api_token.all_ended", _("All API tokens ended")
    CASES_IMPORTED = "cases.imported", _("Cases imported")
    ADMIN_ADDED = "admin.added", _("Added in the admin")
    ADMIN_CHANGED = "admin.changed", _("Changed in the admin")
    ADMIN_DELETED = "admin.deleted", _("Deleted in the admin")


class AuditLogImmutable(Exception):
    """Code tried to change or delete an entry of the audit log."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogImmutable("audit entries are never changed")

    def delete(self):
        raise AuditLogImmutable("audit entries are never deleted")


class AuditEntry(models.Model):
    """One action. Deleting a user sets `actor` to nothing through Django's base manager (a
    plain one), the only change an entry ever gets; `actor_name` keeps who it was."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("who (as named then)"), max_length=REPR_LENGTH, blank=True)
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of target"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_id = models.CharField(_("target's key"), max_length=64, blank=True)
    target_repr = models.CharField(_("target"), max_length=REPR_LENGTH, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["action", "created_at"], name="audit_action_when")]

    def __str__(self):
        return f"{self.actor_name or '-'}: {self.get_action_display()} {self.target_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditLogImmutable("audit entries are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogImmutable("audit entries are never deleted")


Actor = AbstractBaseUser | AnonymousUser | None


def audit_record(
    *,
    actor: Actor,
    action: AuditAction | str,
    target: models.Model | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record an action in the caller's transaction. `actor` None (or an anonymous visitor) is
    a system process: a command, a scheduled task, a sign-in rule. `detail` must be small and
    JSON-serialisable (a comment, a role, a number of rows). An `action` that is not one of
    AuditAction's codes raises ValueError."""
    user = actor if actor is not None and actor.is_authenticated else None
    entry = AuditEntry(
        actor_id=user.pk if user is not None else None,
        actor_name=str(user)[:REPR_LENGTH] if user is not None else "",
        action=AuditAction(action),
        detail=detail or {},
    )
    if target is not None:
        entry.target_type = ContentType.objects.get_for_model(target)
        entry.target_id = str(target.pk)
        entry.target_repr = str(target)[:REPR_LENGTH]
    entry.save()
    return entry


def audit_entries_export(user: AbstractBaseUser) -> dict[str, Any]:
    """Her part of the download of her data: what the log says she did."""
    entries = AuditEntry.objects.filter(actor_id=user.pk)
    return {
        "audit_log": [
            {
                "when": entry.created_at,
                "action": entry.action,
                "target": entry.target_repr,
                "detail": entry.detail,
            }
            for entry in entries
        ]
    }
