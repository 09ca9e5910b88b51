import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from innovationskraft.accounts.types import Actor
from innovationskraft.cases.models import Organisation
from innovationskraft.cases.services.common import user_or_none
from innovationskraft.workshops import permissions
from innovationskraft.workshops.models import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    Prompt,
    VotingRound,
    Workshop,
)
from innovationskraft.workshops.services.common import board_changed, require_facilitator

Kind = Prompt.Kind
TEMPLATES = {
    # The questions of the workshop this platform grew from: what has been done, what it
    # takes, and what stands in the way.
    "opsi": (
        (Kind.EXAMPLE, gettext_lazy("Which innovations in the public sector do you know of?")),
        (Kind.ENABLER, gettext_lazy("What does it take for innovation to happen and spread?")),
        (Kind.BARRIER, gettext_lazy("What stands in the way of innovation?")),
    ),
    "blank": (),
}
TEMPLATE_CHOICES = (
    ("opsi", gettext_lazy("OPSI-style workshop: examples, what it takes, barriers")),
    ("blank", gettext_lazy("Empty: I write my own questions")),
)


def _new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def _unique_slug(title: str, date: datetime.date) -> str:
    base = slugify(f"{title} {date:%Y-%m-%d}")[:200] or "workshop"
    slug, number = base, 2
    while Workshop.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def workshop_create(
    *,
    actor: Actor,
    organiser: Organisation,
    title: str,
    date: datetime.date,
    description: str = "",
    language: str = Workshop.Language.SWEDISH,
    approve_first: bool = False,
    template: str = "opsi",
) -> Workshop:
    if actor is not None and not permissions.can_create_workshop_for(actor, organiser):
        raise PermissionDenied
    if template not in TEMPLATES:
        raise ValidationError({"template": _("Choose one of the templates.")})
    for _attempt in range(20):
        try:
            with transaction.atomic():
                workshop = Workshop.objects.create(
                    title=title,
                    slug=_unique_slug(title, date),
                    organiser=organiser,
                    date=date,
                    description=description,
                    language=language,
                    approve_first=approve_first,
                    join_code=_new_join_code(),
                    created_by=user_or_none(actor),
                )
                with override(language):
                    for position, (kind, text) in enumerate(TEMPLATES[template]):
                        Prompt.objects.create(
                            workshop=workshop, kind=kind, text=str(text), position=position
                        )
                return workshop
        except IntegrityError:
            continue  # a join code or address taken meanwhile: draw again
    raise RuntimeError("No free join code after 20 draws")


@transaction.atomic
def workshop_update(
    *,
    actor: Actor,
    workshop: Workshop,
    title: str,
    date: datetime.date,
    description: str,
    language: str,
    approve_first: bool,
) -> Workshop:
    require_facilitator(actor, workshop)
    workshop.title, workshop.date, workshop.description = title, date, description
    workshop.language, workshop.approve_first = language, approve_first
    workshop.save(update_fields=["title", "date", "description", "language", "approve_first"])
    board_changed(workshop)
    return workshop


@transaction.atomic
def prompt_add(*, actor: Actor, workshop: Workshop, kind: str, text: str) -> Prompt:
    require_facilitator(actor, workshop)
    if workshop.state not in (Workshop.State.DRAFT, Workshop.State.OPEN):
        raise ValidationError(_("Questions can only be added before the workshop closes."))
    last = workshop.prompts.order_by("-position").values_list("position", flat=True).first()
    prompt = Prompt.objects.create(
        workshop=workshop, kind=kind, text=text, position=0 if last is None else last + 1
    )
    board_changed(workshop)
    return prompt


@transaction.atomic
def prompt_remove(*, actor: Actor, prompt: Prompt) -> None:
    workshop = prompt.workshop
    require_facilitator(actor, workshop)
    if prompt.contributions.exists():
        raise ValidationError(_("This question already has answers and cannot be removed."))
    prompt.delete()
    board_changed(workshop)


def _set_state(workshop: Workshop, state: str, **stamps: datetime.datetime | None) -> Workshop:
    workshop.state = state
    for field, value in stamps.items():
        setattr(workshop, field, value)
    workshop.save(update_fields=["state", *stamps])
    board_changed(workshop)
    return workshop


@transaction.atomic
def workshop_open(*, actor: Actor, workshop: Workshop) -> Workshop:
    require_facilitator(actor, workshop)
    if workshop.state not in (Workshop.State.DRAFT, Workshop.State.CLOSED):
        raise ValidationError(_("Only a draft or closed workshop can be opened."))
    if not workshop.prompts.exists():
        raise ValidationError(_("Add at least one question before opening the workshop."))
    return _set_state(
        workshop,
        Workshop.State.OPEN,
        opened_at=timezone.now(),
        closed_at=None,
        report_withdrawn_at=None,
    )


@transaction.atomic
def workshop_set_locked(*, actor: Actor, workshop: Workshop, locked: bool) -> Workshop:
    require_facilitator(actor, workshop)
    workshop.locked = locked
    workshop.save(update_fields=["locked"])
    board_changed(workshop)
    return workshop


@transaction.atomic
def workshop_close(*, actor: Actor, workshop: Workshop) -> Workshop:
    require_facilitator(actor, workshop)
    if workshop.state != Workshop.State.OPEN:
        raise ValidationError(_("Only an open workshop can be closed."))
    VotingRound.objects.filter(workshop=workshop, is_open=True).update(is_open=False)
    return _set_state(workshop, Workshop.State.CLOSED, closed_at=timezone.now())


@transaction.atomic
def workshop_save_conclusions(*, actor: Actor, workshop: Workshop, conclusions: str) -> Workshop:
    require_facilitator(actor, workshop)
    workshop.conclusions = conclusions
    workshop.save(update_fields=["conclusions"])
    return workshop


@transaction.atomic
def workshop_publish(*, actor: Actor, workshop: Workshop) -> Workshop:
    require_facilitator(actor, workshop)
    if workshop.state != Workshop.State.CLOSED:
        raise ValidationError(_("Close the workshop before publishing its report."))
    return _set_state(
        workshop, Workshop.State.PUBLISHED, published_at=timezone.now(), report_withdrawn_at=None
    )


@transaction.atomic
def workshop_unpublish(*, actor: Actor, workshop: Workshop) -> Workshop:
    require_facilitator(actor, workshop)
    if workshop.state != Workshop.State.PUBLISHED:
        raise ValidationError(_("The report is not published."))
    return _set_state(
        workshop, Workshop.State.CLOSED, published_at=None, report_withdrawn_at=timezone.now()
    )
