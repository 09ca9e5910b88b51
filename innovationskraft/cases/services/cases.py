"""Every change to a case goes through these functions; each sends `case_changed` inside its
transaction, so the search index and the history follow.

`actor` is the signed-in user; None means a system process such as a management command,
which is never the case for a web or API request."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from innovationskraft.accounts.models import User
from innovationskraft.accounts.types import Actor
from innovationskraft.cases import contract, permissions
from innovationskraft.cases.contract import CaseInput
from innovationskraft.cases.models import Case, CaseLink, Organisation, ReviewDecision
from innovationskraft.cases.models.cases import new_case_identifier
from innovationskraft.cases.relations import partners_set, tags_set
from innovationskraft.cases.services.common import require, user_or_none
from innovationskraft.cases.services.organisations import unique_slug
from innovationskraft.cases.services.partners import partners_to_confirm
from innovationskraft.cases.signals import CaseEvent, cases_changed
from innovationskraft.core.audit import AuditAction, audit_record


class EditConflict(Exception):
    """Someone saved the case after the writer loaded it: saving would overwrite their work."""

    def __init__(self, case: Case) -> None:
        super().__init__(f"case {case.pk} is at revision {case.revision}")
        self.case = case


def _write_case_fields(case: Case, data: CaseInput, writer: Actor) -> None:
    for name in contract.SCALARS:
        setattr(case, name, getattr(data, name))
    if case.pk is None:
        case.save()
    else:
        case.revision += 1
        # Only the owner's fields: status and counts may have changed since the case was read.
        case.save(update_fields=[*contract.SCALARS, "revision", "updated_at"])
    for name in contract.RELATIONS:
        if name != "partners":
            getattr(case, name).set(getattr(data, name))
    # In the order given, which the case page and the exports keep.
    partners_set(case, data.partners, unconfirmed=partners_to_confirm(writer, case, data))
    # A case cannot be its own inspiration.
    case.inspired_by.remove(case)
    tags_set(case, data.tags)
    case.links.all().delete()
    CaseLink.objects.bulk_create(
        CaseLink(case=case, title=title or url, url=url) for title, url in data.links
    )


@transaction.atomic
def case_create(
    *,
    actor: Actor,
    lead_organisation: Organisation,
    data: CaseInput,
    slug: str = "",
    identifier: str = "",
) -> Case:
    """A new case starts as a draft that only its organisation and moderators can see.
    `identifier`: one the case already has in another catalogue (a new one otherwise)."""
    if actor is not None:
        require(permissions.can_create_case_for(actor, lead_organisation))
    case = Case(
        identifier=identifier or new_case_identifier(),
        slug=slug or unique_slug(Case, data.title),
        lead_organisation=lead_organisation,
        created_by=user_or_none(actor),
    )
    _write_case_fields(case, data, actor)
    cases_changed(case_ids=[case.pk], actor=actor, action=gettext_noop("Created"))
    return case


def case_lock(*, case: Case) -> int:
    """Lock the case's row until the transaction ends; returns its saved revision."""
    rows = Case.objects.select_for_update().filter(pk=case.pk)
    return rows.values_list("revision", flat=True).get()


@transaction.atomic
def case_update(
    *,
    actor: Actor,
    case: Case,
    data: CaseInput,
    loaded_revision: int | None = None,
    author: User | None = None,
) -> Case:
    """The change, live at once. `loaded_revision`: the revision the writer started from.
    When someone saved the case since, nothing is written and EditConflict carries the case as
    it is now. `author`: whose change a moderator applies (the history credits her).

    An editor's change to a published case goes through `case_edit`, which holds it for
    review unless her organisation is trusted."""
    if actor is not None:
        require(permissions.can_edit_live(actor, case))
    saved = case_lock(case=case)
    if loaded_revision is not None and loaded_revision != saved:
        case.refresh_from_db()
        raise EditConflict(case)
    case.revision = saved
    _write_case_fields(case, data, author or actor)
    event, writer = None, user_or_none(actor)
    if writer is not None and case.is_public and not writer.is_moderator:
        # A trusted organisation's change: the moderators read it afterwards.
        event = CaseEvent(CaseEvent.Kind.CHANGED_LIVE)
    cases_changed(
        case_ids=[case.pk],
        actor=actor,
        action=gettext_noop("Edited"),
        event=event,
        author=author,
    )
    return case


@transaction.atomic
def case_saved_elsewhere(*, actor: Actor, case: Case, created: bool) -> None:
    """For the admin, which writes the case with its own forms: count the revision and tell
    the listeners, as every other write does."""
    if not created:
        case_lock(case=case)
        Case.objects.filter(pk=case.pk).update(revision=case.revision + 1)
        case.revision += 1
    action = gettext_noop("Created") if created else gettext_noop("Edited")
    cases_changed(case_ids=[case.pk], actor=actor, action=action)


@transaction.atomic
def _set_status(
    case: Case, status: str, actor: Actor, comment: str, event: CaseEvent | None = None
) -> Case:
    case.status = status
    if status == Case.Status.PUBLISHED and case.published_at is None:
        case.published_at = timezone.now()
    case.save(update_fields=["status", "published_at", "updated_at"])
    cases_changed(case_ids=[case.pk], actor=actor, action=comment, event=event)
    return case


def case_submit_for_review(*, actor: Actor, case: Case) -> Case:
    require(permissions.can_edit_case(actor, case))
    if case.status != Case.Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for review."))
    submitted = CaseEvent(CaseEvent.Kind.SUBMITTED)
    return _set_status(
        case, Case.Status.IN_REVIEW, actor, gettext_noop("Submitted for review"), submitted
    )


def _decided(case: Case, actor: Actor, outcome: str, comment: str) -> None:
    """The moderator's decision, kept with the comment its owner reads."""
    ReviewDecision.objects.create(
        case=case, moderator=user_or_none(actor), outcome=outcome, comment=comment
    )
    audit_record(actor=actor, action=f"case.{outcome}", target=case, detail={"comment": comment})


@transaction.atomic
def case_publish(*, actor: Actor, case: Case, comment: str = "") -> Case:
    event = None  # a system process (an import, the demo) publishes without telling anyone
    if actor is not None:
        require(permissions.can_review_cases(actor))
        if case.status != Case.Status.IN_REVIEW:
            raise ValidationError(_("Only a case in review can be published."))
        _decided(case, actor, ReviewDecision.Outcome.PUBLISHED, comment)
        event = CaseEvent(CaseEvent.Kind.PUBLISHED, comment=comment)
    return _set_status(case, Case.Status.PUBLISHED, actor, gettext_noop("Published"), event)


@transaction.atomic
def case_return_to_owner(*, actor: Actor, case: Case, comment: str) -> Case:
    require(permissions.can_review_cases(actor))
    if not comment.strip():
        raise ValidationError(_("Tell the owner what to change."))
    if case.status != Case.Status.IN_REVIEW:
        raise ValidationError(_("Only a case in review can be returned."))
    _decided(case, actor, ReviewDecision.Outcome.RETURNED, comment)
    returned = CaseEvent(CaseEvent.Kind.RETURNED, comment=comment)
    return _set_status(
        case, Case.Status.DRAFT, actor, gettext_noop("Returned for changes"), returned
    )


@transaction.atomic
def case_archive(*, actor: Actor, case: Case) -> Case:
    require(permissions.can_edit_case(actor, case))
    audit_record(actor=actor, action=AuditAction.CASE_ARCHIVED, target=case)
    return _set_status(case, Case.Status.ARCHIVED, actor, gettext_noop("Archived"))
